import { createHash } from 'node:crypto';

/**
 * git's index (`.git/index`; gitformat-index(5)) with a commit's few entries set, edited as
 * bytes. `git update-index --index-info` does the same, but as a process it reads, checks
 * and rewrites the whole file on top of its start-up: 40 ms at 10,000 deals (8 MB), a third
 * of a commit, against 9 ms at 1,000. Here the reading and checking happen while git builds
 * the commit (see index-install.ts), and only the final rename waits for it.
 *
 * Only the plain case is edited here; anything else is left to git (`undefined`):
 * versions 2 and 3 (not 4's compressed paths), no extension but the cache tree (TREE) —
 * an untracked cache, split index, sparse index, fsmonitor or resolve-undo stays git's to
 * keep — a committed path without conflict stages or extended flags, and no file/folder
 * clash with an added path.
 *
 * What git's own rewrite does, this does: entries in git's order (name bytes, then stage),
 * the new entries without stat data (as `--index-info` writes them: the next `git status`
 * hashes those files once), the cache tree invalidated on the way to each path, racily
 * clean entries smudged, and the checksum over the whole.
 */

export interface IndexEntry {
  mode: string;
  oid: string;
}

/** Path (repository-relative) → what the index must have there; undefined removes it. */
export type IndexEdits = ReadonlyMap<string, IndexEntry | undefined>;

const SIGNATURE = 0x44495243; // "DIRC"
const EXTENDED = 0x4000;
const STAGE_MASK = 0x3000;
const NAME_MASK = 0x0fff;
const GITLINK = 0o160000;

/** An index as read and checked: its bytes and where each entry is. */
export interface IndexSnapshot {
  bytes: Buffer;
  version: number;
  hashLength: number;
  /** The index file's mtime (seconds) when read: entries changed in that second or later are racy. */
  mtimeSec: number;
  entries: Entries;
  /** The cache tree extension's body (empty when there is none). */
  cacheTree: Buffer;
}

/**
 * `bytes` read as an index this module can edit: checksum verified, entries located;
 * undefined when it is one git must edit (see above).
 */
export function readIndex(bytes: Buffer, hashLength: number, mtimeSec: number): IndexSnapshot | undefined {
  if (hashLength !== 20 && hashLength !== 32) return undefined;
  if (bytes.length < 12 + hashLength || bytes.readUInt32BE(0) !== SIGNATURE) return undefined;
  const version = bytes.readUInt32BE(4);
  if (version !== 2 && version !== 3) return undefined;
  const end = bytes.length - hashLength;
  // git checks this on every read; an index that fails it (or a skipped hash) is git's to judge.
  if (!hash(hashLength, [bytes.subarray(0, end)]).equals(bytes.subarray(end))) return undefined;
  const entries = readEntries(bytes, version, hashLength, end, mtimeSec);
  const cacheTree = entries && readExtensions(bytes, entries.end, end);
  return entries && cacheTree ? { bytes, version, hashLength, mtimeSec, entries, cacheTree } : undefined;
}

/**
 * The index with `edits` applied, as the pieces of the new file (its checksum last), or
 * undefined when git must make this edit (see above).
 */
