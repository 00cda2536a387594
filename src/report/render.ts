import pc from 'picocolors';
import type { AssumptionState } from '../derive/assumptions.js';
import { cell, formatCount, formatDayCount, formatDays, formatFixed, formatMoney, formatNumber, formatPercent, table } from '../derive/format.js';
import type { GoalState } from '../derive/goals.js';
import { forecastHeadline, forecastTable, formatGoalMetric, goalMetricCurrent, goalMetricProgress, goalMetricTarget, subgoalProgress, winsWithoutArrNote, withWinsWithoutArr } from '../derive/render-blocks.js';
import type { PatternDimension, WinLossAnalysis } from '../outreach/index.js';
import type { PipelineReport } from './data.js';
import { terminalForecast } from './render-forecast.js';
import { NO_ASSUMPTIONS, NO_GOALS } from './empty-sentences.js';
import { bar, box, columns } from './terminal.js';
import { inCurrency } from './currency-title.js';
import { truncate } from '../text-width.js';
import { roundHalfUp } from '../scoring/numbers.js';
import { threadFamilyOf } from '../workspace/layout.js';

export type ReportFormat = 'terminal' | 'md';

/**
 * A report with nothing to show says so in the same words in both formats; in Markdown
 * under its own `##` heading, as every report starts, so that reports concatenated into
 * one document keep the sentence under the report it belongs to.
 */
export function emptyReport(heading: string, sentence: string, format: ReportFormat): string {
  return format === 'md' ? `## ${heading}\n\n${sentence}\n` : sentence;
}

/**
 * The open deals the value counts at 0, each kind in its own words: a deal with its
 * `arr_potential` in another currency has an amount, only not one the sums add (check:
 * amount-other-currency), and counted "without arr_potential" it sent the user to a field
 * that is filled in. Empty when there are none.
 */
function countedAsZeroNote(totals: PipelineReport['totals']): string {
  const parts = [
    ...(totals.withoutValue ? [`${formatCount(totals.withoutValue, 'deal')} without arr_potential`] : []),
    ...(totals.otherCurrency ? [`${formatCount(totals.otherCurrency, 'deal')} with arr_potential in another currency`] : []),
  ];
  return parts.length ? ` (${parts.join(', ')}, counted as 0)` : '';
}

export function renderPipeline(report: PipelineReport, format: ReportFormat, currency: string): string {
  const stageRows = report.stages.map((s) => [s.configured === false ? `${s.stage} (not in config)` : s.stage, formatNumber(s.count), formatMoney(s.value), formatPercent(s.probability), formatMoney(s.weighted)]);
  const funnelRows = report.funnel.map((f) => [f.stage, formatNumber(f.reached), f.conversion === null ? '—' : formatPercent(f.conversion)]);
  const summaryLines = [
    // An open deal without arr_potential, or with one in another currency, adds 0 to the value: said, as a win without ARR is.
    `open ${formatCount(report.totals.open, 'deal')} worth ${formatMoney(report.totals.value)}${countedAsZeroNote(report.totals)} · weighted ${formatMoney(report.totals.weighted)}`,
    `won ${report.closed.won} (${formatMoney(report.closed.wonArr)} ARR${report.closed.wonWithoutArr ? `, ${winsWithoutArrNote(report.closed.wonWithoutArr)}` : ''}) · lost ${report.closed.lost} · stalled ${report.closed.stalled} · parked ${report.closed.parked}`,
    // The cycle is the won deals' (as winloss's "average won … in N days"): say so.
    `win rate ${formatPercent(report.winRate)} · won deals' cycle ${formatDayCount(report.avgCycleDays)} average, ${formatDays(report.medianCycleDays)} median`,
    // A stage the engine derived that the config lacks: its deals are in a row, said why at 0%.
    ...report.stages.filter((s) => s.configured === false).map((s) => `${formatCount(s.count, 'deal')} at ${s.stage}, not in pipeline.stages (threadwork.config.yaml): counted at 0%`),
  ];
  const summary = summaryLines.join('  \n');
  if (format === 'md') {
    return [
      `## ${inCurrency('Pipeline', currency)}`,
      '',
      table(['stage', 'deals', 'value', 'probability', 'weighted'], ['l', 'r', 'r', 'r', 'r'], stageRows),
      '',
      '### Funnel',
      '',
      table(['stage', 'reached', 'conversion'], ['l', 'r', 'r'], funnelRows),
      '',
      summary,
      '',
    ].join('\n');
  }
  const maxReached = Math.max(1, ...report.funnel.map((f) => f.reached));
  const maxWeighted = Math.max(1, ...report.stages.map((s) => s.weighted));
  const pipeline = columns(
    [['stage', 'deals', 'value', 'prob.', 'weighted', ''].map((h) => pc.dim(h)), ...report.stages.map((s, i) => [...stageRows[i]!, bar(s.weighted, maxWeighted, 16)])],
    ['l', 'r', 'r', 'r', 'r', 'l'],
    { headed: true },
  );
  const funnel = columns(
    [['stage', 'reached', 'conv.', ''].map((h) => pc.dim(h)), ...report.funnel.map((f, i) => [...funnelRows[i]!, bar(f.reached, maxReached, 24)])],
    ['l', 'r', 'r', 'l'],
    { headed: true },
  );
  return [box(inCurrency('Pipeline', currency), [...pipeline, '', ...summaryLines]), box('Funnel', funnel)].join('\n');
}

