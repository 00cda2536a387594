import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { read, replaceInFile } from './helpers/testdir.js';
import { checkInitialised as check, INIT_ENV as env, INIT_GOAL as GOAL, INIT_SG2 as SG2, initialisedWorkspace as initialised, located } from './helpers/initialised-goal.js';


/*
 * A goal's `abandoned` day and a subgoal's `reached` day are days something happened, as a
 * deal's close date is: one to come (2027 for 2026) abandoned the goal, or completed the
 * subgoal, from today, and passed check where every other such date is `date-in-future`.
 */
describe("a goal's abandoned or a subgoal's reached date after today", () => {
  it('is date-in-future at the date; the next day passes, as for every date done', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, SG2, `${SG2}    reached: 2026-12-30\n`);
    replaceInFile(dir, GOAL, '\ncreated: 2026-11-22\n', '\ncreated: 2026-11-22\nabandoned: 2027-11-02\n');
    const { json, code } = await check(dir);
    expect(code).toBe(1);
    expect(located(json.diagnostics)).toEqual([`${GOAL}:6:12 error date-in-future abandoned`, `${GOAL}:27:14 error date-in-future subgoals[1].reached`]);
    expect(json.diagnostics[1]!.message).toBe(
      'Reached date 2026-12-30 of subgoal SG2 is after today (2026-11-22): expected the day its target was first reached, today or before — the subgoal counts as completed from now on. Fix the date, or remove `reached` to have the subgoal judged on its value again',
    );

    replaceInFile(dir, GOAL, 'reached: 2026-12-30', 'reached: 2026-11-23');
    replaceInFile(dir, GOAL, 'abandoned: 2027-11-02', 'abandoned: 2026-11-23');
    expect((await check(dir)).json.diagnostics).toEqual([]);
  });

  it('is reported by sync, which neither edits the goal nor commits it', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, SG2, `${SG2}    reached: 2026-12-30\n`);
    const before = read(dir, GOAL);
    const head = git(dir, 'rev-parse', 'HEAD');
    const synced = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir, env });
    expect(synced.code).toBe(1);
    expect(synced.json.diagnostics.map((d) => `${d.path} ${d.rule}`)).toEqual([`${GOAL} date-in-future`]);
    expect(read(dir, GOAL)).toBe(before);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });
});
