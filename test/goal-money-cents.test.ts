import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/** A deal won on 2026-05-01 with `arr`, linked to the goal. */
function wonDeal(id: string, arr: string): Record<string, string> {
  const d = `threads/sales/${id}`;
  return {
    [`${d}/meta.json`]: dealMeta(id, { goal_id: 'g-first-customers' }),
    [`${d}/1-input.md`]: md('date: 2026-03-01'),
    [`${d}/2-hypothesis.md`]: md('tests: []'),
    [`${d}/3-implication.md`]: md('arr_potential: 36000'),
    [`${d}/4-decision.md`]: md('decision: QUALIFY'),
    [`${d}/5-actions.md`]: md('actions: []'),
    [`${d}/6-learning.md`]: md(`outcome: closed-won\nclosed: 2026-05-01\narr: ${arr}`),
  };
}

type GoalsJson = { goals: { metrics: { name: string; current: number; gap: number }[]; forecast: { metrics: { name: string; p50: number }[] } }[] };

/**
 * Money in --json is to the cent (docs/file-formats.md): 100,000 − 72,000.88 was a gap of
 * 27,999.119999999995, the average deal size 24,000.293333333335 and the MRR
 * 6,000.073333333334, where a founder working the goal by hand writes 27,999.12, 24,000.29
 * and 6,000.07 — and report winloss already said 24,000.29 for the same wins.
 */
describe('report goals --json', () => {
  it('carries every money figure to the cent: sums, gaps, averages and the forecast', async () => {
    const dir = workspace({
      'goals/g-first-customers.md': md('id: g-first-customers\ntitle: ARR\ndeadline: 2026-12-31\ncreated: 2026-03-01\nmetrics:\n  - name: won_arr\n    target: 100000\n  - name: avg_deal_size\n    target: 30000\n  - name: mrr\n    target: 10000'),
      ...wonDeal('a', '36000.25'),
      ...wonDeal('b', '24000.50'),
      ...wonDeal('c', '12000.13'),
    });
    gitInit(dir);
    const env = { THREADWORK_TODAY: '2026-06-01' };
    const report = await runJson<GoalsJson>(['report', 'goals', '--dir', dir], { env });
    expect(report.code, report.stderr).toBe(0);
    const [goal] = report.json.goals;
    const figures = goal!.metrics.map((m) => [m.name, m.current, m.gap]);
    expect(figures).toEqual([
      ['won_arr', 72000.88, 27999.12],
      ['avg_deal_size', 24000.29, 5999.71],
      ['mrr', 6000.07, 3999.93],
    ]);
    expect(goal!.forecast.metrics.find((m) => m.name === 'avg_deal_size')!.p50).toBe(24000.29);
    const winloss = await runJson<{ averageWonArr: number }>(['report', 'winloss', '--dir', dir], { env });
    expect(winloss.json.averageWonArr).toBe(24000.29);
  });
});
