import { createHash } from 'node:crypto';
import type { AssumptionState } from './assumptions.js';
import type { GoalState } from './goals.js';
import { cell, formatFixed, formatNumber } from './format.js';
import type { Figures } from './metrics.js';
import type { CampaignRates, CampaignSuggestion } from '../outreach/results.js';
import { campaignResultsRows, formatChance, formatGoalMetric, goalMetricCurrent, goalMetricProgressShown, MAX_LINKS, metricRows, metricTargets, subgoalProgress } from './render-blocks.js';

/**
 * What a managed block shows, as data: subject → displayed value. A sync describes what
 * changed (before → after) by comparing the summary it derives now with the one recorded
 * when the block was last written. So a summary holds everything its block shows that a
 * sync can move: a block rewritten while its summary stayed the same would be a change the
 * commit cannot name. Only a block this checkout has no record of (a fresh clone, a pull)
 * is read back from its Markdown (summary-read-back.ts).
 */
export type BlockSummary = Record<string, string>;

/**
 * Per assumption: `confidence|status|n|open threads testing it|definition|links`, the last
 * two short digests of what the row shows besides the figures — its statement, prior and
 * retirement, and the thread links in its last cell (those shown, and how many more).
 */
export function assumptionsSummary(states: readonly AssumptionState[]): BlockSummary {
  return Object.fromEntries(
    states.map((s) => {
      const definition = digest([s.statement, s.prior, s.retired]);
      const links = digest([s.evidence.length, s.testedBy.length, s.evidence.slice(0, MAX_LINKS).map((e) => [e.thread, e.result]), s.testedBy.slice(0, MAX_LINKS)]);
      return [s.id, `${formatFixed(s.confidence)}|${s.status}|${s.n}|${s.testedBy.length}|${definition}|${links}`];
    }),
  );
}

/** The key suffix of an assumption's count of open threads testing it. */
export const TESTING = ' testing';

/**
 * One assumption's change for a commit body, from its summaries before (undefined: never
 * shown) and after (undefined: gone from the table): what moved, before → after. A status
 * that moved while the confidence did not (a deal testing it reached its outcome with no
 * result for it) leads, rather than hiding behind "0.60 → 0.60". Undefined when nothing it
 * can compare moved (a summary recorded by an earlier version holds the figures alone).
 */
export function describeAssumptionChange(id: string, before: string | undefined, after: string | undefined): string | undefined {
  if (after === undefined) return `${id} removed from the table (was confidence ${before?.split('|')[0] ?? '—'})`;
  const [confidence, status, n, testing, definition, links] = after.split('|');
  const [wasConfidence, wasStatus, wasN, wasTesting, wasDefinition, wasLinks] = before?.split('|') ?? [];
  const statusMoved = wasStatus !== undefined && wasStatus !== status;
  const figures = `confidence ${confidence}, ${status}, n=${n}`;
  if (statusMoved && wasConfidence === confidence) return `${id} ${wasStatus} → ${status} (confidence ${confidence}, n=${n})`;
  // The evidence moved and the confidence, as the table shows it, did not (0.533 → 0.529 are
  // both 0.53): "0.53 → 0.53 (n=5)" read as a change the number does not show. Said unchanged, with n's move.
  if (before !== undefined && wasConfidence === confidence && !statusMoved && wasN !== n) return `${id} confidence unchanged at ${confidence} (${status}, n=${wasN ?? '—'} → ${n})`;
  if (before === undefined || wasConfidence !== confidence || statusMoved || wasN !== n) return `${id} confidence ${wasConfidence ?? '—'} → ${confidence} (${statusMoved ? `${wasStatus} → ` : ''}${status}, n=${n})`;
  // The figures stand: say what else the row shows differently (fields a summary has only from this version on).
  const moved = [
    ...(wasTesting !== undefined && wasTesting !== testing ? [`open threads testing it ${wasTesting} → ${testing}`] : []),
    ...(wasDefinition !== undefined && wasDefinition !== definition ? ['statement, prior or retirement edited'] : []),
    ...(wasLinks !== undefined && wasLinks !== links && wasTesting === testing ? ['linked threads changed'] : []),
  ];
  return moved.length ? `${id} ${moved.join('; ')} (${figures})` : undefined;
}

