import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git, gitEnv } from './helpers/git.js';
import { read, replaceInFile } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';

/*
 * A goal's definitions that threads name — the goal itself, its subgoals — removed or
 * renamed while threads still name the old id: the threads are held at HEAD, and so is the
 * definition, so that HEAD never holds a thread naming an id no goal defines. Once the
 * threads are fixed, the change goes in whole.
 */

type Diagnostic = { path: string; rule: string; severity: string; line: number; column: number; message: string };
type SyncResult = { diagnostics: Diagnostic[]; commit: { committed: boolean; paths?: string[] } | null };

const GOAL = 'goals/g-fintech-beachhead.md';
const SG2 = '  - id: SG2\n    title: Win three referenceable fintech customers\n    metric: won_count\n    target: 3\n';
/** The deals linked to the beachhead goal's SG2. */
const SG2_DEALS = ['threads/sales/harbor-lending', 'threads/sales/keel-neobank', 'threads/sales/meridian-pay'];

const startWatch = watchStarter();
const sync = (dir: string) => runJson<SyncResult>(['sync', '--dir', dir], { env: gitEnv() });
const check = (dir: string) => runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir, '--no-cache'], { env: gitEnv() });

describe('a subgoal removed while deals still name it', () => {
  it('holds the goal file at HEAD, as a removed goal is held: its removal is not committed until the deals are fixed', async () => {
    const dir = exampleWorkspaceCopy();
    const commits = commitCount(dir);
    replaceInFile(dir, GOAL, SG2, '');
    const edited = read(dir, GOAL);

    const synced = await sync(dir);
    expect(synced.code).toBe(1);
    expect(synced.json.diagnostics).toEqual(expect.arrayContaining(SG2_DEALS.map((deal) => expect.objectContaining({ rule: 'unknown-subgoal', path: `${deal}/meta.json` }))));
    const held = synced.json.diagnostics.find((d) => d.rule === 'derived-held' && d.path === GOAL);
    expect(held?.message).toContain('threads still name subgoal `SG2` of goal `g-fintech-beachhead`');
    expect(held?.message).toContain(`${GOAL} is held at its version in HEAD`);
    // Nothing committed: HEAD still defines SG2, which its deals name; the person's edit is on disk as written.
    expect(commitCount(dir)).toBe(commits);
    expect(git(dir, 'show', `HEAD:${GOAL}`)).toContain(SG2);
    expect(read(dir, GOAL)).toBe(edited);
  });

  it('once the deals name another subgoal, the removal is committed with them, and a second sync commits nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const commits = commitCount(dir);
    replaceInFile(dir, GOAL, SG2, '');
    await sync(dir);
    for (const deal of SG2_DEALS) replaceInFile(dir, `${deal}/meta.json`, '"subgoal": "SG2"', '"subgoal": "SG1"');

    const released = await sync(dir);
    expect(released.code, JSON.stringify(released.json.diagnostics)).toBe(0);
    expect(commitCount(dir)).toBe(commits + 1);
    expect(git(dir, 'show', `HEAD:${GOAL}`)).not.toContain('id: SG2');
    expect(git(dir, 'show', 'HEAD:threads/sales/harbor-lending/meta.json')).toContain('"subgoal": "SG1"');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect((await check(dir)).json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const again = await sync(dir);
    expect(again.code).toBe(0);
    expect(commitCount(dir)).toBe(commits + 1);
  });
});

