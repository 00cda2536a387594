import type { AssumptionState } from './assumptions.js';
import type { GoalState } from './goals.js';
import { formatFixed } from './format.js';
import type { Figures } from './metrics.js';
import { formatChance, goalMetricCurrent, metricRows, subgoalProgress } from './render-blocks.js';

/**
 * What a managed block shows, as data: subject → displayed value. A sync describes what
 * changed (before → after) by comparing the summary it derives now with the one recorded
 * when the block was last written — never by reading the rendered Markdown back.
 */
export type BlockSummary = Record<string, string>;

export function assumptionsSummary(states: readonly AssumptionState[]): BlockSummary {
  const summary: BlockSummary = {};
  for (const s of states) {
    summary[s.id] = `${formatFixed(s.confidence)}|${s.status}|${s.n}`;
    // The threads column moves without the figures when a thread starts or stops testing it: a count, not 10,000 paths.
    summary[`${s.id}${TESTING}`] = String(s.testedBy.length);
  }
  return summary;
}

/** The key suffix of an assumption's count of open threads testing it. */
export const TESTING = ' testing';

/**
 * One assumption's change for a commit body, from its summaries before (undefined: never
 * shown) and after: what moved, before → after. A status that moved while the confidence
 * did not (a deal testing it reached its outcome with no result for it) leads, rather than
 * hiding behind "0.60 → 0.60".
 */
export function describeAssumptionChange(id: string, before: string | undefined, after: string): string {
  const [confidence, status, n] = after.split('|');
  const [wasConfidence, wasStatus] = before?.split('|') ?? [];
  const statusMoved = wasStatus !== undefined && wasStatus !== status;
  if (statusMoved && wasConfidence === confidence) return `${id} ${wasStatus} → ${status} (confidence ${confidence}, n=${n})`;
  return `${id} confidence ${wasConfidence ?? '—'} → ${confidence} (${statusMoved ? `${wasStatus} → ` : ''}${status}, n=${n})`;
}

/** The overall column, then each segment's (`open deals (seg-a)`): a deal moving between segments moves only those. */
export function metricsSummary(overall: Figures, bySegment: readonly { id: string; figures: Figures }[] = []): BlockSummary {
  const summary: BlockSummary = Object.fromEntries(metricRows(overall).map((row) => [row.label, row.value]));
  for (const segment of bySegment) for (const row of metricRows(segment.figures)) summary[`${row.label} (${segment.id})`] = row.value;
  return summary;
}

/**
 * The diff without the keys a summary recorded by an earlier version did not have yet (the
 * per-segment metrics, the threads testing an assumption): `— → value` for every one of them
 * would say that everything changed when nothing did. `isNew`: whether a key is of that kind.
 */
export function withoutUnrecorded(diff: ReturnType<typeof summaryDiff>, previous: BlockSummary | undefined, isNew: (key: string) => boolean): ReturnType<typeof summaryDiff> {
  if (!previous || Object.keys(previous).some(isNew)) return diff;
  return diff.filter((d) => !isNew(d.key));
}

export function goalSummary(state: GoalState): BlockSummary {
  const summary: BlockSummary = { status: state.status };
  for (const sg of state.subgoals) summary[`subgoal ${sg.id}`] = subgoalProgress(sg);
  for (const m of state.metrics) summary[`metric ${m.name}`] = goalMetricCurrent(m);
  for (const f of state.forecast?.metrics ?? []) summary[`chance ${f.name}`] = formatChance(f.pTarget);
  return summary;
}

/** The subjects whose value differs, in the order of `next`, then the ones that disappeared. */
export function summaryDiff(previous: BlockSummary | undefined, next: BlockSummary): { key: string; before: string | undefined; after: string | undefined }[] {
  const out: { key: string; before: string | undefined; after: string | undefined }[] = [];
  for (const [key, after] of Object.entries(next)) if (previous?.[key] !== after) out.push({ key, before: previous?.[key], after });
  for (const [key, before] of Object.entries(previous ?? {})) if (!(key in next)) out.push({ key, before, after: undefined });
  return out;
}
