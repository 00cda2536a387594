import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFile } from '../src/engine/cache.js';
import { fingerprint, type Fingerprint } from '../src/engine/fingerprint.js';
import { scanWorkspace } from '../src/workspace/scan.js';
import { md, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/**
 * A fingerprint lists and stats the thread folders on two threads when there are many:
 * whichever thread did which chunk, the key, the files, their order, their stamps and what
 * the scan refused must be exactly those of one thread doing it all.
 */
const FOLDERS = 700; // three chunks of 250 and a bit: both threads get several

function manyThreads(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < FOLDERS; i++) {
    const deal = `threads/sales/deal-${String(i).padStart(4, '0')}`;
    files[`${deal}/meta.json`] = dealMeta(`deal-${i}`, {});
    files[`${deal}/1-input.md`] = md(`source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo ${i}\ncompany:\n  name: Acme ${i}`);
  }
  files['threads/sales/campaigns/launch/meta.json'] = '{}';
  files['threads/sales/campaigns/launch/drafts/ada.md'] = md('to: ada@example.com');
  const dir = workspace(files);
  // What a scan refuses, deep in the folders the worker lists: a link and a FIFO.
  symlinkSync(join(tmpdir(), 'elsewhere.md'), join(dir, 'threads/sales/deal-0600/2-hypothesis.md'));
  // (A FIFO named as no file the engine reads: one named as a stage is listed, and refused by its read, as a folder is.)
  execFileSync('mkfifo', [join(dir, 'threads/sales/deal-0650/call-notes.md')]);
  mkdirSync(join(dir, 'threads/sales/deal-0690/notes'));
  // A folder where a stage file belongs: listed like the file, so a load reports it (scan.ts).
  mkdirSync(join(dir, 'threads/sales/deal-0640/2-hypothesis.md'));
  return dir;
}

function sameAs(parallel: Fingerprint, serial: Fingerprint): void {
  expect(parallel.digest).toBe(serial.digest);
  expect(parallel.scan.files).toEqual(serial.scan.files);
  expect(parallel.scan.threadDirs).toEqual(serial.scan.threadDirs);
  expect(parallel.scan.diagnostics).toEqual(serial.scan.diagnostics);
  expect(parallel.racy).toBe(serial.racy);
  // Four numbers a file, in the files' order: the same bytes.
  expect(Buffer.from(parallel.scan.stamps.bytes()).equals(Buffer.from(serial.scan.stamps.bytes()))).toBe(true);
  expect(serial.scan.stamps.bytes().byteLength).toBe(serial.scan.files.length * 32);
}

describe('fingerprint on two threads', () => {
  it('gives the key, files, stamps and refusals one thread gives, with the worker doing part of it', async () => {
    const dir = manyThreads();
    const now = Date.now();
    const serial = await fingerprint(dir, { now, parallelFrom: Number.POSITIVE_INFINITY });
    const parallel = await fingerprint(dir, { now, parallelFrom: 0, workerFirst: true });
    expect(serial.byWorker).toBe(0);
    expect(parallel.byWorker).toBeGreaterThan(0);
    sameAs(parallel, serial);
    // …and what the scan itself lists, in its order.
    const scan = scanWorkspace(dir);
    expect(serial.scan.files).toEqual(scan.files);
    expect(serial.scan.diagnostics.map((d) => [d.path, d.rule])).toEqual(scan.diagnostics.map((d) => [d.path, d.rule]));
    expect(serial.scan.diagnostics.map((d) => d.rule).sort()).toEqual(['path-refused', 'special-file']);
    expect(serial.scan.files).toContain('threads/sales/campaigns/launch/drafts/ada.md');
    expect(serial.scan.files).toContain('threads/sales/deal-0640/2-hypothesis.md');
    expect(serial.scan.files.filter((f) => f.includes('/notes'))).toEqual([]);
  });

  it('moves with an edit in a folder the worker lists', async () => {
    const dir = manyThreads();
    const now = Date.now() + 10_000;
    const before = await fingerprint(dir, { now, parallelFrom: 0, workerFirst: true });
    writeFiles(dir, { 'threads/sales/deal-0699/1-input.md': md('source: inbound\ndate: 2026-03-02\nsignal: Changed\ncompany:\n  name: Acme') });
    const after = await fingerprint(dir, { now, parallelFrom: 0, workerFirst: true });
    expect(after.digest).not.toBe(before.digest);
    writeFileSync(join(dir, 'threads/sales/deal-0698/5-actions.md'), md('actions: []'));
    const added = await fingerprint(dir, { now, parallelFrom: 0 });
    expect(added.files).toBe(after.files + 1);
  });

  it('does every chunk itself when the worker fails, with the same outcome', async () => {
    const dir = manyThreads();
    const now = Date.now();
    const failing = new URL('data:text/javascript,throw new Error("no worker today")');
    const serial = await fingerprint(dir, { now, parallelFrom: Number.POSITIVE_INFINITY });
    const alone = await fingerprint(dir, { now, parallelFrom: 0, workerUrl: failing, workerFirst: true });
    expect(alone.byWorker).toBe(0);
    sameAs(alone, serial);
  });
});

/**
 * A fingerprint lists a thread folder only when it changed since it was last listed
 * (workspace/folder-listings.ts): what it serves from the remembered listings must be
 * exactly what listing every folder gives, after any change a person or a tool makes.
 */
