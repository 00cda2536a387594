import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ThreadworkError } from '../errors.js';
import { commonGitDir } from './checkout-dir.js';
import { repairInterrupted } from '../git/repair.js';
import { systemRefusal } from './write-failure.js';

/** The folder holding the workspace lock and the caches: the repository's common git directory, shared by its worktrees (found with the checkout's own: checkout-dir.ts). */
export async function lockDirectory(root: string): Promise<string> {
  return commonGitDir(root);
}

export const STALE_MS = 10_000;
const UPDATE_MS = 2_000;
/** The file inside the lock folder (`threadwork-write.lock/`) that names its holder. */
export const OWNER_FILE = 'owner.json';

export interface LockOwner {
  pid: number;
  hostname: string;
  /** Unique per acquisition: tells this holding of the lock from any later one. */
  token: string;
  acquired: string;
}

/**
 * The workspace write lock as held by one operation. The write path
 * (src/workspace/write.ts) calls `assertHeld()` before every write.
 */
export interface LockHandle {
  readonly root: string;
  /** The lock folder (`…/threadwork-write.lock`). */
  readonly path: string;
  /** True once the lock was lost: taken over after going stale, removed, or its heartbeat failed. */
  readonly compromised: boolean;
  /** Why it was lost, when it was. */
  readonly reason: string | undefined;
  /** Throws `ThreadworkError` `lock-compromised` unless this process still holds the lock. */
  assertHeld(): void;
}

const held = new AsyncLocalStorage<LockHandle>();

/** The lock the current async context holds (inside `withWorkspaceLock`), if any. */
export function currentLock(): LockHandle | undefined {
  return held.getStore();
}

