import { accessSync, constants, existsSync, lstatSync, readdirSync } from 'node:fs';
import { ThreadworkError } from '../errors.js';
import { join } from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { resolvesInside, symlinkOnTheWay } from './contain.js';
import type { FolderEntry, ListingMemo } from './folder-listings.js';
import { kindOf } from './read-files.js';
import { nestedThreadDiagnostic, THREAD_FOLDERS } from './nested-threads.js';
import { normalizationTwinDiagnostics } from './normalization-twins.js';
import { classifyPath, LAYOUT, SUPPRESSION_FILE, threadOf } from './layout.js';

export interface ScanResult {
  /** Workspace-relative paths (forward slashes) of every file the engine reads. */
  files: string[];
  /** Workspace-relative paths of every thread folder, whether or not it has a meta.json. */
  threadDirs: string[];
  /**
   * What the scan refused: a symbolic link where a layout folder, a thread folder or a
   * workspace file would be (`path-refused`, error: never followed, inside or outside the
   * workspace), a FIFO, socket or device (`special-file`, warning: never opened).
   */
  diagnostics: Diagnostic[];
}

/** Editor swap, backup and temp files, and hidden entries: never workspace content. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    name.endsWith('.swp') ||
    name.endsWith('.swx') ||
    name.endsWith('.tmp') ||
    name === '4913' ||
    name === 'node_modules'
  );
}

/**
 * Whether a scan would list `path` when it is a regular file (or a folder where such a file belongs): by where it is, the rules of
 * scanLayout and scanThreadFolder below. A file the engine never reads cannot have caused
 * what it derives: a transaction never commits one as a trigger (engine/uncommitted.ts).
 */
export function isScannedPath(path: string): boolean {
  const parts = path.split('/');
  if (parts.some(isIgnoredName)) return false;
  if (path === LAYOUT.config || path === SUPPRESSION_FILE) return true;
  const name = parts[parts.length - 1]!;
  const dir = parts.slice(0, -1).join('/');
  if ((dir === LAYOUT.canvas || dir === LAYOUT.goals) && (name.endsWith('.md') || isMisnamedGoal(dir, name))) return true;
  if (dir === LAYOUT.icp && name.endsWith('.yaml')) return true;
  if (threadOf(parts) !== undefined) return true;
  // A campaign's drafts and replies: threads/sales/campaigns/<campaign>/{drafts,replies}/<file>.md
  return parts.length === 6 && parts.slice(0, 3).join('/') === LAYOUT.campaigns && CAMPAIGN_RECORD_FOLDERS.has(parts[4]!) && name.endsWith('.md');
}

/**
 * A goal file saved as `g-x.md.txt`, `g-x.txt` or `g-x.markdown`: listed, so that it is
 * reported (`goal-file-name`) and the threads naming the goal are told where it is — left
 * out, every thread naming it was an `unknown-goal` error and the file was never mentioned.
 */
function isMisnamedGoal(dir: string, name: string): boolean {
  return dir === LAYOUT.goals && classifyPath(`${dir}/${name}`).kind === 'goal-misnamed';
}

/**
 * Lists the files the engine reads. Only the folders of the layout are walked, so a
 * large `node_modules` or an unrelated folder never slows a scan.
 *
 * A symbolic link is never followed, at any level (`threads`, `threads/sales`, a thread
 * folder, a file): git stores a link as a link and refuses paths beyond one, and a link
 * pointing outside would make the workspace read — and a sync write — the rest of the
 * machine. Each one met where the layout expects content is reported instead.
 */
export function scanWorkspace(root: string, includeThread: (dir: string) => boolean = () => true): ScanResult {
  const layout = scanLayout(root, includeThread);
  const files = layout.files;
  const diagnostics = layout.diagnostics;
  for (const dir of layout.threadDirs) scanThreadFolder(root, dir, files, diagnostics);
  return { files, threadDirs: layout.threadDirs, diagnostics };
}

