import type { CheckResult } from '../check/check.js';
import type { Diagnostic } from '../diagnostics.js';
import { DROP_POPPED_STASH, poppedStashKept } from '../git/popped-stash.js';
import { sparseCheckoutGap } from '../git/sparse-checkout.js';
import { stoppedOperation, type StoppedOperation } from '../git/stopped.js';
import { gitStop, sidesOf, type GitStop } from '../git/unmerged.js';
import { unmarkedConflicts } from '../git/unmerged-paths.js';
import { icpConflictsPointedAtSource, icpConflictsToPoint } from '../strategy/icp-conflict.js';
import { readWorkspaceText } from '../workspace/read-files.js';

/** A check's result with what git's own state adds to it: every front-end (CLI, MCP) reports the same. */
export interface CheckWithGitState {
  result: CheckResult;
  /** The merge, rebase, cherry-pick, revert or `git am` git is stopped in, and how to finish it. */
  stopped?: StoppedOperation;
  /** Workspace files git's sparse checkout leaves out, which the check could not read. */
  outside?: { count: number; include: string[] };
  /** A `git stash pop` whose conflicts are resolved while git still keeps its stash (git/popped-stash.ts): the command that drops it. */
  poppedStash?: { next: string };
}

/**
 * `checked` (the files' check) with git's state beside it: files git left unmerged with no
 * markers to find in them (a deal folder renamed on one side of a pull) are git's state,
 * not the files', so they are asked of git here and added as errors; a stopped operation
 * and a sparse checkout's gap are returned for the front-end to say, and a resolved stash pop's kept stash; an ICP file's conflict
 * says what resolves it — the canvas while that holds one, sync when both its sides (read from git's index) are as generated. One look at the git
 * directory and one `existsSync` when git is in neither state; one `git ls-files -u` when it is stopped.
 */
export async function withGitState(root: string, checked: CheckResult): Promise<CheckWithGitState> {
  const [outside, stop] = await Promise.all([outsideCheckout(root), gitStop(root)]);
  // Git's unmerged entries asked once, for the note and the unmarked conflicts alike.
  const stopped = stop && stoppedOperation(stop);
  const result = await pointedAtCanvas(root, stop ? withDiagnostics(checked, await unmarkedConflicts(root, stop)) : checked, stop);
  const poppedStash = !stop && (await poppedStashKept(root)) ? { next: DROP_POPPED_STASH } : undefined;
  return { result, ...(stopped ? { stopped } : {}), ...(outside ? { outside } : {}), ...(poppedStash ? { poppedStash } : {}) };
}

/** The JSON fields git's state adds to a check's result (CLI `check --json` and the MCP `check` tool alike). */
export function gitStateFields({ stopped, outside, poppedStash }: CheckWithGitState): { gitStopped?: StoppedOperation; outsideCheckout?: { count: number; include: string[] }; poppedStashKept?: { next: string } } {
  return { ...(outside ? { outsideCheckout: outside } : {}), ...(stopped ? { gitStopped: stopped } : {}), ...(poppedStash ? { poppedStashKept: poppedStash } : {}) };
}

/** `result` with an ICP file's conflict saying what resolves it: the canvas section it is generated from while that holds one too, else sync when it is as generated (strategy/icp-conflict.ts). */
async function pointedAtCanvas(root: string, result: CheckResult, stop: GitStop | undefined): Promise<CheckResult> {
  const icp = icpConflictsToPoint(result.diagnostics);
  if (icp.size === 0) return result;
  const sides = stop && (await sidesOf(stop, (path) => icp.has(path)));
  const diagnostics = icpConflictsPointedAtSource(result.diagnostics, sides, (path) => readWorkspaceText(root, path));
  return diagnostics === result.diagnostics ? result : Object.assign({}, result, { diagnostics });
}

/** `result` with `more` among its diagnostics, its counts and verdict with them. */
function withDiagnostics(result: CheckResult, more: readonly Diagnostic[]): CheckResult {
  if (more.length === 0) return result;
  const errors = more.filter((d) => d.severity === 'error').length;
  return Object.assign({}, result, { diagnostics: more.concat(result.diagnostics), errors: result.errors + errors, warnings: result.warnings + more.length - errors, ok: result.ok && errors === 0 });
}

/**
 * What git's sparse checkout leaves out of the workspace: a check reads only the files on
 * disk, so "no problems" would speak for threads it never saw. (Writes are refused there:
 * engine/sparse-refusal.ts.) One existsSync outside a sparse checkout.
 */
async function outsideCheckout(root: string): Promise<{ count: number; include: string[] } | undefined> {
  const gap = await sparseCheckoutGap(root);
  return gap && { count: gap.paths.length, include: gap.include };
}
