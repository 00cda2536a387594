import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { commitCount, gitInit } from './helpers/git.js';
import { read } from './helpers/testdir.js';
import { GOAL, workspace } from './helpers/workspace.js';

/**
 * A goal's deadline written with a time and zone (`2026-12-31T18:00:00+02:00`) was copied
 * whole into the goal's generated block ("of the time to 2026-12-31T18:00:00+02:00") and
 * compared as text with the day the state is as of: on the deadline day itself the time was
 * not all gone ("2026-12-31" sorts before "2026-12-31T…"), where a deadline of `2026-12-31`
 * had it all gone; a `created` with a time became the state's "as of" whole. A goal is judged by the day: its state shows and compares the deadline's
 * day as written, and the file keeps the time as the person wrote it.
 */
describe('a goal deadline written with a time and zone', () => {
  it('is the day as written in the goal state, the block and the report, and the file keeps it whole', async () => {
    const written = 'deadline: 2026-12-31T18:00:00+02:00';
    const dir = workspace({ 'goals/g-first-customers.md': GOAL.replace('deadline: 2026-12-31', written).replace('created: 2026-03-01', 'created: 2026-03-01T09:00:00+02:00') });
    gitInit(dir);
    const sync = await runCli(['sync', '--dir', dir], { env: { THREADWORK_TODAY: '2026-12-31' } });
    expect(sync.code, sync.stderr).toBe(0);
    const goal = read(dir, 'goals/g-first-customers.md');
    expect(goal).toContain(written);
    // As of the day the goal was created (no thread has moved since), also written with a time.
    expect(goal).toContain('0% of the time to 2026-12-31) · as of 2026-03-01');
    expect(goal).not.toMatch(/to 2026-12-31T|as of 2026-03-01T/);
    // The report is as of today, the deadline's day: all the time to it is gone.
    const report = await runJson<{ goals: { deadline: string; asOf: string; elapsed: number }[] }>(['report', 'goals', '--dir', dir], { env: { THREADWORK_TODAY: '2026-12-31' } });
    expect(report.json.goals[0]).toMatchObject({ deadline: '2026-12-31', asOf: '2026-12-31', elapsed: 1 });
    const commits = commitCount(dir);
    expect((await runCli(['sync', '--dir', dir], { env: { THREADWORK_TODAY: '2026-12-31' } })).code).toBe(0);
    expect(commitCount(dir)).toBe(commits);
  });
});
