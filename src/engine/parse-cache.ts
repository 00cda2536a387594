import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import type { ParsedFile } from '../workspace/parse-file.js';
import type { FileStamp } from '../workspace/read-files.js';
import { cacheFile, engineIdentity, RACY_MS, relativeToGit } from './cache.js';

/**
 * The persistent parse cache: every file's parsed and validated form, kept in the git
 * directory (`threadwork-cache/parsed.v8`), so that a cold run — a sync after one edit,
 * a watcher starting, a check after a change — reads and parses only the files that
 * changed since the cache was written. Where engine/cache.ts serves a whole result when
 * nothing changed, this one serves each unchanged file.
 *
 * How an entry can never be served stale:
 * - **an edit** changes a file's mtime and ctime, a save by rename its inode too: an
 *   entry is used only when size, mtime, ctime and inode are all those the file has now
 *   (one lstat, no read);
 * - **a checkout or a rebase** writes each file it changes anew (new times, usually a
 *   new inode), so those files miss like an edit; nothing here depends on HEAD (the
 *   versions held for broken files are looked up in HEAD afresh by the state);
 * - **a different threadwork** is another engine identity (version + a hash of the
 *   installed files, see cache.ts): the whole cache is ignored;
 * - **a file changed again within its timestamp's granularity** after it was read (git's
 *   "racily clean" case): an entry whose times are within two seconds of the moment the
 *   cache was written is marked racy, and used only after its content hash is compared
 *   (a read, no parse).
 *
 * The table is written in chunks of 2,000 files (one chunk's bytes in memory at a time)
 * and carries a SHA-1 of them: a truncated or damaged cache is discarded with
 * a `cache-discarded` warning and everything is read anew. `--no-cache` and
 * `THREADWORK_NO_CACHE=1` bypass it.
 */
export interface CachedFile extends FileStamp {
  /** The content's hash, as the state keeps it. */
  hash: string;
  parsed: ParsedFile;
  /** Modified within RACY_MS of the cache write: compare the content hash before use. */
  racy?: boolean;
}

interface Header {
  format: number;
  engine: string;
  /** SHA-1 of every chunk's bytes, in order. */
  checksum: string;
  savedAt: number;
  /** Byte length of each chunk: the table is serialized in chunks, never as one 60 MB buffer. */
  chunks: number[];
}

const FORMAT = 2;
const NAME = 'parsed';
const EXTENSION = 'v8';
/** Files per serialized chunk: reading and writing hold one chunk's bytes at a time, not the whole cache. */
const CHUNK_FILES = 2000;

/** The cached files, keyed by workspace path; nothing when there is no cache for this engine; a warning when one was damaged. */
export async function readParseCache(root: string): Promise<{ files?: Map<string, CachedFile>; warning?: Diagnostic }> {
  const file = await cacheFile(root, NAME, EXTENSION);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return {};
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    readSync(fd, head, 0, head.length, 0);
    const newline = head.indexOf(0x0a);
    if (newline < 0) throw new Error('it has no header');
    const header = JSON.parse(head.toString('utf8', 0, newline)) as Header;
    if (header.format !== FORMAT || typeof header.checksum !== 'string' || !Array.isArray(header.chunks)) throw new Error('not a threadwork parse cache');
    if (header.engine !== engineIdentity()) return {};
    let position = newline + 1;
    if (position + header.chunks.reduce((a, b) => a + b, 0) !== size) throw new Error('its length does not match its header');
    const hash = createHash('sha1');
    const files = new Map<string, CachedFile>();
    for (const length of header.chunks) {
      const chunk = Buffer.allocUnsafe(length);
      if (readSync(fd, chunk, 0, length, position) !== length) throw new Error('it ends early');
      position += length;
      hash.update(chunk);
      const entries = deserialize(chunk) as [string, CachedFile][];
      if (!Array.isArray(entries)) throw new Error('its content is not a file table');
      for (const [path, entry] of entries) files.set(path, entry);
    }
    if (hash.digest('hex') !== header.checksum) throw new Error('its checksum does not match its content');
    return { files };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { warning: diagnostic(relativeToGit(file), START, 'warning', 'cache-discarded', `Discarded a damaged parse cache (${why}): every file was read anew`) };
  } finally {
    closeSync(fd);
  }
}

/** Stores `files` (path → stamp, hash and parsed form), marking those modified too recently to trust their times as racy. */
export async function writeParseCache(root: string, files: Iterable<[string, CachedFile]>, now = Date.now()): Promise<void> {
  const chunks: Buffer[] = [];
  let batch: [string, CachedFile][] = [];
  const flush = (): void => {
    chunks.push(serialize(batch));
    batch = [];
  };
  for (const [path, entry] of files) {
    const racy = entry.mtimeMs > now - RACY_MS || entry.ctimeMs > now - RACY_MS;
    batch.push([path, racy ? { ...entry, racy } : entry]);
    if (batch.length === CHUNK_FILES) flush();
  }
  if (batch.length) flush();
  const hash = createHash('sha1');
  for (const chunk of chunks) hash.update(chunk);
  const header: Header = { format: FORMAT, engine: engineIdentity(), checksum: hash.digest('hex'), savedAt: now, chunks: chunks.map((c) => c.length) };
  const file = await cacheFile(root, NAME, EXTENSION);
  mkdirSync(dirname(file), { recursive: true });
  writeBuffersAtomic(file, [Buffer.from(`${JSON.stringify(header)}\n`), ...chunks]);
}

/** Writes `parts` one after the other to a temporary file, flushes it and renames it over `file`. */
function writeBuffersAtomic(file: string, parts: readonly Buffer[]): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    for (const part of parts) writeSync(fd, part);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
}

/** Whether `entry` was cached from the version of the file `stamp` describes. */
export function sameStamp(entry: FileStamp, stamp: FileStamp): boolean {
  return entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && entry.ctimeMs === stamp.ctimeMs && entry.ino === stamp.ino;
}
