import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { checkedColumns, columnsOf, rowsOf, type Columns, type Row } from '../src/engine/parse-cache.js';
import { readCrossFileRecord, writeCrossFileRecord } from '../src/engine/cross-file-record.js';
import { WorkspaceSession } from '../src/engine/session.js';
import { WorkspaceState } from '../src/engine/state.js';
import { hasValue, type ParsedFile } from '../src/workspace/parse-file.js';
import { runJson } from './helpers/cli.js';
import { settledClock } from './helpers/clock.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

/**
 * The persistent parse cache (engine/parse-cache.ts) serves a file's parsed form only
 * while the file is the version it was parsed from. Each test plants a marker in one
 * cached file's parsed value, so it is visible whether the cache was served for it:
 * after an edit, a checkout, a rebase or with a different engine, the marker must never
 * come back.
 */
const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim();
/**
 * A real wait of 2.1 s: files modified in the last two seconds are too fresh to key a cache
 * on. Only before a CLI child process, which keeps the real clock: loads in this process
 * find every file settled without waiting (settledClock, below).
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2100));
beforeAll(() => settledClock());
const LEARNING = 'threads/sales/harbor-lending/6-learning.md';
const MARKER = 777_777;

const cachePath = (dir: string): string => join(dir, '.git', 'threadwork-cache', 'parsed.v8');

/** A file's entry as the table stores it: its row (stamp, hash, kind, diagnostics…) and its [value, raw], deserialized here. */
type TableEntry = Row & { data?: [unknown, unknown] | undefined };

/**
 * Reads the table as the format says (chunked-table.ts): a JSON header line, then chunks
 * of rows (stored as columns, parse-cache.ts), each followed by its payload, the
 * [value, raw] of each of its files.
 */
function readTable(dir: string): { header: Record<string, unknown>; files: Map<string, TableEntry> } {
  const bytes = readFileSync(cachePath(dir));
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Record<string, unknown> & { chunks: number[]; rows: number[] };
  const files = new Map<string, TableEntry>();
  let at = newline + 1;
  header.chunks.forEach((length, index) => {
    const rowBytes = header.rows[index]!;
    const rows = rowsOf(deserialize(bytes.subarray(at, at + rowBytes)) as Columns);
    const values = length > rowBytes ? (deserialize(bytes.subarray(at + rowBytes, at + length)) as [unknown, unknown][]) : [];
    rows.forEach(([path, row], i) => files.set(path, { ...row, data: values[i] }));
    at += length;
  });
  return { header, files };
}

const crcHex = (bytes: Uint8Array): string => crc32(bytes).toString(16).padStart(8, '0');
/** What names a table (chunked-table.ts): when it was saved and its checksums. */
const identityOf = (header: Record<string, unknown>): string => `${String(header.savedAt)}:${String(header.checksum)}:${crcHex(Buffer.from((header.payloads as string[]).join(',')))}`;

/** Writes the table back in the engine's format (one chunk here), its checksums recomputed: a well-formed cache. */
function writeTable(dir: string, header: Record<string, unknown>, files: Map<string, TableEntry>): void {
  const rows = serialize(columnsOf([...files].map(([path, { data: _data, ...row }]) => [path, row])));
  const payload = serialize([...files.values()].map(({ data }) => data ?? [undefined, undefined]));
  const head = { ...header, checksum: crcHex(rows), payloads: [crcHex(payload)], chunks: [rows.length + payload.length], rows: [rows.length] };
  writeFileSync(cachePath(dir), Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), rows, payload]));
}

/** Sets the cached `arr` of the learning file to the marker, the entry otherwise as it was. */
function plantMarker(dir: string, header: Partial<Record<string, unknown>> = {}): void {
  const table = readTable(dir);
  const entry = table.files.get(LEARNING)!;
  expect(entry?.data).toBeDefined();
  (entry.data![0] as { arr: number }).arr = MARKER;
  writeTable(dir, { ...table.header, ...header }, table.files);
}

async function arrSeen(dir: string, options: { cache?: boolean } = {}): Promise<unknown> {
  const state = await WorkspaceState.load(dir, options);
  return (state.currentModel().files.get(LEARNING)?.value as { arr?: unknown } | undefined)?.arr;
}

/** The example in git, its files settled (not racy), and a parse cache written by a first cold load. */
async function cachedExample(): Promise<string> {
  const dir = exampleWorkspaceCopy();
  await WorkspaceState.load(dir);
  expect(existsSync(cachePath(dir))).toBe(true);
  plantMarker(dir);
  expect(await arrSeen(dir)).toBe(MARKER); // the cache is really used for an unchanged file
  return dir;
}

