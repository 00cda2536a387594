import { createHash, type Hash } from 'node:crypto';
import { writeIndexStat, type IndexStat } from './index-stat.js';
import { borrow, giveBack, Window, type ReadAt } from './index-window.js';

/**
 * git's index (`.git/index`; gitformat-index(5)) with a commit's few entries set, edited as
 * a stream of bytes. `git update-index --index-info` does the same, but as a process it
 * reads, checks and rewrites the whole file on top of its start-up: 40 ms at 10,000 deals
 * (8 MB), a third of a commit, against 9 ms at 1,000. Here the index is read and its format
 * checked while git hashes the files (`scanIndex`: where each committed path is), and the new one
 * written while git writes the commit (`writeEditedIndex`): both pass through a 1 MB
 * window, never the whole file (a watcher holding 8 MB per commit — 24 MB at 30,000 deals
 * — lifted its peak RSS past 300 MB).
 *
 * Only the plain case is edited here; anything else is left to git (`undefined`):
 * versions 2 and 3 (not 4's compressed paths), no extension but the cache tree (TREE) —
 * an untracked cache, split index, sparse index, fsmonitor or resolve-undo stays git's to
 * keep — a committed path without conflict stages or extended flags, and no file/folder
 * clash with an added path.
 *
 * What git's own rewrite does, this does: entries in git's order (name bytes, then stage),
 * the new entries with the stat data the commit could safely record (index-stat.ts) and
 * otherwise none (as `--index-info` writes them: the next `git status` hashes those files
 * once), the cache tree invalidated on the way to each path, racily clean entries
 * smudged, and the checksum over the whole.
 */

export interface IndexEntry {
  mode: string;
  oid: string;
  /** The file's stat data, when it is safe to record (index-stat.ts); without it the entry has none, as `--index-info` writes it. */
  stat?: IndexStat;
}

/** Path (repository-relative) → what the index must have there; undefined removes it. */
export type IndexEdits = ReadonlyMap<string, IndexEntry | undefined>;

export type { ReadAt } from './index-window.js';

const SIGNATURE = 0x44495243; // "DIRC"
const EXTENDED = 0x4000;
const STAGE_MASK = 0x3000;
const NAME_MASK = 0x0fff;
const GITLINK = 0o160000;
/** The window the index passes through (a test passes smaller ones, so that entries straddle its edges). */
const WINDOW = 1 << 20;

/** Where a committed path is in the index, found by `scanIndex`. */
interface Located {
  /** Its entry's first byte, or where a new entry for it would go. */
  at: number;
  /** Its entry's end; `at` when the index has no entry for it. */
  end: number;
  /** Git's to edit: conflict stages or extended flags (skip-worktree, intent-to-add). */
  refused: boolean;
  /** Adding it would clash: a file on its way (`a` for `a/b`), or a folder of its name. */
  clash: boolean;
}

/** An index as read and checked by `scanIndex`: what writing its edit needs, without its bytes. */
export interface IndexLayout {
  version: number;
  hashLength: number;
  count: number;
  entriesEnd: number;
  /** The racily clean entries' offsets, in order (see writeEditedIndex). */
  racy: number[];
  /** Where the cache tree extension's body is in the file, and its length (0: none); read again by writeEditedIndex. */
  cacheTree: { at: number; length: number };
  /** Each committed path (as scanned for) → where it is. */
  located: Map<string, Located>;
  /** The index's checksum: the edit holds only while the index still ends with it. */
  checksum: Buffer;
}

/**
 * Reads an index of `size` bytes through `read`: checks its format (not its checksum: see below, as git), and finds
 * where each of `paths` is. Undefined when it is one git must edit (see above). `mtimeSec`
 * is the index file's mtime: entries changed in that second or later are racy.
 */
export function scanIndex(read: ReadAt, size: number, hashLength: number, mtimeSec: number, paths: readonly string[], windowBytes = WINDOW, strategy: LookUpStrategy = 'auto'): IndexLayout | undefined {
  if ((hashLength !== 20 && hashLength !== 32) || size < 12 + hashLength) return undefined;
  const end = size - hashLength;
  const window = new Window(read, size, borrow(Math.min(windowBytes, size)));
  try {
    return scanThrough(window, end, hashLength, mtimeSec, paths, strategy);
  } finally {
    giveBack(window.bytes);
  }
}

