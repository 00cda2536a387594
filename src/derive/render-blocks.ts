import type { AssumptionState } from './assumptions.js';
import { cell, formatCount, formatDays, formatFixed, formatMoney, formatNumber, formatPercent, progressBar, table } from './format.js';
import type { GoalForecast } from '../forecast/goal-forecast.js';
import type { GoalState } from './goals.js';
import { WON_ARR_FIGURES, type Figures } from './metrics.js';
import type { CampaignRates, CampaignSuggestion } from '../outreach/index.js';

/**
 * At most this many thread links per table cell. A block must stay readable (and cheap
 * to parse on every watch cycle): at 10,000 deals an uncapped cell held thousands of links.
 */
export const MAX_LINKS = 5;

/** The first links of a list, rendered, and how many more: only those shown are built (a list can hold thousands). */
function linkList<T>(items: readonly T[], render: (item: T) => string): string {
  const shown = items.slice(0, MAX_LINKS).map(render).join(', ');
  return items.length <= MAX_LINKS ? shown : `${shown} and ${items.length - MAX_LINKS} more`;
}

/** Relative link from a canvas or goal file (two folders deep) to a thread folder. */
function threadLink(fromDepth: number, thread: string, file = ''): string {
  const name = thread.split('/').pop()!;
  return `[${name}](${'../'.repeat(fromDepth)}${thread}${file ? `/${file}` : '/'})`;
}

export function renderAssumptionsBlock(states: readonly AssumptionState[]): string {
  if (states.length === 0) return '_No assumptions yet: add them to the front matter above._';
  const rows = states.map((s) => [
    s.id,
    cell(s.retired ? `~~${s.statement}~~ (retired)` : s.statement),
    formatFixed(s.prior),
    formatFixed(s.confidence),
    s.status,
    `${s.n} (${s.validated}✓ ${s.partial}~ ${s.invalidated}✗)`,
    s.evidence.length ? linkList(s.evidence, (e) => `${threadLink(2, e.thread, '6-learning.md')} ${e.result === 'validated' ? '✓' : e.result === 'partial' ? '~' : '✗'}`) : s.testedBy.length ? `testing in ${linkList(s.testedBy, (t) => threadLink(2, t))}` : '—',
  ]);
  return [
    '<!-- Derived by threadwork from every Stage 6 file: edit the front matter or the threads, not this table. -->',
    table(['id', 'assumption', 'prior', 'confidence', 'status', 'evidence (n)', 'threads'], ['l', 'l', 'r', 'r', 'l', 'l', 'l'], rows),
  ].join('\n');
}

interface MetricRow {
  label: string;
  key: keyof Figures;
  kind: 'count' | 'money' | 'rate' | 'days';
  target?: string;
}

const METRIC_ROWS: MetricRow[] = [
  { label: 'open deals', key: 'open', kind: 'count', target: 'pipeline_count' },
  { label: 'won', key: 'won', kind: 'count', target: 'won_count' },
  { label: 'lost', key: 'lost', kind: 'count' },
  { label: 'stalled', key: 'stalled', kind: 'count' },
  { label: 'win rate', key: 'win_rate', kind: 'rate', target: 'win_rate' },
  { label: 'won ARR', key: 'won_arr', kind: 'money', target: 'won_arr' },
  { label: 'average deal size', key: 'avg_deal_size', kind: 'money', target: 'avg_deal_size' },
  { label: 'average cycle (days)', key: 'avg_cycle_days', kind: 'days', target: 'avg_cycle_days' },
  { label: 'median cycle (days)', key: 'median_cycle_days', kind: 'days' },
  { label: 'average margin', key: 'avg_margin', kind: 'rate', target: 'avg_margin' },
  { label: 'weighted pipeline', key: 'weighted_pipeline', kind: 'money', target: 'weighted_pipeline' },
  { label: 'campaign emails sent', key: 'sent', kind: 'count' },
  { label: 'open rate', key: 'open_rate', kind: 'rate', target: 'open_rate' },
  { label: 'reply rate', key: 'reply_rate', kind: 'rate', target: 'reply_rate' },
  { label: 'meetings', key: 'meetings', kind: 'count', target: 'meetings' },
];

