import { continueCommand, finishStep, gitOperationAt, operationName, type GitOperation } from './operation.js';
import { unmergedPaths } from './unmerged.js';

/** What git is stopped in while a workspace is checked, and the command that finishes it. */
export interface StoppedOperation {
  operation: GitOperation;
  /** The workspace's files git left unmerged (workspace-relative): empty once each is added. */
  unmerged: string[];
  /** The next step: the unmerged files added, then the command that finishes the operation. */
  next: string;
}

/**
 * The merge, rebase, cherry-pick, revert or `git am` stopped in the repository holding
 * `root`; undefined when none is (one look at the git directory, no git process).
 */
export async function stoppedOperation(root: string): Promise<StoppedOperation | undefined> {
  const operation = await gitOperationAt(root).catch(() => undefined);
  if (!operation) return undefined;
  const unmerged = await unmergedPaths(root);
  return { operation, unmerged, next: unmerged.length ? finishStep(operation, unmerged) : continueCommand(operation) };
}

/** The check's closing note: what is stopped, and how to finish it rather than with a plain `git commit`. */
export function stoppedNote(stopped: StoppedOperation): string {
  const name = operationName(stopped.operation);
  const files = stopped.unmerged.length === 1 ? '1 file' : `${stopped.unmerged.length} files`;
  const notCommit = stopped.operation === 'merge' ? '' : ` (not \`git commit\`, which would leave the ${name} stopped)`;
  return stopped.unmerged.length
    ? `a ${name} is stopped on conflicts in ${files}: once each is resolved (\`threadwork sync\` resolves those the warnings above say it does), \`${stopped.next}\`${notCommit}`
    : `a ${name} is stopped, every conflict resolved: \`git add\` what sync wrote, then \`${stopped.next}\`${notCommit}`;
}
