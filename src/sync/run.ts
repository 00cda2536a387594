import { runTransaction, SYNC_ONLY, type SyncResult, type TransactionOptions } from '../engine/transaction.js';

export type { SyncResult };
export type SyncOptions = Pick<TransactionOptions, 'dryRun' | 'commit' | 'state' | 'derivation'>;

/**
 * One sync: read every source, derive, write what differs, commit it — a transaction
 * that proposes no file of its own. The second run finds nothing to write and commits
 * nothing: that is the fixed point.
 */
export async function runSync(root: string, options: SyncOptions = {}): Promise<SyncResult> {
  const { sync } = await runTransaction(root, () => SYNC_ONLY, options);
  return sync!;
}
