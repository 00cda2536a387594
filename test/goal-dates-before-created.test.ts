import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv } from './helpers/git.js';
import { read, replaceInFile } from './helpers/testdir.js';
import { INIT_ENV as env, checkInitialised, INIT_GOAL as GOAL, INIT_SG2 as SG2, initialisedWorkspace as initialised, located } from './helpers/initialised-goal.js';


/**
 * Nothing of a goal happens before it begins: a subgoal's `reached` day or the goal's
 * `abandoned` day before its `created` date (a year mistyped, a line copied from another
 * goal) passed check, and sync committed the goal so. Each is an error at the date, like
 * a deadline before `created` (`deadline-before-created`), and sync leaves the goal file
 * as it was until it is fixed.
 */
describe("a goal's reached or abandoned date before its created date", () => {
  it('is a check error at the subgoal\'s reached, naming both dates', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, SG2, `${SG2}    reached: 2025-11-30\n`);
    const { json, code } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir, env });
    expect(code).toBe(1);
    expect(located(json.diagnostics)).toEqual([`${GOAL}:26:14 error reached-before-created subgoals[1].reached`]);
    expect(json.diagnostics[0]!.message).toBe(
      'Reached date 2025-11-30 of subgoal SG2 is before the goal was created (2026-11-22, `created`): expected a date on or after it — no subgoal is reached before its goal begins. Fix the date, or remove `reached` to have the subgoal judged on its value again',
    );
  });

  it('is a check error at the goal\'s abandoned date; `abandoned: true` and the created day pass', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '\ncreated: 2026-11-22\n', '\ncreated: 2026-11-22\nabandoned: 2026-11-02\n');
    const { json, code } = await checkInitialised(dir);
    expect(code).toBe(1);
    expect(located(json.diagnostics)).toEqual([`${GOAL}:6:12 error abandoned-before-created abandoned`]);
    expect(json.diagnostics[0]!.message).toBe('Abandoned date 2026-11-02 is before the goal was created (2026-11-22, `created`): expected a date on or after it, or `abandoned: true`');

    for (const abandoned of ['true', '2026-11-22']) {
      replaceInFile(dir, GOAL, /\nabandoned: .*\n/.exec(read(dir, GOAL))![0], `\nabandoned: ${abandoned}\n`);
      const passed = await checkInitialised(dir);
      expect(passed.json.diagnostics, abandoned).toEqual([]);
    }
  });

  it('is reported by sync, which neither edits the goal nor commits it', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, SG2, `${SG2}    reached: 2025-11-30\n`);
    const before = read(dir, GOAL);
    const head = git(dir, 'rev-parse', 'HEAD');
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir, env });
    expect(sync.code).toBe(1);
    expect(sync.json.diagnostics.map((d) => `${d.path} ${d.rule}`)).toEqual([`${GOAL} reached-before-created`]);
    // Judged on its record, SG2 would turn completed: the state stays as it was.
    expect(read(dir, GOAL)).toBe(before);
    expect(read(dir, GOAL)).toMatch(/\| SG2 \| Win one customer through the founders' network \| 0\/1 \| pending \|/);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('passes on the day the goal was created', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, SG2, `${SG2}    reached: 2026-11-22\n`);
    const { json } = await checkInitialised(dir);
    expect(json.diagnostics).toEqual([]);
  });
});

/**
 * Sync itself wrote such a date: a goal planned ahead (`created` after today) has an as-of
 * date before it, and a subgoal already at its target was recorded `reached` on that day —
 * before the goal began, an error of sync's own making. It is recorded once the goal has begun.
 */
describe('a subgoal of a goal planned ahead', () => {
  const BEACHHEAD = 'goals/g-fintech-beachhead.md';
  const SG3 = '  - id: SG3\n    title: Keep a fintech deal in the pipeline\n    metric: pipeline_count\n    target: 1\n';

  it('is not recorded reached before the goal begins, and is once it has', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, BEACHHEAD, '    target: 3\nassumptions:', `    target: 3\n${SG3}assumptions:`);
    replaceInFile(dir, BEACHHEAD, '\ncreated: 2026-04-01\n', '\ncreated: 2026-12-01\n');
    replaceInFile(dir, 'threads/sales/meridian-pay/meta.json', '"subgoal": "SG2"', '"subgoal": "SG3"');

    const planned = { ...gitEnv(), THREADWORK_TODAY: '2026-11-20' };
    const first = await runJson(['sync'], { cwd: dir, env: planned });
    expect(first.code, first.stdout).toBe(0);
    expect(read(dir, BEACHHEAD)).toMatch(/\| SG3 \| Keep a fintech deal in the pipeline \| 1\/1 \| completed \|/);
    expect(read(dir, BEACHHEAD)).not.toContain('reached:');
    expect((await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir, env: planned })).json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const begun = { ...gitEnv(), THREADWORK_TODAY: '2026-12-02' };
    const second = await runJson(['sync'], { cwd: dir, env: begun });
    expect(second.code, second.stdout).toBe(0);
    expect(read(dir, BEACHHEAD)).toContain(`${SG3}    reached: 2026-12-01\nassumptions:`);
    expect((await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir, env: begun })).json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
