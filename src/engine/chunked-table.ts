import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { engineIdentity } from './cache.js';

/**
 * A table (key → value) kept in one file of the git directory, v8-serialized in chunks of
 * 2,000 entries: reading and writing hold one chunk's bytes at a time, never the whole
 * table (a 63 MB buffer lifted a cold load's peak RSS by 150 MB). A header line holds the
 * engine that wrote it, each chunk's length and one SHA-1 over them all.
 *
 * Reading gives the entries, nothing (no file, or another engine's: never used), or an
 * error message for a file that is truncated or damaged — never a partial table.
 */
interface Header {
  format: number;
  engine: string;
  /** SHA-1 of every chunk's bytes, in order. */
  checksum: string;
  savedAt: number;
  /** Byte length of each chunk. */
  chunks: number[];
}

const FORMAT = 2;
const CHUNK_ENTRIES = 2000;

/**
 * `revive` sees each row as its chunk is read (to share strings while they are young: a
 * copy dropped then costs a scavenge, not a full collection after 70,000 rows).
 */
export function readChunkedTable<T>(file: string, revive: (key: string, value: T) => T = (_key, value) => value): { entries?: Map<string, T>; damaged?: string } {
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
    if (header.format !== FORMAT || typeof header.checksum !== 'string' || !Array.isArray(header.chunks)) throw new Error('not a threadwork cache table');
    if (header.engine !== engineIdentity()) return {};
    let position = newline + 1;
    if (position + header.chunks.reduce((a, b) => a + b, 0) !== size) throw new Error('its length does not match its header');
    const hash = createHash('sha1');
    const entries = new Map<string, T>();
    for (const length of header.chunks) {
      const chunk = Buffer.allocUnsafe(length);
      if (readSync(fd, chunk, 0, length, position) !== length) throw new Error('it ends early');
      position += length;
      hash.update(chunk);
      const rows = deserialize(chunk) as [string, T][];
      if (!Array.isArray(rows)) throw new Error('its content is not a table');
      for (const [key, value] of rows) entries.set(key, revive(key, value));
    }
    if (hash.digest('hex') !== header.checksum) throw new Error('its checksum does not match its content');
    return { entries };
  } catch (error) {
    return { damaged: error instanceof Error ? error.message : String(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Room for the header line, written last over a blank placeholder: the chunks stream to
 * the file as they are serialized, so a save holds one chunk's bytes at a time (holding
 * them all lifted a stopping watcher's RSS by the cache's size, 64 MB at 10,000 deals).
 * The reader finds the header as any header line: JSON, padded with spaces, then `\n`.
 */
const HEADER_ROOM = 64 * 1024;

/** Writes the table atomically (temporary file, fsync, rename). */
export function writeChunkedTable<T>(file: string, entries: Iterable<[string, T]>, now = Date.now()): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    const hash = createHash('sha1');
    const lengths: number[] = [];
    let position = HEADER_ROOM;
    const flush = (batch: [string, T][]): void => {
      const chunk = serialize(batch);
      hash.update(chunk);
      lengths.push(chunk.length);
      writeSync(fd, chunk, 0, chunk.length, position);
      position += chunk.length;
    };
    let batch: [string, T][] = [];
    for (const entry of entries) {
      batch.push(entry);
      if (batch.length === CHUNK_ENTRIES) {
        flush(batch);
        batch = [];
      }
    }
    if (batch.length) flush(batch);
    const header: Header = { format: FORMAT, engine: engineIdentity(), checksum: hash.digest('hex'), savedAt: now, chunks: lengths };
    const line = JSON.stringify(header);
    if (Buffer.byteLength(line) >= HEADER_ROOM) throw new Error(`${file}: ${lengths.length} chunks do not fit the header`);
    writeSync(fd, Buffer.from(`${line.padEnd(HEADER_ROOM - 1, ' ')}\n`), 0, HEADER_ROOM, 0);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
}