/**
 * The part of a scan outside the thread folders: the files of the layout's folders and the
 * list of thread folders, with what was refused on the way. The thread folders' own files
 * follow from scanThreadFolder, one folder at a time, in this list's order: a fingerprint
 * lists them on two threads (engine/fingerprint.ts).
 */
export function scanLayout(root: string, includeThread: (dir: string) => boolean = () => true): ScanResult {
  const files: string[] = [];
  const threadDirs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const known = new Map<string, boolean>();
  const reported = new Set<string>();
  const refuse = (rel: string): void => {
    if (reported.has(rel)) return;
    reported.add(rel);
    refuseLink(root, rel, diagnostics);
  };
  /**
   * The entries of a layout folder, or none when it (or a folder above it) is a symbolic link.
   * Two whose names differ only by Unicode normalisation (thread folders, goal files) are
   * reported, each spelled out: otherwise every message about them prints the same path.
   * Not at the workspace's top, which holds the person's own files besides the layout.
   * Each folder is listed once (the campaigns folder is asked for twice), so said once.
   */
  const listed = new Map<string, FolderEntry[]>();
  const list = (rel: string): FolderEntry[] => {
    try {
      return listLayoutFolder(rel);
    } catch (error) {
      throw unlistableLayoutFolder(root, rel, error);
    }
  };
  const listLayoutFolder = (rel: string): FolderEntry[] => {
    const link = rel ? symlinkOnTheWay(root, rel, known) : undefined;
    if (link !== undefined) {
      refuse(link);
      return [];
    }
    let entries = listed.get(rel);
    if (entries) return entries;
    entries = readableNames(root, rel, listLayoutDir(root, rel), diagnostics);
    if (rel) diagnostics.push(...normalizationTwinDiagnostics(rel, entries));
    listed.set(rel, entries);
    return entries;
  };
  const usable = (dir: string, e: FolderEntry): boolean => (e.isDirectory() ? isFolderWhereFileIsRead(dir ? `${dir}/${e.name}` : e.name) : usableEntry(root, dir, e, 'file', diagnostics, refuse));
  const config = list('').find((e) => e.name === LAYOUT.config);
  if (config && usable('', config)) files.push(LAYOUT.config);
  for (const dir of [LAYOUT.canvas, LAYOUT.goals]) {
    for (const e of list(dir)) if ((e.name.endsWith('.md') || isMisnamedGoal(dir, e.name)) && usable(dir, e)) files.push(`${dir}/${e.name}`);
  }
  for (const e of list(LAYOUT.icp)) if (e.name.endsWith('.yaml') && usable(LAYOUT.icp, e)) files.push(`${LAYOUT.icp}/${e.name}`);
  // The do-not-contact list, the one file directly under the campaigns folder. One that is
  // refused (a link) or cannot be read (a folder) is reported, so it is never an empty list.
  const suppression = list(LAYOUT.campaigns).find((e) => e.name === 'suppression.yaml');
  if (suppression && usable(LAYOUT.campaigns, suppression)) files.push(`${LAYOUT.campaigns}/suppression.yaml`);
  for (const parent of THREAD_FOLDERS) {
    for (const e of list(parent)) {
      if (parent === LAYOUT.deals && e.name === 'campaigns') continue;
      if (parent === LAYOUT.campaigns && e.name === 'suppression.yaml') continue;
      if (!e.isDirectory()) {
        if (e.isSymbolicLink()) refuse(`${parent}/${e.name}`);
        continue;
      }
      const dir = `${parent}/${e.name}`;
      if (includeThread(dir)) threadDirs.push(dir);
    }
  }
  return { files, threadDirs, diagnostics };
}

/**
 * A folder of the layout (goals/, strategy/canvas/, threads/sales/ …) this user may not
 * list, as a `folder-unreadable` error naming the first folder on the way that refuses
 * (a folder may be listed only when each one above it may be searched). It died with a
 * stack trace; read as empty, it would have been derived as no goals or no deals and every
 * figure made from them wiped: nothing is read or written instead. Any other error is
 * returned unchanged.
 */
