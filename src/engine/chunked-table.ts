import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { engineIdentity } from './cache.js';

/**
 * A table (key → value) kept in one file of the git directory, v8-serialized in chunks of
 * up to 2,000 rows: writing holds one chunk's bytes at a time, never the whole table (a
 * 63 MB buffer lifted a cold load's peak RSS by 150 MB). A header line holds the engine
 * that wrote it, each chunk's length, one CRC-32 over every chunk's rows and one CRC-32 per
 * payload.
 *
 * A chunk may carry a payload after its rows: bytes handed back as they are, for the
 * reader to deserialize when it wants them — the parse cache keeps its files' values so.
 * A reader that wants few of them reads none until it asks (`lazyPayloads`): a sync after
 * one edit at 10,000 deals reads 8 MB of rows and the payloads it uses, not the 48 MB of
 * the whole parse cache (~265 → ~50 ms to read and check it). Each payload is therefore
 * checked by its own CRC-32 when it is read.
 *
 * Reading gives the entries, nothing (no file, or another engine's: never used), or an
 * error message for a file that is truncated or damaged — never a partial table. A
 * payload read later that turns out damaged throws (see LazyPayload).
 */
interface Header {
  format: number;
  engine: string;
  /**
   * CRC-32 of every chunk's rows section, in order, in hex: it catches a damaged or
   * truncated file as SHA-1 did, at a third of the cost.
   */
  checksum: string;
  /** CRC-32 of each chunk's payload, in hex; '' for a chunk with none. */
  payloads: string[];
  savedAt: number;
  /** Byte length of each chunk. */
  chunks: number[];
  /** Byte length of each chunk's rows; its payload follows them. */
  rows: number[];
}

const FORMAT = 5;
export const CHUNK_ROWS = 2000;

export interface ReadOptions {
  /**
   * Payloads are not read with the rows: `visit` gets each as a LazyPayload, read from the
   * file (kept open for it) when asked. Otherwise the chunks are read, visited and dropped
   * one at a time (a reader that deserializes every payload at once holds one chunk, not
   * the whole file), and what a damaged table's chunks gave, visited before its rows'
   * checksum is compared, is dropped with it.
   */
  lazyPayloads?: boolean;
}

/**
 * A chunk's payload not read yet. `read` gives its bytes, checked against their CRC-32, or
 * throws an Error saying why they cannot be trusted; `discardTable` removes the table's
 * file when it is still the one read (a damaged table is then written anew by a later run
 * instead of being found damaged again).
 */
export interface LazyPayload {
  read(): Uint8Array;
  discardTable(): void;
}

/** Closes a table's file once nothing can read a payload of it any more. */
const openTables = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already gone with the process's other descriptors
  }
});

/** The open file a table's lazy payloads are read from: the file as read, even once another run has replaced it. */
class OpenTable {
  constructor(
    readonly file: string,
    readonly fd: number,
  ) {
    openTables.register(this, fd, this);
  }

  /** Closes the file now (a table found damaged while its rows were visited): never again by the registry. */
  close(): void {
    openTables.unregister(this);
    closeSync(this.fd);
  }

  payload(position: number, length: number, checksum: string): LazyPayload {
    return {
      read: () => {
        const bytes = Buffer.allocUnsafe(length);
        if (readSync(this.fd, bytes, 0, length, position) !== length) throw new Error('it ends early');
        if (hex(crc32(bytes)) !== checksum) throw new Error('its checksum does not match its content');
        return bytes;
      },
      discardTable: () => {
        try {
          if (fstatSync(this.fd).ino === statSync(this.file).ino) rmSync(this.file, { force: true });
        } catch {
          // gone already, or replaced: nothing of ours to remove
        }
      },
    };
  }
}

/**
 * Reads a table chunk by chunk: `visit` gets each chunk's rows section (any v8-serialized
 * value: an array of rows, or columns) and its payload — a view of the bytes, or with
 * `lazyPayloads` a LazyPayload. `found` is false when there is no table or it is another
 * engine's; `damaged` says why a table cannot be trusted — whatever `visit` saw of it must
 * then be dropped (an error thrown by `visit` is reported so too). `identity` names the
 * table's content: its checksums and when it was saved.
 */
