import pc from 'picocolors';
import { storedCheck } from '../../engine/stored-check.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import type { CheckResult } from '../../check/check.js';
import { askServer } from '../../serve/client.js';
import { sparseCheckoutGap } from '../../git/sparse-checkout.js';
import { stoppedNote, stoppedOperation } from '../../git/stopped.js';
import { unmarkedConflicts } from '../../git/unmerged-paths.js';
import type { Diagnostic } from '../../diagnostics.js';
import { formatColored, servedBy, type CommandOutcome, type GlobalOptions } from '../outcome.js';

export async function checkCommand(flags: { cache?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const root = findWorkspaceRoot(options.dir);
  const cache = flags.cache !== false;
  // A process keeping the workspace warm (the MCP server) answers first, when one runs; `--no-cache` reads every file here.
  const served = cache ? await askServer(root, { op: 'check' }) : undefined;
  const checked = (served?.value as CheckResult | undefined) ?? (await checkHere(root, cache));
  const [outside, stopped] = await Promise.all([outsideCheckout(root), stoppedOperation(root)]);
  // Files git left unmerged with no markers to find in them (a deal folder renamed on one side): git's state, not the files', so asked here.
  const result = stopped ? withDiagnostics(checked, await unmarkedConflicts(root, stopped.operation)) : checked;
  const lines = result.diagnostics.map(formatColored);
  const counts = `${plural(result.files, 'file')}, ${plural(result.threads, 'thread')}`;
  const summary = result.diagnostics.length === 0
    ? pc.green(`✓ ${counts}: no problems`)
    : (result.ok ? pc.yellow : pc.red)(`${result.ok ? '⚠' : '✖'} ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in ${counts}`);
  const note = stopped ? [`${pc.yellow('note:')} ${stoppedNote(stopped)}`] : [];
  if (outside) note.push(`${pc.yellow('note:')} ${outside.count} workspace ${outside.count === 1 ? 'file is' : 'files are'} outside git's sparse checkout: this check covers only what is checked out (\`git sparse-checkout add ${outside.include.join(' ')}\` brings ${outside.count === 1 ? 'it' : 'them'} back)`);
  return {
    json: { root, ...result, ...(outside ? { outsideCheckout: outside } : {}), ...(stopped ? { gitStopped: stopped } : {}), ...servedBy(served) },
    text: [...lines, summary, ...note].join('\n'),
    exitCode: result.ok ? 0 : 1,
  };
}

async function checkHere(root: string, cache: boolean): Promise<CheckResult> {
  // A stored result needs none of the engine: it is loaded only when there is work to do.
  const stored = await storedCheck(root, cache);
  return stored.result ?? (await (await import('../../engine/run-check.js')).checkWorkspace(root, { cache }, stored));
}

/** `result` with `more` errors among its diagnostics, its counts and verdict with them. */
function withDiagnostics(result: CheckResult, more: readonly Diagnostic[]): CheckResult {
  if (more.length === 0) return result;
  const errors = more.filter((d) => d.severity === 'error').length;
  return { ...result, diagnostics: [...more, ...result.diagnostics], errors: result.errors + errors, warnings: result.warnings + more.length - errors, ok: result.ok && errors === 0 };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
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
