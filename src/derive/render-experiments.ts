import { formatPoints, formatRate, metricLabel, pValueText, type ExperimentAnalysis } from '../outreach/experiment-analysis.js';
import type { BlockSummary } from './summaries.js';
import { cell, formatNumber, formatPercent, table } from './format.js';

const SUCCESS_LABEL = { open_rate: 'opened', click_rate: 'clicked', reply_rate: 'replied', meeting_rate: 'meetings' } as const;

/** One row per variant: its counts, rate, and (challengers) the comparison with the control. */
export function experimentRows(e: ExperimentAnalysis): string[][] {
  return e.variants.map((v) => {
    const c = e.comparisons.find((x) => x.variant === v.id);
    const mark = e.winner === v.id ? ' ✓' : '';
    return [
      `${v.id}${mark}`,
      // formatPercent, as the rates beside it: a 0.575 split is 58%, not Math.round's 57%.
      formatPercent(v.split),
      formatNumber(v.sent),
      formatNumber(v.delivered),
      // No rate, no count to show: opens a channel does not track, replies not written down.
      v.rate === null ? '—' : formatNumber(v.successes),
      formatRate(v.rate),
      c ? `${formatPoints(c.difference)} pts` : '—',
      c ? `${formatPoints(c.ci[0])} to ${formatPoints(c.ci[1])}` : '—',
      c ? (c.test === 'fisher-exact' ? 'Fisher' : 'z-test') : '—',
      c ? pValueText(c.p, c.alpha) : '—',
      v.more === null ? '—' : formatNumber(v.more),
    ];
  });
}

export function experimentHeader(e: ExperimentAnalysis): string[] {
  return ['variant', 'split', 'sent', 'delivered', SUCCESS_LABEL[e.metric], metricLabel(e.metric), `vs ${e.variants[0]?.id ?? 'control'}`, '95% CI (pts)', 'test', 'p', 'more sends'];
}

export const EXPERIMENT_ALIGN: ('l' | 'r')[] = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'];

/** The `experiments` managed block of a campaign's 6-learning.md. */
export function renderExperimentsBlock(experiments: readonly ExperimentAnalysis[]): string {
  const lines = ['<!-- Derived by threadwork from `experiments` in 5-actions.md and `results.experiments` above: edit those, not these tables. -->'];
  for (const e of experiments) {
    lines.push('', `**${e.name}** — touch ${e.touch}, ${metricLabel(e.metric)}${e.assumption ? `, tests ${e.assumption}${e.supports ? ` (${e.supports} winning supports it)` : ''}` : ''}`, '', table(experimentHeader(e), EXPERIMENT_ALIGN, experimentRows(e)), '', cell(e.verdict));
    if (e.validation) lines.push('', `Counts as **${e.validation.result}** for ${e.validation.assumption}.`);
  }
  return lines.join('\n');
}

/**
 * What the block shows, per experiment: its status and winner, and the result it counts as
 * for its assumption (`B wins, validated for A5`), for the sync's before → after — an edit
 * of the assumption tested or the variant supported moves the evidence, not the winner.
 */
export function experimentsSummary(experiments: readonly ExperimentAnalysis[]): BlockSummary {
  return Object.fromEntries(experiments.map((e) => [e.name, experimentShown(e.winner ? `${e.winner} wins` : e.status, e.validation)]));
}

/** One experiment's summary value from what its block shows: shared with the read-back (summary-read-back.ts). */
export function experimentShown(outcome: string, validation: { result: string; assumption: string } | null): string {
  return validation ? `${outcome}, ${validation.result} for ${validation.assumption}` : outcome;
}
