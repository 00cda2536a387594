import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Why a commit is not made: the reasons `sync --json` reports (a cherry-pick or revert is a merge there, `git am` a rebase). */
export type OperationInProgress = 'merge-in-progress' | 'rebase-in-progress';

/**
 * The git command stopped part-way, each finished its own way. `squash` is a `git merge
 * --squash` waiting for its commit; `stash` a `git stash pop` (or `apply`) stopped on
 * conflicts; `unmerged` conflicts left by another command (`git checkout -m`, `git apply
 * --3way`). The last two leave no state file, only unmerged index entries (unmerged.ts).
 */
export type GitOperation = 'merge' | 'rebase' | 'am' | 'cherry-pick' | 'revert' | 'squash' | 'stash' | 'unmerged';

/**
 * The operation git has stopped in, by the files it keeps in the git directory while it
 * does — read as git's own `status` reads them (wt-status.c): `rebase-apply` is `git am`'s
 * when it holds `applying`, else an apply-style rebase's; `rebase-merge` is every other
 * rebase's. A rebase is asked first: one replaying a merge also leaves MERGE_HEAD, and
 * `git rebase --continue` is still what finishes it. A cherry-pick (or revert) of several
 * commits whose stopped one was committed by hand has no CHERRY_PICK_HEAD left, but is still
 * under way until `--continue` picks the rest: its `sequencer/todo` says so.
 */
export function gitOperation(gitDir: string): GitOperation | undefined {
  if (existsSync(join(gitDir, 'rebase-apply'))) return existsSync(join(gitDir, 'rebase-apply', 'applying')) ? 'am' : 'rebase';
  if (existsSync(join(gitDir, 'rebase-merge'))) return 'rebase';
  if (existsSync(join(gitDir, 'MERGE_HEAD'))) return 'merge';
  if (existsSync(join(gitDir, 'CHERRY_PICK_HEAD'))) return 'cherry-pick';
  if (existsSync(join(gitDir, 'REVERT_HEAD'))) return 'revert';
  // A squash merge writes no MERGE_HEAD, conflicted or not: its SQUASH_MSG stays until `git commit` (or a reset) ends it.
  return sequenceUnderWay(gitDir) ?? (existsSync(join(gitDir, 'SQUASH_MSG')) ? 'squash' : undefined);
}

/**
 * git's `AUTO_MERGE`, which a merge that stopped on conflicts leaves until the next commit or
 * reset — the only trace in git's directory of a `git stash pop` that conflicted: the tree
 * id it holds (its length tells SHA-1 from SHA-256), '' when it cannot be read, undefined
 * when there is none. Whether files are still unmerged is then asked of the index (unmerged.ts).
 */
export function autoMergeLeft(gitDir: string): string | undefined {
  try {
    return readFileSync(join(gitDir, 'AUTO_MERGE'), 'utf8').trim();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : '';
  }
}

/**
 * The stash git keeps (`refs/stash`, in the repository's common folder: a linked worktree's
 * git folder names it in `commondir`): its commit id, undefined when there is none. A pull
 * with `--autostash` that fast-forwarded and whose stash then conflicted leaves no
 * `AUTO_MERGE`: the unmerged files and the kept stash are all there is of it.
 */