export function renderGoals(goals: readonly GoalState[], format: ReportFormat, currency: string, deals: number): string {
  if (goals.length === 0) return emptyReport('Goals', NO_GOALS, format);
  if (format === 'md') {
    return goals
      .map((g) =>
        [
          `## ${g.title} (${g.id}, ${currency})`,
          '',
          `Status **${g.status}**, trajectory **${g.trajectory}**: ${formatPercent(g.progress)} of the way, ${formatPercent(g.elapsed)} of the time to ${g.deadline} (as of ${g.asOf}).`,
          ...linkedDealsNote(g, deals, (s) => `It ${s.replace('goal_id', '`goal_id`')}.`),
          '',
          table(['metric', 'current', 'target', 'gap', 'progress'], ['l', 'r', 'r', 'r', 'l'], g.metrics.map((m) => [m.name, goalMetricCurrent(m), goalMetricTarget(m), formatGoalMetric(m.name, m.gap), goalMetricProgress(m)])),
          '',
          ...(g.forecast ? [forecastHeadline(g.forecast), '', forecastTable(g.forecast), ''] : []),
          g.subgoals.length ? table(['subgoal', 'title', 'progress', 'status'], ['l', 'l', 'r', 'l'], g.subgoals.map((s) => [s.id, cell(s.title), subgoalProgress(s), s.status])) : '',
          '',
        ].join('\n'),
      )
      .join('\n');
  }
  return goals
    .map((g) => {
      const colour = g.status === 'achieved' ? pc.green : g.status === 'missed' ? pc.red : g.trajectory === 'behind' ? pc.yellow : pc.cyan;
      const metrics = columns(g.metrics.map((m) => [m.name, goalMetricCurrent(m), pc.dim(`/ ${goalMetricTarget(m)}`), goalMetricProgress(m, 20)]), ['l', 'r', 'l', 'l']);
      const subgoals = columns(g.subgoals.map((s) => [s.id, s.title, subgoalProgress(s), statusMark(s.status)]), ['l', 'l', 'r', 'l']);
      return box(inCurrency(`${g.title} · ${g.id}`, currency), [
        // The date it is judged at, as --md says it: the goal file's state is as of the latest date in the threads, and may read otherwise (ahead there, on-track today).
        `${colour(g.status)} · trajectory ${colour(g.trajectory)} · ${formatPercent(g.progress)} done, ${formatPercent(g.elapsed)} of the time to ${g.deadline} · as of ${g.asOf}`,
        ...linkedDealsNote(g, deals, pc.dim),
        '',
        ...metrics,
        ...(g.forecast ? ['', ...terminalForecast(g.forecast)] : []),
        ...(subgoals.length ? ['', ...subgoals] : []),
      ]);
    })
    .join('\n');
}

