import { chmodSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryOf } from '../src/git/repo.js';
import { git, gitInit } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

/**
 * repositoryOf answers from memory while the `.git` on the way from the folder to the top
 * is what it was. Each git process is counted through a `git` on PATH that logs its
 * arguments and runs the real one, so a test sees whether git was asked again.
 */
describe('repositoryOf remembers a repository only while its .git stays put', () => {
  const savedPath = process.env.PATH;
  let log = '';

  beforeAll(() => {
    const bin = testdir();
    const realGit = git(bin, '--exec-path').trim();
    log = join(bin, 'calls.log');
    writeFileSync(log, '');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}/git' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    process.env.PATH = `${bin}:${savedPath}`;
  });
  afterAll(() => {
    process.env.PATH = savedPath;
  });

  const gitCalls = (): number => readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('rev-parse --show-toplevel')).length;

  it('asks git once for an unchanged repository', async () => {
    const dir = realpathSync(testdir({ 'a.md': 'a\n' }));
    gitInit(dir);
    const before = gitCalls();
    const first = await repositoryOf(dir);
    const second = await repositoryOf(dir);
    expect(first).toEqual({ top: dir, gitDir: join(dir, '.git') });
    expect(second).toEqual(first);
    expect(gitCalls() - before).toBe(1);
  });

  it('a repository made in the workspace folder, then removed: each answer is the current one', async () => {
    const top = realpathSync(testdir({ 'ws/a.md': 'a\n' }));
    gitInit(top);
    const ws = join(top, 'ws');
    expect((await repositoryOf(ws))?.top).toBe(top);
    gitInit(ws, { commit: false });
    expect(await repositoryOf(ws)).toEqual({ top: ws, gitDir: join(ws, '.git') });
    rmSync(join(ws, '.git'), { recursive: true });
    expect((await repositoryOf(ws))?.top).toBe(top);
    rmSync(join(top, '.git'), { recursive: true });
    expect(await repositoryOf(ws)).toBeUndefined();
  });

  it('a .git removed and made again at the same place is asked about again', async () => {
    const dir = realpathSync(testdir({ 'a.md': 'a\n' }));
    gitInit(dir);
    await repositoryOf(dir);
    rmSync(join(dir, '.git'), { recursive: true });
    gitInit(dir);
    const before = gitCalls();
    expect((await repositoryOf(dir))?.top).toBe(dir);
    expect(gitCalls() - before).toBe(1);
  });

  it('a .git file (a worktree) that now points elsewhere is read again', async () => {
    const main = realpathSync(testdir({ 'a.md': 'a\n' }));
    gitInit(main);
    const tree = join(realpathSync(testdir()), 'tree');
    git(main, 'worktree', 'add', '-q', tree);
    const first = await repositoryOf(tree);
    expect(first?.gitDir).toContain(join(main, '.git', 'worktrees'));
    const other = realpathSync(testdir());
    mkdirSync(join(other, 'elsewhere'));
    gitInit(join(other, 'elsewhere'), { commit: false });
    writeFileSync(join(tree, '.git'), `gitdir: ${join(other, 'elsewhere', '.git')}\n`);
    expect((await repositoryOf(tree))?.gitDir).toBe(join(other, 'elsewhere', '.git'));
  });
});
