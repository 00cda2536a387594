import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignNewCommand } from '../src/cli/commands/campaign.js';
import { campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { dealNewCommand } from '../src/cli/commands/deal.js';
import { dueCommand } from '../src/cli/commands/due.js';
import type { CommandOutcome } from '../src/cli/outcome.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { commandJson, commandJsonAsCli } from './helpers/in-process.js';

const CAMPAIGN = '2026-09-15-fintech-controller-outbound';

/*
 * Speed: the refusal is the workspace's answer (the API validates the date), so each
 * command × date pair runs the command's own function (commandJson: the JSON and exit code
 * `… --json` prints). Each command keeps one real CLI run, which checks that its `--date`
 * reaches that function and the process exits 1 with the same JSON. A refusal writes
 * nothing — each case asserts a clean `git status` — so the 32 pairs share one copy of the
 * example, the next pair running on what the last one left: a write would fail the pair
 * that made it.
 */

afterEach(() => {
  vi.unstubAllEnvs();
});

/** One copy of the example for the refusals of this file: made on first use. */
let refusals: string | undefined;
const refusalWorkspace = (): string => (refusals ??= exampleWorkspaceCopy());

/** Every command that takes a `--date`: its CLI arguments and its own function, with the rest of what it needs (the bundled example's campaign and prospect). */
const COMMANDS: [string, string[], (dir: string, date: string) => Promise<CommandOutcome>][] = [
  ['deal new', ['deal', 'new', 'Acme', '--segment', 'mid-market-fintech'], (dir, date) => dealNewCommand('Acme', { segment: 'mid-market-fintech', date, commit: true }, { dir, json: true })],
  ['campaign new', ['campaign', 'new', 'Test camp', '--segment', 'mid-market-fintech'], (dir, date) => campaignNewCommand('Test camp', { segment: 'mid-market-fintech', date, commit: true }, { dir, json: true })],
  [
    'campaign reply',
    ['campaign', 'reply', CAMPAIGN, 'ravi.shah@meridianpay.com', '--text', 'Thanks, not interested'],
    (dir, date) => campaignReplyCommand(CAMPAIGN, 'ravi.shah@meridianpay.com', { text: 'Thanks, not interested', date, commit: true }, { dir, json: true }),
  ],
  ['due', ['due'], (dir, date) => dueCommand({ date }, { dir, json: true })],
];

// The words check uses for the same date in a file (src/schema/common.ts), so a date is judged one way everywhere.
const DATES: [string, string][] = [
  ['2026-02-30', 'expected a real calendar date'],
  ['20260201', 'expected a date such as 2026-03-01 — write 20260201 as 2026-02-01'],
  ['04.12.2026', 'expected a date such as 2026-03-01 — write 04.12.2026 as 2026-12-04'],
  ['yesterday', 'expected a date such as 2026-03-01'],
  // Refused, not trimmed, as --segment, --slug, --email and --source refuse blanks around them: a value in a form is given exactly.
  [' 2026-11-20', 'expected a date such as 2026-03-01 — unexpected space before the date: write 2026-11-20 with nothing around it'],
  ['2026-11-20 ', 'expected a date such as 2026-03-01 — unexpected space after the date: write 2026-11-20 with nothing around it'],
  // A day of the calendar of no year this work has (src/clock.ts): a slip for 2026, a placeholder.
  ['0026-05-01', 'expected a date from 1900-01-01 to 2200-12-31'],
  ['9999-12-31', 'expected a date from 1900-01-01 to 2200-12-31'],
];

type Refusal = { ok: boolean; error: { code: string; message: string } };

describe('a --date that is not a date', () => {
  const cases = COMMANDS.flatMap(([name, , command]) => DATES.map(([date, expected]) => [name, date, expected, command] as const));
  it.each(cases)('%s --date %s is refused as check would, and nothing is written', async (_name, date, expected, command) => {
    const dir = refusalWorkspace();
    const result = await commandJson<Refusal>(() => command(dir, date));
    expect(result.code).toBe(1);
    expect(result.json.error.code).toBe('invalid-date');
    expect(result.json.error.message).toBe(`Invalid date ${JSON.stringify(date)}: ${expected}`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it.each(COMMANDS.map(([name, args], i) => [name, args, DATES[i % DATES.length]!] as const))('the CLI: %s --date passes the date on and exits 1 with the refusal', async (_name, args, [date, expected]) => {
    const dir = exampleWorkspaceCopy();
    const result = await runJson<Refusal>([...args, '--date', date, '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.json.error.code).toBe('invalid-date');
    expect(result.json.error.message).toBe(`Invalid date ${JSON.stringify(date)}: ${expected}`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  // It said "expected a date such as 2026-03-01 — write 2026-11-20 as 2026-11-20", as though it were written so already.
  it('the CLI: due --date with a space before the date names the space', async () => {
    const dir = exampleWorkspaceCopy();
    const result = await runCli(['due', '--date', ' 2026-11-20', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid date " 2026-11-20": expected a date such as 2026-03-01 — unexpected space before the date: write 2026-11-20 with nothing around it');
  });
});

// `deal new --date 2027-05-01` was refused as "Refused to write threads/sales/acme/1-input.md:
// … 1-input.md:6:7 error Signal date … (date-in-future)": at a line of a file the person never
// wrote and that does not exist. The date given is the fault, and is refused as given.
describe('a --date after today, for a day something happened', () => {
  const PAST: [string, string[], string, (dir: string, date: string) => Promise<CommandOutcome>][] = [
    ['deal new', ['deal', 'new', 'Acme', '--segment', 'mid-market-fintech'], 'the day the deal was opened', (dir, date) => dealNewCommand('Acme', { segment: 'mid-market-fintech', date, commit: false }, { dir, json: true })],
    [
      'campaign reply',
      ['campaign', 'reply', CAMPAIGN, 'ravi.shah@meridianpay.com', '--text', 'Thanks, not interested'],
      'the day the reply came',
      (dir, date) => campaignReplyCommand(CAMPAIGN, 'ravi.shah@meridianpay.com', { text: 'Thanks, not interested', date, commit: false }, { dir, json: true }),
    ],
  ];
  it.each(PAST)('%s --date is refused as given, naming today, and nothing is written', async (_name, args, expected, command) => {
    const dir = exampleWorkspaceCopy();
    const env = { THREADWORK_TODAY: '2026-12-02' };
    const result = await runJson<{ ok: boolean; error: { code: string; message: string } }>([...args, '--date', '2027-05-01', '--dir', dir], { env });
    expect(result.code).toBe(1);
    expect(result.json.error.code).toBe('invalid-date');
    expect(result.json.error.message).toBe(`Invalid date "2027-05-01": after today (2026-12-02) — expected ${expected}, today or before`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // A day ahead passes, as check lets it (a colleague east of here is on the next day already): as the
    // command's own function answers `… --date 2026-12-03 --no-commit` (the date reaching it from argv: the run above).
    const tomorrow = await commandJsonAsCli<{ ok: boolean }>(() => command(dir, '2026-12-03'), env);
    expect(tomorrow.json.ok, JSON.stringify(tomorrow.json)).not.toBe(false);
  });
});
