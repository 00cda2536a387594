/** Reads `length` bytes at file offset `position` into `target` at `offset`; how many it read (fs.readSync's shape). */
export type ReadAt = (target: Buffer, offset: number, length: number, position: number) => number;

/**
 * A file (git's index) read forward through one buffer: what index-file.ts edits and
 * index-stages.ts looks through for conflict stages, a window at a time, never the whole file.
 */
export class Window {
  bytes: Buffer;
  /** The file offset of `bytes[0]`, and how many bytes from there are read. */
  start = 0;
  length = 0;

  constructor(
    readonly read: ReadAt,
    readonly size: number,
    bytes: Buffer,
  ) {
    this.bytes = bytes;
  }

  /**
   * Makes file bytes [pos, pos + n) readable and says where they are in `bytes`; -1 past the
   * end. Reads only go forward; bytes jumped over are never read.
   */
  at(pos: number, n: number): number {
    if (!Number.isFinite(pos) || pos < this.start || pos + n > this.size) return -1;
    if (pos > this.start + this.length) {
      this.start = pos;
      this.length = 0;
    }
    if (pos + n <= this.start + this.length) return pos - this.start;
    const kept = this.start + this.length - pos;
    if (n > this.bytes.length) {
      const larger = borrow(Math.max(n, this.bytes.length * 2));
      this.bytes.copy(larger, 0, this.length - kept, this.length);
      giveBack(this.bytes);
      this.bytes = larger;
    } else this.bytes.copy(this.bytes, 0, this.length - kept, this.length);
    this.start = pos;
    this.length = kept;
    while (this.length < n) {
      const from = this.start + this.length;
      const got = this.read(this.bytes, this.length, Math.min(this.bytes.length - this.length, this.size - from), from);
      if (got <= 0) return -1;
      this.length += got;
    }
    return 0;
  }

  /** The file offset of the first NUL at or after `pos` and before `end`; -1 when none. */
  nulAfter(pos: number, end: number): number {
    for (let from = pos; from < end; ) {
      const n = Math.min(this.bytes.length, end - from);
      const b = this.at(from, n);
      if (b < 0) return -1;
      const nul = this.bytes.indexOf(0, b);
      if (nul >= 0 && nul < b + n) return from + nul - b;
      from += n;
    }
    return -1;
  }
}

/**
 * One buffer for reading and writing the index, lent to a commit and handed back: a
 * watcher commits at every save, and 2.5 MB of new buffers a commit (windows, the cache
 * tree) were garbage enough to lift its peak RSS by 10 MB at 10,000 deals. A commit that
 * finds it lent (another repository committing in this process) takes its own.
 */
let spare: Buffer | undefined;

export function borrow(size: number): Buffer {
  if (spare && spare.length >= size) {
    const lent = spare;
    spare = undefined;
    return lent;
  }
  return Buffer.allocUnsafe(size);
}

export function giveBack(buffer: Buffer): void {
  if (!spare || spare.length < buffer.length) spare = buffer;
}
