import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';
import { formatColored } from './check.js';

const LABEL: Record<string, (s: string) => string> = {
  created: pc.green,
  updated: pc.green,
  overwritten: pc.yellow,
  unchanged: pc.dim,
  'kept-edited': pc.yellow,
};

export async function strategyCommand(segments: string[], flags: { force?: boolean; commit: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.strategy({ segments, force: flags.force === true, commit: flags.commit });
  const lines = result.files.map((f) => `${(LABEL[f.action] ?? pc.dim)(f.action.padEnd(11))} ${f.path}${f.action === 'kept-edited' ? pc.dim(' (edited by hand; --force to regenerate)') : ''}`);
  for (const s of result.segments) for (const m of s.missing) lines.push(`${pc.yellow('missing')}     ${s.id}: ${m.message}`);
  lines.push(...result.diagnostics.map(formatColored));
  if (result.commit?.committed) lines.push(`${pc.green('committed')} ${result.commit.commit.slice(0, 10)}`);
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  return { json: { root: workspace.root, ...result }, text: lines.join('\n'), exitCode: errors ? 1 : 0 };
}
