import { unlink } from 'node:fs';
import { closeSync, fchmodSync, fstatSync, linkSync, openSync, readSync, renameSync, rmSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import { editIndex, readIndex, type IndexEdits, type IndexSnapshot } from './index-file.js';

/**
 * The person's index for a commit, in three steps placed where the commit waits for git
 * (commit.ts): read and checked (`readIndexFile`) while git hashes the files; edited and
 * written aside (`prepareIndex`) while git writes the commit; put in place under git's own
 * lock (`installIndex`) once HEAD has moved — so a kill leaves the index behind HEAD
 * (which repair.ts mends), never ahead of it.
 */
export interface PreparedIndex {
  /** The index file (`<git-dir>/index`). */
  index: string;
  /** Its checksum when read: the edit holds only while the index still ends with it. */
  checksum: Buffer;
  /** The edited index, written in full. */
  temp: string;
}

export interface IndexFile extends IndexSnapshot {
  file: string;
  mode: number;
  /** Hands its bytes back for the next read (see `spare`): call once they are no longer used. */
  release(): void;
}

/**
 * `<git-dir>/index` read as an index this engine can edit; undefined when there is none or
 * git must edit it. Its bytes are lent (`release`).
 */
export function readIndexFile(gitDir: string, hashLength: number): IndexFile | undefined {
  const file = join(gitDir, 'index');
  let buffer: Buffer | undefined;
  const release = (): void => {
    if (buffer && (!spare || spare.length < buffer.length)) spare = buffer;
    buffer = undefined;
  };
  try {
    const fd = openSync(file, 'r');
    try {
      const stat = fstatSync(fd);
      buffer = borrow(stat.size);
      let read = 0;
      while (read < stat.size) {
        const n = readSync(fd, buffer, read, stat.size - read, read);
        if (n === 0) break;
        read += n;
      }
      const index = readIndex(buffer.subarray(0, read), hashLength, Math.floor(stat.mtimeMs / 1000));
      if (!index) release();
      return index && { ...index, file, mode: stat.mode & 0o777, release };
    } finally {
      closeSync(fd);
    }
  } catch {
    release();
    return undefined;
  }
}

/**
 * One buffer to read the index into, reused by the next commit: a watcher commits at every
 * save, and a new 8 MB buffer each time (garbage until V8 collects it) lifted its peak RSS
 * from 287 to 303 MB at 10,000 deals; kept, it costs its size once (292 MB). A commit that
 * finds it lent (another repository committing in this process meanwhile) reads into a
 * buffer of its own.
 */
let spare: Buffer | undefined;

function borrow(size: number): Buffer {
  if (spare && spare.length >= size) {
    const lent = spare;
    spare = undefined;
    return lent;
  }
  // 64 KB more: an index that grows by a few entries does not need a new buffer.
  return Buffer.allocUnsafeSlow(size + 65_536);
}

/** The index with `edits` applied, written to `temp`; undefined when git must make the edit (see index-file.ts). */
/** The index with `edits` applied, written to `temp`; undefined when git must make the edit (see index-file.ts). Releases `index`. */
export function prepareIndex(index: IndexFile | undefined, edits: IndexEdits, temp: string): PreparedIndex | undefined {
  if (!index) return undefined;
  try {
    const pieces = editIndex(index, edits);
    if (!pieces) return undefined;
    rmSync(temp, { force: true }); // never through a name the live index may have (a second attempt's)
    const fd = openSync(temp, 'wx');
    try {
      fchmodSync(fd, index.mode); // as git keeps the index's permissions (a shared repository's group bits)
      for (let i = 0; i < pieces.length; i += WRITEV_AT_MOST) writeAll(fd, pieces.slice(i, i + WRITEV_AT_MOST));
    } finally {
      closeSync(fd);
    }
    return { index: index.file, checksum: Buffer.from(index.bytes.subarray(index.bytes.length - index.hashLength)), temp };
  } finally {
    index.release();
  }
}

/** IOV_MAX on Linux: the most pieces one writev takes. */
const WRITEV_AT_MOST = 1024;

function writeAll(fd: number, pieces: Buffer[]): void {
  let left = pieces.reduce((sum, piece) => sum + piece.length, 0);
  let rest = pieces;
  while (left > 0) {
    let written = writevSync(fd, rest);
    left -= written;
    // A short write (rare on a local file): go on from where it stopped.
    const next: Buffer[] = [];
    for (const piece of rest) {
      if (written >= piece.length) written -= piece.length;
      else {
        next.push(piece.subarray(written));
        written = 0;
      }
    }
    rest = next;
  }
}

/**
 * Puts the prepared index in place the way git replaces it: `index.lock` taken exclusively
 * (here as a second name of the written file, so it holds the new index from its first
 * instant), the index checked to be the one the edit was made on, then renamed over it.
 *
 * 'changed' when another git command rewrote the index since it was read (the lock is let
 * go; read and prepare again). Throws git's own message when `index.lock` is held, so a
 * caller's `retryOnIndexLock` waits as it does for git.
 */
export function installIndex(prepared: PreparedIndex): 'installed' | 'changed' {
  const lock = `${prepared.index}.lock`;
  try {
    linkSync(prepared.temp, lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`Unable to create '${lock}': File exists.`);
    throw error;
  }
  try {
    if (!trailerOf(prepared.index, prepared.checksum.length).equals(prepared.checksum)) {
      rmSync(lock, { force: true });
      return 'changed';
    }
    // The index replaced keeps a second name until a background unlink frees it: freeing its
    // pages inside the rename cost the commit 6 ms at 10,000 deals (8 MB), 18 at 30,000.
    const old = `${prepared.temp}-old`;
    rmSync(old, { force: true });
    const kept = tryLink(prepared.index, old);
    renameSync(lock, prepared.index);
    if (kept) unlink(old, () => undefined);
    return 'installed';
  } catch (error) {
    rmSync(lock, { force: true });
    throw error;
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** The last `length` bytes of `file` (an index's checksum). */
function trailerOf(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const out = Buffer.alloc(length);
    if (size >= length) readSync(fd, out, 0, length, size - length);
    return out;
  } finally {
    closeSync(fd);
  }
}
