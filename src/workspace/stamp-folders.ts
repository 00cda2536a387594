import { lstatSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { ListingMemo, type FreshListing, type RememberedListings } from './folder-listings.js';
import { scanThreadFolder } from './scan.js';

/**
 * Listing thread folders and stamping their files (one lstat each): the work a fingerprint
 * (engine/fingerprint.ts) shares between the main thread and a worker, kept apart from the
 * engine so the worker loads little more than the scan.
 *
 * StampedFolders: the files of some thread folders with their stamps, what each thread of
 * a fingerprint computes.
 */
export interface StampedFolders {
  files: string[];
  numbers: Float64Array;
  diagnostics: Diagnostic[];
  racy: boolean;
  /** With a memo: the folders listed afresh that may be remembered, and the places of the remembered listings served. */
  fresh?: FreshListing[];
  served?: number[];
}

/** Lists `dirs` (through `memo`, when given: folder-listings.ts) and stamps their files. */
export function stampFolders(root: string, dirs: readonly string[], since: number, memo?: ListingMemo): StampedFolders {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const [freshBefore, servedBefore] = [memo?.fresh.length ?? 0, memo?.served.length ?? 0];
  for (const dir of dirs) scanThreadFolder(root, dir, files, diagnostics, memo);
  const listed = memo ? { fresh: memo.fresh.slice(freshBefore), served: memo.served.slice(servedBefore) } : {};
  return { files, diagnostics, ...stampFiles(root, files, since), ...listed };
}

/** Folders per unit of work the two threads take turns at. */
export const FOLDERS_PER_CHUNK = 250;

export interface StampJob {
  root: string;
  dirs: readonly string[];
  since: number;
  /** The next chunk to take, shared: each thread takes the next one when it finishes one. */
  next: Int32Array;
  /** List through remembered listings (folder-listings.ts): these, or none yet. */
  listings?: { remembered: RememberedListings | undefined };
}

/** A memo for a stamp job's thread (each thread of a fingerprint keeps its own), or none. */
export function memoOf(job: Pick<StampJob, 'root' | 'since' | 'listings'>): ListingMemo | undefined {
  return job.listings ? new ListingMemo(job.root, job.since, job.listings.remembered) : undefined;
}

/** One lstat per file (no file is opened; a missing one is marked -1), and whether any changed after `since`. */
export function stampFiles(root: string, files: readonly string[], since: number): { numbers: Float64Array; racy: boolean } {
  // Paths joined by hand (path.join normalises each one) and stat-ed without an exception
  // for a missing file: this loop runs once per file of the workspace on every check.
  const base = root.endsWith(sep) ? root : `${root}${sep}`;
  const numbers = new Float64Array(files.length * 4);
  let racy = false;
  for (let i = 0; i < files.length; i++) {
    // Milliseconds with the sub-millisecond fraction the file system keeps: a BigInt stat of
    // 70,000 files costs twice as much for precision no edit needs.
    // A file in a folder the user may not search (EACCES): no stamp, as a file gone — its read says why.
    const stat = stampOrNothing(base + files[i]!);
    const at = i * 4;
    if (!stat) {
      numbers.fill(-1, at, at + 4);
      continue;
    }
    if (stat.mtimeMs > since || stat.ctimeMs > since) racy = true;
    numbers[at] = stat.size;
    numbers[at + 1] = stat.mtimeMs;
    numbers[at + 2] = stat.ctimeMs;
    numbers[at + 3] = stat.ino;
  }
  return { numbers, racy };
}


function stampOrNothing(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
