import { mkdirSync, readFileSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceState } from './state.js';
import { LAYOUT } from '../workspace/layout.js';
import { checkoutDir } from '../workspace/checkout-dir.js';
import { isIgnoredName } from '../workspace/scan.js';
import { FolderWatcher } from '../workspace/folder-watcher.js';
import { ListingMemo } from '../workspace/folder-listings.js';
import { RACY_MS } from './cache.js';
import { TEMPLATE_OVERRIDES } from './uncommitted.js';
import { readListingsCache } from './listings-cache.js';

/** Folders under which a change can matter; everything else is never even watched. The template overrides move what the generated files render to. */
const WATCHED = [LAYOUT.canvas, LAYOUT.goals, LAYOUT.threads, LAYOUT.icp, TEMPLATE_OVERRIDES];
/** The hidden folder the template overrides are in: watched on the way to them, though its name is one a scan skips. */
const OVERRIDES_TOP = TEMPLATE_OVERRIDES.split('/')[0]!;
/** From this many paths the state never saw, a batch of events is followed by a full reconcile (a folder copied in). */
const UNKNOWN_BURST = 20;

/** A folder is watched if it leads to a folder the engine reads or lies inside one (the root holds the config). */
export function isWatchedFolder(rel: string): boolean {
  if (rel === '') return true;
  if (rel.split('/').some((part, i) => isIgnoredName(part) && !(i === 0 && part === OVERRIDES_TOP))) return false;
  return WATCHED.some((w) => rel === w || rel.startsWith(`${w}/`) || w.startsWith(`${rel}/`));
}

/**
 * Feeds a batch of watch events into the state (a path to re-read, or `folder/` for a
 * folder gone) and returns the paths whose content really changed, sorted. `unseenGone`:
 * a file the state never saw, gone again by now (made and deleted between two batches).
 */
export async function applyEvents(state: WorkspaceState, paths: readonly string[], hooks: { unseenGone?: (path: string) => void; error?: ((error: unknown) => void) | undefined }): Promise<string[]> {
  const changed: string[] = [];
  let unknown = 0;
  // Folders gone first, then each file read as it is now. A batch names a file once, where its
  // first event put it: a folder removed and back again (`rm -rf` then `git checkout --`, two
  // checkouts in quick succession) named its files' deletions before the folder's removal, and
  // the removal, applied after the files were read back, took a thread out that is on disk.
  // A file the removal took out is one the state knew: neither "unseen" nor a path it never saw.
  const removed = new Set<string>();
  for (const path of [...paths.filter((p) => p.endsWith('/')), ...paths.filter((p) => !p.endsWith('/'))]) {
    try {
      if (path.endsWith('/')) {
        for (const gone of state.removeFolder(path.slice(0, -1))) removed.add(gone);
        unknown += 1;
        continue;
      }
      const known = state.has(path) || removed.has(path);
      const outcome = state.update(path);
      if (outcome === 'changed' || outcome === 'removed') changed.push(path);
      else if (!known && outcome === 'unchanged') hooks.unseenGone?.(path);
      if (!known && outcome !== 'ignored') unknown += 1;
    } catch (error) {
      hooks.error?.(error); // a file that vanished or cannot be read: the rest go on
    }
  }
  if (unknown > UNKNOWN_BURST) changed.push(...(await state.loadAll()));
  return [...new Set([...removed, ...changed])].sort();
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
 * when the kernel's queue of events may have overflowed since the last drain — a checkout
 * or a rebase rewrites thousands of files at once, more than the queue holds (16,384 by
 * default), and what does not fit is dropped without a word to the process (Node's
 * `fs.watch` does not pass on the overflow's own event). The entries queued when it
 * overflowed are still delivered, so an overflow never comes with fewer events than the
 * queue holds since the drain before: from half the queue's size, the drain is not
 * trusted. A commit by another process (the CLI's `advance`) moves a few files and
 * git's index: its events are complete, and only those files are read again.
 */
export class ChangeFeed {
  private watcher: FolderWatcher | undefined;
  private cookieWatch: FSWatcher | undefined;
  private cookieDir: string | undefined;
  /** The watcher's event count at the last drain: the events since are this drain's. */
  private eventsAtDrain = 0;
  private readonly overflowAt: number;
  private readonly paths = new Set<string>();
  private trusted = false;
  private cookie = 0;
  private waiting: { name: string; arrived: () => void } | undefined;

  constructor(
    private readonly root: string,
    private readonly options: {
      /** Called on every event, as it arrives: a watcher schedules its next cycle from it. */
      onEvent?: (() => void) | undefined;
      /** true: the watches keep the process alive (a watcher, which lives for them). */
      persistent?: boolean | undefined;
      /** From this many events since the last drain, the kernel's queue may have overflowed (default: half its size). */
      overflowAt?: number | undefined;
      /** List the folders at the start through the listings a fingerprint remembered (the caches are on). */
      rememberedListings?: boolean | undefined;
    } = {},
  ) {
    this.overflowAt = options.overflowAt ?? Math.floor(kernelQueueSize() / 2);
  }

  /** Starts watching; events from then on are collected. Whether they can be trusted to be complete is each drain's to say. */
  async start(): Promise<void> {
    const { dir } = await checkoutDir(this.root);
    this.trusted = process.platform === 'linux';
    this.watcher = new FolderWatcher(
      this.root,
      isWatchedFolder,
      {
        path: (rel) => this.collect(rel),
        folderGone: (rel) => this.collect(`${rel}/`),
        error: () => (this.trusted = false),
      },
      this.options.persistent === true,
      [OVERRIDES_TOP],
    );
    // With the caches on, the folders are listed through the listings the last fingerprint
    // remembered (one is served only while its folder's mtime, ctime and inode stand:
    // folder-listings.ts); a damaged or missing store lists them all.
    const remembered = this.options.rememberedListings ? await readListingsCache(this.root).then((read) => read.remembered, () => undefined) : undefined;
    const memo = remembered && new ListingMemo(this.root, Date.now() - RACY_MS, remembered);
    this.watcher.start(memo && ((rel) => memo.list(rel)));
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
  }

  /**
   * The paths changed since the last drain (folders gone as `folder/`), and whether they
   * are every change made before this call; the collected paths are handed over either way.
   */
  async drain(): Promise<{ paths: string[]; complete: boolean }> {
    const cameBack = this.trusted && (await this.cookieCameBack());
    const events = this.watcher?.events ?? 0;
    const complete = cameBack && events - this.eventsAtDrain < this.overflowAt;
    this.eventsAtDrain = events;
    const paths = [...this.paths];
    this.paths.clear();
    return { paths, complete };
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.cookieWatch?.close();
  }

  private collect(path: string): void {
    // `.threadwork/` holds a workspace's own state outside git (its journal, its snapshot): only the template overrides in it are news.
    if (path.startsWith(`${OVERRIDES_TOP}/`) && !path.startsWith(`${TEMPLATE_OVERRIDES}/`) && path !== `${OVERRIDES_TOP}/`) return;
    this.paths.add(path);
    this.options.onEvent?.();
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

}

/** How many events the kernel queues for one inotify instance before it drops the rest (Linux; 16,384 unless raised). */
function kernelQueueSize(): number {
  try {
    const size = Number(readFileSync('/proc/sys/fs/inotify/max_queued_events', 'utf8').trim());
    return Number.isFinite(size) && size > 0 ? size : 16_384;
  } catch {
    return 16_384;
  }
}
