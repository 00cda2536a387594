import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { symlinkOnTheWay } from './contain.js';
import { classifyPath, describeFile } from './layout.js';

/** What identifies a version of a file without reading it: the persistent parse cache's key (engine/parse-cache.ts). */
export interface FileStamp {
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  size: number;
}

export type ReadOutcome = ({ path: string; text: string } & FileStamp) | { path: string; error: NodeJS.ErrnoException };

/** Files read between two turns of the event loop. */
const BATCH = 512;

/**
 * Reads many small files. Measured here (bench/, PERF-NOTES): synchronous reads in a
 * loop are the floor — the thread pool's round trips made `fs.readFile` with 32 in
 * flight 1.5–3× slower on two cores, and `fs.promises` 10–30× slower. So files are read
 * synchronously, one at a time (concurrency 1, bounded by construction), in batches that
 * yield to the event loop between them, so a watcher or a server stays responsive
 * during a full scan.
 *
 * Every file is read with `readWorkspaceFile`: a symbolic link (the file or a folder on
 * the way) or a special file is refused with an error whose `code` is `path-refused` or
 * `special-file` (see `readDiagnostic`), never opened.
 */
export async function readFiles(root: string, paths: readonly string[]): Promise<ReadOutcome[]> {
  const results: ReadOutcome[] = [];
  await forEachFile(root, paths, (outcome) => results.push(outcome));
  return results;
}

/**
 * Reads each file and hands it to `visit` straight away, so a scan never holds every
 * file's text at once (the benchmark measured 405 → 290 MB peak at 10,000 deals).
 */
export async function forEachFile(root: string, paths: readonly string[], visit: (outcome: ReadOutcome) => void): Promise<void> {
  for (let start = 0; start < paths.length; start += BATCH) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const end = Math.min(paths.length, start + BATCH);
    for (let i = start; i < end; i++) {
      const path = paths[i]!;
      let outcome: ReadOutcome;
      try {
        outcome = { path, ...readScannedFile(root, path) };
      } catch (error) {
        outcome = { path, error: error as NodeJS.ErrnoException };
      }
      visit(outcome);
    }
  }
}

// O_NONBLOCK: opening a FIFO that slipped past the lstat (a race) returns at once instead of
// waiting for a writer; O_NOFOLLOW: a file swapped for a link meanwhile fails (ELOOP).
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a workspace file (workspace-relative `rel`) as UTF-8, refusing — without opening
 * it — a symbolic link, a file in a folder reached through one, and anything that is not
 * a regular file (a FIFO would block forever; a device could be anything). Throws an
 * Error with `code` `path-refused` or `special-file` for those, or the fs error (ENOENT …).
 * `known` caches the folders already checked.
 */
export function readWorkspaceFile(root: string, rel: string, known?: Map<string, boolean>): string {
  const link = symlinkOnTheWay(root, dirname(rel), known);
  if (link !== undefined) throw refusal('path-refused', `${link} is a symbolic link: the workspace never reads through one`);
  const stat = lstatSync(join(root, rel));
  if (stat.isSymbolicLink()) throw refusal('path-refused', 'it is a symbolic link: the workspace never reads through one');
  if (stat.isDirectory()) throw refusal('folder', 'it is a folder, not a file');
  if (!stat.isFile()) throw refusal('special-file', `it is a ${kindOf(stat)}, not a regular file`);
  return readScannedFile(root, rel).text;
}

/**
 * Reads a file the scan listed — which it reached through no symbolic link and saw as a
 * regular file — in four system calls, the floor's: open (O_NOFOLLOW: a file swapped for
 * a link since the scan fails; O_NONBLOCK: a FIFO swapped in never blocks), fstat (a
 * regular file, and the size and mtime the state keeps), one read of that size, close.
 */