/** Reads who holds the lock folder `lockPath`; undefined when there is no (readable) owner file. */
export function readLockOwner(lockPath: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(join(lockPath, OWNER_FILE), 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.hostname !== 'string' || typeof owner.token !== 'string') return undefined;
    return owner as LockOwner;
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid exists on this machine (EPERM: it does, owned by someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A holder provably dead: it ran on this host and its pid no longer exists. */
function ownerDead(owner: LockOwner | undefined): boolean {
  return owner !== undefined && owner.hostname === hostname() && !pidAlive(owner.pid);
}

function staleOnDisk(lockPath: string): boolean {
  try {
    return fs.statSync(lockPath).mtimeMs < Date.now() - STALE_MS;
  } catch {
    return true;
  }
}

type Callback<T = void> = (error: NodeJS.ErrnoException | null, value?: T) => void;

/**
 * The file system proper-lockfile uses for one acquisition. proper-lockfile's lock is a
 * folder made with `mkdir` and kept fresh by touching its mtime; this adds:
 *
 * - `mkdir` writes `owner.json` (pid, hostname, a token) into the new folder, before
 *   proper-lockfile reads the mtime it will keep;
 * - `stat` of a lock whose owner is provably dead (same host, pid gone) reports it as
 *   stale, so it is taken over on the next retry (100 ms) instead of after 10 s;
 * - removing the folder removes its owner file too, and only ever removes a lock that is
 *   ours, or whose holder is dead, or that is really stale — not one another process took
 *   in the meantime.
 */
function lockFs(lockPath: string, owner: LockOwner, state: { releasing: boolean }): Record<string, unknown> {
  const mayRemove = (): boolean => {
    const current = readLockOwner(lockPath);
    if (current?.token === owner.token) return true;
    if (state.releasing) return false; // ours was lost: never remove the one that replaced it
    return ownerDead(current) || staleOnDisk(lockPath);
  };
  return Object.assign({}, fs, {
    mkdir: (path: string, callback: Callback) =>
      fs.mkdir(path, (error) => {
        if (error) return callback(error);
        try {
          fs.writeFileSync(join(path, OWNER_FILE), `${JSON.stringify(owner)}\n`);
        } catch {
          // Without an owner file the lock is still a lock: it goes stale after 10 s like before.
        }
        callback(null);
      }),
    stat: (path: string, callback: Callback<fs.Stats>) =>
      fs.stat(path, (error, stat) => {
        if (error || path !== lockPath) return callback(error, stat);
        const current = readLockOwner(lockPath);
        if (current && current.token !== owner.token && ownerDead(current)) return callback(null, Object.assign(Object.create(stat) as fs.Stats, { mtime: new Date(0) }));
        callback(null, stat);
      }),
    rmdir: (path: string, callback: Callback) => {
      if (path === lockPath && !mayRemove()) return callback(Object.assign(new Error('Lock file is already being held'), { code: 'ELOCKED' }));
      fs.rm(path, { recursive: true, force: true }, (error) => callback(error));
    },
    rmdirSync: (path: string) => {
      if (path === lockPath && readLockOwner(lockPath)?.token !== owner.token) return;
      fs.rmSync(path, { recursive: true, force: true });
    },
  });
}

/** How long to wait between two tries at a lock another process holds. */
const RETRY_MS = 100;

/** The lock folder cannot be made at all (a read-only git folder): no process can be writing through it. */
export class LockUncreatableError extends ThreadworkError {}

/**
 * Runs `read` under the workspace lock, so that it never sees a write half-done — or
 * without it where the lock cannot be created (a read-only git folder): a long-lived
 * process's reads (the MCP server's check, report, due) then answer as the CLI's do,
 * which never take it. Writes still refuse (withWorkspaceLock).
 */
export async function withReadLock<T>(root: string, read: () => Promise<T>): Promise<T> {
  let took = false;
  try {
    return await withWorkspaceLock(root, () => ((took = true), read()));
  } catch (error) {
    if (took || !(error instanceof LockUncreatableError)) throw error;
    return read();
  }
}

/**
 * Tries `attempt` every RETRY_MS until it takes the lock or `waitMs` have passed. A
 * lock folder the system refuses to make — a read-only git folder, another user's, a full
 * disk — is said at once, as that: waiting never makes it writable, and the minute's wait
 * ended in "another threadwork process is writing", which none was. (proper-lockfile's
 * own retries retry every error alike: the loop is here.)
 */
async function takeLock(root: string, target: string, waitMs: number, attempt: () => Promise<() => Promise<void>>): Promise<() => Promise<void>> {
  const lockPath = `${target}.lock`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const errno = (error as NodeJS.ErrnoException).code;
      const refusal = errno === 'ELOCKED' ? undefined : systemRefusal(errno);
      if (refusal) {
        const shown = relative(root, lockPath).startsWith('..') ? lockPath : relative(root, lockPath);
        throw new LockUncreatableError(
          `Cannot create the workspace lock ${shown}: ${refusal}. every threadwork command that writes takes this lock, in the repository's git folder (${dirname(lockPath)}): make that folder writable by this user to write. Nothing was written. Commands that only read run without it: check, report, due, sync --dry-run`,
          'write-failed',
          { path: shown, errno },
        );
      }
      if (Date.now() >= deadline) {
        const holder = readLockOwner(lockPath);
        throw new ThreadworkError(
          `Cannot take the workspace lock ${lockPath}: ${error instanceof Error ? error.message : String(error)}. Another threadwork process${holder ? ` (pid ${holder.pid} on ${holder.hostname})` : ''} is writing; try again.`,
          'lock-timeout',
          holder ? { pid: holder.pid, hostname: holder.hostname } : undefined,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/**
 * Runs `operation` holding the workspace write lock: sync cycles, watch cycles and CLI
 * writes (deal new, advance, …) of every process take turns.
 *
 * - A lock whose holder is provably dead (its pid is gone on this host, read from
 *   `threadwork-write.lock/owner.json`) is taken over at once; any other lock left
 *   behind goes stale after 10 s without its heartbeat and is taken over then.
 * - The operation receives a `LockHandle`; the same handle is the `currentLock()` of
 *   everything it awaits, and every write of src/workspace/write.ts calls its
 *   `assertHeld()`, so a process that lost the lock (stalled past the stale time, its
 *   lock removed or taken over) stops writing with `lock-compromised`.
 * - Right after taking the lock, an index refresh left pending by an interrupted commit
 *   is repaired (`repairInterrupted`, src/git/repair.ts).
 * - A lock folder the system will not let be made (a read-only `.git`) is a `write-failed`
 *   error at once, not a wait (takeLock).
 */
export async function withWorkspaceLock<T>(root: string, operation: (lock: LockHandle) => Promise<T>, waitMs = 60_000): Promise<T> {
  const target = join(await lockDirectory(root), 'threadwork-write');
  const lockPath = `${target}.lock`;
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), token: randomUUID(), acquired: new Date().toISOString() };
  const state = { releasing: false, released: false, compromised: false, reason: undefined as string | undefined };
  const compromise = (reason: string): void => {
    if (state.compromised) return;
    state.compromised = true;
    state.reason = reason;
  };
  // Imported by the first lock taken, not with this module: a check served from the cache
  // asks where the git directory is and takes no lock, and proper-lockfile brings
  // graceful-fs (which patches fs as it loads) and a signal-exit that loads node:assert.
  const { default: lockfile } = await import('proper-lockfile');
  const release = await takeLock(root, target, waitMs, () =>
    lockfile.lock(target, {
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: 0,
      fs: lockFs(lockPath, owner, state),
      // proper-lockfile's default throws from a timer, which would crash a watcher mid-cycle;
      // the loss is recorded instead, and the next write's assertHeld() stops the operation.
      onCompromised: (error: Error) => compromise(error.message),
    }),
  );
  const handle: LockHandle = {
    root,
    path: lockPath,
    get compromised() {
      return state.compromised;
    },
    get reason() {
      return state.reason;
    },
    assertHeld() {
      if (!state.compromised) {
        if (state.released) compromise('the lock was already released');
        // Only another holder makes the lock lost. A heartbeat that ran late (a long
        // synchronous step on a busy machine) while nobody took the lock over is not: the
        // token is still ours, and the write loops yield so the heartbeat catches up.
        else if (readLockOwner(lockPath)?.token !== owner.token) compromise('the lock folder was removed or taken over by another process');
      }
      if (state.compromised) {
        throw new ThreadworkError(`The workspace lock was compromised: ${state.reason}. Another process may have written at the same time; run \`threadwork check\` and \`git status\`, then run the command again.`, 'lock-compromised', { lock: lockPath });
      }
    },
  };
  try {
    return await held.run(handle, async () => {
      await repairInterrupted(root).catch(() => undefined);
      return operation(handle);
    });
  } finally {
    state.releasing = true;
    state.released = true;
    await release().catch(() => undefined);
  }
}
