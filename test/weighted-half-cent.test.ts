import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const CONFIG = `company: Testco
pipeline:
  stages:
    - {name: lead, probability: 0.1}
    - {name: qualified, probability: 0.15}
    - {name: discovery, probability: 0.4}
    - {name: proposal, probability: 0.6}
    - {name: negotiation, probability: 0.8}
    - {name: closed-won, probability: 1.0}
`;

/** An open deal at `qualified` (Stage 4 QUALIFY, no action yet), linked to the goal. */
function qualifiedDeal(id: string, arrPotential: string): Record<string, string> {
  const d = `threads/sales/${id}`;
  return {
    [`${d}/meta.json`]: dealMeta(id, { goal_id: 'g-first-customers' }),
    [`${d}/1-input.md`]: md('date: 2026-03-01'),
    [`${d}/2-hypothesis.md`]: md('tests: [A1]'),
    [`${d}/3-implication.md`]: md(`arr_potential: ${arrPotential}`),
    [`${d}/4-decision.md`]: md('decision: QUALIFY'),
  };
}

/**
 * A weighted value is rounded to the cent per deal (docs/file-formats.md): a half cent up,
 * as on paper. 1,000.10 at 15% is 150.015, which is 15001.4999… cents in binary and was
 * weighted at 150.01 by Math.round.
 */
describe('weighted pipeline', () => {
  it('rounds a deal weighted to a half cent up, in the report, the metrics and the goal', async () => {
    const dir = workspace({
      'threadwork.config.yaml': CONFIG,
      'goals/g-first-customers.md': md('id: g-first-customers\ntitle: Pipeline\ndeadline: 2026-12-31\ncreated: 2026-03-01\nmetrics:\n  - name: weighted_pipeline\n    target: 1000'),
      ...qualifiedDeal('one', '1000.10'),
      ...qualifiedDeal('two', '1000.30'),
    });
    gitInit(dir);
    const env = { THREADWORK_TODAY: '2026-06-01' };
    // By hand: 150.015 → 150.02 and 150.045 → 150.05, 300.07 in all.
    const pipeline = await runJson<{ stages: { stage: string; weighted: number }[]; totals: { weighted: number } }>(['report', 'pipeline', '--dir', dir], { env });
    expect(pipeline.code, pipeline.stderr).toBe(0);
    expect(pipeline.json.stages.find((s) => s.stage === 'qualified')!.weighted).toBe(300.07);
    expect(pipeline.json.totals.weighted).toBe(300.07);
    const goals = await runJson<{ goals: { metrics: { name: string; current: number }[] }[] }>(['report', 'goals', '--dir', dir], { env });
    expect(goals.json.goals[0]!.metrics.find((m) => m.name === 'weighted_pipeline')!.current).toBe(300.07);
  });
});
