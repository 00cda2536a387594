import { existsSync, lstatSync, realpathSync, type BigIntStats, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { controlCharactersIn, hasControlCharacter } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';

/**
 * Resolves a workspace-relative path for an agent-facing read or write and refuses
 * anything that would leave the workspace: `..` segments, absolute paths, control
 * characters, and symbolic links (of the file or any folder on the way) that point
 * outside it. Returns the normalized relative path with `/` separators.
 */
export function containedPath(root: string, input: string): string {
  if (!input) throw refused(input, 'it is empty');
  if (hasControlCharacter(input)) throw refused(input, controlCharactersIn(input));
  if (isAbsolute(input) || /^[a-zA-Z]:/.test(input)) throw refused(input, 'absolute paths are not accepted; give a path relative to the workspace');
  const rel = relative(root, join(root, input)).split(sep).join('/');
  if (rel === '' || rel === '..' || rel.startsWith('../')) throw refused(input, 'it points outside the workspace');
  const realRoot = realpathSync(root);
  const abs = join(root, rel);
  // The deepest part of the path that exists decides where a write would land.
  let existing = abs;
  while (!existsSync(existing) && !isSymlink(existing) && dirname(existing) !== existing) existing = dirname(existing);
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    throw refused(input, 'it is a symbolic link that points nowhere');
  }
  const inside = relative(realRoot, real);
  if (inside.startsWith('..') || isAbsolute(inside)) throw refused(input, 'a symbolic link on the way points outside the workspace');
  return rel;
}

/**
 * The path's lstat; undefined where existsSync says false (missing, below a file,
 * unreadable). With `bigint`, the stamps to the nanosecond, as git's index keeps them.
 */
export function lstatOrNothing(path: string): Stats | undefined;
export function lstatOrNothing(path: string, options: { bigint: true }): BigIntStats | undefined;
export function lstatOrNothing(path: string, options?: { bigint: true }): Stats | BigIntStats | undefined {
  try {
    return options?.bigint ? lstatSync(path, { bigint: true, throwIfNoEntry: false }) : lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Whether `path` is itself a symbolic link (not followed); false when it does not exist. */
export function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function refused(input: string, why: string): ThreadworkError {
  return pathRefused(input, why);
}

/**
 * The first symbolic link met walking from `root` down `rel` (the target itself included),
 * as a workspace-relative path; undefined when there is none. Parts that do not exist yet
 * end the walk: a folder made there will be a real one. The workspace never goes through
 * a symbolic link, whether it points inside or outside: git stores a link as a link and
 * refuses any path beyond one (`pathspec … is beyond a symbolic link`), and a link
 * pointing outside would let a workspace read or write the rest of the machine.
 * `known` caches prefixes already checked (a scan checks thousands of paths).
 */
export function symlinkOnTheWay(root: string, rel: string, known?: Map<string, boolean>): string | undefined {
  const parts = rel.split(/[\\/]/).filter((p) => p && p !== '.');
  let prefix = '';
  for (const part of parts) {
    prefix = prefix ? `${prefix}/${part}` : part;
    let link = known?.get(prefix);
    if (link === undefined) {
      try {
        link = lstatSync(join(root, prefix)).isSymbolicLink();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
      }
      known?.set(prefix, link);
    }
    if (link) return prefix;
  }
  return undefined;
}

/**
 * Whether `abs` (which must exist) resolves, through every link, to a place inside `root`.
 * `realRoot` is root's own real path, when the caller resolved it already (a batch of writes).
 */
export function resolvesInside(root: string, abs: string, realRoot?: string): boolean {
  let real: string;
  try {
    // The C library's realpath: a third of the cost of Node's component-by-component one.
    real = realpathSync.native(abs);
  } catch {
    return false;
  }
  const inside = relative(realRoot ?? realpathSync.native(root), real);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside));
}

/** The ThreadworkError for a path the workspace refuses to read or write. */
export function pathRefused(path: string, why: string): ThreadworkError {
  return new ThreadworkError(`Refused path ${JSON.stringify(path)}: ${why}`, 'path-refused', { path });
}
