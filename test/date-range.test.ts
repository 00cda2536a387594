import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { commitCount, git } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, GOAL, workspace } from './helpers/workspace.js';
import { repo } from './helpers/won-deal.js';

/*
 * `0000-01-01`, `0026-03-01` (a slip for 2026) or `9999-12-31` (a placeholder) has the form
 * of a date and is a day of the proleptic calendar, so it was taken: a deal closed two
 * thousand years ago, a goal due in eight thousand, a follow-up never due. A date of this
 * work is from 1900 to 2200 (src/clock.ts says why); any other is an error at its value,
 * saying what was expected, and the file is left exactly as written.
 */

const RANGE = 'expected a date from 1900-01-01 to 2200-12-31';

const at = (d: Diagnostic): string => `${d.path}:${d.line}:${d.column} ${d.rule}`;

async function diagnostics(extra: Record<string, string>): Promise<Diagnostic[]> {
  const ws = await openWorkspace(workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-01'), ...extra }));
  return (await ws.check()).diagnostics;
}

describe('a date of no plausible year', () => {
  it.each([
    { field: 'closed', written: '0000-01-01', file: 'threads/sales/acme/6-learning.md', text: md('outcome: closed-won\nclosed: 0000-01-01'), where: 'threads/sales/acme/6-learning.md:3:9 schema' },
    { field: 'closed', written: '0026-05-01', file: 'threads/sales/acme/6-learning.md', text: md('outcome: closed-won\nclosed: 0026-05-01'), where: 'threads/sales/acme/6-learning.md:3:9 schema' },
    { field: 'created', written: '1899-12-31', file: 'threads/sales/acme/meta.json', text: dealMeta('acme', { created: '1899-12-31' }), where: 'threads/sales/acme/meta.json:7:14 schema' },
    { field: 'created', written: '1066-10-14T09:00Z', file: 'threads/sales/acme/meta.json', text: dealMeta('acme', { created: '1066-10-14T09:00Z' }), where: 'threads/sales/acme/meta.json:7:14 schema' },
    { field: 'deadline', written: '9999-12-31', file: 'goals/g-first-customers.md', text: GOAL.replace('deadline: 2026-12-31', 'deadline: 9999-12-31'), where: 'goals/g-first-customers.md:4:11 schema' },
    { field: 'deadline', written: '2201-01-01', file: 'goals/g-first-customers.md', text: GOAL.replace('deadline: 2026-12-31', 'deadline: "2201-01-01"'), where: 'goals/g-first-customers.md:4:11 schema' },
  ])('$field: $written is one error at its value, saying which dates are expected', async ({ field, written, file, text, where }) => {
    const found = await diagnostics({ [file]: text });
    const there = found.filter((d) => d.path === file && d.rule === 'schema');
    expect(there.map(at), found.map(at).join('\n')).toEqual([where]);
    expect(there[0]!.message).toBe(`Invalid \`${field}\`: ${RANGE} (got "${written}")`);
    expect(there[0]!.severity).toBe('error');
  });

  it('takes the first and the last day of the range', async () => {
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme', { created: '1900-01-01' }),
      'goals/g-first-customers.md': GOAL.replace('deadline: 2026-12-31', 'deadline: 2200-12-31'),
    });
    expect(found.filter((d) => d.rule === 'schema').map(at)).toEqual([]);
  });

  it('leaves the file as written, commits none of it, and a second sync writes nothing', async () => {
    const dir = await repo();
    const learning = 'threads/sales/acme/6-learning.md';
    const written = md('outcome: closed-won   # won at last\nclosed: 0000-01-01\narr: 48000');
    const commits = commitCount(dir);
    writeFileSync(join(dir, learning), written);
    const first = await runJson<{ diagnostics: Diagnostic[]; written: string[] }>(['sync', '--dir', dir]);
    expect(first.json.diagnostics.map(at)).toContain(`${learning}:3:9 schema`);
    expect(readFileSync(join(dir, learning), 'utf8')).toBe(written);
    expect(commitCount(dir)).toBe(commits);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe(`?? ${learning}\n`);
    const second = await runJson<{ written: string[] }>(['sync', '--dir', dir]);
    expect(second.json.written).toEqual([]);
    expect(readFileSync(join(dir, learning), 'utf8')).toBe(written);
    expect(commitCount(dir)).toBe(commits);
  });
});