export function readScannedFile(root: string, rel: string): { text: string } & FileStamp {
  let fd: number;
  try {
    fd = openSync(scannedPath(root, rel), READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw refusal('path-refused', 'it is a symbolic link: the workspace never reads through one');
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    // A folder where the layout expects a file is listed by the scan to be reported here (scan.ts).
    if (stat.isDirectory()) throw refusal('folder', 'it is a folder, not a file');
    if (!stat.isFile()) throw refusal('special-file', `it is a ${kindOf(stat)}, not a regular file`);
    const buffer = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break; // truncated since the fstat: what is there is what there is
      read += n;
    }
    return { text: buffer.toString('utf8', 0, read), mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, size: stat.size };
  } finally {
    closeSync(fd);
  }
}

/** The root `scannedPath` last checked, and whether it is normalised without a trailing separator. */
let checkedRoot = '';
let rootIsPlain = false;

/**
 * `join(root, rel)` for a file the scan listed: the two glued with a `/` when neither
 * needs normalising — a normalised root (checked once per root), a relative path with no
 * `.` or `..` segment and no empty one. `path.join` normalised every one of a cold check's
 * 70,000 paths again: ~1% of its time.
 */
export function scannedPath(root: string, rel: string): string {
  if (root !== checkedRoot) {
    checkedRoot = root;
    rootIsPlain = sep === '/' && root.length > 1 && normalize(root) === root && !root.endsWith('/');
  }
  const plain = rootIsPlain && rel.length > 0 && rel.charCodeAt(0) !== 46 /* . */ && rel.charCodeAt(0) !== 47 /* / */ && !rel.endsWith('/') && !rel.includes('/.') && !rel.includes('//');
  return plain ? `${root}/${rel}` : join(root, rel);
}

/**
 * Whether a file's bytes are exactly the UTF-8 encoding of `text` (its decoding). False when
 * the file holds invalid UTF-8, which decoding turned into U+FFFD: writing the text back
 * would replace those bytes. Called only for text that contains U+FFFD.
 */
