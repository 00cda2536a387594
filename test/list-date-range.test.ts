import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';
import { campaignFiles, workspace } from './helpers/workspace.js';

/*
 * Every date the engine reads is judged by one rule (src/clock.ts `dateProblem`): a day of
 * the calendar from 1900 to 2200. A list's `data_date` was checked for its form only, so
 * `0026-11-02` (a slip for 2026) scored as data 2,000 years old; a contact list's and a
 * signal's date were not checked at all; a campaign prospect's signal date was dropped from
 * the deal a reply opens, with nothing said.
 */

const RANGE = 'expected a date from 1900-01-01 to 2200-12-31';
const TODAY = { THREADWORK_TODAY: '2026-12-01' };

interface Ranked {
  name: string;
  components: { freshness: number; intent: number };
  leftOut: { row: number; field: string; detail: string }[];
}

describe('a list date of no plausible year', () => {
  it.each([
    ['0026-11-02', RANGE],
    ['9999-12-31', RANGE],
    ['2026-02-30', 'expected a real calendar date'],
  ])('an account data_date %s is left out and named, scored as no date', async (written, expected) => {
    const dir = testdir({ 'accounts.csv': `name,domain,data_date\nTallyfi,tallyfi.com,${written}\n` });
    const result = await runJson<{ ranked: Ranked[] }>(['score', 'accounts.csv', '--segment', 'mid-market-fintech', '--dir', process.cwd()], { cwd: dir, env: TODAY });
    expect(result.code, result.stderr).toBe(0);
    const [tallyfi] = result.json.ranked;
    expect(tallyfi!.leftOut).toEqual([{ row: 2, field: 'data_date', detail: `${expected} (got "${written}")` }]);
    expect(tallyfi!.components.freshness).toBe(0.8);
  });

  it('a contact data_date of no plausible year is named, not scored as 2,000-year-old data', async () => {
    const dir = testdir({ 'contacts.csv': 'name,email,company,data_date\nMaya,maya@tallyfi.com,Tallyfi,0026-11-02\n' });
    const result = await runJson<{ ranked: { freshness: number; leftOut: Ranked['leftOut'] }[] }>(['score', '--contacts', 'contacts.csv', '--segment', 'mid-market-fintech', '--dir', process.cwd()], { cwd: dir, env: TODAY });
    expect(result.code, result.stderr).toBe(0);
    const [maya] = result.json.ranked;
    expect(maya!.leftOut).toEqual([{ row: 2, field: 'data_date', detail: `${RANGE} (got "0026-11-02")` }]);
    expect(maya!.freshness).toBe(0.8);
  });

  it("a JSON account's signal date of no plausible year is named, where the signals left out were dropped silently", async () => {
    const dir = testdir({ 'accounts.json': JSON.stringify([{ name: 'Tallyfi', domain: 'tallyfi.com', signals: [{ type: 'funding', date: '0026-01-01' }] }]) });
    const result = await runJson<{ ranked: Ranked[] }>(['score', 'accounts.json', '--segment', 'mid-market-fintech', '--dir', process.cwd()], { cwd: dir, env: TODAY });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.ranked[0]!.leftOut).toEqual([{ row: 1, field: 'signals', detail: `item 1, date: ${RANGE} (got "0026-01-01")` }]);
    // Said once, in words: the field is not named twice (`signals: signals.0.date: …`).
    const text = await runCli(['score', 'accounts.json', '--segment', 'mid-market-fintech', '--dir', process.cwd()], { cwd: dir, env: TODAY });
    expect(text.stdout).toContain(`invalid Tallyfi (row 1): signals: item 1, date: ${RANGE} (got "0026-01-01")`);
  });

  it('takes the first and the last day of the range, and blanks around the date', async () => {
    const dir = testdir({ 'accounts.csv': 'name,domain,data_date\nOld,old.com,1900-01-01\nLate,late.com," 2200-12-31"\n' });
    const result = await runJson<{ ranked: Ranked[] }>(['score', 'accounts.csv', '--segment', 'mid-market-fintech', '--dir', process.cwd()], { cwd: dir, env: TODAY });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.ranked.flatMap((r) => r.leftOut)).toEqual([]);
  });
});

describe("a campaign prospect's signal date", () => {
  const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';
  const actions = (date: string): string =>
    `sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n  - name: Ada Lovelace\n    email: ada@analytical.example\n    company: Analytical Payments\n    signals:\n      - Featured in TechCrunch\n      - {type: funding, date: ${date}}`;
  const at = (d: Diagnostic): string => `${d.path}:${d.line}:${d.column} ${d.message}`;

  it.each([
    ['0026-03-01', `Invalid \`prospects[0].signals[1].date\`: ${RANGE} (got "0026-03-01")`],
    ['last week', 'Invalid `prospects[0].signals[1].date`: expected a date such as 2026-03-01 (got "last week")'],
  ])('%s is an error at the value, and the file is left as written', async (date, message) => {
    const dir = workspace(campaignFiles(CAMPAIGN, '2026-01-26', actions(date)));
    const before = readFileSync(join(dir, CAMPAIGN, '5-actions.md'), 'utf8');
    const found = (await (await openWorkspace(dir)).check()).diagnostics.filter((d) => d.path.endsWith('5-actions.md') && d.rule === 'schema');
    expect(found.map(at)).toEqual([`${CAMPAIGN}/5-actions.md:9:31 ${message}`]);
    expect(readFileSync(join(dir, CAMPAIGN, '5-actions.md'), 'utf8')).toBe(before);
  });

  it('a real signal date and signals written as text are no error', async () => {
    const dir = workspace(campaignFiles(CAMPAIGN, '2026-01-26', actions('2026-01-20')));
    const found = (await (await openWorkspace(dir)).check()).diagnostics.filter((d) => d.severity === 'error');
    expect(found.map(at)).toEqual([]);
  });
});
