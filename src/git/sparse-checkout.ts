import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gitText } from './git.js';
import { repositoryOf, type Repository } from './repo.js';

/** What the engine reads and derives from (README: the workspace's layout); the rest of the repository is not its business. */
const WORKSPACE_ENTRIES = ['threadwork.config.yaml', '.threadwork', 'strategy', 'research', 'artifacts', 'threads', 'goals'];

/**
 * The workspace files a sparse checkout keeps out of the work tree (skip-worktree in the
 * index), relative to `root`; [] when there are none. Such a file is in HEAD but not on
 * disk, so a load would read its thread as gone: the figures derived without it are
 * wrong, and committing them would record that as history.
 *
 * Only a repository that has used `git sparse-checkout` has its pattern file; any other
 * pays one `existsSync`, and one where it is off a `git config`. (A file marked skip-worktree by hand with `git update-index`
 * stays on disk and is read as it is.)
 */
export async function outsideSparseCheckout(repo: Repository, root: string): Promise<string[]> {
  if (!existsSync(join(repo.gitDir, 'info', 'sparse-checkout'))) return [];
  // `git sparse-checkout disable` leaves the pattern file: the setting says whether it is on (a
  // listing of the whole index is ~0.1 s at 10,000 deals, too much for every watch cycle).
  if (!(await sparseCheckoutOn(root))) return [];
  // `-t` tags each entry; `S` is skip-worktree. Paths come relative to `root` (git's cwd).
  const listed = await gitText(root, ['ls-files', '-t', '-z', '--', ...WORKSPACE_ENTRIES]);
  const outside: string[] = [];
  for (const entry of listed.split('\0')) if (entry.startsWith('S ')) outside.push(entry.slice(2));
  return outside;
}

async function sparseCheckoutOn(root: string): Promise<boolean> {
  try {
    return (await gitText(root, ['config', '--type=bool', '--get', 'core.sparseCheckout'])).trim() === 'true';
  } catch {
    return false; // unset (git exits 1) or not a boolean git would honour
  }
}

/** The folders to bring back into the checkout, as `git sparse-checkout add` takes them (from the repository's top). */
export function foldersToInclude(repo: Repository, root: string, outside: readonly string[]): string[] {
  const prefix = relative(repo.top, root).split(sep).join('/');
  const folders = new Set<string>();
  for (const path of outside) {
    const parts = path.split('/');
    // threads/sales/<deal>/… → threads (a deal folder alone would leave its neighbours out next time).
    folders.add(parts.length > 1 ? parts[0]! : '.');
  }
  return [...folders].sort().map((folder) => (prefix ? (folder === '.' ? prefix : `${prefix}/${folder}`) : folder));
}

/** What a sparse checkout leaves out of the workspace at `root`, with the folders that bring it back; undefined when nothing (or outside git). */
export async function sparseCheckoutGap(root: string): Promise<{ paths: string[]; include: string[] } | undefined> {
  const repo = await repositoryOf(root);
  if (!repo) return undefined;
  const paths = await outsideSparseCheckout(repo, root);
  return paths.length > 0 ? { paths, include: foldersToInclude(repo, root, paths) } : undefined;
}