function scanThrough(window: Window, end: number, hashLength: number, mtimeSec: number, paths: readonly string[], strategy: LookUpStrategy): IndexLayout | undefined {
  let b = window.at(0, 12);
  if (b < 0 || window.bytes.readUInt32BE(b) !== SIGNATURE) return undefined;
  const version = window.bytes.readUInt32BE(b + 4);
  const count = window.bytes.readUInt32BE(b + 8);
  // The smallest entry is 62 bytes (SHA-1): a count the file cannot hold is not this format.
  if ((version !== 2 && version !== 3) || count > (end - 12) / 62) return undefined;
  // Each path's bytes one character each (latin1): compared as strings, they sort as git sorts bytes.
  const keys = new Map([...new Set(paths)].map((path) => [path, Buffer.from(path, 'utf8').toString('latin1')]));
  if ([...keys.values()].some((key) => key.includes('\0'))) return undefined;

  // Pass 1, forward through the window: where each entry starts, and which are racy. No
  // name is looked at here: a native comparison an entry cost a fresh process 20 of its
  // 30 ms at 70,000 entries (cold code); the paths are found after (pass 2, lookUp).
  const starts = entryStarts(count + 1);
  const racy: number[] = [];
  const fixed = 40 + hashLength; // stat data (40 bytes), then the object id
  const most = fixed + 4 + 256; // most entries fit in this much; a longer one is asked for again below
  let pos = 12;
  for (let i = 0; i < count; ) {
    // Entries whose first `most` bytes are inside the window, plain (no extended flags, a
    // name under 4,095 bytes): a loop over locals and a DataView, no window bookkeeping an
    // entry (the walk of 70,000 entries in a fresh process's cold code: 18 → 16 ms).
    const bytes = window.bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const base = window.start;
    const last = Math.min(window.start + window.length - most, end - most);
    for (; i < count && pos <= last; i++) {
      const flags = view.getUint16(pos - base + fixed);
      if (flags & EXTENDED || (flags & NAME_MASK) === NAME_MASK) break;
      starts[i] = pos;
      // Changed in the second the index was written or later (mtime at +8), not a submodule (mode at +24), size (at +36) not zeroed yet.
      if (mtimeSec > 0 && view.getUint32(pos - base + 8) >= mtimeSec && view.getUint32(pos - base + 24) !== GITLINK && view.getUint32(pos - base + 36) !== 0) racy.push(pos);
      pos += (fixed + 2 + (flags & NAME_MASK) + 8) & ~7; // 1 to 8 NULs pad each entry to a multiple of 8 bytes
    }
    if (i === count) break;
    // One entry the loop above does not take: at the window's end, long, or with extended flags.
    starts[i] = pos;
    b = window.at(pos, Math.min(end - pos, most));
    if (b < 0 || end - pos < fixed + 2) return undefined;
    const flags = (window.bytes[b + fixed]! << 8) | window.bytes[b + fixed + 1]!;
    if (flags & EXTENDED && version < 3) return undefined;
    const nameOffset = fixed + 2 + (flags & EXTENDED ? 2 : 0);
    let length = flags & NAME_MASK;
    if (length === NAME_MASK) {
      // A name of 4,095 bytes or more: it ends at its NUL.
      const longest = Math.min(end - pos, nameOffset + 65_536);
      b = window.at(pos, longest);
      if (b < 0) return undefined;
      const nul = window.bytes.indexOf(0, b + nameOffset);
      if (nul < 0 || nul >= b + longest) return undefined;
      length = nul - b - nameOffset;
    }
    const size = (nameOffset + length + 8) & ~7;
    if (pos + size > end) return undefined;
    const e = window.bytes;
    if (mtimeSec > 0 && uint32(e, b + 8) >= mtimeSec && uint32(e, b + 24) !== GITLINK && uint32(e, b + 36) !== 0) racy.push(pos);
    pos += size;
    i += 1;
  }
  starts[count] = pos;
  const entriesEnd = pos;

  // Extensions: the cache tree only.
  let cacheTree = { at: 0, length: 0 };
  while (pos < end) {
    b = window.at(pos, 8);
    if (b < 0 || window.bytes.toString('latin1', b, b + 4) !== 'TREE') return undefined;
    const length = window.bytes.readUInt32BE(b + 4);
    if (pos + 8 + length > end) return undefined;
    // Its body is read by writeEditedIndex, once; here it is only passed over.
    cacheTree = { at: pos + 8, length };
    pos += 8 + length;
  }
  if (pos !== end) return undefined;
  b = window.at(end, hashLength);
  if (b < 0) return undefined;
  const checksum = Buffer.from(window.bytes.subarray(b, b + hashLength));
  // Not summed again here: git itself checks an index's checksum only in `git fsck`
  // (read-cache.c, `verify_index_checksum`), and rewrites one as it reads it — as this does,
  // with a new checksum. Summing the 8 MB of 10,000 deals cost a fresh process's commit 5 ms.
  // A skipped one (all zeros: `index.skipHash`) is the person's choice, git's to keep.
  if (checksum.every((byte) => byte === 0)) return undefined;

  // Pass 2: where each path is among the entries, with what tells a clash: its folders, and
  // what would be inside a folder of its name (see targetsOf).
  // Read into the window's own buffer, lent for the scan and free now: a pass in order reads 1 MB at a time.
  const found = lookUp(new EntryReader(window.read, starts, count, fixed, window.bytes), targetsOf(keys.values()), strategy);
  const located = new Map<string, Located>();
  for (const [path, key] of keys) {
    const self = found.get(key)!;
    const at = starts[self.k]!;
    let clash = found.get(`${key}/`)!.prefixed;
    for (let slash = key.indexOf('/'); slash > 0 && !clash; slash = key.indexOf('/', slash + 1)) clash = found.get(key.slice(0, slash))!.equal;
    located.set(path, { at, end: self.equal ? starts[self.k + 1]! : at, refused: self.refused, clash });
  }
  return { version, hashLength, count, entriesEnd, racy, cacheTree, located, checksum };
}

