import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitPaths } from '../src/git/commit.js';
import { REPAIR_FILE, removeLeftoverTempFiles } from '../src/git/repair.js';
import { BIN, runCli, runJson } from './helpers/cli.js';
import { git, gitEnv, gitInit } from './helpers/git.js';
import { preparedCopy } from './helpers/prepared.js';
import { md, read, testdir, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const WON = md('outcome: closed-won\nclosed: 2026-05-01\narr: 48000\nmargin: 0.8\nvalidations:\n  - assumption: A1\n    result: validated\n    evidence: Close took six days before us');

/**
 * A workspace with one deal at stage 5, synced and committed (once per file, copied per
 * test); closing it makes the next sync commit derived files.
 */
async function dealWorkspace(): Promise<string> {
  const dir = await preparedCopy('deal-at-stage-5', syncedDeal);
  writeFiles(dir, { 'threads/sales/acme/6-learning.md': WON });
  return dir;
}

async function syncedDeal(): Promise<string> {
  const thread = 'threads/sales/acme';
  const dir = workspace({
    [`${thread}/meta.json`]: dealMeta('acme', { goal_id: 'g-first-customers', subgoal: 'SG1' }),
    [`${thread}/1-input.md`]: md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\ncompany:\n  name: Acme'),
    [`${thread}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.5'),
    [`${thread}/3-implication.md`]: md('arr_potential: 40000\nstrategic_value: high'),
    [`${thread}/4-decision.md`]: md('decision: QUALIFY\nframework: BANT\nreasoning: fits'),
    [`${thread}/5-actions.md`]: md('actions:\n  - {type: sales:demo, status: completed, completed: 2026-03-20}'),
  });
  gitInit(dir);
  const first = await runJson(['sync', '--dir', dir], { env: gitEnv() });
  expect(first.code, first.stdout + first.stderr).toBe(0);
  return dir;
}

const head = (dir: string): string => git(dir, 'rev-parse', 'HEAD').trim();
const staged = (dir: string): string[] => git(dir, 'diff', '--cached', '--name-only').trim().split('\n').filter(Boolean);

interface SyncJson {
  commit: { committed: boolean; commit?: string; paths?: string[]; warning?: string } | null;
}

describe('an interrupted commit never leaves the index behind HEAD', () => {
  it('index.lock held past the retry: the commit is made, sync warns instead of failing, and the next run repairs the index', async () => {
    const dir = await dealWorkspace();
    const before = head(dir);
    writeFileSync(join(dir, '.git/index.lock'), '');
    const sync = await runJson<SyncJson>(['sync', '--dir', dir], { env: gitEnv({ THREADWORK_INDEX_LOCK_RETRY_MS: '800' }) });
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    expect(sync.json.commit).toMatchObject({ committed: true });
    expect(sync.json.commit!.warning).toMatch(/index is locked/);
    expect(head(dir)).not.toBe(before);
    const committed = sync.json.commit!.paths!;
    expect(committed).toContain('threads/sales/acme/6-learning.md');
    // The situation is real: the index still has the pre-sync content of what was committed.
    expect(staged(dir).length).toBeGreaterThan(0);
    expect(existsSync(join(dir, '.git', REPAIR_FILE))).toBe(true);

    rmSync(join(dir, '.git/index.lock'));
    // The next threadwork write (it takes the workspace lock) repairs the index.
    const next = await runJson<SyncJson>(['sync', '--dir', dir], { env: gitEnv() });
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(staged(dir)).toEqual([]);
    expect(existsSync(join(dir, '.git', REPAIR_FILE))).toBe(false);

    // A plain commit of the person's own staged work does not revert what threadwork committed.
    const synced = committed.map((p) => read(dir, p));
    writeFiles(dir, { 'notes.md': 'mine\n' });
    git(dir, 'add', 'notes.md');
    git(dir, 'commit', '-q', '-m', 'my notes');
    writeFiles(dir, { 'notes.md': 'mine, edited\n' });
    git(dir, 'commit', '-q', '-am', 'my notes again');
    committed.forEach((p, i) => expect(git(dir, 'show', `HEAD:${p}`)).toBe(synced[i]));
    expect(git(dir, 'status', '--porcelain')).toBe('');
  }, 30_000);

  it('index.lock released while sync retries: the index is refreshed in the same run', async () => {
    const dir = await dealWorkspace();
    const before = head(dir);
    writeFileSync(join(dir, '.git/index.lock'), '');
    const child = spawn(process.execPath, [BIN, 'sync', '--json', '--dir', dir], { env: { ...gitEnv(), NO_COLOR: '1', THREADWORK_INDEX_LOCK_RETRY_MS: '10000' } });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 15_000;
    while (head(dir) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(head(dir)).not.toBe(before); // the commit is made while the index is locked
    rmSync(join(dir, '.git/index.lock'));
    expect(await exited).toBe(0);
    const json = JSON.parse(stdout) as SyncJson;
    expect(json.commit).toMatchObject({ committed: true });
    expect(json.commit!.warning).toBeUndefined();
    expect(staged(dir)).toEqual([]);
    expect(existsSync(join(dir, '.git', REPAIR_FILE))).toBe(false);
  }, 30_000);

  it('a kill between moving HEAD and refreshing the index is repaired by the next run', async () => {
    const dir = testdir({ 'a.md': 'one\n', 'b.md': 'one\n' });
    gitInit(dir);
    writeFiles(dir, { 'a.md': 'two\n' });
    // What a kill right after update-ref leaves: HEAD moved, the record written, the index untouched.
    const parent = head(dir);
    const tree = git(dir, 'write-tree').trim(); // index = old content
    const blob = git(dir, 'hash-object', '-w', 'a.md').trim();
    const index = join(dir, '.git/tmp-index');
    git(dir, 'read-tree', `--index-output=${index}`, tree);
    execGit(dir, { GIT_INDEX_FILE: index }, 'update-index', '--cacheinfo', `100644,${blob},a.md`);
    const newTree = execGit(dir, { GIT_INDEX_FILE: index }, 'write-tree').trim();
    const commit = git(dir, 'commit-tree', newTree, '-p', parent, '-m', 'threadwork: x').trim();
    writeFileSync(join(dir, '.git', REPAIR_FILE), JSON.stringify({ entries: [{ commit, paths: ['a.md'], recorded: new Date().toISOString() }] }));
    git(dir, 'update-ref', 'HEAD', commit);
    expect(staged(dir)).toEqual(['a.md']);
    const { repairInterrupted } = await import('../src/git/repair.js');
    expect(await repairInterrupted(dir)).toEqual({ repaired: ['a.md'], pending: false });
    expect(staged(dir)).toEqual([]);
    expect(existsSync(join(dir, '.git', REPAIR_FILE))).toBe(false);
  });

  it('a CRLF file kept as committed under core.autocrlf=true is repaired too, as git add would hash it', async () => {
    // A Windows colleague's CRLF file: commitPaths commits its CRLF as git add keeps it (kept-crlf.ts).
    // The repair compared the work tree's id by plain hash-object, which converts CRLF to LF: never
    // HEAD's id, so the lagging index was left, for the next plain commit to put the old content back.
    const dir = testdir({ 'a.md': 'one\r\n', 'b.md': 'one\r\n' });
    gitInit(dir);
    git(dir, 'config', 'core.autocrlf', 'true');
    writeFiles(dir, { 'a.md': 'two\r\n' });
    const parent = head(dir);
    const tree = git(dir, 'write-tree').trim();
    const blob = git(dir, 'hash-object', '--no-filters', '-w', 'a.md').trim(); // the CRLF bytes, as commitPaths keeps them
    const index = join(dir, '.git/tmp-index');
    git(dir, 'read-tree', `--index-output=${index}`, tree);
    execGit(dir, { GIT_INDEX_FILE: index }, 'update-index', '--cacheinfo', `100644,${blob},a.md`);
    const newTree = execGit(dir, { GIT_INDEX_FILE: index }, 'write-tree').trim();
    const commit = git(dir, 'commit-tree', newTree, '-p', parent, '-m', 'threadwork: x').trim();
    writeFileSync(join(dir, '.git', REPAIR_FILE), JSON.stringify({ entries: [{ commit, paths: ['a.md'], recorded: new Date().toISOString() }] }));
    git(dir, 'update-ref', 'HEAD', commit);
    expect(staged(dir)).toEqual(['a.md']);
    const { repairInterrupted } = await import('../src/git/repair.js');
    expect(await repairInterrupted(dir)).toEqual({ repaired: ['a.md'], pending: false });
    expect(staged(dir)).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('temp files of a killed commit are removed once their process is gone, never a live one', () => {
    const dir = testdir();
    gitInit(dir, { commit: false });
    const gitDir = join(dir, '.git');
    const old = new Date(Date.now() - 5 * 60_000);
    const dead = join(gitDir, 'threadwork-index-999999-1700000000000');
    const mine = join(gitDir, `threadwork-paths-${process.pid}-1700000000000`);
    const fresh = join(gitDir, 'threadwork-message-999998-1700000000000');
    for (const f of [dead, `${dead}.lock`, mine, fresh]) writeFileSync(f, '');
    for (const f of [dead, `${dead}.lock`, mine]) utimesSync(f, old, old);
    writeFileSync(join(gitDir, 'threadwork-pending.json'), '{}');
    utimesSync(join(gitDir, 'threadwork-pending.json'), old, old);
    expect(removeLeftoverTempFiles(gitDir).sort()).toEqual(['threadwork-index-999999-1700000000000', 'threadwork-index-999999-1700000000000.lock']);
    expect(existsSync(mine) && existsSync(fresh) && existsSync(join(gitDir, 'threadwork-pending.json'))).toBe(true);
  });
});

describe('commitPaths on a hostile repository', () => {
  it('a path beyond a symbolic link is left out with a warning, never handed to git', async () => {
    const dir = testdir({ 'a.md': 'one\n' });
    const outside = testdir({ 'x.md': 'outside\n' });
    gitInit(dir);
    writeFiles(dir, { 'a.md': 'two\n' });
    mkdirSync(join(dir, 'threads'));
    symlinkSync(outside, join(dir, 'threads/sales'));
    const outcome = await commitPaths({ cwd: dir, paths: ['a.md', 'threads/sales/x.md'], message: 'threadwork: test' });
    expect(outcome).toMatchObject({ committed: true, paths: ['a.md'] });
    expect(outcome.committed && outcome.warning).toMatch(/beyond a symbolic link: threads\/sales\/x\.md/);
  });

  it('a detached HEAD is committed on, with a warning the CLI prints', async () => {
    const dir = await dealWorkspace();
    git(dir, 'checkout', '-q', '--detach');
    const sync = await runCli(['sync', '--dir', dir], { env: gitEnv() });
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(/committed [0-9a-f]{10}/);
    expect(sync.stdout).toMatch(/warning: HEAD is detached/);
  }, 20_000);
});

function execGit(cwd: string, env: Record<string, string>, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv(env) });
}
