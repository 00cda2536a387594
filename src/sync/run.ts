import type { Diagnostic } from '../diagnostics.js';
import { cacheEnabled, readCache, writeCache } from '../engine/cache.js';
import { hasJournal } from '../engine/journal.js';
import { runTransaction, SYNC_ONLY, type SyncResult, type TransactionOptions } from '../engine/transaction.js';

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
  if (options.dryRun || options.state || !cacheEnabled(options.cache)) return (await runTransaction(root, () => SYNC_ONLY, options)).sync!;
  // Keyed under the lock: a fingerprint taken while another process writes never names a fixed point.
  let key: { key: string; racy: boolean } | undefined;
  let warning: Diagnostic | undefined;
  const { sync } = await runTransaction(root, () => SYNC_ONLY, {
    ...options,
    atFixedPoint: async (print, head) => {
      if (await hasJournal(root)) return undefined; // an interrupted transaction waits to be finished
      key = { key: `${print.digest}:${head ?? 'no-commit'}`, racy: print.racy };
      const hit = await readCache<SyncResult>(root, 'sync', key.key);
      warning = hit.warning;
      return hit.value;
    },
  });
  const result = sync!;
  if (warning) result.diagnostics.push(warning);
  const nothingDone = result.written.length === 0 && result.edits.length === 0 && !result.commit?.committed;
  if (key && nothingDone && !key.racy && !warning) await writeCache(root, 'sync', key.key, result);
  return result;
}
