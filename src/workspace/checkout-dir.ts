import * as fs from 'node:fs';
import { join } from 'node:path';
import { gitText } from '../git/git.js';

/** Where one checkout of a workspace keeps its own records, and the name its records carry. */
export interface CheckoutDir {
  /** The checkout's git directory (`.git`, or `.git/worktrees/<name>` for a linked worktree); `.threadwork/` outside git. */
  dir: string;
  /** The workspace's folder inside its checkout (`''` at the top, `gtm/` for a workspace in a subfolder). */
  workspace: string;
}

const known = new Map<string, CheckoutDir>();

/**
 * Where a workspace keeps the records that describe its own files — the snapshot of what
 * its derived blocks showed, the journal of an interrupted transaction — and how those
 * records tell workspaces apart. Both survive moving, renaming or copying the folder:
 *
 * - the folder is the checkout's own git directory, not the common one the lock uses
 *   (lock.ts): the worktrees of one repository share that, but each has its own files,
 *   index and HEAD, and each one's records are about its own files;
 * - records carry the workspace's path inside its checkout, not its absolute path, so two
 *   workspaces in subfolders of one repository stay apart, and one moved with its `.git`
 *   (or a linked worktree moved with `git worktree move`) still finds its own.
 */
export async function checkoutDir(root: string): Promise<CheckoutDir> {
  const cached = known.get(root);
  if (cached) return cached;
  let found: CheckoutDir;
  try {
    const [dir = '', workspace = ''] = (await gitText(root, ['rev-parse', '--path-format=absolute', '--git-dir', '--show-prefix'])).split('\n');
    if (!dir) throw new Error('git named no git directory');
    found = { dir, workspace };
  } catch {
    found = { dir: join(root, '.threadwork'), workspace: '' };
    fs.mkdirSync(found.dir, { recursive: true });
  }
  known.set(root, found);
  return found;
}
