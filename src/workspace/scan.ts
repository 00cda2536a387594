import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { LAYOUT } from './layout.js';

export interface ScanResult {
  /** Workspace-relative paths (forward slashes) of every file the engine reads. */
  files: string[];
  /** Workspace-relative paths of every thread folder, whether or not it has a meta.json. */
  threadDirs: string[];
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
 */
export function scanWorkspace(root: string, includeThread: (dir: string) => boolean = () => true): ScanResult {
  const files: string[] = [];
  const threadDirs: string[] = [];
  const config = list(root, '').find((e) => e.isFile() && e.name === LAYOUT.config);
  if (config) files.push(LAYOUT.config);
  for (const dir of [LAYOUT.canvas, LAYOUT.goals]) {
    for (const e of list(root, dir)) if (e.isFile() && e.name.endsWith('.md')) files.push(`${dir}/${e.name}`);
  }
  for (const e of list(root, LAYOUT.icp)) if (e.isFile() && e.name.endsWith('.yaml')) files.push(`${LAYOUT.icp}/${e.name}`);
  // The do-not-contact list, the one file directly under the campaigns folder. Listed whatever
  // its entry type, so that one that cannot be read is an error rather than an empty list.
  if (list(root, LAYOUT.campaigns).some((e) => e.name === 'suppression.yaml')) files.push(`${LAYOUT.campaigns}/suppression.yaml`);
  const threadParents = [LAYOUT.campaigns, LAYOUT.deals, LAYOUT.marketing];
  for (const parent of threadParents) {
    for (const e of list(root, parent)) {
      if (!e.isDirectory() || (parent === LAYOUT.deals && e.name === 'campaigns')) continue;
      const dir = `${parent}/${e.name}`;
      if (!includeThread(dir)) continue;
      threadDirs.push(dir);
      for (const f of list(root, dir)) {
        if (f.isFile()) files.push(`${dir}/${f.name}`);
        // Campaign drafts are checked against the quality gate.
        else if (parent === LAYOUT.campaigns && f.isDirectory() && f.name === 'drafts') {
          for (const d of list(root, `${dir}/drafts`)) if (d.isFile() && d.name.endsWith('.md')) files.push(`${dir}/drafts/${d.name}`);
        }
      }
    }
  }
  return { files, threadDirs };
}

function list(root: string, rel: string): Dirent[] {
  try {
    return readdirSync(join(root, rel), { withFileTypes: true }).filter((e) => !isIgnoredName(e.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
}
