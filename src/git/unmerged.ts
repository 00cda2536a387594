import type { MergeSides } from '../markdown/conflict-markers.js';
import { gitText } from './git.js';
import { readBlobs, repositoryIn } from './head-files.js';
import { indexHoldsConflicts } from './index-stages.js';
import { autoMergeLeft, configHashLength, gitOperation, reftableHashLength, stashKept, stashPacked, type GitOperation } from './operation.js';
import { repositoryOf } from './repo.js';
import { pickInRefTable } from './table-operation.js';

const STAGES = { '1': 'base', '2': 'ours', '3': 'theirs' } as const;

/**
 * Every unmerged file of the workspace (paths relative to `cwd`) with the sides git holds of
 * it. The working file holds git's merge of the sides, other hunks of each merged around the
 * conflict, so neither side can be read back from it; the index still has both whole. Empty
 * — and no git process spawned — unless a merge or rebase is stopped.
 */
export async function readUnmergedFiles(cwd: string): Promise<Map<string, MergeSides>> {
  const listed = await gitStop(cwd);
  return listed ? sidesOf(listed) : new Map();
}

/** The sides git's index holds of the unmerged files `stop` lists (those `wanted` says, else all): one `git cat-file` for them all, none when none is wanted. */
export async function sidesOf({ top, entries }: GitStop, wanted: (path: string) => boolean = () => true): Promise<Map<string, MergeSides>> {
  const found = new Map<string, MergeSides>();
  const asked = entries.filter((e) => wanted(e.path));
  if (asked.length === 0) return found;
  const texts = await readBlobs(top, asked.map((e) => e.oid));
  asked.forEach((entry, index) => {
    const sides = found.get(entry.path) ?? {};
    const text = texts[index];
    if (text !== undefined) sides[entry.side] = text;
    found.set(entry.path, sides);
  });
  return found;
}

/** One unmerged index entry of a workspace file: the side it holds and its blob. */
export interface UnmergedEntry {
  oid: string;
  side: 'base' | 'ours' | 'theirs';
  /** Workspace-relative. */
  path: string;
}

/** What git is stopped in, with the workspace's unmerged entries (`ls-files -u`) as they were asked once. */
export interface GitStop {
  operation: GitOperation;
  /** The repository's top folder. */
  top: string;
  entries: UnmergedEntry[];
}

/**
 * The operation git is stopped in and the workspace's unmerged entries: the one place that
 * asks git for them (`git ls-files -u`). No git process unless git's directory shows an
 * operation, or `AUTO_MERGE` a merge that stopped on conflicts and the index file still holds
 * an entry at a conflict stage (index-stages.ts) — in a reftable repository, which keeps
 * `AUTO_MERGE` in its table, whenever the index file does: a `git stash pop` that conflicted leaves
 * nothing else, so its unmerged files are what tell it (`stash` while a stash is kept, else
 * `unmerged`); none left, nothing is stopped.
 */
export async function gitStop(cwd: string): Promise<GitStop | undefined> {
  const repo = await repositoryOf(cwd).catch(() => undefined);
  if (!repo) return undefined;
  // In a reftable repository a single cherry-pick's or revert's head is in the table: its MERGE_MSG tells git is to be asked.
  const operation = gitOperation(repo.gitDir) ?? (reftableHashLength(repo.gitDir) === undefined ? undefined : await pickInRefTable(repo.gitDir, cwd));
  if (!operation) {
    // A tree or commit id either way: its length tells SHA-1 from SHA-256.
    const left = autoMergeLeft(repo.gitDir) ?? stashKept(repo.gitDir);
    // A stash packed (`git gc`) is no file of its own, nor is either in a reftable repository: a conflicted stash pop left nothing to see, and sync committed over it.
    const hashLength = left !== undefined ? left.length / 2 : stashPacked(repo.gitDir) ? configHashLength(repo.gitDir) : reftableHashLength(repo.gitDir);
    if (hashLength === undefined) return undefined;
    // Left after conflicts resolved (until the person's next commit), or a stash kept for later: the index read says so, no git spawned.
    if (indexHoldsConflicts(repo.gitDir, hashLength) === false) return undefined;
  }
  const inRepo = await repositoryIn(cwd);
  if (!inRepo) return undefined;
  const [listed, stash, nothingStaged] = await Promise.all([
    gitText(inRepo.top, ['ls-files', '-u', '-z']).catch(() => ''),
    operation ? undefined : gitText(inRepo.top, ['rev-parse', '-q', '--verify', 'refs/stash']).then(() => true, () => false),
    // Exit 0: the index is HEAD's (1 when it differs; an error, no HEAD, is taken as differing).
    operation === 'squash' ? gitText(inRepo.top, ['diff-index', '--cached', '--quiet', 'HEAD', '--']).then(() => true, () => false) : false,
  ]);
  const entries = listed.split('\0').flatMap((entry) => {
    const match = /^\d+ ([0-9a-f]+) ([123])\t(.*)$/s.exec(entry);
    return match && match[3]!.startsWith(inRepo.prefix) ? [{ oid: match[1]!, side: STAGES[match[2] as '1' | '2' | '3'], path: match[3]!.slice(inRepo.prefix.length) }] : [];
  });
  // A squash merge that brought nothing (its changes already in HEAD: a branch squashed twice) leaves SQUASH_MSG that no
  // `git commit` removes — it refuses, nothing to commit — so it waits for nothing: sync and watch committed nothing, ever.
  if (operation === 'squash' && nothingStaged && entries.length === 0) return undefined;
  if (operation) return { operation, top: inRepo.top, entries };
  return entries.length ? { operation: stash ? 'stash' : 'unmerged', top: inRepo.top, entries } : undefined;
}

/** The paths of `entries`, once each, sorted: the files git's `status` lists as both modified, added or deleted by us or them. */
export function pathsOf(entries: readonly UnmergedEntry[]): string[] {
  return [...new Set(entries.map((e) => e.path))].sort();
}

/** gitStop's operation alone: what keeps sync and watch from committing. */
export async function gitOperationAt(cwd: string): Promise<GitOperation | undefined> {
  return (await gitStop(cwd))?.operation;
}
