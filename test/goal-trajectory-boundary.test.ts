import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/** A deal created on 2026-01-01 and won on 2026-01-21. */
function wonDeal(id: string): Record<string, string> {
  const d = `threads/sales/${id}`;
  return {
    [`${d}/meta.json`]: dealMeta(id, { goal_id: 'g-first-customers', created: '2026-01-01' }),
    [`${d}/1-input.md`]: md('date: 2026-01-01'),
    [`${d}/2-hypothesis.md`]: md('tests: [A1]'),
    [`${d}/3-implication.md`]: md('arr_potential: 10000'),
    [`${d}/4-decision.md`]: md('decision: QUALIFY'),
    [`${d}/5-actions.md`]: md('actions:\n  - {type: sales:close, status: completed, completed: 2026-01-21}'),
    [`${d}/6-learning.md`]: md('outcome: closed-won\nclosed: 2026-01-21\narr: 10000'),
  };
}

describe('a goal exactly 10 points from its time', () => {
  // 100 days from 2026-01-01 to 2026-04-11; 3 of 10 wins is 30% of the way.
  const dir = workspace({
    'goals/g-first-customers.md': md('id: g-first-customers\ntitle: Ten\ndeadline: 2026-04-11\ncreated: 2026-01-01\nmetrics:\n  - name: won_count\n    target: 10'),
    ...wonDeal('a'),
    ...wonDeal('b'),
    ...wonDeal('c'),
  });
  gitInit(dir);
  const goal = async (today: string): Promise<{ progress: number; elapsed: number; trajectory: string }> =>
    (await runJson<{ goals: { progress: number; elapsed: number; trajectory: string }[] }>(['report', 'goals', '--dir', dir], { env: { THREADWORK_TODAY: today } })).json.goals[0]!;

  it('reads ahead at 30% done and 20% of the time gone (10 points ahead is ahead), whatever 0.2 + 0.1 is in floating point', async () => {
    expect(await goal('2026-01-21')).toMatchObject({ progress: 0.3, elapsed: 0.2, trajectory: 'ahead' });
  });

  it('reads on-track at 30% done and 40% of the time gone (10 points behind is not yet behind)', async () => {
    expect(await goal('2026-02-10')).toMatchObject({ progress: 0.3, elapsed: 0.4, trajectory: 'on-track' });
  });
});
