import { deserialize, serialize } from 'node:v8';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import type { FileKind, ThreadFamily } from '../workspace/layout.js';
import { hasValue, type ParsedFile } from '../workspace/parse-file.js';
import { readScannedFile, type FileStamp } from '../workspace/read-files.js';
import { parseFileOnDisk } from '../workspace/parse-on-disk.js';
import type { StampTable } from './fingerprint.js';
import { cacheFile, PARSE_CACHE, RACY_MS, relativeToGit } from './cache.js';
import { CHUNK_ROWS, readTableChunks, rewriteTableRows, writeTableChunks, writeTableChunksBetweenTurns, type LazyPayload, type StoredChunk } from './chunked-table.js';
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
 * - **a file whose stamp moved but not its content** (a `touch`, a workspace copied with
 *   `cp -r`, a checkout that wrote the same bytes) misses like an edit, and is read; when
 *   the text's hash is the cached one, its cached parse is taken rather than parsing it
 *   again (state.ts `cachedParse`, the parse pool's `knownHashes`): parsing depends on the
 *   path and the text alone — not for text with replacement characters or NULs, whose
 *   diagnostics depend on the bytes;
 * - **a different threadwork** is another engine identity (version + a hash of the
 *   installed files, see cache.ts): the whole cache is ignored;
 * - **a file changed again within its timestamp's granularity** after it was read (git's
 *   "racily clean" case): an entry whose times are within two seconds of the moment the
 *   cache was written is marked racy, and used only after its content hash is compared
 *   (a read, no parse).
 *
 * A file's row holds its stamp, hash, kind and diagnostics — a chunk's rows stored as
 * columns (see Columns); its value (the front matter, validated) is in its chunk's
 * payload, the values of the chunk's files serialized together, the meta.json files in
 * chunks of their own. A run that ends (a check, a sync, a command) reads a chunk's
 * values from the file, and deserializes them, only when it reads one of them: a sync
 * after one edit at 10,000 deals reads the rows (8 MB), the meta.json chunks and the
 * changed thread's, not the 60,000 stage files' values (40 of the cache's 48 MB; a
 * one-change sync 1.9–2.0 → 1.75–1.9 s, its peak RSS 260 → 232 MB), and a chunk whose
 * files are all still the same is written back as it was read. A watcher reads and
 * deserializes them all at once (readParseCache's `longLived`).
 *
 * The table is written in chunks of 2,000 files (one chunk's bytes in memory at a time)
 * and carries a CRC-32 of their rows, compared before a row is used, and one of each
 * chunk's values, compared when they are read: a truncated or damaged cache is discarded
 * with a `cache-discarded` warning and everything is read anew; values found damaged
 * later are never served either — their files are parsed again from disk (ChunkValues).
 * `--no-cache` and `THREADWORK_NO_CACHE=1` bypass it.
 */
/** A file as the state hands it to be cached (whether it is racy follows from its times when written). */
export interface CachedFile extends FileStamp {
  /** The content's hash, as the state keeps it. */
  hash: string;
  parsed: ParsedFile;
}

/** A file's row: everything but its value, which is in its chunk's payload. */
export interface Row extends FileStamp {
  hash: string;
  racy?: boolean;
  kind: FileKind;
  bodyOffset: number;
  diagnostics: Diagnostic[];
  valid: boolean;
}

/**
 * The rows of one chunk, stored as columns: a few arrays and typed arrays deserialize in
 * microseconds where 2,000 row objects (each with its kind and its diagnostics) took
 * milliseconds — reading the rows of 70,000 files went 166 → ~10 ms at 10,000 deals, and
 * a file's objects are made only when the load takes it.
 */
export interface Columns {
  paths: string[];
  hashes: string[];
  /** Size, mtime, ctime and inode of each file, four numbers a file. */
  stamps: Float64Array;
  bodyOffsets: Float64Array;
  /** VALID and RACY bits. */
  flags: Uint8Array;
  /** Each file's kind as a code (see kindCode); 0: in `otherKinds`. */
  kinds: Uint8Array;
  otherKinds: [number, FileKind][];
  /** Only the files that have diagnostics. */
  diagnostics: [number, Diagnostic[]][];
}

const VALID = 1;
const RACY = 2;
const FAMILIES: readonly ThreadFamily[] = ['deal', 'campaign', 'marketing'];

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/'));

/**
 * A thread file's kind follows from its path (its thread is its folder) but for its
 * family and stage: one byte, family × 8 + 1 for meta.json, + 1 + n for stage n (1–6).
 * 0 for any other kind, kept whole beside the columns.
 */
function kindCode(path: string, kind: FileKind): number {
  if ((kind.kind !== 'thread-meta' && kind.kind !== 'stage') || kind.thread !== folderOf(path)) return 0;
  const family = FAMILIES.indexOf(kind.family);
  if (family < 0) return 0;
  if (kind.kind === 'thread-meta') return family * 8 + 1;
  return Number.isInteger(kind.stage) && kind.stage >= 1 && kind.stage <= 6 ? family * 8 + 1 + kind.stage : 0;
}

/** The kind a code stands for, as classifyPath makes it (same keys, same order). */
function kindOfCode(code: number, thread: string): FileKind | undefined {
  const family = FAMILIES[code >> 3];
  const n = code & 7;
  if (family === undefined || n === 0) return undefined;
  return n === 1 ? { kind: 'thread-meta', thread, family } : { kind: 'stage', thread, family, stage: n - 1 };
}

/** A chunk's rows as columns. */
export function columnsOf(rows: readonly [string, Row][]): Columns {
  const n = rows.length;
  const columns: Columns = { paths: [], hashes: [], stamps: new Float64Array(n * 4), bodyOffsets: new Float64Array(n), flags: new Uint8Array(n), kinds: new Uint8Array(n), otherKinds: [], diagnostics: [] };
  rows.forEach(([path, row], i) => {
    columns.paths.push(path);
    columns.hashes.push(row.hash);
    columns.stamps.set([row.size, row.mtimeMs, row.ctimeMs, row.ino], i * 4);
    columns.bodyOffsets[i] = row.bodyOffset;
    columns.flags[i] = (row.valid ? VALID : 0) | (row.racy ? RACY : 0);
    const code = kindCode(path, row.kind);
    columns.kinds[i] = code;
    if (code === 0) columns.otherKinds.push([i, row.kind]);
    if (row.diagnostics.length) columns.diagnostics.push([i, row.diagnostics]);
  });
  return columns;
}

/** A chunk's columns with their side lists by row, as a reader keeps them. */
interface IndexedColumns {
  columns: Columns;
  otherKinds: ReadonlyMap<number, FileKind>;
  diagnostics: ReadonlyMap<number, Diagnostic[]>;
}

function indexed(columns: Columns): IndexedColumns {
  return { columns, otherKinds: new Map(columns.otherKinds), diagnostics: new Map(columns.diagnostics) };
}

/** The kind of row `i` of a chunk, a thread file's in `thread` (its folder). */
function kindAt({ columns, otherKinds }: IndexedColumns, i: number, thread: string): FileKind {
  return otherKinds.get(i) ?? kindOfCode(columns.kinds[i]!, thread)!;
}

/** Row `i` of a chunk (`path` is its path). */
function rowAt(chunk: IndexedColumns, i: number, path: string): Row {
  const { columns, diagnostics } = chunk;
  const row: Row = {
    size: columns.stamps[i * 4]!,
    mtimeMs: columns.stamps[i * 4 + 1]!,
    ctimeMs: columns.stamps[i * 4 + 2]!,
    ino: columns.stamps[i * 4 + 3]!,
    hash: columns.hashes[i]!,
    kind: kindAt(chunk, i, folderOf(path)),
    bodyOffset: columns.bodyOffsets[i]!,
    diagnostics: diagnostics.get(i) ?? [],
    valid: (columns.flags[i]! & VALID) !== 0,
  };
  if (columns.flags[i]! & RACY) row.racy = true;
  return row;
}

/** A chunk's columns back as rows (what a test reads the table as). */
export function rowsOf(columns: Columns): [string, Row][] {
  const chunk = indexed(columns);
  return columns.paths.map((path, i) => [path, rowAt(chunk, i, path)]);
}

/** `rows` when it is a chunk's columns, whole and consistent; else an error (a damaged cache). */
export function checkedColumns(rows: unknown): Columns {
  const c = rows as Partial<Columns> | null;
  const n = Array.isArray(c?.paths) ? c.paths.length : -1;
  const whole =
    c &&
    n > 0 &&
    n <= CHUNK_ROWS &&
    Array.isArray(c.hashes) &&
    c.hashes.length === n &&
    c.stamps instanceof Float64Array &&
    c.stamps.length === n * 4 &&
    c.bodyOffsets instanceof Float64Array &&
    c.bodyOffsets.length === n &&
    c.flags instanceof Uint8Array &&
    c.flags.length === n &&
    c.kinds instanceof Uint8Array &&
    c.kinds.length === n &&
    Array.isArray(c.otherKinds) &&
    Array.isArray(c.diagnostics);
  if (!whole) throw new Error('its content is not a parse cache');
  const others = new Set(c.otherKinds!.map(([i]) => i));
  for (let i = 0; i < n; i++) if (c.kinds![i] === 0 && !others.has(i)) throw new Error('a file has no kind');
  // Copied: a deserialized typed array is a view of the bytes it was read from — the whole
  // chunk, values included — and a watcher's load holding them all peaked 50 MB higher.
  return Object.assign({}, c as Columns, { stamps: c.stamps!.slice(), bodyOffsets: c.bodyOffsets!.slice(), flags: c.flags!.slice(), kinds: c.kinds!.slice() });
}

/**
 * The values of one chunk's files — [value, raw] each, in the chunk's order — unread until
 * one of them is asked for, then all of them (one read and one deserialize for 2,000
 * files).
 *
 * A payload found damaged when read (its CRC-32 or its structure) is never trusted: each
 * of the chunk's files is parsed again from disk when its value is asked for (its row —
 * stamp, kind, diagnostics — was checked with the table), the table's file is removed so
 * that a later run writes a whole one, and `damaged` reports it once.
 */
class ChunkValues {
  private values: [unknown, unknown][] | undefined;
  private reparsed: Map<number, [unknown, unknown]> | undefined;

  constructor(
    private readonly payload: LazyPayload,
    /** How many files the chunk holds: its bytes are written back as they are only for the very same files. */
    readonly files: number,
    private readonly reparse: (index: number) => [unknown, unknown],
    private readonly damaged: (why: string) => void,
  ) {}

  at(index: number): [unknown, unknown] {
    if (this.values === undefined && this.reparsed === undefined) {
      try {
        this.values = deserialize(this.payload.read()) as [unknown, unknown][];
        if (!Array.isArray(this.values) || this.values.length !== this.files) throw new Error('its values are not those of its files');
      } catch (error) {
        this.values = undefined;
        this.reparsed = new Map();
        this.payload.discardTable();
        this.damaged(error instanceof Error ? error.message : String(error));
      }
    }
    if (this.reparsed) {
      let data = this.reparsed.get(index);
      if (!data) this.reparsed.set(index, (data = this.reparse(index)));
      return data;
    }
    return this.values![index] ?? NO_DATA;
  }

  /**
   * The bytes as stored, to write back as they are; undefined when they cannot be trusted.
   * Read from the file again rather than kept from `at`: a cache is rewritten rarely, and a
   * run that read every chunk (a check) would otherwise hold 40 MB of bytes beside their values.
   */
  storedBytes(): Uint8Array | undefined {
    if (this.reparsed) return undefined;
    try {
      return this.payload.read();
    } catch {
      return undefined;
    }
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

/** One chunk as read: its columns, and its values as bytes (a run that ends) or deserialized (a watcher). */
interface ReadChunk extends IndexedColumns {
  values: ChunkValues | undefined;
  eager: [unknown, unknown][] | undefined;
}

/**
 * The cached files, by workspace path, asked by place (placeOf, then the columns). A file's
 * objects (its parsed file and kind) are made when it is taken: a load takes each file it
 * scanned, once.
 */
export class CachedFiles {
  private readonly chunks: ReadChunk[] = [];
  /** Each path's chunk × CHUNK_ROWS + its index there. */
  private readonly where = new Map<string, number>();
  /** The place after the last meta.json asked for, and after the last other file (placeOf). */
  private readonly nextPlace = [0, 0];
  /** The thread folder last made for a kind (threadOf). */
  private lastThread = '';

  /** A watcher's load shares each thread's path between the kinds of its files. */
  private readonly share: ((value: string) => string) | undefined;

  constructor(interner?: StringInterner) {
    this.share = interner ? (value) => interner.shared(value) : undefined;
  }

  get size(): number {
    return this.where.size;
  }

  /** Every cached path. */
  paths(): IterableIterator<string> {
    return this.where.keys();
  }

  /** Adds a chunk as read; `eager` values when the reader deserialized them. */
  add(chunk: IndexedColumns, values: ChunkValues | undefined, eager: [unknown, unknown][] | undefined): void {
    const base = this.chunks.length * CHUNK_ROWS;
    this.chunks.push(Object.assign(chunk, { values, eager }));
    chunk.columns.paths.forEach((path, index) => this.where.set(path, base + index));
  }

  /**
   * Where `path` is held, for the methods below; -1 when it is not cached. A load asks in
   * the order the cache was written in — meta.json files first, each thread's other files
   * after — so the place after the last meta.json, or after the last other file, is tried
   * first: comparing one path cost less than hashing it into a map of 70,000.
   */
  placeOf(path: string): number {
    for (let g = 0; g < 2; g++) {
      const guess = this.nextPlace[g]!;
      if (this.pathAt(guess) === path) {
        this.nextPlace[g] = guess + 1;
        return guess;
      }
    }
    const place = this.where.get(path) ?? -1;
    if (place >= 0) this.nextPlace[this.isMeta(place) ? 0 : 1] = place + 1;
    return place;
  }

  private pathAt(place: number): string | undefined {
    return this.chunks[Math.floor(place / CHUNK_ROWS)]?.columns.paths[place % CHUNK_ROWS];
  }

  private isMeta(place: number): boolean {
    const code = this.chunkAt(place).columns.kinds[place % CHUNK_ROWS]!;
    return code !== 0 && (code & 7) === 1;
  }

  /**
   * Whether the file at `place` was cached with the stamp the scan's `stamps` hold at
   * `index`: compared number by number, no object made (a load asks for 70,000 files).
   */
  stampIs(place: number, stamps: StampTable, index: number): boolean {
    const { columns } = this.chunkAt(place);
    return stamps.matchesAt(index, columns.stamps, (place % CHUNK_ROWS) * 4);
  }

  stampAt(place: number): FileStamp {
    const { columns } = this.chunkAt(place);
    const at = (place % CHUNK_ROWS) * 4;
    return { size: columns.stamps[at]!, mtimeMs: columns.stamps[at + 1]!, ctimeMs: columns.stamps[at + 2]!, ino: columns.stamps[at + 3]! };
  }

  hashAt(place: number): string {
    return this.chunkAt(place).columns.hashes[place % CHUNK_ROWS]!;
  }

  /** hashAt, or undefined for no place. */
  hashAtPlace(place: number | undefined): string | undefined {
    return place === undefined ? undefined : this.hashAt(place);
  }

  /** Modified within RACY_MS of the cache write: compare the content hash before use. */
  isRacy(place: number): boolean {
    return (this.chunkAt(place).columns.flags[place % CHUNK_ROWS]! & RACY) !== 0;
  }

  /** The parsed file at `place` (`path`: its path, the scan's own string). */
  parsedAt(place: number, path: string): ParsedFile {
    const chunk = this.chunkAt(place);
    const i = place % CHUNK_ROWS;
    const { columns } = chunk;
    const kind = kindAt(chunk, i, this.threadOf(path));
    const diagnostics = chunk.diagnostics.get(i) ?? [];
    if (chunk.eager) {
      const [value, raw] = chunk.eager[i] ?? NO_DATA;
      return { path, kind, value, raw, bodyOffset: columns.bodyOffsets[i]!, diagnostics };
    }
    return new StoredParsedFile(path, kind, columns.bodyOffsets[i]!, diagnostics, (columns.flags[i]! & VALID) !== 0, chunk.values, i);
  }

  private chunkAt(place: number): ReadChunk {
    return this.chunks[Math.floor(place / CHUNK_ROWS)]!;
  }

  /**
   * A thread file's thread: its folder, one string for the files of a folder asked in a row
   * (a load asks for them so) — seven files share it, and a map keyed by it hashes it once.
   */
  private threadOf(path: string): string {
    const end = path.lastIndexOf('/');
    if (end === this.lastThread.length && path.startsWith(this.lastThread)) return this.lastThread;
    const folder = path.slice(0, end);
    this.lastThread = this.share ? this.share(folder) : folder;
    return this.lastThread;
  }

}

const NAME = PARSE_CACHE.name;
const EXTENSION = PARSE_CACHE.extension;

/**
 * The cached files, keyed by workspace path; nothing when there is no cache for this
 * engine; a warning when one was damaged.
 *
 * `longLived`: for a state kept for long (a watcher), which reads values over its life and
 * must stay small: every value is deserialized now, its equal short strings shared, one
 * chunk of the file in memory at a time — the bytes kept for later (58 MB at 10,000
 * deals) would outweigh the objects they spare. Otherwise a chunk's values are read from
 * the file when one of them is first asked for; `damagedValues` then hears of a chunk
 * whose values turn out damaged (its files are parsed again from disk, see ChunkValues).
 */
export async function readParseCache(
  root: string,
  options: { longLived?: boolean | undefined; damagedValues?: ((warning: Diagnostic) => void) | undefined } = {},
): Promise<{ files?: CachedFiles; identity?: string; warning?: Diagnostic }> {
  const file = await cacheFile(root, NAME, EXTENSION);
  // Worth its time (a quarter of a second at 10,000 deals) only in a process that keeps the state.
  const interner = options.longLived ? new StringInterner() : undefined;
  const files = new CachedFiles(interner);
  let reported = false;
  const damaged = (why: string): void => {
    if (reported) return;
    reported = true;
    options.damagedValues?.(diagnostic(relativeToGit(file), START, 'warning', 'cache-discarded', `Discarded a damaged parse cache (${why}): its files were read anew`));
  };
  const visit = (rows: unknown, payload: Uint8Array | LazyPayload | undefined): void => {
    const columns = checkedColumns(rows);
    if (interner) {
      // Diagnostics and other kinds are kept for the watcher's life: their strings shared.
      interner.intern(columns.otherKinds);
      interner.intern(columns.diagnostics);
      const eager = payload instanceof Uint8Array ? interner.intern(deserialize(payload) as [unknown, unknown][]) : [];
      files.add(indexed(columns), undefined, eager);
      return;
    }
    const chunk = indexed(columns);
    const lazy = payload instanceof Uint8Array ? undefined : payload;
    files.add(chunk, lazy ? new ChunkValues(lazy, columns.paths.length, (index) => valuesOnDisk(root, chunk, index), damaged) : undefined, undefined);
  };
  const { found, damaged: why, identity } = readTableChunks(file, visit, { lazyPayloads: !options.longLived });
  if (why) return { warning: diagnostic(relativeToGit(file), START, 'warning', 'cache-discarded', `Discarded a damaged parse cache (${why}): every file was read anew`) };
  return found ? { files, identity } : {};
}

/** Row `index`'s [value, raw] as parsing the file on disk gives them (a damaged chunk's stand-in); none when it cannot be read. */
function valuesOnDisk(root: string, chunk: IndexedColumns, index: number): [unknown, unknown] {
  const path = chunk.columns.paths[index]!;
  try {
    const parsed = parseFileOnDisk(root, path, kindAt(chunk, index, folderOf(path)), readScannedFile(root, path).text);
    return [parsed.value, parsed.raw];
  } catch {
    return NO_DATA;
  }
}

/**
 * Stores `files` (path → stamp, hash and parsed form), marking those modified too recently
 * to trust their times as racy. The meta.json files come first, in chunks of their own:
 * they are the values every run reads, and the stage files' chunks stay bytes. Returns
 * what names the table written (its identity, chunked-table.ts).
 */
export async function writeParseCache(root: string, files: Iterable<[string, CachedFile]>, now = Date.now(), betweenTurns = false): Promise<string> {
  const metas: [string, CachedFile][] = [];
  const others: [string, CachedFile][] = [];
  for (const file of files) (file[1].parsed.kind.kind === 'thread-meta' ? metas : others).push(file);
  const chunks = function* (): Generator<StoredChunk> {
    for (const group of [metas, others]) {
      for (let start = 0; start < group.length; start += CHUNK_ROWS) {
        const slice = group.slice(start, start + CHUNK_ROWS);
        yield { rows: columnsOf(slice.map(([path, entry]) => [path, rowOf(entry, now)])), payload: valuesOf(slice.map(([, entry]) => entry.parsed)) };
      }
    }
  };
  const file = await cacheFile(root, NAME, EXTENSION);
  return betweenTurns ? writeTableChunksBetweenTurns(file, chunks(), now) : writeTableChunks(file, chunks(), now);
}

/**
 * Clears the racy mark of the entries `settled` vouches for — given each racy entry's
 * path, stamp and hash — in the parse cache named `identity`, every other byte of it as it
 * is (chunked-table.ts: rewriteTableRows). Returns what names the table written (the
 * caller asks only when it knows of marks to clear); undefined when the cache on disk is
 * no longer that one, or cannot be read.
 */
export async function settleRacyEntries(root: string, identity: string, settled: (path: string, stamp: FileStamp, hash: string) => boolean, now = Date.now()): Promise<string | undefined> {
  const edit = (rows: unknown): unknown => {
    const columns = rows as Columns;
    columns.flags.forEach((flags, i) => {
      if ((flags & RACY) === 0) return;
      const at = i * 4;
      const stamp = { size: columns.stamps[at]!, mtimeMs: columns.stamps[at + 1]!, ctimeMs: columns.stamps[at + 2]!, ino: columns.stamps[at + 3]! };
      if (!settled(columns.paths[i]!, stamp, columns.hashes[i]!)) return;
      columns.flags[i] = flags & ~RACY;
    });
    return columns;
  };
  return rewriteTableRows(await cacheFile(root, NAME, EXTENSION), identity, edit, now);
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
  if (source && source.files === files.length && files.every((file, index) => file instanceof StoredParsedFile && file.chunk === source && file.index === index)) {
    const stored = source.storedBytes();
    if (stored) return stored;
  }
  if (files.every((file) => !hasValue(file) && file.raw === undefined)) return undefined;
  return serialize(files.map((file) => [file.value, file.raw]));
}

/** Whether `entry` was cached from the version of the file `stamp` describes. */
export function sameStamp(entry: FileStamp, stamp: FileStamp): boolean {
  return entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && entry.ctimeMs === stamp.ctimeMs && entry.ino === stamp.ino;
}
