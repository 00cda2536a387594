import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';
import { read } from './helpers/testdir.js';

/*
 * The example's g-arr-500k-2026 has won 42,000 of its 500,000 ARR (8%) and 1 of its 12
 * deals (8%), at a 50% win rate against a 35% target (met). Its "% done" was the mean of
 * the three, 39%, while the money it is named after was at 8%. A goal is achieved only
 * when every metric is: its progress is its furthest-behind metric's.
 */
describe("a goal's % done", () => {
  const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-20', NO_COLOR: '1' };
  type GoalsReport = { goals: { id: string; progress: number; trajectory: string; metrics: { name: string; progress: number }[] }[] };

  it('is its furthest-behind metric, not lifted by a met win rate: the goal file, report goals, its JSON and MCP agree', async () => {
    const dir = exampleWorkspaceCopy();
    const synced = await runCli(['sync'], { cwd: dir, env });
    expect(synced.code, synced.stdout + synced.stderr).toBe(0);
    expect(read(dir, 'goals/g-arr-500k-2026.md')).toContain('**Status:** active · **Trajectory:** behind (8% of the way, 84% of the time to 2026-12-31) · as of 2026-11-12');

    const json = await runJson<GoalsReport>(['report', 'goals'], { cwd: dir, env });
    const goal = json.json.goals.find((g) => g.id === 'g-arr-500k-2026')!;
    expect(goal.metrics.map((m) => [m.name, m.progress])).toEqual([['won_arr', 0.08], ['won_count', 0.08], ['win_rate', 1]]);
    expect(goal.progress).toBe(0.08);
    expect((await runCli(['report', 'goals'], { cwd: dir, env })).stdout).toContain('active · trajectory behind · 8% done, 87% of the time to 2026-12-31');
    expect((await runCli(['report', 'goals', '--md'], { cwd: dir, env })).stdout).toContain('Status **active**, trajectory **behind**: 8% of the way, 87% of the time to 2026-12-31');
    const mcp = await connectMcp(dir, { THREADWORK_TODAY: '2026-11-20' });
    expect((await mcp.ok<GoalsReport>('report', { name: 'goals' })).goals.find((g) => g.id === 'g-arr-500k-2026')!.progress).toBe(0.08);
  });
});
