import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export async function checkCommand(flags: { cache?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.check({ cache: flags.cache !== false });
  const lines = result.diagnostics.map(formatColored);
  const counts = `${plural(result.files, 'file')}, ${plural(result.threads, 'thread')}`;
  const summary = result.diagnostics.length === 0
    ? pc.green(`✓ ${counts}: no problems`)
    : (result.ok ? pc.yellow : pc.red)(`${result.ok ? '⚠' : '✖'} ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in ${counts}`);
  return {
    json: { root: workspace.root, ...result },
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
