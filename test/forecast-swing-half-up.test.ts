import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/** An open deal with a pilot completed (pipeline stage `proposal`), linked to the goal. */
function pilotDeal(id: string): Record<string, string> {
  const d = `threads/sales/${id}`;
  return {
    [`${d}/meta.json`]: dealMeta(id, { goal_id: 'g-first-customers', created: '2026-11-15' }),
    [`${d}/1-input.md`]: md('date: 2026-11-15'),
    [`${d}/2-hypothesis.md`]: md('tests: []'),
    [`${d}/3-implication.md`]: md('arr_potential: 36000'),
    [`${d}/4-decision.md`]: md('decision: QUALIFY'),
    [`${d}/5-actions.md`]: md('actions:\n  - {type: sales:pilot, status: completed, completed: 2026-11-20}'),
  };
}

/**
 * A deal's swing is printed to a tenth of a point, a half up as every figure is. With one
 * win needed and two open deals, a deal's swing is the share of the draws in which the other
 * is not won: here 1,053 of 2,000, 52.65 points, which is 52.6499… in binary and read
 * `+52.6 pts` with toFixed.
 */
describe('report forecast', () => {
  it('prints a swing of exactly half a tenth of a point rounded up', async () => {
    const dir = workspace({
      'threadwork.config.yaml': 'company: Testco\nforecast:\n  draws: 2000\n  seed: 2\n',
      'goals/g-first-customers.md': md('id: g-first-customers\ntitle: First\ndeadline: 2027-03-31\ncreated: 2026-09-01\nmetrics:\n  - name: won_count\n    target: 1'),
      ...pilotDeal('a'),
      ...pilotDeal('b'),
    });
    gitInit(dir);
    const env = { THREADWORK_TODAY: '2026-12-01' };
    const json = await runJson<{ goals: { deals: { path: string; swing: number }[] }[] }>(['report', 'forecast', '--dir', dir], { env });
    expect(json.code, json.stderr).toBe(0);
    expect(json.json.goals[0]!.deals.find((d) => d.path === 'threads/sales/a')!.swing).toBe(0.5265);
    const text = await runCli(['report', 'forecast', '--md', '--dir', dir], { env });
    expect(text.stdout).toMatch(/\| threads\/sales\/a \|[^\n]*\| \+52\.7 pts \|/);
  });
});
