import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { resolvesInside, symlinkOnTheWay } from './contain.js';
import { kindOf } from './read-files.js';
import { LAYOUT } from './layout.js';

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
 * Lists the files the engine reads. Only the folders of the layout are walked, so a
 * large `node_modules` or an unrelated folder never slows a scan.
 *
 * A symbolic link is never followed, at any level (`threads`, `threads/sales`, a thread
 * folder, a file): git stores a link as a link and refuses paths beyond one, and a link
 * pointing outside would make the workspace read — and a sync write — the rest of the
 * machine. Each one met where the layout expects content is reported instead.
 */
export function scanWorkspace(root: string, includeThread: (dir: string) => boolean = () => true): ScanResult {
  const files: string[] = [];
  const threadDirs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const known = new Map<string, boolean>();
  const reported = new Set<string>();
  const refuseLink = (rel: string): void => {
    if (reported.has(rel)) return;
    reported.add(rel);
    const where = resolvesInside(root, join(root, rel)) ? 'inside the workspace' : 'outside the workspace (or nowhere)';
    diagnostics.push(diagnostic(rel, START, 'error', 'path-refused', `Refused ${rel}: it is a symbolic link pointing ${where}; the workspace never reads or writes through one. Replace it with the folder or file itself.`));
  };
  /** The entries of a layout folder, or none when it (or a folder above it) is a symbolic link. */
  const list = (rel: string): Dirent[] => {
    const link = rel ? symlinkOnTheWay(root, rel, known) : undefined;
    if (link !== undefined) {
      refuseLink(link);
      return [];
    }
    return listDir(root, rel);
  };
  /** Whether an entry the layout wants is usable; a link or a special file is reported. */
  const usable = (dir: string, e: Dirent, want: 'file' | 'dir'): boolean => {
    if (want === 'file' ? e.isFile() : e.isDirectory()) return true;
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isSymbolicLink()) refuseLink(rel);
    else if (want === 'file' && !e.isDirectory()) diagnostics.push(diagnostic(rel, START, 'warning', 'special-file', `Skipped special file ${rel}: it is a ${kindOf(e)}, not a regular file; it is never opened`));
    return false;
  };
  const config = list('').find((e) => e.name === LAYOUT.config);
  if (config && usable('', config, 'file')) files.push(LAYOUT.config);
  for (const dir of [LAYOUT.canvas, LAYOUT.goals]) {
    for (const e of list(dir)) if (e.name.endsWith('.md') && usable(dir, e, 'file')) files.push(`${dir}/${e.name}`);
  }
  for (const e of list(LAYOUT.icp)) if (e.name.endsWith('.yaml') && usable(LAYOUT.icp, e, 'file')) files.push(`${LAYOUT.icp}/${e.name}`);
  // The do-not-contact list, the one file directly under the campaigns folder. One that is
  // refused (a link) or cannot be read (a folder) is reported, so it is never an empty list.
  const suppression = list(LAYOUT.campaigns).find((e) => e.name === 'suppression.yaml');
  if (suppression && (suppression.isDirectory() || usable(LAYOUT.campaigns, suppression, 'file'))) files.push(`${LAYOUT.campaigns}/suppression.yaml`);
  const threadParents = [LAYOUT.campaigns, LAYOUT.deals, LAYOUT.marketing];
  for (const parent of threadParents) {
    for (const e of list(parent)) {
      if (parent === LAYOUT.deals && e.name === 'campaigns') continue;
      if (parent === LAYOUT.campaigns && e.name === 'suppression.yaml') continue;
      if (!e.isDirectory()) {
        if (e.isSymbolicLink()) refuseLink(`${parent}/${e.name}`);
        continue;
      }
      const dir = `${parent}/${e.name}`;
      if (!includeThread(dir)) continue;
      threadDirs.push(dir);
      known.set(dir, false); // its parent's listing says it is a folder, not a link: no lstat to ask again
      for (const f of list(dir)) {
        if (parent === LAYOUT.campaigns && f.name === 'drafts' && f.isDirectory()) {
          // Campaign drafts are checked against the quality gate.
          for (const d of list(`${dir}/drafts`)) if (d.name.endsWith('.md') && usable(`${dir}/drafts`, d, 'file')) files.push(`${dir}/drafts/${d.name}`);
        } else if (!f.isDirectory() && usable(dir, f, 'file')) files.push(`${dir}/${f.name}`);
      }
    }
  }
  return { files, threadDirs, diagnostics };
}

function listDir(root: string, rel: string): Dirent[] {
  try {
    return readdirSync(join(root, rel), { withFileTypes: true }).filter((e) => !isIgnoredName(e.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
}
