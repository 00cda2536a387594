import { lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { FolderEntry } from './folder-listings.js';
import { classifyPath } from './layout.js';
import { isIgnoredName } from './scan.js';

export interface FolderWatcherEvents {
  /** A path inside a watched folder was added, changed, renamed or removed: re-read it. */
  path(rel: string): void;
  /** A watched folder is gone (a thread deleted or renamed): forget everything under it. */
  folderGone(rel: string): void;
  error(error: unknown): void;
}

/**
 * Watches the workspace one folder at a time: an `fs.watch` (one inotify watch) per folder
 * that can hold what the engine reads, none per file. A file's change, creation, removal
 * or editor save by rename is an event of its folder, with its name.
 *
 * Why not chokidar, the watcher the design named: chokidar keeps an `fs.watch` on every
 * file as well as every folder. Measured on a 10,000-deal workspace (70,814 files in
 * 10,155 folders), chokidar ready to watch held 613 MB RSS; one `fs.watch` per folder
 * 70 MB. With the workspace state itself near 320 MB, only the second keeps a watcher
 * near the 300 MB bar. What chokidar did on top — atomic saves, swap files, new and
 * removed folders — is done here: every event is only a hint to re-read a path, the
 * state compares content, and the watcher's periodic reconcile catches anything missed.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  /** Folder → the watched folders directly in it: forgetting a folder visits its own subtree, not every watcher. */
  private readonly children = new Map<string, Set<string>>();
  private closed = false;
  private delivered = 0;

  constructor(
    private readonly root: string,
    /** Whether a folder (workspace-relative, '' for the root) can hold or lead to what the engine reads. */
    private readonly relevant: (rel: string) => boolean,
    private readonly on: FolderWatcherEvents,
    /** false: the watches do not keep the process alive (a warm session's, which its owner closes). */
    private readonly persistent = true,
    /** Folders watched although their name is one a scan skips (`.threadwork`, on the way to the template overrides), workspace-relative. */
    private readonly hidden: readonly string[] = [],
  ) {}

  /**
   * Watches every relevant folder that exists now. `list`: how the start lists a folder
   * once it is watched — a ListingMemo (folder-listings.ts) serves the 10,000 deal folders
   * of a large workspace from the listings a fingerprint remembered, one lstat each, where
   * a `readdir` each took 0.3 s of a watcher's start-up. Later folders are read afresh.
   */
  start(list: (rel: string) => readonly FolderEntry[] = (rel) => this.read(rel)): void {
    this.watchTree('', false, list);
    // A remembered listing is made as a scan lists, without the hidden folders: each is looked for itself.
    for (const rel of this.hidden) this.watchTree(rel, false);
  }


  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.children.clear();
  }

  get folders(): number {
    return this.watchers.size;
  }

  /** How many events the system delivered so far, ignored names included: each is one of its queue's entries. */
  get events(): number {
    return this.delivered;
  }

  private read(rel: string): readonly FolderEntry[] {
    return readdirSync(join(this.root, rel), { withFileTypes: true });
  }

  /**
   * Watches `rel` and the relevant folders under it; with `announce`, reports the files
   * found (a folder that just appeared). Each folder is listed once it is watched: an
   * entry made after the listing is an event.
   */
  private watchTree(rel: string, announce: boolean, list: (rel: string) => readonly FolderEntry[] = (folder) => this.read(folder)): void {
    if (this.closed || !this.relevant(rel)) return;
    if (!this.watchers.has(rel)) {
      try {
        const watcher = watch(join(this.root, rel), { persistent: this.persistent }, (_event, name) => this.event(rel, name === null ? null : String(name)));
        watcher.on('error', (error) => this.lost(rel, error));
        this.watchers.set(rel, watcher);
        if (rel) {
          const parent = parentOf(rel);
          let siblings = this.children.get(parent);
          if (!siblings) this.children.set(parent, (siblings = new Set()));
          siblings.add(rel);
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return;
        // ENOSPC: the system's inotify watches ran out; the periodic reconcile still catches changes.
        this.on.error(error);
        return;
      }
    }
    let entries: readonly FolderEntry[];
    try {
      entries = list(rel);
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (isIgnoredName(entry.name) && !(entry.isDirectory() && this.hidden.includes(child))) continue;
      if (entry.isDirectory()) this.watchTree(child, announce, list);
      else if (announce) this.on.path(child);
    }
  }

  private event(folder: string, name: string | null): void {
    this.delivered += 1;
    if (this.closed) return;
    if (name === null) {
      // The system did not say which entry: look at the whole folder again.
      this.watchTree(folder, true);
      return;
    }
    const rel = folder ? `${folder}/${name}` : name;
    if (name.split('/').some((part) => isIgnoredName(part)) && !this.hidden.includes(rel)) return;
    let isFolder = false;
    try {
      isFolder = lstatSync(join(this.root, rel)).isDirectory();
    } catch {
      // gone: a removed file, or a removed folder
    }
    if (isFolder) {
      this.watchTree(rel, true);
      // A folder made where a file is read (`1-input.md/`): the state reports it, as a scan does (scan.ts).
      if (classifyPath(rel).kind !== 'other') this.on.path(rel);
      return;
    }
    if (this.forget(rel)) this.on.folderGone(rel);
    else this.on.path(rel);
  }

  /**
   * Stops watching a folder that is gone and every folder under it; whether there was one.
   * Called for every changed file too (a file is no folder): a lookup, not a walk over the
   * 10,000 folders of a large workspace.
   */
  private forget(rel: string): boolean {
    let found = false;
    const watcher = this.watchers.get(rel);
    if (watcher) {
      watcher.close();
      this.watchers.delete(rel);
      found = true;
    }
    const under = this.children.get(rel);
    if (under) {
      this.children.delete(rel);
      for (const child of under) if (this.forget(child)) found = true;
    }
    if (rel) this.children.get(parentOf(rel))?.delete(rel);
    return found;
  }

  /** A watcher that failed (its folder removed under it): drop it; the folder's parent reports the rest. */
  private lost(rel: string, error: unknown): void {
    this.watchers.get(rel)?.close();
    this.watchers.delete(rel);
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOENT') this.on.error(error);
  }
}

const parentOf = (rel: string): string => {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? '' : rel.slice(0, slash);
};
