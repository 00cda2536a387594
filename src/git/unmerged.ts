import type { MergeSides } from '../markdown/conflict-markers.js';
import { gitText } from './git.js';
import { readBlobs, repositoryIn } from './head-files.js';
import { operationInProgress } from './operation.js';
import { repositoryOf } from './repo.js';

const STAGES = { '1': 'base', '2': 'ours', '3': 'theirs' } as const;

/**
 * Every unmerged file of the workspace (paths relative to `cwd`) with the sides git holds of
 * it. The working file holds git's merge of the sides, other hunks of each merged around the
 * conflict, so neither side can be read back from it; the index still has both whole. Empty
 * — and no git process spawned — unless a merge or rebase is stopped.
 */
export async function readUnmergedFiles(cwd: string): Promise<Map<string, MergeSides>> {
  const found = new Map<string, MergeSides>();
  const listed = await unmergedEntries(cwd);
  if (!listed) return found;
  const { top, entries } = listed;
  const texts = await readBlobs(top, entries.map((e) => e.oid));
  entries.forEach((entry, index) => {
    const sides = found.get(entry.path) ?? {};
    const text = texts[index];
    if (text !== undefined) sides[entry.side] = text;
    found.set(entry.path, sides);
  });
  return found;
}

/** The unmerged paths of the workspace (relative to `cwd`), sorted: the files git's `status` lists as both modified, added or deleted by us or them. */
export async function unmergedPaths(cwd: string): Promise<string[]> {
  const listed = await unmergedEntries(cwd);
  return [...new Set(listed?.entries.map((e) => e.path))].sort();
}

/** git's index entries of the unmerged files (`ls-files -u`), while a merge or rebase is stopped. */
export async function unmergedEntries(cwd: string): Promise<{ top: string; entries: { oid: string; side: 'base' | 'ours' | 'theirs'; path: string }[] } | undefined> {
  const repo = await repositoryOf(cwd).catch(() => undefined);
  if (!repo || !operationInProgress(repo.gitDir)) return undefined;
  const inRepo = await repositoryIn(cwd);
  if (!inRepo) return undefined;
  const listed = await gitText(inRepo.top, ['ls-files', '-u', '-z']).catch(() => '');
  const entries = listed.split('\0').flatMap((entry) => {
    const match = /^\d+ ([0-9a-f]+) ([123])\t(.*)$/s.exec(entry);
    return match && match[3]!.startsWith(inRepo.prefix) ? [{ oid: match[1]!, side: STAGES[match[2] as '1' | '2' | '3'], path: match[3]!.slice(inRepo.prefix.length) }] : [];
  });
  return { top: inRepo.top, entries };
}
