import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTableChunks, rewriteTableRows, writeTableChunks, writeTableChunksBetweenTurns, type LazyPayload } from '../src/engine/chunked-table.js';
import { testdir } from './helpers/testdir.js';

/**
 * The chunked table (engine/chunked-table.ts) under the parse and facts caches: read with
 * `lazyPayloads`, only the rows are read and checked at once; each payload is read, and
 * checked by its own CRC-32, when asked for.
 */
const PAYLOADS = ['first chunk values', 'second chunk values', 'third chunk values'].map((text) => Buffer.from(text.repeat(50)));

function writeThree(file: string): void {
  writeTableChunks(
    file,
    PAYLOADS.map((payload, index) => ({ rows: { chunk: index }, payload })),
  );
}

/** Where chunk `index`'s payload starts in the file, from its header. */
function payloadAt(file: string, index: number): number {
  const bytes = readFileSync(file);
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.toString('utf8', 0, newline)) as { chunks: number[]; rows: number[] };
  return newline + 1 + header.chunks.slice(0, index).reduce((a, b) => a + b, 0) + header.rows[index]!;
}

function readLazily(file: string): { read: ReturnType<typeof readTableChunks>; chunks: [unknown, LazyPayload][] } {
  const chunks: [unknown, LazyPayload][] = [];
  const read = readTableChunks(
    file,
    (rows, payload) => {
      if (!payload || payload instanceof Uint8Array) throw new Error('expected a payload not read yet');
      chunks.push([rows, payload]);
    },
    { lazyPayloads: true },
  );
  return { read, chunks };
}

describe('a chunked table read with lazy payloads', () => {
  it('hands back each payload as written, when asked for', () => {
    const file = join(testdir(), 'table.v8');
    writeThree(file);
    const { read, chunks } = readLazily(file);
    expect(read).toEqual({ found: true, identity: expect.any(String) });
    expect(chunks.map(([rows]) => rows)).toEqual([{ chunk: 0 }, { chunk: 1 }, { chunk: 2 }]);
    expect(Buffer.from(chunks[2]![1].read())).toEqual(PAYLOADS[2]);
    expect(Buffer.from(chunks[0]![1].read())).toEqual(PAYLOADS[0]);
  });

  it('reads no payload at the load: one damaged is found only when read, by its own checksum, and the others still read', () => {
    const file = join(testdir(), 'table.v8');
    writeThree(file);
    const bytes = readFileSync(file);
    bytes[payloadAt(file, 1) + 7]! ^= 0xff;
    writeFileSync(file, bytes);
    const { read, chunks } = readLazily(file);
    expect(read.damaged).toBeUndefined();
    expect(() => chunks[1]![1].read()).toThrow(/checksum/);
    expect(Buffer.from(chunks[0]![1].read())).toEqual(PAYLOADS[0]);
    expect(Buffer.from(chunks[2]![1].read())).toEqual(PAYLOADS[2]);
    // Read whole (a watcher's load), the same file is damaged at once.
    expect(readTableChunks(file, () => {}).damaged).toMatch(/checksum/);
  });

  it('reads payloads from the table as it was read, after another run replaced it; discards only that table', () => {
    const file = join(testdir(), 'table.v8');
    writeThree(file);
    const { chunks } = readLazily(file);
    writeTableChunks(file, [{ rows: { chunk: 'new' }, payload: Buffer.from('another table') }]);
    expect(Buffer.from(chunks[1]![1].read())).toEqual(PAYLOADS[1]);
    chunks[1]![1].discardTable();
    expect(existsSync(file)).toBe(true); // the new table is not the one found damaged
    const again = readLazily(file);
    again.chunks[0]![1].discardTable();
    expect(existsSync(file)).toBe(false);
  });

  it.runIf(existsSync('/proc/self/fd'))('keeps no file open for a table its reader finds damaged, one damaged in its rows, or one without payloads', () => {
    const dir = testdir();
    const table = join(dir, 'table.v8');
    writeThree(table);
    const damaged = join(dir, 'damaged.v8');
    const bytes = readFileSync(table);
    bytes[bytes.indexOf(0x0a) + 3]! ^= 0xff;
    writeFileSync(damaged, bytes);
    const rowsOnly = join(dir, 'rows.v8');
    writeTableChunks(rowsOnly, [{ rows: { only: 'rows' } }]);
    const open = (): number => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      // Rows whole by their checksum, but not what the reader stores (as a parse cache of another shape).
      const refused = readTableChunks(table, (rows) => {
        if ((rows as { chunk: number }).chunk === 2) throw new Error('its rows are not columns');
      }, { lazyPayloads: true });
      expect(refused.damaged).toBe('its rows are not columns');
      expect(readTableChunks(damaged, () => {}, { lazyPayloads: true }).damaged).toMatch(/checksum/);
      expect(readTableChunks(rowsOnly, () => {}, { lazyPayloads: true }).found).toBe(true);
    }
    expect(open()).toBe(before);
  });
});

