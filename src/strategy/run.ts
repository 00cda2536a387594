import type { Diagnostic } from '../diagnostics.js';
import { writeChange, type WriteProposal } from '../engine/changes.js';
import type { CommitOutcome } from '../git/commit.js';
import type { SyncResult } from '../engine/transaction.js';
import { deriveWorkspace } from '../derive/workspace.js';
import { segmentsOf, unknownSegment, type WorkspaceModel } from '../workspace/model.js';
import { refuseControlInId } from '../workspace/slug.js';
import type { MissingInput } from './context.js';
import type { GuardedFile } from './guard.js';
import { planStrategy } from './refresh.js';
import { refuseConflictedInputs } from './conflicted-inputs.js';
import type { UnmergedFiles } from '../markdown/conflict-markers.js';

export interface StrategyOptions {
  /** Segment ids; all segments when empty. */
  segments?: string[];
  /** Overwrite files edited by hand. */
  force?: boolean;
}

export interface StrategyResult {
  segments: { id: string; missing: MissingInput[] }[];
  files: GuardedFile[];
  written: string[];
  diagnostics: Diagnostic[];
  /**
   * The sync the write ran: what the generated files moved elsewhere (a removed segment's
   * metrics) and the workspace's problems, such as the threads that still name it.
   */
  sync: SyncResult | null;
  commit: CommitOutcome | null;
}

/** While a merge is stopped: the workspace as it is on disk, and the sides git's index holds of each unmerged file (git/unmerged.ts). */
export interface StrategyMerge {
  current: WorkspaceModel;
  unmerged: UnmergedFiles;
}

/**
 * `threadwork strategy`: ICP, narratives and materials per segment, guarded against overwriting
 * hand edits. A generated file git left conflicted is judged by the sides in git's index, as
 * sync judges it: regenerated when both were generated and untouched (`merge`).
 */
export function proposeStrategy(model: WorkspaceModel, options: StrategyOptions = {}, merge?: StrategyMerge): WriteProposal<Omit<StrategyResult, 'written' | 'sync' | 'commit'>> {
  for (const segment of options.segments ?? []) refuseControlInId('segment', segment);
  if (merge) refuseConflictedInputs(merge.current);
  const known = segmentsOf(model).map((s) => s.id);
  const unknown = (options.segments ?? []).filter((s) => !known.includes(s));
  if (unknown.length) {
    throw unknownSegment(model, unknown);
  }
  const derived = deriveWorkspace(model);
  const plan = planStrategy(model, derived.assumptions, (path) => model.text(path), {
    ...(options.segments?.length ? { segments: options.segments } : {}),
    force: options.force === true,
    unmerged: merge?.unmerged,
  });
  const ids = plan.segments.map((s) => s.id);
  const changing = new Set(plan.writes.map((w) => w.path));
  return {
    result: { segments: plan.segments, files: plan.files, diagnostics: plan.diagnostics },
    changes: plan.writes.map((w) => writeChange(w.path, w.after)),
    summary: `strategy ${ids.join(', ')}`,
    details: plan.files.filter((f) => changing.has(f.path)).map((f) => `${f.action} ${f.path}`),
    trailers: ids.map((id) => `Threadwork-Segment: ${id}`),
  };
}
