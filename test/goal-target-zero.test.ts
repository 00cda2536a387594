import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { read, replaceInFile } from './helpers/testdir.js';
import { checkInitialised as check, INIT_ENV as env, INIT_GOAL as GOAL, INIT_SG2, initialisedWorkspace as initialised, located } from './helpers/initialised-goal.js';

/*
 * A target of 0 passed check, and the goal `init` scaffolds, its won_count target set to
 * 0, read "achieved · 100% done" on its first day with no deal in it (its subgoal at 0,
 * "0/0 completed"); an avg_cycle_days target of 0 could never be reached. Each is a schema
 * error at the value, and sync leaves the goal as it was.
 */
describe('a goal or subgoal target of 0', () => {
  it('is a schema error at the value, as a goal metric and as a subgoal target; sync neither edits nor commits the goal', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '  - name: won_count\n    target: 3\n', '  - name: won_count\n    target: 0\n');
    replaceInFile(dir, GOAL, INIT_SG2, INIT_SG2.replace('target: 1', 'target: 0'));
    const { json, code } = await check(dir);
    expect(code).toBe(1);
    expect(located(json.diagnostics)).toEqual([`${GOAL}:12:13 error schema metrics[0].target`, `${GOAL}:25:13 error schema subgoals[1].target`]);
    expect(json.diagnostics[0]!.message).toBe('Invalid `metrics[0].target`: expected a target above 0: won_count of 0 is reached before anything is done, the goal achieved from its first day (got 0)');

    const before = read(dir, GOAL);
    const head = git(dir, 'rev-parse', 'HEAD');
    const synced = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir, env });
    expect(synced.code).toBe(1);
    expect(read(dir, GOAL)).toBe(before);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('written as money, "$0", is the same error', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '  - name: won_count\n    target: 3\n', '  - name: won_count\n    target: 3\n  - name: won_arr\n    target: "$0"\n');
    const { json } = await check(dir);
    expect(located(json.diagnostics)).toEqual([`${GOAL}:14:13 error schema metrics[1].target`]);
    expect(json.diagnostics[0]!.message).toContain('expected a target above 0: won_arr of 0 is reached before anything is done');
  });

  it('of a cycle is never reached: an error too; a baseline of 0 stays the start it is', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '  - name: won_count\n    target: 3\n', '  - name: won_count\n    target: 3\n    baseline: 0\n  - name: avg_cycle_days\n    target: 0\n');
    const { json } = await check(dir);
    expect(json.diagnostics.map((d) => `${d.field}: ${d.message}`)).toEqual(['metrics[1].target: Invalid `metrics[1].target`: expected a target above 0: avg_cycle_days of 0 days is never reached (got 0)']);
  });
});
