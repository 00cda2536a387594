import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/** A closed deal in `segment`, from Stage 1 to its Stage 6 outcome. */
function closedDeal(id: string, segment: string, won: boolean): Record<string, string> {
  const d = `threads/sales/${id}`;
  return {
    [`${d}/meta.json`]: dealMeta(id, { segment }),
    [`${d}/1-input.md`]: md('source: inbound\ndate: 2026-03-01'),
    [`${d}/2-hypothesis.md`]: md('tests: []'),
    [`${d}/3-implication.md`]: md('arr_potential: 36000'),
    [`${d}/4-decision.md`]: md('decision: QUALIFY'),
    [`${d}/5-actions.md`]: md('actions: []'),
    [`${d}/6-learning.md`]: md(won ? 'outcome: closed-won\nclosed: 2026-05-01\narr: 36000' : 'outcome: closed-lost\nclosed: 2026-05-01'),
  };
}

/**
 * A group's lift is its win rate less the overall one, printed in whole points beside the
 * two rates, each a whole percent rounded a half up. The lift was rounded with Math.round
 * of its binary value: 23 won of 40 (57.5%, printed 58%) against 40 of 80 overall (50%)
 * is 7.4999… points in binary, printed `+7 pts` beside 58% and 50%.
 */
describe('report winloss', () => {
  it('prints a lift of exactly half a point rounded up, as the rates beside it are', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) Object.assign(files, closedDeal(`fin-${i}`, 'mid-market-fintech', i < 23), closedDeal(`shop-${i}`, 'ecommerce-finance', i < 17));
    const dir = workspace(files);
    gitInit(dir);
    const text = await runCli(['report', 'winloss', '--md'], { cwd: dir, env: { THREADWORK_TODAY: '2026-12-01' } });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/\| segment \| mid-market-fintech \| 40 \| 23\/17 \| 58% \| \+8 pts \|/);
    expect(text.stdout).toMatch(/\| segment \| ecommerce-finance \| 40 \| 17\/23 \| 43% \| −7 pts \|/);
  });
});
