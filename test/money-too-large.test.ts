import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read, replaceInFile } from './helpers/testdir.js';

const schemaErrors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`);

/*
 * An amount so large that the totals overflow — `arr: 1e308`, or 400 digits quoted — passed
 * check without a word, and the reports and the goal state sync writes printed `∞` for the
 * won ARR and `NaN` for its forecast percentiles (the JSON said `null`). An amount is now an
 * error at the value past a quadrillion, larger than any deal or revenue, so nothing adds up
 * to infinity.
 */
describe('an amount too large to add up', () => {
  it('is an error at the value in a deal, a goal and the metric targets, and no report prints ∞ or NaN', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'arr: 42000', 'arr: 1e308');
    replaceInFile(dir, 'threads/sales/oakline-outfitters/3-implication.md', 'arr_potential: 36000', `arr_potential: "$${'9'.repeat(400)}"`);
    replaceInFile(dir, 'threads/sales/brightcart/1-input.md', '  revenue: "$48M"', '  revenue: {min: 1e300, max: 2e300}');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 500000', 'target: 5e307');
    replaceInFile(dir, 'strategy/canvas/13-metrics.md', 'won_arr: 500000', 'won_arr: "$200,000,000,000,000,000,000"');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(check.code).toBe(1);
    const errors = schemaErrors(check.json.diagnostics);
    for (const at of ['goals/g-arr-500k-2026.md:9:13 Invalid `metrics[0].target`', 'threads/sales/northwind-payments/6-learning.md:4:6 Invalid `arr`', 'threads/sales/oakline-outfitters/3-implication.md:2:16 Invalid `arr_potential`', 'threads/sales/brightcart/1-input.md:', 'strategy/canvas/13-metrics.md:8:12 Invalid `targets.won_arr`']) {
      expect(errors.find((e) => e.startsWith(at)), `${at} in\n${errors.join('\n')}`).toContain('expected an amount of at most 1,000,000,000,000,000');
    }
    const reports = ['pipeline', 'goals', 'forecast'];
    const printed = await Promise.all(reports.map((report) => runCli(['report', report], { cwd: dir })));
    for (const [i, text] of printed.entries()) expect(text.stdout, reports[i]).not.toMatch(/∞|NaN|Infinity/);
    await runCli(['sync'], { cwd: dir });
    expect(read(dir, 'goals/g-arr-500k-2026.md')).not.toMatch(/∞|NaN|Infinity/);
  });

  it('a quadrillion itself is taken', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'arr: 42000', 'arr: "$1000000000000000"');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 500000', 'target: 1e15');
    expect(schemaErrors((await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir })).json.diagnostics)).toEqual([]);
  });
});
