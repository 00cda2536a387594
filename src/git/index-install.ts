import { closeSync, fchmodSync, fstatSync, linkSync, openSync, readSync, renameSync, rmSync, unlink, writeSync } from 'node:fs';
import { join } from 'node:path';
import { scanIndex, writeEditedIndex, type IndexEdits, type IndexLayout, type ReadAt } from './index-file.js';

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

/** The person's index, open and scanned (index-file.ts `scanIndex`), until `close`. */
export interface IndexFile {
  file: string;
  layout: IndexLayout;
  /** Closes the file: after `prepareIndex`, or when the commit ends without it. */
  close(): void;
  /** Reads the very file scanned (open, so a rename over it by git changes nothing here). */
  read: ReadAt;
  mode: number;
}

/**
 * `<git-dir>/index` opened and scanned for `paths` (see index-file.ts); undefined when there
 * is none or git must edit it. It stays open until `close` (prepareIndex closes it).
 */
export function readIndexFile(gitDir: string, hashLength: number, paths: readonly string[]): IndexFile | undefined {
  const file = join(gitDir, 'index');
  let fd: number | undefined;
  const close = (): void => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    const opened = fd;
    const read: ReadAt = (target, offset, length, position) => readSync(opened, target, offset, length, position);
    const layout = scanIndex(read, stat.size, hashLength, Math.floor(stat.mtimeMs / 1000), paths);
    if (!layout) {
      close();
      return undefined;
    }
    return { file, layout, close, read, mode: stat.mode & 0o777 };
  } catch {
    close();
    return undefined;
  }
}

/** The index with `edits` applied, written to `temp`; undefined when git must make the edit (see index-file.ts). Closes `index`. */
export function prepareIndex(index: IndexFile | undefined, edits: IndexEdits, temp: string): PreparedIndex | undefined {
  if (!index) return undefined;
  try {
    rmSync(temp, { force: true }); // never through a name the live index may have (a second attempt's)
    const fd = openSync(temp, 'wx');
    let written: boolean;
    try {
      fchmodSync(fd, index.mode); // as git keeps the index's permissions (a shared repository's group bits)
      const out = bufferedWriter(fd);
      written = writeEditedIndex(index.read, index.layout, edits, out.write);
      out.flush();
    } finally {
      closeSync(fd);
    }
    if (!written) {
      rmSync(temp, { force: true });
      return undefined;
    }
    return { index: index.file, checksum: index.layout.checksum, temp };
  } finally {
    index.close();
  }
}

/**
 * Writes to `fd` in order: a large piece at once, small ones (a new entry, a smudged size)
 * gathered first, so that an index with many racy entries is not thousands of writes. A
 * piece may be reused once handed over: small ones are copied.
 */
function bufferedWriter(fd: number): { write(piece: Buffer): void; flush(): void } {
  const pending = Buffer.allocUnsafe(64 * 1024);
  let used = 0;
  const writeAll = (bytes: Buffer): void => {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  };
  const flush = (): void => {
    writeAll(pending.subarray(0, used));
    used = 0;
  };
  return {
    write(piece) {
      if (used + piece.length > pending.length) flush();
      if (piece.length >= pending.length) writeAll(piece);
      else used += piece.copy(pending, used);
    },
    flush,
  };
}

/**
 * Puts the prepared index in place the way git replaces it: `index.lock` taken exclusively
 * (here as a second name of the written file, so it holds the new index from its first
 * instant), the index checked to be the one the edit was made on, then renamed over it.
 *
 * 'changed' when another git command rewrote the index since it was read (the lock is let
 * go; read and prepare again). Throws git's own message when `index.lock` is held, so a
 * caller's `retryOnIndexLock` waits as it does for git. `locked`: taken already (lockIndex).
 */
export function installIndex(prepared: PreparedIndex, locked = false): 'installed' | 'changed' {
  const lock = `${prepared.index}.lock`;
  try {
    if (!locked) linkSync(prepared.temp, lock);
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

/**
 * Takes `index.lock` with the prepared index as its content, before HEAD moves, as `git
 * commit` holds it from before it moves HEAD until the index follows: a `git stash` or
 * `git commit` in between would read the new HEAD with the old index — the commit's
 * paths staged back to what they were — and keep that. Such a command waits for the lock
 * instead (git says `index.lock: File exists`). False when another git command holds it:
 * the refresh then waits for it after HEAD moved, as before.
 */
export function lockIndex(prepared: PreparedIndex): boolean {
  try {
    linkSync(prepared.temp, `${prepared.index}.lock`);
    return true;
  } catch {
    return false;
  }
}
