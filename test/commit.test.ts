import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commitPaths, treeReads } from '../src/git/commit.js';
import { storedZlib } from '../src/git/pack.js';
import { changedPaths } from '../src/git/status.js';
import { commitCount, git, gitEnv, gitInit, lastCommitPaths } from './helpers/git.js';
import { testdir, writeFiles } from './helpers/testdir.js';

// commitPaths builds the commit's tree without an index (only the folders on the way to
// the committed paths are rewritten) and sets exactly those paths in the person's index.
// These pin what that must keep: only `paths` committed, staged work left staged, folders
// appearing and disappearing as `git add`/`git rm` would make them.

const tree = (dir: string, rev = 'HEAD'): string[] => git(dir, 'ls-tree', '-r', '--name-only', '--full-tree', rev).trim().split('\n').filter(Boolean);
const folders = (dir: string, path = ''): string[] =>
  git(dir, 'ls-tree', '-d', '--name-only', '--full-tree', 'HEAD', ...(path ? [path] : []))
    .trim()
    .split('\n')
    .filter(Boolean);
const staged = (dir: string): string[] => git(dir, 'diff', '--cached', '--name-only').trim().split('\n').filter(Boolean);
const status = (dir: string): string => git(dir, 'status', '--porcelain', '--untracked-files=no');
const indexBlob = (dir: string, path: string): string => git(dir, 'ls-files', '-s', '--', path).split(/\s+/)[1] ?? '';
const headBlob = (dir: string, path: string): string => git(dir, 'rev-parse', `HEAD:${path}`).trim();
const packs = (dir: string): string[] => readdirSync(join(dir, '.git', 'objects', 'pack')).filter((name) => name.endsWith('.pack'));

/** The tree `git add`/`git rm` in a temporary index seeded from `base` would write for these paths: what the commit must equal. */
function treeByIndex(dir: string, base: string | undefined, add: string[], remove: string[]): string {
  const env = gitEnv({ GIT_INDEX_FILE: join(dir, '.git', 'test-index') });
  const run = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env });
  try {
    run('read-tree', ...(base ? [base] : ['--empty']));
    if (add.length) run('add', '--force', '--', ...add);
    if (remove.length) run('rm', '--cached', '--ignore-unmatch', '-q', '--', ...remove);
    return run('write-tree').trim();
  } finally {
    rmSync(join(dir, '.git', 'test-index'), { force: true });
  }
}

