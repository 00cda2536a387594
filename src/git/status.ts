import { relative, sep } from 'node:path';
import { gitRaw } from './git.js';
import { repositoryOf } from './repo.js';

/**
 * Workspace-relative paths under `folders` that differ from HEAD: modified, added,
 * deleted or untracked. Read with GIT_OPTIONAL_LOCKS=0, so it never blocks a person's git.
 */
export async function changedPaths(cwd: string, folders: readonly string[]): Promise<string[]> {
  const repo = await repositoryOf(cwd);
  if (!repo) return [];
  const prefix = relative(repo.top, cwd).split(sep).join('/');
  const specs = folders.map((f) => (prefix ? `${prefix}/${f}` : f));
  const out = await gitRaw(repo.top, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...specs]);
  const paths: string[] = [];
  for (const entry of out.split('\0')) {
    if (entry.length < 4) continue;
    const path = entry.slice(3);
    paths.push(prefix ? path.slice(prefix.length + 1) : path);
  }
  return paths.sort();
}
