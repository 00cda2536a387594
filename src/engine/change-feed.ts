import { mkdirSync, rmSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceState } from './state.js';
import { LAYOUT } from '../workspace/layout.js';
import { checkoutDir } from '../workspace/checkout-dir.js';
import { isIgnoredName } from '../workspace/scan.js';
import { FolderWatcher } from '../workspace/folder-watcher.js';

/** Folders under which a change can matter; everything else is never even watched. */
const WATCHED = [LAYOUT.canvas, LAYOUT.goals, LAYOUT.threads, LAYOUT.icp];
/** From this many paths the state never saw, a batch of events is followed by a full reconcile (a folder copied in). */
const UNKNOWN_BURST = 20;

/** A folder is watched if it leads to a folder the engine reads or lies inside one (the root holds the config). */
export function isWatchedFolder(rel: string): boolean {
  if (rel === '') return true;
  if (rel.split('/').some((part) => isIgnoredName(part))) return false;
  return WATCHED.some((w) => rel === w || rel.startsWith(`${w}/`) || w.startsWith(`${rel}/`));
}

/**
 * Feeds a batch of watch events into the state (a path to re-read, or `folder/` for a
 * folder gone) and returns the paths whose content really changed, sorted. `unseenGone`:
 * a file the state never saw, gone again by now (made and deleted between two batches).
 */
export async function applyEvents(state: WorkspaceState, paths: readonly string[], hooks: { reconcile: boolean; unseenGone?: (path: string) => void; error?: (error: unknown) => void }): Promise<string[]> {
  const changed: string[] = [];
  let unknown = 0;
  for (const path of paths) {
    try {
      if (path.endsWith('/')) {
        changed.push(...state.removeFolder(path.slice(0, -1)));
        unknown += 1;
        continue;
      }
      const known = state.has(path);
      const outcome = state.update(path);
      if (outcome === 'changed' || outcome === 'removed') changed.push(path);
      else if (!known && outcome === 'unchanged') hooks.unseenGone?.(path);
      if (!known && outcome !== 'ignored') unknown += 1;
    } catch (error) {
      hooks.error?.(error); // a file that vanished or cannot be read: the rest go on
    }
  }
  if (hooks.reconcile || unknown > UNKNOWN_BURST) changed.push(...(await state.loadAll()));
  return [...new Set(changed)].sort();
}

/** How long a cookie may take to come back before the events are not trusted to be complete. */
const COOKIE_TIMEOUT_MS = 2000;

/**
 * The paths changed in the workspace since the last drain, from the system's file events,
 * for a process that keeps a warm state without syncing on every save (engine/session.ts).
 *
 * A drain is complete — every change made before it began is in it — by the technique
 * Watchman calls a cookie: a file is created in a watched folder of our own (in the git
 * directory, never in the workspace) and the drain waits for its event. Linux delivers the
 * events of all of one process's watches through one inotify queue, in order, so once the
 * cookie's arrives, so has every event of a write finished before it was made — another
 * command's, which released the workspace lock before this process took it.
 *
 * A drain says it is not complete, and the caller reads the workspace afresh, whenever
 * events may have been lost: on a system other than Linux (no such ordering promise), when
 * a watch failed (the system's watches ran out), when the cookie does not come back, and
 * when git's index moved since the last drain other than by this process — a checkout or
 * a rebase rewrites thousands of files at once, more than the kernel's queue of events
 * holds (16,384 by default), and an overflow is dropped without a word to the process.
 */
export class ChangeFeed {
  private watcher: FolderWatcher | undefined;
  private cookieWatch: FSWatcher | undefined;
  private cookieDir: string | undefined;
  private indexFile: string | undefined;
  private indexStamp = '';
  private readonly paths = new Set<string>();
  private trusted = false;
  private cookie = 0;
  private waiting: { name: string; arrived: () => void } | undefined;

  constructor(private readonly root: string) {}

  /** Starts watching; events from then on are collected. Whether they can be trusted to be complete is each drain's to say. */
  async start(): Promise<void> {
    const { dir } = await checkoutDir(this.root);
    this.indexFile = join(dir, 'index');
    this.trusted = process.platform === 'linux';
    this.watcher = new FolderWatcher(this.root, isWatchedFolder, {
      path: (rel) => this.paths.add(rel),
      folderGone: (rel) => this.paths.add(`${rel}/`),
      error: () => (this.trusted = false),
    }, false);
    this.watcher.start();
    try {
      // One folder for every process's cookies, each named by its process: each is removed once seen, nothing is left behind.
      this.cookieDir = join(dir, 'threadwork-cookies');
      mkdirSync(this.cookieDir, { recursive: true });
      this.cookieWatch = watch(this.cookieDir, { persistent: false }, (_event, name) => {
        if (this.waiting && String(name) === this.waiting.name) this.waiting.arrived();
      });
      this.cookieWatch.on('error', () => (this.trusted = false));
    } catch {
      this.trusted = false;
    }
    this.indexStamp = this.stampOfIndex();
  }

  /**
   * The paths changed since the last drain (folders gone as `folder/`), and whether they
   * are every change made before this call; the collected paths are handed over either way.
   */
  async drain(): Promise<{ paths: string[]; complete: boolean }> {
    const complete = this.trusted && (await this.cookieCameBack()) && this.stampOfIndex() === this.indexStamp;
    const paths = [...this.paths];
    this.paths.clear();
    return { paths, complete };
  }

  /** After this process wrote or committed: git's index as it leaves it is the one the next drain compares with. */
  markIndex(): void {
    this.indexStamp = this.stampOfIndex();
  }

  close(): void {
    this.watcher?.close();
    this.cookieWatch?.close();
  }

  private async cookieCameBack(): Promise<boolean> {
    if (!this.cookieDir) return false;
    const name = `${process.pid}-${(this.cookie += 1)}`;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<boolean>((resolve) => {
      this.waiting = { name, arrived: () => resolve(true) };
      timer = setTimeout(() => resolve(false), COOKIE_TIMEOUT_MS);
    });
    try {
      writeFileSync(join(this.cookieDir, name), '');
      return await arrived;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      this.waiting = undefined;
      rmSync(join(this.cookieDir, name), { force: true });
    }
  }

  private stampOfIndex(): string {
    try {
      const stat = statSync(this.indexFile ?? '');
      return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
    } catch {
      return 'none';
    }
  }
}
