import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../src/engine/session.js';
import { git } from './helpers/git.js';
import { learning, repo, wonArr } from './helpers/won-deal.js';
import { md } from './helpers/testdir.js';
import { dealMeta } from './helpers/workspace.js';

/**
 * A long-lived state holds a broken file at the last valid version it saw. When no commit
 * has that version (it was read, then the file was truncated before a cycle committed it),
 * the figures derived from it are written but not committed: otherwise history would hold
 * figures whose source no commit has.
 */

process.env.THREADWORK_TODAY = '2026-11-20';
const LEARNING = 'threads/sales/acme/6-learning.md';
const METRICS = 'strategy/canvas/13-metrics.md';

const opened: WorkspaceSession[] = [];
afterEach(async () => {
  for (const session of opened.splice(0)) await session.close();
});

const headCount = (dir: string): number => Number(git(dir, 'rev-list', '--count', 'HEAD').trim());

describe('a file held at a version no commit has', () => {
  it('holds the commit of what was derived from it, and commits both once the file is whole again', async () => {
    const dir = await repo();
    const session = new WorkspaceSession(dir);
    opened.push(session);
    expect((await session.syncOnChange())?.commit ?? null).toBeNull();
    const commits = headCount(dir);

    // The deal is won: the state reads the save, and the editor truncates it before any cycle ran.
    writeFileSync(join(dir, LEARNING), learning(48000));
    await session.read(({ state }) => expect(state.brokenPaths().size).toBe(0));
    writeFileSync(join(dir, LEARNING), '');
    const held = await session.syncOnChange();
    expect(held?.changed).toEqual([LEARNING]);
    // Derived from the version held in memory, on disk …
    expect(wonArr(dir)).toBe('48,000');
    expect(held?.sync?.written).toContain(METRICS);
    // … but not committed: no commit has the learning that figure comes from.
    expect(held?.commit).toMatchObject({ committed: false, reason: 'source-held' });
    expect((held?.commit as { message: string }).message).toContain(LEARNING);
    expect(headCount(dir)).toBe(commits);
    expect(git(dir, 'show', `HEAD:${METRICS}`)).not.toContain('| won ARR | 48,000 |');

    // Another deal meanwhile: its figures are written and held as well.
    mkdirSync(join(dir, 'threads/sales/beta'));
    writeFileSync(join(dir, 'threads/sales/beta/meta.json'), dealMeta('beta', { goal_id: 'g-first-customers', subgoal: 'SG1' }));
    writeFileSync(join(dir, 'threads/sales/beta/1-input.md'), md('date: 2026-03-01'));
    const again = await session.syncOnChange();
    expect(again?.commit?.committed ?? false).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'threads/sales/beta/meta.json'), 'utf8')).pipeline_stage).toBe('lead');
    expect(headCount(dir)).toBe(commits);

    // The second step of the save: the learning and its figures go into one commit.
    writeFileSync(join(dir, LEARNING), learning(48000));
    const whole = await session.syncOnChange();
    expect(whole?.commit?.committed, JSON.stringify(whole?.commit)).toBe(true);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'show', `HEAD:${LEARNING}`)).toBe(learning(48000));
    expect(git(dir, 'show', `HEAD:${METRICS}`)).toContain('| won ARR | 48,000 |');
    // Every commit that shows the won figure holds its source.
    for (const commit of git(dir, 'log', '--format=%H').trim().split('\n')) {
      if (git(dir, 'show', `${commit}:${METRICS}`).includes('| won ARR | 48,000 |')) expect(git(dir, 'ls-tree', commit, '--', LEARNING).trim(), commit).not.toBe('');
    }
  });

  it('commits as before when the version held is the one HEAD has', async () => {
    const dir = await repo();
    const session = new WorkspaceSession(dir);
    opened.push(session);
    writeFileSync(join(dir, LEARNING), learning(48000));
    expect((await session.syncOnChange())?.commit?.committed).toBe(true);
    // Truncated: held at the committed version. A new deal moves the figures: committed with them, the broken learning left out.
    writeFileSync(join(dir, LEARNING), '');
    mkdirSync(join(dir, 'threads/sales/beta'));
    writeFileSync(join(dir, 'threads/sales/beta/meta.json'), dealMeta('beta', { goal_id: 'g-first-customers', subgoal: 'SG1' }));
    writeFileSync(join(dir, 'threads/sales/beta/1-input.md'), md('date: 2026-03-01'));
    const cycle = await session.syncOnChange();
    expect(cycle?.commit?.committed, JSON.stringify(cycle?.commit)).toBe(true);
    const paths = cycle?.commit?.committed ? cycle.commit.paths : [];
    expect(paths).toContain('threads/sales/beta/meta.json');
    expect(paths).not.toContain(LEARNING);
    expect(git(dir, 'show', `HEAD:${METRICS}`)).toContain('| won ARR | 48,000 |');
  });

  it('holds it too for a meta.json deleted after an edit no commit has, until the file is back', async () => {
    const dir = await repo();
    const session = new WorkspaceSession(dir);
    opened.push(session);
    await session.syncOnChange();
    const commits = headCount(dir);
    const meta = 'threads/sales/acme/meta.json';
    const edited = dealMeta('acme', { goal_id: 'g-first-customers', subgoal: 'SG1', source: 'outbound' });
    writeFileSync(join(dir, meta), edited);
    await session.read(() => undefined);
    rmSync(join(dir, meta));
    mkdirSync(join(dir, 'threads/sales/beta'));
    writeFileSync(join(dir, 'threads/sales/beta/meta.json'), dealMeta('beta', { goal_id: 'g-first-customers', subgoal: 'SG1' }));
    writeFileSync(join(dir, 'threads/sales/beta/1-input.md'), md('date: 2026-03-01'));
    const held = await session.syncOnChange();
    expect(held?.sync?.written.length).toBeGreaterThan(0);
    expect(held?.commit).toMatchObject({ committed: false, reason: 'source-held' });
    expect((held?.commit as { message: string }).message).toContain(meta);
    expect(headCount(dir)).toBe(commits);
    // Back as it was edited: everything goes in, the deletion never did.
    writeFileSync(join(dir, meta), edited);
    const back = await session.syncOnChange();
    expect(back?.commit?.committed, JSON.stringify(back?.commit)).toBe(true);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(JSON.parse(git(dir, 'show', `HEAD:${meta}`)).source).toBe('outbound');
  });
});
