import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitInit, lastCommitMessage } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { preparedCopy } from './helpers/prepared.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const GOAL_LINK = { goal_id: 'g-first-customers', subgoal: 'SG1' };

/*
 * Speed: the sync each test is about (the one that holds a thread in error: exit 1, the
 * error on stdout, nothing of it committed) is a real CLI run. The sync that prepares the
 * workspace, the sync once the error is fixed, the clone's dry run and the last check run
 * the commands' own functions (the same JSON and exit code), and the two deals' workspace
 * is built, git-initialised and synced once per file and copied per test.
 */

/** `threadwork sync [--dry-run] --json --dir <dir>`, without a process. */
const syncJson = <T>(dir: string, flags: { dryRun?: boolean } = {}): ReturnType<typeof commandJson<T>> =>
  commandJson<T>(() => syncCommand({ dryRun: flags.dryRun === true, commit: true }, { dir, json: true }));

/** Deals acme (Stage 5, testing A1) and globex (Stage 4, QUALIFY), synced and committed: a copy of one built once per file. */
function twoDeals(): Promise<string> {
  return preparedCopy('two deals', buildTwoDeals);
}

async function buildTwoDeals(): Promise<string> {
  const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', GOAL_LINK), 'threads/sales/globex/meta.json': dealMeta('globex', GOAL_LINK) });
  for (const deal of ['acme', 'globex']) {
    writeFiles(dir, {
      [`threads/sales/${deal}/1-input.md`]: md(`source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncompany:\n  name: ${deal}`),
      [`threads/sales/${deal}/2-hypothesis.md`]: md('tests: [A1]'),
      [`threads/sales/${deal}/3-implication.md`]: md('arr_potential: 40000\nstrategic_value: high'),
      [`threads/sales/${deal}/4-decision.md`]: md('decision: QUALIFY\nframework: BANT\nreasoning: fits'),
    });
  }
  writeFiles(dir, { 'threads/sales/acme/5-actions.md': md('actions:\n  - {type: sales:demo, status: completed, completed: 2026-03-20}') });
  gitInit(dir);
  expect((await syncJson(dir)).code).toBe(0);
  expect(git(dir, 'status', '--porcelain')).toBe('');
  return dir;
}

/** What a fresh clone's sync would change: nothing, when HEAD's derived files follow from HEAD's sources. */
async function cloneWouldChange(dir: string): Promise<string> {
  const clone = `${dir}-clone`;
  git(dir, 'clone', '-q', dir, clone);
  const result = await syncJson<{ written: string[] }>(clone, { dryRun: true });
  rmSync(clone, { recursive: true, force: true });
  return result.json.written.join(', ');
}

