import { cents } from '../schema/money.js';
import { dealKey, DrawTotals, threshold, type DealDraw } from './draws.js';
import { metricValue, type ForecastMetric } from './metrics.js';

/** The totals already closed when the draws start: every draw adds the open deals' outcomes to them. */
export interface Base {
  won: number;
  wonCents: number;
  lost: number;
  /** Of `won`, the deals closed without their ARR (check: won-without-arr). */
  wonWithoutArr: number;
}

/** Per-draw totals of the open deals' outcomes (DrawTotals, or any arrays of the same shape). */
export interface Outcomes {
  won: Int32Array;
  wonCents: Float64Array;
  lost: Int32Array;
  wonWithoutArr: Int32Array;
}

/** One open deal's odds at the deadline, as the draws take them. */
export interface DealChance {
  /** Names the deal's random stream (its thread path). */
  path: string;
  /** P(closes won by the deadline). */
  pWon: number;
  /** P(closes, won or lost, by the deadline) ≥ pWon. */
  pClosed: number;
  /**
   * ARR if won; null when the deal gives no ARR potential: drawn won, it counts as a win
   * without ARR — in won_count and win_rate, not in the average deal size — as a closed
   * deal without its `arr` does in the goal's state.
   */
  value: number | null;
}

/** A deal as the draws take it, its key given (GoalDraws keeps a deal's key across redraws). */
export function dealDrawWithKey(key: number, deal: Omit<DealChance, 'path'>): DealDraw {
  return {
    key,
    tWon: threshold(deal.pWon),
    tClosed: threshold(Math.max(deal.pWon, deal.pClosed)),
    cents: deal.value === null ? 0 : cents(deal.value),
    withoutArr: deal.value === null ? 1 : 0,
  };
}

/** A deal as the draws take it. */
export function dealDraw(deal: DealChance): DealDraw {
  return dealDrawWithKey(dealKey(deal.path), deal);
}

/**
 * A deal's effect on every forecast metric depends only on how it stands at the deadline —
 * won, lost or still open — so a draw needs one uniform number per deal, not a close date:
 * u < pWon → won, u < pClosed → lost, else open. This draws them all at once.
 */
export function simulate(deals: readonly DealChance[], draws: number, seed: number): DrawTotals {
  const totals = new DrawTotals(draws, seed);
  totals.addAll(deals.map(dealDraw));
  return totals;
}

export interface MetricDistribution {
  /** Share of the draws where the metric reaches the target (value ≥ target). */
  pTarget: number;
  /** The 10th, 50th and 90th percentiles of the value at the deadline; null where the metric is undefined. */
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/**
 * A metric's distribution over the draws. The q-quantile is the smallest value v with
 * F(v) ≥ q over the draws — sorted[ceil(q·N) − 1] — the empirical inverse CDF, which
 * converges to the exact one and is what the tests compare against.
 */
export function distribution(metric: ForecastMetric, target: number, base: Base, outcomes: Outcomes): MetricDistribution {
  const draws = outcomes.won.length;
  const values = new Float64Array(draws);
  let hits = 0;
  for (let d = 0; d < draws; d++) {
    const v = metricValue(metric, base.won + outcomes.won[d]!, base.wonCents + outcomes.wonCents[d]!, base.lost + outcomes.lost[d]!, base.wonWithoutArr + outcomes.wonWithoutArr[d]!);
    values[d] = v === null ? -Infinity : v;
    if (v !== null && v >= target) hits += 1;
  }
  values.sort();
  return { pTarget: draws ? hits / draws : 0, p10: quantile(values, 0.1), p50: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

/** sorted[ceil(q·N) − 1]; −Infinity (an undefined metric) comes back as null. */
export function quantile(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  // The epsilon keeps q·N = 1000.0000000000001 from rounding up a whole rank.
  const v = sorted[Math.max(0, Math.ceil(q * sorted.length - 1e-9) - 1)]!;
  return v === -Infinity ? null : v;
}