/** Entry starts, kept for the next commit (280 KB at 70,000 entries): a watcher commits at every save. */
let keptStarts = new Int32Array(0);

function entryStarts(n: number): Int32Array {
  if (keptStarts.length < n) keptStarts = new Int32Array(Math.max(n, keptStarts.length * 2));
  return keptStarts;
}

/**
 * What pass 2 looks up: each path; each folder on its way — an entry of that name is a file
 * where a folder would be (`a` for `a/b`); and the path with a slash — an entry beginning
 * so is a file inside a folder of the path's name (`a/b` for `a`; `a-x` sorts between the
 * two, so it is searched for, not looked for next door). git's own edit replaces those;
 * here the edit is left to git. Each once, as latin1 strings, sorted: in git's order.
 */
function targetsOf(keys: Iterable<string>): string[] {
  const targets = new Set<string>();
  for (const key of keys) {
    targets.add(key);
    targets.add(`${key}/`);
    for (let slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) targets.add(key.slice(0, slash));
  }
  return [...targets].sort();
}

/** What the entries say of one target: the first entry not before it (`k`, `count` when none). */
interface TargetFacts {
  k: number;
  /** Entry `k` is the target itself. */
  equal: boolean;
  /** Entry `k` begins with the target. */
  prefixed: boolean;
  /** Equal, with conflict stages (several entries of the name) or extended flags (skip-worktree, intent-to-add): git's to edit. */
  refused: boolean;
}

/** Which way pass 2 finds its targets; `auto` picks by cost (a test forces each). */
export type LookUpStrategy = 'auto' | 'search' | 'merge';