describe('a thread with a cross-file error is held at HEAD', () => {
  it('keeps a learning in error out of the derived files another deal’s commit holds', async () => {
    const dir = await twoDeals();
    // acme closes lost a day before it was created (closed-before-created), invalidating A1...
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': md('outcome: closed-lost\nclosed: 2026-02-28\nvalidations:\n  - {assumption: A1, result: invalidated, evidence: no}') });
    // ...while globex is deferred, a valid change.
    writeFiles(dir, { 'threads/sales/globex/4-decision.md': md('decision: DEFER\nframework: BANT\nreasoning: later') });
    const result = await runCli(['sync', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/closed-before-created/);
    expect(lastCommitMessage(dir)).toMatch(/^threadwork: decision threads\/sales\/globex/);
    expect(lastCommitMessage(dir)).not.toMatch(/acme|A1 confidence/);
    expect(read(dir, 'threads/sales/acme/meta.json')).toContain('"status": "open"');
    expect(git(dir, 'status', '--porcelain')).toBe('?? threads/sales/acme/6-learning.md\n');
    expect(await cloneWouldChange(dir)).toBe('');
    // Fixed, the learning is committed with everything it moves.
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': md('outcome: closed-lost\nclosed: 2026-04-28\nvalidations:\n  - {assumption: A1, result: invalidated, evidence: no}') });
    expect((await syncJson(dir)).code).toBe(0);
    expect(lastCommitMessage(dir)).toMatch(/A1 confidence/);
    expect(lastCommitMessage(dir)).toMatch(/^Threadwork-Trigger: threads\/sales\/acme\/6-learning\.md$/m);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('commits no part of a renamed deal folder until its id follows, then the whole move', async () => {
    const dir = await twoDeals();
    renameSync(join(dir, 'threads/sales/globex'), join(dir, 'threads/sales/globex-x'));
    const first = await runCli(['sync', '--dir', dir]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/thread-id-folder/);
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'threads/sales/globex-x')).toBe('');
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'threads/sales/globex')).toContain('meta.json');
    expect(await cloneWouldChange(dir)).toBe('');
    writeFiles(dir, { 'threads/sales/globex-x/meta.json': read(dir, 'threads/sales/globex-x/meta.json').replace('"id": "globex"', '"id": "globex-x"') });
    const fixed = await syncJson(dir);
    expect(fixed.code, JSON.stringify(fixed.json)).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'threads/sales/globex')).toBe('');
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'threads/sales/globex-x')).toContain('threads/sales/globex-x/meta.json');
    expect((await commandJson(() => checkCommand({}, { dir, json: true }))).code).toBe(0);
  });

  /* The last review: with the id edited to follow the folder, nothing named the old folder, and another error of the deal made the rename a deletion (committed) and a new deal (held). */
  it('holds a folder renamed with its id edited as a rename when the deal has another error, and commits the move whole once it is fixed', async () => {
    const dir = await twoDeals();
    renameSync(join(dir, 'threads/sales/globex'), join(dir, 'threads/sales/globex-x'));
    writeFiles(dir, { 'threads/sales/globex-x/meta.json': read(dir, 'threads/sales/globex-x/meta.json').replace('"id": "globex"', '"id": "globex-x"') });
    const hypothesis = read(dir, 'threads/sales/globex-x/2-hypothesis.md');
    writeFiles(dir, { 'threads/sales/globex-x/2-hypothesis.md': hypothesis.replace('tests: [A1]', 'tests: [A9]') });
    const commits = git(dir, 'rev-list', '--count', 'HEAD');
    const { code, json } = await runJson<{ diagnostics: { path: string; rule: string; severity: string; line: number; column: number; message: string }[] }>(['sync', '--dir', dir]);
    expect(code).toBe(1);
    // The other error, at its own line and column; no id error, the id follows the folder.
    expect(json.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}:${d.line}:${d.column} ${d.rule}`)).toEqual(['threads/sales/globex-x/2-hypothesis.md:2:9 unknown-assumption']);
    const held = json.diagnostics.find((d) => d.rule === 'derived-held' && d.path === 'threads/sales/globex/meta.json');
    expect(held?.message).toContain('threads/sales/globex is held at its version in HEAD, the deletion of its files not committed, while threads/sales/globex-x, the folder it was renamed or moved to, has an error');
    // Nothing of the deal's removal committed: it stays in HEAD, and in its goal, where it was.
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe(commits);
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'threads/sales/globex')).toContain('threads/sales/globex/meta.json');
    expect(await cloneWouldChange(dir)).toBe('');
    // Fixed, the move is committed in one commit, as git's rename, and a second sync commits nothing.
    writeFiles(dir, { 'threads/sales/globex-x/2-hypothesis.md': hypothesis });
    const fixed = await syncJson(dir);
    expect(fixed.code, JSON.stringify(fixed.json)).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'show', '-M', '--name-status', '--format=', 'HEAD', '--', 'threads/sales/')).toMatch(/^R100\tthreads\/sales\/globex\/1-input\.md\tthreads\/sales\/globex-x\/1-input\.md$/m);
    const after = git(dir, 'rev-list', '--count', 'HEAD');
    expect((await syncJson(dir)).code).toBe(0);
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe(after);
  });

  it('names the folder on disk and its error in the hold of a renamed folder', async () => {
    const dir = await twoDeals();
    renameSync(join(dir, 'threads/sales/globex'), join(dir, 'threads/sales/globex-x'));
    const { json } = await syncJson<{ diagnostics: { path: string; rule: string; message: string }[] }>(dir);
    const held = json.diagnostics.filter((d) => d.rule === 'derived-held').map((d) => `${d.path} ${d.message}`);
    expect(held).toEqual([
      'threads/sales/globex-x/meta.json Held: values derived from threads/sales/globex are held at its version in HEAD, because of the error at threads/sales/globex-x/meta.json:2:9 (thread-id-folder) in threads/sales/globex-x, the folder it was renamed or moved to. Fix it to release the hold; threadwork will not commit the thread\'s changes (deletions and renames included) while it has an error',
      'threads/sales/globex-x/meta.json Held: threads/sales/globex-x is left out of every derived value (HEAD has no version of it), because of the error at threads/sales/globex-x/meta.json:2:9 (thread-id-folder). Fix it to release the hold; threadwork will not commit the thread\'s changes (deletions and renames included) while it has an error',
      'threads/sales/globex/meta.json Held: threads/sales/globex is held at its version in HEAD, the deletion of its files not committed, while threads/sales/globex-x, the folder it was renamed or moved to, has an error (the Held line of threads/sales/globex-x/meta.json says what releases it); the next sync commits the rename whole once it is fixed',
    ]);
  });

  it('lists a renamed folder\'s deleted files as held, never as ones to commit with `git rm`', async () => {
    const dir = await twoDeals();
    renameSync(join(dir, 'threads/sales/globex'), join(dir, 'threads/sales/globex-x'));
    const text = await runCli(['sync', '--dir', dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('git rm');
    expect(text.stdout).not.toContain('from HEAD and are not committed');
    const held = text.stdout.split('\n').find((line) => line.includes('are held and not committed'));
    expect(held).toContain('threads/sales/globex/meta.json');
    expect(held).toContain('threads/sales/globex/4-decision.md');
    // In JSON, the Held line is at the old folder, as a deleted file's hold is (the text's test of it).
    const { json } = await syncJson<{ diagnostics: { path: string; rule: string }[]; uncommittedDeleted: string[] }>(dir);
    expect(json.uncommittedDeleted).toContain('threads/sales/globex/meta.json');
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ path: 'threads/sales/globex/meta.json', rule: 'derived-held' }));
  });

  /* The last review: the held line named the old folder's files bare, as if they were on disk to look at; they are gone, and the line says so. */
  it('says which of the held files are gone from disk, and that the next sync commits their deletion', async () => {
    const dir = await twoDeals();
    renameSync(join(dir, 'threads/sales/globex'), join(dir, 'threads/sales/globex-x'));
    const text = await runCli(['sync', '--dir', dir]);
    const held = text.stdout.split('\n').find((line) => line.includes('held and not committed'));
    expect(held).toContain('source files (5 deleted) are held and not committed: ');
    expect(held).toContain('threads/sales/globex-x/1-input.md, ');
    expect(held).toContain('threads/sales/globex/1-input.md (deleted), ');
    expect(held).toContain('threads/sales/globex/meta.json (deleted)');
    expect(held).not.toContain('threads/sales/globex-x/1-input.md (deleted)');
    expect(held).toContain('the next sync commits them, deletions included — not by hand meanwhile');
  });

  it('holds no folder that does not exist when an id is changed in meta.json', async () => {
    const dir = await twoDeals();
    writeFiles(dir, { 'threads/sales/globex/meta.json': read(dir, 'threads/sales/globex/meta.json').replace('"id": "globex"', '"id": "globex-two"') });
    const { code, json } = await syncJson<{ diagnostics: { path: string; rule: string; message: string }[] }>(dir);
    expect(code).toBe(1);
    const held = json.diagnostics.filter((d) => d.rule === 'derived-held');
    expect(held.map((d) => d.path)).toEqual(['threads/sales/globex/meta.json']);
    expect(JSON.stringify(json.diagnostics)).not.toContain('globex-two/');
  });

  it('does not commit a deleted stage file while the stage after it has no predecessor', async () => {
    const dir = await twoDeals();
    rmSync(join(dir, 'threads/sales/acme/3-implication.md'));
    const result = await runCli(['sync', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/stage-order/);
    expect(git(dir, 'ls-tree', '--name-only', 'HEAD', 'threads/sales/acme/')).toContain('threads/sales/acme/3-implication.md');
    expect(git(dir, 'status', '--porcelain')).toBe(' D threads/sales/acme/3-implication.md\n');
    expect(await cloneWouldChange(dir)).toBe('');
  });
});
