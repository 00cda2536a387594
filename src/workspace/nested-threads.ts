import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { LAYOUT, threadOf } from './layout.js';

/**
 * A thread folder inside another folder of threads (`threads/sales/brightcart/fernway-home/`:
 * dragged onto its neighbour, or into an `archive/` folder): threadwork reads a thread only
 * directly under its family's folder, so this one is read by nothing — an error, not the
 * silence of a folder of attachments, and the thread it was moved from is held at its
 * version in HEAD, its removal never committed (engine/hold-in-error.ts), until it is moved
 * back or out of threads/. Asked only of a thread folder's subfolders: few.
 */
export function nestedThreadDiagnostic(folder: string): Diagnostic {
  const parents = folder.slice(0, folder.lastIndexOf('/'));
  const expected = nestedThreadHome(folder);
  return diagnostic(
    `${folder}/meta.json`,
    START,
    'error',
    'thread-folder-nested',
    `Thread folder ${folder} is inside ${parents}: threadwork reads a thread only directly under threads/sales/ (deals), threads/sales/campaigns/ or threads/marketing/, so nothing in it is read — expected it at ${expected}; move it there, or out of threads/ to take it out of the figures. A thread moved from there is held at its version in HEAD until then`,
  );
}

/** Where a thread folder found nested belongs: directly under the family folder it was found in. */
export function nestedThreadHome(folder: string): string {
  const name = folder.slice(folder.lastIndexOf('/') + 1);
  if (folder.startsWith(`${LAYOUT.campaigns}/`)) return `${LAYOUT.campaigns}/${name}`;
  if (folder.startsWith(`${LAYOUT.marketing}/`)) return `${LAYOUT.marketing}/${name}`;
  return `${LAYOUT.deals}/${name}`;
}

/** The folders threads live in, one per family, in the order a scan lists them. */
export const THREAD_FOLDERS: readonly string[] = [LAYOUT.campaigns, LAYOUT.deals, LAYOUT.marketing];

/**
 * The `thread-folder-nested` errors of the thread folders gone from disk among `paths`
 * (deleted files a watch cycle or a warm call was told of) that are now nested one level
 * inside another folder of threads — what a scan finds on a cold run, found here for a run
 * that reads only what changed. Looked for only when a thread folder is gone: a few
 * thousand `existsSync` at 10,000 deals.
 */
export function nestedCopiesOfGoneThreads(root: string, paths: Iterable<string>, isThread: (folder: string) => boolean): Diagnostic[] {
  const gone = new Set<string>();
  const asked = new Set<string>();
  for (const path of paths) {
    // Only a folder the workspace no longer has is looked for on disk, once: a cold run names 70,000 paths.
    const thread = threadOf(path.split('/'))?.thread;
    if (!thread || isThread(thread) || asked.has(thread)) continue;
    asked.add(thread);
    if (!existsSync(join(root, thread))) gone.add(thread.slice(thread.lastIndexOf('/') + 1));
  }
  if (gone.size === 0) return [];
  const found: Diagnostic[] = [];
  for (const family of THREAD_FOLDERS) {
    for (const folder of subfolders(root, family)) {
      if (family === LAYOUT.deals && folder === 'campaigns') continue;
      for (const name of gone) if (existsSync(join(root, family, folder, name, 'meta.json'))) found.push(nestedThreadDiagnostic(`${family}/${folder}/${name}`));
    }
  }
  return found;
}

/** The folders in `dir` (none when it cannot be listed). */
export function subfolders(root: string, dir: string): string[] {
  try {
    return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [e.name] : []));
  } catch {
    return [];
  }
}
