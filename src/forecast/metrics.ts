/** The goal metrics deals drive, and their value from a count of won and lost deals and won ARR. */

export const FORECAST_METRICS = ['won_count', 'won_arr', 'mrr', 'avg_deal_size', 'win_rate'] as const;
export type ForecastMetric = (typeof FORECAST_METRICS)[number];

export function isForecastMetric(name: string): name is ForecastMetric {
  return (FORECAST_METRICS as readonly string[]).includes(name);
}

/**
 * A metric's value from the deals won and lost and the won ARR in cents — the same
 * formulas (and rounding) as the figures of derive/metrics.ts, so "target met" means in a
 * draw what it means in the goal's state. null where the figure is undefined (no won deal
 * for an average, no closed deal for a win rate).
 */
export function metricValue(metric: ForecastMetric, won: number, wonCents: number, lost: number): number | null {
  switch (metric) {
    case 'won_count':
      return won;
    case 'won_arr':
      return wonCents / 100;
    case 'mrr':
      return Math.round(wonCents / 100 / 12);
    case 'avg_deal_size':
      return won > 0 ? Math.round(wonCents / 100 / won) : null;
    case 'win_rate':
      return won + lost > 0 ? Math.round((won / (won + lost)) * 100) / 100 : null;
  }
}
