import { linkSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { pathRefused, resolvesInside, symlinkOnTheWay } from './contain.js';
import { currentLock } from './lock.js';

/**
 * Every write of the engine goes through this file, and each one is checked first:
 *
 * - the workspace lock, when the write runs inside `withWorkspaceLock`, must still be
 *   held (`assertHeld`: a process that stalled and lost the lock stops writing);
 * - no part of the path below `root` — folders on the way or the file itself — may be
 *   a symbolic link, and the target may not be a FIFO, socket or device;
 * - after its folders are made, the parent folder must resolve (realpath) inside `root`.
 *
 * A refused write throws `ThreadworkError` `path-refused` and touches nothing: no folder
 * is made through a link pointing outside the workspace.
 */
function prepareWrite(root: string, rel: string): string {
  currentLock()?.assertHeld();
  const abs = join(root, rel);
  const inside = relative(root, abs);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) throw pathRefused(rel, 'it points outside the workspace');
  const link = symlinkOnTheWay(root, inside);
  if (link !== undefined) throw pathRefused(rel, link === inside.split(sep).join('/') ? 'it is a symbolic link' : `${link} is a symbolic link (the workspace never writes through one)`);
  const kind = specialKind(abs);
  if (kind) throw pathRefused(rel, `it is a ${kind}, not a regular file`);
  mkdirSync(dirname(abs), { recursive: true });
  if (!resolvesInside(root, dirname(abs))) throw pathRefused(rel, 'its folder resolves outside the workspace');
  return abs;
}

/** What a non-regular, non-folder entry is ('FIFO', 'socket', 'device'); undefined for a file, a folder or nothing. */
export function specialKind(abs: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(abs);
  } catch {
    return undefined;
  }
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isSocket()) return 'socket';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'device';
  return undefined;
}

/**
 * Makes a folder of the workspace (and its parents), refusing to go through a symbolic
 * link. With `exclusive`, the last folder must not exist yet (EEXIST otherwise): of two
 * processes creating the same thread, exactly one wins.
 */
export function makeWorkspaceDir(root: string, rel: string, options: { exclusive?: boolean } = {}): void {
  const abs = prepareWrite(root, rel);
  mkdirSync(abs, { recursive: !options.exclusive });
}

/**
 * Writes a file atomically (temp file + rename), so a reader — an editor, a watcher,
 * a concurrent `check` — never sees it half-written. Skips the write when the content
 * is already identical and returns whether it wrote.
 */
export function writeFileIfChanged(root: string, rel: string, content: string): boolean {
  const abs = prepareWrite(root, rel);
  try {
    if (readFileSync(abs, 'utf8') === content) return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileAtomic.sync(abs, content, { encoding: 'utf8' });
  return true;
}

export function writeFileAtomicSync(root: string, rel: string, content: string): void {
  const abs = prepareWrite(root, rel);
  writeFileAtomic.sync(abs, content, { encoding: 'utf8' });
}

/**
 * Creates a file only if it does not exist, atomically and with its full content: the
 * content goes to a temp file first, then `link` publishes it and fails with EEXIST if
 * another writer got there first. Returns false when the file already existed.
 */
export function createFileExclusive(root: string, rel: string, content: string): boolean {
  const abs = prepareWrite(root, rel);
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
