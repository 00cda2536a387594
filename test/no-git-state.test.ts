import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { testdir, writeFiles } from './helpers/testdir.js';

/**
 * Outside git, threadwork keeps its own state — caches, the snapshot of the derived blocks,
 * the lock, the server's socket — in `.threadwork/`, beside the templates a person may put in
 * `.threadwork/templates/`. `init . --no-git`, then `git init` and `git add -A` (the way a
 * workspace started without git gets its history) committed that state with the workspace,
 * and `git status` listed it forever. Only the templates are the person's to commit.
 */
describe('a workspace used outside git, then put in a repository', () => {
  it('never offers threadwork state to git, only the templates under .threadwork/', async () => {
    const dir = testdir();
    expect((await runCli(['init', '.', '--no-git', '--dir', dir], { cwd: dir })).code).toBe(0);
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    expect((await runCli(['check', '--dir', dir])).code).toBe(0);
    writeFiles(dir, { '.threadwork/templates/threads/sales-deal/1-input.md.hbs': '---\nsource: inbound\n---\n' });
    gitInit(dir, { commit: false });
    const untracked = git(dir, 'status', '--porcelain', '--untracked-files=all', '--', '.threadwork')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    expect(untracked).toEqual(['.threadwork/.gitignore', '.threadwork/templates/threads/sales-deal/1-input.md.hbs']);
  }, 30_000);
});
