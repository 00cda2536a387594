import { deserialize, serialize } from 'node:v8';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import type { FileKind } from '../workspace/layout.js';
import { hasValue, type ParsedFile } from '../workspace/parse-file.js';
import type { FileStamp } from '../workspace/read-files.js';
import { cacheFile, RACY_MS, relativeToGit } from './cache.js';
import { CHUNK_ROWS, readChunkedTable, writeChunkedTable, type RowPlace, type TableChunk } from './chunked-table.js';
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
 * A file's row holds its stamp, hash, kind and diagnostics; its value (the front matter,
 * validated) is in its chunk's payload, the values of the chunk's files serialized
 * together, the meta.json files in chunks of their own. A run that ends (a check, a sync,
 * a command) deserializes a chunk's values only when it reads one of them: a sync after
 * one edit at 10,000 deals reads the meta.json chunks and the changed thread's, not the
 * 60,000 stage files' values (reading the cache: 660 → 370 ms, a third less garbage to
 * collect), and a chunk whose files are all still the same is written back as it was
 * read. A watcher deserializes them all at once (readParseCache's `longLived`).
 *
 * The table is written in chunks of 2,000 files (one chunk's bytes in memory at a time)
 * and carries a SHA-1 of them, compared before a value is trusted: a truncated or damaged
 * cache is discarded with a `cache-discarded` warning and everything is read anew.
 * `--no-cache` and `THREADWORK_NO_CACHE=1` bypass it.
 */
export interface CachedFile extends FileStamp {
  /** The content's hash, as the state keeps it. */
  hash: string;
  parsed: ParsedFile;
  /** Modified within RACY_MS of the cache write: compare the content hash before use. */
  racy?: boolean;
}

/** A file's row in the table: everything but its value, which is in its chunk's payload. */
interface Row extends FileStamp {
  hash: string;
  racy?: boolean;
  kind: FileKind;
  bodyOffset: number;
  diagnostics: Diagnostic[];
  valid: boolean;
}

/**
 * The values of one chunk's files — [value, raw] each, in the chunk's order — as bytes
 * until one of them is read, then all of them (one deserialize for 2,000 files).
 */
class ChunkValues {
  private values: [unknown, unknown][] | undefined;
  /** How many files the chunk held: its bytes are written back as they are only for the very same files. */
  files = 0;

  constructor(
    /** As read: written back as they are while the chunk's files are the same. */
    readonly bytes: Uint8Array,
  ) {}

  at(index: number): [unknown, unknown] {
    this.values ??= deserialize(this.bytes) as [unknown, unknown][];
    return this.values[index] ?? NO_DATA;
  }
}

const NO_DATA: [unknown, unknown] = [undefined, undefined];

/**
 * A parsed file read back from the cache by a run that ends: `value` and `raw` come from
 * its chunk's values, deserialized when one of them is first read.
 */
class StoredParsedFile implements ParsedFile {
  constructor(
    public path: string,
    readonly kind: FileKind,
    readonly bodyOffset: number,
    public diagnostics: Diagnostic[],
    readonly valid: boolean,
    readonly chunk: ChunkValues | undefined,
    readonly index: number,
  ) {}

  get value(): unknown {
    return this.chunk?.at(this.index)[0];
  }

  get raw(): unknown {
    return this.chunk?.at(this.index)[1];
  }

  /** A plain object, as JSON sees it (a getter on a prototype is not its own property). */
  toJSON(): ParsedFile {
    return { path: this.path, kind: this.kind, value: this.value, raw: this.raw, bodyOffset: this.bodyOffset, diagnostics: this.diagnostics };
  }
}

const NAME = 'parsed';
const EXTENSION = 'v8';

/**
 * The cached files, keyed by workspace path; nothing when there is no cache for this
 * engine; a warning when one was damaged.
 *
 * `longLived`: for a state kept for long (a watcher), which reads values over its life and
 * must stay small: every value is deserialized now, its equal short strings shared, one
 * chunk of the file in memory at a time — the bytes kept for later (58 MB at 10,000
 * deals) would outweigh the objects they spare. Otherwise values stay bytes until read.
 */
export async function readParseCache(root: string, options: { longLived?: boolean | undefined } = {}): Promise<{ files?: Map<string, CachedFile>; warning?: Diagnostic }> {
  const file = await cacheFile(root, NAME, EXTENSION);
  // Worth its time (a quarter of a second at 10,000 deals) only in a process that keeps the state.
  const interner = options.longLived ? new StringInterner() : undefined;
  let payload: Uint8Array | undefined;
  let values: ChunkValues | undefined;
  let eager: [unknown, unknown][] = [];
  const revive = (path: string, stored: Row, place: RowPlace): CachedFile => {
    const row = interner ? interner.intern(stored) : stored;
    if (place.payload !== payload || place.index === 0) {
      // The first row of a chunk.
      payload = place.payload;
      values = payload ? new ChunkValues(payload) : undefined;
      eager = interner && payload ? interner.intern(deserialize(payload) as [unknown, unknown][]) : [];
    }
    let parsed: ParsedFile;
    if (interner) {
      const [value, raw] = eager[place.index] ?? NO_DATA;
      parsed = { path, kind: row.kind, value, raw, bodyOffset: row.bodyOffset, diagnostics: row.diagnostics };
    } else {
      parsed = new StoredParsedFile(path, row.kind, row.bodyOffset, row.diagnostics, row.valid, values, place.index);
      if (values) values.files += 1;
    }
    const entry: CachedFile = { size: row.size, mtimeMs: row.mtimeMs, ctimeMs: row.ctimeMs, ino: row.ino, hash: row.hash, parsed };
    if (row.racy) entry.racy = true;
    return entry;
  };
  const { entries, damaged } = readChunkedTable<Row, CachedFile>(file, revive, { keepPayloads: !options.longLived });
  if (damaged) return { warning: diagnostic(relativeToGit(file), START, 'warning', 'cache-discarded', `Discarded a damaged parse cache (${damaged}): every file was read anew`) };
  return entries ? { files: entries } : {};
}

/**
 * Stores `files` (path → stamp, hash and parsed form), marking those modified too recently
 * to trust their times as racy. The meta.json files come first, in chunks of their own:
 * they are the values every run reads, and the stage files' chunks stay bytes.
 */
export async function writeParseCache(root: string, files: Iterable<[string, CachedFile]>, now = Date.now()): Promise<void> {
  const metas: [string, CachedFile][] = [];
  const others: [string, CachedFile][] = [];
  for (const file of files) (file[1].parsed.kind.kind === 'thread-meta' ? metas : others).push(file);
  const chunks = function* (): Generator<TableChunk<Row>> {
    for (const group of [metas, others]) {
      for (let start = 0; start < group.length; start += CHUNK_ROWS) {
        const slice = group.slice(start, start + CHUNK_ROWS);
        yield { rows: slice.map(([path, entry]) => [path, rowOf(entry, now)]), payload: valuesOf(slice.map(([, entry]) => entry.parsed)) };
      }
    }
  };
  writeChunkedTable(await cacheFile(root, NAME, EXTENSION), chunks(), now);
}

function rowOf(entry: CachedFile, now: number): Row {
  const { parsed } = entry;
  const row: Row = { size: entry.size, mtimeMs: entry.mtimeMs, ctimeMs: entry.ctimeMs, ino: entry.ino, hash: entry.hash, kind: parsed.kind, bodyOffset: parsed.bodyOffset, diagnostics: parsed.diagnostics, valid: parsed.valid ?? parsed.value !== undefined };
  if (entry.mtimeMs > now - RACY_MS || entry.ctimeMs > now - RACY_MS) row.racy = true;
  return row;
}

/** The chunk's values as bytes: those it was read with when it holds the very same files, in order, else serialized now. */
function valuesOf(files: readonly ParsedFile[]): Uint8Array | undefined {
  const first = files[0];
  const source = first instanceof StoredParsedFile ? first.chunk : undefined;
  if (source && source.files === files.length && files.every((file, index) => file instanceof StoredParsedFile && file.chunk === source && file.index === index)) return source.bytes;
  if (files.every((file) => !hasValue(file) && file.raw === undefined)) return undefined;
  return serialize(files.map((file) => [file.value, file.raw]));
}

/** Whether `entry` was cached from the version of the file `stamp` describes. */
export function sameStamp(entry: FileStamp, stamp: FileStamp): boolean {
  return entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && entry.ctimeMs === stamp.ctimeMs && entry.ino === stamp.ino;
}