/**
 * Each target's facts (by its latin1 form). A few targets — a commit of a few files — are
 * each found by binary search, ~17 entries read again by position: a name comparison at
 * each of 70,000 entries cost a fresh process 15 ms of cold code. Many targets — the first
 * sync's 10,000 meta.json — are found in one pass over the entries read in order, a window
 * at a time: a binary search each read the 70,000 entries one at a time (the scan for
 * 10,000 paths took 0.21 s; in one pass 0.1 s).
 */
function lookUp(entries: EntryReader, targets: readonly string[], strategy: LookUpStrategy): Map<string, TargetFacts> {
  const { count } = entries;
  // A search costs ~log2(count) reads of one entry, each ~16 times a step of the pass.
  const merge = strategy === 'merge' || (strategy === 'auto' && targets.length * Math.log2(count + 1) * 16 > count);
  entries.readAhead(merge);
  const found = new Map<string, TargetFacts>();
  let k = 0;
  for (const key of targets) {
    const target = Buffer.from(key, 'latin1');
    if (!merge) {
      let hi = count;
      for (k = 0; k < hi; ) {
        const mid = (k + hi) >>> 1;
        if (entries.compareName(mid, target) < 0) k = mid + 1;
        else hi = mid;
      }
    }
    // In order, from the last target's entry: one comparison an entry passed, one a target.
    let order = k < count ? entries.compareName(k, target) : 1;
    while (order < 0) order = ++k < count ? entries.compareName(k, target) : 1;
    const equal = order === 0;
    const prefixed = equal || (k < count && key.endsWith('/') && entries.startsWith(k, target));
    const refused = equal && ((entries.flags(k) & (STAGE_MASK | EXTENDED)) !== 0 || (k + 1 < count && entries.compareName(k + 1, target) === 0));
    found.set(key, { k, equal, prefixed, refused });
  }
  return found;
}

/**
 * The index's entries read again by position (`starts`: where each begins, and the end of
 * the last): one entry at a time for a search's probes, or a window of them at a time for
 * a pass in order.
 */
class EntryReader {
  /** The file range `bytes` holds. */
  private from = 0;
  private to = 0;
  private ahead = 0;

  constructor(
    private readonly read: ReadAt,
    private readonly starts: Int32Array,
    readonly count: number,
    private readonly fixed: number,
    /** What entries are read into (a larger one is made when an entry or a read ahead outgrows it). */
    private bytes: Buffer,
  ) {}

  /** Whether entries are read in order from now on (a window at a time) or one by one. */
  readAhead(inOrder: boolean): void {
    this.ahead = inOrder ? WINDOW : 0;
  }

  /** Entry `k`'s name against `name`, as bytes. */
  compareName(k: number, name: Buffer): number {
    const [start, end] = this.name(k);
    return this.bytes.compare(name, 0, name.length, start, end);
  }

  startsWith(k: number, prefix: Buffer): boolean {
    const [start, end] = this.name(k);
    return end - start >= prefix.length && this.bytes.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0;
  }

  flags(k: number): number {
    const at = this.load(k);
    return (this.bytes[at + this.fixed]! << 8) | this.bytes[at + this.fixed + 1]!;
  }

  /** Where entry `k`'s name is in `bytes`. */
  private name(k: number): [number, number] {
    const at = this.load(k);
    const flags = (this.bytes[at + this.fixed]! << 8) | this.bytes[at + this.fixed + 1]!;
    const start = at + this.fixed + 2 + (flags & EXTENDED ? 2 : 0);
    if ((flags & NAME_MASK) < NAME_MASK) return [start, start + (flags & NAME_MASK)];
    // A name of 4,095 bytes or more ends at its NUL (pass 1 found it there).
    const end = at + this.starts[k + 1]! - this.starts[k]!;
    const nul = this.bytes.indexOf(0, start);
    return [start, nul < 0 || nul > end ? end : nul];
  }

