import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { ThreadworkError } from '../errors.js';
import { lockDirectory } from '../workspace/lock.js';
import { createFileExclusive } from '../workspace/write.js';

interface Owner {
  pid: number;
  host: string;
  started: string;
  root: string;
}

/**
 * One watcher per repository: a pid file in the git common directory. A second watcher
 * refuses to start and names the process that holds it; a file left by a process that
 * no longer exists (killed, crashed) is stale and taken over.
 */
export async function claimWatcher(root: string): Promise<() => void> {
  const file = join(await lockDirectory(root), 'threadwork-watch.pid');
  const owner: Owner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), root };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createFileExclusive(dirname(file), basename(file), `${JSON.stringify(owner)}\n`)) {
      return () => {
        if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
      };
    }
    const holder = readOwner(file);
    if (holder && holder.host === owner.host && isAlive(holder.pid)) {
      // The claim is the repository's (its worktrees share the caches and the lock): a watcher in another worktree is named with the folder it watches.
      const where = holder.root === root ? 'on this workspace' : `on ${holder.root}, another worktree of this repository (one watcher per repository)`;
      throw new ThreadworkError(`Another watcher is already running ${where}: pid ${holder.pid}, started ${holder.started} (${file}). Stop it first.`, 'watcher-running', { pid: holder.pid, host: holder.host, started: holder.started, root: holder.root });
    }
    rmSync(file, { force: true }); // stale: its process is gone
  }
  throw new ThreadworkError(`Cannot claim ${file}: another watcher started at the same moment`, 'watcher-running');
}

function readOwner(file: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