function unlistableLayoutFolder(root: string, rel: string, error: unknown): unknown {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (errno === 'ENOTDIR') {
    const parts = rel.split('/');
    const file = parts.map((_, i) => parts.slice(0, i + 1).join('/')).find((path) => !isFolder(join(root, path))) ?? rel;
    return new ThreadworkError(`Cannot read folder ${rel}: ${file} is a file, not a folder (ENOTDIR): expected the folder ${file} — rename or move that file; nothing was read or written`, 'folder-unreadable', { path: file, errno });
  }
  if (errno !== 'EACCES' && errno !== 'EPERM') return error;
  const parts = rel.split('/');
  const folder = parts.map((_, i) => parts.slice(0, i + 1).join('/')).find((path) => !mayList(join(root, path))) ?? rel;
  const why = errno === 'EACCES' ? 'permission denied (EACCES)' : 'operation not permitted (EPERM)';
  return new ThreadworkError(`Cannot read folder ${folder}: ${why}: expected a folder this user may list — fix its permissions (\`chmod u+rx ${folder}\`); nothing was read or written`, 'folder-unreadable', { path: folder, errno });
}

function isFolder(abs: string): boolean {
  try {
    return lstatSync(abs).isDirectory();
  } catch {
    return true; // missing: not the file in the way
  }
}

/**
 * A layout folder's entries; none when it does not exist (a new workspace). A file where
 * the folder should be (`threads/sales/campaigns` saved as a file) is thrown as ENOTDIR:
 * read as an empty folder, every campaign was derived as gone and the metrics rewritten.
 */
