import { continueCommand, finishStep, leavesWorkingChanges, operationName, type GitOperation } from './operation.js';
import type { Diagnostic } from '../diagnostics.js';
import { pathsOf, type GitStop } from './unmerged.js';

/** What git is stopped in while a workspace is checked, and the command that finishes it. */
export interface StoppedOperation {
  operation: GitOperation;
  /** The workspace's files git left unmerged (workspace-relative): empty once each is added. */
  unmerged: string[];
  /** The next step: the unmerged files added, then the command that finishes the operation. */
  next: string;
}

/** What a check says of what git is stopped in (gitStop, asked once by the check). */
export function stoppedOperation({ operation, entries }: GitStop): StoppedOperation {
  const unmerged = pathsOf(entries);
  return { operation, unmerged, next: unmerged.length ? finishStep(operation, unmerged) : continueCommand(operation) };
}

/**
 * The check's closing note: what is stopped, and how to finish it rather than with a plain
 * `git commit`. `printed` are the diagnostics the check printed above it: the note says sync
 * resolves a conflict only where a `merge-conflict` warning above says so (an error is yours to resolve).
 */
export function stoppedNote(stopped: StoppedOperation, printed: readonly Diagnostic[]): string {
  const name = operationName(stopped.operation);
  const files = stopped.unmerged.length === 1 ? '1 file' : `${stopped.unmerged.length} files`;
  const resolved = whoResolves(stopped.unmerged, printed);
  if (leavesWorkingChanges(stopped.operation)) {
    const kept = stopped.operation === 'stash' ? ' (git keeps the stash after a pop that conflicted: drop it once its changes are resolved)' : '';
    return `a ${name} left conflicts in ${files}, which sync and watch do not commit over: once each is resolved${resolved}, \`${stopped.next}\`${kept}`;
  }
  const notCommit = stopped.operation === 'merge' || stopped.operation === 'squash' ? '' : ` (not \`git commit\`, which would leave the ${name} stopped)`;
  if (stopped.unmerged.length) return `a ${name} is stopped on conflicts in ${files}: once each is resolved${resolved}, \`${stopped.next}\`${notCommit}`;
  // A squash merge waits for its commit without conflicts too: git makes none until `git commit`.
  if (stopped.operation === 'squash') return `a ${name} is waiting for its commit (sync and watch commit nothing until then): \`git add\` what sync wrote, then \`${stopped.next}\``;
  return `a ${name} is stopped, every conflict resolved: \`git add\` what sync wrote, then \`${stopped.next}\`${notCommit}`;
}

/** The check's note when a popped stash's conflicts are resolved and git still keeps the stash (git/popped-stash.ts). */
export function poppedStashNote(next: string): string {
  return `a \`git stash pop\` (or a pull's \`--autostash\`) stopped on conflicts that are now resolved, and git still keeps its stash (\`git stash list\`): its changes are in your files, so once you have what you want from it, \`${next}\` — a later \`git stash pop\` would apply them again`;
}

/** What the note says of who resolves the conflicts, as the severities printed above it have it. */
function whoResolves(unmerged: readonly string[], printed: readonly Diagnostic[]): string {
  const conflicted = new Set(unmerged);
  const bySync = new Set(printed.filter((d) => d.rule === 'merge-conflict' && d.severity === 'warning' && conflicted.has(d.path)).map((d) => d.path));
  if (bySync.size === 0) return '';
  if (bySync.size === conflicted.size) return unmerged.length === 1 ? ' (`threadwork sync` resolves it, as the warning above says)' : ' (`threadwork sync` resolves each, as the warnings above say)';
  return ' (`threadwork sync` resolves those the warnings above say it does)';
}
