import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { md } from './helpers/testdir.js';
import { campaignFiles, GOAL, workspace } from './helpers/workspace.js';

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: string;
  message: string;
}

const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';

/**
 * YAML 1.2 reads `0x10` as 16 and `0o20` as 16: a campaign that recorded `sent: 0x10`
 * counted 16 sends in every rate, and a goal's `target: 0x3` was 3 wins, with nothing said.
 * Nobody counting sends or deals writes hexadecimal: each is an error at its value, as a
 * count written `12.000` is (non-decimal-numbers.ts, one rule for every number).
 */
describe('a count written as a hexadecimal or octal number', () => {
  it('is refused in a campaign\'s results and its experiments, at the value, saying what it reads as', async () => {
    const dir = workspace({
      ...campaignFiles(CAMPAIGN, '2026-01-26', 'sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects: []'),
      [`${CAMPAIGN}/6-learning.md`]: md('closed: 2026-03-01\nresults:\n  sent: 0x10\n  delivered: 16\n  replied: 0o2\n  experiments:\n    subject-line:\n      A: {sent: 0x8, replied: 1}'),
    });
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    // (5-actions.md defines no experiment here: that is told too, beside these.)
    const found = check.json.diagnostics.filter((d) => d.path === `${CAMPAIGN}/6-learning.md` && d.message.includes('written in decimal:'));
    expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '4:9 Invalid `results.sent`: expected a number written in decimal: 0x10 is hexadecimal, read as 16 (write 16, or quote it if it is not a number) (got 0x10)',
      '6:12 Invalid `results.replied`: expected a number written in decimal: 0o2 is octal, read as 2 (write 2, or quote it if it is not a number) (got 0o2)',
      '9:17 Invalid `results.experiments.subject-line.A.sent`: expected a number written in decimal: 0x8 is hexadecimal, read as 8 (write 8, or quote it if it is not a number) (got 0x8)',
    ]);
  });

  it('is refused as a goal\'s count target', async () => {
    const dir = workspace({ 'goals/g-first-customers.md': GOAL.replace('    target: 3\nsubgoals', '    target: 0x3\nsubgoals') });
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    const found = check.json.diagnostics.filter((d) => d.path === 'goals/g-first-customers.md' && d.severity === 'error');
    expect(found.map((d) => d.message)).toEqual(['Invalid `metrics[0].target`: expected a number written in decimal: 0x3 is hexadecimal, read as 3 (write 3, or quote it if it is not a number) (got 0x3)']);
  });
});
