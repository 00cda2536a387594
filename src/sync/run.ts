import { today } from '../clock.js';
import type { Diagnostic } from '../diagnostics.js';
import { cacheEnabled, nothingCachedYet, readCache, writeCache } from '../engine/cache.js';
import { racyAsRead, stillAsRead, type RacyFiles } from '../engine/stored-check.js';
import type { WorkspaceState } from '../engine/state.js';
import { fingerprint } from '../engine/fingerprint.js';
import { hasJournal } from '../engine/journal.js';
import type { SyncResult, TransactionOptions } from '../engine/transaction.js';
import { headCommit } from '../git/head-files.js';
import { PhaseTimer } from '../timing.js';
import { withWorkspaceLock } from '../workspace/lock.js';

export type { SyncResult };

/** A fixed point as stored: the sync's result, and the text (hash) of each file too fresh to trust its times (stored-check.ts). */
interface StoredSync {
  result: SyncResult;
  racy: RacyFiles;
}
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
 *
 * The engine (engine/transaction.ts and the ~200 modules it imports: 0.3 s to load in a
 * fresh process, as long as the fixed point's whole lookup at 10,000 deals) is loaded
 * only when that lookup misses, so `threadwork sync` on a workspace at rest costs what
 * `threadwork check` does.
 */
export async function runSync(root: string, options: SyncOptions = {}): Promise<SyncResult> {
  if (options.dryRun || options.state || !cacheEnabled(options.cache)) {
    const { runTransaction, proposeSync } = await import('../engine/transaction.js');
    return (await runTransaction(root, proposeSync, options)).sync!;
  }
  // Keyed under the lock: a fingerprint taken while another process writes never names a fixed point.
  return withWorkspaceLock(root, async (lock) => {
    if (await nothingCachedYet(root)) {
      // No fixed point can be stored yet, nor a parse cache read: a plain load (cache.ts).
      const { runLockedTransaction, proposeSync } = await import('../engine/transaction.js');
      return (await runLockedTransaction(root, lock, proposeSync, options)).sync!;
    }
    const timer = new PhaseTimer();
    // HEAD is asked while the heap is small (a spawn from a 300 MB process costs the main thread 5 ms).
    const reading = headCommit(root);
    const print = await fingerprint(root);
    const head = await reading;
    // Today is in the key: a sync's result depends on it (the goals' as-of date never passes it; date-in-future).
    const key = `${print.digest}:${head ?? 'no-commit'}:${today()}`;
    let warning: Diagnostic | undefined;
    // An interrupted transaction waits to be finished: no stored result stands for it.
    const interrupted = await hasJournal(root);
    if (!interrupted) {
      const hit = await readCache<StoredSync>(root, 'sync', key);
      if (hit.value && stillAsRead(root, hit.value.racy)) return hit.value.result;
      warning = hit.warning;
    }
    timer.mark('fingerprint');
    // Loading the engine while a worker takes the fingerprint was tried: on two cores each
    // slowed the other, ~30 ms gained on a sync with work to do, ~150 ms lost on one without.
    const { runLockedTransaction, SYNC_ONLY } = await import('../engine/transaction.js');
    timer.mark('engine loaded');
    let loaded: WorkspaceState | undefined;
    const proposeNothing = (state: WorkspaceState): typeof SYNC_ONLY => ((loaded = state), SYNC_ONLY);
    const { sync } = await runLockedTransaction(root, lock, proposeNothing, Object.assign({}, options, { fingerprinted: { print, head, timer } }));
    const result = sync!;
    if (warning) result.diagnostics.push(warning);
    const nothingDone = result.written.length === 0 && result.edits.length === 0 && !result.commit?.committed;
    const racy = loaded && racyAsRead(loaded, print.racyFiles);
    if (nothingDone && !interrupted && racy && !warning) await writeCache<StoredSync>(root, 'sync', key, { result, racy });
    return result;
  });
}
