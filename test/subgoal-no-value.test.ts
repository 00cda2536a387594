import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { read, replaceInFile } from './helpers/testdir.js';
import { INIT_ENV as env, INIT_GOAL as GOAL, INIT_SG2, initialisedWorkspace as initialised } from './helpers/initialised-goal.js';

/*
 * A win rate, an average deal size or an average cycle has no value until a linked deal
 * closes: the goal's metric rows said so (`—`), but its subgoals printed the missing value
 * as 0 — `0%/40%` beside a win_rate row of `—`, and `0/45` days for a cycle, which reads as
 * a cycle already shorter than its target — in the report and in the goal's state block.
 */
describe('a subgoal whose metric has no value yet', () => {
  const SUBGOALS = `${INIT_SG2}  - id: SG4\n    title: Win two in five\n    metric: win_rate\n    target: 0.4\n  - id: SG5\n    title: Close in six weeks\n    metric: avg_cycle_days\n    target: 45\n`;

  it('shows no value (—), as its metric row and the JSON do, in the report, its Markdown and the goal state sync writes', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, INIT_SG2, SUBGOALS);
    const json = await runJson<{ goals: { subgoals: { id: string; current: number | null }[] }[] }>(['report', 'goals'], { cwd: dir, env });
    expect(json.json.goals[0]!.subgoals.filter((s) => s.current === null).map((s) => s.id)).toEqual(['SG4', 'SG5']);

    const text = await runCli(['report', 'goals'], { cwd: dir, env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/SG4 +Win two in five +—\/40% +· pending/);
    expect(text.stdout).toMatch(/SG5 +Close in six weeks +—\/45 +· pending/);
    const markdown = await runCli(['report', 'goals', '--md'], { cwd: dir, env });
    expect(markdown.stdout).toContain('| SG4 | Win two in five | —/40% | pending |');
    expect(markdown.stdout).toContain('| SG5 | Close in six weeks | —/45 | pending |');

    const synced = await runCli(['sync'], { cwd: dir, env });
    expect(synced.code, synced.stdout + synced.stderr).toBe(0);
    expect(synced.stdout).toContain('SG4 — → —/40%');
    expect(read(dir, GOAL)).toContain('| SG4 | Win two in five | —/40% | pending | — |');
    expect(read(dir, GOAL)).toContain('| SG5 | Close in six weeks | —/45 | pending | — |');
    expect(read(dir, GOAL)).not.toMatch(/\| 0%\/40% \||\| 0\/45 \|/);
    // A fixed point: the next sync writes nothing.
    expect((await runCli(['sync'], { cwd: dir, env })).stdout).not.toContain('wrote');
  });
});
