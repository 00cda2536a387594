import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { IncrementalDerivation } from '../src/derive/incremental.js';
import { readFactsTable, writeFactsTable } from '../src/engine/facts-table.js';
import { seededDerivation } from '../src/engine/facts-cache.js';
import { DERIVED_META_FIELDS } from '../src/schema/meta.js';
import { WorkspaceState } from '../src/engine/state.js';
import { exampleWorkspace } from './helpers/example.js';
import { testdir } from './helpers/testdir.js';
import { writeTableChunks } from '../src/engine/chunked-table.js';

/**
 * The persistent facts cache (engine/facts-cache.ts) hands a cold run a thread's derived
 * facts only while the thread's files and the scoring context are those they were
 * computed from. Each test plants a marker in one thread's cached facts (its ICP score)
 * and looks at what a dry-run sync would write: the marker shows when the cache was
 * served, and must not after an edit of the thread, of the context, or for another engine.
 */
const DEAL = 'threads/sales/harbor-lending';
const MARKER = 0.123;
const cachePath = (dir: string): string => join(dir, '.git', 'threadwork-cache', 'facts.v8');

function plantMarker(dir: string): void {
  const { entries } = readFactsTable(cachePath(dir));
  const entry = entries!.get(DEAL)!;
  expect(entry).toBeDefined();
  entry.facts = { ...entry.facts, icpMatchScore: MARKER };
  writeFactsTable(cachePath(dir), entries!);
}

/** The ICP score a dry-run sync would write into the deal's meta.json (its current one when it would write nothing). */
async function icpWritten(dir: string): Promise<unknown> {
  const result = await (await openWorkspace(dir)).sync({ dryRun: true });
  const moved = result.changes.filter((c) => c.subject === DEAL).map((c) => /icp_match_score \S+ → ([\d.]+)/.exec(c.description)?.[1]).find(Boolean);
  if (moved) return Number(moved);
  return (JSON.parse(readFileSync(join(dir, DEAL, 'meta.json'), 'utf8')) as { icp_match_score: number }).icp_match_score;
}

async function cachedExample(): Promise<string> {
  const dir = exampleWorkspace();
  await (await openWorkspace(dir)).sync({ dryRun: false });
  expect(existsSync(cachePath(dir))).toBe(true);
  plantMarker(dir);
  expect(await icpWritten(dir)).toBe(MARKER); // served while nothing changed
  return dir;
}

describe('the persistent facts cache', () => {
  it('is not served for a thread once one of its files changed', async () => {
    const dir = await cachedExample();
    const file = join(dir, DEAL, '1-input.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA note.\n`);
    expect(await icpWritten(dir)).not.toBe(MARKER);
  });

  it('is not served once the scoring context changed (a segment edited)', async () => {
    const dir = await cachedExample();
    const file = join(dir, 'strategy/canvas/04-segments.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('mid-market-fintech', 'mid-market-fintech').replace(/^(\s*name: .*)$/m, '$1 (edited)'));
    expect(readFileSync(file, 'utf8')).toContain('(edited)');
    expect(await icpWritten(dir)).not.toBe(MARKER);
  });

  it('is not served to another engine, and a damaged cache is discarded with a warning', async () => {
    const dir = await cachedExample();
    const bytes = readFileSync(cachePath(dir));
    const newline = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Record<string, unknown>;
    writeFileSync(cachePath(dir), Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, engine: 'another-engine' })}\n`), bytes.subarray(newline + 1)]));
    expect(await icpWritten(dir)).not.toBe(MARKER);
    writeFileSync(cachePath(dir), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await (await openWorkspace(dir)).sync({ dryRun: true });
    expect(result.diagnostics.map((d) => d.rule)).toContain('cache-discarded');
  });

  it("after a sync rewrote meta.json, keeps each thread's facts under its new files: the next run derives nothing anew", async () => {
    const dir = exampleWorkspace();
    // A workspace never synced: every deal's derived fields are missing.
    const deals = readdirSync(join(dir, 'threads/sales')).filter((name) => existsSync(join(dir, 'threads/sales', name, 'meta.json')));
    for (const deal of deals) {
      const file = join(dir, 'threads/sales', deal, 'meta.json');
      const { id, type, title, segment, goal_id, subgoal, source, created } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      writeFileSync(file, `${JSON.stringify({ id, type, title, segment, goal_id, subgoal, source, created }, null, 2)}\n`);
    }
    const sync = await (await openWorkspace(dir)).sync();
    expect(sync.written.filter((p) => p.endsWith('/meta.json')).length).toBeGreaterThanOrEqual(deals.length);
    // What the sync wrote into meta.json is the derived block alone (what a warm derivation relies on to keep the facts).
    for (const deal of deals) {
      const written = Object.keys(JSON.parse(readFileSync(join(dir, 'threads/sales', deal, 'meta.json'), 'utf8')) as Record<string, unknown>);
      expect(written.filter((key) => !['id', 'type', 'title', 'segment', 'goal_id', 'subgoal', 'source', 'created'].includes(key) && !DERIVED_META_FIELDS.has(key)), deal).toEqual([]);
    }

    const state = await WorkspaceState.load(dir);
    const { derivation } = await seededDerivation(state);
    const served = derivation.derive(state.derivationModel());
    expect(derivation.recomputed).toBe(0);
    // What was served is what deriving the files as written gives.
    const fresh = new IncrementalDerivation().derive(state.derivationModel());
    expect(served.threads).toEqual(fresh.threads);
    // The cache keeps no meta.json of its own: each served thread has the state's, the very object.
    const { entries } = readFactsTable(cachePath(dir));
    expect([...entries!.values()].filter((entry) => entry.facts.meta !== undefined)).toEqual([]);
    const model = state.derivationModel();
    for (const facts of served.threads) expect(facts.meta).toBe(model.threads.get(facts.path)?.meta?.value);
  });
});

describe('the facts table', () => {
  it('reads back what it wrote, and discards a table whose chunks are not its columns', async () => {
    const dir = exampleWorkspace();
    const file = join(testdir(), 'facts.v8');
    const facts = new IncrementalDerivation().derive((await WorkspaceState.load(dir, { cache: false })).derivationModel()).threads;
    expect(facts.length).toBeGreaterThan(3);
    const entries = new Map(facts.map((f) => [f.path, { key: `key of ${f.path}`, facts: { ...f, meta: undefined } }] as const));
    writeFactsTable(file, entries);
    expect(readFactsTable(file).entries).toEqual(entries);
    // Well-formed as a table (its checksum holds), but rows, not columns: never trusted.
    writeTableChunks(file, [{ rows: [['threads/sales/a', { key: 'k', facts: {} }]] }]);
    expect(readFactsTable(file)).toEqual({ damaged: 'its content is not a facts cache' });
  });
});
