import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writes a file atomically (temp file + rename), so a reader — an editor, a watcher,
 * a concurrent `check` — never sees it half-written. Skips the write when the content
 * is already identical and returns whether it wrote.
 */
export function writeFileIfChanged(root: string, rel: string, content: string): boolean {
  const abs = join(root, rel);
  try {
    if (readFileSync(abs, 'utf8') === content) return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(abs), { recursive: true });
  writeFileAtomic.sync(abs, content, { encoding: 'utf8' });
  return true;
}

export function writeFileAtomicSync(root: string, rel: string, content: string): void {
  const abs = join(root, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileAtomic.sync(abs, content, { encoding: 'utf8' });
}

/**
 * Creates a file only if it does not exist, atomically and with its full content: the
 * content goes to a temp file first, then `link` publishes it and fails with EEXIST if
 * another writer got there first. Returns false when the file already existed.
 */
export function createFileExclusive(root: string, rel: string, content: string): boolean {
  const abs = join(root, rel);
  mkdirSync(dirname(abs), { recursive: true });
  const temp = `${abs}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, content, { encoding: 'utf8', flag: 'wx' });
  try {
    linkSync(temp, abs);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}
