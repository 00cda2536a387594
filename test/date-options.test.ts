import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { git } from './helpers/git.js';

const CAMPAIGN = '2026-09-15-fintech-controller-outbound';

/** Every command that takes a `--date`, with the rest of what it needs (the bundled example's campaign and prospect). */
const COMMANDS: [string, string[]][] = [
  ['deal new', ['deal', 'new', 'Acme', '--segment', 'mid-market-fintech']],
  ['campaign new', ['campaign', 'new', 'Test camp', '--segment', 'mid-market-fintech']],
  ['campaign reply', ['campaign', 'reply', CAMPAIGN, 'ravi.shah@meridianpay.com', '--text', 'Thanks, not interested']],
  ['due', ['due']],
];

// The words check uses for the same date in a file (src/schema/common.ts), so a date is judged one way everywhere.
const DATES: [string, string][] = [
  ['2026-02-30', 'expected a real calendar date'],
  ['20260201', 'expected a date such as 2026-03-01'],
  ['yesterday', 'expected a date such as 2026-03-01'],
];

describe('a --date that is not a date', () => {
  const cases = COMMANDS.flatMap(([name, args]) => DATES.map(([date, expected]) => [name, date, expected, args] as const));
  it.each(cases)('%s --date %s is refused as check would, and nothing is written', async (_name, date, expected, args) => {
    const dir = exampleWorkspace();
    const result = await runJson<{ ok: boolean; error: { code: string; message: string } }>([...args, '--date', date, '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.json.error.code).toBe('invalid-date');
    expect(result.json.error.message).toBe(`Invalid date ${JSON.stringify(date)}: ${expected}`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
