import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  execFileSync('mkfifo', [join(dir, 'threads/sales/deal-0650/3-implication.md')]);
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
