import { cacheEnabled, fingerprint, readCache, writeCache } from '../engine/cache.js';
import { hasJournal } from '../engine/journal.js';
import { runTransaction, SYNC_ONLY, type SyncResult, type TransactionOptions } from '../engine/transaction.js';
import { headCommit } from '../git/head-files.js';

export type { SyncResult };
export type SyncOptions = Pick<TransactionOptions, 'dryRun' | 'commit' | 'state' | 'derivation'> & {
  /** false: no persistent cache (`--no-cache`); see engine/cache.ts. */
  cache?: boolean | undefined;
};

/**
 * One sync: read every source, derive, write what differs, commit it — a transaction
 * that proposes no file of its own. The second run finds nothing to write and commits
 * nothing: that is the fixed point. A workspace already at its fixed point is recognised
 * from the persistent cache without reading a file: its fingerprint (every file's size,
 * times and inode), `HEAD` and the engine are those of the last sync that found nothing
 * to do.
 */
export async function runSync(root: string, options: SyncOptions = {}): Promise<SyncResult> {
  const cached = !options.dryRun && !options.state && cacheEnabled(options.cache) ? await fixedPointKey(root) : undefined;
  if (cached) {
    const hit = await readCache<SyncResult>(root, 'sync', cached.key);
    if (hit.value) return hit.value;
    const { sync } = await runTransaction(root, () => SYNC_ONLY, options);
    const result = sync!;
    if (hit.warning) result.diagnostics.push(hit.warning);
    const nothingDone = result.written.length === 0 && result.edits.length === 0 && !result.commit?.committed;
    if (nothingDone && !cached.racy && !hit.warning) await writeCache(root, 'sync', cached.key, result);
    return result;
  }
  const { sync } = await runTransaction(root, () => SYNC_ONLY, options);
  return sync!;
}

/** What a sync at the fixed point is keyed by; undefined while an interrupted transaction waits to be finished. */
async function fixedPointKey(root: string): Promise<{ key: string; racy: boolean } | undefined> {
  if (await hasJournal(root)) return undefined;
  const print = fingerprint(root);
  return { key: `${print.digest}:${(await headCommit(root)) ?? 'no-commit'}`, racy: print.racy };
}
