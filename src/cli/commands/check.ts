import pc from 'picocolors';
import { storedCheck } from '../../engine/stored-check.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export async function checkCommand(flags: { cache?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const root = findWorkspaceRoot(options.dir);
  const cache = flags.cache !== false;
  // A stored result needs none of the engine: it is loaded only when there is work to do.
  const stored = await storedCheck(root, cache);
  const result = stored.result ?? (await (await import('../../engine/run-check.js')).checkWorkspace(root, { cache }, stored));
  const lines = result.diagnostics.map(formatColored);
  const counts = `${plural(result.files, 'file')}, ${plural(result.threads, 'thread')}`;
  const summary = result.diagnostics.length === 0
    ? pc.green(`✓ ${counts}: no problems`)
    : (result.ok ? pc.yellow : pc.red)(`${result.ok ? '⚠' : '✖'} ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in ${counts}`);
  return {
    json: { root, ...result },
    text: [...lines, summary].join('\n'),
    exitCode: result.ok ? 0 : 1,
  };
}

export function formatColored(d: Diagnostic): string {
  const severity = d.severity === 'error' ? pc.red('error') : pc.yellow('warning');
  return `${pc.bold(`${d.path}:${d.line}:${d.column}`)} ${severity} ${d.message} ${pc.dim(`(${d.rule})`)}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