export function stashKept(gitDir: string): string | undefined {
  try {
    return readFileSync(stashRefFile(gitDir), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The file of `refs/stash`, in the repository's common folder. */
export function stashRefFile(gitDir: string): string {
  return join(commonDir(gitDir), 'refs', 'stash');
}

/**
 * Whether git keeps a stash whose ref is no file of its own: `git pack-refs --all` (which
 * `git gc` runs) moves `refs/stash` into packed-refs, and only the stash's reflog, which
 * git keeps as long as the stash (`logs/refs/stash`), is left to see without a git process.
 * Git is then asked about the stash itself (unmerged.ts, popped-stash.ts), never the refs
 * files parsed. Before, a packed stash was taken for none.
 */
export function stashPacked(gitDir: string): boolean {
  return !existsSync(stashRefFile(gitDir)) && existsSync(join(commonDir(gitDir), 'logs', 'refs', 'stash'));
}

/** The repository's object id length in bytes from its config's `objectformat`: 32 for SHA-256, else SHA-1's 20. */
export function configHashLength(gitDir: string): number {
  let config = '';
  try {
    config = readFileSync(join(commonDir(gitDir), 'config'), 'utf8');
  } catch {
    // No config to read: git's default, SHA-1.
  }
  return /^\s*objectformat\s*=\s*sha256\s*$/im.test(config) ? 32 : 20;
}

/** The repository's common folder: a linked worktree's git folder names it in `commondir`. */
function commonDir(gitDir: string): string {
  try {
    return resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    // No `commondir`: the repository's own git folder.
    return gitDir;
  }
}

/**
 * The object id length in bytes (20, or 32 for SHA-256) of a repository whose refs are in a
 * reftable (`git init --ref-format=reftable`, git 2.45 on), undefined for one whose refs are
 * files. There git keeps `AUTO_MERGE`, `refs/stash`, `CHERRY_PICK_HEAD` and `REVERT_HEAD` in
 * the table, not as files of git's directory (only `MERGE_HEAD` and `FETCH_HEAD` stay files,
 * and the rebase and sequencer folders): a `git stash pop` stopped on conflicts shows no file
 * at all, so the index is what tells. The length is read from the config's `objectformat`.
 */
export function reftableHashLength(gitDir: string): number | undefined {
  return existsSync(join(commonDir(gitDir), 'reftable')) ? configHashLength(gitDir) : undefined;
}

/** A multi-commit cherry-pick or revert with commits left to apply: the first word of its next step. */
function sequenceUnderWay(gitDir: string): 'cherry-pick' | 'revert' | undefined {
  let todo: string;
  try {
    todo = readFileSync(join(gitDir, 'sequencer', 'todo'), 'utf8');
  } catch {
    return undefined;
  }
  const next = /^\s*(\w+)/m.exec(todo)?.[1];
  return next === 'revert' ? 'revert' : next ? 'cherry-pick' : undefined;
}

/** The reason `sync --json` gives for an operation: `git am` is a rebase there, any other a merge (a stash pop merges the stash). */
export function inProgressReason(operation: GitOperation): OperationInProgress {
  return operation === 'rebase' || operation === 'am' ? 'rebase-in-progress' : 'merge-in-progress';
}

const NAMES: Partial<Record<GitOperation, string>> = { am: '`git am`', squash: '`git merge --squash`', stash: "`git stash pop` (or a pull's `--autostash`)", unmerged: 'command (a `git checkout -m`, a `git apply --3way`)' };

/**
 * How a message names it, after "a": "a rebase", "a cherry-pick", "a `git am`". A pull with
 * `--autostash` (or `rebase.autoStash`) whose stash did not apply cleanly leaves what a
 * conflicted `git stash pop` leaves, and needs the same steps: both are named.
 */
export function operationName(operation: GitOperation): string {
  return NAMES[operation] ?? operation;
}

/**
 * The command that finishes it once the files are resolved and added. Not `git commit`
 * during a rebase, `git am` or a cherry-pick: there it would make a commit of its own
 * (or be refused) and leave the operation stopped; `git rebase --continue` in turn refuses
 * while any file differs unstaged, so every file sync wrote meanwhile is added first.
 */
export function continueCommand(operation: GitOperation): string {
  // git keeps the stash when its pop stops on conflicts: dropping it is the step left once they are resolved.
  if (operation === 'stash') return 'git stash drop';
  // Nothing else to finish: the conflicts added, the changes are the working tree's, committed as any other.
  if (operation === 'merge' || operation === 'squash' || operation === 'unmerged') return 'git commit';
  return `git ${operation} --continue`;
}

/**
 * Why sync (or a watch cycle) did not commit, and what finishes it. A stash pop or another
 * command's conflicts are not finished by a commit: the files stay the person's changes,
 * committed as any other once the conflicts are resolved.
 */
export function notCommittedMessage(operation: GitOperation): string {
  const name = operationName(operation);
  if (leavesWorkingChanges(operation)) return `a ${name} left files unmerged: the files were written but not committed (a commit now would take the conflicted files for resolved); ${resolveStep(operation)}`;
  return `a ${name} is in progress: the files were written but not committed; \`git add\` them, then \`${continueCommand(operation)}\`, which commits them as it finishes the ${name}: a later sync finds them written and commits nothing`;
}

/** The next step, as one command line: `git add <paths> && git rebase --continue`. */
export function finishStep(operation: GitOperation, paths: readonly string[]): string {
  const quoted = paths.map((p) => (/^[\w./@+-]+$/.test(p) ? p : `'${p.replaceAll("'", "'\\''")}'`));
  const add = paths.length ? `git add ${quoted.join(' ')}` : 'git add <the files>';
  // Another command's conflicts: added, they are resolved; what is left is the working tree's changes.
  return operation === 'unmerged' ? add : `${add} && ${continueCommand(operation)}`;
}

/** A stash pop's (or another command's) conflicts: no commit finishes them, the files stay the person's changes. */
export function leavesWorkingChanges(operation: GitOperation): boolean {
  return operation === 'stash' || operation === 'unmerged';
}

/** What to do about such conflicts, in words. */
export function resolveStep(operation: GitOperation): string {
  const drop = operation === 'stash' ? ', then `git stash drop` (git keeps the stash after a pop that conflicted)' : '';
  return `resolve the unmerged files and \`git add\` them${drop}, and commit as usual`;
}
