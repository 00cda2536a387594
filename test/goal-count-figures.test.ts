import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { read, replaceInFile } from './helpers/testdir.js';
import { checkInitialised as check, INIT_ENV as env, INIT_GOAL as GOAL, initialisedWorkspace as initialised, located } from './helpers/initialised-goal.js';


/*
 * A count — wins, open deals, meetings — is a whole number: a target of 2.5 wins was
 * accepted and could never be met by counting (2 is short of it, 3 past it), and
 * `12.000` was read as 12 without a word, where twelve thousand may have been meant.
 */
describe("a goal's count written as a fraction or a decimal", () => {
  it('2.5 as a goal metric or a subgoal target is a schema error at the value', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '  - name: won_count\n    target: 3\n', '  - name: won_count\n    target: 2.5\n');
    replaceInFile(dir, GOAL, '    metric: won_count\n    target: 1\n', '    metric: won_count\n    target: 1.5\n');
    const { json, code } = await check(dir);
    expect(code).toBe(1);
    expect(located(json.diagnostics)).toEqual([`${GOAL}:12:13 error schema metrics[0].target`, `${GOAL}:25:13 error schema subgoals[1].target`]);
    expect(json.diagnostics[0]!.message).toContain('expected a whole number: won_count is a count');
  });

  it('12.000 and 2.0 are errors too, said as what they are read as; a whole count and a fractional number of days pass', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '  - name: won_count\n    target: 3\n', '  - name: won_count\n    target: 3\n  - name: pipeline_count\n    target: 10.000\n');
    replaceInFile(dir, GOAL, '    metric: won_count\n    target: 2\n', '    metric: won_count\n    target: 2.0\n');
    const { json, code } = await check(dir);
    expect(code).toBe(1);
    expect(located(json.diagnostics)).toEqual([`${GOAL}:14:13 error schema metrics[1].target`, `${GOAL}:23:13 error schema subgoals[0].target`]);
    expect(json.diagnostics[0]!.message).toBe('Invalid `metrics[1].target`: expected a whole number: pipeline_count is a count, written without a decimal point: 10.000 is read as 10, or 10000 with a dot between thousands (got 10.000)');
    expect(json.diagnostics[1]!.message).toBe('Invalid `subgoals[0].target`: expected a whole number: won_count is a count, written without a decimal point: 2.0 is read as 2 (got 2.0)');

    replaceInFile(dir, GOAL, '    target: 10.000\n', '    target: 10\n');
    replaceInFile(dir, GOAL, '    target: 2.0\n', '    target: 2\n');
    replaceInFile(dir, GOAL, 'metrics:\n', 'metrics:\n  - name: avg_cycle_days\n    target: 45.5\n');
    expect((await check(dir)).json.diagnostics).toEqual([]);
  });

  it('sync neither edits nor commits the goal while it has one', async () => {
    const dir = await initialised();
    replaceInFile(dir, GOAL, '  - name: won_count\n    target: 3\n', '  - name: won_count\n    target: 2.5\n');
    const before = read(dir, GOAL);
    const synced = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir, env });
    expect(synced.code).toBe(1);
    expect(synced.json.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: GOAL, rule: 'schema', line: 12, column: 13 })]));
    expect(read(dir, GOAL)).toBe(before);
  });
});

/*
 * The same count in 13-metrics's targets: `meetings: 40.000` was read as 40 without a word,
 * and `pipeline_count: 2.5` was refused with another sentence than a goal's 2.5.
 */
describe('a 13-metrics target for a count written as a fraction or a decimal', () => {
  const METRICS = 'strategy/canvas/13-metrics.md';
  const withTargets = (dir: string, targets: string): void => replaceInFile(dir, METRICS, 'targets: {}\n', `targets:\n${targets}`);

  it('12.000 and 12.0 are schema errors at the value, said as a goal says them; a whole count and a fractional number of days pass', async () => {
    const dir = await initialised();
    withTargets(dir, '  pipeline_count: 12.000\n  avg_cycle_days: 45.5\n  meetings: 40.0\n');
    const { json, code } = await check(dir);
    expect(code).toBe(1);
    expect(located(json.diagnostics)).toEqual([`${METRICS}:5:19 error schema targets.pipeline_count`, `${METRICS}:7:13 error schema targets.meetings`]);
    expect(json.diagnostics[0]!.message).toBe('Invalid `targets.pipeline_count`: expected a whole number: pipeline_count is a count, written without a decimal point: 12.000 is read as 12, or 12000 with a dot between thousands (got 12.000)');
    expect(json.diagnostics[1]!.message).toBe('Invalid `targets.meetings`: expected a whole number: meetings is a count, written without a decimal point: 40.0 is read as 40 (got 40.0)');

    replaceInFile(dir, METRICS, '  pipeline_count: 12.000\n', '  pipeline_count: 12\n');
    replaceInFile(dir, METRICS, '  meetings: 40.0\n', '  meetings: 40\n');
    expect((await check(dir)).json.diagnostics).toEqual([]);
  });

  it('won_count is a target as in a goal: shown on the won row, and held to a whole number', async () => {
    const dir = await initialised();
    withTargets(dir, '  won_count: 3\n');
    expect((await check(dir)).json.diagnostics).toEqual([]);
    expect((await runCli(['sync'], { cwd: dir, env })).code).toBe(0);
    expect(read(dir, METRICS)).toMatch(/^\| won \| 0 \| 3 \|/m);
    replaceInFile(dir, METRICS, '  won_count: 3\n', '  won_count: 2.5\n');
    expect(located((await check(dir)).json.diagnostics)).toEqual([`${METRICS}:5:14 error schema targets.won_count`]);
  });

  it('a target no row of the table measures is a warning at its key, naming where a goal\'s metric can be targeted', async () => {
    const dir = await initialised();
    withTargets(dir, '  mrr: 20000\n  win_rat: 0.4\n  quota: 5\n');
    const { json, code } = await check(dir);
    expect(code).toBe(0);
    const unknown = json.diagnostics.filter((d) => d.rule === 'metric-target-unknown');
    expect(located(unknown)).toEqual([`${METRICS}:5:3 warning metric-target-unknown targets.mrr`, `${METRICS}:7:3 warning metric-target-unknown targets.quota`]);
    expect(unknown[0]!.message).toMatch(/^Unknown target `mrr`: 13-metrics shows targets for win_rate, .* so it is ignored; a goal in goals\/ can target `mrr`$/);
    expect(unknown[1]!.message).not.toContain('a goal in goals/');
    // `win_rat` is a slip of `win_rate`: said once, as key-misspelt.
    expect(json.diagnostics.filter((d) => d.field === 'targets.win_rat').map((d) => d.rule)).toEqual(['key-misspelt']);
  });

  it('2.5 is said as a goal says it, and sync neither edits nor commits the file while it has one', async () => {
    const dir = await initialised();
    withTargets(dir, '  meetings: 2.5\n');
    const before = read(dir, METRICS);
    const synced = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir, env });
    expect(synced.code).toBe(1);
    const error = synced.json.diagnostics.find((d) => d.path === METRICS && d.rule === 'schema');
    expect(error).toMatchObject({ line: 5, column: 13, message: 'Invalid `targets.meetings`: expected a whole number: meetings is a count (got 2.5)' });
    expect(read(dir, METRICS)).toBe(before);
    expect(git(dir, 'show', `HEAD:${METRICS}`)).toContain('targets: {}\n');
  });
});
