/**
 * What an experiment's per-variant results say (docs/experiments.md): each challenger
 * against the control (the first variant), the difference of the tested rate with its
 * 95% confidence interval, a two-proportion z-test — or Fisher's exact test when an
 * expected count is under 5 — and a winner only at p < alpha with the minimum sample
 * met. Until then, how many more sends each variant needs for the observed difference
 * at the configured power. Rates are the ones src/outreach/results.ts defines.
 */
import { formatCount, formatFixed, formatNumber } from '../derive/format.js';
import { fisherExact } from '../stats/fisher.js';
import { twoProportionSampleSize } from '../stats/power.js';
import { expectedCounts, twoProportionTest } from '../stats/proportions.js';
import type { ExperimentDesign, ExperimentMetric } from './experiments.js';
import { campaignRates, opensTracked, type CampaignRates, type CampaignResults } from './results.js';

export interface ExperimentSettings {
  /** Sends per variant before a winner can be declared. */
  min_sample: number;
  alpha: number;
  power: number;
}

export interface VariantOutcome {
  id: string;
  split: number;
  sent: number;
  /** The rate's denominator (delivered, per results.ts). */
  delivered: number;
  /** The rate's numerator: opened, clicked, replied or meetings. */
  successes: number;
  /** null with nothing delivered, or when the metric's count (`replied` for reply_rate) is not recorded. */
  rate: number | null;
  /** More sends this variant needs (minimum sample, and power for the observed difference); null when the rates are equal (no size detects that) and the minimum is met. */
  more: number | null;
}

export interface VariantComparison {
  variant: string;
  control: string;
  /** variant rate − control rate. */
  difference: number;
  /** 95% Wald interval of the difference (unpooled), as R's prop.test. */
  ci: [number, number];
  test: 'z-test' | 'fisher-exact';
  /** The pooled z statistic (also shown when Fisher's test decides). */
  z: number | null;
  p: number;
  /** The level this comparison is judged at: alpha, divided by the number of comparisons (Bonferroni). */
  alpha: number;
  significant: boolean;
  /** Delivered messages per variant for the configured power at the observed rates; null when they are equal. */
  needed: number | null;
}

/**
 * `inconclusive`: the campaign closed (Stage 6 `closed`) while the experiment was still
 * running — short of the minimum sample or of the sends its difference needs. No more sends
 * will come, so "needs 86 more sends" would ask for what cannot happen.
 */
export type ExperimentStatus = 'no-results' | 'running' | 'winner' | 'no-difference' | 'inconclusive';

/**
 * How each status's verdict opens (a winner's: `B wins: `): the block's read-back
 * (summary-read-back.ts) tells the status from these, so the two cannot drift apart.
 */
export const VERDICT_OPENINGS = {
  'no-difference': 'No difference found at this sample: ',
  running: 'No winner yet: ',
  inconclusive: 'Inconclusive: ',
} as const satisfies Partial<Record<ExperimentStatus, string>>;

export const WINNER_OPENING = /^(\S+) wins: /;

export interface ExperimentAnalysis {
  name: string;
  touch: number;
  metric: ExperimentMetric;
  assumption: string | null;
  supports: string | null;
  status: ExperimentStatus;
  winner: string | null;
  minSample: number;
  variants: VariantOutcome[];
  comparisons: VariantComparison[];
  /** One sentence: the result, or what is still needed. */
  verdict: string;
  /** What a declared winner says about the assumption the experiment tests. */
  validation: { assumption: string; result: 'validated' | 'invalidated'; evidence: string } | null;
}

const METRICS: Record<ExperimentMetric, { field: keyof CampaignResults; rate: keyof CampaignRates; label: string }> = {
  open_rate: { field: 'opened', rate: 'openRate', label: 'open rate' },
  click_rate: { field: 'clicked', rate: 'clickRate', label: 'click rate' },
  reply_rate: { field: 'replied', rate: 'replyRate', label: 'reply rate' },
  meeting_rate: { field: 'meetings', rate: 'meetingRate', label: 'meeting rate' },
};