/**
 * The pipeline report counts every deal; a goal only those whose meta.json names it. Read one
 * above the other (as the demo prints them), "won 4 (112,500 ARR)" beside a goal's won_arr of
 * 88,500 looked like a wrong sum, so a goal that counts fewer deals than there are says so.
 */
function linkedDealsNote(g: GoalState, deals: number, style: (text: string) => string): string[] {
  const linked = g.threads.filter((path) => threadFamilyOf(path) === 'deal').length;
  if (linked >= deals) return [];
  return [style(`counts ${formatNumber(linked)} of the ${formatCount(deals, 'deal')}: those linked to it (goal_id in meta.json)`)];
}

function statusMark(status: string): string {
  // Blocked is every linked thread closed short of the target (docs/derivation.md): said with what moves it again, since a
  // subgoal read "✗ blocked" the day its first deal was won, with nothing saying a new thread was what it waited for.
  return status === 'completed' ? pc.green('✓ completed') : status === 'missed' ? pc.red('✗ missed') : status === 'blocked' ? pc.red('✗ blocked: no open thread — open a new one') : status === 'in_progress' ? pc.yellow('… in progress') : pc.dim('· pending');
}

export function renderAssumptions(states: readonly AssumptionState[], format: ReportFormat): string {
  if (states.length === 0) return emptyReport('Assumptions', NO_ASSUMPTIONS, format);
  if (format === 'md') {
    return [
      '## Assumptions',
      '',
      table(['id', 'assumption', 'prior', 'confidence', 'status', 'validated', 'partial', 'invalidated'], ['l', 'l', 'r', 'r', 'l', 'r', 'r', 'r'], states.map((s) => [s.id, cell(s.retired ? `~~${s.statement}~~ (retired)` : s.statement), formatFixed(s.prior), formatFixed(s.confidence), s.status, String(s.validated), String(s.partial), String(s.invalidated)])),
      '',
    ].join('\n');
  }
  const colour = (status: string): ((s: string) => string) => (status === 'validated' ? pc.green : status === 'invalidated' ? pc.red : status === 'testing' ? pc.yellow : pc.dim);
  const rows = states.map((s) => [
    s.id,
    truncate(s.statement, 55),
    `${formatFixed(s.prior)} → ${pc.bold(formatFixed(s.confidence))}`,
    bar(s.confidence, 1, 10),
    // Retired in the status column: a statement cut to fit the width would cut the mark too.
    colour(s.status)(s.status) + (s.retired ? pc.dim(' · retired') : ''),
    `${s.validated}✓ ${s.partial}~ ${s.invalidated}✗`,
  ]);
  return box('Assumptions', columns([['id', 'assumption', 'confidence', '', 'status', 'evidence'].map((h) => pc.dim(h)), ...rows], ['l', 'l', 'r', 'l', 'l', 'l'], { headed: true }));
}

/**
 * A lift in whole points, signed: `+55 pts`, `-45 pts`; a lift that rounds to none is `+0 pts`,
 * never `-0`. In points as both rates are printed beside it (formatPercent, a half up), as a
 * goal's trajectory is: 23 of 40 (58%) against 50% overall is 7.4999… points in binary, which
 * Math.round printed as `+7 pts` beside 58% and 50%.
 */