function listLayoutDir(root: string, rel: string): FolderEntry[] {
  try {
    return readdirSync(join(root, rel), { withFileTypes: true }).filter((e) => !isIgnoredName(e.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function mayList(abs: string): boolean {
  try {
    accessSync(abs, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A campaign's folders of records, each file read and checked: `drafts/` (the quality gate,
 * the autonomy gates) and `replies/` (written by `campaign reply`: its dates are checked).
 */
const CAMPAIGN_RECORD_FOLDERS: ReadonlySet<string> = new Set(['drafts', 'replies']);

/**
 * Appends the files of one thread folder (and of a campaign's `drafts/` and `replies/`) to
 * `files`, and what was refused to `diagnostics`. The folder and its record folders come
 * from a listing that says they are folders, not links: no lstat asks again. A folder where
 * meta.json, a stage file, a draft or a reply belongs is listed as that file
 * (isFolderWhereFileIsRead). With a `memo`, a folder unchanged since it was last listed
 * is not listed again (folder-listings.ts).
 */
export function scanThreadFolder(root: string, dir: string, files: string[], diagnostics: Diagnostic[], memo?: ListingMemo): void {
  const refuse = (rel: string): void => refuseLink(root, rel, diagnostics);
  const campaign = dir.startsWith(`${LAYOUT.campaigns}/`);
  for (const f of readableNames(root, dir, listDir(root, dir, memo, diagnostics), diagnostics)) {
    if (campaign && CAMPAIGN_RECORD_FOLDERS.has(f.name) && f.isDirectory()) {
      const records = `${dir}/${f.name}`;
      for (const d of listDir(root, records, memo)) {
        const rel = `${records}/${d.name}`;
        if (d.name.endsWith('.md') && (d.isDirectory() ? isFolderWhereFileIsRead(rel) : usableEntry(root, records, d, 'file', diagnostics, refuse))) files.push(rel);
      }
    } else if (f.isDirectory() ? isFolderWhereFileIsRead(`${dir}/${f.name}`) : usableEntry(root, dir, f, 'file', diagnostics, refuse)) files.push(`${dir}/${f.name}`);
    else if (f.isDirectory() && existsSync(join(root, dir, f.name, 'meta.json'))) diagnostics.push(nestedThreadDiagnostic(`${dir}/${f.name}`));
  }
}


/**
 * Whether a folder sits where the engine reads a file — `threads/sales/acme/1-input.md/`,
 * `goals/g-x.md/` — and is listed like that file: its read fails (`folder-not-file`,
 * read-files.ts), so check reports it instead of seeing nothing, and the file counts as
 * broken: what is derived from it is held at its last valid version (engine/state.ts), not
 * dropped as if the file had been deleted. The fingerprint lists it too (it scans with the
 * same functions); isScannedPath already names its path. Any other folder (a thread's
 * `attachments/`) is left alone. Asked of folders only: few, so classifying costs nothing.
 */
function isFolderWhereFileIsRead(rel: string): boolean {
  return classifyPath(rel).kind !== 'other';
}

/**
 * The entries whose names can be read. A name that is not valid UTF-8 (`caf\xe9`, made on a
 * Latin-1 system) is read as `caf\ufffd`, which names nothing on disk: its folder would be
 * listed as empty and its files never read, unsaid. It is refused, by name, instead.
 */
function readableNames(root: string, dir: string, entries: FolderEntry[], diagnostics: Diagnostic[]): FolderEntry[] {
  return entries.filter((e) => {
    if (!e.name.includes('\ufffd')) return true;
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (existsSync(join(root, rel))) return true;
    diagnostics.push(diagnostic(rel, START, 'error', 'path-refused', `Refused ${rel}: its name is not valid UTF-8 (shown with \ufffd where a byte could not be read): expected a UTF-8 name — rename it; until then nothing in it is read`));
    return false;
  });
}

function refuseLink(root: string, rel: string, diagnostics: Diagnostic[]): void {
  const where = resolvesInside(root, join(root, rel)) ? 'inside the workspace' : 'outside the workspace (or nowhere)';
  diagnostics.push(diagnostic(rel, START, 'error', 'path-refused', `Refused ${rel}: it is a symbolic link pointing ${where}; the workspace never reads or writes through one. Replace it with the folder or file itself.`));
}

/** Whether an entry the layout wants is usable; a link or a special file is reported. */
function usableEntry(root: string, dir: string, e: FolderEntry, want: 'file' | 'dir', diagnostics: Diagnostic[], refuse: (rel: string) => void): boolean {
  if (want === 'file' ? e.isFile() : e.isDirectory()) return true;
  const rel = dir ? `${dir}/${e.name}` : e.name;
  if (e.isSymbolicLink()) refuse(rel);
  // A FIFO or a socket named as a file the engine reads (a stage, a meta.json): listed, so
  // that its read refuses it as an error and holds its thread (read-files.ts) — skipped, the
  // thread read without its Stage 6 was a won deal reopened.
  else if (want === 'file' && !e.isDirectory() && classifyPath(rel).kind !== 'other') return true;
  else if (want === 'file' && !e.isDirectory()) diagnostics.push(diagnostic(rel, START, 'warning', 'special-file', `Skipped special file ${rel}: it is a ${kindOf(e)}, not a regular file; it is never opened`));
  return false;
}

function listDir(root: string, rel: string, memo?: ListingMemo, diagnostics?: Diagnostic[]): FolderEntry[] {
  try {
    return (memo ? memo.list(rel) : readdirSync(join(root, rel), { withFileTypes: true })).filter((e) => !isIgnoredName(e.name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    // A thread folder the user may not read: an error at the folder, its thread held at HEAD
    // (transaction.ts) — never a crash, never the thread read as empty.
    if (diagnostics && (code === 'EACCES' || code === 'EPERM')) {
      diagnostics.push(diagnostic(rel, START, 'error', 'read', `Cannot read folder ${rel}: ${code} (permission denied): expected a folder this user may list — fix its permissions (\`chmod u+rx\`)`));
      return [];
    }
    throw error;
  }
}