/*
 * Speed: most of this file's time was waiting — eleven 2.1 s settles and fifteen
 * git-initialised copies of the example, one test after another. The example is now
 * prepared once and copied (one git process a copy), and the tests, each on a folder of
 * its own with nothing shared but that prepared copy, run concurrently: their settles and
 * git processes overlap instead of adding up. The settles themselves are gone: this
 * process's clock runs two seconds ahead (settledClock), so every file a test wrote is
 * settled by the load that writes the cache, and no entry is racy unless a test makes it so.
 * test/module-loading.test.ts still waits for the real clock, CLI processes on both sides.
 */
describe.concurrent('the persistent parse cache', () => {
  it('hands back every file as parsing it gives it: value, raw data, kind, body offset, diagnostics', async () => {
    const dir = exampleWorkspaceCopy();
    // A file that fails its schema (raw data kept, no value) and one that does not parse at all.
    writeFileSync(join(dir, 'threads/sales/harbor-lending/3-implication.md'), '---\narr_potential: {a: 1}\nstrategic_value: [high]\n---\nBody.\n');
    writeFileSync(join(dir, 'goals/g-broken.md'), '---\nid: [unclosed\n---\n');
    await WorkspaceState.load(dir); // writes the cache
    const fresh = (await WorkspaceState.load(dir, { cache: false })).currentModel().files;
    // Values read on demand (a run that ends) and all at once (a watcher): the same files.
    for (const longLived of [false, true]) {
      const cached = (await WorkspaceState.load(dir, { longLived })).currentModel().files;
      expect([...cached.keys()].sort()).toEqual([...fresh.keys()].sort());
      sameFiles(fresh, cached);
      expect(cached.get('threads/sales/harbor-lending/3-implication.md')?.raw).toMatchObject({ arr_potential: { a: 1 } });
    }
  });

  it('writes back what a run read from it with the files that changed since: the values of each file as it is', async () => {
    const dir = exampleWorkspaceCopy();
    await WorkspaceState.load(dir); // writes the cache
    // Since then: a value changed, a file gone (the chunks hold other files now), a file added.
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('arr: 36000', 'arr: 36100'));
    rmSync(join(dir, 'threads/sales/harbor-lending/5-actions.md'));
    writeFileSync(join(dir, 'goals/g-later.md'), '---\nid: g-later\ntitle: Later\n---\n');
    const state = await WorkspaceState.load(dir); // most values stay bytes, three files read anew
    await state.saveParseCache();
    for (const longLived of [false, true]) {
      const fresh = (await WorkspaceState.load(dir, { cache: false })).currentModel().files;
      const cached = (await WorkspaceState.load(dir, { longLived })).currentModel().files;
      expect([...cached.keys()].sort()).toEqual([...fresh.keys()].sort());
      sameFiles(fresh, cached);
      expect((cached.get(LEARNING)?.value as { arr: number }).arr).toBe(36100);
    }
  });

  it("keeps no view of a chunk's bytes in the columns it reads: a watcher's load would hold every chunk's values twice", () => {
    const row: Row = { size: 10, mtimeMs: 1, ctimeMs: 2, ino: 3, hash: 'h', kind: { kind: 'stage', thread: 'threads/sales/a', family: 'deal', stage: 2 }, bodyOffset: 4, diagnostics: [], valid: true };
    const rows = serialize(columnsOf([['threads/sales/a/2-hypothesis.md', row]]));
    const chunk = Buffer.concat([rows, Buffer.alloc(1 << 20)]); // the chunk's values after its rows
    const columns = checkedColumns(deserialize(chunk.subarray(0, rows.length)));
    expect(rowsOf(columns)).toEqual([['threads/sales/a/2-hypothesis.md', row]]);
    for (const array of [columns.stamps, columns.bodyOffsets, columns.flags, columns.kinds]) expect(array.buffer.byteLength).toBeLessThan(1024);
  });

  function sameFiles(fresh: ReadonlyMap<string, ParsedFile>, cached: ReadonlyMap<string, ParsedFile>): void {
    let invalid = 0;
    for (const [path, file] of fresh) {
      const stored = cached.get(path)!;
      expect(stored, path).not.toBe(file);
      // Compared field by field: a value read on demand is no own property for toEqual to see.
      expect({ kind: stored.kind, value: stored.value, raw: stored.raw, bodyOffset: stored.bodyOffset, diagnostics: stored.diagnostics }, path).toEqual({ kind: file.kind, value: file.value, raw: file.raw, bodyOffset: file.bodyOffset, diagnostics: file.diagnostics });
      expect(hasValue(stored), path).toBe(file.value !== undefined);
      expect(JSON.parse(JSON.stringify(stored)), path).toEqual(JSON.parse(JSON.stringify(file)));
      if (file.value === undefined) invalid += 1;
    }
    expect(invalid).toBeGreaterThanOrEqual(1);
  }

  it('is not served for a file after an edit', async () => {
    const dir = await cachedExample();
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('arr: 36000', 'arr: 36500'));
    expect(await arrSeen(dir)).toBe(36500);
  });

  it('is not served after a checkout', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('arr: 36000', 'arr: 38000'));
    git(dir, 'commit', '-qam', 'raise');
    await WorkspaceState.load(dir);
    plantMarker(dir);
    git(dir, 'checkout', '-q', 'HEAD~1', '--', LEARNING);
    expect(await arrSeen(dir)).toBe(36000);
  });

  it('is not served after a rebase', async () => {
    const dir = exampleWorkspaceCopy();
    git(dir, 'checkout', '-qb', 'topic');
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('arr: 36000', 'arr: 39000'));
    git(dir, 'commit', '-qam', 'topic change');
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('## ', '## Seen on main. '));
    git(dir, 'commit', '-qam', 'main change');
    git(dir, 'checkout', '-q', 'topic');
    await WorkspaceState.load(dir);
    plantMarker(dir);
    expect(await arrSeen(dir)).toBe(MARKER);
    git(dir, 'rebase', '-q', 'main');
    expect(readFileSync(join(dir, LEARNING), 'utf8')).toContain('Seen on main.');
    expect(await arrSeen(dir)).toBe(39000);
  });

  it('is served for a file whose times or inode moved but whose content is the one cached: a touch, a copied workspace', async () => {
    const dir = await cachedExample();
    // A touch moves the times only; the entry misses its stamp, and the file is read and hashed, not parsed.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, LEARNING), later, later);
    expect(await arrSeen(dir)).toBe(MARKER);
    // A copy (cp -r, no times kept) gives every file a new inode and new times.
    const copy = `${dir}-copy`;
    cpSync(dir, copy, { recursive: true });
    try {
      plantMarker(copy);
      expect(await arrSeen(copy)).toBe(MARKER);
      // …but an edit in the copy is parsed, as anywhere.
      writeFileSync(join(copy, LEARNING), readFileSync(join(copy, LEARNING), 'utf8').replace('arr: 36000', 'arr: 36100'));
      expect(await arrSeen(copy)).toBe(36100);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('is not served to a different engine', async () => {
    const dir = await cachedExample();
    plantMarker(dir, { engine: 'another-engine' });
    expect(await arrSeen(dir)).toBe(36000);
  });

  it('serves a racy entry only while its content hash still matches', async () => {
    const dir = await cachedExample();
    const table = readTable(dir);
    table.files.get(LEARNING)!.racy = true;
    writeTable(dir, table.header, table.files);
    expect(await arrSeen(dir)).toBe(MARKER);
    table.files.get(LEARNING)!.hash = 'not the hash of the file';
    writeTable(dir, table.header, table.files);
    expect(await arrSeen(dir)).toBe(36000);
  });

  it('is written again once a load read many racy entries to compare them, and not for a few', async () => {
    const dir = await cachedExample();
    const table = readTable(dir);
    table.files.get(LEARNING)!.racy = true;
    writeTable(dir, table.header, table.files);
    await WorkspaceState.load(dir);
    expect(readTable(dir).files.get(LEARNING)!.racy).toBe(true); // one racy entry: not worth a rewrite
    expect(table.files.size).toBeGreaterThan(64);
    for (const entry of table.files.values()) entry.racy = true; // as after a first sync wrote many files
    writeTable(dir, table.header, table.files);
    await WorkspaceState.load(dir);
    // Written anew: the files are settled, no entry is racy, and the next load reads none of them to compare.
    expect([...readTable(dir).files.values()].filter((entry) => entry.racy)).toEqual([]);
  });

  it("has the racy marks a watcher's session found settled cleared when it stops, every other byte as it was", async () => {
    const dir = await cachedExample();
    const table = readTable(dir);
    for (const entry of table.files.values()) entry.racy = true; // as after a first sync wrote many files
    writeTable(dir, table.header, table.files);
    const before = readTable(dir);
    // The last sync's cross-file record, true of this table: it follows the table rewritten.
    await writeCrossFileRecord(dir, { ids: 'the ids', flagged: ['threads/sales/harbor-lending'], parseCache: identityOf(before.header) });
    const racyCount = (): number => [...readTable(dir).files.values()].filter((entry) => entry.racy).length;
    const session = new WorkspaceSession(dir);
    await session.check(); // the start-up's load compares them all, and writes no cache: that would lift its peak
    expect(racyCount()).toBe(table.files.size);
    await session.close();
    // Cleared as it stopped (the files settled two seconds before the load): the next start-up reads none of them to compare.
    expect(racyCount()).toBe(0);
    expect(identityOf(readTable(dir).header)).not.toBe(identityOf(before.header));
    expect(await readCrossFileRecord(dir)).toEqual({ ids: 'the ids', flagged: ['threads/sales/harbor-lending'], parseCache: identityOf(readTable(dir).header) });
    const after = readTable(dir);
    for (const [path, entry] of before.files) expect({ ...after.files.get(path), racy: true }, path).toEqual(entry);
    expect(await arrSeen(dir)).toBe(MARKER); // the values as they were, the planted marker with them
  });

  it('is left as it is by a stopping session when another run wrote it since the session read it', async () => {
    const dir = await cachedExample();
    const table = readTable(dir);
    for (const entry of table.files.values()) entry.racy = true;
    writeTable(dir, table.header, table.files);
    const session = new WorkspaceSession(dir);
    await session.check();
    writeTable(dir, { ...table.header, savedAt: Number(table.header.savedAt) + 1 }, table.files); // another run's table: another identity
    await session.close();
    expect([...readTable(dir).files.values()].every((entry) => entry.racy)).toBe(true);
  });

  it('is bypassed with cache: false and --no-cache, and never written then', async () => {
    const dir = await cachedExample();
    expect(await arrSeen(dir, { cache: false })).toBe(36000);
    const fresh = exampleWorkspaceCopy();
    await settle();
    await runJson(['check', '--no-cache', '--dir', fresh]);
    expect(existsSync(cachePath(fresh))).toBe(false);
  });

  it('discards a truncated or damaged cache with a warning, and reads every file anew', async () => {
    const dir = await cachedExample();
    const bytes = readFileSync(cachePath(dir));
    writeFileSync(cachePath(dir), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const state = await WorkspaceState.load(dir);
    expect(state.currentModel().diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'cache-discarded', severity: 'warning' })]));
    expect((state.currentModel().files.get(LEARNING)?.value as { arr: number }).arr).toBe(36000);
    // Rewritten whole by that load: the next one is served again, with no warning.
    const next = await WorkspaceState.load(dir);
    expect(next.currentModel().diagnostics.map((d) => d.rule)).not.toContain('cache-discarded');
    // Whole in length, one byte of the rows flipped: the checksum tells, at the load.
    const flipped = Buffer.from(readFileSync(cachePath(dir)));
    const start = flipped.indexOf(0x0a) + 1;
    flipped[start + 5]! ^= 0xff;
    writeFileSync(cachePath(dir), flipped);
    const damaged = await WorkspaceState.load(dir);
    expect(damaged.currentModel().diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'cache-discarded', message: expect.stringContaining('checksum') })]));
    expect((damaged.currentModel().files.get(LEARNING)?.value as { arr: number }).arr).toBe(36000);
    // Whole and with its checksum right, but its rows are not columns of files (rows of the format before).
    const table = readTable(dir);
    const rows = serialize([...table.files].map(([path, { data: _data, ...row }]) => [path, row]));
    writeFileSync(cachePath(dir), Buffer.concat([Buffer.from(`${JSON.stringify({ ...table.header, checksum: crcHex(rows), payloads: [''], chunks: [rows.length], rows: [rows.length] })}\n`), rows]));
    const reread = await WorkspaceState.load(dir);
    expect(reread.currentModel().diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'cache-discarded', message: expect.stringContaining('not a parse cache') })]));
    expect((reread.currentModel().files.get(LEARNING)?.value as { arr: number }).arr).toBe(36000);
    writeFileSync(cachePath(dir), 'not a cache at all');
    const result = await runJson<{ diagnostics: { rule: string }[]; ok: boolean }>(['check', '--dir', dir]);
    expect(result.json.diagnostics.map((d) => d.rule)).toContain('cache-discarded');
    expect(result.json.ok).toBe(true);
  });

  it('never serves values whose bytes are damaged: found when first read, the files are parsed anew and the cache is written again', async () => {
    const dir = await cachedExample();
    // Values are read when first asked for (a run reads few of them): a damaged payload is
    // found then, by its own checksum. One byte flipped in the middle of the stage files'
    // values — the marker planted in one of them must not come back, nor anything garbled.
    const bytes = Buffer.from(readFileSync(cachePath(dir)));
    const header = readTable(dir).header as { chunks: number[]; rows: number[] };
    const last = header.chunks.length - 1;
    const payloadStart = bytes.indexOf(0x0a) + 1 + header.chunks.slice(0, last).reduce((a, b) => a + b, 0) + header.rows[last]!;
    bytes[payloadStart + Math.floor((header.chunks[last]! - header.rows[last]!) / 2)]! ^= 0xff;
    writeFileSync(cachePath(dir), bytes);
    const state = await WorkspaceState.load(dir);
    const model = state.currentModel();
    expect((model.files.get(LEARNING)?.value as { arr: number }).arr).toBe(36000);
    expect(model.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'cache-discarded', severity: 'warning', message: expect.stringContaining('checksum') })]));
    // Every file of that chunk is as parsing it gives it; the table is gone, so the next run writes a whole one.
    const cold = await WorkspaceState.load(dir, { cache: false });
    for (const [path, file] of cold.currentModel().files) expect(model.files.get(path)?.value, path).toEqual(file.value);
    expect(existsSync(cachePath(dir))).toBe(false);
    await WorkspaceState.load(dir);
    expect(existsSync(cachePath(dir))).toBe(true);
    plantMarker(dir);
    const served = await WorkspaceState.load(dir);
    expect((served.currentModel().files.get(LEARNING)?.value as { arr: number }).arr).toBe(MARKER);
    expect(served.currentModel().diagnostics.map((d) => d.rule)).not.toContain('cache-discarded');
  });

  it('is rewritten by a long-lived state (a watcher stopping) only once enough files were read anew', async () => {
    const dir = exampleWorkspaceCopy();
    const state = await WorkspaceState.load(dir); // cold: writes the cache
    const written = readFileSync(cachePath(dir));
    const markdown = git(dir, 'ls-files', 'threads', 'strategy', 'goals').split('\n').filter((p) => p.endsWith('.md'));
    const edit = (path: string, change = (text: string): string => `${text}\nEdited while watched.\n`): void => {
      writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
      expect(state.update(path)).toBe('changed');
    };
    edit(LEARNING, (text) => text.replace(/^arr: 36000$/m, 'arr: 36001'));
    await state.saveParseCacheIfStale();
    expect(readFileSync(cachePath(dir)).equals(written)).toBe(true); // one edit: not worth 96 entries
    // The stale entry is never served: the next load reads the edited file.
    expect(((await WorkspaceState.load(dir)).currentModel().files.get(LEARNING)?.value as { arr: number }).arr).toBe(36001);
    for (let i = 1; i < 64; i++) edit(markdown[i % markdown.length]!); // 64 reads anew in all
    await state.saveParseCacheIfStale();
    const rewritten = readTable(dir).files;
    expect(readFileSync(cachePath(dir)).equals(written)).toBe(false);
    expect(rewritten.get(LEARNING)!.hash).toBe(createHash('sha1').update(readFileSync(join(dir, LEARNING), 'utf8')).digest('base64'));
  });

  it('is written by a transaction once, after its writes: by a sync with nothing to write, a dry run, and a sync that writes', async () => {
    for (const run of [
      (dir: string) => openWorkspace(dir).then((ws) => ws.sync()),
      (dir: string) => openWorkspace(dir).then((ws) => ws.sync({ dryRun: true })),
    ]) {
      const dir = exampleWorkspaceCopy();
      await run(dir);
      expect(readTable(dir).files.size).toBeGreaterThan(50);
    }
    // A sync that writes: the cache holds the files as written (their new hash), not as read.
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace(/^arr: 36000$/m, 'arr: 41000'));
    const result = await (await openWorkspace(dir)).sync();
    expect(result.written.length).toBeGreaterThan(0);
    const table = readTable(dir).files;
    for (const path of result.written) expect(table.get(path)?.hash, path).toBe(createHash('sha1').update(readFileSync(join(dir, path), 'utf8')).digest('base64'));
  });
});

describe('the persistent parse cache on the parse pool', () => {
  it('is served for a file whose stamp moved but whose content is the one cached, by the worker threads too', async () => {
    const dir = await cachedExample();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, LEARNING), later, later);
    // Every load from here on parses on one worker thread beside this one, however few its files.
    vi.stubEnv('THREADWORK_PARSE_WORKERS', '1');
    expect(await arrSeen(dir)).toBe(MARKER);
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('arr: 36000', 'arr: 36200'));
    expect(await arrSeen(dir)).toBe(36200);
  });
});
