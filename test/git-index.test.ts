import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitPaths, indexRefreshes } from '../src/git/commit.js';
import { editIndexBytes, type IndexEdits } from '../src/git/index-file.js';
import { installIndex, prepareIndex, readIndexFile } from '../src/git/index-install.js';
import { removeLeftoverTempFiles } from '../src/git/repair.js';
import { git, gitEnv, gitInit } from './helpers/git.js';
import { testdir, writeFiles } from './helpers/testdir.js';

// commitPaths sets the committed paths in the person's index itself (index-file.ts), the
// one part of a commit git would make cost the whole repository. What it writes must be
// what git writes: these compare it byte for byte with `git update-index --index-info` on a
// copy of the same index, and check the cases it must leave to git.

const FILES = {
  'a.md': 'a\n',
  'z.md': 'z\n',
  'strategy/canvas/01-problem.md': 'problem\n',
  'threads/sales/acme/1-input.md': 'input\n',
  'threads/sales/acme/meta.json': '{}\n',
  'threads/sales/beta/1-input.md': 'beta\n',
};

/** A committed repository whose files are an hour old, so that no index entry is racy (git and this module would treat those alike, but only after looking at the file). */
function repository(options: { objectFormat?: 'sha256' } = {}): string {
  const dir = testdir(FILES);
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const path of Object.keys(FILES)) utimesSync(join(dir, path), hourAgo, hourAgo);
  if (options.objectFormat) {
    git(dir, 'init', '-q', '--initial-branch=main', `--object-format=${options.objectFormat}`);
    git(dir, 'config', 'user.name', 'Test Person');
    git(dir, 'config', 'user.email', 'test@example.com');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'initial');
  } else gitInit(dir);
  return dir;
}

const blob = (dir: string, content: string): string => execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: content, encoding: 'utf8', env: gitEnv() }).trim();

/** The index git writes for `edits`, from a copy of the repository's index with the same mtime. */
function editedByGit(dir: string, edits: IndexEdits, hashLength: number): Buffer {
  const index = join(dir, '.git/index');
  const copy = join(dir, '.git/index-by-git');
  copyFileSync(index, copy);
  const { atime, mtime } = statSync(index);
  utimesSync(copy, atime, mtime);
  const zero = '0'.repeat(hashLength * 2);
  const input = [...edits].map(([path, entry]) => `${entry ? `${entry.mode} ${entry.oid}` : `0 ${zero}`}\t${path}\0`).join('');
  execFileSync('git', ['update-index', '-z', '--index-info'], { cwd: dir, input, env: gitEnv({ GIT_INDEX_FILE: copy }) });
  return readFileSync(copy);
}

function editedHere(dir: string, edits: IndexEdits, hashLength: number): Buffer | undefined {
  const file = join(dir, '.git/index');
  return editIndexBytes(readFileSync(file), hashLength, Math.floor(statSync(file).mtimeMs / 1000), edits);
}

function someEdits(dir: string): Map<string, { mode: string; oid: string } | undefined> {
  return new Map([
    ['threads/sales/acme/meta.json', { mode: '100644', oid: blob(dir, '{"stage": 2}\n') }], // replaced
    ['threads/sales/acme/2-hypothesis.md', { mode: '100644', oid: blob(dir, 'hypothesis\n') }], // added beside others
    ['threads/sales/gamma/1-input.md', { mode: '100755', oid: blob(dir, 'gamma\n') }], // added in a new folder
    ['b.md', { mode: '100644', oid: blob(dir, 'b\n') }], // added at the top
    ['z.md', undefined], // removed
  ]);
}

