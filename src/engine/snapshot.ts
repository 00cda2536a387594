import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkoutDir } from '../workspace/checkout-dir.js';
import { writeFileAtomicSync } from '../workspace/write.js';
import type { DerivedSnapshot } from './sync-plan.js';

/**
 * What each managed block showed when threadwork last wrote it, kept in the checkout's git
 * directory (never committed: it is a cache of derived data). A missing or unreadable
 * snapshot only costs the "before" of a change description — which is why it must not be
 * lost when the folder moves: every value would be described as new (`— → 0.50`), in the
 * output and in the commits `history` reads.
 */
async function snapshotFile(root: string): Promise<{ file: string; workspace: string }> {
  const { dir, workspace } = await checkoutDir(root);
  return { file: join(dir, 'threadwork-derived.json'), workspace };
}

export async function readSnapshot(root: string): Promise<DerivedSnapshot> {
  try {
    const { file, workspace } = await snapshotFile(root);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { workspace?: string; root?: string; blocks?: DerivedSnapshot };
    // `root`: a snapshot written before records named the workspace by its place in the checkout.
    const ours = data.workspace === undefined ? data.root === root : data.workspace === workspace;
    return ours && data.blocks && typeof data.blocks === 'object' ? data.blocks : {};
  } catch {
    return {};
  }
}

/** Writes the snapshot when it differs from the one on disk: most watch cycles move no block. */
export async function writeSnapshot(root: string, blocks: DerivedSnapshot): Promise<void> {
  const { file, workspace } = await snapshotFile(root);
  const text = `${JSON.stringify({ workspace, blocks })}\n`;
  try {
    if (readFileSync(file, 'utf8') === text) return;
  } catch {
    // none yet
  }
  writeFileAtomicSync(dirname(file), basename(file), text);
}
