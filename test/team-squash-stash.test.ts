import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { checkInProcess } from './helpers/check.js';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitEnv, loggingGit } from './helpers/git.js';
import { commandTextAsCli } from './helpers/in-process.js';
import { coldSync } from './helpers/serve.js';
import { aliceClosesOakline, bobClosesMeridian, preparedTeam, type Team } from './helpers/team.js';
import { replaceInFile, writeFiles } from './helpers/testdir.js';
import { watchStarter, waitFor } from './helpers/watch.js';

/**
 * A `git merge --squash` and a `git stash pop` that stop on conflicts leave unmerged files
 * and markers but no MERGE_HEAD. threadwork saw no operation: `check` named none, and `sync`
 * (or a watch cycle) resolved the derived blocks and committed — the squash under
 * threadwork's message, the popped stash's conflict marked resolved in git's index without a
 * word, the stash kept and never mentioned. Both are now named with their next step, and
 * nothing is committed over them.
 */

const CONFLICTED = ['goals/g-arr-500k-2026.md', 'goals/g-fintech-beachhead.md', 'strategy/canvas/13-metrics.md'];

interface CheckJson { gitStopped?: { operation: string; unmerged: string[]; next: string } }
interface SyncJson { written: string[]; commit: { committed: boolean; reason?: string; message?: string } | null }

const startWatch = watchStarter();

/*
 * What git left and what threadwork says of it are the subject, not the process: check and
 * sync are asked in process (a CLI process on a clone of the example workspace costs 1–3 s on
 * a loaded 2-core machine) wherever a test has already seen the real CLI say it. The real CLI
 * still answers the squash test's `check --json` and `sync --json`, check's text of a squash,
 * sync's text of a kept stash (with and without it), and the test counting the git processes
 * check and sync spawn.
 */
const checkText = async (dir: string): Promise<{ code: 0 | 1; stdout: string }> => {
  try {
    return await commandTextAsCli(() => checkCommand({}, { dir, json: false }));
  } finally {
    vi.unstubAllEnvs();
  }
};

/** Bob closed Meridian Pay and pushed: prepared once per file. */
const bobPushed = (): Promise<Team> => preparedTeam('bob-pushed', async (team) => {
  await bobClosesMeridian(team.bob);
  git(team.bob, 'push', '-q', 'origin', 'main');
});

/** Bob closed Meridian Pay and pushed; Alice closed Oakline, synced with or without its commit, and fetched: prepared once per file. */
async function bothClosedADeal(commit: boolean): Promise<string> {
  const team = await preparedTeam(`both-closed-${commit ? 'committed' : 'uncommitted'}`, async ({ alice }) => {
    if (commit) await aliceClosesOakline(alice);
    else {
      writeFiles(alice, { 'threads/sales/oakline-outfitters/6-learning.md': '---\noutcome: closed-won\nclosed: 2026-11-20\narr: 36000\n---\n\nBody.\n' });
      expect((await runCli(['sync', '--no-commit', '--dir', alice])).code).toBe(0);
    }
    git(alice, 'fetch', '-q', 'origin');
  }, bobPushed);
  return team.alice;
}

/** Alice's uncommitted sync stashed, Bob's commit pulled, the stash popped: it stops on the derived blocks both rewrote. */
async function stashPopConflicted(): Promise<string> {
  const alice = await bothClosedADeal(false);
  git(alice, 'stash', '-q');
  git(alice, 'merge', '-q', 'origin/main');
  expect(() => git(alice, 'stash', 'pop')).toThrow();
  return alice;
}

/** Alice's deal closed and committed, Bob's commit cherry-picked onto it: it stops on the derived blocks both rewrote. */
async function cherryPickConflicted(): Promise<string> {
  const alice = await bothClosedADeal(true);
  expect(() => git(alice, 'cherry-pick', 'origin/main')).toThrow();
  return alice;
}

/** Bob's commit picked onto Alice's and resolved by sync, then Alice's own commit reverted: it stops on the derived blocks the pick rewrote since. */
async function revertConflicted(): Promise<string> {
  const alice = await cherryPickConflicted();
  expect((await coldSync(alice)).code).toBe(0);
  git(alice, 'add', '-A');
  execFileSync('git', ['-c', 'core.editor=true', 'cherry-pick', '--continue'], { cwd: alice, env: gitEnv(), stdio: 'ignore' });
  expect(() => git(alice, 'revert', '--no-edit', 'HEAD~1')).toThrow();
  return alice;
}

