import { statSync } from 'node:fs';
import { join } from 'node:path';
import { indexHoldsConflicts } from './index-stages.js';
import { gitText } from './git.js';
import { autoMergeLeft, gitOperation, stashPacked, stashRefFile } from './operation.js';
import { repositoryOf } from './repo.js';

/** The step that ends it, once the person has what they want from the stash. */
export const DROP_POPPED_STASH = 'git stash drop';

/**
 * Whether a `git stash pop` that stopped on conflicts looks resolved while git still keeps its
 * stash: git drops a stash only when its pop applies cleanly, and once the conflicts are added
 * nothing is stopped (unmerged.ts), so nothing said so — `git stash list` still showed it, and
 * a later `git stash pop` applied its changes a second time over what was since committed. Its
 * trace is git's `AUTO_MERGE` (left by the conflicted merge until the next commit or reset), a
 * kept stash (`refs/stash`), no operation under way and no entry of the index at a conflict
 * stage — read from git's directory and index file, no git process (but for a stash packed into
 * packed-refs, stashPacked: git's reflog of it says when it was last written). The stash is the popped one
 * when `refs/stash` was last written before `AUTO_MERGE`: a pop that conflicts leaves it as it
 * was, where a `git stash drop` (an older stash still kept) or a new `git stash` rewrites it. After the next commit
 * `AUTO_MERGE` is gone and a kept stash is anyone's: nothing is said then.
 */
export async function poppedStashKept(cwd: string): Promise<boolean> {
  const repo = await repositoryOf(cwd).catch(() => undefined);
  if (!repo || gitOperation(repo.gitDir)) return false;
  const autoMerge = autoMergeLeft(repo.gitDir);
  if (!autoMerge) return false;
  const mergedAt = modifiedAt(join(repo.gitDir, 'AUTO_MERGE'));
  if (mergedAt === undefined) return false;
  const stashedAt = modifiedAt(stashRefFile(repo.gitDir)) ?? (stashPacked(repo.gitDir) ? await stashLoggedAt(cwd) : undefined);
  if (stashedAt === undefined || stashedAt > mergedAt) return false;
  // Its length tells SHA-1 from SHA-256; a file that cannot tell (undefined) says nothing, as no conflict is known gone.
  return indexHoldsConflicts(repo.gitDir, autoMerge.length / 2) === false;
}

/** When a file was last written (ms), undefined when there is none. */
function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * When a packed `refs/stash` was last written (ms), as git's reflog of it says — its newest
 * entry's time, whole seconds (`stash@{1765100000}`): asked of git wherever it keeps the stash,
 * never read from the refs files. Undefined when git keeps none.
 */
async function stashLoggedAt(cwd: string): Promise<number | undefined> {
  const selector = await gitText(cwd, ['log', '-g', '-1', '--date=unix', '--format=%gd', 'refs/stash']).catch(() => '');
  const seconds = /@\{(\d+)\}/.exec(selector)?.[1];
  return seconds === undefined ? undefined : Number(seconds) * 1000;
}
