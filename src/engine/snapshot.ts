import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lockDirectory } from '../workspace/lock.js';
import { writeFileAtomicSync } from '../workspace/write.js';
import type { DerivedSnapshot } from './sync-plan.js';

/**
 * What each managed block showed when threadwork last wrote it, kept beside the lock in
 * the git directory (never committed: it is a cache of derived data). A missing or
 * unreadable snapshot only costs the "before" of a change description.
 */
async function snapshotFile(root: string): Promise<string> {
  return join(await lockDirectory(root), 'threadwork-derived.json');
}

export async function readSnapshot(root: string): Promise<DerivedSnapshot> {
  try {
    const data = JSON.parse(readFileSync(await snapshotFile(root), 'utf8')) as { root?: string; blocks?: DerivedSnapshot };
    return data.root === root && data.blocks && typeof data.blocks === 'object' ? data.blocks : {};
  } catch {
    return {};
  }
}

/** Writes the snapshot when it differs from the one on disk: most watch cycles move no block. */
export async function writeSnapshot(root: string, blocks: DerivedSnapshot): Promise<void> {
  const file = await snapshotFile(root);
  const text = `${JSON.stringify({ root, blocks })}\n`;
  try {
    if (readFileSync(file, 'utf8') === text) return;
  } catch {
    // none yet
  }
  writeFileAtomicSync(dirname(file), basename(file), text);
}