export function bytesMatchText(root: string, rel: string, text: string): boolean {
  try {
    return readFileSync(join(root, rel)).equals(Buffer.from(text, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Up to `length` of a workspace file's first bytes, for a reader that recognises an encoding
 * by them (utf16.ts); undefined when it cannot be read. Opened as the scan's reads are: a
 * link swapped in fails, a FIFO never blocks.
 */
export function readFileHead(root: string, rel: string, length: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(join(root, rel), READ_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(length);
    return head.subarray(0, readSync(fd, head, 0, length, 0));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Where a file's bytes first stop being the UTF-8 encoding of `text` (its decoding): the
 * first byte that is not UTF-8, at its line and column in `text`, for a message that sends
 * the person to it. Undefined when they match (or the file cannot be read).
 */
export function firstNonUtf8Byte(root: string, rel: string, text: string): { line: number; column: number; byte: number } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, rel));
  } catch {
    return undefined;
  }
  const encoded = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length && at < encoded.length && bytes[at] === encoded[at]) at++;
  if (at === bytes.length && at === encoded.length) return undefined;
  // Everything before the first difference decoded and encoded back unchanged: it is UTF-8.
  const before = bytes.subarray(0, at).toString('utf8');
  // A byte-order mark is no column to an editor (as in every other position reported).
  const lineStart = before.lastIndexOf('\n') + 1 || (before.charCodeAt(0) === 0xfeff ? 1 : 0);
  return { line: before.split('\n').length, column: before.length - lineStart + 1, byte: bytes[at] ?? 0 };
}

/**
 * `not-utf8` for a file the engine read whose bytes are not valid UTF-8: decoding put U+FFFD
 * in place of the bad bytes, and the diagnostic points at the first of them. Undefined for
 * text without U+FFFD — the only case that reads the file's bytes again — or one where
 * U+FFFD is written as UTF-8 (text like any other).
 */
export function notUtf8Diagnostic(root: string, rel: string, text: string): Diagnostic | undefined {
  if (!text.includes('\uFFFD')) return undefined;
  const bad = firstNonUtf8Byte(root, rel, text);
  if (!bad) return undefined;
  return diagnostic(rel, { line: bad.line, column: bad.column }, 'warning', 'not-utf8', notUtf8Message(rel, bad.byte, NOT_UTF8_READ));
}

/** What a file that is not valid UTF-8 is, in every place: check's reading, sync's leaving it as it is. */
export const NOT_UTF8_READ = 'expected UTF-8: re-save it as UTF-8 in your editor; until then threadwork reads those bytes as \uFFFD and never writes the file';
export const NOT_UTF8_STALE = 'its managed block or derived fields are not updated, so no byte of it changes';

export function notUtf8Message(path: string, byte: number, consequence: string): string {
  return `${path} is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here, read as U+FFFD: was the file saved as Latin-1 or Windows-1252?): ${consequence}`;
}

/**
 * Reads a file given by a person (an accounts list to score, anywhere on the machine):
 * links are followed, but anything that is not a regular file — a FIFO, a socket, a
 * device — is refused with `code` `special-file` before it is opened, so no read blocks.
 */
export function readRegularFile(abs: string): string {
  return readRegularFileBytes(abs).toString('utf8');
}

/** `readRegularFile` as bytes, for a reader that decides the encoding itself. */
export function readRegularFileBytes(abs: string): Buffer {
  const stat = statSync(abs);
  if (!stat.isFile()) throw refusal('special-file', `it is a ${kindOf(stat)}, not a regular file`);
  const fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw refusal('special-file', `it is a ${kindOf(opened)}, not a regular file`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Like `readWorkspaceFile`, but undefined for a file that is missing or refused. */
export function readWorkspaceText(root: string, rel: string, known?: Map<string, boolean>): string | undefined {
  try {
    return readWorkspaceFile(root, rel, known);
  } catch {
    return undefined;
  }
}

/** The diagnostic for a file that could not be read: `path-refused`, `folder-not-file`, `special-file` or `read`. */
export function readDiagnostic(path: string, error: NodeJS.ErrnoException): Diagnostic {
  if (error.code === 'path-refused') return diagnostic(path, START, 'error', 'path-refused', `Refused ${path}: ${error.message}`);
  if (error.code === 'folder') {
    return diagnostic(path, START, 'error', 'folder-not-file', `Found a folder where ${describeFile(path)} is expected: move what it holds elsewhere, remove it and put the file back`);
  }
  if (error.code === 'special-file') {
    // Where a file the engine reads is expected, it is no file to skip: an error, the file held at its last valid version.
    if (classifyPath(path).kind !== 'other') return diagnostic(path, START, 'error', 'path-refused', `Refused ${path}: ${error.message}, where ${describeFile(path)} is expected: remove it and put the file back`);
    return diagnostic(path, START, 'warning', 'special-file', `Skipped special file ${path}: ${error.message}`);
  }
  return diagnostic(path, START, 'error', 'read', `Cannot read ${path}: ${READ_FAILURES[error.code ?? ''] ?? error.code ?? error.message}`);
}

/**
 * The read failures a user can fix, in words: "Cannot read file: EACCES" gave a code and
 * nothing of what was expected. A file made by another user (an editor run with sudo) or a
 * folder that may be listed but not searched (mode 0600) gives EACCES.
 */
const READ_FAILURES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied (EACCES): expected a file this user may read — fix its permissions (`chmod u+r`, and `u+x` on its folders)',
  EPERM: 'operation not permitted (EPERM): expected a file this user may read — fix its permissions or its owner',
  EIO: 'input/output error (EIO): the disk or the network file system failed while it was read; expected a file that can be read — run again, and check the disk if it persists',
};

export function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean; isSymbolicLink(): boolean }): string {
  if (stat.isDirectory()) return 'folder';
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isSocket()) return 'socket';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'device';
  if (stat.isSymbolicLink()) return 'symbolic link';
  return 'special file';
}

function refusal(code: 'path-refused' | 'special-file' | 'folder', message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}
