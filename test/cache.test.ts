import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { fingerprint } from '../src/engine/fingerprint.js';
import { runJson } from './helpers/cli.js';
import { settledClock } from './helpers/clock.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

/**
 * The persistent cache serves a result only when nothing it was computed from can have
 * changed. Each test plants a recognisable fake result in the cache, so that it is
 * visible whether the cache was served: after an edit, a checkout, a rebase or with a
 * different engine, the fake must never come back.
 */
const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim();

/**
 * Files modified in the last two seconds are too fresh to key a cache on. This file does not
 * wait them out: its clock runs two seconds ahead (settledClock), so every file a test wrote
 * is settled by the check or sync that writes the cache, as after a real 2.1 s wait.
 */
beforeAll(() => settledClock());

function entryPath(dir: string, name: string): string {
  return join(dir, '.git', 'threadwork-cache', `${name}.json`);
}

interface StoredEntry {
  key: string;
  /** A sync's result; a check's result with the hashes of its too-fresh files. */
  value: { diagnostics: unknown[] } | { result: { diagnostics: unknown[] }; racy: [string, string][] };
}

/** Rewrites an entry's value, keeping the entry well-formed (its checksum recomputed). */
function editEntry(dir: string, name: string, edit: (stored: StoredEntry) => void): void {
  const stored = JSON.parse(readFileSync(entryPath(dir, name), 'utf8')) as StoredEntry;
  edit(stored);
  const checksum = createHash('sha1').update(JSON.stringify(stored.value)).digest('hex');
  writeFileSync(entryPath(dir, name), JSON.stringify({ ...stored, checksum }));
}