/**
 * A figure as the blocks write it: the one place its exact value is rounded. A rate to a
 * whole percent, a half up on its decimal value (round2: 23 of 40 is 58%, where 0.575 · 100
 * is 57.4999… in binary); money and days in whole units (a won ARR of `1,200.5` beside an
 * average of `1,201` read as two figures of two precisions; a cycle of `40.5` days as one
 * measured to the hour).
 */
function formatFigure(kind: MetricRow['kind'], value: unknown): string {
  const n = typeof value === 'number' ? value : null;
  if (n === null) return formatNumber(n);
  if (kind === 'rate') return formatPercent(n);
  if (kind === 'money') return formatMoney(n);
  return kind === 'days' ? formatDays(n) : formatNumber(n);
}

/**
 * A won ARR figure as shown, with how many wins it left out for want of their ARR (check:
 * won-without-arr): `36,000 (1 won without ARR)`. Missing data shown as missing, never a
 * silent 0. The one wording of 13-metrics, the goals' state and the reports.
 */
export function withWinsWithoutArr(value: string, wonWithoutArr: number | undefined): string {
  return wonWithoutArr ? `${value} (${winsWithoutArrNote(wonWithoutArr)})` : value;
}

/** The words for the wins a won ARR figure left out: `1 won without ARR`. */
export function winsWithoutArrNote(wonWithoutArr: number): string {
  return `${formatNumber(wonWithoutArr)} won without ARR`;
}

/**
 * The open rate as shown, with how many campaigns it covers when some do not track opens:
 * `51% (opens tracked in 1 of 2 campaigns)`. Their deliveries are left out of it (opensTracked).
 */
export function withCampaignsTrackingOpens(value: string, figures: Pick<Figures, 'campaigns_delivering' | 'campaigns_tracking_opens'>): string {
  const { campaigns_delivering: delivering, campaigns_tracking_opens: tracking } = figures;
  return tracking < delivering ? `${value} (opens tracked in ${formatNumber(tracking)} of ${formatCount(delivering, 'campaign')})` : value;
}

/** One figure of the metrics block. */
function figureCell(row: MetricRow, figures: Figures): string {
  const value = formatFigure(row.kind, figures[row.key]);
  if (row.key === 'open_rate') return withCampaignsTrackingOpens(value, figures);
  return WON_ARR_FIGURES.has(row.key) ? withWinsWithoutArr(value, figures.won_without_arr) : value;
}

/** The overall column of the metrics block, as label → displayed value. */
export function metricRows(overall: Figures): { label: string; value: string }[] {
  return METRIC_ROWS.map((row) => ({ label: row.label, value: figureCell(row, overall) }));
}

/** Each row's target as the metrics block shows it (`—` when there is none), as label → value. */
export function metricTargets(targets: Record<string, unknown>): { label: string; value: string }[] {
  return METRIC_ROWS.map((row) => ({ label: row.label, value: row.target && typeof targets[row.target] === 'number' ? formatFigure(row.kind, targets[row.target]) : '—' }));
}

export function renderMetricsBlock(overall: Figures, bySegment: readonly { id: string; figures: Figures }[], targets: Record<string, unknown>): string {
  const header = ['metric', 'overall', 'target', ...bySegment.map((s) => s.id)];
  const shownTargets = metricTargets(targets);
  const rows = METRIC_ROWS.map((row, i) => [
    row.label,
    figureCell(row, overall),
    shownTargets[i]!.value,
    ...bySegment.map((s) => figureCell(row, s.figures)),
  ]);
  return [
    '<!-- Derived by threadwork from every thread: edit the targets in the front matter, not this table. -->',
    table(header, ['l', 'r', 'r', ...bySegment.map(() => 'r' as const)], rows),
  ].join('\n');
}

const METRIC_KIND: Record<string, MetricRow['kind']> = { win_rate: 'rate', reply_rate: 'rate', open_rate: 'rate', avg_cycle_days: 'days', won_arr: 'money', mrr: 'money', avg_deal_size: 'money', weighted_pipeline: 'money' };

export function formatGoalMetric(name: string, value: number | null): string {
  return formatFigure(METRIC_KIND[name] ?? 'count', value);
}

/** A goal's or subgoal's current value as shown: a won ARR figure says how many wins it left out. */
export function goalMetricCurrent(m: { name: string; current: number | null; wonWithoutArr?: number }): string {
  return withWinsWithoutArr(formatGoalMetric(m.name, m.current), m.wonWithoutArr);
}

