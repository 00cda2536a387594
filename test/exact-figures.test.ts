import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { read, replaceInFile } from './helpers/testdir.js';

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-20' };
const GOAL = 'goals/g-arr-500k-2026.md';
const METRICS = '  - name: won_arr\n    target: 500000\n  - name: won_count\n    target: 12\n  - name: win_rate\n    target: 0.35\n';

type GoalsReport = { goals: { id: string; status: string; metrics: { name: string; current: number | null; gap: number | null; progress: number }[] }[] };

/** The example with the 500k goal measured by one metric alone. */
function goalOn(metric: string, target: number): string {
  const dir = exampleWorkspaceCopy();
  replaceInFile(dir, GOAL, METRICS, `  - name: ${metric}\n    target: ${target}\n`);
  return dir;
}

async function synced(dir: string): Promise<{ file: string; report: GoalsReport['goals'][number] }> {
  const sync = await runJson<{ ok: boolean }>(['sync', '--dir', dir], { env });
  expect(sync.json.ok, sync.stdout).toBe(true);
  const report = await runJson<GoalsReport>(['report', 'goals', '--dir', dir], { env });
  return { file: read(dir, GOAL), report: report.json.goals.find((g) => g.id === 'g-arr-500k-2026')! };
}

/**
 * The figures were rounded before a goal was judged on them: 2 won of 3 closed, 0.67
 * rounded, met a win-rate target of 0.67 and the goal read achieved while the forecast on
 * the same block gave the target 43%; an MRR of 19,999.50, rounded to 20,000, met 20,000.
 * They are exact now; the block still shows them rounded.
 */
describe('a goal judged on its exact figures', () => {
  it('2 won, 1 lost is short of a 0.67 win-rate target, shown as 67%', async () => {
    const dir = goalOn('win_rate', 0.67);
    // Harbor Lending (won) joins Northwind (won) and Brightcart (lost) on the goal.
    replaceInFile(dir, 'threads/sales/harbor-lending/meta.json', '"goal_id": "g-fintech-beachhead"', '"goal_id": "g-arr-500k-2026"');
    const { file, report } = await synced(dir);
    expect(file).toMatch(/\*\*Status:\*\* active /);
    expect(file).toContain('| win_rate | 67% | 67% | 0% | ██████████ 99% |');
    expect(report.status).toBe('active');
    expect(report.metrics[0]).toMatchObject({ name: 'win_rate', current: 2 / 3, progress: 0.99 });
    expect(report.metrics[0]!.gap).toBeCloseTo(0.67 - 2 / 3, 12);
  });

  it('a won ARR of 239,994 (MRR 19,999.50) is short of a 20,000 MRR target, shown as 20,000', async () => {
    const dir = goalOn('mrr', 20000);
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'arr: 42000', 'arr: 239994');
    const { file, report } = await synced(dir);
    expect(file).toMatch(/\*\*Status:\*\* active /);
    expect(file).toContain('| mrr | 20,000 | 20,000 | 1 | ██████████ 99% |');
    expect(report.status).toBe('active');
    expect(report.metrics[0]).toMatchObject({ name: 'mrr', current: 19999.5, gap: 0.5, progress: 0.99 });
  });
});
