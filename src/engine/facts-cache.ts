import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { IncrementalDerivation } from '../derive/incremental.js';
import { cacheFile, relativeToGit } from './cache.js';
import { StringInterner } from './intern.js';
import { readFactsTable, writeFactsTable } from './facts-table.js';
import type { WorkspaceState } from './state.js';

/**
 * The persistent facts cache: each thread's derived facts (stage, status, scores, the
 * figures it adds to the aggregates), in `threadwork-cache/facts.v8`, so that a sync
 * after one edit and a watcher starting derive only the threads that changed instead of
 * all of them (~3 s at 10,000 deals).
 *
 * Never stale: a thread's facts are a pure function of its files and of the scoring
 * context (config, segments, metric targets, ICP files). An entry is keyed by the content
 * hashes of the thread's files as derivation sees them and by a hash of that context, and
 * is used only when both are what they are now; a thread with a file held at an earlier
 * version (a broken file) is never keyed. Another engine's cache is ignored (its
 * identity is in the header); a damaged one is discarded with `cache-discarded`.
 */
const NAME = 'facts';

/** A derivation seeded with the cached facts of this workspace, and the warning of a damaged cache. */
export async function seededDerivation(state: WorkspaceState): Promise<{ derivation: IncrementalDerivation; fresh: boolean; warning?: Diagnostic }> {
  const file = await cacheFile(state.root, NAME, 'v8');
  const interner = state.longLived ? new StringInterner() : undefined;
  const { entries, damaged } = readFactsTable(file, interner ? (value) => interner.intern(value) : undefined);
  const derivation = new IncrementalDerivation({ threadKey: (thread) => state.threadKey(thread), cached: entries ?? new Map() });
  // No usable cache yet: the first run writes one, whatever the workspace's size.
  if (!damaged) return { derivation, fresh: entries === undefined };
  return { derivation, fresh: true, warning: diagnostic(relativeToGit(file), START, 'warning', 'cache-discarded', `Discarded a damaged facts cache (${damaged}): every thread was derived anew`) };
}

/** From this many threads derived anew (or 2% of them), the cache is written again. */
const REWRITE_MIN = 64;

/** Writes the derivation's facts when enough of them were computed anew to be worth keeping. */
export async function saveFacts(root: string, derivation: IncrementalDerivation, threads: number, force = false): Promise<void> {
  if (!force && derivation.recomputed < Math.max(REWRITE_MIN, threads * 0.02)) return;
  writeFactsTable(await cacheFile(root, NAME, 'v8'), derivation.cacheEntries());
  derivation.recomputed = 0;
}
