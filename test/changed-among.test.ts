import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedAmong, changedPaths, statusRuns } from '../src/git/status.js';
import { git, gitInit } from './helpers/git.js';
import { testdir, writeFiles } from './helpers/testdir.js';

// changedAmong answers "which of these files differ from HEAD" without `git status` (which
// reads git's whole index) when every file is a plain edit of a tracked one; anything else
// is git's status to answer. Each answer is compared with `git status` of the same names.

/** A repository whose workspace is its `ws/` folder, committed; `.md` files normalised to LF by git. */
function repository(): { top: string; ws: string } {
  const top = testdir({
    '.gitattributes': '*.md text=auto\n',
    '.gitignore': 'ignored.md\n',
    'ws/threads/a.md': 'a\n',
    'ws/threads/b.md': 'b\n',
    'ws/threads/line endings.md': 'one\ntwo\n',
    'ws/threads/[odd] name.md': 'odd\n',
    'ws/strategy/c.md': 'c\n',
  });
  gitInit(top);
  return { top, ws: join(top, 'ws') };
}

/** changedAmong's answer, whether it asked git's status for it, and that status's own answer. */
async function both(ws: string, names: string[]): Promise<{ among: string[]; byStatus: boolean; status: string[] }> {
  const before = statusRuns.count;
  const among = await changedAmong(ws, names);
  const byStatus = statusRuns.count > before;
  return { among, byStatus, status: await changedPaths(ws, names) };
}

describe('changedAmong', () => {
  it('finds the edited files among tracked ones without git status, as git status does', async () => {
    const { ws } = repository();
    writeFiles(ws, { 'threads/a.md': 'a edited\n', 'threads/[odd] name.md': 'odd edited\n', 'strategy/c.md': 'c\n' });
    const answer = await both(ws, ['threads/a.md', 'threads/b.md', 'threads/[odd] name.md', 'strategy/c.md']);
    expect(answer).toEqual({ among: ['threads/[odd] name.md', 'threads/a.md'], byStatus: false, status: ['threads/[odd] name.md', 'threads/a.md'] });
    // The workspace's folder in the repository given, as a transaction knows it: the same answer.
    expect(await changedAmong(ws, ['threads/a.md', 'threads/b.md'], 'ws')).toEqual(['threads/a.md']);
  });

  it('hashes a file as git add would: CRLF that the attributes normalise away is no change, as for git diff', async () => {
    const { ws } = repository();
    writeFiles(ws, { 'threads/line endings.md': 'one\r\ntwo\r\n' });
    const diff = (): string[] => git(ws, 'diff', 'HEAD', '--name-only', '--relative').split('\n').filter(Boolean);
    // git's status calls it modified from its size alone (the index recorded another); adding it would change nothing.
    expect(await both(ws, ['threads/line endings.md', 'threads/a.md'])).toEqual({ among: [], byStatus: false, status: ['threads/line endings.md'] });
    expect(diff()).toEqual([]);
    writeFiles(ws, { 'threads/line endings.md': 'one\r\nthree\r\n' });
    expect(await both(ws, ['threads/line endings.md'])).toEqual({ among: ['threads/line endings.md'], byStatus: false, status: ['threads/line endings.md'] });
    expect(diff()).toEqual(['threads/line endings.md']);
  });

  it("leaves new, ignored and deleted files and mode changes to git status's answer", async () => {
    const { ws } = repository();
    writeFiles(ws, { 'threads/new.md': 'new\n', 'threads/ignored.md': 'ignored\n', 'threads/a.md': 'a edited\n' });
    expect(await both(ws, ['threads/a.md', 'threads/new.md'])).toEqual({ among: ['threads/a.md', 'threads/new.md'], byStatus: true, status: ['threads/a.md', 'threads/new.md'] });
    expect(await both(ws, ['threads/b.md', 'threads/ignored.md'])).toEqual({ among: [], byStatus: true, status: [] });
    rmSync(join(ws, 'threads/b.md'));
    expect(await both(ws, ['threads/b.md', 'strategy/c.md'])).toEqual({ among: ['threads/b.md'], byStatus: true, status: ['threads/b.md'] });
    // A folder on the way replaced by a file: the name is gone, as git's status says (not an error).
    rmSync(join(ws, 'threads'), { recursive: true });
    writeFiles(ws, { threads: 'now a file\n' });
    expect((await both(ws, ['threads/a.md'])).among).toEqual(['threads/a.md']);
    chmodSync(join(ws, 'strategy/c.md'), 0o755);
    expect(await both(ws, ['strategy/c.md'])).toEqual({ among: ['strategy/c.md'], byStatus: true, status: ['strategy/c.md'] });
  });

  it('names a file that differs from HEAD by its content only: one staged and then put back is not listed', async () => {
    const { ws } = repository();
    writeFiles(ws, { 'threads/a.md': 'a edited\n' });
    git(ws, 'add', 'threads/a.md');
    writeFiles(ws, { 'threads/a.md': 'a\n' });
    // git's status lists it (staged: the index differs from HEAD); the file on disk is HEAD's.
    expect(await both(ws, ['threads/a.md'])).toEqual({ among: [], byStatus: false, status: ['threads/a.md'] });
  });

  it('asks git status beyond 128 names, before the first commit, and says nothing outside a repository', async () => {
    const { ws } = repository();
    const many = Array.from({ length: 129 }, (_, i) => `threads/many-${i}.md`);
    writeFiles(ws, Object.fromEntries(many.map((name) => [name, 'x\n'])));
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'many');
    writeFiles(ws, { 'threads/many-7.md': 'y\n' });
    expect(await both(ws, many)).toEqual({ among: ['threads/many-7.md'], byStatus: true, status: ['threads/many-7.md'] });
    expect(await both(ws, many.slice(0, 128))).toEqual({ among: ['threads/many-7.md'], byStatus: false, status: ['threads/many-7.md'] });

    const unborn = testdir({ 'threads/a.md': 'a\n' });
    gitInit(unborn, { commit: false });
    expect(await both(unborn, ['threads/a.md'])).toEqual({ among: ['threads/a.md'], byStatus: true, status: ['threads/a.md'] });
    expect(await changedAmong(testdir({ 'threads/a.md': 'a\n' }), ['threads/a.md'])).toEqual([]);
  });
});
