import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { WorkspaceState } from '../src/engine/state.js';
import type { CachedFile } from '../src/engine/parse-cache.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

/**
 * The persistent parse cache (engine/parse-cache.ts) serves a file's parsed form only
 * while the file is the version it was parsed from. Each test plants a marker in one
 * cached file's parsed value, so it is visible whether the cache was served for it:
 * after an edit, a checkout, a rebase or with a different engine, the marker must never
 * come back.
 */
const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim();
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2100));
const LEARNING = 'threads/sales/harbor-lending/6-learning.md';
const MARKER = 777_777;

const cachePath = (dir: string): string => join(dir, '.git', 'threadwork-cache', 'parsed.v8');

function readTable(dir: string): { header: Record<string, unknown>; files: Map<string, CachedFile> } {
  const bytes = readFileSync(cachePath(dir));
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Record<string, unknown> & { chunks: number[] };
  const files = new Map<string, CachedFile>();
  let at = newline + 1;
  for (const length of header.chunks) {
    for (const [path, entry] of deserialize(bytes.subarray(at, at + length)) as [string, CachedFile][]) files.set(path, entry);
    at += length;
  }
  return { header, files };
}

/** Writes the table back as the engine does (one chunk here), its checksum recomputed: a well-formed cache. */
function writeTable(dir: string, header: Record<string, unknown>, files: Map<string, CachedFile>): void {
  const payload = serialize([...files]);
  const checksum = createHash('sha1').update(payload).digest('hex');
  writeFileSync(cachePath(dir), Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, checksum, chunks: [payload.length] })}\n`), payload]));
}

/** Sets the cached `arr` of the learning file to the marker, the entry otherwise as it was. */
function plantMarker(dir: string, header: Partial<Record<string, unknown>> = {}): void {
  const table = readTable(dir);
  const entry = table.files.get(LEARNING)!;
  expect(entry).toBeDefined();
  (entry.parsed.value as { arr: number }).arr = MARKER;
  writeTable(dir, { ...table.header, ...header }, table.files);
}

async function arrSeen(dir: string, options: { cache?: boolean } = {}): Promise<unknown> {
  const state = await WorkspaceState.load(dir, options);
  return (state.currentModel().files.get(LEARNING)?.value as { arr?: unknown } | undefined)?.arr;
}

/** The example in git, its files settled (not racy), and a parse cache written by a first cold load. */
async function cachedExample(): Promise<string> {
  const dir = exampleWorkspace();
  await settle();
  await WorkspaceState.load(dir);
  expect(existsSync(cachePath(dir))).toBe(true);
  plantMarker(dir);
  expect(await arrSeen(dir)).toBe(MARKER); // the cache is really used for an unchanged file
  return dir;
}

describe('the persistent parse cache', () => {
  it('is not served for a file after an edit', async () => {
    const dir = await cachedExample();
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('arr: 36000', 'arr: 36500'));
    expect(await arrSeen(dir)).toBe(36500);
  });

  it('is not served after a checkout', async () => {
    const dir = exampleWorkspace();
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('arr: 36000', 'arr: 38000'));
    git(dir, 'commit', '-qam', 'raise');
    await settle();
    await WorkspaceState.load(dir);
    plantMarker(dir);
    git(dir, 'checkout', '-q', 'HEAD~1', '--', LEARNING);
    expect(await arrSeen(dir)).toBe(36000);
  });

  it('is not served after a rebase', async () => {
    const dir = exampleWorkspace();
    git(dir, 'checkout', '-qb', 'topic');
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('arr: 36000', 'arr: 39000'));
    git(dir, 'commit', '-qam', 'topic change');
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('## ', '## Seen on main. '));
    git(dir, 'commit', '-qam', 'main change');
    git(dir, 'checkout', '-q', 'topic');
    await settle();
    await WorkspaceState.load(dir);
    plantMarker(dir);
    expect(await arrSeen(dir)).toBe(MARKER);
    git(dir, 'rebase', '-q', 'main');
    expect(readFileSync(join(dir, LEARNING), 'utf8')).toContain('Seen on main.');
    expect(await arrSeen(dir)).toBe(39000);
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

  it('is bypassed with cache: false and --no-cache, and never written then', async () => {
    const dir = await cachedExample();
    expect(await arrSeen(dir, { cache: false })).toBe(36000);
    const fresh = exampleWorkspace();
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
    writeFileSync(cachePath(dir), 'not a cache at all');
    const result = await runJson<{ diagnostics: { rule: string }[]; ok: boolean }>(['check', '--dir', dir]);
    expect(result.json.diagnostics.map((d) => d.rule)).toContain('cache-discarded');
    expect(result.json.ok).toBe(true);
  });

  it('is rewritten by a long-lived state (a watcher stopping) only once enough files were read anew', async () => {
    const dir = exampleWorkspace();
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
      const dir = exampleWorkspace();
      await run(dir);
      expect(readTable(dir).files.size).toBeGreaterThan(50);
    }
    // A sync that writes: the cache holds the files as written (their new hash), not as read.
    const dir = exampleWorkspace();
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace(/^arr: 36000$/m, 'arr: 41000'));
    const result = await (await openWorkspace(dir)).sync();
    expect(result.written.length).toBeGreaterThan(0);
    const table = readTable(dir).files;
    for (const path of result.written) expect(table.get(path)?.hash, path).toBe(createHash('sha1').update(readFileSync(join(dir, path), 'utf8')).digest('base64'));
  });
});
