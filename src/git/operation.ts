import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryOf } from './repo.js';

/** Why a commit is not made: the reasons `sync --json` reports (a cherry-pick or revert is a merge there, `git am` a rebase). */
export type OperationInProgress = 'merge-in-progress' | 'rebase-in-progress';

/** The git command stopped part-way, each finished its own way. */
export type GitOperation = 'merge' | 'rebase' | 'am' | 'cherry-pick' | 'revert';

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
  return sequenceUnderWay(gitDir);
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

/** A merge (cherry-pick and revert included) or rebase (`git am` included) git has stopped in. */
export function operationInProgress(gitDir: string): OperationInProgress | undefined {
  const operation = gitOperation(gitDir);
  return operation && inProgressReason(operation);
}

/** The reason `sync --json` gives for an operation: `git am` is a rebase there, a cherry-pick or revert a merge. */
export function inProgressReason(operation: GitOperation): OperationInProgress {
  return operation === 'rebase' || operation === 'am' ? 'rebase-in-progress' : 'merge-in-progress';
}

/** gitOperation of the repository holding `dir`; undefined outside git. */
export async function gitOperationAt(dir: string): Promise<GitOperation | undefined> {
  const repo = await repositoryOf(dir);
  return repo ? gitOperation(repo.gitDir) : undefined;
}

/** How a message names it: "a rebase", "a cherry-pick", "a `git am`". */
export function operationName(operation: GitOperation): string {
  return operation === 'am' ? '`git am`' : operation;
}

/**
 * The command that finishes it once the files are resolved and added. Not `git commit`
 * during a rebase, `git am` or a cherry-pick: there it would make a commit of its own
 * (or be refused) and leave the operation stopped; `git rebase --continue` in turn refuses
 * while any file differs unstaged, so every file sync wrote meanwhile is added first.
 */
export function continueCommand(operation: GitOperation): string {
  return operation === 'merge' ? 'git commit' : `git ${operation} --continue`;
}

/** The next step, as one command line: `git add <paths> && git rebase --continue`. */
export function finishStep(operation: GitOperation, paths: readonly string[]): string {
  const quoted = paths.map((p) => (/^[\w./@+-]+$/.test(p) ? p : `'${p.replaceAll("'", "'\\''")}'`));
  return `${paths.length ? `git add ${quoted.join(' ')}` : 'git add <the files>'} && ${continueCommand(operation)}`;
}
