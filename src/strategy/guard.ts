import { asWritten, contentHash, generatedState, type GeneratedState } from './generated-file.js';
import type { StrategyOutput } from './render.js';
import type { UnmergedFiles } from '../markdown/conflict-markers.js';

export type GuardAction = 'created' | 'updated' | 'unchanged' | 'kept-edited' | 'overwritten' | 'skipped-missing';

export interface GuardedFile {
  path: string;
  action: GuardAction;
  /** For a file kept because it was edited by hand: the canvas has changed since it was generated. */
  stale: boolean;
  /** For a file kept with git's conflict markers in it: the line of the first. */
  conflictLine?: number;
  /** For a marker line left alone (a conflict resolved part-way): its column and the line as written. */
  strayMarker?: { column: number; marker: string };
}

export interface GuardedPlan {
  writes: { path: string; before: string | null; after: string }[];
  files: GuardedFile[];
}

/**
 * Decides, for each generated output, whether it may be written: new and unedited
 * files are (re)written, hand-edited ones are kept unless `force`. `onlyExisting`
 * (used by sync and watch) refreshes files that were generated before and never
 * creates new ones: generating a segment's strategy is `threadwork strategy`'s job.
 */
export function guardWrites(outputs: readonly StrategyOutput[], readText: (path: string) => string | undefined, options: { force?: boolean; onlyExisting?: boolean; unmerged?: UnmergedFiles | undefined } = {}): GuardedPlan {
  const plan: GuardedPlan = { writes: [], files: [] };
  for (const output of outputs) {
    const existing = readText(output.path);
    // A file saved with CRLF line endings stays CRLF: only a change of content rewrites it.
    const desired = asWritten(output.path, output.content, existing);
    const state = generatedState(existing, options.unmerged?.get(output.path));
    const write = (action: GuardAction): void => {
      plan.writes.push({ path: output.path, before: existing ?? null, after: desired });
      plan.files.push({ path: output.path, action, stale: false });
    };
    if (state.state === 'missing') {
      if (options.onlyExisting) plan.files.push({ path: output.path, action: 'skipped-missing', stale: false });
      else write('created');
    } else if (state.state === 'unedited') {
      if (existing === desired) plan.files.push({ path: output.path, action: 'unchanged', stale: false });
      else write('updated');
    } else if (options.force) {
      write('overwritten');
    } else if (state.state === 'conflicted') {
      plan.files.push({ path: output.path, action: 'kept-edited', stale: false, conflictLine: state.line, ...strayOf(state) });
    } else {
      // Only a file the engine generated can be known to lag the canvas; a hand-written one is simply kept.
      const stale = state.state === 'edited' && state.recorded !== contentHash(output.content);
      plan.files.push({ path: output.path, action: 'kept-edited', stale });
    }
  }
  return plan;
}

/** A conflicted state's stray marker, as a GuardedFile holds it. */
export function strayOf(state: GeneratedState & { state: 'conflicted' }): Pick<GuardedFile, 'strayMarker'> {
  return state.stray === undefined ? {} : { strayMarker: { column: state.column ?? 1, marker: state.stray } };
}
