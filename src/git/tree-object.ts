import { hash } from 'node:crypto';

/**
 * A git tree object kept as its bytes, with where each entry starts: `<mode> <name>\0<id>`
 * each, in git's order. A commit of three files at 10,000 deals reads and rewrites
 * `threads/sales`, a tree of 10,000 entries (400 KB): one object per entry cost 13 ms and a
 * collection to parse it, and as much again to join them back; offsets cost 0.4 ms, and
 * the new tree is the old bytes with the changed entries cut out and spliced in.
 *
 * Names are compared as latin1 strings (one character a byte), so JavaScript's `<` is
 * git's byte order; a folder sorts as its name with a `/` after it.
 */
export class TreeObject {
  private constructor(
    readonly oid: string,
    readonly body: Buffer,
    /** Where each entry starts, and `body.length` last; found when first asked (see `written`). */
    private startsFound: Int32Array | undefined,
    private readonly hashLength: number,
  ) {}

  private get starts(): Int32Array {
    this.startsFound ??= entryStarts(this.oid, this.body, this.hashLength);
    return this.startsFound;
  }

  /** How many binary searches `find` made; past INDEX_AFTER_SEARCHES it uses `byName`. */
  private searches = 0;
  private byName: Map<string, number> | undefined;

  /** The tree whose object id is `oid`, from its raw body as git gave it (checked now: a malformed one throws). */
  static parse(oid: string, body: Buffer, hashLength: number): TreeObject {
    return new TreeObject(oid, body, entryStarts(oid, body, hashLength), hashLength);
  }

  /**
   * A tree this process made (`edited`), well formed by construction: its entries are found
   * only if it is searched — when the next commit of a watcher starts from it. A fresh
   * process's commit never does, and finding the 10,000 entries of `threads/sales` in cold
   * code cost it 4–5 ms.
   */
  static written(oid: string, body: Buffer, hashLength: number): TreeObject {
    return new TreeObject(oid, body, undefined, hashLength);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** Whether entry `i` is a folder (mode `40000`; very old trees wrote `040000`). */
  isFolder(i: number): boolean {
    const at = this.starts[i]!;
    return this.body[at] === 0x34 || (this.body[at] === 0x30 && this.body[at + 1] === 0x34);
  }

  mode(i: number): string {
    const at = this.starts[i]!;
    return this.body.toString('latin1', at, this.body.indexOf(0x20, at));
  }

  /** Entry `i`'s name, as a latin1 string. */
  name(i: number): string {
    const at = this.starts[i]!;
    return this.body.toString('latin1', this.body.indexOf(0x20, at) + 1, this.starts[i + 1]! - this.hashLength - 1);
  }

  /** Entry `i`'s object id, in hex. */
  id(i: number): string {
    const end = this.starts[i + 1]!;
    return this.body.toString('hex', end - this.hashLength, end);
  }

  /** Entry `i` as its bytes. */
  raw(i: number): Buffer {
    return this.body.subarray(this.starts[i]!, this.starts[i + 1]!);
  }

  /** The entry named `key` (a file's or a folder's): its index, or -1. */
  find(key: string): number {
    if (this.byName === undefined && ++this.searches > INDEX_AFTER_SEARCHES) this.byName = this.nameIndex();
    if (this.byName) return this.byName.get(key) ?? -1;
    for (const order of [key, `${key}/`]) {
      const at = this.position(order);
      if (at < this.size && this.order(at) === order) return at;
    }
    return -1;
  }

  /**
   * Each entry's index by its name (one entry a name in a tree), made once a tree is
   * searched often: a first sync at 10,000 deals looks up each of the 10,000 folders of
   * `threads/sales`, and a binary search makes a string at each of its 14 steps (130 ms of
   * a first sync).
   */
  private nameIndex(): Map<string, number> {
    const index = new Map<string, number>();
    for (let i = 0; i < this.size; i++) index.set(this.name(i), i);
    return index;
  }

  /** The first entry not before `order` in git's order. */
  position(order: string): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.order(middle) < order) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * This tree's body without the entries at `drop` and with `add` (in git's order, none
   * named as a kept entry): the kept bytes are copied in runs, never entry by entry.
   */
  edited(drop: ReadonlySet<number>, add: readonly NewTreeEntry[]): Buffer {
    const pieces: Buffer[] = [];
    let from = 0; // start of the run of kept entries not yet copied
    const copyUpTo = (index: number): void => {
      if (index <= from) return;
      pieces.push(this.body.subarray(this.starts[from]!, this.starts[index]!));
      from = index;
    };
    const dropped = [...drop].sort((a, b) => a - b);
    let d = 0;
    // Many entries to add (a first sync adds a folder to `threads/sales` per deal): their
    // places found by walking the tree once, not by a binary search each.
    const places = add.length > MERGE_FROM ? this.mergePlaces(add) : undefined;
    for (const [n, entry] of add.entries()) {
      const at = places ? places[n]! : this.position(entry.order);
      while (d < dropped.length && dropped[d]! < at) {
        copyUpTo(dropped[d]!);
        from = dropped[d++]! + 1;
      }
      copyUpTo(at);
      pieces.push(entry.raw);
    }
    while (d < dropped.length) {
      copyUpTo(dropped[d]!);
      from = dropped[d++]! + 1;
    }
    copyUpTo(this.size);
    return Buffer.concat(pieces);
  }

  /** For each of `add` (in git's order), the first entry not before it: what `position` gives, in one walk. */
  private mergePlaces(add: readonly NewTreeEntry[]): Int32Array {
    const places = new Int32Array(add.length);
    let at = 0;
    let order = at < this.size ? this.order(at) : undefined;
    for (let n = 0; n < add.length; n++) {
      while (order !== undefined && order < add[n]!.order) order = ++at < this.size ? this.order(at) : undefined;
      places[n] = at;
    }
    return places;
  }

  private order(i: number): string {
    return this.isFolder(i) ? `${this.name(i)}/` : this.name(i);
  }
}

