import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { engineIdentity } from './cache.js';

/**
 * A table (key → value) kept in one file of the git directory, v8-serialized in chunks of
 * up to 2,000 rows: writing holds one chunk's bytes at a time, never the whole table (a
 * 63 MB buffer lifted a cold load's peak RSS by 150 MB). A header line holds the engine
 * that wrote it, each chunk's length and one CRC-32 over them all.
 *
 * A chunk may carry a payload after its rows: bytes handed back as they are, for the
 * reader to deserialize when it wants them — the parse cache keeps its files' values so,
 * and a run deserializes only the chunks whose values it reads (parse-cache.ts).
 *
 * Reading gives the entries, nothing (no file, or another engine's: never used), or an
 * error message for a file that is truncated or damaged — never a partial table.
 */
interface Header {
  format: number;
  engine: string;
  /**
   * CRC-32 of every chunk's bytes, in order, in hex: it catches a damaged or truncated
   * file as SHA-1 did, at a third of the cost (25 → 10 ms for a 48 MB parse cache).
   */
  checksum: string;
  savedAt: number;
  /** Byte length of each chunk. */
  chunks: number[];
  /** Byte length of each chunk's rows; its payload follows them. */
  rows: number[];
}

const FORMAT = 4;
export const CHUNK_ROWS = 2000;

export interface ReadOptions {
  /**
   * The payloads handed to `visit` stay valid after it returns: every chunk is read and
   * the checksum compared before the first chunk is visited. Otherwise the chunks are read,
   * visited and dropped one at a time (a reader that deserializes every payload at once
   * holds one chunk, not the whole file), and what a damaged table's chunks gave, visited
   * before its checksum is compared, is dropped with it.
   */
  keepPayloads?: boolean;
}

/**
 * Reads a table chunk by chunk: `visit` gets each chunk's rows section (any v8-serialized
 * value: an array of rows, or columns) and a view of its payload. `found` is false when
 * there is no table or it is another engine's; `damaged` says why a table cannot be
 * trusted — whatever `visit` saw of it must then be dropped (an error thrown by `visit`
 * is reported so too). `identity` (of a table read whole) names its content: the table's
 * checksum and when it was saved.
 */
export function readTableChunks(file: string, visit: (rows: unknown, payload: Uint8Array | undefined) => void, options: ReadOptions = {}): { found: boolean; damaged?: string; identity?: string } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { found: false };
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    readSync(fd, head, 0, head.length, 0);
    const newline = head.indexOf(0x0a);
    if (newline < 0) throw new Error('it has no header');
    const header = JSON.parse(head.toString('utf8', 0, newline)) as Header;
    if (header.engine !== engineIdentity()) return { found: false }; // another engine's, whatever its format: never read
    if (header.format !== FORMAT || typeof header.checksum !== 'string' || !Array.isArray(header.chunks) || !Array.isArray(header.rows) || header.rows.length !== header.chunks.length) throw new Error('not a threadwork cache table');
    let position = newline + 1;
    if (position + header.chunks.reduce((a, b) => a + b, 0) !== size) throw new Error('its length does not match its header');
    let crc = 0;
    const readChunk = (length: number): Buffer => {
      const chunk = Buffer.allocUnsafe(length);
      if (readSync(fd, chunk, 0, length, position) !== length) throw new Error('it ends early');
      position += length;
      crc = crc32(chunk, crc);
      return chunk;
    };
    const visitChunk = (chunk: Buffer, rowBytes: number): void => {
      if (!(rowBytes > 0 && rowBytes <= chunk.length)) throw new Error('its header does not match its content');
      // The payload is a view of the chunk, not a copy.
      visit(deserialize(chunk.subarray(0, rowBytes)), chunk.length > rowBytes ? chunk.subarray(rowBytes) : undefined);
    };
    const verify = (): void => {
      if (hex(crc) !== header.checksum) throw new Error('its checksum does not match its content');
    };
    if (options.keepPayloads) {
      const chunks = header.chunks.map(readChunk);
      verify();
      chunks.forEach((chunk, index) => visitChunk(chunk, header.rows[index]!));
    } else {
      header.chunks.forEach((length, index) => visitChunk(readChunk(length), header.rows[index]!));
      verify();
    }
    return { found: true, identity: identityOf(header) };
  } catch (error) {
    return { found: true, damaged: error instanceof Error ? error.message : String(error) };
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

/** One chunk as stored: its rows section (any v8-serializable value) and the payload after it. */
export interface StoredChunk {
  rows: unknown;
  payload?: Uint8Array | undefined;
}

/** Writes chunks of any rows section (see readTableChunks) atomically, one at a time; returns what names its content (as readTableChunks does). */
export function writeTableChunks(file: string, chunks: Iterable<StoredChunk>, now = Date.now()): string {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  let identity: string;
  try {
    let crc = 0;
    const lengths: number[] = [];
    const rowLengths: number[] = [];
    let position = HEADER_ROOM;
    const write = (bytes: Uint8Array): void => {
      crc = crc32(bytes, crc);
      writeSync(fd, bytes, 0, bytes.length, position);
      position += bytes.length;
    };
    for (const chunk of chunks) {
      const rows = serialize(chunk.rows);
      write(rows);
      if (chunk.payload?.length) write(chunk.payload);
      rowLengths.push(rows.length);
      lengths.push(rows.length + (chunk.payload?.length ?? 0));
    }
    const header: Header = { format: FORMAT, engine: engineIdentity(), checksum: hex(crc), savedAt: now, chunks: lengths, rows: rowLengths };
    identity = identityOf(header);
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
  return identity;
}

function hex(crc: number): string {
  return crc.toString(16).padStart(8, '0');
}

/** What names a table's content: its checksum, with when it was saved (a 32-bit checksum alone could repeat). */
function identityOf(header: Header): string {
  return `${header.savedAt}:${header.checksum}`;
}
