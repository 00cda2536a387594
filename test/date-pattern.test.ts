import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DATE_PATTERN, isRealDate } from '../src/clock.js';
import { isoDateSchema } from '../src/schema/common.js';
import { REPO_ROOT } from './helpers/cli.js';

/*
 * The JSON Schemas an editor checks files against (`npm run schemas`) said of a date only its
 * form, `\d{4}-\d{2}-\d{2}`: `0000-01-01`, `9999-12-31` and `2026-02-30` passed in the editor
 * and were errors in `check`. Their pattern is now the validator's rule, held to it here.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

describe('DATE_PATTERN', () => {
  it('takes exactly the days isRealDate takes, for every month 0-13 and day 0-32 of the years around the range', () => {
    const pattern = new RegExp(`^${DATE_PATTERN}$`);
    const disagree: string[] = [];
    for (let year = 1899; year <= 2201; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${year}-${pad(month)}-${pad(day)}`;
          if (pattern.test(date) !== isRealDate(date)) disagree.push(date);
        }
      }
    }
    for (const date of ['0000-01-01', '0026-03-01', '9999-12-31', '1066-10-14']) if (pattern.test(date) !== isRealDate(date)) disagree.push(date);
    expect(disagree).toEqual([]);
  });
});

describe('the generated JSON Schema of a date', () => {
  const meta = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/meta.schema.json'), 'utf8')) as { properties: { created: object } };
  const validate = new Ajv2020({ strict: false }).compile(meta.properties.created);

  it.each([
    '2026-03-01',
    '1900-01-01',
    '2200-12-31',
    '2024-02-29',
    '2000-02-29',
    '1900-02-29',
    '2100-02-29',
    '2026-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '0000-01-01',
    '0026-03-01',
    '1899-12-31',
    '2201-01-01',
    '9999-12-31',
    '2026-03-01T09:30:00Z',
    '2026-03-01 9:30',
    '2026-03-01T10:00:00.250+01:00',
    '2026-03-01T24:00',
    '2026-03-01T10:60',
    '2026-03-01T::',
    '2026-03-01 ',
    '1066-10-14T09:00Z',
  ])('agrees with check on %s', (value) => {
    expect(validate(value)).toBe(isoDateSchema.safeParse(value).success);
  });

  it('says which dates it takes', () => {
    expect(meta.properties.created).toMatchObject({ description: expect.stringContaining('from 1900-01-01 to 2200-12-31') });
  });
});
