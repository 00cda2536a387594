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

/** Both folders a workspace keeps records in, found with one `git rev-parse` (every command asks). */
interface GitDirs {
  /** The repository's common git directory (shared by its worktrees): the lock and the caches (lock.ts). */
  common: string;
  checkout: CheckoutDir;
}

const known = new Map<string, Promise<GitDirs>>();

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
  return (await gitDirs(root)).checkout;
}

/** The repository's common git directory (`.threadwork/` outside git): where the lock and the caches live. */
export async function commonGitDir(root: string): Promise<string> {
  return (await gitDirs(root)).common;
}

function gitDirs(root: string): Promise<GitDirs> {
  let found = known.get(root);
  if (!found) {
    found = findGitDirs(root);
    known.set(root, found);
  }
  return found;
}

async function findGitDirs(root: string): Promise<GitDirs> {
  try {
    // Spawned directly: on the path of every command, where simple-git's first call costs 6 ms more.
    const [common = '', dir = '', workspace = ''] = (await gitText(root, ['rev-parse', '--path-format=absolute', '--git-common-dir', '--git-dir', '--show-prefix'])).split('\n');
    if (!common || !dir) throw new Error('git named no git directory');
    return { common, checkout: { dir, workspace } };
  } catch {
    const dir = join(root, '.threadwork');
    fs.mkdirSync(dir, { recursive: true });
    return { common: dir, checkout: { dir, workspace: '' } };
  }
}
