import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/** A deal closed on 2026-05-01, won with `arr` or lost. */
function closedDeal(id: string, arr: string | null): Record<string, string> {
  const d = `threads/sales/${id}`;
  return {
    [`${d}/meta.json`]: dealMeta(id, { goal_id: 'g-first-customers' }),
    [`${d}/1-input.md`]: md('source: inbound\ndate: 2026-03-01'),
    [`${d}/2-hypothesis.md`]: md('tests: []'),
    [`${d}/3-implication.md`]: md('arr_potential: 36000'),
    [`${d}/4-decision.md`]: md('decision: QUALIFY'),
    [`${d}/5-actions.md`]: md('actions: []'),
    [`${d}/6-learning.md`]: md(arr === null ? 'outcome: closed-lost\nclosed: 2026-05-01' : `outcome: closed-won\nclosed: 2026-05-01\narr: ${arr}`),
  };
}

/**
 * The average won ARR is to the cent, a half cent up, as on paper: 36,000.02 and 24,000.05
 * average 30,000.035, which is 30,000.03499… in binary and was rounded down by Math.round
 * to 30,000.03, a cent short of the goal's average deal size for the same two deals.
 */
describe('report winloss', () => {
  it('rounds an average won ARR of a half cent up, overall and in each group', async () => {
    const dir = workspace({ ...closedDeal('won-a', '36000.02'), ...closedDeal('won-b', '24000.05'), ...closedDeal('lost-a', null) });
    gitInit(dir);
    const env = { THREADWORK_TODAY: '2026-12-01' };
    const report = await runJson<{ averageWonArr: number; patterns: { segment: { value: string; averageWonArr: number; confidence: number }[] } }>(['report', 'winloss', '--dir', dir], { env });
    expect(report.code, report.stderr).toBe(0);
    expect(report.json.averageWonArr).toBe(30000.04);
    expect(report.json.patterns.segment).toEqual([expect.objectContaining({ value: 'mid-market-fintech', averageWonArr: 30000.04, confidence: 0.38 })]);
    const text = await runCli(['report', 'winloss', '--md', '--dir', dir], { env });
    expect(text.stdout).toContain('30,000');
  });
});