export function editIndex(index: IndexSnapshot, edits: IndexEdits): Buffer[] | undefined {
  const { bytes, entries, hashLength } = index;
  const names = (i: number): Buffer => bytes.subarray(entries.nameStart[i]!, entries.nameStart[i]! + entries.nameLength[i]!);
  const edited = [...edits].map(([path, entry]) => ({ name: Buffer.from(path, 'utf8'), entry })).sort((a, b) => Buffer.compare(a.name, b.name));
  // Two entries set where one is a folder on the way to the other (`a` and `a/b`): git keeps the last.
  const set = new Set(edited.filter((e) => e.entry).map((e) => e.name.toString('latin1')));
  for (const path of set) for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) if (set.has(path.slice(0, slash))) return undefined;
  // Per edit: the entry range of the index it replaces ([from, to): empty for an insert).
  const plans: { from: number; to: number; bytes: Buffer | undefined }[] = [];
  for (const { name, entry } of edited) {
    if (name.includes(0)) return undefined;
    const at = firstAtOrAfter(entries.count, names, name);
    let to = at;
    while (to < entries.count && names(to).equals(name)) to++;
    if (to - at > 1) return undefined; // conflict stages: git resolves those
    if (to > at && (entries.flags[at]! & (STAGE_MASK | EXTENDED)) !== 0) return undefined;
    if (to === at && entry && clashes(entries.count, names, name, at)) return undefined;
    if (entry && entry.oid.length !== hashLength * 2) return undefined;
    plans.push({ from: at, to, bytes: entry ? newEntry(name, entry, hashLength) : undefined });
  }
  const cacheTree = invalidatedCacheTree(index.cacheTree, edited.map((e) => e.name.toString('latin1')), hashLength);
  if (!cacheTree) return undefined;

  // Racily clean entries (changed within the second the index was written, so their stat
  // data cannot tell) get their size zeroed, as git's own writes do: once this index is
  // newer than they are, nothing else would make git look at their content again.
  const racy = entries.racy;

  const pieces: Buffer[] = [Buffer.alloc(12)];
  let count = entries.count;
  let copiedFrom = 0;
  let nextRacy = 0;
  // Entries [copiedFrom, to) as they are, each racy one among them a copy with its size zeroed.
  const copy = (to: number): void => {
    while (nextRacy < racy.length && racy[nextRacy]! < copiedFrom) nextRacy++;
    for (; nextRacy < racy.length && racy[nextRacy]! < to; nextRacy++) {
      const i = racy[nextRacy]!;
      if (i > copiedFrom) pieces.push(bytes.subarray(entries.start[copiedFrom]!, entries.start[i]!));
      const entry = Buffer.from(bytes.subarray(entries.start[i]!, entries.start[i + 1]!));
      entry.writeUInt32BE(0, 36);
      pieces.push(entry);
      copiedFrom = i + 1;
    }
    if (to > copiedFrom) pieces.push(bytes.subarray(entries.start[copiedFrom]!, entries.start[to]!));
    copiedFrom = Math.max(copiedFrom, to);
  };
  for (const plan of plans) {
    copy(plan.from);
    if (plan.bytes) pieces.push(plan.bytes);
    count += (plan.bytes ? 1 : 0) - (plan.to - plan.from);
    copiedFrom = plan.to;
  }
  copy(entries.count);
  pieces.push(...cacheTree);
  pieces[0]!.writeUInt32BE(SIGNATURE, 0);
  pieces[0]!.writeUInt32BE(index.version, 4);
  pieces[0]!.writeUInt32BE(count, 8);
  pieces.push(hash(hashLength, pieces));
  return pieces;
}

/** A big-endian 32-bit number (Buffer's readUInt32BE checks bounds and types on each of 70,000 calls). */
function uint32(bytes: Buffer, at: number): number {
  return bytes[at]! * 0x1000000 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
}

function hash(hashLength: number, pieces: readonly Buffer[]): Buffer {
  const digest = createHash(hashLength === 20 ? 'sha1' : 'sha256');
  for (const piece of pieces) digest.update(piece);
  return digest.digest();
}

export interface Entries {
  count: number;
  /** Where each entry starts, and where the entries end (`start[count]`). */
  start: Uint32Array;
  nameStart: Uint32Array;
  nameLength: Uint32Array;
  flags: Uint16Array;
  /** The racily clean entries, in order: see editIndex. */
  racy: number[];
  end: number;
}

