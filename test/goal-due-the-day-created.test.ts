import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { INIT_ENV as env, INIT_GOAL as GOAL, initialisedWorkspace as initialised } from './helpers/initialised-goal.js';
import { read, replaceInFile } from './helpers/testdir.js';

/*
 * A goal due the day it was created (the same day passes, docs/file-formats.md) read
 * "0% of the time to <deadline>" on that day, and so "on-track" at 0% done: its span was
 * taken as one day of which none had passed. On its deadline day all its time is gone,
 * as for any goal on its last day: it is behind.
 */
describe('a goal on its deadline day, due the day it was created', () => {
  it('has all its time gone and is behind at 0% done, in the report, its JSON and the goal file', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, /\ndeadline: .*\n/.exec(read(dir, GOAL))![0], '\ndeadline: 2026-11-22\n');
    const json = await runJson<{ goals: { elapsed: number; trajectory: string; status: string }[] }>(['report', 'goals'], { cwd: dir, env });
    expect(json.json.goals[0]).toMatchObject({ status: 'active', elapsed: 1, trajectory: 'behind' });
    expect((await runCli(['report', 'goals'], { cwd: dir, env: { ...env, NO_COLOR: '1' } })).stdout).toContain('active · trajectory behind · 0% done, 100% of the time to 2026-11-22 · as of 2026-11-22');
    expect((await runCli(['sync'], { cwd: dir, env })).code).toBe(0);
    expect(read(dir, GOAL)).toContain('**Status:** active · **Trajectory:** behind (0% of the way, 100% of the time to 2026-11-22) · as of 2026-11-22');
  });
});
