import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testdir } from './testdir.js';

/** Runs git in `cwd` with a fixed identity and no user/system config, so tests behave the same on every machine. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv() });
}

export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GIT_')) env[k] = v;
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extra };
}

/** `git init` (main branch, local identity, no gpg, LF) and, unless `commit` is false, a first commit of everything. */
export function gitInit(dir: string, options: { commit?: boolean; identity?: boolean } = {}): void {
  git(dir, 'init', '-q', '--initial-branch=main');
  if (options.identity !== false) {
    git(dir, 'config', 'user.name', 'Test Person');
    git(dir, 'config', 'user.email', 'test@example.com');
  }
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'config', 'core.autocrlf', 'false');
  if (options.commit !== false) {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'initial');
  }
}

export function commitCount(dir: string): number {
  try {
    return Number(git(dir, 'rev-list', '--count', 'HEAD').trim());
  } catch {
    return 0;
  }
}

/** Paths changed by the last commit. */
export function lastCommitPaths(dir: string): string[] {
  return git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').filter(Boolean).sort();
}

export function lastCommitMessage(dir: string): string {
  return git(dir, 'log', '-1', '--format=%B');
}

/** A git on PATH whose `commit-tree` (or `command`) waits while `hold` exists, having made `entered`: a cycle (or a tool call, or a start-up) held under way. */
export function slowGit(command = 'commit-tree'): { path: string; hold: string; entered: string } {
  const bin = testdir();
  const realGit = execFileSync('which', ['git'], { encoding: 'utf8' }).trim();
  const hold = join(bin, 'hold');
  const entered = join(bin, 'entered');
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ "$1" = "${command}" ] && [ -e '${hold}' ]; then\n  : > '${entered}'\n  while [ -e '${hold}' ]; do sleep 0.02; done\nfi\nexec '${realGit}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  writeFileSync(hold, '');
  return { path: `${bin}:${process.env.PATH ?? ''}`, hold, entered };
}

/** A git on PATH that logs each call's arguments, one line a call, to `log` before running the real git. */
export function loggingGit(): { path: string; log: string; calls: () => string[] } {
  const bin = testdir();
  const realGit = execFileSync('which', ['git'], { encoding: 'utf8' }).trim();
  const log = join(bin, 'calls.log');
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  writeFileSync(log, '');
  return { path: `${bin}:${process.env.PATH ?? ''}`, log, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}