/**
 * `dir`'s repository as git 2.45 leaves it with its refs in a reftable: a `reftable` folder, and the pseudorefs it keeps
 * in the table (AUTO_MERGE, `pickHead`) no files of git's directory. The pick's head goes to packed-refs, where git still
 * finds it through its ref store (first, as a sorted packed-refs wants it: upper case sorts before `refs/`).
 */
function asInReftable(dir: string, pickHead: 'CHERRY_PICK_HEAD' | 'REVERT_HEAD'): void {
  const gitDir = join(dir, '.git');
  const id = readFileSync(join(gitDir, pickHead), 'utf8').trim();
  rmSync(join(gitDir, pickHead));
  rmSync(join(gitDir, 'AUTO_MERGE'), { force: true });
  const [header, ...refs] = readFileSync(join(gitDir, 'packed-refs'), 'utf8').split('\n');
  expect(header).toMatch(/^# pack-refs/);
  writeFileSync(join(gitDir, 'packed-refs'), [header, `${id} ${pickHead}`, ...refs].join('\n'));
  mkdirSync(join(gitDir, 'reftable'));
  expect(git(dir, 'rev-parse', pickHead).trim()).toBe(id);
}

const unmergedNow = (dir: string): string[] => [...new Set(git(dir, 'diff', '--name-only', '--diff-filter=U').trim().split('\n').filter(Boolean))].sort();

describe('conflicts git leaves without a MERGE_HEAD', () => {
  // Two clones and the real CLI several times over: 30 s is too short on a loaded machine.
  it('names a `git merge --squash` stopped on conflicts, never commits over it, and is in sync once its step is followed', { timeout: 120_000 }, async () => {
    const alice = await bothClosedADeal(true);
    expect(() => git(alice, 'merge', '--squash', 'origin/main')).toThrow();
    const head = git(alice, 'rev-parse', 'HEAD');

    const check = await runJson<CheckJson>(['check', '--dir', alice]);
    expect(check.json.gitStopped).toEqual({ operation: 'squash', unmerged: CONFLICTED, next: `git add ${CONFLICTED.join(' ')} && git commit` });
    expect((await runCli(['check', '--dir', alice])).stdout).toContain(`note: a \`git merge --squash\` is stopped on conflicts in 3 files: once each is resolved (\`threadwork sync\` resolves each, as the warnings above say), \`git add ${CONFLICTED.join(' ')} && git commit\``);

    const sync = await runJson<SyncJson>(['sync', '--dir', alice]);
    expect(sync.json.written.sort()).toEqual(CONFLICTED);
    expect(sync.json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    expect(sync.json.commit?.message).toContain('`git add` them, then `git commit`, which commits them as it finishes the `git merge --squash`');
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);
    expect(unmergedNow(alice)).toEqual(CONFLICTED);

    git(alice, 'add', ...CONFLICTED);
    git(alice, 'commit', '-qm', 'Meridian Pay squashed in');
    const after = await coldSync<SyncJson>(alice);
    expect([after.code, after.json.written, after.json.commit]).toEqual([0, [], null]);
    expect((await checkInProcess<CheckJson>(alice)).json).not.toHaveProperty('gitStopped');
  });

  // git leaves SQUASH_MSG after a squash merge that brought nothing, and `git commit` refuses to remove it (nothing to commit):
  // threadwork said the squash was waiting for its commit, and sync and watch committed nothing until a `git reset`.
  it('takes a squash merge that brought nothing for no operation: sync commits as usual', { timeout: 120_000 }, async () => {
    const alice = (await bobPushed()).alice;
    git(alice, 'fetch', '-q', 'origin');
    git(alice, 'merge', '--squash', '-q', 'origin/main');
    git(alice, 'commit', '-qm', 'Meridian Pay squashed in');
    // The same branch squashed again: its changes are all in HEAD already.
    git(alice, 'merge', '--squash', '-q', 'origin/main');
    expect(existsSync(join(alice, '.git', 'SQUASH_MSG'))).toBe(true);
    expect(() => git(alice, 'commit', '-qm', 'again')).toThrow();

    expect((await checkInProcess<CheckJson>(alice)).json).not.toHaveProperty('gitStopped');
    writeFiles(alice, { 'threads/sales/oakline-outfitters/6-learning.md': '---\noutcome: closed-won\nclosed: 2026-11-20\narr: 36000\n---\n\nBody.\n' });
    const head = git(alice, 'rev-parse', 'HEAD');
    const sync = await coldSync<SyncJson>(alice);
    expect(sync.json.commit).toMatchObject({ committed: true });
    expect(git(alice, 'rev-parse', 'HEAD')).not.toBe(head);
  });

  it('names a `git stash pop` stopped on conflicts, says the stash is kept, and sync commits nothing over it', { timeout: 120_000 }, async () => {
    const alice = await stashPopConflicted();
    const head = git(alice, 'rev-parse', 'HEAD');

    const check = await checkInProcess<CheckJson>(alice);
    expect(check.json.gitStopped).toEqual({ operation: 'stash', unmerged: CONFLICTED, next: `git add ${CONFLICTED.join(' ')} && git stash drop` });
    expect((await checkText(alice)).stdout).toContain('(git keeps the stash after a pop that conflicted: drop it once its changes are resolved)');

    const sync = await coldSync<SyncJson>(alice);
    expect(sync.json.written.sort()).toEqual(CONFLICTED);
    expect(sync.json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    expect(sync.json.commit?.message).toContain('resolve the unmerged files and `git add` them, then `git stash drop`');
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);
    expect(unmergedNow(alice)).toEqual(CONFLICTED);

    // Resolved and the stash dropped (git's AUTO_MERGE left behind until the next commit): nothing is stopped.
    git(alice, 'add', ...CONFLICTED);
    git(alice, 'stash', 'drop', '-q');
    expect((await checkInProcess<CheckJson>(alice)).json).not.toHaveProperty('gitStopped');
  });

  // Resolved and added, nothing was stopped any more and nothing said the stash git kept: `git stash list` still showed it,
  // and a later `git stash pop` applied its changes a second time.
  it('says git still keeps the stash of a pop whose conflicts are resolved, until it is dropped', { timeout: 120_000 }, async () => {
    const alice = await stashPopConflicted();
    git(alice, 'add', ...CONFLICTED);
    expect(git(alice, 'stash', 'list')).toContain('stash@{0}');
    const note = "note: a `git stash pop` (or a pull's `--autostash`) stopped on conflicts that are now resolved, and git still keeps its stash (`git stash list`): its changes are in your files, so once you have what you want from it, `git stash drop` — a later `git stash pop` would apply them again";

    const check = await checkInProcess<CheckJson & { poppedStashKept?: { next: string } }>(alice);
    expect(check.json).not.toHaveProperty('gitStopped');
    expect(check.json.poppedStashKept).toEqual({ next: 'git stash drop' });
    expect((await checkText(alice)).stdout).toContain(note);
    expect((await runCli(['sync', '--dir', alice])).stdout).toContain(note);

    git(alice, 'stash', 'drop', '-q');
    expect((await checkInProcess<CheckJson>(alice)).json).not.toHaveProperty('poppedStashKept');
    expect((await runCli(['sync', '--dir', alice])).stdout).not.toContain('git stash drop');
  });

  // `git pack-refs --all` (and `git gc`, which runs it) moves refs/stash into packed-refs: no file of its own was left to
  // see, so a popped stash kept there was never mentioned. git answers for it wherever it keeps it.
  it('says so of a popped stash that git keeps in packed-refs (`git pack-refs --all`, `git gc`)', { timeout: 120_000 }, async () => {
    const alice = await stashPopConflicted();
    git(alice, 'add', ...CONFLICTED);
    git(alice, 'pack-refs', '--all');
    expect(existsSync(join(alice, '.git', 'refs', 'stash'))).toBe(false);
    const check = await checkInProcess<CheckJson & { poppedStashKept?: { next: string } }>(alice);
    expect(check.json).not.toHaveProperty('gitStopped');
    expect(check.json.poppedStashKept).toEqual({ next: 'git stash drop' });

    git(alice, 'stash', 'drop', '-q');
    expect((await checkInProcess<CheckJson>(alice)).json).not.toHaveProperty('poppedStashKept');
  });

  it('says nothing of an older stash still kept once the popped one is dropped', { timeout: 120_000 }, async () => {
    const alice = await bothClosedADeal(false);
    git(alice, 'stash', '-q');
    writeFiles(alice, { 'threads/sales/brightcart/notes.md': 'Call them back in January.\n' });
    git(alice, 'stash', '-q', '-u');
    expect(() => git(alice, 'stash', 'pop', '-q', 'stash@{1}')).not.toThrow();
    git(alice, 'stash', '-q');
    git(alice, 'merge', '-q', 'origin/main');
    expect(() => git(alice, 'stash', 'pop')).toThrow();
    git(alice, 'add', ...CONFLICTED);
    expect((await checkInProcess<CheckJson & { poppedStashKept?: { next: string } }>(alice)).json.poppedStashKept).toEqual({ next: 'git stash drop' });
    git(alice, 'stash', 'drop', '-q');
    expect(git(alice, 'stash', 'list').trim().split('\n')).toHaveLength(1);
    expect((await checkInProcess<CheckJson>(alice)).json).not.toHaveProperty('poppedStashKept');
  });

  it('spawns no git to ask for unmerged files while a resolved stash pop\'s AUTO_MERGE is left, in a check or a commit', { timeout: 120_000 }, async () => {
    const alice = await stashPopConflicted();
    const logged = loggingGit();
    const askedForConflicts = (): string[] => logged.calls().filter((call) => call.startsWith('ls-files -u') || call.includes('refs/stash'));
    // Still conflicted: asked, and named.
    expect((await runJson<CheckJson>(['check', '--dir', alice], { env: { PATH: logged.path } })).json.gitStopped?.operation).toBe('stash');
    expect(askedForConflicts().length).toBeGreaterThan(0);

    git(alice, 'add', ...CONFLICTED);
    git(alice, 'stash', 'drop', '-q');
    expect(existsSync(join(alice, '.git', 'AUTO_MERGE'))).toBe(true);
    writeFileSync(logged.log, '');
    const check = await runJson<CheckJson>(['check', '--dir', alice], { env: { PATH: logged.path } });
    expect(check.json).not.toHaveProperty('gitStopped');
    writeFiles(alice, { 'threads/sales/meridian-pay/6-learning.md': '---\noutcome: closed-won\nclosed: 2026-11-25\narr: 50000\n---\n\nBody.\n' });
    const sync = await runJson<SyncJson>(['sync', '--dir', alice], { env: { PATH: logged.path } });
    expect(sync.json.commit).toMatchObject({ committed: true });
    expect(logged.calls().length).toBeGreaterThan(0);
    expect(askedForConflicts()).toEqual([]);
  });

  // git 2.45's reftable keeps AUTO_MERGE and refs/stash in its table, not as files of git's directory: a conflicted pop
  // showed no file threadwork looks for, and sync committed over it. This git has no reftable (2.39): the repository is
  // given its trace — a `reftable` folder, no AUTO_MERGE file, the stash in packed-refs rather than a file of its own.
  it('names a `git stash pop` stopped on conflicts in a repository whose refs are in a reftable', { timeout: 120_000 }, async () => {
    const alice = await stashPopConflicted();
    const gitDir = join(alice, '.git');
    rmSync(join(gitDir, 'AUTO_MERGE'));
    git(alice, 'pack-refs', '--all');
    expect(existsSync(join(gitDir, 'refs', 'stash'))).toBe(false);
    mkdirSync(join(gitDir, 'reftable'));
    const head = git(alice, 'rev-parse', 'HEAD');

    const check = await checkInProcess<CheckJson>(alice);
    expect(check.json.gitStopped).toEqual({ operation: 'stash', unmerged: CONFLICTED, next: `git add ${CONFLICTED.join(' ')} && git stash drop` });
    const sync = await coldSync<SyncJson>(alice);
    expect(sync.json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);
    expect(unmergedNow(alice)).toEqual(CONFLICTED);

    // Resolved: nothing is stopped, and sync commits again.
    git(alice, 'add', ...CONFLICTED);
    git(alice, 'stash', 'drop', '-q');
    expect((await checkInProcess<CheckJson>(alice)).json).not.toHaveProperty('gitStopped');
  });

  // git 2.45's reftable keeps CHERRY_PICK_HEAD and REVERT_HEAD in its table too: a single pick stopped there showed only its unmerged
  // files — named another command's conflicts (`git add`, no `--continue`) and, once they were added, nothing at all, so sync
  // committed over the pick. This git has no reftable (2.39): the repository is given its trace — a `reftable` folder, no AUTO_MERGE
  // file, the pick's head not a file of git's directory but in packed-refs, which git reads through its ref store as it reads a table.
  it.each([
    ['cherry-pick', 'CHERRY_PICK_HEAD'],
    ['revert', 'REVERT_HEAD'],
  ] as const)('names a single `git %s` stopped in a repository whose refs are in a reftable, and commits nothing until it is continued', { timeout: 120_000 }, async (operation, pickHead) => {
    const alice = operation === 'cherry-pick' ? await cherryPickConflicted() : await revertConflicted();
    const conflicted = unmergedNow(alice);
    expect(conflicted.length).toBeGreaterThan(0);
    asInReftable(alice, pickHead);
    const head = git(alice, 'rev-parse', 'HEAD');

    const check = await checkInProcess<CheckJson>(alice);
    expect(check.json.gitStopped).toEqual({ operation, unmerged: conflicted, next: `git add ${conflicted.join(' ')} && git ${operation} --continue` });
    const sync = await coldSync<SyncJson>(alice);
    expect(sync.json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);

    // Every conflict added, the pick still waits for its `--continue`: nothing in the index says so, and sync committed over it.
    git(alice, 'add', ...conflicted);
    expect((await checkInProcess<CheckJson>(alice)).json.gitStopped).toEqual({ operation, unmerged: [], next: `git ${operation} --continue` });
    // A target raised meanwhile: sync writes the goal's state anew, and a sync taking the pick for done committed it.
    replaceInFile(alice, 'goals/g-arr-500k-2026.md', '  - name: won_count\n    target: 12', '  - name: won_count\n    target: 13');
    const after = await coldSync<SyncJson>(alice);
    expect(after.json.written).toContain('goals/g-arr-500k-2026.md');
    expect(after.json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);
  });

  // The same state from a pull: `git pull --rebase --autostash` (or rebase.autoStash) stashes, pulls, and its pop conflicts.
  it('names a pull whose autostash did not apply cleanly with the steps of a stash pop', { timeout: 120_000 }, async () => {
    const alice = await bothClosedADeal(false);
    // git exits 0: the pull is done, only the stash's changes are left conflicted ("Your changes are safe in the stash").
    execFileSync('git', ['-c', 'rebase.autoStash=true', 'pull', '-q', '--rebase', 'origin', 'main'], { cwd: alice, env: gitEnv(), stdio: 'ignore' });
    expect(unmergedNow(alice)).toEqual(CONFLICTED);
    // Pulled by fast-forward, the stash applied as it was: git leaves no AUTO_MERGE, only the unmerged files and the stash.
    expect(existsSync(join(alice, '.git', 'AUTO_MERGE'))).toBe(false);
    const check = await checkInProcess<CheckJson>(alice);
    expect(check.json.gitStopped).toEqual({ operation: 'stash', unmerged: CONFLICTED, next: `git add ${CONFLICTED.join(' ')} && git stash drop` });
    expect((await checkText(alice)).stdout).toContain("note: a `git stash pop` (or a pull's `--autostash`) left conflicts in 3 files");
    // Not committed over: a commit would have taken the conflicted files for resolved.
    const head = git(alice, 'rev-parse', 'HEAD');
    const sync = await coldSync<SyncJson>(alice);
    expect(sync.json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);
    expect(unmergedNow(alice)).toEqual(CONFLICTED);
  });

  // The stash packed (`git gc` after the pull), the autostash's conflicts had no trace left but the index: not read, so
  // nothing was named and sync committed over the conflicted files.
  it('names a pull whose autostash did not apply cleanly once its stash is packed, and commits nothing over it', { timeout: 120_000 }, async () => {
    const alice = await bothClosedADeal(false);
    execFileSync('git', ['-c', 'rebase.autoStash=true', 'pull', '-q', '--rebase', 'origin', 'main'], { cwd: alice, env: gitEnv(), stdio: 'ignore' });
    git(alice, 'pack-refs', '--all');
    expect(existsSync(join(alice, '.git', 'AUTO_MERGE')) || existsSync(join(alice, '.git', 'refs', 'stash'))).toBe(false);
    const check = await checkInProcess<CheckJson>(alice);
    expect(check.json.gitStopped).toEqual({ operation: 'stash', unmerged: CONFLICTED, next: `git add ${CONFLICTED.join(' ')} && git stash drop` });
    const head = git(alice, 'rev-parse', 'HEAD');
    expect((await coldSync<SyncJson>(alice)).json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);
    expect(unmergedNow(alice)).toEqual(CONFLICTED);
  });

  it('a watch cycle during a conflicted `git stash pop` writes but does not commit', { timeout: 120_000 }, async () => {
    const alice = await stashPopConflicted();
    const head = git(alice, 'rev-parse', 'HEAD');
    const w = startWatch(alice);
    await w.ready();
    writeFiles(alice, { 'threads/sales/meridian-pay/6-learning.md': '---\noutcome: closed-won\nclosed: 2026-11-25\narr: 50000\n---\n\nBody.\n' });
    await waitFor(() => w.cycles().some((c) => c.trigger?.includes('threads/sales/meridian-pay/6-learning.md') && (c.written?.length ?? 0) > 0), 'the cycle of the save', () => w.describe());
    const cycle = w.cycles().find((c) => c.trigger?.includes('threads/sales/meridian-pay/6-learning.md'))!;
    expect(cycle.commit).toMatchObject({ committed: false });
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);
    expect(unmergedNow(alice)).toEqual(CONFLICTED);
  });
});
