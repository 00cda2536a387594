import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderWatcher } from '../src/workspace/folder-watcher.js';
import { ListingMemo } from '../src/workspace/folder-listings.js';
import { fingerprint } from '../src/engine/fingerprint.js';
import { readListingsCache } from '../src/engine/listings-cache.js';
import { waitFor } from './helpers/watch.js';
import { testdir, writeFiles } from './helpers/testdir.js';

/** The watcher's own bookkeeping, on real folders and real fs.watch events. */
describe('FolderWatcher', () => {
  let watcher: FolderWatcher | undefined;
  afterEach(() => watcher?.close());

  function start(dir: string): { paths: string[]; gone: string[] } {
    const seen = { paths: [] as string[], gone: [] as string[] };
    watcher = new FolderWatcher(dir, () => true, { path: (rel) => seen.paths.push(rel), folderGone: (rel) => seen.gone.push(rel), error: (error) => { throw error; } });
    watcher.start();
    return seen;
  }

  it('a removed folder takes the watches of every folder under it, and only those', async () => {
    const dir = testdir({ 'a/b/c/one.md': '1\n', 'a/b2/two.md': '2\n', 'ab/three.md': '3\n', 'a-side/four.md': '4\n' });
    const seen = start(dir);
    expect(watcher!.folders).toBe(7); // root, a, a/b, a/b/c, a/b2, ab, a-side
    rmSync(join(dir, 'a'), { recursive: true });
    await waitFor(() => seen.gone.includes('a'), 'the folder a to be reported gone', () => JSON.stringify(seen));
    await waitFor(() => watcher!.folders === 3, 'the watches under a to be dropped', () => `${watcher!.folders} folders`);
    // Folders beside it with the same prefix are still watched: a change there is reported.
    writeFileSync(join(dir, 'ab/three.md'), '3 again\n');
    writeFileSync(join(dir, 'a-side/four.md'), '4 again\n');
    await waitFor(() => seen.paths.includes('ab/three.md') && seen.paths.includes('a-side/four.md'), 'the changes beside it', () => JSON.stringify(seen));
  });

  it('a folder moved away takes its watches along, and one made again under its name is watched all the way down', async () => {
    const dir = testdir({ 'a/b/one.md': '1\n' });
    const seen = start(dir);
    renameSync(join(dir, 'a'), join(dir, 'moved'));
    await waitFor(() => seen.gone.includes('a'), 'the folder a to be reported gone', () => JSON.stringify(seen));
    // A folder moved away keeps its inotify watches: the one on a/b must be closed with a,
    // or a save in moved/b is also reported as a/b/one.md, a file that is not there.
    const since = seen.paths.length;
    writeFileSync(join(dir, 'moved/b/one.md'), '1 moved\n');
    await waitFor(() => seen.paths.includes('moved/b/one.md'), 'the save in the moved folder', () => JSON.stringify(seen));
    writeFileSync(join(dir, 'sentinel.md'), 'after\n');
    await waitFor(() => seen.paths.includes('sentinel.md'), 'the sentinel', () => JSON.stringify(seen));
    expect(seen.paths.slice(since).filter((p) => p.startsWith('a/'))).toEqual([]);
    mkdirSync(join(dir, 'a/b/c'), { recursive: true });
    await waitFor(() => watcher!.folders === 6, 'a, a/b, a/b/c beside moved and moved/b to be watched', () => `${watcher!.folders} folders`);
    writeFiles(dir, { 'a/b/c/new.md': 'new\n' });
    await waitFor(() => seen.paths.includes('a/b/c/new.md'), 'the file in the folder made again', () => JSON.stringify(seen));
    // A changed file is no folder: nothing is forgotten.
    writeFileSync(join(dir, 'moved/b/one.md'), '1 again\n');
    await waitFor(() => seen.paths.includes('moved/b/one.md'), 'the change in the moved folder', () => JSON.stringify(seen));
    expect(watcher!.folders).toBe(6);
  });

  it('lists the folders it starts on through remembered listings, and a folder changed since afresh: every folder watched', async () => {
    const dir = testdir({
      'threads/sales/acme/meta.json': '{}\n',
      'threads/sales/acme/1-input.md': 'a\n',
      'threads/sales/brightcart/meta.json': '{}\n',
      'threads/sales/brightcart/notes/call.md': 'n\n',
    });
    // A fingerprint remembers the deal folders' listings (old enough: its clock is ahead of the racy window).
    await fingerprint(dir, { now: Date.now() + 10_000, parallelFrom: 0 });
    const { remembered } = await readListingsCache(dir);
    expect(remembered?.folders.sort()).toEqual(['threads/sales/acme', 'threads/sales/brightcart']);
    // Made since: acme's folder moved on, its remembered listing lacks the new folder.
    mkdirSync(join(dir, 'threads/sales/acme/attachments'));
    const memo = new ListingMemo(dir, Date.now(), remembered);
    const seen = { paths: [] as string[] };
    watcher = new FolderWatcher(dir, () => true, { path: (rel) => seen.paths.push(rel), folderGone: () => undefined, error: (error) => { throw error; } });
    watcher.start((rel) => memo.list(rel));
    // brightcart served from memory (one lstat), acme listed again.
    expect(memo.served.map((at) => remembered!.folders[at])).toEqual(['threads/sales/brightcart']);
    expect(watcher.folders).toBe(7); // root, threads, sales, acme, acme/attachments, brightcart, brightcart/notes
    writeFiles(dir, { 'threads/sales/brightcart/notes/call.md': 'n2\n', 'threads/sales/acme/attachments/deck.md': 'd\n' });
    await waitFor(() => seen.paths.includes('threads/sales/brightcart/notes/call.md') && seen.paths.includes('threads/sales/acme/attachments/deck.md'), 'events in both subfolders', () => JSON.stringify(seen));
  });
});
