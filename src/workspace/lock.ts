import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { ThreadworkError } from '../errors.js';
import { gitRaw } from '../git/git.js';

const lockDirs = new Map<string, string>();

/**
 * Where the workspace's locks live: the git common directory (shared by every worktree
 * of the repository, so two worktrees never write the same repository at once), or
 * `.threadwork/` in a workspace that is not in git.
 */
export async function lockDirectory(root: string): Promise<string> {
  const cached = lockDirs.get(root);
  if (cached) return cached;
  let dir: string;
  try {
    dir = (await gitRaw(root, ['rev-parse', '--path-format=absolute', '--git-common-dir'])).trim();
  } catch {
    dir = join(root, '.threadwork');
    mkdirSync(dir, { recursive: true });
  }
  lockDirs.set(root, dir);
  return dir;
}

/**
 * Runs `operation` holding the workspace write lock: sync cycles, watch cycles and CLI
 * writes (deal new, advance, …) of every process take turns. A lock left by a killed
 * process goes stale after 10 s without its heartbeat and is taken over.
 */
export async function withWorkspaceLock<T>(root: string, operation: () => Promise<T>, waitMs = 60_000): Promise<T> {
  const target = join(await lockDirectory(root), 'threadwork-write');
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, {
      realpath: false,
      stale: 10_000,
      update: 2_000,
      retries: { retries: Math.ceil(waitMs / 100), factor: 1, minTimeout: 100, maxTimeout: 100 },
      // proper-lockfile throws from a timer when a heartbeat runs late (a busy machine);
      // that would crash a watcher mid-cycle. The operation finishes; the next one re-locks.
      onCompromised: () => undefined,
    });
  } catch (error) {
    throw new ThreadworkError(`Cannot take the workspace lock ${target}.lock: ${error instanceof Error ? error.message : String(error)}. Another threadwork process is writing; try again.`, 'lock-timeout');
  }
  try {
    return await operation();
  } finally {
    await release().catch(() => undefined);
  }
}