/** Where each entry and its name are; undefined when the entries do not fit the file. */
function readEntries(bytes: Buffer, version: number, hashLength: number, end: number, mtimeSec: number): Entries | undefined {
  const count = bytes.readUInt32BE(8);
  // The smallest entry is 62 bytes (SHA-1): a count the file cannot hold is not this format.
  if (count > (end - 12) / 62) return undefined;
  const start = new Uint32Array(count + 1);
  const nameStart = new Uint32Array(count);
  const nameLength = new Uint32Array(count);
  const flags = new Uint16Array(count);
  const fixed = 40 + hashLength; // stat data (40 bytes), then the object id
  const racy: number[] = [];
  let at = 12;
  for (let i = 0; i < count; i++) {
    if (at + fixed + 2 > end) return undefined;
    start[i] = at;
    const f = (bytes[at + fixed]! << 8) | bytes[at + fixed + 1]!;
    if (f & EXTENDED && version < 3) return undefined;
    const name = at + fixed + 2 + (f & EXTENDED ? 2 : 0);
    let length = f & NAME_MASK;
    if (length === NAME_MASK) {
      const nul = bytes.indexOf(0, name);
      if (nul < 0 || nul >= end) return undefined;
      length = nul - name;
    }
    flags[i] = f;
    // Changed in the second the index was written or later (mtime at +8), not a submodule (mode at +24), size (at +36) not zeroed yet.
    if (mtimeSec > 0 && uint32(bytes, at + 8) >= mtimeSec && uint32(bytes, at + 24) !== GITLINK && uint32(bytes, at + 36) !== 0) racy.push(i);
    nameStart[i] = name;
    nameLength[i] = length;
    // 1 to 8 NULs pad each entry to a multiple of 8 bytes.
    at += (name - at + length + 8) & ~7;
  }
  if (at > end) return undefined;
  start[count] = at;
  return { count, start, nameStart, nameLength, flags, racy, end: at };
}

/** The cache tree extension (empty when there is none); undefined when there is any other. */
function readExtensions(bytes: Buffer, from: number, end: number): Buffer | undefined {
  let body: Buffer = Buffer.alloc(0);
  for (let at = from; at < end; ) {
    if (at + 8 > end) return undefined;
    const signature = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32BE(at + 4);
    if (signature !== 'TREE' || at + 8 + size > end) return undefined;
    body = bytes.subarray(at + 8, at + 8 + size);
    at += 8 + size;
  }
  return body;
}

/** The first entry whose name is at or after `name` in git's order (bytes; a prefix first). */
function firstAtOrAfter(count: number, names: (i: number) => Buffer, name: Buffer): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (Buffer.compare(names(middle), name) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether adding `name` clashes with a file on its way (`a` for `a/b`) or a folder of that name (`a/b/…`). */
function clashes(count: number, names: (i: number) => Buffer, name: Buffer, at: number): boolean {
  if (at < count) {
    const next = names(at);
    if (next.length > name.length && next[name.length] === 0x2f && next.subarray(0, name.length).equals(name)) return true;
  }
  for (let slash = name.indexOf(0x2f); slash >= 0; slash = name.indexOf(0x2f, slash + 1)) {
    const dir = name.subarray(0, slash);
    const i = firstAtOrAfter(count, names, dir);
    if (i < count && names(i).equals(dir)) return true;
  }
  return false;
}

/** An index entry as `update-index --index-info` makes one: no stat data, stage 0, no flags. */
function newEntry(name: Buffer, entry: IndexEntry, hashLength: number): Buffer {
  const fixed = 40 + hashLength + 2;
  const out = Buffer.alloc((fixed + name.length + 8) & ~7);
  out.writeUInt32BE(Number.parseInt(entry.mode, 8), 24);
  Buffer.from(entry.oid, 'hex').copy(out, 40);
  out.writeUInt16BE(Math.min(name.length, NAME_MASK), 40 + hashLength);
  name.copy(out, fixed);
  return out;
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
  // The lengths of the names that matter: a child of a folder on the way with another length is neither.
  const lengths = new Set([...folders, ...files].map((path) => path.length - path.lastIndexOf('/') - 1));
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
      if (parent !== undefined && lengths.has(nul - at)) {
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
