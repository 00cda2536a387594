import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { reportsAnError } from '../../answer-ok.js';
import type { StrategyResult } from '../../strategy/run.js';
import { formatColored, committedLine, heldLines, type CommandOutcome, type GlobalOptions } from '../outcome.js';

const LABEL: Record<string, (s: string) => string> = {
  created: pc.green,
  updated: pc.green,
  overwritten: pc.yellow,
  unchanged: pc.dim,
  'kept-edited': pc.yellow,
};

/** What `strategy` says when strategy/canvas/04-segments.md defines no segment to generate for. */
export const NO_SEGMENTS = 'No segments in strategy/canvas/04-segments.md: define one (its id, name and filters; the file shows an example), then run `threadwork strategy` again.';

export async function strategyCommand(segments: string[], flags: { force?: boolean; commit: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.strategy({ segments, force: flags.force === true, commit: flags.commit });
  const lines = result.files.map((f) => `${(LABEL[f.action] ?? pc.dim)(f.action.padEnd(11))} ${f.path}${f.action === 'kept-edited' ? pc.dim(keptWhy(f)) : ''}`);
  for (const s of result.segments) for (const m of s.missing) lines.push(`${pc.yellow('missing')}     ${s.id}: ${m.message}`);
  lines.push(...result.diagnostics.map(formatColored));
  lines.push(...syncLines(result));
  lines.push(...committedLine(result.commit));
  const errors = reportsAnError(result);
  // A fresh workspace has no segment yet: the command did nothing, and said nothing of why.
  if (result.segments.length === 0 && !errors) lines.unshift(NO_SEGMENTS);
  return { json: { root: workspace.root, ...result }, text: lines.join('\n'), exitCode: errors ? 1 : 0 };
}

/** Why a file was kept: a merge conflict a side of which was edited by hand is not the file "edited by hand". */
function keptWhy(file: StrategyResult['files'][number]): string {
  return file.conflictLine === undefined
    ? ' (edited by hand; --force to regenerate)'
    : ` (git's conflict markers from line ${file.conflictLine}, a side edited by hand; resolve them, or --force to regenerate)`;
}

/**
 * What the sync after the generated files did: the figures it moved, the derived files it
 * wrote, the edits of yours it committed with them (a segment removed from 04-segments.md),
 * the errors that hold values back (the threads that still name a removed segment), and the
 * `derived-held` lines sync prints for them, as every write command prints them.
 */
function syncLines(result: StrategyResult): string[] {
  const sync = result.sync;
  if (!sync) return [];
  const lines = sync.changes.map((c) => `  ${c.description}`);
  if (sync.written.length > 0) lines.push(`${pc.green('derived'.padEnd(11))} ${sync.written.join(', ')}`);
  const generated = new Set(result.written);
  const yours = sync.triggers.filter((path) => !generated.has(path));
  if (yours.length > 0 && result.commit?.committed) lines.push(`${pc.dim('with'.padEnd(11))} ${yours.join(', ')} ${pc.dim('(your edits these values follow from)')}`);
  // Errors in what the strategy generates from are among its own diagnostics too, printed above.
  const printed = new Set(result.diagnostics);
  lines.push(...sync.diagnostics.filter((d) => d.severity === 'error' && !printed.has(d)).map(formatColored));
  lines.push(...heldLines(sync.diagnostics));
  return lines;
}