describe('the index edited here is the index git writes', () => {
  it('sets, adds and removes entries byte for byte as `git update-index --index-info` does, the cache tree invalidated on the way', () => {
    const dir = repository();
    const edits = someEdits(dir);
    const index = readIndexFile(join(dir, '.git'), 20, [...edits.keys()]);
    expect(index?.layout.cacheTree.length).toBeGreaterThan(0); // git's commit left a cache tree: its invalidation is compared too
    index?.close();
    const ours = editedHere(dir, edits, 20);
    expect(ours).toBeDefined();
    expect(ours!.equals(editedByGit(dir, edits, 20))).toBe(true);
    // Put in place, git reads it, and a tree written from it is what the edits make.
    writeFileSync(join(dir, '.git/index'), ours!);
    expect(git(dir, 'ls-files', '-s', '--', 'threads/sales/gamma/1-input.md')).toMatch(/^100755 [0-9a-f]{40} 0\tthreads\/sales\/gamma\/1-input\.md/);
    expect(git(dir, 'ls-files')).not.toMatch(/^z\.md$/m);
    const tree = git(dir, 'write-tree').trim();
    expect(git(dir, 'ls-tree', '-r', '--name-only', tree).trim().split('\n')).toEqual([
      'a.md',
      'b.md',
      'strategy/canvas/01-problem.md',
      'threads/sales/acme/1-input.md',
      'threads/sales/acme/2-hypothesis.md',
      'threads/sales/acme/meta.json',
      'threads/sales/beta/1-input.md',
      'threads/sales/gamma/1-input.md',
    ]);
  });

  it('finds names of 4,095 bytes and more (their length is not in the entry) either way it looks paths up', () => {
    const dir = repository();
    // 17 folders of 240 bytes: paths past git's 12-bit name length (and the system's own
    // path limit: staged without files, as a person's `git update-index --cacheinfo` can).
    const deep = Array.from({ length: 17 }, (_, i) => `${String(i).padStart(2, '0')}${'d'.repeat(238)}`).join('/');
    const oid = blob(dir, 'changed\n');
    execFileSync('git', ['update-index', '--add', '-z', '--index-info'], { cwd: dir, input: ['long.md', 'other.md'].map((name) => `100644 ${oid}\t${deep}/${name}\0`).join(''), env: gitEnv() });
    expect(`${deep}/long.md`.length).toBeGreaterThan(4095);
    const edits = new Map([
      [`${deep}/long.md`, { mode: '100644', oid }], // replaced
      [`${deep}/new.md`, { mode: '100644', oid }], // added between the two long ones
      ['a.md', { mode: '100644', oid }],
    ]);
    const bytes = readFileSync(join(dir, '.git/index'));
    const byGit = editedByGit(dir, edits, 20);
    for (const strategy of ['search', 'merge'] as const) expect(editIndexBytes(bytes, 20, 0, edits, undefined, strategy)?.equals(byGit), strategy).toBe(true);
  });

  it('does the same in a SHA-256 repository', () => {
    const dir = repository({ objectFormat: 'sha256' });
    const edits = someEdits(dir);
    expect(edits.get('b.md')!.oid).toHaveLength(64);
    const ours = editedHere(dir, edits, 32);
    expect(ours).toBeDefined();
    expect(ours!.equals(editedByGit(dir, edits, 32))).toBe(true);
  });

  it('keeps another entry’s extended flags (index version 3), and leaves a path with its own to git', () => {
    const dir = repository();
    git(dir, 'update-index', '--skip-worktree', 'a.md');
    expect(readFileSync(join(dir, '.git/index')).readUInt32BE(4)).toBe(3);
    const edits = someEdits(dir);
    expect(editedHere(dir, edits, 20)!.equals(editedByGit(dir, edits, 20))).toBe(true);
    expect(editedHere(dir, new Map([['a.md', { mode: '100644', oid: blob(dir, 'x\n') }]]), 20)).toBeUndefined();
  });

  it('leaves to git what it does not edit: version 4, an untracked cache, conflict stages, a file/folder clash, a cut index, a skipped checksum', () => {
    const v4 = repository();
    git(v4, 'update-index', '--index-version', '4');
    expect(editedHere(v4, someEdits(v4), 20)).toBeUndefined();

    const untracked = repository();
    git(untracked, 'update-index', '--untracked-cache');
    git(untracked, 'status', '--porcelain');
    expect(readFileSync(join(untracked, '.git/index')).includes('UNTR')).toBe(true);
    expect(editedHere(untracked, someEdits(untracked), 20)).toBeUndefined();

    const conflicted = repository();
    const [one, two] = [blob(conflicted, 'one\n'), blob(conflicted, 'two\n')];
    execFileSync('git', ['update-index', '--index-info'], { cwd: conflicted, input: `0 ${'0'.repeat(40)}\ta.md\n100644 ${one} 2\ta.md\n100644 ${two} 3\ta.md\n`, env: gitEnv() });
    expect(editedHere(conflicted, new Map([['a.md', { mode: '100644', oid: one }]]), 20)).toBeUndefined();
    expect(editedHere(conflicted, new Map([['z.md', { mode: '100644', oid: one }]]), 20)).toBeDefined(); // another path: fine

    const dir = repository();
    const oid = blob(dir, 'x\n');
    expect(editedHere(dir, new Map([['a.md/inside.md', { mode: '100644', oid }]]), 20)).toBeUndefined(); // below a file
    expect(editedHere(dir, new Map([['threads/sales', { mode: '100644', oid }]]), 20)).toBeUndefined(); // over a folder
    // Two new entries, one a folder on the way to the other: git keeps the last one only (found by test/reliability/index-edit.ts).
    expect(editedHere(dir, new Map([['new', { mode: '100644', oid }], ['new/inside.md', { mode: '100644', oid }]]), 20)).toBeUndefined();
    // Over a folder whose files are not next to where the new entry goes (`threads/sales-x` sorts
    // between `threads/sales` and `threads/sales/…`), in an index without a cache tree to tell.
    writeFiles(dir, { 'threads/sales-x': 'x\n' });
    git(dir, 'add', 'threads/sales-x');
    rmSync(join(dir, '.git/index'));
    git(dir, 'update-index', '--add', ...Object.keys(FILES), 'threads/sales-x');
    expect(readFileSync(join(dir, '.git/index')).includes('TREE')).toBe(false);
    expect(editedHere(dir, new Map([['threads/sales', { mode: '100644', oid }]]), 20)).toBeUndefined();
    expect(editedHere(dir, new Map([['threads/sales-x', { mode: '100644', oid }]]), 20)).toBeDefined(); // the file next to it: fine
    git(dir, 'read-tree', 'HEAD');
    const bytes = readFileSync(join(dir, '.git/index'));
    const setA = new Map([['a.md', { mode: '100644', oid }]]);
    expect(editIndexBytes(bytes, 20, 0, setA)).toBeDefined();
    expect(editIndexBytes(bytes.subarray(0, bytes.length - 30), 20, 0, setA)).toBeUndefined();
    // All zeros where the checksum goes: written with `index.skipHash`, which git keeps.
    const skipped = Buffer.from(bytes);
    skipped.fill(0, skipped.length - 20);
    expect(editIndexBytes(skipped, 20, 0, setA)).toBeUndefined();
  });

  it('edits an index whose checksum is wrong as git does: git checks it only in `git fsck`, and writes a new one', () => {
    const dir = repository();
    const file = join(dir, '.git/index');
    const { atime, mtime } = statSync(file);
    const damaged = readFileSync(file);
    damaged[damaged.length - 1] = damaged[damaged.length - 1]! ^ 0xff;
    writeFileSync(file, damaged);
    utimesSync(file, atime, mtime);
    const edits = someEdits(dir);
    const byGit = editedByGit(dir, edits, 20);
    expect(byGit.subarray(-20).equals(createHash('sha1').update(byGit.subarray(0, -20)).digest())).toBe(true);
    expect(editedHere(dir, edits, 20)!.equals(byGit)).toBe(true);
  });

  it('smudges a racily clean entry, as git does, so that a change made in the index’s own second is still seen', async () => {
    const dir = repository();
    git(dir, 'config', 'core.trustctime', 'false'); // only mtime and size can tell, as on file systems without a reliable ctime
    // `a.md` staged with an mtime in the same second as the index (both set to a moment in the past)...
    const moment = new Date(Math.floor(Date.now() / 1000 - 600) * 1000);
    writeFiles(dir, { 'a.md': 'one\n' });
    utimesSync(join(dir, 'a.md'), moment, moment);
    git(dir, 'add', 'a.md');
    utimesSync(join(dir, '.git/index'), moment, moment);
    // ...then changed within that second: same size, same mtime. Only its racy timestamp tells git to look.
    writeFiles(dir, { 'a.md': 'two\n' });
    utimesSync(join(dir, 'a.md'), moment, moment);
    const before = indexRefreshes.here;
    writeFiles(dir, { 'threads/sales/acme/meta.json': '{"stage": 3}\n' });
    const outcome = await commitPaths({ cwd: dir, paths: ['threads/sales/acme/meta.json'], message: 'threadwork: test' });
    expect(outcome.committed).toBe(true);
    expect(indexRefreshes.here).toBe(before + 1); // this module wrote the index, with an mtime past a.md's
    expect(git(dir, 'status', '--porcelain', '--untracked-files=no')).toMatch(/^MM a\.md$/m);
    expect(git(dir, 'diff', '--name-only')).toBe('a.md\n');
  });

  it('lets go of the lock and says so when another git command rewrote the index after it was read', () => {
    const dir = repository();
    const edits = someEdits(dir);
    const prepared = prepareIndex(readIndexFile(join(dir, '.git'), 20, [...edits.keys()]), edits, join(dir, '.git/threadwork-index-test-new'));
    expect(prepared).toBeDefined();
    writeFiles(dir, { 'a.md': 'staged meanwhile\n' });
    git(dir, 'add', 'a.md');
    expect(installIndex(prepared!)).toBe('changed');
    expect(existsSync(join(dir, '.git/index.lock'))).toBe(false);
    expect(git(dir, 'diff', '--cached', '--name-only')).toBe('a.md\n'); // the person's staged work is as they left it
    expect(git(dir, 'ls-files', 'b.md')).toBe('');
  });

  it('waits behind a held index.lock as behind git’s: the same message', () => {
    const dir = repository();
    const edits = someEdits(dir);
    const prepared = prepareIndex(readIndexFile(join(dir, '.git'), 20, [...edits.keys()]), edits, join(dir, '.git/threadwork-index-test-new'));
    writeFileSync(join(dir, '.git/index.lock'), '');
    expect(() => installIndex(prepared!)).toThrow(/index\.lock': File exists/);
    expect(readFileSync(join(dir, '.git/index.lock'), 'utf8')).toBe(''); // git's lock, untouched
  });

  it('removes the lock a killed commit held, known by being its own new index; a lock of git’s stays', () => {
    const dir = repository();
    const gitDir = join(dir, '.git');
    const old = new Date(Date.now() - 120_000);
    const temp = join(gitDir, 'threadwork-index-999999-1-new');
    writeFileSync(temp, 'a new index');
    linkSync(temp, join(gitDir, 'index.lock'));
    // At once, not after the minute other temporary files wait: the person's git is locked out meanwhile.
    expect(removeLeftoverTempFiles(gitDir).sort()).toEqual(['index.lock', 'threadwork-index-999999-1-new']);
    expect(existsSync(join(gitDir, 'index.lock'))).toBe(false);

    writeFileSync(join(gitDir, 'index.lock'), 'git is at work');
    writeFileSync(temp, 'another');
    utimesSync(temp, old, old);
    removeLeftoverTempFiles(gitDir);
    expect(readFileSync(join(gitDir, 'index.lock'), 'utf8')).toBe('git is at work');
  });
});

describe('trees written as loose objects', () => {
  it('writes trees git reads and checks, leaves no temporary file, and writes a linked worktree’s into the shared store', async () => {
    const dir = repository();
    writeFiles(dir, { 'threads/sales/acme/meta.json': '{"stage": 4}\n', 'threads/sales/delta/1-input.md': 'delta\n' });
    const outcome = await commitPaths({ cwd: dir, paths: ['threads/sales/acme/meta.json', 'threads/sales/delta/1-input.md'], message: 'threadwork: test' });
    expect(outcome.committed).toBe(true);
    const tree = git(dir, 'rev-parse', 'HEAD^{tree}').trim();
    expect(existsSync(join(dir, '.git/objects', tree.slice(0, 2), tree.slice(2)))).toBe(true);
    expect(git(dir, 'fsck', '--strict', '--no-dangling')).toBe('');
    const temps = readdirSync(join(dir, '.git/objects'), { recursive: true }).filter((name) => String(name).includes('tmp_obj'));
    expect(temps).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');

    const worktree = `${dir}-worktree`;
    git(dir, 'worktree', 'add', '-q', worktree);
    writeFiles(worktree, { 'threads/sales/beta/meta.json': '{"stage": 1}\n' });
    const before = indexRefreshes.here;
    expect((await commitPaths({ cwd: worktree, paths: ['threads/sales/beta/meta.json'], message: 'threadwork: test' })).committed).toBe(true);
    expect(indexRefreshes.here).toBe(before + 1);
    const worktreeTree = git(worktree, 'rev-parse', 'HEAD^{tree}').trim();
    expect(existsSync(join(dir, '.git/objects', worktreeTree.slice(0, 2), worktreeTree.slice(2)))).toBe(true);
    expect(git(worktree, 'fsck', '--strict', '--no-dangling')).toBe('');
    expect(git(worktree, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