export function metricLabel(metric: ExperimentMetric): string {
  return METRICS[metric].label;
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

/** `closed`: the campaign's Stage 6 `closed` date, null while it still sends. */
export function analyzeExperiment(design: ExperimentDesign, results: Readonly<Record<string, CampaignResults>> | null | undefined, settings: ExperimentSettings, closed: string | null = null): ExperimentAnalysis {
  const metric = design.metric ?? 'reply_rate';
  const { field, rate: rateKey, label } = METRICS[metric];
  const variants: VariantOutcome[] = design.variants.map((v) => {
    const recorded = results?.[v.id] ?? {};
    const rates = campaignRates(recorded);
    // A count not recorded is no rate, not 0%: an open-rate test recorded under the default
    // reply_rate metric read "no difference, 0.0% vs 0.0%" from replies nobody wrote down.
    // Opens as the campaign reads them (opensTracked): an `opened` left empty, or its 0 beside
    // replies or clicks, is a channel that tracks no opens, not an open rate of 0%.
    const measured = field === 'opened' ? opensTracked(recorded) : typeof recorded[field] === 'number';
    const rate = measured ? (rates[rateKey] as number | null) : null;
    // Sends not recorded beside deliveries: at least delivered + bounced went out, the fewest
    // it can be — 150 delivered without `sent` read as 0 sends, "100 more" to the minimum.
    const sent = typeof recorded.sent === 'number' ? rates.sent : rates.delivered + count(recorded.bounced);
    return { id: v.id, split: v.split, sent, delivered: rates.delivered, successes: count(recorded[field]), rate, more: null };
  });
  const base = { name: design.name, touch: design.touch, metric, assumption: design.assumption ?? null, supports: design.supports ?? null, minSample: settings.min_sample };
  if (variants.every((v) => v.rate === null)) {
    for (const v of variants) v.more = Math.max(0, settings.min_sample - v.sent);
    const zeroOpens = field === 'opened' ? design.variants.filter((v) => typeof results?.[v.id]?.opened === 'number').map((v) => v.id) : [];
    const where = `under results.experiments.${design.name} in 6-learning.md`;
    const verdict = zeroOpens.length
      ? // `opened: 0` is recorded, beside replies or clicks: "no opened recorded" was not true; opens read as not tracked is.
        `Opens read as not tracked (the metric tested is ${label}): ${zeroOpens.join(', ')} ${zeroOpens.length === 1 ? 'records' : 'record'} \`opened: 0\` beside replies or clicks, as a channel without open tracking writes it. Record the opens your tool counted ${where}, or set the experiment's \`metric\` to the rate you measured.`
      : variants.some((v) => v.delivered > 0)
        ? `No ${field} recorded per variant yet (the metric tested is ${label}): record it ${where}, or set the experiment's \`metric\` to the rate you measured.`
        : `No results per variant yet: record them ${where}.`;
    return { ...base, status: 'no-results', winner: null, variants, comparisons: [], verdict, validation: null };
  }
  const [control, ...challengers] = variants as [VariantOutcome, ...VariantOutcome[]];
  const alpha = settings.alpha / Math.max(1, challengers.length);
  const comparisons: VariantComparison[] = [];
  for (const v of challengers) {
    if (v.rate === null || control.rate === null) continue;
    comparisons.push(compare(v, control, alpha, settings.power));
  }
  const enough = (id: string): boolean => variants.find((v) => v.id === id)!.sent >= settings.min_sample;
  const decisive = comparisons.filter((c) => c.significant && enough(c.variant) && enough(c.control));
  let winner: string | null = null;
  const beating = decisive.filter((c) => c.difference > 0).sort((x, y) => y.difference - x.difference);
  if (beating.length) winner = beating[0]!.variant;
  else if (challengers.length > 0 && decisive.length === challengers.length && decisive.every((c) => c.difference < 0)) winner = control.id;

  for (const v of variants) {
    const needs = comparisons.filter((c) => c.variant === v.id || c.control === v.id).map((c) => c.needed);
    const powered = needs.length && needs.every((n) => n !== null) ? Math.max(...(needs as number[])) : null;
    const minimum = Math.max(0, settings.min_sample - v.sent);
    if (winner) v.more = 0;
    // Equal rates: no size detects a zero difference; the minimum sample still applies.
    else if (powered === null) v.more = needs.length && minimum === 0 ? null : minimum;
    else v.more = Math.max(minimum, moreSends(v, powered));
  }
  // No difference is a finding about every variant: one without a rate yet was compared with nothing.
  const open: ExperimentStatus =
    winner ? 'winner' : comparisons.length > 0 && variants.every((v) => v.rate !== null && (v.more === 0 || v.more === null) && v.sent >= settings.min_sample) ? 'no-difference' : 'running';
  const status: ExperimentStatus = open === 'running' && closed !== null ? 'inconclusive' : open;
  const verdict = status === 'inconclusive' ? inconclusiveVerdict(variants, comparisons, label, settings, closed!) : verdictOf(status, winner, variants, comparisons, label, settings);
  // Closed, no more sends come: what was needed is in the verdict, not a "more sends" to make.
  if (status === 'inconclusive') for (const v of variants) v.more = null;
  const validation =
    winner && design.assumption && design.supports
      ? { assumption: design.assumption, result: winner === design.supports ? ('validated' as const) : ('invalidated' as const), evidence: `Experiment ${design.name} (touch ${design.touch}): ${verdict}` }
      : null;
  return { ...base, status, winner, variants, comparisons, verdict, validation };
}

function compare(v: VariantOutcome, control: VariantOutcome, alpha: number, power: number): VariantComparison {
  const a = { successes: Math.min(v.successes, v.delivered), trials: v.delivered };
  const b = { successes: Math.min(control.successes, control.delivered), trials: control.delivered };
  const z = twoProportionTest(a, b, 0.95);
  const fisher = expectedCounts(a, b).some((e) => e < 5);
  const p = fisher ? fisherExact(a.successes, a.trials - a.successes, b.successes, b.trials - b.successes).p : z.p;
  return {
    variant: v.id,
    control: control.id,
    difference: z.difference,
    ci: z.ci,
    test: fisher ? 'fisher-exact' : 'z-test',
    z: z.z,
    p,
    alpha,
    significant: p < alpha,
    needed: twoProportionSampleSize(z.p2, z.p1, power, alpha),
  };
}

/** Sends to reach `needed` delivered messages, at the variant's own delivery rate so far. */
function moreSends(v: VariantOutcome, needed: number): number {
  const missing = Math.ceil(needed) - v.delivered;
  if (missing <= 0) return 0;
  const perDelivered = v.sent > 0 && v.delivered > 0 ? v.sent / v.delivered : 1;
  return Math.ceil(missing * perDelivered);
}

/**
 * A variant's rate to a tenth of a percent, a half up as the campaign's own rates are
 * (results.ts): toFixed rounded the binary value, so 29 replies of 400 (7.25%) read 7.2%
 * in the experiment beside 7.3% for the same count in the campaign's rates.
 */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${formatFixed(rate * 100, 1)}%`;
}

/** A difference of two rates in points to a tenth, a half up as the rates beside it (formatRate). */
export function formatPoints(difference: number): string {
  const pts = difference * 100;
  return `${pts > 0 ? '+' : pts < 0 ? '−' : '±'}${formatFixed(Math.abs(pts), 1)}`;
}

/**
 * A p-value's figure: two significant digits, or as many as keep it on its side of the level
 * it is judged at — 0.0499 declared a winner at 0.05 and read "p = 0.050", the figure a
 * comparison without a winner showed for 0.0504.
 */
export function pValueText(p: number, alpha: number): string {
  if (p < 0.001 && alpha >= 0.001) return '< 0.001';
  for (let digits = 2; digits < 8; digits++) {
    const shown = p.toPrecision(digits);
    if (Number(shown) < alpha === p < alpha) return shown;
  }
  return String(p);
}

export function formatP(p: number, alpha: number): string {
  const text = pValueText(p, alpha);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

export function describeComparison(c: VariantComparison): string {
  return `${formatPoints(c.difference)} pts, 95% CI ${formatPoints(c.ci[0])} to ${formatPoints(c.ci[1])}; ${c.test === 'fisher-exact' ? "Fisher's exact test" : 'two-proportion z-test'} ${formatP(c.p, c.alpha)}`;
}

function factsOf(variants: readonly VariantOutcome[], comparisons: readonly VariantComparison[], label: string): string {
  const rates = variants.map((v) => `${v.id} ${formatRate(v.rate)}`).join(' vs ');
  const detail = comparisons.map((c) => (comparisons.length > 1 ? `${c.variant} vs ${c.control}: ${describeComparison(c)}` : describeComparison(c))).join('; ');
  return `${label} ${rates}${detail ? ` (${detail})` : ''}`;
}

/**
 * A closed campaign's experiment that was still running: the sends each variant got against
 * the sends it needed (the minimum sample, or what the observed difference needs at the
 * configured power), as `more` had them before the close.
 */
function inconclusiveVerdict(variants: readonly VariantOutcome[], comparisons: readonly VariantComparison[], label: string, settings: ExperimentSettings, closed: string): string {
  const neededOf = (v: VariantOutcome): number => v.sent + (v.more ?? 0);
  const short = variants.filter((v) => v.more !== null && v.more > 0);
  const powered = short.some((v) => neededOf(v) > settings.min_sample);
  const sends = variants.map((v) => `${formatCount(v.sent, 'send')} of ${v.id}`).join(', ');
  const needed = short.length && new Set(short.map(neededOf)).size === 1 ? `${formatCount(neededOf(short[0]!), 'send')} per variant` : short.map((v) => `${formatNumber(neededOf(v))} of ${v.id}`).join(', ');
  const why = powered ? `to detect this difference at ${Math.round(settings.power * 100)}% power` : 'for a winner (the minimum sample)';
  const shortfall = short.length ? ` against the ${needed} needed ${why}` : '';
  const unmeasured = variants.filter((v) => v.rate === null).map((v) => v.id);
  const missing = unmeasured.length ? ` No ${label} recorded for ${unmeasured.join(', ')}: record its results to compare it.` : '';
  return `${VERDICT_OPENINGS.inconclusive}the campaign closed on ${closed} with ${sends}${shortfall}, so no winner can be declared — ${factsOf(variants, comparisons, label)}. Test it again in a new campaign to settle it.${missing}`;
}

function verdictOf(status: ExperimentStatus, winner: string | null, variants: readonly VariantOutcome[], comparisons: readonly VariantComparison[], label: string, settings: ExperimentSettings): string {
  const facts = factsOf(variants, comparisons, label);
  if (status === 'winner') return `${winner} wins: ${facts}.`;
  if (status === 'no-difference') return `${VERDICT_OPENINGS['no-difference']}${facts}.`;
  const waiting = variants.filter((v) => v.more !== null && v.more > 0);
  const undetectable = comparisons.some((c) => c.needed === null);
  // With no comparison yet (a variant has no results) there is no difference to detect: the
  // sends asked for are the minimum sample's.
  const significantShort = comparisons.length === 0 || comparisons.some((c) => c.significant) || undetectable;
  const needs = waiting.length ? ` Needs ${waiting.map((v) => `${formatCount(v.more!, 'more send')} of ${v.id}`).join(', ')}` : '';
  const why = significantShort ? ` to reach the minimum of ${formatCount(settings.min_sample, 'send')} per variant` : ` to detect this difference at ${Math.round(settings.power * 100)}% power (and ${formatCount(settings.min_sample, 'send')} per variant)`;
  const unmeasured = variants.filter((v) => v.rate === null).map((v) => v.id);
  const missing = comparisons.length > 0 && unmeasured.length ? ` No ${label} for ${unmeasured.join(', ')} yet: record its results to compare it.` : '';
  return `${VERDICT_OPENINGS.running}${facts}.${needs ? `${needs}${why}.` : ''}${undetectable ? ' The rates are equal so far: no sample size detects a zero difference.' : ''}${missing}`;
}
