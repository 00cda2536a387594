import { execFileSync } from 'node:child_process';
import { lstatSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitPaths } from '../src/git/commit.js';
import { indexStatOf, settledStats } from '../src/git/index-stat.js';
import { git, gitEnv, gitInit } from './helpers/git.js';
import { testdir, writeFiles } from './helpers/testdir.js';

// The index entries of the paths threadwork commits carry the files' stat data when a later
// write could not share their stamps (src/git/index-stat.ts), so that a `git status` that
// may not take the index lock trusts them instead of hashing every committed file again.

/** What `git ls-files --debug` shows of each path's stat data: `ctime`, `mtime` (sec:nsec), `ino`, `size`. */
function indexStat(dir: string, path: string): { ctime: string; mtime: string; ino: number; size: number } {
  const out = git(dir, 'ls-files', '--debug', '--', path);
  const field = (name: string): string => new RegExp(`${name}: (\\S+)`).exec(out)?.[1] ?? '';
  return { ctime: field('ctime'), mtime: field('mtime'), ino: Number(field('ino')), size: Number(field('size')) };
}

/** The stat data git would record for the file as it is now. */
function statNow(dir: string, path: string): { ctime: string; mtime: string; ino: number; size: number } {
  const stat = indexStatOf(lstatSync(join(dir, path), { bigint: true }));
  return { ctime: `${stat.ctimeSec}:${stat.ctimeNsec}`, mtime: `${stat.mtimeSec}:${stat.mtimeNsec}`, ino: stat.ino, size: stat.size };
}

const lastChangeMs = (dir: string, path: string): number => {
  const stat = lstatSync(join(dir, path));
  return Math.max(stat.mtimeMs, stat.ctimeMs);
};

/** Waits until the file system's clock, read from a file written now, is `ms` past the last change of `path`. */
async function settle(dir: string, path: string, ms: number): Promise<void> {
  const since = lastChangeMs(dir, path);
  for (;;) {
    writeFiles(dir, { '.git/threadwork-clock': '' });
    if (lastChangeMs(dir, '.git/threadwork-clock') > since + ms) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A repository where `settled` was written well before `newest` (300 ms of the file
 * system's clock), both then committed together; the commit's outcome.
 */
async function commitSettledAndNewest(settled: [path: string, content: string], newest: [path: string, content: string]): Promise<{ dir: string; outcome: Awaited<ReturnType<typeof commitPaths>> }> {
  const dir = testdir({ 'notes.md': 'one\n' });
  gitInit(dir);
  writeFiles(dir, { [settled[0]]: settled[1] });
  await settle(dir, settled[0], 300);
  writeFiles(dir, { [newest[0]]: newest[1] });
  return { dir, outcome: await commitPaths({ cwd: dir, paths: [settled[0], newest[0]], message: 'threadwork: test' }) };
}

describe('the index entries of committed paths', () => {
  it('carry the stat data of a file changed well before the commit’s newest change, and none for the newest', async () => {
    const { dir, outcome } = await commitSettledAndNewest(['threads/sales/acme/6-learning.md', 'outcome: closed-won\n'], ['threads/sales/acme/meta.json', '{"stage": 6}\n']);
    expect(outcome).toMatchObject({ committed: true });
    expect(indexStat(dir, 'threads/sales/acme/6-learning.md')).toEqual(statNow(dir, 'threads/sales/acme/6-learning.md'));
    // Written just now: a write in the same clock tick would keep its stamp, so git hashes it at its next look.
    expect(indexStat(dir, 'threads/sales/acme/meta.json')).toEqual({ ctime: '0:0', mtime: '0:0', ino: 0, size: 0 });
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('never hides a later change from a `git status` that may not take the index lock', async () => {
    const { dir } = await commitSettledAndNewest(['goals/g-arr.md', 'arr: 100\n'], ['strategy/canvas/13-metrics.md', 'arr: 100\n']);
    expect(indexStat(dir, 'goals/g-arr.md').size).toBe('arr: 100\n'.length);
    // The same size, written at once: only its stamps tell git the file changed.
    writeFiles(dir, { 'goals/g-arr.md': 'arr: 900\n' });
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8', env: gitEnv({ GIT_OPTIONAL_LOCKS: '0' }) });
    expect(status).toBe(' M goals/g-arr.md\n');
  });
});

describe('settledStats', () => {
  /** A regular file's lstat with the given stamps (nanoseconds) on `dev`. */
  const file = (mtimeNs: bigint, ctimeNs = mtimeNs, dev = 1n): BigIntStats => ({ dev, ino: 7n, uid: 0n, gid: 0n, size: 3n, mtimeNs, ctimeNs, isFile: () => true }) as unknown as BigIntStats;
  const SECOND = 1_000_000_000n;
  const at = 1_800_000_000n * SECOND + 123_456_789n;

  it('records a file changed more than 100 ms before the newest change, when stamps have sub-millisecond parts', () => {
    const statOf = settledStats(
      new Map([
        ['old', file(at - 150_000_000n)],
        ['near', file(at - 50_000_000n)],
        ['newest', file(at)],
      ]),
    );
    expect(statOf('old')).toMatchObject({ mtimeSec: 1_799_999_999, mtimeNsec: 973_456_789, size: 3 });
    expect(statOf('near')).toBeUndefined();
    expect(statOf('newest')).toBeUndefined();
  });

  it('takes the later of mtime and ctime as a file’s last change (a rename moves only the ctime)', () => {
    const statOf = settledStats(new Map([['renamed', file(at - 10n * SECOND, at - 10_000_000n)], ['newest', file(at)]]));
    expect(statOf('renamed')).toBeUndefined();
  });

  it('waits two seconds where stamps are whole seconds (a file system that may keep no finer time)', () => {
    const whole = 1_800_000_000n * SECOND;
    const statOf = settledStats(
      new Map([
        ['a second before', file(whole - SECOND)],
        ['three seconds before', file(whole - 3n * SECOND)],
        ['newest', file(whole)],
      ]),
    );
    expect(statOf('a second before')).toBeUndefined();
    expect(statOf('three seconds before')).toBeDefined();
  });

  it('compares a file only with changes on its own device (another file system keeps another clock)', () => {
    const statOf = settledStats(
      new Map([
        ['elsewhere', file(at - 10n * SECOND, at - 10n * SECOND, 2n)],
        ['here, old', file(at - 10n * SECOND)],
        ['here, newest', file(at)],
      ]),
    );
    expect(statOf('elsewhere')).toBeUndefined();
    expect(statOf('here, old')).toBeDefined();
  });
});
