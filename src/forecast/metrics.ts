/** The goal metrics deals drive, and their value from a count of won and lost deals and won ARR. */

export const FORECAST_METRICS = ['won_count', 'won_arr', 'mrr', 'avg_deal_size', 'win_rate'] as const;
export type ForecastMetric = (typeof FORECAST_METRICS)[number];

export function isForecastMetric(name: string): name is ForecastMetric {
  return (FORECAST_METRICS as readonly string[]).includes(name);
}

/**
 * A metric's value from the deals won and lost, the won ARR in cents and how many of the
 * wins have no ARR — the same formulas (and rounding) as the figures of derive/metrics.ts,
 * so "target met" means in a draw what it means in the goal's state. A win without ARR
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
    case 'mrr':
      return Math.round(wonCents / 100 / 12);
    case 'avg_deal_size':
      return won > wonWithoutArr ? Math.round(wonCents / 100 / (won - wonWithoutArr)) : null;
    case 'win_rate':
      return won + lost > 0 ? winRatePercent(won, won + lost) / 100 : null;
  }
}

/**
 * round(100 · won / closed), a half rounded up, in integers: exact, as the goal state's
 * round2 is (23 of 40 is 58%), where Math.round(0.575 · 100) sees 57.4999… and gives 57 —
 * a target the state calls met, drawn as missed. Cheap enough for every draw of a swing.
 */
function winRatePercent(won: number, closed: number): number {
  return Math.floor((200 * won + closed) / (2 * closed));
}