describe('remembered folder listings', () => {
  /** Blocks until the clock has moved on, so a change gets a later timestamp than the listing's. */
  const nextTick = (): void => {
    const until = Date.now() + 25;
    while (Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  };
  /** Old enough to remember: the racy window (2 s) lies before the folders were written. */
  const later = (): number => Date.now() + 10_000;

  async function sameAsListingAll(dir: string, now: number): Promise<Fingerprint> {
    const served = await fingerprint(dir, { now, parallelFrom: 0 });
    const listed = await fingerprint(dir, { now, parallelFrom: 0, rememberListings: false });
    expect(listed.listingsServed).toBe(0);
    sameAs(served, listed);
    expect(served.scan.files).toEqual(scanWorkspace(dir).files);
    return served;
  }

  it('serves every unchanged folder from memory, with the key and files listing them gives', async () => {
    const dir = manyThreads();
    const first = await fingerprint(dir, { now: later(), parallelFrom: 0 });
    expect(first.listingsServed).toBe(0);
    const second = await sameAsListingAll(dir, later());
    // Every thread folder and the campaign's drafts/ — but the two holding a link or a FIFO, listed each time so that each is reported.
    expect(second.listingsServed).toBe(FOLDERS + 2 - 2);
    expect(second.scan.diagnostics.map((d) => d.rule).sort()).toEqual(['path-refused', 'special-file']);
  });

  it('lists again each folder where a file was added, deleted or renamed, or that was replaced', async () => {
    const dir = manyThreads();
    await fingerprint(dir, { now: later(), parallelFrom: 0 });
    nextTick();
    const deal = (i: number): string => join(dir, `threads/sales/deal-${String(i).padStart(4, '0')}`);
    writeFileSync(join(deal(10), '2-hypothesis.md'), md('tests: []'));
    rmSync(join(deal(20), '1-input.md'));
    renameSync(join(deal(30), '1-input.md'), join(deal(30), '6-learning.md'));
    rmSync(deal(40), { recursive: true });
    mkdirSync(deal(40));
    writeFileSync(join(deal(40), '3-implication.md'), md('impact: none'));
    writeFileSync(join(dir, 'threads/sales/campaigns/launch/drafts/bob.md'), md('to: bob@example.com'));
    // A file that became a folder, and a folder that became a file.
    rmSync(join(deal(50), '1-input.md'));
    mkdirSync(join(deal(50), '1-input.md'));
    rmSync(join(dir, 'threads/sales/deal-0690/notes'), { recursive: true });
    writeFileSync(join(dir, 'threads/sales/deal-0690/notes'), 'now a file');
    const after = await sameAsListingAll(dir, later());
    expect(after.scan.files).toContain('threads/sales/deal-0010/2-hypothesis.md');
    expect(after.scan.files).not.toContain('threads/sales/deal-0020/1-input.md');
    expect(after.scan.files).toContain('threads/sales/deal-0030/6-learning.md');
    expect(after.scan.files.filter((f) => f.startsWith('threads/sales/deal-0040/'))).toEqual(['threads/sales/deal-0040/3-implication.md']);
    expect(after.scan.files).toContain('threads/sales/campaigns/launch/drafts/bob.md');
    expect(after.scan.files).toContain('threads/sales/deal-0050/1-input.md');
    // The seven changed folders (deal-0690's included) and the two never remembered were listed; the rest were not.
    expect(after.listingsServed).toBe(FOLDERS + 2 - 2 - 7);
  });

  it('never remembers a folder holding a name with a line break, which its stored form could not hold', async () => {
    const dir = manyThreads();
    writeFileSync(join(dir, 'threads/sales/deal-0007/notes\n2-hypothesis.md'), 'a note');
    await fingerprint(dir, { now: later(), parallelFrom: 0 });
    const second = await sameAsListingAll(dir, later());
    expect(second.listingsServed).toBe(FOLDERS + 2 - 2 - 1);
  });

  it('never remembers a folder changed within the racy window', async () => {
    const dir = manyThreads();
    await fingerprint(dir, { parallelFrom: 0 });
    const second = await fingerprint(dir, { parallelFrom: 0 });
    expect(second.listingsServed).toBe(0);
  });

  it('discards a damaged store of listings with a warning, and lists every folder', async () => {
    const dir = manyThreads();
    await fingerprint(dir, { now: later(), parallelFrom: 0 });
    const file = await cacheFile(dir, 'folder-listings', 'v8');
    writeFileSync(file, readFileSync(file).subarray(0, statSync(file).size - 100));
    const damaged = await fingerprint(dir, { now: later(), parallelFrom: 0 });
    expect(damaged.listingsServed).toBe(0);
    expect(damaged.scan.diagnostics.filter((d) => d.rule === 'cache-discarded')).toHaveLength(1);
    expect(damaged.scan.files).toEqual(scanWorkspace(dir).files);
    // Stored anew: the next fingerprint serves from it again.
    expect((await fingerprint(dir, { now: later(), parallelFrom: 0 })).listingsServed).toBeGreaterThan(0);
  });

  it('stores nothing when told not to remember', async () => {
    const dir = manyThreads();
    await fingerprint(dir, { now: later(), parallelFrom: 0, rememberListings: false });
    expect(existsSync(await cacheFile(dir, 'folder-listings', 'v8'))).toBe(false);
  });
});