/** Column names in the keys: `the target` has a space, so no segment id (a slug) is ever taken for it. */
const OVERALL = 'overall';
export const TARGET_COLUMN = 'the target';
const TARGET = TARGET_COLUMN;

/** The metrics block: each row's overall figure (keyed by its label), its target (`the target: label`) and each segment's (`segment: label`). */
export function metricsSummary(overall: Figures, bySegment: readonly { id: string; figures: Figures }[], targets: Record<string, unknown>): BlockSummary {
  const summary: BlockSummary = {};
  for (const row of metricRows(overall)) summary[row.label] = row.value;
  for (const row of metricTargets(targets)) summary[`${TARGET}: ${row.label}`] = row.value;
  for (const segment of bySegment) for (const row of metricRows(segment.figures)) summary[`${segment.id}: ${row.label}`] = row.value;
  return summary;
}

/**
 * One line per column of the metrics block that moved: `metrics: won 2 → 3; …`,
 * `metrics targets: …`, `metrics mid-market-fintech: …`. With no summary to compare with
 * (`known` false: a block neither recorded nor readable back), only the overall column, as
 * `? → value`: every segment's fifteen rows would say nothing more.
 */
export function describeMetricsChanges(diff: readonly SummaryChange[], known: boolean): string[] {
  const columns = new Map<string, string[]>();
  for (const d of diff) {
    const colon = d.key.indexOf(': ');
    const column = colon < 0 ? OVERALL : d.key.slice(0, colon);
    if (!known && column !== OVERALL) continue;
    const label = colon < 0 ? d.key : d.key.slice(colon + 2);
    columns.set(column, [...(columns.get(column) ?? []), `${label} ${d.before ?? '—'} → ${d.after ?? '—'}`]);
  }
  return [...columns].map(([column, parts]) => `metrics${column === OVERALL ? '' : column === TARGET ? ' targets' : ` ${column}`}: ${parts.join('; ')}`);
}

/**
 * A goal's state block, in the order a change is told: its status, each subgoal's progress,
 * each metric's current value and chance; then its trajectory and as-of date; then each
 * subgoal's status and linked threads (the ones its cell shows), and the forecast's open
 * deals, draws, seed and P10/P50/P90.
 */
export function goalSummary(state: GoalState): BlockSummary {
  const summary: BlockSummary = { status: state.status };
  for (const sg of state.subgoals) summary[`subgoal ${sg.id}`] = subgoalProgress(sg);
  for (const m of state.metrics) {
    summary[`metric ${m.name}`] = goalMetricCurrent(m);
    // An edit of the target moves the block's target and gap: said as such, not "block rewritten".
    summary[`target ${m.name}`] = formatGoalMetric(m.name, m.target);
    // A baseline edited moves only the progress column: said as such, not "block rewritten".
    summary[`progress ${m.name}`] = goalMetricProgressShown(m);
  }
  for (const f of state.forecast?.metrics ?? []) summary[`chance ${f.name}`] = formatChance(f.pTarget);
  summary.trajectory = state.trajectory;
  summary['as-of date'] = state.asOf;
  // The status line and the forecast's headline show it: an edit of it is said, not "block rewritten".
  summary.deadline = state.deadline;
  for (const sg of state.subgoals) {
    summary[`subgoal ${sg.id} status`] = sg.status;
    summary[`subgoal ${sg.id} threads`] = threadNames(sg.threads);
    // As its cell shows it: an edit of the title is said, not "block rewritten".
    summary[`subgoal ${sg.id} title`] = cell(sg.title).trim();
  }
  if (state.forecast) {
    summary['forecast open deals'] = String(state.forecast.openDeals);
    // Its headline shows them: a config change of either is said, not "block rewritten".
    summary['forecast draws'] = formatNumber(state.forecast.draws);
    summary['forecast seed'] = String(state.forecast.seed);
  }
  for (const f of state.forecast?.metrics ?? []) summary[`${f.name} P10/P50/P90`] = [f.p10, f.p50, f.p90].map((p) => formatGoalMetric(f.name, p)).join('/');
  return summary;
}

/**
 * A goal's change for a commit body: `g-x SG2 2/3 → 3/3; won_count 2 → 3; as-of date
 * 2026-11-12 → 2026-11-20`; undefined when nothing moved. With no recorded summary to
 * compare with (`known` false), the details — each subgoal's status and thread count, the
 * forecast's deals and percentiles — are left out of the `— → value` list.
 */
