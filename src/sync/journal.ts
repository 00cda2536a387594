import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lockDirectory } from '../workspace/lock.js';
import { writeFileAtomicSync } from '../workspace/write.js';

/**
 * Crash safety for the commit: before writing, a sync records what it is about to
 * write and the commit message; after committing, it removes the record. A process
 * killed in between leaves the record, and the next sync commits those files first,
 * so the audit trail never misses a change that reached the disk.
 */
export interface PendingCommit {
  root: string;
  paths: string[];
  message: string;
}

async function journalFile(root: string): Promise<string> {
  return join(await lockDirectory(root), 'threadwork-pending.json');
}

export async function recordPending(pending: PendingCommit): Promise<void> {
  const file = await journalFile(pending.root);
  writeFileAtomicSync(dirname(file), basename(file), `${JSON.stringify(pending)}\n`);
}

export async function readPending(root: string): Promise<PendingCommit | undefined> {
  try {
    const pending = JSON.parse(readFileSync(await journalFile(root), 'utf8')) as PendingCommit;
    return pending.root === root ? pending : undefined;
  } catch {
    return undefined;
  }
}

export async function clearPending(root: string): Promise<void> {
  rmSync(await journalFile(root), { force: true });
}