/**
 * A subgoal's progress, `current/target`, with the wins a won ARR figure left out. A metric
 * with no value yet (a win rate before a linked deal closed) is `—`, as its goal's row is:
 * printed as 0 it read `0%/40%`, or a cycle of `0/45` days already under its target.
 */
export function subgoalProgress(s: { metric: string; current: number | null; target: number; wonWithoutArr?: number; otherCurrency?: string }): string {
  return withWinsWithoutArr(`${formatGoalMetric(s.metric, s.current)}/${goalMetricTarget({ name: s.metric, target: s.target, ...(s.otherCurrency ? { otherCurrency: s.otherCurrency } : {}) })}`, s.wonWithoutArr);
}

/**
 * A goal metric's target as shown: one written in another currency than the workspace's
 * names it (`500,000 EUR`), as no figure beside it is in that currency.
 */
export function goalMetricTarget(m: { name: string; target: number; otherCurrency?: string }): string {
  const target = formatGoalMetric(m.name, m.target);
  return m.otherCurrency ? `${target} ${m.otherCurrency}` : target;
}

/** A goal metric's progress as its cell prints it, without the bar: `56%`, `—` for a target in another currency. */
export function goalMetricProgressShown(m: { progress: number; otherCurrency?: string }): string {
  return m.otherCurrency ? '—' : formatPercent(Math.max(0, Math.min(1, m.progress)));
}

/** A goal metric's progress bar; for a target in another currency, which nothing is compared with, why there is none. */
export function goalMetricProgress(m: { progress: number; otherCurrency?: string }, width?: number): string {
  return m.otherCurrency ? `— (target in ${m.otherCurrency})` : progressBar(m.progress, width);
}

export function renderGoalStateBlock(state: GoalState): string {
  const lines = [
    '<!-- Derived by threadwork from the threads linked to this goal (goal_id / subgoal in meta.json). -->',
    `**Status:** ${state.status} · **Trajectory:** ${state.trajectory} (${formatPercent(state.progress)} of the way, ${formatPercent(state.elapsed)} of the time to ${state.deadline}) · as of ${state.asOf}`,
    '',
    table(
      ['metric', 'current', 'target', 'gap', 'progress'],
      ['l', 'r', 'r', 'r', 'l'],
      // No current value yet (no closed deal for a rate): the gap is null and shown as `—`, as in `report goals`.
      state.metrics.map((m) => [m.name, goalMetricCurrent(m), goalMetricTarget(m), formatGoalMetric(m.name, m.gap), goalMetricProgress(m)]),
    ),
  ];
  if (state.forecast) lines.push('', ...renderForecastLines(state.forecast));
  if (state.subgoals.length) {
    lines.push(
      '',
      table(
        ['subgoal', 'title', 'progress', 'status', 'threads'],
        ['l', 'l', 'r', 'l', 'l'],
        state.subgoals.map((s) => [s.id, cell(s.title), subgoalProgress(s), s.status, linkList(s.threads, (t) => threadLink(1, t)) || '—']),
      ),
    );
  }
  return lines.join('\n');
}

/** A chance as a whole percent, never rounded to a certainty it is not: `<1%`, `>99%`. */
export function formatChance(p: number): string {
  if (p > 0 && p < 0.005) return '<1%';
  if (p < 1 && p >= 0.995) return '>99%';
  return formatPercent(p);
}

/** The forecast's headline: where it comes from and when it was drawn. */
export function forecastHeadline(f: GoalForecast): string {
  return `**Forecast at ${f.deadline}** (Monte Carlo over ${formatNumber(f.openDeals)} open deal${f.openDeals === 1 ? '' : 's'}, ${formatNumber(f.draws)} draws, seed ${f.seed}, as of ${f.asOf}):`;
}

/** The forecast table of a goal: per metric the chance of the target and the 10th, 50th and 90th percentiles. */
export function forecastTable(f: GoalForecast): string {
  return table(
    ['metric', 'target', 'chance', 'P10', 'P50', 'P90'],
    ['l', 'r', 'r', 'r', 'r', 'r'],
    f.metrics.map((m) => [m.name, formatGoalMetric(m.name, m.target), formatChance(m.pTarget), formatGoalMetric(m.name, m.p10), formatGoalMetric(m.name, m.p50), formatGoalMetric(m.name, m.p90)]),
  );
}

