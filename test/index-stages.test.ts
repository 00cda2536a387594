import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexHoldsConflicts } from '../src/git/index-stages.js';
import { git, gitEnv, gitInit } from './helpers/git.js';
import { testdir, writeFiles } from './helpers/testdir.js';

// Whether the index holds a file left unmerged is read from `.git/index` itself while a
// resolved `git stash pop`'s AUTO_MERGE is left (unmerged.ts): each case is a real index git
// wrote, and the answer is checked against `git ls-files -u`.

const FILES = { 'a.md': 'a\n', 'goals/g-arr.md': 'target: 1\n', 'threads/sales/acme/1-input.md': 'input\n', 'z.md': 'z\n' };

/** A repository whose `goals/g-arr.md` a stash pop left conflicted (`conflicted`) or resolved and added. */
function stashPopped(options: { conflicted: boolean; objectFormat?: 'sha256'; version?: number }): string {
  const dir = testdir(FILES);
  if (options.objectFormat) git(dir, 'init', '-q', '--object-format=sha256');
  gitInit(dir);
  if (options.version) git(dir, 'update-index', '--index-version', String(options.version));
  writeFiles(dir, { 'goals/g-arr.md': 'target: 2\n' });
  git(dir, 'stash', '-q');
  writeFiles(dir, { 'goals/g-arr.md': 'target: 3\n' });
  git(dir, 'commit', '-qam', 'upstream');
  expect(() => git(dir, 'stash', 'pop', '-q')).toThrow();
  if (!options.conflicted) git(dir, 'add', 'goals/g-arr.md');
  return dir;
}

const gitSays = (dir: string): boolean => git(dir, 'ls-files', '-u').trim() !== '';
const hashLength = (dir: string): number => git(dir, 'rev-parse', 'HEAD').trim().length / 2;

describe('indexHoldsConflicts', () => {
  it.each([
    ['version 2', {}],
    ['version 3', { version: 3 }],
    ['version 4 (names compressed, no padding)', { version: 4 }],
    ['a SHA-256 repository', { objectFormat: 'sha256' as const }],
  ])('says what `git ls-files -u` says, in %s', (_, options) => {
    for (const conflicted of [true, false]) {
      const dir = stashPopped({ conflicted, ...options });
      expect(gitSays(dir)).toBe(conflicted);
      expect(indexHoldsConflicts(join(dir, '.git'), hashLength(dir))).toBe(conflicted);
    }
  });

  it('reads past entries with extended flags (intent to add) and names of 4,095 bytes or more', () => {
    for (const conflicted of [true, false]) {
      const dir = stashPopped({ conflicted });
      writeFiles(dir, { 'new.md': 'new\n' });
      git(dir, 'add', '-N', 'new.md');
      const long = `${'d/'.repeat(2100)}long.md`;
      git(dir, 'update-index', '--add', '--cacheinfo', `100644,${git(dir, 'rev-parse', 'HEAD:a.md').trim()},${long}`);
      expect(git(dir, 'ls-files', '--stage', '--', long)).toContain(long);
      expect(indexHoldsConflicts(join(dir, '.git'), hashLength(dir))).toBe(conflicted);
    }
  });

  it('reads an index larger than its 1 MB window, a conflict stage in its middle or none', () => {
    for (const conflicted of [true, false]) {
      const dir = testdir(FILES);
      gitInit(dir);
      const blob = git(dir, 'rev-parse', 'HEAD:a.md').trim();
      const deals = Array.from({ length: 15_000 }, (_, i) => `100644 ${blob} 0\tthreads/sales/deal-${String(i).padStart(5, '0')}-a-long-enough-name/meta.json`);
      const last = 'threads/sales/deal-07500-b/meta.json'; // sorts among the deals: in the middle of the index
      const tail = conflicted ? [`100644 ${blob} 1\t${last}`, `100644 ${blob} 2\t${last}`] : [`100644 ${blob} 0\t${last}`];
      execFileSync('git', ['update-index', '--index-info'], { cwd: dir, input: `${[...deals, ...tail].join('\n')}\n`, env: gitEnv() });
      expect(statSync(join(dir, '.git', 'index')).size).toBeGreaterThan(1 << 20);
      expect(gitSays(dir)).toBe(conflicted);
      expect(indexHoldsConflicts(join(dir, '.git'), hashLength(dir))).toBe(conflicted);
    }
  });

  it('leaves a split index, and an index it cannot find, to git', () => {
    const dir = stashPopped({ conflicted: false });
    git(dir, 'update-index', '--split-index');
    expect(indexHoldsConflicts(join(dir, '.git'), hashLength(dir))).toBeUndefined();
    expect(indexHoldsConflicts(join(testdir(), '.git'), 20)).toBeUndefined();
  });
});
