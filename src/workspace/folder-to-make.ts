import { statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { ThreadworkError } from '../errors.js';

/**
 * A file where a folder to be made (or a folder above it) would be — a typo, a tab
 * completion one name too far, `--out /dev/null` — is the user's to fix, named as they gave
 * it: mkdir would fail with EEXIST or ENOTDIR, which reads as a bug. `what` says what the
 * folder is for: `the workspace`, `the schemas`.
 */
export function refuseFileOnTheWay(given: string, root: string, what: string): void {
  for (let path = root; ; path = dirname(path)) {
    const stat = statOrNothing(path);
    if (stat?.isDirectory()) return;
    if (stat !== undefined) {
      throw new ThreadworkError(`Refused path ${JSON.stringify(given)}: ${path} is a file, not a folder; give a folder for ${what} (it is created when it does not exist)`, 'path-refused', { path: given });
    }
    if (dirname(path) === path) return;
  }
}

/** The path's stat, or nothing when it does not exist or a file above it is no folder (ENOTDIR). */
export function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}
