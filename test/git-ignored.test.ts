import { describe, expect, it } from 'vitest';
import { ignoredByGit } from '../src/git/ignored.js';
import { git, gitInit } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

describe('ignoredByGit', () => {
  it('names the untracked paths a .gitignore matches, never a tracked one, whatever characters the names hold', async () => {
    const top = testdir({ '.gitignore': 'artifacts/\n', 'artifacts/tracked.md': 'kept\n', 'notes/:(exclude)odd.md': 'x\n' });
    gitInit(top, { commit: false });
    git(top, 'add', '-f', 'artifacts/tracked.md');
    git(top, 'commit', '-q', '-m', 'initial');
    const paths = ['artifacts/tracked.md', 'artifacts/new [draft].md', 'artifacts/:(exclude)x.md', ':(exclude)top.md', 'notes/:(exclude)odd.md', 'goals/g.md'];
    expect(await ignoredByGit(top, paths)).toEqual(['artifacts/new [draft].md', 'artifacts/:(exclude)x.md']);
    expect(await ignoredByGit(top, ['goals/g.md'])).toEqual([]);
  });
});
