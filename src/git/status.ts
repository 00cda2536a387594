import { settled } from '../settled.js';
import { gitSpawn, gitText } from './git.js';

/**
 * Workspace-relative paths under `folders` that differ from HEAD: modified, added,
 * deleted or untracked. Read with GIT_OPTIONAL_LOCKS=0, so it never blocks a person's git.
 * `folders` are pathspecs read literally: files or folders, never glob patterns (a folder
 * called `[draft]` is that folder).
 */
export function changedPaths(cwd: string, folders: readonly string[], knownPrefix?: string): Promise<string[]> {
  // Both git processes at once, spawned directly (a simple-git call costs ~20 ms more);
  // pathspecs are relative to cwd, porcelain paths to the repository's top: hence the
  // prefix (`knownPrefix`: cwd's folder inside the repository, as the caller found it).
  const prefix = knownPrefix !== undefined ? Promise.resolve(knownPrefix ? `${knownPrefix}/` : '') : gitText(cwd, ['rev-parse', '--show-prefix']);
  const status = settled(gitSpawn(cwd, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...folders], { env: { GIT_LITERAL_PATHSPECS: '1' } }));
  return (async () => {
    let inside: string;
    try {
      inside = (await prefix).trim();
    } catch (error) {
      if (/not a git repository/i.test(error instanceof Error ? error.message : String(error))) return [];
      throw error;
    }
    const out = await status;
    if ('error' in out) throw out.error;
    const paths: string[] = [];
    for (const entry of out.value.toString('utf8').split('\0')) {
      if (entry.length < 4) continue;
      const path = entry.slice(3);
      paths.push(inside && path.startsWith(inside) ? path.slice(inside.length) : path);
    }
    return paths.sort();
  })();
}