  /** Entry `k` read (with what follows it, reading ahead); where it starts in `bytes`. */
  private load(k: number): number {
    const from = this.starts[k]!;
    const to = this.starts[k + 1]!;
    if (from >= this.from && to <= this.to) return from - this.from;
    const length = Math.max(to - from, Math.min(this.ahead, this.bytes.length, this.starts[this.count]! - from));
    if (this.bytes.length < length) this.bytes = Buffer.allocUnsafe(length);
    for (let got = 0; got < length; ) {
      const n = this.read(this.bytes, got, length - got, from + got);
      if (n <= 0) throw new Error('the index was cut short while it was read');
      got += n;
    }
    this.from = from;
    this.to = from + length;
    return 0;
  }
}

/**
 * Writes the index `layout` describes, read again through `read` (the same file), with
 * `edits` applied, piece by piece to `write`; false when git must make this edit (nothing
 * was written then). Racily clean entries (changed within the second the index was
 * written, so their stat data cannot tell) get their size zeroed, as git's own writes do:
 * once the new index is newer than they are, nothing else would make git look at their
 * content again.
 */
export function writeEditedIndex(read: ReadAt, layout: IndexLayout, edits: IndexEdits, write: (piece: Buffer) => void, windowBytes = WINDOW): boolean {
  const { hashLength } = layout;
  const paths = [...edits.keys()];
  // Each path's bytes one character each, as the cache tree's names are compared.
  const latin1 = paths.map((path) => Buffer.from(path, 'utf8').toString('latin1'));
  // Two entries set where one is a folder on the way to the other (`a` and `a/b`): git keeps the last.
  const set = new Set(latin1.filter((_, i) => edits.get(paths[i]!)));
  for (const path of set) for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) if (set.has(path.slice(0, slash))) return false;
  // Each change at its place in the file: a new entry, or an entry replaced or removed.
  const changes: { at: number; end: number; bytes: Buffer | undefined }[] = [];
  let count = layout.count;
  for (const path of paths) {
    const where = layout.located.get(path);
    const entry = edits.get(path);
    if (!where || where.refused || (entry && where.end === where.at && where.clash) || (entry && entry.oid.length !== hashLength * 2)) return false;
    if (!entry && where.end === where.at) continue; // removing what is not there
    changes.push({ at: where.at, end: where.end, bytes: entry ? newEntry(Buffer.from(path, 'utf8'), entry, hashLength) : undefined });
    count += (entry ? 1 : 0) - (where.end > where.at ? 1 : 0);
  }
  // In file order. At one place, new entries (a new entry's place is the entry after it)
  // before the entry there is replaced or removed, and in name order among themselves.
  const inserted = (c: { at: number; end: number }): number => (c.end === c.at ? 0 : 1);
  changes.sort((x, y) => x.at - y.at || inserted(x) - inserted(y) || (x.bytes && y.bytes ? Buffer.compare(nameOf(x.bytes, hashLength), nameOf(y.bytes, hashLength)) : 0));
  // One buffer, lent: the cache tree's body (500 KB at 10,000 deals), and after it the window the entries are copied through.
  const buffer = borrow(layout.cacheTree.length + Math.min(windowBytes, Math.max(1, layout.entriesEnd)));
  try {
    return writeThrough(read, layout, latin1, changes, count, buffer, write, windowBytes);
  } finally {
    giveBack(buffer);
  }
}

