import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { baseFiles } from './helpers/workspace.js';
import { testdir } from './helpers/testdir.js';

/**
 * A workspace a Windows colleague committed with CRLF line endings, synced by someone whose
 * git has `core.autocrlf=true`: `git add` keeps such a file's CRLF, since the version in the
 * index has CRs (git's "safer autocrlf"). threadwork hashed the files with `git hash-object`,
 * which has no index to ask and converts CRLF to LF: its first commit flipped every line of
 * the goal and the metrics canvas to LF in the repository, and sync then named every canvas
 * section as differing from HEAD, where `git status` saw nothing.
 */

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** Paths whose blob in `rev` has a line ending in LF alone. */
function lfLinesIn(dir: string, rev: string): string[] {
  const paths = git(dir, 'ls-tree', '-r', '--name-only', rev).trim().split('\n');
  return paths.filter((path) => /(^|[^\r])\n/.test(git(dir, 'cat-file', '-p', `${rev}:${path}`)));
}

describe('a workspace committed with CRLF, synced under core.autocrlf=true', () => {
  it('keeps CRLF in every blob it commits, names no file as differing, and stays a fixed point', async () => {
    const files = Object.fromEntries(Object.entries(baseFiles()).map(([path, text]) => [path, crlf(text)]));
    const dir = testdir(files);
    gitInit(dir);
    expect(lfLinesIn(dir, 'HEAD')).toEqual([]);
    git(dir, 'config', 'core.autocrlf', 'true');
    expect(git(dir, 'status', '--porcelain')).toBe('');

    // A check first, as a person starts: it leaves the caches by which sync asks git about each source file.
    expect((await runCli(['check'], { cwd: dir })).code).toBe(0);
    const opened = await runCli(['deal', 'new', 'Acme', '--segment', 'mid-market-fintech', '--goal', 'g-first-customers'], { cwd: dir });
    expect(opened.code, opened.stderr).toBe(0);
    // What the commit changed is the deal and the lines that moved, not the line endings of every line.
    expect(git(dir, 'diff', '--numstat', 'HEAD~1', 'HEAD', '--', 'goals/g-first-customers.md')).toMatch(/^\d+\t[0-4]\t/);
    expect(lfLinesIn(dir, 'HEAD').filter((path) => !path.startsWith('threads/'))).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');

    const again = await runJson<{ written: string[]; uncommitted: string[] | null; commit: unknown }>(['sync'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.written).toEqual([]);
    expect(again.json.uncommitted).toEqual([]);
  });
});
