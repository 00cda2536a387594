import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import type { ParsedFile } from '../workspace/parse-file.js';
import type { FileStamp } from '../workspace/read-files.js';
import { cacheFile, RACY_MS, relativeToGit } from './cache.js';
import { readChunkedTable, writeChunkedTable } from './chunked-table.js';
import { StringInterner } from './intern.js';

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

const NAME = 'parsed';
const EXTENSION = 'v8';

/** The cached files, keyed by workspace path; nothing when there is no cache for this engine; a warning when one was damaged. */
export async function readParseCache(root: string, options: { shareStrings?: boolean } = {}): Promise<{ files?: Map<string, CachedFile>; warning?: Diagnostic }> {
  const file = await cacheFile(root, NAME, EXTENSION);
  // Worth its time (a quarter of a second at 10,000 deals) only in a process that keeps the state: a watcher.
  const interner = options.shareStrings ? new StringInterner() : undefined;
  const { entries, damaged } = readChunkedTable<CachedFile>(file, (path, entry) => {
    entry.parsed.path = path; // the table's key, not a second copy
    interner?.intern(entry.parsed);
    return entry;
  });
  if (damaged) return { warning: diagnostic(relativeToGit(file), START, 'warning', 'cache-discarded', `Discarded a damaged parse cache (${damaged}): every file was read anew`) };
  return entries ? { files: entries } : {};
}

/** Stores `files` (path → stamp, hash and parsed form), marking those modified too recently to trust their times as racy. */
export async function writeParseCache(root: string, files: Iterable<[string, CachedFile]>, now = Date.now()): Promise<void> {
  const marked = function* (): Generator<[string, CachedFile]> {
    for (const [path, entry] of files) {
      const racy = entry.mtimeMs > now - RACY_MS || entry.ctimeMs > now - RACY_MS;
      yield [path, racy ? { ...entry, racy } : entry];
    }
  };
  writeChunkedTable(await cacheFile(root, NAME, EXTENSION), marked(), now);
}

/** Whether `entry` was cached from the version of the file `stamp` describes. */
export function sameStamp(entry: FileStamp, stamp: FileStamp): boolean {
  return entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && entry.ctimeMs === stamp.ctimeMs && entry.ino === stamp.ino;
}