function renderForecastLines(f: GoalForecast): string[] {
  return [forecastHeadline(f), '', forecastTable(f)];
}

/** A campaign's open rate when its results leave `opened` empty, or at 0 beside replies (opensTracked); its click rate when `clicked` is (clicksTracked). */
export const NOT_TRACKED = 'not tracked';

/** A campaign's delivered count and rates while its results record nothing beyond `sent` (nothingRecorded). */
export const NOT_RECORDED = 'not recorded';

/**
 * The rows of a campaign's results table, each label with its cell as shown (the block's
 * summary compares the same cells). `recorded` false (nothingRecorded): no count beyond
 * `sent` is entered, so delivered and every rate read "not recorded" — `sent − bounced`
 * of a `bounced` nobody entered is no delivery count, and its rates no 0%.
 */
export function campaignResultsRows(rates: CampaignRates, recorded = true): [string, string][] {
  const rows: [string, number | null][] = [
    ['open rate', rates.openRate],
    ['click rate', rates.clickRate],
    ['reply rate', rates.replyRate],
    ['bounce rate', rates.bounceRate],
    ['unsubscribe rate', rates.unsubscribeRate],
    ['spam complaint rate', rates.spamComplaintRate],
    ['meeting rate', rates.meetingRate],
  ];
  // Opens and clicks not tracked (opensTracked, clicksTracked) said as such: a dash reads as counts not entered yet.
  const untracked = (label: string): boolean => (label === 'open rate' && !rates.opensTracked) || (label === 'click rate' && !rates.clicksTracked);
  const shown = (label: string, value: number | null): string => (!recorded ? NOT_RECORDED : untracked(label) ? NOT_TRACKED : formatPercent(value));
  const delivered = !recorded && rates.sent > 0 ? NOT_RECORDED : `${formatNumber(rates.delivered)}${rates.deliveredEstimated ? ' (sent − bounced)' : ''}`;
  return [['sent', formatNumber(rates.sent)], ['delivered', delivered], ...rows.map(([label, value]): [string, string] => [label, shown(label, value)])];
}

/**
 * What a campaign's results say while their counts beyond `sent` are not entered
 * (nothingRecorded), naming each count to fill in as the file spells it: `sent` while it
 * is 0 too, then `opened`, `clicked` and `replied` (every one of them is 0 or empty then).
 * `where` is where `results` is: `above` in the block, `in 6-learning.md` in the report.
 * It named `opened` alone, and a user who had filled in `sent` was told to fill in
 * `results` without being told which of its counts were missing.
 */
export function nothingRecordedAdvice(sent: number, where: string): string {
  const missing = [...(sent > 0 ? [] : ['sent']), 'opened', 'clicked', 'replied'].map((name) => `\`${name}\``);
  const list = `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
  return `Nothing is recorded yet${sent > 0 ? ' beyond `sent`' : ''}: fill in ${list} of \`results\` ${where} from your sending tool, and \`bounced\`, \`unsubscribed\` and \`meetings\` when there were any (leave \`opened\` or \`clicked\` empty if it does not track them).`;
}

/**
 * A campaign's rates and the suggestions its results call for (src/outreach/results.ts).
 * `recorded`: whether the results hold any count beyond `sent` (nothingRecorded); before
 * they do, the block says so rather than that no rule fires on results nobody entered.
 */
export function renderCampaignResultsBlock(rates: CampaignRates, suggestions: readonly CampaignSuggestion[], recorded = true): string {
  return [
    '<!-- Derived by threadwork from the results above: edit the numbers in the front matter, not this table. -->',
    table(['rate', 'value'], ['l', 'r'], campaignResultsRows(rates, recorded)),
    '',
    ...(recorded && rates.deliveredEstimated && rates.sent > 0 ? ['Delivered is not recorded, so it is taken as sent − bounced: record `delivered` from the sending tool for exact rates.', ''] : []),
    ...(suggestions.length ? suggestions.map((s) => `- **${s.severity}** — ${cell(s.message)}`) : [recorded ? 'No rule fires on these results.' : nothingRecordedAdvice(rates.sent, 'above')]),
  ].join('\n');
}