export function readTableChunks(file: string, visit: (rows: unknown, payload: Uint8Array | LazyPayload | undefined) => void, options: ReadOptions = {}): { found: boolean; damaged?: string; identity?: string } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { found: false };
  }
  // Lazy payloads handed to `visit` keep the file open (closed once they are all unreachable);
  // a table found damaged hands none out, and its file is closed here.
  let table: OpenTable | undefined;
  let handedOut = false;
  try {
    const found = readHeader(fd);
    if (!found) return { found: false }; // another engine's, whatever its format: never read
    const { header, positions } = found;
    let crc = 0;
    const read = (length: number, position: number): Buffer => readFully(fd, Buffer.allocUnsafe(length), position);
    const verify = (): void => {
      if (hex(crc) !== header.checksum) throw new Error('its checksum does not match its content');
    };
    if (options.lazyPayloads) {
      const rowSections = header.rows.map((length, index) => {
        const rows = read(length, positions[index]!);
        crc = crc32(rows, crc);
        return rows;
      });
      verify();
      const open = header.chunks.some((length, index) => length > header.rows[index]!) ? new OpenTable(file, fd) : undefined;
      table = open;
      rowSections.forEach((rows, index) => {
        const rowBytes = header.rows[index]!;
        const length = header.chunks[index]! - rowBytes;
        visit(deserialize(rows), open && length > 0 ? open.payload(positions[index]! + rowBytes, length, header.payloads[index]!) : undefined);
      });
      handedOut = open !== undefined;
    } else {
      header.chunks.forEach((length, index) => {
        const chunk = read(length, positions[index]!);
        const rowBytes = header.rows[index]!;
        crc = crc32(chunk.subarray(0, rowBytes), crc);
        const payload = chunk.length > rowBytes ? chunk.subarray(rowBytes) : undefined;
        if (payload && hex(crc32(payload)) !== header.payloads[index]) throw new Error('its checksum does not match its content');
        // The payload is a view of the chunk, not a copy.
        visit(deserialize(chunk.subarray(0, rowBytes)), payload);
      });
      verify();
    }
    return { found: true, identity: identityOf(header) };
  } catch (error) {
    return { found: true, damaged: error instanceof Error ? error.message : String(error) };
  } finally {
    if (!handedOut) {
      if (table) table.close();
      else closeSync(fd);
    }
  }
}

/** `into` filled from `position` of the file open as `fd`; throws when the file ends first. */
function readFully(fd: number, into: Buffer, position: number): Buffer {
  if (readSync(fd, into, 0, into.length, position) !== into.length) throw new Error('it ends early');
  return into;
}

/**
 * The header of the table open as `fd`, with where each chunk starts; undefined for another
 * engine's table, whatever its format. Throws, saying why, for one that is not well formed.
 */
function readHeader(fd: number): { header: Header; positions: number[] } | undefined {
  const size = fstatSync(fd).size;
  const head = Buffer.alloc(Math.min(size, HEADER_ROOM));
  readSync(fd, head, 0, head.length, 0);
  const newline = head.indexOf(0x0a);
  if (newline < 0) throw new Error('it has no header');
  const header = JSON.parse(head.toString('utf8', 0, newline)) as Header;
  if (header.engine !== engineIdentity()) return undefined;
  const shaped =
    header.format === FORMAT &&
    typeof header.checksum === 'string' &&
    Array.isArray(header.chunks) &&
    Array.isArray(header.rows) &&
    Array.isArray(header.payloads) &&
    header.rows.length === header.chunks.length &&
    header.payloads.length === header.chunks.length &&
    header.chunks.every((length, index) => header.rows[index]! > 0 && header.rows[index]! <= length);
  if (!shaped) throw new Error('not a threadwork cache table');
  const start = newline + 1;
  if (start + header.chunks.reduce((a, b) => a + b, 0) !== size) throw new Error('its length does not match its header');
  const positions: number[] = [];
  header.chunks.reduce((position, length) => (positions.push(position), position + length), start);
  return { header, positions };
}