function writeThrough(
  read: ReadAt,
  layout: IndexLayout,
  /** The edited paths, latin1 (see writeEditedIndex). */
  paths: readonly string[],
  changes: readonly { at: number; end: number; bytes: Buffer | undefined }[],
  count: number,
  buffer: Buffer,
  write: (piece: Buffer) => void,
  windowBytes: number,
): boolean {
  const { hashLength } = layout;
  const body = buffer.subarray(0, layout.cacheTree.length);
  for (let at = 0; at < body.length; ) {
    const got = read(body, at, body.length - at, layout.cacheTree.at + at);
    if (got <= 0) throw new Error('the index was cut short while it was read');
    at += got;
  }
  const cacheTree = invalidatedCacheTree(body, paths, hashLength);
  if (!cacheTree) return false;

  const digest = digestFor(hashLength);
  const out = (piece: Buffer): void => {
    digest.update(piece);
    write(piece);
  };
  const header = Buffer.alloc(12);
  header.writeUInt32BE(SIGNATURE, 0);
  header.writeUInt32BE(layout.version, 4);
  header.writeUInt32BE(count, 8);
  out(header);
  const window = buffer.subarray(body.length, body.length + Math.min(buffer.length - body.length, windowBytes));
  const copy = (from: number, to: number): void => {
    for (let at = from; at < to; ) {
      const got = read(window, 0, Math.min(window.length, to - at), at);
      if (got <= 0) throw new Error('the index was cut short while it was read');
      out(window.subarray(0, got));
      at += got;
    }
  };
  let racy = 0;
  let pos = 12;
  // Entries [pos, to) as they are, each racy one among them with its size zeroed.
  const copyEntries = (to: number): void => {
    for (; racy < layout.racy.length && layout.racy[racy]! < to; racy++) {
      const entry = layout.racy[racy]!;
      if (entry < pos) continue; // replaced or removed
      copy(pos, entry + 36);
      out(Buffer.alloc(4));
      pos = entry + 40;
    }
    copy(pos, to);
    pos = Math.max(pos, to);
  };
  for (const change of changes) {
    copyEntries(change.at);
    if (change.bytes) out(change.bytes);
    pos = Math.max(pos, change.end);
  }
  copyEntries(layout.entriesEnd);
  for (const piece of cacheTree) out(piece);
  write(digest.digest());
  return true;
}

/**
 * `bytes`, an index held in memory, with `edits` applied; undefined when git must make
 * the edit. The same reading and writing as a file's, for an index already read.
 */
export function editIndexBytes(bytes: Buffer, hashLength: number, mtimeSec: number, edits: IndexEdits, windowBytes = WINDOW, strategy: LookUpStrategy = 'auto'): Buffer | undefined {
  const read: ReadAt = (target, offset, length, position) => bytes.copy(target, offset, position, Math.min(bytes.length, position + length));
  const layout = scanIndex(read, bytes.length, hashLength, mtimeSec, [...edits.keys()], windowBytes, strategy);
  const pieces: Buffer[] = [];
  // Each piece copied: the window it was read through is reused.
  return layout && writeEditedIndex(read, layout, edits, (piece) => pieces.push(Buffer.from(piece)), windowBytes) ? Buffer.concat(pieces) : undefined;
}



/** The hash git's index is summed with: SHA-1, or SHA-256 in a SHA-256 repository. */
function digestFor(hashLength: number): Hash {
  return createHash(hashLength === 20 ? 'sha1' : 'sha256');
}

/** A big-endian 32-bit number (Buffer's readUInt32BE checks bounds and types on each of 70,000 calls). */
function uint32(bytes: Buffer, at: number): number {
  return bytes[at]! * 0x1000000 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
}

/** An index entry as `update-index --index-info` makes one — stage 0, no flags — with the stat data given, else none. */
function newEntry(name: Buffer, entry: IndexEntry, hashLength: number): Buffer {
  const fixed = 40 + hashLength + 2;
  const out = Buffer.alloc((fixed + name.length + 8) & ~7);
  if (entry.stat) writeIndexStat(out, entry.stat);
  out.writeUInt32BE(Number.parseInt(entry.mode, 8), 24);
  Buffer.from(entry.oid, 'hex').copy(out, 40);
  out.writeUInt16BE(Math.min(name.length, NAME_MASK), 40 + hashLength);
  name.copy(out, fixed);
  return out;
}

/** The name of an entry `newEntry` made. */
function nameOf(entry: Buffer, hashLength: number): Buffer {
  const start = 40 + hashLength + 2;
  return entry.subarray(start, entry.indexOf(0, start));
}
/**
 * The TREE extension (as pieces: the unchanged runs are the index's own bytes) with every folder on the way to `paths` marked invalid (entry count
 * -1, no object id), as git's `cache_tree_invalidate_path` does: git then recomputes
 * exactly those folders at the next `write-tree`, and trusts the rest. Undefined when a
 * path names a folder the cache tree has (a file replacing it: git's to handle) or the
 * extension cannot be read.
 *
 * Each node: its name (relative, the root's empty), NUL, "<entries> <subtrees>\n", the
 * object id when entries ≥ 0, then its subtrees, depth first. Names are compared as latin1.
 */
