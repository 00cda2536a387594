import { PhaseTimer, timeChild } from '../timing.js';
import { progress } from '../progress.js';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, fsyncSync, linkSync, lstatSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { rename } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { pathRefused, resolvesInside, symlinkOnTheWay } from './contain.js';
import { currentLock } from './lock.js';
import { naming, namingAsync } from './write-failure.js';
import { makeFolders } from './make-folders.js';

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
 * is made through a link pointing outside the workspace. A write the system refuses
 * (permissions, a full or read-only disk) throws `write-failed`, naming the workspace file.
 */
function prepareWrite(root: string, rel: string): string {
  currentLock()?.assertHeld();
  // A file write into an existing folder fails on its own (EISDIR), as it always did.
  return writePreparer(root, { refuseFolder: false })(rel).abs;
}

function specialKindOf(stat: Stats): string | undefined {
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isSocket()) return 'socket';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'device';
  return undefined;
}

/**
 * Writes a file atomically (temp file + rename), so a reader — an editor, a watcher,
 * a concurrent `check` — never sees it half-written. Skips the write when the content
 * is already identical and returns whether it wrote.
 */
export function writeFileIfChanged(root: string, rel: string, content: string): boolean {
  return naming(rel, () => {
    const abs = prepareWrite(root, rel);
    try {
      if (readFileSync(abs, 'utf8') === content) return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    writeFileAtomic.sync(abs, content, { encoding: 'utf8' });
    return true;
  });
}

/** Below this many files a batch flushes each file itself; from it on, one `syncfs` flushes them all. */
const SYNCFS_FROM = 16;
/**
 * Temporary files renamed into place at once. Replacing a file frees the old one's
 * blocks, which costs ext4 about 1.5 ms a file; run side by side on libuv's threads,
 * 3,000 replacements took 0.8 s instead of 4.4 s on this machine.
 */
const IN_FLIGHT = 16;
let tempCounter = 0;

/**
 * Writes many files atomically, each as {@link writeFileIfChanged} would — every reader
 * sees a file old or new, never half-written — at a fraction of the cost: all the
 * temporary files are written first, one after the other, flushed to disk together (one
 * `syncfs` of the file system, through coreutils' `sync -f`, instead of one `fsync` a
 * file: the first sync of 10,000 threads spent most of its time in 10,000 fsyncs), and
 * only then renamed into place, several at a time. A file whose content is already on disk is not written.
 * `beforeEach` runs before each file is prepared, written and renamed (by default the
 * current lock's check; the transaction passes its own); `afterEach`, once a file is in
 * place, on the main thread while the next renames run on libuv's threads (a transaction
 * records each written file in its state there: 10,000 meta.json parsed again took 0.35 s
 * after the renames' 1 s). Returns the files written, in the order given.
 */
export async function writeFilesIfChanged(
  root: string,
  files: readonly { path: string; content: string }[],
  beforeEach: () => void = () => currentLock()?.assertHeld(),
  afterEach: (file: { path: string; content: string }) => void = () => undefined,
): Promise<string[]> {
  const timer = new PhaseTimer();
  const prepare = writePreparer(root, { refuseFolder: true });
  const staged: { path: string; abs: string; temp: string; content: string; mode: number | undefined }[] = [];
  for (const file of files) {
    beforeEach();
    const { abs, stat } = naming(file.path, () => prepare(file.path));
    // A file of another size cannot hold the content: only one of the same size is read to compare.
    if (stat && stat.size === Buffer.byteLength(file.content) && readFileSync(abs, 'utf8') === file.content) continue;
    // `name.<pid>.<n>.tmp`: the pattern the journal's recovery removes after a kill.
    staged.push({ path: file.path, abs, temp: `${abs}.${process.pid}.${++tempCounter}.tmp`, content: file.content, mode: stat ? stat.mode & 0o7777 : undefined });
  }
  timer.mark('compare');
  progress('writing', staged.length);
  const written = new Set<(typeof staged)[number]>();
  try {
    // Written one after the other with the synchronous API: creating a small new file is three
    // system calls, and a round-trip of libuv's thread pool for each (the promise API) made
    // this phase 2–4× slower (10,000 temporary files: 0.55 s, against 1.4–2.1 s 16 at a time).
    for (const file of staged) {
      beforeEach();
      written.add(file);
      // Created with the file's mode; changed afterwards only when the umask took bits from it.
      naming(file.path, () => {
        writeFileSync(file.temp, file.content, { encoding: 'utf8', flag: 'wx', ...(file.mode !== undefined ? { mode: file.mode } : {}) });
        if (file.mode !== undefined && (file.mode & processUmask()) !== 0) chmodSync(file.temp, file.mode);
      });
    }
    timer.mark('temps');
    flushToDisk(root, staged);
    timer.mark('flush');
    await inParallel(staged, async (file) => {
      beforeEach();
      await namingAsync(file.path, () => rename(file.temp, file.abs));
      written.delete(file);
      afterEach(file);
    });
    timer.mark('renames');
  } finally {
    for (const file of written) rmSync(file.temp, { force: true });
  }
  timer.report(`batch write of ${staged.length} files`);
  return staged.map((s) => s.path);
}

/**
 * The checks of a write, for one file or a batch (63 µs a file when each file walked its
 * own folders, most of a first sync's compare phase): each folder is checked once per
 * preparer — no link on the way, made only when missing, resolving inside the workspace
 * (its root resolved once) — and each target with one lstat, which also gives its size and
 * mode: a link or a special file is refused, and with `refuseFolder` a folder too (a
 * batch refuses it before writing anything, not when its rename fails half-way).
 */
function writePreparer(root: string, options: { refuseFolder: boolean }): (rel: string) => { abs: string; stat: Stats | undefined } {
  const known = new Map<string, boolean>();
  const folders = new Set<string>();
  const realRoot = realpathSync.native(root);
  return (rel) => {
    const abs = join(root, rel);
    const inside = relative(root, abs);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) throw pathRefused(rel, 'it points outside the workspace');
    const folder = dirname(inside);
    if (!folders.has(folder)) {
      const link = folder === '.' ? undefined : symlinkOnTheWay(root, folder, known);
      if (link !== undefined) throw pathRefused(rel, `${link} is a symbolic link (the workspace never writes through one)`);
      // The walk above lstat-ed every folder on the way, the last one included: when it found
      // each one there and none a link, the folder is inside the workspace as it stands, and
      // resolving it again (realpath: 10,000 deal folders at a first sync, 0.14 s) proves no
      // more. Folders made here are resolved once made: one made through a link that appeared
      // meanwhile would be followed by mkdir.
      if (known.get(folder.split(sep).join('/')) !== false) {
        makeFolders(dirname(abs));
        if (!resolvesInside(root, dirname(abs), realRoot)) throw pathRefused(rel, 'its folder resolves outside the workspace');
      }
      folders.add(folder);
    }
    const stat = lstatSync(abs, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) throw pathRefused(rel, 'it is a symbolic link');
    const kind = stat && (stat.isDirectory() ? (options.refuseFolder ? 'folder' : undefined) : specialKindOf(stat));
    if (kind) throw pathRefused(rel, `it is a ${kind}, not a regular file`);
    return { abs, stat };
  };
}

