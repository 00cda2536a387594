import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findGitDirs, rememberedRepository } from '../src/workspace/checkout-dir.js';
import { repositoryOf } from '../src/git/repo.js';
import { git, gitInit } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

const PATH = process.env.PATH;
/** Runs `ask` with no git to be found: only an answer kept in the git directory can name it. */
async function withoutGit<T>(ask: () => Promise<T>): Promise<T> {
  process.env.PATH = '';
  try {
    return await ask();
  } finally {
    process.env.PATH = PATH;
  }
}

/** Where a workspace's git directory is, as git says, remembered between processes (each call here is a process's first). */
describe('the git directory of a workspace', () => {
  afterEach(() => {
    process.env.PATH = PATH;
    delete process.env.GIT_CEILING_DIRECTORIES;
  });

  it('is asked of git once, then served without git while nothing on the way changed', async () => {
    const dir = realpathSync(testdir({ 'threadwork.config.yaml': 'company: Acme\n' }));
    gitInit(dir);
    const asked = await findGitDirs(dir);
    expect(asked).toEqual({ common: join(dir, '.git'), checkout: { dir: join(dir, '.git'), workspace: '' }, top: dir });
    expect(await withoutGit(() => findGitDirs(dir))).toEqual(asked);
    // The repository (its top) too, as git/repo.ts asks for it at every command that takes the lock.
    expect(rememberedRepository(dir)).toEqual({ top: dir, gitDir: join(dir, '.git') });
    expect(await withoutGit(() => repositoryOf(dir))).toEqual({ top: dir, gitDir: join(dir, '.git') });
  });

  it('asks git again for an answer kept without the top (an earlier engine), and keeps it with it', async () => {
    const dir = realpathSync(testdir({ 'threadwork.config.yaml': 'company: Acme\n' }));
    gitInit(dir);
    await findGitDirs(dir);
    const file = join(dir, '.git', 'threadwork-cache', 'git-dirs.json');
    const answers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { dirs: { top?: string } }>;
    delete answers[dir]!.dirs.top;
    writeFileSync(file, JSON.stringify(answers));
    expect(rememberedRepository(dir)).toBeUndefined();
    expect((await withoutGit(() => findGitDirs(dir))).common).toBe(join(dir, '.threadwork'));
    rmSync(join(dir, '.threadwork'), { recursive: true, force: true });
    expect((await findGitDirs(dir)).top).toBe(dir);
    expect(rememberedRepository(dir)).toEqual({ top: dir, gitDir: join(dir, '.git') });
  });

  it('keeps a workspace in a subfolder apart, with its path in the checkout', async () => {
    const top = realpathSync(testdir({ 'gtm/threadwork.config.yaml': 'company: Acme\n', 'other/threadwork.config.yaml': 'company: Beta\n' }));
    gitInit(top);
    const gtm = await findGitDirs(join(top, 'gtm'));
    const other = await findGitDirs(join(top, 'other'));
    expect([gtm.checkout.workspace, other.checkout.workspace]).toEqual(['gtm/', 'other/']);
    expect(await withoutGit(() => findGitDirs(join(top, 'gtm')))).toEqual(gtm);
    expect(await withoutGit(() => findGitDirs(join(top, 'other')))).toEqual(other);
  });

  it('asks git again when the repository is made anew, a repository appears on the way, or its config moves the top', async () => {
    const top = realpathSync(testdir({ 'gtm/threadwork.config.yaml': 'company: Acme\n' }));
    const ws = join(top, 'gtm');
    gitInit(top);
    await findGitDirs(ws);
    // Made anew: the same path, another repository — never served from the old one's answer.
    rmSync(join(top, '.git'), { recursive: true });
    gitInit(top);
    expect((await withoutGit(() => findGitDirs(ws))).common).toBe(join(ws, '.threadwork'));
    rmSync(join(ws, '.threadwork'), { recursive: true });
    await findGitDirs(ws);
    // A repository made in the workspace's own folder: it is the workspace's now.
    gitInit(ws);
    expect(await findGitDirs(ws)).toEqual({ common: join(ws, '.git'), checkout: { dir: join(ws, '.git'), workspace: '' }, top: ws });
    // core.worktree in the config moves the top elsewhere: git is asked.
    await findGitDirs(ws);
    git(ws, 'config', 'core.worktree', top);
    expect((await withoutGit(() => findGitDirs(ws))).common).toBe(join(ws, '.threadwork'));
  });

  it('asks git when its environment says where to look, and when the kept answer is damaged', async () => {
    const dir = realpathSync(testdir({ 'threadwork.config.yaml': 'company: Acme\n' }));
    gitInit(dir);
    await findGitDirs(dir);
    process.env.GIT_CEILING_DIRECTORIES = '/nowhere';
    expect((await withoutGit(() => findGitDirs(dir))).common).toBe(join(dir, '.threadwork'));
    delete process.env.GIT_CEILING_DIRECTORIES;
    rmSync(join(dir, '.threadwork'), { recursive: true });
    const answers = join(dir, '.git/threadwork-cache/git-dirs.json');
    writeFileSync(answers, readFileSync(answers, 'utf8').slice(0, 20));
    expect((await withoutGit(() => findGitDirs(dir))).common).toBe(join(dir, '.threadwork'));
    // Asked again with git at hand, the answer is whole again.
    await findGitDirs(dir);
    expect((await withoutGit(() => findGitDirs(dir))).common).toBe(join(dir, '.git'));
  });

  it('never keeps one for a linked worktree: its `.git` is a file, and git decides', async () => {
    const top = realpathSync(testdir({ 'threadwork.config.yaml': 'company: Acme\n' }));
    gitInit(top, { commit: true });
    const linked = join(realpathSync(testdir({})), 'linked');
    git(top, 'worktree', 'add', '-q', linked);
    mkdirSync(join(linked, 'x'), { recursive: true });
    const asked = await findGitDirs(linked);
    expect(asked.common).toBe(join(top, '.git'));
    expect(asked.checkout.dir).toMatch(/\.git\/worktrees\/linked$/);
    expect((await withoutGit(() => findGitDirs(linked))).common).toBe(join(linked, '.threadwork'));
  });
});