describe('commitPaths commits exactly its paths', () => {
  it('leaves the staged work of the person out of the commit, and still staged', async () => {
    const dir = testdir({ 'notes.md': 'one\n', 'threads/sales/acme/meta.json': '{}\n' });
    gitInit(dir);
    writeFiles(dir, { 'notes.md': 'two\n', 'draft.md': 'new\n', 'threads/sales/acme/meta.json': '{"stage": 2}\n' });
    git(dir, 'add', 'notes.md', 'draft.md');
    const outcome = await commitPaths({ cwd: dir, paths: ['threads/sales/acme/meta.json'], message: 'threadwork: test' });
    expect(outcome).toMatchObject({ committed: true, paths: ['threads/sales/acme/meta.json'] });
    expect(lastCommitPaths(dir)).toEqual(['threads/sales/acme/meta.json']);
    expect(tree(dir)).toEqual(['notes.md', 'threads/sales/acme/meta.json']);
    expect(git(dir, 'show', 'HEAD:notes.md')).toBe('one\n');
    expect(staged(dir).sort()).toEqual(['draft.md', 'notes.md']);
    expect(git(dir, 'show', ':notes.md')).toBe('two\n');
    // The committed path is clean: the index has what HEAD has.
    expect(indexBlob(dir, 'threads/sales/acme/meta.json')).toBe(headBlob(dir, 'threads/sales/acme/meta.json'));
    expect(status(dir)).not.toMatch(/meta\.json/);
  });

  it('names the commit in HEAD\'s reflog by its subject once, as `git commit` does (not `threadwork: threadwork: …`)', async () => {
    const dir = testdir({ 'threads/sales/acme/meta.json': '{}\n' });
    gitInit(dir);
    writeFiles(dir, { 'threads/sales/acme/meta.json': '{"a":1}\n' });
    expect(await commitPaths({ cwd: dir, paths: ['threads/sales/acme/meta.json'], message: 'threadwork: sync workspace (1 derived change)\n\nbody' })).toMatchObject({ committed: true });
    expect(git(dir, 'reflog', '-1', '--format=%gs').trim()).toBe('threadwork: sync workspace (1 derived change)');
  });

  it('removes a deleted path from the tree, and a folder it empties with it', async () => {
    const dir = testdir({
      'threads/sales/acme/meta.json': '{}\n',
      'threads/sales/gone/meta.json': '{}\n',
      'threads/sales/gone/notes/1.md': 'x\n',
      'solo/deep/er/only.md': 'x\n',
    });
    gitInit(dir);
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    rmSync(join(dir, 'threads/sales/gone'), { recursive: true });
    rmSync(join(dir, 'solo'), { recursive: true });
    const paths = ['threads/sales/gone/meta.json', 'threads/sales/gone/notes/1.md', 'solo/deep/er/only.md'];
    const outcome = await commitPaths({ cwd: dir, paths, message: 'threadwork: remove' });
    expect(outcome).toMatchObject({ committed: true });
    expect(tree(dir)).toEqual(['threads/sales/acme/meta.json']);
    expect(folders(dir)).toEqual(['threads']);
    expect(folders(dir, 'threads/sales/')).toEqual(['threads/sales/acme']);
    expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, [], paths));
    expect(git(dir, 'ls-files').trim().split('\n')).toEqual(['threads/sales/acme/meta.json']);
    expect(status(dir)).toBe('');
  });

  it('adds a new nested folder where it belongs, in git order', async () => {
    const dir = testdir({ 'a.md': 'a\n', 'a-b.md': 'ab\n', 'threads/sales/acme/meta.json': '{}\n', 'threads/sales/b/x.md': 'x\n' });
    gitInit(dir);
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    // Names that sort differently as a file and as a folder (`a/` after `a-b.md`), a non-ASCII one, an executable.
    writeFiles(dir, {
      'a/new/deep/x.md': 'x\n',
      'threads/sales/acme.d/meta.json': '{}\n',
      'threads/sales/acme/stage 2 – café.md': 'é\n',
      'threads/sales/b/run.sh': '#!/bin/sh\n',
    });
    chmodSync(join(dir, 'threads/sales/b/run.sh'), 0o755);
    const paths = ['a/new/deep/x.md', 'threads/sales/acme.d/meta.json', 'threads/sales/acme/stage 2 – café.md', 'threads/sales/b/run.sh'];
    const outcome = await commitPaths({ cwd: dir, paths, message: 'threadwork: add' });
    expect(outcome).toMatchObject({ committed: true });
    expect(git(dir, '-c', 'core.quotePath=false', 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([...paths].sort());
    expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, paths, []));
    expect(git(dir, 'ls-tree', 'HEAD', 'threads/sales/b/run.sh')).toMatch(/^100755 /);
    expect(git(dir, 'fsck', '--no-dangling', '--strict')).toBe('');
    expect(status(dir)).toBe('');
  });

  it('writes a large commit as one pack, with the tree git add would make, filters applied', async () => {
    const files: Record<string, string> = { 'threads/sales/keep/meta.json': '{}\n', '.gitattributes': '*.txt text eol=crlf\n' };
    const dir = testdir(files);
    gitInit(dir);
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    // Enough files and folders for the pack (PACK_FROM objects), nested, one replaced, one through a filter.
    const added: Record<string, string> = {};
    for (let i = 0; i < 70; i++) added[`threads/sales/t${String(i).padStart(3, '0')}/meta.json`] = `{"n": ${i}}\n`;
    added['threads/sales/keep/meta.json'] = '{"kept": true}\n';
    added['notes/line-endings.txt'] = 'one\r\ntwo\r\n';
    writeFiles(dir, added);
    const paths = Object.keys(added);
    const packsBefore = packs(dir);
    const outcome = await commitPaths({ cwd: dir, paths, message: 'threadwork: many' });
    expect(outcome).toMatchObject({ committed: true });
    expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, paths, []));
    expect(packs(dir).length).toBe(packsBefore.length + 1);
    // The meta.json blobs and the thread folders' trees are in the new pack, not loose.
    expect(git(dir, 'count-objects', '-v')).toMatch(/^count: [0-9]$/m);
    expect(git(dir, 'fsck', '--no-dangling', '--strict')).toBe('');
    expect(status(dir)).toBe('');
  });

  it('takes a large commit\'s bodies from what the caller says it wrote only where the disk holds them, filters applied', async () => {
    const dir = testdir({ 'threads/sales/keep/meta.json': '{}\n', '.gitattributes': '*.txt text eol=crlf\n' });
    gitInit(dir);
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    const added: Record<string, string> = {};
    for (let i = 0; i < 70; i++) added[`threads/sales/t${String(i).padStart(3, '0')}/meta.json`] = `{"n": ${i}}\n`;
    added['notes/line-endings.txt'] = 'one\r\ntwo\r\n';
    writeFiles(dir, added);
    // What the caller says it wrote: as on disk for most, not for two (saved again since), and
    // the text file as written, which git's filter turns into other bytes.
    const written = new Map(Object.entries(added));
    written.set('threads/sales/t003/meta.json', '{"n": "as written, saved over since"}\n');
    written.set('threads/sales/t050/meta.json', '{}\n');
    const paths = Object.keys(added);
    expect(await commitPaths({ cwd: dir, paths, message: 'threadwork: many', written })).toMatchObject({ committed: true });
    // Every object the commit names is there (asked before treeByIndex's `git add` writes any of its own).
    expect(git(dir, 'fsck', '--no-dangling', '--strict')).toBe('');
    expect(git(dir, 'show', 'HEAD:threads/sales/t003/meta.json')).toBe('{"n": 3}\n');
    expect(git(dir, 'show', 'HEAD:threads/sales/t050/meta.json')).toBe('{"n": 50}\n');
    expect(git(dir, 'show', 'HEAD:threads/sales/t051/meta.json')).toBe('{"n": 51}\n');
    expect(status(dir)).toBe('');
    // What git add makes of the disk, whatever the caller said.
    expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, paths, []));
  });

  it('commits in a workspace that is a subfolder of the repository', async () => {
    const dir = testdir({ 'README.md': 'top\n', 'gtm/threads/sales/acme/meta.json': '{}\n', 'app/src/main.ts': 'x\n' });
    gitInit(dir);
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'gtm/threads/sales/acme/meta.json': '{"stage": 3}\n', 'gtm/threads/sales/new/meta.json': '{}\n', 'README.md': 'edited\n' });
    const outcome = await commitPaths({ cwd: join(dir, 'gtm'), paths: ['threads/sales/acme/meta.json', 'threads/sales/new/meta.json'], message: 'threadwork: sub' });
    expect(outcome).toMatchObject({ committed: true, paths: ['gtm/threads/sales/acme/meta.json', 'gtm/threads/sales/new/meta.json'] });
    expect(lastCommitPaths(dir)).toEqual(['gtm/threads/sales/acme/meta.json', 'gtm/threads/sales/new/meta.json']);
    expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, ['gtm/threads/sales/acme/meta.json', 'gtm/threads/sales/new/meta.json'], []));
    expect(status(dir)).toBe(' M README.md\n');
  });

  it('makes the first commit of an empty repository, without what the person staged', async () => {
    const dir = testdir({ 'threads/sales/acme/meta.json': '{}\n', 'threadwork.config.yaml': 'x: 1\n', 'mine.md': 'mine\n' });
    gitInit(dir, { commit: false });
    git(dir, 'add', 'mine.md');
    const outcome = await commitPaths({ cwd: dir, paths: ['threads/sales/acme/meta.json', 'threadwork.config.yaml'], message: 'threadwork: first' });
    expect(outcome).toMatchObject({ committed: true });
    expect(commitCount(dir)).toBe(1);
    expect(tree(dir)).toEqual(['threads/sales/acme/meta.json', 'threadwork.config.yaml']);
    expect(staged(dir)).toEqual(['mine.md']);
    expect(git(dir, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main');
  });

  it('says nothing-to-commit when the paths are as HEAD has them, and makes no commit', async () => {
    const dir = testdir({ 'threads/sales/acme/meta.json': '{}\n' });
    gitInit(dir);
    const outcome = await commitPaths({ cwd: dir, paths: ['threads/sales/acme/meta.json', 'threads/sales/never/meta.json'], message: 'threadwork: none' });
    expect(outcome).toMatchObject({ committed: false, reason: 'nothing-to-commit' });
    expect(commitCount(dir)).toBe(1);
  });

  it('still commits what plain tree surgery does not cover: a symbolic link, a file where a folder was', async () => {
    const dir = testdir({ 'threads/sales/acme/meta.json': '{}\n', 'threads/old/a.md': 'a\n', 'threads/old/b.md': 'b\n' });
    gitInit(dir);
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    symlinkSync('acme/meta.json', join(dir, 'threads/sales/link.json'));
    rmSync(join(dir, 'threads/old'), { recursive: true });
    writeFiles(dir, { 'threads/old': 'now a file\n' });
    const paths = ['threads/old', 'threads/old/a.md', 'threads/old/b.md', 'threads/sales/link.json'];
    const outcome = await commitPaths({ cwd: dir, paths, message: 'threadwork: odd' });
    expect(outcome).toMatchObject({ committed: true });
    expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, ['threads/old', 'threads/sales/link.json'], ['threads/old/a.md', 'threads/old/b.md']));
    expect(git(dir, 'ls-tree', 'HEAD', 'threads/sales/link.json')).toMatch(/^120000 /);
    expect(status(dir)).toBe('');
  });

  it('commits below a folder that HEAD has as a file, and into folders HEAD lacks, as git add would', async () => {
    const dir = testdir({ 'threads/notes': 'a file for now\n', 'threads/sales/acme/meta.json': '{}\n' });
    gitInit(dir);
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    rmSync(join(dir, 'threads/notes'));
    writeFiles(dir, { 'threads/notes/deep/x.md': 'x\n', 'threads/sales/new/deeper/y.md': 'y\n' });
    const paths = ['threads/notes/deep/x.md', 'threads/sales/new/deeper/y.md'];
    expect(await commitPaths({ cwd: dir, paths, message: 'threadwork: below a file' })).toMatchObject({ committed: true });
    expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, paths, []));
    expect(tree(dir)).toEqual(['threads/notes/deep/x.md', 'threads/sales/acme/meta.json', 'threads/sales/new/deeper/y.md']);
  });

  it('commits many paths across many folders in one go', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`threads/sales/deal-${i}/meta.json`] = `{"i": ${i}}\n`;
    const dir = testdir(files);
    gitInit(dir);
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    const edited: Record<string, string> = {};
    for (let i = 0; i < 300; i += 3) edited[`threads/sales/deal-${i}/meta.json`] = `{"i": ${i}, "edited": true}\n`;
    for (let i = 300; i < 320; i++) edited[`threads/sales/deal-${i}/stages/1-input.md`] = `${i}\n`;
    writeFiles(dir, edited);
    for (let i = 1; i < 300; i += 7) rmSync(join(dir, `threads/sales/deal-${i}`), { recursive: true });
    const paths = [...new Set([...Object.keys(edited), ...Array.from({ length: 43 }, (_, k) => `threads/sales/deal-${1 + 7 * k}/meta.json`)])];
    const present = paths.filter((p) => existsSync(join(dir, p)));
    const removed = paths.filter((p) => !present.includes(p));
    const outcome = await commitPaths({ cwd: dir, paths, message: 'threadwork: bulk' });
    expect(outcome).toMatchObject({ committed: true });
    expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, present, removed));
    expect(status(dir)).toBe('');
  });

  it('commits one after another into a large folder it wrote last (kept in memory by id) with the trees git add would make', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`threads/sales/deal-${String(i).padStart(3, '0')}/meta.json`] = `{"i": ${i}}\n`;
    const dir = testdir(files);
    gitInit(dir);
    // Each round: edit one deal, add one, remove one — the large `threads/sales` is the one the last commit wrote.
    for (let round = 0; round < 4; round++) {
      const before = git(dir, 'rev-parse', 'HEAD').trim();
      const edited = `threads/sales/deal-${String(round * 7).padStart(3, '0')}/meta.json`;
      const added = `threads/sales/deal-${round}-new/meta.json`;
      const removed = `threads/sales/deal-${String(round * 11 + 1).padStart(3, '0')}/meta.json`;
      writeFiles(dir, { [edited]: `{"round": ${round}}\n`, [added]: `{"new": ${round}}\n` });
      rmSync(join(dir, removed));
      expect(await commitPaths({ cwd: dir, paths: [edited, added, removed], message: `threadwork: round ${round}` })).toMatchObject({ committed: true });
      expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, [edited, added], [removed]));
    }
    // Another repository with different content under the same folder names: nothing kept from the first one leaks in.
    const other = testdir({ ...files, 'threads/sales/deal-000/meta.json': '{"other": true}\n' });
    gitInit(other);
    const base = git(other, 'rev-parse', 'HEAD').trim();
    writeFiles(other, { 'threads/sales/deal-399/meta.json': '{"edited": true}\n' });
    await commitPaths({ cwd: other, paths: ['threads/sales/deal-399/meta.json'], message: 'threadwork: other' });
    expect(git(other, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(other, base, ['threads/sales/deal-399/meta.json'], []));
    expect(git(other, 'fsck', '--strict')).toBeDefined();
    expect(status(dir)).toBe('');
  });

  it('reads again only the folders the last commit did not write: none for the same deal, its folder for another, the root after a person committed', async () => {
    // Content no other test has: a tree kept by id from another test cannot spare a read here.
    const unique = randomBytes(8).toString('hex');
    const dir = testdir({ 'threads/sales/acme/meta.json': `{"id": "${unique}"}\n`, 'threads/sales/globex/meta.json': `{"id": "${unique}-g"}\n`, 'notes.md': `${unique}\n` });
    gitInit(dir);
    const commitOne = async (path: string, text: string): Promise<number> => {
      const before = git(dir, 'rev-parse', 'HEAD').trim();
      writeFiles(dir, { [path]: text });
      const reads = treeReads.batches;
      expect(await commitPaths({ cwd: dir, paths: [path], message: `threadwork: ${path}` })).toMatchObject({ committed: true });
      expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, before, [path], []));
      return treeReads.batches - reads;
    };
    // First: the root, threads, threads/sales and acme's folder, asked for by path in one process.
    expect(await commitOne('threads/sales/acme/meta.json', '{"stage": 2}\n')).toBe(1);
    expect(await commitOne('threads/sales/acme/meta.json', '{"stage": 3}\n')).toBe(0);
    expect(await commitOne('threads/sales/globex/meta.json', '{"stage": 2}\n')).toBe(1);
    // A person's commit writes a root this process never saw: the folders on the way read again, in one process.
    writeFiles(dir, { 'notes.md': 'two\n' });
    git(dir, 'commit', '-qam', 'notes');
    expect(await commitOne('threads/sales/globex/meta.json', '{"stage": 3}\n')).toBe(1);
    expect(status(dir)).toBe('');
  });

  it('stores small pack objects as zlib streams any inflater reads back, across block boundaries, the checksum verified', () => {
    for (const size of [0, 1, 5551, 5553, 65535, 65536, 140_000]) {
      const body = randomBytes(size);
      expect(inflateSync(storedZlib(body)).equals(body), `${size} bytes`).toBe(true);
    }
    const damaged = storedZlib(Buffer.from('a meta.json'));
    damaged[damaged.length - 1]! ^= 1;
    expect(() => inflateSync(damaged)).toThrow();
  });

  it('writes a large tree loose and stored uncompressed, a small one compressed, both as git reads them', async () => {
    // A folder of 2,000 deals: its tree is ~90 KB, past the size from which a loose object is stored.
    const files: Record<string, string> = { 'README.md': 'top\n' };
    for (let i = 0; i < 2000; i++) files[`threads/sales/deal-${String(i).padStart(5, '0')}/meta.json`] = '{}\n';
    const dir = testdir(files);
    gitInit(dir);
    writeFiles(dir, { 'threads/sales/deal-01000/meta.json': '{"stage": 2}\n' });
    const outcome = await commitPaths({ cwd: dir, paths: ['threads/sales/deal-01000/meta.json'], message: 'threadwork: one' });
    expect(outcome).toMatchObject({ committed: true });
    const loose = (oid: string): Buffer => readFileSync(join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    const big = loose(headBlob(dir, 'threads/sales'));
    const small = loose(headBlob(dir, 'threads'));
    // The first deflate block's type (bits 1–2 of the byte after the zlib header): 00 stored, else compressed.
    expect(big[2]! & 0b110).toBe(0);
    expect(small[2]! & 0b110).not.toBe(0);
    expect(inflateSync(big).subarray(0, 11).toString('latin1')).toMatch(/^tree \d{5}\0/);
    expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(treeByIndex(dir, `${git(dir, 'rev-parse', 'HEAD~1').trim()}`, ['threads/sales/deal-01000/meta.json'], []));
    expect(git(dir, 'fsck', '--no-dangling', '--strict')).toBe('');
  });

  it('lists the changed sources of a workspace in a subfolder of its repository, relative to it, and none outside git', async () => {
    const dir = testdir({ 'ws/threads/a.md': 'a\n', 'ws/strategy/b.md': 'b\n', 'other/threads/c.md': 'c\n' });
    gitInit(dir);
    writeFiles(dir, { 'ws/threads/a.md': 'a2\n', 'ws/threads/new file.md': 'n\n', 'other/threads/c.md': 'c2\n', 'ws/notes.md': 'x\n' });
    rmSync(join(dir, 'ws/strategy/b.md'));
    expect(await changedPaths(join(dir, 'ws'), ['threads', 'strategy'])).toEqual(['strategy/b.md', 'threads/a.md', 'threads/new file.md']);
    expect(await changedPaths(testdir({ 'threads/a.md': 'a\n' }), ['threads'])).toEqual([]);
  });
});