function liftPoints(rate: number, overall: number | null): string {
  const points = overall === null ? 0 : roundHalfUp(rate * 100, 0) - roundHalfUp(overall * 100, 0) || 0;
  // Signed as the experiments' and the forecast's differences are: a minus sign (−), and ± for no difference ("+0 pts" read as a gain).
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points)} pts`;
}

/**
 * Why no qualification threshold is given. It needs a won and a lost deal with a score:
 * "not enough scored deals yet" was said of three scored deals, all lost, as of none.
 */
function noThresholdYet(w: WinLossAnalysis): string {
  if (w.won === 0 && w.lost > 0) return `no won deal yet, so nothing to tell the ${formatCount(w.lost, 'lost deal')} from`;
  if (w.lost === 0 && w.won > 0) return `no lost deal yet, so nothing to tell the ${formatCount(w.won, 'won deal')} from`;
  return 'not enough scored deals yet: it needs a won and a lost deal with a qualification score (from Stage 4)';
}

export function renderWinLoss(w: WinLossAnalysis, format: ReportFormat, currency: string): string {
  const dims: [PatternDimension, string][] = [['segment', 'segment'], ['industry', 'industry'], ['revenueBand', 'revenue band'], ['source', 'source']];
  const patternRows = dims.flatMap(([dim, label]) => w.patterns[dim].map((p) => [label, p.value, String(p.deals), `${p.won}/${p.lost}`, formatPercent(p.winRate), liftPoints(p.winRate, w.winRate), formatFixed(p.confidence)]));
  const headline = `${formatCount(w.deals, 'closed deal')}: ${w.won} won, ${w.lost} lost · win rate ${formatPercent(w.winRate)} · average won ${withWinsWithoutArr(`${formatMoney(w.averageWonArr)} ARR`, w.wonWithoutArr)} in ${formatDayCount(w.averageWonCycleDays)}`;
  const q = w.qualificationThreshold;
  // A cut-off that turns away no lost deal separates nothing (every deal scored 0.85): it is
  // not reported as the one that "best separated wins from losses".
  const threshold = !q
    ? `Qualification threshold: ${noThresholdYet(w)}`
    : q.separates
      ? `Qualification threshold that best separated wins from losses: ${formatFixed(q.threshold)} (right on ${formatPercent(q.accuracy)} of ${formatCount(q.deals, 'scored deal')})`
      : `Qualification threshold: no score separates wins from losses among the ${formatCount(q.deals, 'scored deal')} yet — every cut-off turns away at least as many wins as losses`;
  const reasons = w.lossReasons.map((r) => [r.reason, String(r.deals), formatPercent(r.share)]);
  const personas = w.personas.titles.map((t) => [t.value, String(t.deals), formatPercent(t.share)]);
  const recommendations = w.recommendations.map((r) => `${r.action === 'focus' ? '↑' : '↓'} ${r.message}`);
  if (format === 'md') {
    // Groups, reasons and titles are the user's text: a `|` in one (`Retail | B2C`) would
    // end its cell and break the row, as in every other report's tables (cell()).
    const md = (rows: string[][]): string[][] => rows.map((row) => row.map(cell));
    return [
      `## ${inCurrency('Win/loss', currency)}`,
      '',
      headline,
      '',
      patternRows.length ? table(['by', 'group', 'deals', 'won/lost', 'win rate', 'lift', 'confidence'], ['l', 'l', 'r', 'r', 'r', 'r', 'r'], md(patternRows)) : '_No group has enough deals yet._',
      '',
      '### Loss reasons',
      '',
      reasons.length ? table(['reason', 'deals', 'share'], ['l', 'r', 'r'], md(reasons)) : '_No lost deals._',
      '',
      '### Buyer personas of won deals',
      '',
      personas.length ? table(['title', 'deals', 'share'], ['l', 'r', 'r'], md(personas)) : w.won === 0 ? '_No won deals yet._' : '_No contact titles recorded on the won deals._',
      '',
      '### ICP recommendations',
      '',
      ...(recommendations.length ? recommendations.map((r) => `- ${r}`) : ['_None yet: no group stands out with enough deals._']),
      '',
      threshold,
      '',
    ].join('\n');
  }
  return [
    box(inCurrency('Win/loss', currency), [headline, '', ...(patternRows.length ? columns([['by', 'group', 'deals', 'won/lost', 'win rate', 'lift', 'conf.'].map((h) => pc.dim(h)), ...patternRows], ['l', 'l', 'r', 'r', 'r', 'r', 'r'], { headed: true }) : [pc.dim('no group has enough deals yet')])]),
    box('Loss reasons', reasons.length ? columns(reasons.map((r) => [r[0]!, r[1]!, r[2]!]), ['l', 'r', 'r']) : [pc.dim('no lost deals')]),
    box('Buyer personas (won deals)', personas.length ? columns(personas, ['l', 'r', 'r']) : [pc.dim(w.won === 0 ? 'no won deals yet' : 'no contact titles recorded on the won deals')]),
    box('ICP recommendations', [...(recommendations.length ? recommendations : [pc.dim('none yet: no group stands out with enough deals')]), '', threshold]),
  ].join('\n');
}