describe('a subgoal renamed, its deals moved one at a time', () => {
  it('a deal moved to the new id first is held with the goal file, and the rename goes in whole once the last is moved', async () => {
    const dir = exampleWorkspaceCopy();
    const commits = commitCount(dir);
    replaceInFile(dir, GOAL, '  - id: SG2\n', '  - id: SG4\n');
    const [first, ...rest] = SG2_DEALS;
    replaceInFile(dir, `${first}/meta.json`, '"subgoal": "SG2"', '"subgoal": "SG4"');

    const synced = await sync(dir);
    expect(synced.code).toBe(1);
    const held = synced.json.diagnostics.find((d) => d.rule === 'derived-held' && d.path === `${first}/meta.json`);
    expect(held?.message).toContain('it names subgoal `SG4` of goal `g-fintech-beachhead`, which goals/ defines on disk but not at the version held in HEAD');
    expect(commitCount(dir)).toBe(commits);
    expect(git(dir, 'show', `HEAD:${first}/meta.json`)).toContain('"subgoal": "SG2"');

    for (const deal of rest) replaceInFile(dir, `${deal}/meta.json`, '"subgoal": "SG2"', '"subgoal": "SG4"');
    const whole = await sync(dir);
    expect(whole.code, JSON.stringify(whole.json.diagnostics)).toBe(0);
    expect(commitCount(dir)).toBe(commits + 1);
    expect(git(dir, 'show', `HEAD:${GOAL}`)).toContain('  - id: SG4\n');
    for (const deal of SG2_DEALS) expect(git(dir, 'show', `HEAD:${deal}/meta.json`)).toContain('"subgoal": "SG4"');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('a goal renamed while threads still name the old id', () => {
  const RENAMED = 'goals/g-fintech.md';
  /** Every file naming the beachhead goal: three deals, a campaign's meta.json and its Stage 1. */
  const naming = (dir: string): string[] => git(dir, 'grep', '-l', 'g-fintech-beachhead', '--', 'threads/').trim().split('\n');
  const renameGoal = (dir: string): void => {
    git(dir, 'mv', GOAL, RENAMED);
    replaceInFile(dir, RENAMED, 'id: g-fintech-beachhead\n', 'id: g-fintech\n');
    git(dir, 'reset', '-q');
  };

  it('the held message says which threads to change and to what', async () => {
    const dir = exampleWorkspaceCopy();
    renameGoal(dir);
    const synced = await sync(dir);
    expect(synced.code).toBe(1);
    const held = synced.json.diagnostics.find((d) => d.rule === 'derived-held' && d.path === RENAMED);
    expect(held?.message).toContain('Held: threads still name goal `g-fintech-beachhead`, whose file is gone from goals/ since HEAD');
    expect(held?.message).toContain(`${RENAMED} is neither edited nor committed, and ${GOAL} is held at its version in HEAD`);
    expect(held?.message).toContain('write `g-fintech` for `g-fintech-beachhead` in their `goal_id` (threads/sales/campaigns/2026-09-15-fintech-controller-outbound/1-input.md, threads/sales/campaigns/2026-09-15-fintech-controller-outbound/meta.json, threads/sales/harbor-lending/meta.json, and 2 more)');
    expect(held?.message).toContain(`: the next sync then commits ${RENAMED} with them. To undo it, rename ${RENAMED} back to ${GOAL}, with \`id: g-fintech-beachhead\``);
    // The file deleted is held too: never listed as one to commit by hand.
    expect(synced.json.diagnostics.find((d) => d.rule === 'derived-held' && d.path === GOAL)?.message).toContain(`Held: ${GOAL} is held at its version in HEAD, its deletion not committed`);
    const text = await runCli(['sync', '--dir', dir], { env: gitEnv() });
    expect(text.stdout).toContain(`⚠ 2 source files (1 deleted) are held and not committed: ${GOAL} (deleted), ${RENAMED}; fix what holds them`);
    expect(text.stdout).not.toContain('git rm');
  });

  it('once every thread names the new id, sync commits the renamed goal file with the fixed threads, though no figure moves', async () => {
    const dir = exampleWorkspaceCopy();
    const commits = commitCount(dir);
    renameGoal(dir);
    await sync(dir);
    expect(commitCount(dir)).toBe(commits);
    for (const path of naming(dir)) replaceInFile(dir, path, 'g-fintech-beachhead', 'g-fintech');

    const released = await sync(dir);
    expect(released.code, JSON.stringify(released.json.diagnostics)).toBe(0);
    expect(commitCount(dir)).toBe(commits + 1);
    const tree = git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'goals/');
    expect(tree).toContain(RENAMED);
    expect(tree).not.toContain(GOAL);
    expect(git(dir, 'show', 'HEAD:threads/sales/harbor-lending/meta.json')).toContain('"goal_id": "g-fintech"');
    expect(git(dir, 'status', '--porcelain')).toBe('');

    const again = await sync(dir);
    expect(again.code).toBe(0);
    expect(commitCount(dir)).toBe(commits + 1);
  });

  it('a watcher commits the rename too, once the last thread names the new id', async () => {
    const dir = exampleWorkspaceCopy();
    const commits = commitCount(dir);
    const watcher = startWatch(dir);
    await watcher.ready();
    renameGoal(dir);
    await waitFor(() => watcher.cycles().some((c) => c.diagnostics?.some((d) => d.rule === 'unknown-goal')), 'the cycle of the rename', () => watcher.describe());
    for (const path of naming(dir)) replaceInFile(dir, path, 'g-fintech-beachhead', 'g-fintech');
    await waitFor(() => commitCount(dir) === commits + 1 && git(dir, 'status', '--porcelain') === '', 'the rename committed', () => watcher.describe());
    expect(await watcher.stop()).toBe(0);
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'goals/')).toContain(RENAMED);
    expect(commitCount(dir)).toBe(commits + 1);
  });
});
