import { lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** A folder's `.git` (a folder, or a file pointing elsewhere) as an identity: '' when there is none. */
export function gitMark(folder: string): string {
  let stat: Stats | undefined;
  try {
    stat = lstatSync(join(folder, '.git'), { throwIfNoEntry: false });
  } catch {
    return '?';
  }
  if (!stat) return '';
  // A `.git` file (a worktree, a submodule) says where the repository is: its content counts, so its mtime does.
  return stat.isDirectory() ? `d:${stat.ino}:${stat.birthtimeMs}` : `f:${stat.ino}:${stat.birthtimeMs}:${stat.mtimeMs}:${stat.size}`;
}
