import pc from 'picocolors';
import { cell, formatCount, formatDayCount, formatFixed, formatMoney, formatNumber, formatPercent, table } from '../derive/format.js';
import { formatChance, formatGoalMetric, forecastHeadline, forecastTable } from '../derive/render-blocks.js';
import type { GoalForecast } from '../forecast/index.js';
import type { DealSwing, ForecastReport } from './forecast.js';
import { bar, box, columns } from './terminal.js';
import { NO_GOALS } from './empty-sentences.js';
import { inCurrency } from './currency-title.js';

/** `report forecast`: per goal the chance of each target, then the deals that move it most; the calibration last. */
export function renderForecast(report: ForecastReport, format: 'terminal' | 'md', currency: string): string {
  const c = report.calibration;
  const calibrationLine = `Calibrated on ${formatCount(c.closedDeals, 'closed deal')} (${formatNumber(c.cycles)} with a cycle time): stage prior worth ${formatCount(c.priorStrength, 'deal')}, cycle prior ${formatDayCount(c.cycleDays)} worth ${formatCount(c.cyclePriorStrength, 'deal')}.`;
  // No goal at all is not the same as no goal with a deal-driven metric: say which.
  const noGoals = report.goalCount === 0 ? NO_GOALS : 'No goal has a deal-driven metric (won_count, won_arr, mrr, avg_deal_size, win_rate).';
  const stageRows = c.stages.map((s) => [s.stage, formatPercent(s.configured), `${s.won}/${s.closed}`, formatPercent(s.probability)]);
  if (format === 'md') {
    const goals = report.goals.map((g) =>
      [
        `### ${cell(g.title)} (${g.id})`,
        '',
        forecastHeadline(g.forecast),
        '',
        forecastTable(g.forecast),
        '',
        `#### ${capitalised(dealsHeading(g))}`,
        '',
        g.deals.length
          ? table(['deal', 'stage', 'value', 'P(win)', 'P(close by deadline)', 'P(won by deadline)', 'swing'], ['l', 'l', 'r', 'r', 'r', 'r', 'r'], g.deals.map((d) => [d.path, dealStage(d), dealValue(d.value), formatPercent(d.pStage), formatPercent(d.pClosed), formatPercent(d.pWon), swingText(d.swing)])) +
            (g.moreDeals > 0 ? `\n\n${moreDealsLine(g.moreDeals)}` : '')
          : '_No open deal is linked to this goal._',
        '',
      ].join('\n'),
    );
    return [
      `## ${inCurrency(`Forecast as of ${report.asOf}`, currency)}`,
      '',
      ...(goals.length ? goals : [`_${noGoals}_`, '']),
      '### Calibration',
      '',
      calibrationLine,
      '',
      table(['stage', 'configured', 'won/closed', 'calibrated'], ['l', 'r', 'r', 'r'], stageRows),
      '',
    ].join('\n');
  }
  const panels = report.goals.map((g) => {
    const maxSwing = Math.max(0, ...g.deals.map((d) => Math.abs(d.swing)));
    const deals = g.deals.length
      ? columns(
          [['deal', 'stage', 'value', 'P(won by deadline)', 'swing', ''].map((h) => pc.dim(h)), ...g.deals.map((d) => [d.path.split('/').pop() ?? d.path, dealStage(d), dealValue(d.value), formatPercent(d.pWon), swingText(d.swing), bar(Math.abs(d.swing), maxSwing, 12)])],
          ['l', 'l', 'r', 'r', 'r', 'l'],
          { headed: true },
        ).concat(g.moreDeals > 0 ? [pc.dim(moreDealsLine(g.moreDeals))] : [])
      : [pc.dim('no open deal linked to this goal')];
    return box(inCurrency(`${g.title} · ${g.id}`, currency), [...terminalForecast(g.forecast), '', ...(g.deals.length ? [pc.dim(dealsHeading(g))] : []), ...deals]);
  });
  const calibration = box('Calibration', [calibrationLine, '', ...columns([['stage', 'configured', 'won/closed', 'calibrated'].map((h) => pc.dim(h)), ...stageRows], ['l', 'r', 'r', 'r'], { headed: true })]);
  return [...(panels.length ? panels : [noGoals]), calibration].join('\n');
}

/** A goal's forecast as terminal lines (report goals and report forecast). */
export function terminalForecast(f: GoalForecast): string[] {
  const colour = (p: number): ((s: string) => string) => (p >= 0.7 ? pc.green : p >= 0.3 ? pc.yellow : pc.red);
  return [
    pc.dim(`forecast at ${f.deadline}: ${formatCount(f.openDeals, 'open deal')}, ${formatNumber(f.draws)} draws, seed ${f.seed}, as of ${f.asOf}`),
    ...columns(
      [
        ['metric', 'target', 'chance', 'P10', 'P50', 'P90'].map((h) => pc.dim(h)),
        ...f.metrics.map((m) => [m.name, formatGoalMetric(m.name, m.target), colour(m.pTarget)(formatChance(m.pTarget)), formatGoalMetric(m.name, m.p10), formatGoalMetric(m.name, m.p50), formatGoalMetric(m.name, m.p90)]),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
      { headed: true },
    ),
  ];
}

/**
 * Signed: a negative swing (winning the deal lowers the chance) reads with a minus sign; its
 * bar shows its size. To a tenth of a point, a half up (formatFixed): toFixed rounded the
 * binary value, so 1,053 of 2,000 draws (52.65 points) read +52.6.
 */
function swingText(swing: number): string {
  return `${swing > 0 ? '+' : swing < 0 ? '−' : ''}${formatFixed(Math.abs(swing * 100), 1)} pts`;
}

/**
 * What the deals list ranks on. With every target already certain or out of reach (past
 * the deadline, or met by the deals closed) no deal moves a chance: the list said "deals
 * that move the chance most" above swings of 0.0 pts. With no open deal linked at all there
 * is no list: the heading is plain, and the line under it says why — it read "every target
 * is certain or out of reach" over "no open deal linked", of a target a new deal could
 * still reach.
 */
function dealsHeading(g: ForecastReport['goals'][number]): string {
  if (g.deals.length === 0) return 'open deals';
  const inDoubt = g.forecast.metrics.some((m) => m.pTarget > 0 && m.pTarget < 1);
  return inDoubt ? `deals that move the chance of ${g.metric} most` : `open deals: every target is certain or out of reach by ${g.forecast.deadline}, so none moves a chance`;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A deal's value if won; `—` for a deal that gives no ARR potential (won, a win without ARR), never a 0 it is not. */
function dealValue(value: number | null): string {
  return value === null ? '—' : formatMoney(value);
}

/** A deal's stage, marked when `pipeline.stages` lacks it: its P(win) is 0 for that reason alone (as `report pipeline` marks its row). */
function dealStage(d: DealSwing): string {
  return d.stage === null ? '—' : d.stageConfigured === false ? `${d.stage} (not in config)` : d.stage;
}

/** The deals the list leaves out (FORECAST_REPORT_DEALS), said rather than dropped in silence. */
function moreDealsLine(more: number): string {
  return `… and ${formatCount(more, 'more open deal')}, each moving the chance no more than the last listed`;
}
