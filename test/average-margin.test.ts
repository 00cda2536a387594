import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md, read } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/** A deal closed won with its margin, stages 1 to 6. */
function wonDeal(id: string, margin: number): Record<string, string> {
  const d = `threads/sales/${id}`;
  return {
    [`${d}/meta.json`]: dealMeta(id),
    [`${d}/1-input.md`]: md('date: 2026-03-01'),
    [`${d}/2-hypothesis.md`]: md('tests: [A1]'),
    [`${d}/3-implication.md`]: md('arr_potential: 36000'),
    [`${d}/4-decision.md`]: md('decision: QUALIFY'),
    [`${d}/5-actions.md`]: md('actions:\n  - {type: sales:pilot, status: completed, completed: 2026-04-01}'),
    [`${d}/6-learning.md`]: md(`outcome: closed-won\nclosed: 2026-05-01\narr: 36000\nmargin: ${margin}`),
  };
}

/**
 * Each margin was rounded to whole hundredths before the average: 0.6 and 0.605 counted as
 * 0.60 and 0.61, averaged 0.605 and read 61%, where the margins written average 0.6025, 60%.
 */
describe('the average margin of won deals', () => {
  it('averages the margins as written and rounds once: 0.6 and 0.605 are 60%, not 61%', async () => {
    const dir = workspace({ ...wonDeal('alpha', 0.6), ...wonDeal('beta', 0.605) });
    gitInit(dir);
    const sync = await runCli(['sync', '--dir', dir], { env: { THREADWORK_TODAY: '2026-06-01' } });
    expect(sync.code, sync.stderr).toBe(0);
    expect(read(dir, 'strategy/canvas/13-metrics.md')).toMatch(/\| average margin \| 60% \|/);
  });
});
