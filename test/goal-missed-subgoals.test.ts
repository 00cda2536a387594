import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';
import { read, replaceInFile } from './helpers/testdir.js';

/*
 * The example's g-arr-500k-2026 is due 2026-12-31. A deal opened on 2027-01-15 moves the
 * goal's as-of date past its deadline, unmet: the goal read `missed`, and beside it its
 * subgoals, short of their targets, still read "in progress" and "pending" — in the goal
 * file, `report goals` (text and JSON) and the MCP report. A subgoal has its goal's
 * deadline: unmet when it passes, it is missed; one that was met stays completed.
 */
describe('the subgoals of a goal whose deadline passed unmet', () => {
  const GOAL = 'goals/g-arr-500k-2026.md';
  const env = { ...gitEnv(), THREADWORK_TODAY: '2027-01-15' };
  type GoalsReport = { goals: { id: string; status: string; subgoals: { id: string; status: string }[] }[] };

  it('read missed, and a met one completed, in the goal file, report goals, its JSON and the MCP answer', async () => {
    const dir = exampleWorkspaceCopy();
    const opened = await runCli(['deal', 'new', 'Late Co', '--segment', 'mid-market-fintech', '--goal', 'g-arr-500k-2026', '--subgoal', 'SG1'], { cwd: dir, env });
    expect(opened.code, opened.stderr).toBe(0);
    // SG3 met before the deadline, as sync records it: it stays completed.
    replaceInFile(dir, GOAL, '    metric: pipeline_count\n    target: 12\n', '    metric: pipeline_count\n    target: 12\n    reached: 2026-10-01\n');
    const synced = await runCli(['sync'], { cwd: dir, env });
    expect(synced.code, synced.stdout + synced.stderr).toBe(0);

    const block = read(dir, GOAL);
    expect(block).toContain('**Status:** missed');
    expect(block).toMatch(/\| SG1 \| Land five mid-market fintech customers \| 1\/5 \| missed \|/);
    expect(block).toMatch(/\| SG2 \| Land five e-commerce customers \| 0\/5 \| missed \|/);
    expect(block).toMatch(/\| SG3 \| Keep twelve deals open in the pipeline \| 0\/12 \| completed \|/);

    const json = await runJson<GoalsReport>(['report', 'goals'], { cwd: dir, env });
    const statuses = (r: GoalsReport): Record<string, string> => Object.fromEntries(r.goals.find((g) => g.id === 'g-arr-500k-2026')!.subgoals.map((s) => [s.id, s.status]));
    expect(statuses(json.json)).toEqual({ SG1: 'missed', SG2: 'missed', SG3: 'completed' });
    const text = await runCli(['report', 'goals'], { cwd: dir, env: { ...env, NO_COLOR: '1' } });
    expect(text.stdout).toMatch(/SG1 +Land five mid-market fintech customers +1\/5 +✗ missed/);
    expect(text.stdout).toMatch(/SG2 +Land five e-commerce customers +0\/5 +✗ missed/);
    expect(text.stdout).toMatch(/SG3 +Keep twelve deals open in the pipeline +0\/12 +✓ completed/);
    expect((await runCli(['report', 'goals', '--md'], { cwd: dir, env })).stdout).toContain('| SG2 | Land five e-commerce customers | 0/5 | missed |');

    const mcp = await connectMcp(dir, { THREADWORK_TODAY: '2027-01-15' });
    expect(statuses(await mcp.ok<GoalsReport>('report', { name: 'goals' }))).toEqual({ SG1: 'missed', SG2: 'missed', SG3: 'completed' });

    // The other goal, due 2027-03-31, is not past its deadline: its subgoals are as they were.
    expect(read(dir, 'goals/g-fintech-beachhead.md')).not.toMatch(/\| missed \|/);
    expect((await runCli(['sync'], { cwd: dir, env })).stdout).not.toMatch(/updated|committed/);
  });
});
