import { dealOutcomes, type DealDraw } from './draws.js';
import { metricValue, type ForecastMetric } from './metrics.js';
import type { Base, Outcomes } from './simulate.js';

/**
 * How much one open deal moves the chance of reaching the target: P(target | it closes won
 * by the deadline) − P(target | it closes lost by then), everything else drawn as in the
 * forecast.
 *
 * Computed on the forecast's own draws (common random numbers): in each draw the deal's
 * own outcome is taken out of the totals and replaced by won, then by lost. The difference
 * is 1 exactly in the draws where this deal decides the target, so the swing is the
 * probability that the deal is pivotal — a low-variance estimate even for a deal that is
 * rarely won. On avg_deal_size alone the difference can be −1: a won deal smaller than the
 * target pulls the average down, so its swing is negative (from −1 to 1).
 */
export function dealSwing(deal: DealDraw, keys: Int32Array, outcomes: Outcomes, base: Base, metric: ForecastMetric, target: number): number {
  const draws = keys.length;
  if (draws === 0) return 0;
  const own = dealOutcomes(deal, keys);
  const met = (w: number, s: number, l: number, x: number): number => {
    const v = metricValue(metric, w, s, l, x);
    return v !== null && v >= target ? 1 : 0;
  };
  let swing = 0;
  for (let d = 0; d < draws; d++) {
    const o = own[d]!;
    const isWon = o === 1 ? 1 : 0;
    const w = base.won + outcomes.won[d]! - isWon;
    const s = base.wonCents + outcomes.wonCents[d]! - isWon * deal.cents;
    const l = base.lost + outcomes.lost[d]! - (o === -1 ? 1 : 0);
    // Wins without ARR: the deal's own win taken out too when it has no ARR, put back when it is won.
    const x = base.wonWithoutArr + outcomes.wonWithoutArr[d]! - isWon * deal.withoutArr;
    swing += met(w + 1, s + deal.cents, l, x + deal.withoutArr) - met(w, s, l + 1, x);
  }
  return swing / draws;
}