export function describeGoalChange(id: string, diff: readonly SummaryChange[], known: boolean): string | undefined {
  const moved = new Set(diff.map((d) => d.key));
  // A metric's progress follows its value and target: said on its own only when neither moved (a baseline edited).
  const followsFigures = (key: string): boolean => {
    const name = /^progress (\S+)$/.exec(key)?.[1];
    return name !== undefined && (moved.has(`metric ${name}`) || moved.has(`target ${name}`));
  };
  const parts = diff.filter((d) => (known || !GOAL_DETAIL.test(d.key)) && !followsFigures(d.key)).map((d) => `${d.key.replace(/^(subgoal|metric) /, '')} ${d.before ?? '—'} → ${d.after ?? '—'}`);
  return parts.length ? `${id} ${parts.join('; ')}` : undefined;
}

const GOAL_DETAIL = /^subgoal \S+ (status|threads|title)$|^forecast (open deals|draws|seed)$| P10\/P50\/P90$|^deadline$/;

export interface SummaryChange {
  key: string;
  before: string | undefined;
  after: string | undefined;
}

/** What a campaign's results block shows: each figure as its cell, and the rules its totals fire. */
export function campaignResultsSummary(rates: CampaignRates, suggestions: readonly CampaignSuggestion[], recorded = true): BlockSummary {
  const summary: BlockSummary = Object.fromEntries(campaignResultsRows(rates, recorded));
  summary.rules = suggestions.map((s) => s.rule).join(', ') || NO_RULE_FIRES;
  // What each rule found, its message up to the advice (`2 spam complaints`): a second
  // complaint changes the block, and the line says that, not that the rule fires again.
  for (const s of suggestions) summary[`${RULE_KEY}${s.rule}`] = s.message.split(':')[0]!;
  return summary;
}

const RULE_KEY = 'rule ';

export const NO_RULE_FIRES = 'no rule fires';

/**
 * A campaign's results as a history line: the figures that moved and the rules when they
 * changed. A rule that still fires is not news: `results: spam-complaint` on every sync that
 * moved a rate read as a new complaint each time. Before a before is known (a block never
 * recorded nor read back), the rules that fire, as the line always said.
 */
export function describeResultsChange(path: string, diff: readonly SummaryChange[], rules: string): string {
  const known = diff.filter((d) => d.before !== undefined && d.before !== '?');
  const figures = known.filter((d) => d.key !== 'rules' && !d.key.startsWith(RULE_KEY)).map((d) => `${d.key} ${d.before} → ${d.after ?? '—'}`);
  const moved = known.find((d) => d.key === 'rules');
  // A finding of a rule that fires before and after; one that starts or stops is in `rules`.
  const findings = known.filter((d) => d.key.startsWith(RULE_KEY) && d.after !== undefined).map((d) => `${d.key.slice(RULE_KEY.length)}: ${d.before} → ${d.after}`);
  const parts = [...figures, ...findings, ...(moved ? [`rules ${moved.before} → ${moved.after ?? '—'}`] : [])];
  return parts.length ? `${path} results: ${parts.join(', ')}` : `${path} results: ${rules}`;
}

/** The subjects whose value differs, in the order of `next`, then the ones that disappeared. */
export function summaryDiff(previous: BlockSummary | undefined, next: BlockSummary): SummaryChange[] {
  const out: SummaryChange[] = [];
  for (const [key, after] of Object.entries(next)) if (previous?.[key] !== after) out.push({ key, before: previous?.[key], after });
  for (const [key, before] of Object.entries(previous ?? {})) if (!(key in next)) out.push({ key, before, after: undefined });
  return out;
}

/** The threads a cell links to, by folder name, as many as it shows: `acme, globex and 3 more`, `—` for none. */
function threadNames(threads: readonly string[]): string {
  if (threads.length === 0) return '—';
  const shown = threads.slice(0, MAX_LINKS).map((t) => t.slice(t.lastIndexOf('/') + 1)).join(', ');
  return threads.length > MAX_LINKS ? `${shown} and ${threads.length - MAX_LINKS} more` : shown;
}

/** A short digest of what a row shows besides its figures: compared, never displayed. */
function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64').slice(0, 8);
}
