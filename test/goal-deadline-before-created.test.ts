import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { read, replaceInFile } from './helpers/testdir.js';
import { INIT_ENV as env, checkInitialised, INIT_GOAL as GOAL, initialisedWorkspace as initialised } from './helpers/initialised-goal.js';


/**
 * A goal whose deadline is before the day it was created (a typo: 2026 for 2027, the
 * dates swapped) passed check, and sync turned it `missed` at once and committed it so:
 * the goal was over before it began. It is an error at `deadline`, like a deal's close
 * date before its creation date (`closed-before-created`).
 */
describe('a goal whose deadline is before its created date', () => {
  it('is a check error at the deadline, naming both dates', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '\ndeadline: 2027-02-20\n', '\ndeadline: 2026-11-01\n');
    const { json, code } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir, env });
    expect(code).toBe(1);
    expect(json.diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.field}`)).toEqual([`${GOAL}:4:11 error deadline-before-created deadline`]);
    expect(json.diagnostics[0]!.message).toBe(
      'Deadline 2026-11-01 is before the goal was created (2026-11-22, `created`): expected a date on or after it. Until it is, the goal would be missed from its first day; if the dates are swapped, swap them back',
    );
  });

  it('is reported by sync, which neither turns the goal missed nor commits it', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '\ndeadline: 2027-02-20\n', '\ndeadline: 2026-11-01\n');
    const head = git(dir, 'rev-parse', 'HEAD');
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir, env });
    expect(sync.json.diagnostics.map((d) => `${d.path} ${d.rule}`)).toEqual([`${GOAL} deadline-before-created`]);
    expect(read(dir, GOAL)).toMatch(/\*\*Status:\*\* active /);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('passes on the day it was created', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '\ndeadline: 2027-02-20\n', '\ndeadline: 2026-11-22\n');
    const { json } = await checkInitialised(dir);
    expect(json.diagnostics).toEqual([]);
  });
});
