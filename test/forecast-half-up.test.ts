import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/** A deal with a pilot under way (pipeline stage `proposal`), open or closed won or lost on 2026-10-15. */
function deal(id: string, outcome: 'open' | 'closed-won' | 'closed-lost'): Record<string, string> {
  const d = `threads/sales/${id}`;
  const files: Record<string, string> = {
    [`${d}/meta.json`]: dealMeta(id, { goal_id: 'g-first-customers', created: '2026-09-01' }),
    [`${d}/1-input.md`]: md('date: 2026-09-01'),
    [`${d}/2-hypothesis.md`]: md('tests: [A1]'),
    [`${d}/3-implication.md`]: md('arr_potential: 10000'),
    [`${d}/4-decision.md`]: md('decision: QUALIFY'),
    [`${d}/5-actions.md`]: md('actions:\n  - {type: sales:pilot, status: completed, completed: 2026-09-15}'),
  };
  if (outcome !== 'open') files[`${d}/6-learning.md`] = md(`outcome: ${outcome}\nclosed: 2026-10-15${outcome === 'closed-won' ? '\narr: 10000' : ''}`);
  return files;
}

describe('forecast stage probabilities round a half up', () => {
  it('17 won of 30 closed at proposal calibrate to (17 + 10·0.6) / (30 + 10) = 0.575: the deal is drawn at 58%, as the calibration table prints it', async () => {
    // By hand (docs/forecast.md): k = 10, configured proposal 0.6; 17 won and 13 lost at
    // proposal reached it: p̂ = (17 + 6) / 40 = 0.575, rounded to a whole percent half up: 58%.
    // In binary 0.575 · 100 is 57.4999…, and the deal was drawn at 57%.
    const files: Record<string, string> = {};
    for (let i = 0; i < 17; i++) Object.assign(files, deal(`won-${i}`, 'closed-won'));
    for (let i = 0; i < 13; i++) Object.assign(files, deal(`lost-${i}`, 'closed-lost'));
    const dir = workspace({
      'goals/g-first-customers.md': md('id: g-first-customers\ntitle: More\ndeadline: 2027-03-31\ncreated: 2026-09-01\nmetrics:\n  - name: won_count\n    target: 18'),
      ...files,
      ...deal('open-one', 'open'),
    });
    gitInit(dir);
    const report = await runJson<{ calibration: { stages: { stage: string; closed: number; won: number; probability: number }[] }; goals: { deals: { path: string; pStage: number }[] }[] }>(['report', 'forecast', '--dir', dir], { env: { THREADWORK_TODAY: '2026-12-01' } });
    expect(report.code, report.stderr).toBe(0);
    const proposal = report.json.calibration.stages.find((s) => s.stage === 'proposal')!;
    expect(proposal).toMatchObject({ closed: 30, won: 17 });
    expect(proposal.probability).toBeCloseTo(0.575, 12);
    expect(report.json.goals[0]!.deals.find((d) => d.path === 'threads/sales/open-one')!.pStage).toBe(0.58);
  });
});
