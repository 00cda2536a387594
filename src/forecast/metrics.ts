/** The goal metrics deals drive, and their value from a count of won and lost deals and won ARR. */

import { centsPerPart } from '../schema/money.js';

export const FORECAST_METRICS = ['won_count', 'won_arr', 'mrr', 'avg_deal_size', 'win_rate'] as const;
export type ForecastMetric = (typeof FORECAST_METRICS)[number];

export function isForecastMetric(name: string): name is ForecastMetric {
  return (FORECAST_METRICS as readonly string[]).includes(name);
}

/**
 * A metric's value from the deals won and lost, the won ARR in cents and how many of the
 * wins have no ARR — the same formulas as the figures of derive/metrics.ts, exact as they
 * are, so "target met" means in a draw what it means in the goal's state. A win without ARR
 * counts in won_count and win_rate but not in the average deal size's denominator, as in
 * 13-metrics (won ARR over the wins that record one). null where the figure is undefined
 * (no win with an ARR for an average, no closed deal for a win rate).
 */
export function metricValue(metric: ForecastMetric, won: number, wonCents: number, lost: number, wonWithoutArr: number): number | null {
  switch (metric) {
    case 'won_count':
      return won;
    case 'won_arr':
      return wonCents / 100;
    // To the cent, as the state's figures (derive/metrics.ts): a draw is judged on the value it prints.
    case 'mrr':
      return centsPerPart(wonCents, 12);
    case 'avg_deal_size':
      return won > wonWithoutArr ? centsPerPart(wonCents, won - wonWithoutArr) : null;
    case 'win_rate':
      return won + lost > 0 ? won / (won + lost) : null;
  }
}