let umask: number | undefined;

/**
 * The process's umask, read where reading it changes nothing: `process.umask()` with no
 * argument sets it to 0 and back, and a file another thread creates meanwhile would be
 * world-writable. Where /proc does not say, every bit is taken as masked (a chmod each).
 */
function processUmask(): number {
  if (umask === undefined) {
    try {
      const line = /^Umask:\s*([0-7]+)$/m.exec(readFileSync('/proc/self/status', 'latin1'));
      umask = line ? parseInt(line[1]!, 8) : 0o7777;
    } catch {
      umask = 0o7777;
    }
  }
  return umask;
}

/** Runs `task` on every item, IN_FLIGHT at a time; the first failure stops the rest and is thrown. */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}

/** Makes the content of the temporary files durable before they are renamed into place. */
function flushToDisk(root: string, files: readonly { path: string; temp: string }[]): void {
  if (files.length >= SYNCFS_FROM) {
    const exited = timeChild();
    const synced = spawnSync('sync', ['-f', root], { stdio: 'ignore' });
    exited();
    if (synced.status === 0) return;
    // No coreutils `sync` (or it failed): flush each file, as a single write does.
  }
  for (const file of files) {
    // Opened read-only: a temp file carries the mode of the file it replaces, and a
    // read-only file (0444) cannot be reopened for writing by its non-root owner. fsync
    // needs no write access (Linux, macOS); the rename that follows needs only the folder's.
    naming(file.path, () => {
      const fd = openSync(file.temp, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    });
  }
}

export function writeFileAtomicSync(root: string, rel: string, content: string | Buffer): void {
  naming(rel, () => writeFileAtomic.sync(prepareWrite(root, rel), content, typeof content === 'string' ? { encoding: 'utf8' } : {}));
}

/**
 * Creates a file only if it does not exist, atomically and with its full content: the
 * content goes to a temp file first, then `link` publishes it and fails with EEXIST if
 * another writer got there first. Returns false when the file already existed.
 */
export function createFileExclusive(root: string, rel: string, content: string): boolean {
  return naming(rel, () => {
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
  });
}