/** Replaces the cached result with a marker. */
function plantMarker(dir: string, name: string, key?: string): void {
  const marker = [{ path: 'MARKER', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', message: 'served from the cache', rule: 'schema' }];
  editEntry(dir, name, (stored) => {
    if ('result' in stored.value) stored.value.result = { ...stored.value.result, diagnostics: marker };
    else stored.value = { ...stored.value, diagnostics: marker };
    if (key) stored.key = key;
  });
}

const racyOf = (dir: string, name = 'check'): [string, string][] => {
  const stored = JSON.parse(readFileSync(entryPath(dir, name), 'utf8')) as StoredEntry;
  return 'racy' in stored.value ? stored.value.racy : [];
};

const served = (result: { diagnostics: { path: string }[] }): boolean => result.diagnostics.some((d) => d.path === 'MARKER');

async function cachedExample(): Promise<string> {
  const dir = exampleWorkspaceCopy();
  const ws = await openWorkspace(dir);
  await ws.check();
  expect(existsSync(entryPath(dir, 'check'))).toBe(true);
  plantMarker(dir, 'check');
  expect(served(await ws.check())).toBe(true); // the cache is really used when nothing changed
  return dir;
}

/*
 * Speed: most of this file's time is waiting — a 2.1 s settle per test, one test after
 * another. The example is prepared once per file and copied (one git process a copy), and
 * the tests, each on a folder of its own with nothing shared but that prepared copy, run
 * concurrently: their git processes overlap instead of adding up. The settles are gone
 * (settledClock, above); test/module-loading.test.ts still waits for the real clock.
 */
describe.concurrent('the persistent cache', () => {
  it('is not served after an edit, and check sees the edit', async () => {
    const dir = await cachedExample();
    const file = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('arr: 36000', 'arr: "lots"'));
    const result = await (await openWorkspace(dir)).check();
    expect(served(result)).toBe(false);
    expect(result.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'threads/sales/harbor-lending/6-learning.md', rule: 'schema' })]));
  });

  it('is not served after a checkout', async () => {
    const dir = await cachedExample();
    const file = 'threads/sales/harbor-lending/6-learning.md';
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace('arr: 36000', 'arr: 38000'));
    git(dir, 'commit', '-qam', 'raise');
    const ws = await openWorkspace(dir);
    await ws.check();
    plantMarker(dir, 'check');
    git(dir, 'checkout', '-q', 'HEAD~1', '--', file);
    expect(served(await ws.check())).toBe(false);
  });

  it('is not served after a rebase', async () => {
    const dir = await cachedExample();
    git(dir, 'checkout', '-qb', 'topic');
    const file = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('arr: 36000', 'arr: 39000'));
    git(dir, 'commit', '-qam', 'topic change');
    git(dir, 'checkout', '-q', 'main');
    const canvas = join(dir, 'strategy/canvas/01-context.md');
    writeFileSync(canvas, `${readFileSync(canvas, 'utf8')}\nA line on main.\n`);
    git(dir, 'commit', '-qam', 'main change');
    git(dir, 'checkout', '-q', 'topic');
    const ws = await openWorkspace(dir);
    await ws.check();
    plantMarker(dir, 'check');
    git(dir, 'rebase', '-q', 'main');
    expect(readFileSync(canvas, 'utf8')).toContain('A line on main.');
    expect(served(await ws.check())).toBe(false);
  });

  it('is not served to a different engine: the key holds the engine it was written by', async () => {
    const dir = exampleWorkspaceCopy();
    const ws = await openWorkspace(dir);
    await ws.check();
    // The same files, keyed by another engine (an upgrade, a rebuild): never served to this one.
    plantMarker(dir, 'check', (await fingerprint(dir, { engine: 'another-engine' })).digest);
    expect(served(await ws.check())).toBe(false);
    expect((await fingerprint(dir, { engine: 'another-engine' })).digest).not.toBe((await fingerprint(dir)).digest);
  });

  it('discards a damaged entry with a warning and computes the result anew; --no-cache never reads it', async () => {
    const dir = await cachedExample();
    expect(served(await (await openWorkspace(dir)).check({ cache: false }))).toBe(false);
    writeFileSync(entryPath(dir, 'check'), readFileSync(entryPath(dir, 'check'), 'utf8').slice(0, 200)); // truncated
    const result = await runJson<{ diagnostics: { rule: string }[]; ok: boolean }>(['check', '--dir', dir]);
    expect(result.json.diagnostics.map((d) => d.rule)).toContain('cache-discarded');
    expect(result.json.ok).toBe(true);
    expect(result.code).toBe(0);
  });

  it('stores a check of files saved a moment ago with their content, served while they hold it', async () => {
    const dir = exampleWorkspaceCopy();
    const file = 'threads/sales/harbor-lending/6-learning.md';
    writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}\nA note saved just now.\n`);
    // Its mtime a little ahead, so that it is still this fresh when the check runs on a slow machine.
    const ahead = new Date(Date.now() + 30_000);
    utimesSync(join(dir, file), ahead, ahead);
    // Within two seconds of that save: its timestamps alone cannot tell a second save in the same tick.
    const ws = await openWorkspace(dir);
    await ws.check();
    expect(racyOf(dir).map(([path]) => path)).toEqual([file]);
    plantMarker(dir, 'check');
    expect(served(await ws.check())).toBe(true);
    // Had the file been saved again with the same size in the same tick (the stamp alike), its content tells.
    editEntry(dir, 'check', (stored) => {
      if ('racy' in stored.value) stored.value.racy = [[file, 'the hash of another text']];
    });
    expect(served(await ws.check())).toBe(false);
  });

  it('stores a fixed point found a moment after a save with the fresh file\'s content', async () => {
    const dir = exampleWorkspaceCopy();
    const file = 'threads/sales/harbor-lending/1-input.md';
    writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}\nA note saved just now.\n`);
    git(dir, 'commit', '-qam', 'a note');
    const ahead = new Date(Date.now() + 30_000);
    utimesSync(join(dir, file), ahead, ahead);
    const ws = await openWorkspace(dir);
    await ws.check(); // caches kept already: a first sync with none takes no fingerprint to key a fixed point on (see below)
    expect((await ws.sync()).written).toEqual([]);
    expect(racyOf(dir, 'sync').map(([path]) => path)).toEqual([file]);
    plantMarker(dir, 'sync');
    expect(served(await ws.sync())).toBe(true);
    editEntry(dir, 'sync', (stored) => {
      if ('racy' in stored.value) stored.value.racy = stored.value.racy.map(([path]) => [path, 'the hash of another text']);
    });
    expect(served(await ws.sync())).toBe(false);
  });

  it('takes no fingerprint at the first sync of a checkout with nothing cached, and keys the fixed point from the next', async () => {
    const dir = exampleWorkspaceCopy();
    rmSync(join(dir, '.git', 'threadwork-cache'), { recursive: true, force: true });
    const ws = await openWorkspace(dir);
    expect((await ws.sync()).written).toEqual([]);
    // The load read every file and wrote the parse cache; no fingerprint listed or stamped them (its listings are not kept), no fixed point was stored under one.
    expect(existsSync(join(dir, '.git', 'threadwork-cache', 'parsed.v8'))).toBe(true);
    expect(existsSync(join(dir, '.git', 'threadwork-cache', 'folder-listings.v8'))).toBe(false);
    expect(existsSync(entryPath(dir, 'sync'))).toBe(false);
    expect((await ws.sync()).written).toEqual([]);
    expect(existsSync(join(dir, '.git', 'threadwork-cache', 'folder-listings.v8'))).toBe(true);
    plantMarker(dir, 'sync');
    expect(served(await ws.sync())).toBe(true);
  });

  it('recognises a workspace at its fixed point, and not once HEAD moved', async () => {
    const dir = exampleWorkspaceCopy();
    const ws = await openWorkspace(dir);
    await ws.check(); // caches kept already: a first sync with none takes no fingerprint to key a fixed point on (see above)
    expect((await ws.sync()).written).toEqual([]);
    plantMarker(dir, 'sync');
    expect(served(await ws.sync())).toBe(true);
    // A commit of someone else's that changes no file the engine reads still moves HEAD.
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'empty');
    expect(served(await ws.sync())).toBe(false);
  });
});