/**
 * Writes the table `file` again with each chunk's rows passed through `edit`, its payloads
 * copied as they are through one buffer: nothing is deserialized but the rows, and no
 * payload is serialized (a stopping watcher that wrote its whole parse cache again peaked
 * 17 MB higher, its chunks' serialized values waiting on the collector). Only the table
 * named `identity`: undefined, and nothing written, when the file is another (a command
 * wrote it since), another engine's, or found damaged on the way. Returns what names the
 * table written.
 */
export function rewriteTableRows(file: string, identity: string, edit: (rows: unknown) => unknown, now = Date.now()): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const found = readHeader(fd);
    if (!found || identityOf(found.header) !== identity) return undefined;
    const { header, positions } = found;
    const payloadRoom = Math.max(0, ...header.chunks.map((length, index) => length - header.rows[index]!));
    const buffer = Buffer.allocUnsafeSlow(payloadRoom);
    let crc = 0;
    const chunks = function* (): Generator<StoredChunk> {
      for (const [index, length] of header.chunks.entries()) {
        const position = positions[index]!;
        const rowBytes = header.rows[index]!;
        const rows = readFully(fd, Buffer.allocUnsafe(rowBytes), position);
        crc = crc32(rows, crc);
        const payload = length > rowBytes ? readFully(fd, buffer.subarray(0, length - rowBytes), position + rowBytes) : undefined;
        if (payload && hex(crc32(payload)) !== header.payloads[index]) throw new Error('its checksum does not match its content');
        // Written before the next chunk is read into the same buffer (tableWrite takes one chunk at a time).
        yield { rows: edit(deserialize(rows)), payload };
      }
      if (hex(crc) !== header.checksum) throw new Error('its checksum does not match its content');
    };
    return writeTableChunks(file, chunks(), now);
  } catch {
    return undefined;
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
  const steps = tableWrite(file, chunks, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * As writeTableChunks, letting the event loop turn after each chunk: a save made beside
 * work that waits on other processes (a first sync's commit waits on git for most of a
 * second) is done in those waits instead of after them. Whoever calls it keeps the rows'
 * source unchanged until it resolves.
 */
export async function writeTableChunksBetweenTurns(file: string, chunks: Iterable<StoredChunk>, now = Date.now()): Promise<string> {
  const steps = tableWrite(file, chunks, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The write itself, stopping after each chunk (a yield) until the table is in place. */
function* tableWrite(file: string, chunks: Iterable<StoredChunk>, now: number): Generator<void, string> {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  let identity: string;
  try {
    let crc = 0;
    const lengths: number[] = [];
    const rowLengths: number[] = [];
    const payloads: string[] = [];
    let position = HEADER_ROOM;
    const write = (bytes: Uint8Array): void => {
      writeSync(fd, bytes, 0, bytes.length, position);
      position += bytes.length;
    };
    for (const chunk of chunks) {
      const rows = serialize(chunk.rows);
      crc = crc32(rows, crc);
      write(rows);
      const payload = chunk.payload?.length ? chunk.payload : undefined;
      if (payload) write(payload);
      payloads.push(payload ? hex(crc32(payload)) : '');
      rowLengths.push(rows.length);
      lengths.push(rows.length + (payload?.length ?? 0));
      yield;
    }
    const header: Header = { format: FORMAT, engine: engineIdentity(), checksum: hex(crc), payloads, savedAt: now, chunks: lengths, rows: rowLengths };
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

/** What names a table's content: its checksums, with when it was saved (a 32-bit checksum alone could repeat). */
function identityOf(header: Header): string {
  return `${header.savedAt}:${header.checksum}:${hex(crc32(header.payloads.join(',')))}`;
}