function invalidatedCacheTree(body: Buffer, paths: readonly string[], hashLength: number): Buffer[] | undefined {
  if (body.length === 0) return [];
  const folders = new Set<string>(['']);
  for (const path of paths) for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) folders.add(path.slice(0, slash));
  const files = new Set(paths);
  // The lengths and first bytes of the names that matter: a child of a folder on the way
  // with another is neither. Asked before a name is made a string: the 10,000 deals of
  // `threads/sales` are children of a folder on the way, a tenth of them of a length sought.
  const names = [...folders, ...files].map((path) => path.slice(path.lastIndexOf('/') + 1));
  const lengths = new Set(names.map((name) => name.length));
  const firstBytes = new Uint8Array(256);
  for (const name of names) firstBytes[name.charCodeAt(0) & 0xff] = 1;
  const pieces: Buffer[] = [];
  // The nodes whose subtrees are still being read, as two stacks (10,000 nodes at 10,000
  // deals: no object each): how many subtrees each has left, and its path when it is a
  // folder on the way to an edited path (no other's names matter).
  const left: number[] = [];
  const onTheWay: (string | undefined)[] = [];
  const cursor = { at: 0 };
  let copiedFrom = 0;
  while (cursor.at < body.length) {
    const at = cursor.at;
    const nul = body.indexOf(0, at);
    if (nul < 0) return undefined;
    cursor.at = nul + 1;
    const entries = readDecimal(body, cursor, 0x20, true);
    const subtrees = readDecimal(body, cursor, 0x0a, false);
    if (entries === undefined || subtrees === undefined) return undefined;
    const depth = left.length;
    if (depth === 0 && (at > 0 || nul > at)) return undefined; // one root, first, with an empty name
    let path: string | undefined = '';
    if (depth > 0) {
      const parent = onTheWay[depth - 1];
      path = undefined;
      if (parent !== undefined && firstBytes[body[at]!] === 1 && lengths.has(nul - at)) {
        const name = body.toString('latin1', at, nul);
        const full = parent ? `${parent}/${name}` : name;
        if (files.has(full)) return undefined;
        if (folders.has(full)) path = full;
      }
      left[depth - 1]! -= 1;
    }
    const next = cursor.at + (entries >= 0 ? hashLength : 0);
    if (next > body.length) return undefined;
    if (entries >= 0 && path !== undefined) {
      pieces.push(body.subarray(copiedFrom, at), Buffer.from(`${body.toString('latin1', at, nul)}\0-1 ${subtrees}\n`, 'latin1'));
      copiedFrom = next;
    }
    left.push(subtrees);
    onTheWay.push(path);
    while (left.length > 0 && left[left.length - 1] === 0) {
      left.pop();
      onTheWay.pop();
    }
    cursor.at = next;
  }
  if (left.length > 0) return undefined;
  pieces.push(body.subarray(copiedFrom));
  const header = Buffer.alloc(8);
  header.write('TREE', 0, 'latin1');
  header.writeUInt32BE(pieces.reduce((sum, piece) => sum + piece.length, 0), 4);
  return [header, ...pieces];
}

/**
 * The decimal number at `cursor.at`, up to the byte `stop` (a minus sign first when
 * `signed`), the cursor moved past `stop`; undefined when it is not that.
 */
function readDecimal(body: Buffer, cursor: { at: number }, stop: number, signed: boolean): number | undefined {
  let i = cursor.at;
  const negative = signed && body[i] === 0x2d;
  if (negative) i++;
  const first = i;
  let value = 0;
  for (; i < body.length && body[i] !== stop; i++) {
    const digit = body[i]! - 0x30;
    if (digit < 0 || digit > 9 || i - first > 9) return undefined;
    value = value * 10 + digit;
  }
  if (i === first || i >= body.length) return undefined;
  cursor.at = i + 1;
  return negative ? -value : value;
}
