import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { sep } from 'node:path';

/**
 * Thread folders' listings remembered between runs, so that a fingerprint lstat-s a
 * folder instead of listing it: at 10,000 deals the 10,000 `readdir`-s cost two to three
 * times the 10,000 lstat-s (~20–40 µs against ~6–15 µs a folder on these machines), the
 * largest part of a fingerprint after the files' own lstat-s.
 *
 * Why a remembered listing is never stale — git's untracked cache rests on the same
 * facts: creating, deleting or renaming an entry of a folder moves the folder's mtime
 * and ctime, and replacing the folder gives it another inode. A listing is served only
 * when the folder's mtime, ctime and inode are those it was listed with, and remembered
 * only when that mtime and ctime are older than the fingerprint's racy window (`since`:
 * engine/cache.ts, RACY_MS), so no later change can fall within the same timestamp. The
 * ctime cannot be set back by any tool (touch, cp -a, rsync set the mtime, and that moves
 * the ctime). A listing holding anything but plain files and folders (a link, a FIFO) is
 * never remembered: the scan reports those each time; nor one with a line break in a name.
 *
 * The files in a listing are still lstat-ed one by one (stamp-folders.ts): an edit in
 * place does not move its folder's times.
 */
export interface RememberedListings {
  folders: string[];
  /** mtimeMs, ctimeMs and inode of each folder when it was listed, three numbers each. */
  stamps: Float64Array;
  /**
   * The distinct listings, each a folder's entries joined by `\n`, a folder's name followed
   * by `/`, and which one is each folder's: most deal folders hold the same seven names, so
   * 10,000 folders share a few dozen listings (the store reads in a tenth of the time).
   */
  listings: string[];
  listingOf: Uint32Array;
}

/** An entry of a listing as the scan asks about it (a Dirent, or one remembered). */
export interface FolderEntry {
  name: string;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
}

/** A remembered entry: a plain file or a folder (nothing else is remembered). */
class RememberedEntry implements FolderEntry {
  constructor(
    readonly name: string,
    private readonly folder: boolean,
  ) {}
  isDirectory(): boolean {
    return this.folder;
  }
  isFile(): boolean {
    return !this.folder;
  }
  isSymbolicLink(): boolean {
    return false;
  }
  isFIFO(): boolean {
    return false;
  }
  isSocket(): boolean {
    return false;
  }
  isBlockDevice(): boolean {
    return false;
  }
  isCharacterDevice(): boolean {
    return false;
  }
}

/** A listing read in this run and old enough to remember: folder, mtimeMs, ctimeMs, inode, entries. */
export type FreshListing = [folder: string, mtimeMs: number, ctimeMs: number, ino: number, entries: string];

/**
 * Lists folders through the remembered listings: a folder whose stamp is the remembered
 * one is not read; any other is, and remembered anew (`fresh`) when it is old enough.
 */
export class ListingMemo {
  private readonly index = new Map<string, number>();
  /** The listings this memo read and may remember (given back to be stored). */
  readonly fresh: FreshListing[] = [];
  /** The remembered listings it served, by their place in `remembered`. */
  readonly served: number[] = [];
  /** Each distinct listing's entries, made once: shared by the folders that hold it (never changed by the scan, which filters into a new list). */
  private readonly made = new Map<number, FolderEntry[]>();

  constructor(
    private readonly root: string,
    private readonly since: number,
    private readonly remembered: RememberedListings | undefined,
  ) {
    if (remembered) remembered.folders.forEach((folder, at) => this.index.set(folder, at));
  }

  /** The entries of `rel` (a folder of the workspace), ignored names included: the caller filters. */
  list(rel: string): FolderEntry[] {
    const path = this.root.endsWith(sep) ? this.root + rel : `${this.root}${sep}${rel}`;
    const stat = lstatSync(path, { throwIfNoEntry: false });
    // Gone, or no longer a folder: read as before, which says so.
    if (!stat?.isDirectory()) return readdirSync(path, { withFileTypes: true });
    const at = this.index.get(rel);
    const stamps = this.remembered?.stamps;
    if (at !== undefined && stamps && stamps[at * 3] === stat.mtimeMs && stamps[at * 3 + 1] === stat.ctimeMs && stamps[at * 3 + 2] === stat.ino) {
      this.served.push(at);
      const listing = this.remembered!.listingOf[at]!;
      let entries = this.made.get(listing);
      if (!entries) this.made.set(listing, (entries = entriesOf(this.remembered!.listings[listing]!)));
      return entries;
    }
    const entries = readdirSync(path, { withFileTypes: true });
    if (stat.mtimeMs <= this.since && stat.ctimeMs <= this.since && entries.every(isPlain)) {
      this.fresh.push([rel, stat.mtimeMs, stat.ctimeMs, stat.ino, entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).join('\n')]);
    }
    return entries;
  }
}

/** A plain file or folder whose name the stored form can hold (a line break would split it in two). */
function isPlain(entry: Dirent): boolean {
  return (entry.isFile() || entry.isDirectory()) && !entry.name.includes('\n');
}

function entriesOf(joined: string): FolderEntry[] {
  if (joined === '') return [];
  return joined.split('\n').map((name) => (name.endsWith('/') ? new RememberedEntry(name.slice(0, -1), true) : new RememberedEntry(name, false)));
}

/**
 * The listings to remember after a run: each folder listed afresh, and each remembered one
 * served again (a folder not met this run — deleted, or no longer a thread — is dropped).
 * Undefined when nothing new was read: what is stored already says it all.
 */
export function listingsToRemember(previous: RememberedListings | undefined, served: readonly number[], fresh: readonly FreshListing[]): RememberedListings | undefined {
  if (fresh.length === 0) return undefined;
  const count = served.length + fresh.length;
  const folders: string[] = [];
  const stamps = new Float64Array(count * 3);
  const listingOf = new Uint32Array(count);
  const distinct = new Map<string, number>();
  const add = (folder: string, listing: string): void => {
    let at = distinct.get(listing);
    if (at === undefined) distinct.set(listing, (at = distinct.size));
    listingOf[folders.length] = at;
    folders.push(folder);
  };
  for (const at of served) {
    stamps.set(previous!.stamps.subarray(at * 3, at * 3 + 3), folders.length * 3);
    add(previous!.folders[at]!, previous!.listings[previous!.listingOf[at]!]!);
  }
  for (const [folder, mtimeMs, ctimeMs, ino, listing] of fresh) {
    stamps.set([mtimeMs, ctimeMs, ino], folders.length * 3);
    add(folder, listing);
  }
  return { folders, stamps, listings: [...distinct.keys()], listingOf };
}
