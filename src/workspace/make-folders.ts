import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdir -p`: makes `path` and the folders missing above it, and accepts one that exists.
 *
 * Not `mkdirSync(path, { recursive: true })`: Node 20 loops forever at full CPU (and ignores
 * SIGTERM, being inside one synchronous call) where mkdir answers ENOENT although the parent
 * exists, as under /proc — `threadwork schemas --out /proc/x` hung so. Here each folder is
 * made once, its parent first, and a folder the file system still refuses after its parent
 * was made is an error (ENOENT), never a retry.
 */
export function makeFolders(path: string, mode?: number): void {
  try {
    mkdirSync(path, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && isFolder(path)) return;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    makeFolders(parent, mode);
    try {
      mkdirSync(path, mode);
    } catch (again) {
      // Made by another process between the two calls: what was asked for is there.
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST' || !isFolder(path)) throw again;
    }
  }
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}
