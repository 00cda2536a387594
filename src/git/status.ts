import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settled } from '../settled.js';
import { lstatOrNothing } from '../workspace/contain.js';
import { gitSpawn, gitText } from './git.js';
import { idsAsGitAdds } from './kept-crlf.js';

/** How many `git status` runs this process started (a test sees changedAmong spare one). */
export const statusRuns = { count: 0 };

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
  statusRuns.count += 1;
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

/**
 * Up to this many named files, their ids are compared with HEAD's entries (changedAmong):
 * `ls-tree` matches each entry of a folder against every name, so 1,000 names in a folder
 * of 10,000 deals took it 0.22 s, 200 names 0.04 s.
 */
const COMPARED_AT_MOST = 128;

/**
 * Which of `paths` — files, workspace-relative — differ from HEAD, at a cost that does not
 * grow with the repository. `git status`, even of one named file, reads git's whole index
 * and compares it with HEAD: 0.16 s at 10,000 deals (7.8 MB of index), on every commit of
 * a watcher. Here git lists HEAD's entries for the names (`ls-tree`, which reads only the
 * folders on their way) while it hashes the files as `git add` would (`hash-object`:
 * attributes and filters applied): 10–40 ms. A file differs when the ids differ.
 *
 * Only the plain case is decided this way: every file on disk as a regular file and in
 * HEAD as a file with the same executable bit. Anything else — a new file (git's ignore
 * rules decide whether it counts), a deleted one (a sparse checkout's skipped files are
 * absent and unchanged), a link, a mode change, no commit yet, too many names — is
 * `git status`'s to answer (changedPaths). Two differences from it, both where the file's
 * content is HEAD's: a file staged and then put back as HEAD has it (it differs in git's
 * index only), and one whose CRLF the attributes normalise back to HEAD's bytes (git's
 * status calls it modified from its size alone; `git diff` does not). Neither is listed:
 * the engine's commits take files as they are on disk.
 */
export async function changedAmong(cwd: string, paths: readonly string[], knownPrefix?: string): Promise<string[]> {
  if (paths.length === 0) return [];
  const byStatus = async (): Promise<string[]> => namedOnly(await changedPaths(cwd, paths, knownPrefix), paths);
  if (paths.length > COMPARED_AT_MOST || paths.some((path) => path.includes('\n') || path.includes('\r'))) return byStatus();
  const executable: boolean[] = [];
  for (const path of paths) {
    const stat = lstatOrNothing(join(cwd, path)); // below a file (ENOTDIR): git's status says it is gone
    if (!stat?.isFile()) return byStatus();
    executable.push((stat.mode & 0o111) !== 0);
  }
  const listing = settled(gitSpawn(cwd, ['ls-tree', '-z', 'HEAD', '--', ...paths], { env: { GIT_LITERAL_PATHSPECS: '1' } }));
  const hashing = settled(hashFiles(cwd, paths, knownPrefix));
  const [listed, hashed] = [await listing, await hashing];
  // Not a repository, no commit yet, a name git refuses: git's status says what it says then.
  if ('error' in listed || 'error' in hashed) return byStatus();
  // `<mode> <type> <id>\t<path>`, the path relative to cwd as the names were given.
  const inHead = new Map<string, { mode: string; type: string; id: string }>();
  for (const entry of listed.value.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', id = ''] = entry.slice(0, tab).split(' ');
    inHead.set(entry.slice(tab + 1), { mode, type, id });
  }
  const { top, prefix, ids } = hashed.value;
  if (ids.length !== paths.length) return byStatus();
  const differing: number[] = [];
  for (let i = 0; i < paths.length; i++) {
    const entry = inHead.get(paths[i]!);
    if (entry?.type !== 'blob' || (entry.mode !== '100644' && entry.mode !== '100755') || (entry.mode === '100755') !== executable[i]) return byStatus();
    if (entry.id !== ids[i]) differing.push(i);
  }
  // Of those, a file whose CRLF git add keeps, where hash-object converted it, may be HEAD's bytes.
  const named = differing.map((i) => paths[i]!);
  const added = await settled(idsAsGitAdds(top, named.map((path) => prefix + path), differing.map((i) => ids[i]!), (k) => readFileSync(join(cwd, named[k]!)), false));
  if ('error' in added) return byStatus(); // a file gone meanwhile
  return named.filter((path, k) => inHead.get(path)!.id !== added.value[k]).sort();
}

/**
 * Of what `git status` of `named` answered, the named paths themselves. A named file that
 * became a folder (`threads/sales/acme/6-learning.md/`, made by hand) is a pathspec for
 * everything in it: its files — untracked, each one — came back with the file's deletion,
 * and a sync named `…/6-learning.md/a.md` a source to commit by hand, where the folder is an
 * error to fix (`folder-not-file`). Dropped by being below a named path, not by equality:
 * git may spell a name in another Unicode form than the one asked (macOS, precomposeunicode).
 */
function namedOnly(changed: string[], named: readonly string[]): string[] {
  const asked = new Set(named);
  return changed.filter((path) => {
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) if (asked.has(path.slice(0, slash))) return false;
    return true;
  });
}

/**
 * The blob ids `git add` would give `paths` (relative to `cwd`, `knownPrefix` its folder in
 * the repository when the caller knows it). `hash-object` reads the paths of `--stdin-paths`
 * from the repository's top, whatever folder it runs in: they are given from there, as git
 * names them for its attributes.
 */
async function hashFiles(cwd: string, paths: readonly string[], knownPrefix: string | undefined): Promise<{ top: string; prefix: string; ids: string[] }> {
  // With the prefix known, git starts at once: a caller that derives next would otherwise see rev-parse end only after.
  const [top = '', prefix = ''] = knownPrefix !== undefined ? [join(cwd, ...knownPrefix.split('/').filter(Boolean).map(() => '..')), knownPrefix ? `${knownPrefix}/` : ''] : (await gitText(cwd, ['rev-parse', '--show-toplevel', '--show-prefix'])).split('\n');
  const ids = (await gitText(top, ['hash-object', '--stdin-paths'], { input: `${paths.map((path) => prefix + path).join('\n')}\n` })).trim().split('\n');
  return { top, prefix, ids };
}