// The engine commits with `git commit-tree`, which reads neither commit.gpgSign nor does the
// person's environment reach it unless passed: what `git commit` would do is the bar.
describe('commitPaths commits as `git commit` would for the person', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const commitOne = async (dir: string): Promise<void> => {
    writeFiles(dir, { 'threads/sales/acme/meta.json': '{"a":1}\n' });
    expect(await commitPaths({ cwd: dir, paths: ['threads/sales/acme/meta.json'], message: 'threadwork: test' })).toMatchObject({ committed: true });
  };
  const ident = (dir: string, format: string): string => git(dir, 'log', '-1', `--format=${format}`).trim();
  /** A repository with a first commit and no identity of its own, nor a global one. */
  const withoutIdentity = (): string => {
    vi.stubEnv('GIT_CONFIG_GLOBAL', '/dev/null');
    const dir = testdir({ 'threads/sales/acme/meta.json': '{}\n' });
    gitInit(dir);
    git(dir, 'config', '--unset', 'user.name');
    git(dir, 'config', '--unset', 'user.email');
    return dir;
  };

  it('holds index.lock from before HEAD moves until the index follows, so a `git stash` meanwhile waits rather than stage the commit back', async () => {
    const dir = testdir({ 'threads/sales/acme/meta.json': '{}\n' });
    gitInit(dir);
    // git as the engine runs it, noting whether the index is locked when HEAD is moved.
    const bin = testdir();
    const seen = join(bin, 'seen');
    const realGit = execFileSync('which', ['git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ "$1" = update-ref ]; then if [ -e '${join(dir, '.git/index.lock')}' ]; then echo held >> '${seen}'; else echo free >> '${seen}'; fi; fi\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    vi.stubEnv('PATH', `${bin}:${process.env.PATH ?? ''}`);
    await commitOne(dir);
    expect(readFileSync(seen, 'utf8')).toBe('held\n');
    expect(existsSync(join(dir, '.git/index.lock'))).toBe(false);
    expect(indexBlob(dir, 'threads/sales/acme/meta.json')).toBe(headBlob(dir, 'threads/sales/acme/meta.json'));
    expect(status(dir)).toBe('');
  });

  it('signs the commit where commit.gpgSign asks for it, with the configured gpg program', async () => {
    const dir = testdir({ 'threads/sales/acme/meta.json': '{}\n' });
    gitInit(dir);
    // A stand-in for gpg that signs anything: what git runs, and the signature git stores in the commit.
    const gpg = join(dir, '..', `fake-gpg-${randomBytes(4).toString('hex')}`);
    writeFileSync(gpg, '#!/bin/sh\ncat >/dev/null\necho "[GNUPG:] SIG_CREATED D 1 8 00 0 0" >&2\nprintf -- "-----BEGIN PGP SIGNATURE-----\\nstand-in\\n-----END PGP SIGNATURE-----\\n"\n');
    chmodSync(gpg, 0o755);
    git(dir, 'config', 'gpg.program', gpg);
    git(dir, 'config', 'commit.gpgsign', 'true');
    await commitOne(dir);
    expect(git(dir, 'cat-file', 'commit', 'HEAD')).toMatch(/^gpgsig -----BEGIN PGP SIGNATURE-----\n stand-in\n/m);
  });

  it('makes no unsigned commit when signing is asked for and fails: nothing committed, git\'s reason said', async () => {
    const dir = testdir({ 'threads/sales/acme/meta.json': '{}\n' });
    gitInit(dir);
    git(dir, 'config', 'gpg.program', 'false');
    git(dir, 'config', 'commit.gpgsign', 'true');
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'threads/sales/acme/meta.json': '{"a":1}\n' });
    await expect(commitPaths({ cwd: dir, paths: ['threads/sales/acme/meta.json'], message: 'threadwork: test' })).rejects.toThrow(/gpg failed to sign/);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(before);
  });

  it('takes author.* and committer.* before user.*, as git does', async () => {
    const dir = withoutIdentity();
    git(dir, 'config', 'author.name', 'Ada Author');
    git(dir, 'config', 'author.email', 'ada@example.com');
    git(dir, 'config', 'committer.name', 'Cy Committer');
    git(dir, 'config', 'committer.email', 'cy@example.com');
    await commitOne(dir);
    expect(ident(dir, '%an <%ae> / %cn <%ce>')).toBe('Ada Author <ada@example.com> / Cy Committer <cy@example.com>');
  });

  it('takes the address from EMAIL and config given in the environment (GIT_CONFIG_COUNT), not the fallback identity', async () => {
    vi.stubEnv('EMAIL', 'env@example.com');
    vi.stubEnv('GIT_CONFIG_COUNT', '1');
    vi.stubEnv('GIT_CONFIG_KEY_0', 'user.name');
    vi.stubEnv('GIT_CONFIG_VALUE_0', 'Env Person');
    const dir = withoutIdentity();
    await commitOne(dir);
    expect(ident(dir, '%an <%ae> / %cn <%ce>')).toBe('Env Person <env@example.com> / Env Person <env@example.com>');
  });

  it('falls back to threadwork <threadwork@localhost> only for what nothing names', async () => {
    vi.stubEnv('EMAIL', '');
    const dir = withoutIdentity();
    git(dir, 'config', 'user.name', 'Named Only');
    await commitOne(dir);
    expect(ident(dir, '%an <%ae>')).toBe('Named Only <threadwork@localhost>');
  });
});
