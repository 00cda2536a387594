import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { testdir, writeFiles } from './helpers/testdir.js';

/**
 * `.threadwork/` state written outside git before threadwork wrote its ignore rule there
 * (caches, the snapshot) stayed in the folder once the workspace was put in a repository:
 * inside git threadwork keeps its state in the git directory and never looked at
 * `.threadwork/` again, so `git status` listed that state as untracked for good and
 * `git add -A` committed it. The first command in the repository now leaves it out, in
 * `.git/info/exclude`, without touching what the person wrote there or in a `.gitignore`.
 */

/** Untracked paths under the workspace's `.threadwork/`, one per file. */
function untrackedState(top: string, workspace: string): string[] {
  return git(top, 'status', '--porcelain', '-z', '--untracked-files=all', '--', join(workspace, '.threadwork'))
    .split('\0')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

/** A workspace used outside git by a threadwork that wrote no `.threadwork/.gitignore`, then put in a repository at `top`. */
async function staleWorkspace(top: string, workspace: string): Promise<string> {
  const dir = join(top, workspace);
  expect((await runCli(['init', dir, '--no-git'], { cwd: top })).code).toBe(0);
  expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
  rmSync(join(dir, '.threadwork/.gitignore'));
  writeFiles(dir, { '.threadwork/templates/threads/sales-deal/1-input.md.hbs': '---\nsource: inbound\n---\n' });
  gitInit(top, { commit: false });
  expect(untrackedState(top, workspace).some((p) => p.includes('/threadwork-'))).toBe(true);
  return dir;
}

describe('threadwork state left in .threadwork/ by a workspace later put in git', () => {
  it('is ignored from the first command in the repository; the templates stay offered, the person\'s ignore files are kept', async () => {
    const top = testdir();
    const dir = await staleWorkspace(top, '');
    const gitignore = '# mine\n*.log\n\n!keep.log\n';
    const exclude = '# git ls-files --others --exclude-from=.git/info/exclude\n*.swp';
    writeFileSync(join(top, '.gitignore'), gitignore);
    writeFileSync(join(top, '.git/info/exclude'), exclude);
    expect((await runCli(['check', '--dir', dir])).code).toBe(0);
    expect(untrackedState(top, '')).toEqual(['.threadwork/templates/threads/sales-deal/1-input.md.hbs']);
    expect(readFileSync(join(top, '.gitignore'), 'utf8')).toBe(gitignore);
    const written = readFileSync(join(top, '.git/info/exclude'), 'utf8');
    expect(written.startsWith(`${exclude}\n`)).toBe(true);
    expect(written.slice(exclude.length + 1).split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['/.threadwork/threadwork-*']);
    expect(existsSync(join(dir, '.threadwork/.gitignore'))).toBe(false);
    // A second command finds the rule there: nothing is added twice.
    expect((await runCli(['check', '--dir', dir])).code).toBe(0);
    expect(readFileSync(join(top, '.git/info/exclude'), 'utf8')).toBe(written);
  }, 30_000);

  it('in a workspace in a subfolder of the repository, the rule names that subfolder', async () => {
    const top = testdir();
    const dir = await staleWorkspace(top, 'go to market');
    rmSync(join(top, '.git/info'), { recursive: true, force: true });
    expect((await runCli(['check', '--dir', dir])).code).toBe(0);
    expect(untrackedState(top, 'go to market')).toEqual(['go to market/.threadwork/templates/threads/sales-deal/1-input.md.hbs']);
    expect(readFileSync(join(top, '.git/info/exclude'), 'utf8')).toContain('\n/go to market/.threadwork/threadwork-*\n');
  }, 30_000);
});