describe('a chunked table written between turns of the event loop', () => {
  it('lets other work run after each chunk, and writes the bytes a write at once writes', async () => {
    const dir = testdir();
    const at = 1_790_000_000_000;
    const chunks = PAYLOADS.map((payload, index) => ({ rows: { chunk: index }, payload }));
    writeTableChunks(join(dir, 'at-once.v8'), chunks, at);
    // What ran meanwhile, recorded by chunk: each write of a chunk asks for the next one.
    const turns: number[] = [];
    let served = 0;
    const spin = (): void => {
      turns.push(served);
      if (served < chunks.length) setImmediate(spin);
    };
    const lent = function* () {
      for (const chunk of chunks) {
        served++;
        yield chunk;
      }
    };
    setImmediate(spin);
    await writeTableChunksBetweenTurns(join(dir, 'between-turns.v8'), lent(), at);
    // Other work ran after the first chunk and before the last: the write did not hold the loop throughout.
    expect(turns.some((n) => n >= 1 && n < chunks.length)).toBe(true);
    expect(readFileSync(join(dir, 'between-turns.v8'))).toEqual(readFileSync(join(dir, 'at-once.v8')));
    expect(readdirSync(dir).sort()).toEqual(['at-once.v8', 'between-turns.v8']);
  });
});

describe('a chunked table written again with its rows edited', () => {
  it('writes the rows edited and each payload byte for byte, as a table written so would be', () => {
    const dir = testdir();
    const file = join(dir, 'table.v8');
    const identity = writeTableChunks(file, PAYLOADS.map((payload, index) => ({ rows: { chunk: index }, payload })), 1_790_000_000_000);
    const at = 1_790_000_000_500;
    const written = rewriteTableRows(file, identity, (rows) => ({ chunk: (rows as { chunk: number }).chunk, edited: true }), at);
    expect(written).toBeDefined();
    expect(written).not.toBe(identity);
    writeTableChunks(join(dir, 'expected.v8'), PAYLOADS.map((payload, index) => ({ rows: { chunk: index, edited: true }, payload })), at);
    expect(readFileSync(file)).toEqual(readFileSync(join(dir, 'expected.v8')));
    expect(readdirSync(dir).sort()).toEqual(['expected.v8', 'table.v8']);
  });

  it('leaves another table, or one found damaged, as it is', () => {
    const dir = testdir();
    const file = join(dir, 'table.v8');
    const identity = writeTableChunks(file, PAYLOADS.map((payload, index) => ({ rows: { chunk: index }, payload })));
    const edit = (rows: unknown): unknown => rows;
    expect(rewriteTableRows(file, 'another table', edit)).toBeUndefined();
    const bytes = readFileSync(file);
    bytes[payloadAt(file, 2)]! ^= 0xff; // the last chunk's values: found only after the others were copied
    writeFileSync(file, bytes);
    expect(rewriteTableRows(file, identity, edit)).toBeUndefined();
    expect(readFileSync(file)).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['table.v8']); // no temporary file left
    expect(rewriteTableRows(join(dir, 'none.v8'), identity, edit)).toBeUndefined();
  });
});
