import type { ThreadMeta } from '../schema/meta.js';
import type { DerivedWorkspace } from '../derive/workspace.js';
import type { Diagnostic } from '../diagnostics.js';
import { threadOf } from '../workspace/layout.js';
import { refuseControlInId } from '../workspace/slug.js';
import { metaOf, segmentsOf, stageOf, unknownSegment, type WorkspaceModel } from '../workspace/model.js';

export interface ThreadSummary {
  path: string;
  id: string;
  type: ThreadMeta['type'] | null;
  title: string | null;
  segment: string | null;
  stage: number;
  /** Derived (as the next sync writes it); null when meta.json is invalid or the thread has no stage file. */
  status: NonNullable<ThreadMeta['status']> | null;
  pipelineStage: string | null;
  updated: string | null;
  closeProbability: number | null;
  arrPotential: number | null;
  /** false when meta.json is missing or invalid, or the thread has no stage file (not counted anywhere): `check` says why. */
  valid: boolean;
  /**
   * Sync's `derived-held` warnings for this thread, each naming the error that holds it (a
   * stage file under a wrong name, a cross-file error, a broken file): its values above are
   * the held ones, as sync counts them. [] when nothing of it is held.
   */
  held: Diagnostic[];
}

export interface ThreadFilter {
  type?: ThreadMeta['type'] | undefined;
  status?: ThreadMeta['status'] | undefined;
  segment?: string | undefined;
}

/**
 * Every thread with its derived state, sorted by path; threads with a broken meta.json or no
 * stage file are listed too, marked invalid. `held`: sync's `derived-held` warnings, each
 * given to the thread it is in.
 */
export function listThreads(model: WorkspaceModel, derived: DerivedWorkspace, filter: ThreadFilter = {}, held: readonly Diagnostic[] = []): ThreadSummary[] {
  if (filter.segment !== undefined) requireKnownSegment(model, filter.segment);
  const facts = new Map(derived.threads.map((t) => [t.path, t]));
  const heldIn = (thread: string): Diagnostic[] => held.filter((d) => threadOf(d.path.split('/'))?.thread === thread);
  const summaries = [...model.threads.values()].map((thread): ThreadSummary => {
    const f = facts.get(thread.path);
    // A valid meta.json still names the thread when it has no facts (no stage file yet).
    const meta = f?.meta ?? metaOf(thread);
    return {
      path: thread.path,
      id: meta?.id ?? thread.path.slice(thread.path.lastIndexOf('/') + 1),
      type: meta?.type ?? null,
      title: meta?.title ?? null,
      segment: meta?.segment ?? null,
      stage: f?.stage ?? stageOf(thread),
      status: f?.status ?? null,
      pipelineStage: f?.pipelineStage ?? null,
      updated: f?.updated ?? null,
      closeProbability: f?.closeProbability ?? null,
      arrPotential: f?.arrPotential ?? null,
      valid: f !== undefined,
      held: heldIn(thread.path),
    };
  });
  return summaries
    .filter((s) => (filter.type === undefined || s.type === filter.type) && (filter.status === undefined || s.status === filter.status) && (filter.segment === undefined || s.segment === filter.segment))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * A segment filter names a segment of the canvas, or one a thread still names (an old id
 * to find and fix): anything else — `Mid-Market-Fintech`, a typo — would list nothing and
 * look like an empty segment, so it is refused as creating a thread there is, with the ids
 * there are.
 */
function requireKnownSegment(model: WorkspaceModel, segment: string): void {
  refuseControlInId('segment', segment);
  const known = segmentsOf(model).map((s) => s.id);
  if (known.includes(segment) || [...model.threads.values()].some((thread) => metaOf(thread)?.segment === segment)) return;
  throw unknownSegment(model, segment);
}