/** Where each entry of a tree's body starts, and `body.length` last; throws when the body is not a tree's. */
function entryStarts(oid: string, body: Buffer, hashLength: number): Int32Array {
  const starts: number[] = [];
  let offset = 0;
  while (offset < body.length) {
    starts.push(offset);
    // A loop, not indexOf: an entry's name ends a few bytes on, and 10,000 native calls cost more than the scan.
    let nul = offset;
    while (nul < body.length && body[nul] !== 0) nul++;
    if (nul >= body.length) throw new Error(`tree ${oid}: an entry without its name's end`);
    offset = nul + 1 + hashLength;
  }
  if (offset !== body.length) throw new Error(`tree ${oid}: the last entry is cut short`);
  starts.push(body.length);
  return Int32Array.from(starts);
}

/** Binary searches of one tree before `find` indexes it (a commit of a few files never does). */
const INDEX_AFTER_SEARCHES = 64;
/** More entries to add than this: `edited` walks the tree once instead of searching for each. */
const MERGE_FROM = 64;

/** An entry to add to a tree: its bytes and its place in git's order. */
export interface NewTreeEntry {
  order: string;
  raw: Buffer;
}

export const FOLDER_MODE = '40000';

export function newTreeEntry(mode: string, key: string, oid: string): NewTreeEntry {
  return { order: mode === FOLDER_MODE ? `${key}/` : key, raw: Buffer.concat([Buffer.from(`${mode} ${key}\0`, 'latin1'), Buffer.from(oid, 'hex')]) };
}

/**
 * A git object's id: the hash of its header and body (SHA-1 or SHA-256 by the id's
 * length). One-shot over one buffer: a Hash object per object cost twice as much for the
 * 20,000 small objects of a first sync.
 */
export function objectIdOf(type: string, body: Buffer, hashLength: number): string {
  return hash(hashLength === 20 ? 'sha1' : 'sha256', Buffer.concat([Buffer.from(`${type} ${body.length}\0`, 'latin1'), body]), 'hex');
}
