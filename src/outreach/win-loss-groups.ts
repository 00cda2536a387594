/**
 * Win rates by group (industry, revenue band, segment, source). A group is reported only
 * with at least `minDeals` closed deals, and carries a confidence n / (n + 5): a half
 * at n = 5, 0.75 at n = 15, approaching 1 but never reaching it. The 5 is the number
 * of deals at which a group's own rate and "we don't know yet" weigh the same.
 */

import { cents, centsPerPart, parseRevenueRange } from '../schema/money.js';
import { roundHalfUp } from '../scoring/numbers.js';

export const CONFIDENCE_PRIOR_DEALS = 5;
export const UNKNOWN = 'unknown';

export type PatternDimension = 'industry' | 'revenueBand' | 'segment' | 'source';

export interface GroupPattern {
  /** The group's value as first written (`Fintech`); groups are matched case-insensitively. */
  value: string;
  deals: number;
  won: number;
  lost: number;
  winRate: number;
  /** Average ARR of the group's won deals that record one; null when none does. */
  averageWonArr: number | null;
  /** winRate minus the overall win rate. */
  lift: number;
  confidence: number;
}

export interface GroupedDeal {
  won: boolean;
  arr: number | null;
  value: string;
}

/** Lower bounds of the revenue bands, highest first; a band includes its lower bound (10M is `10-50M`). */
export const REVENUE_BANDS: readonly { label: string; min: number }[] = [
  { label: '100M+', min: 100_000_000 },
  { label: '50-100M', min: 50_000_000 },
  { label: '10-50M', min: 10_000_000 },
  { label: '0-10M', min: 0 },
];

/**
 * The band of a revenue written as a number or money text (`$25M`; `10M-50M` reads as its
 * midpoint), read as the score reads it (parseRevenueRange): a band with one bound, as CRMs
 * export it, is in a band only when all of it is — `> $1B` is 100M+, `Under $5M` 0-10M, and
 * `> $20M`, which may be 10-50M or more, is unknown. Read as one amount, `> $1B` was unknown.
 */
export function revenueBand(revenue: unknown): string {
  const range = parseRevenueRange(revenue);
  if (!range || range.min < 0) return UNKNOWN;
  const bandOf = (amount: number): string => REVENUE_BANDS.find((band) => amount >= band.min)?.label ?? UNKNOWN;
  if (!range.open) return bandOf((range.min + range.max) / 2);
  const [low, high] = [bandOf(range.min), bandOf(range.max)];
  return low === high ? low : UNKNOWN;
}

/** Two decimals, a half up, as every confidence is printed (formatFixed). */
export function confidenceFor(deals: number): number {
  return roundHalfUp(deals / (deals + CONFIDENCE_PRIOR_DEALS), 2);
}

/**
 * The average of amounts, to the cent: the amounts summed in whole cents, as the metrics'
 * average deal size sums them, and the average's half cent rounded up. Averaged in binary
 * and rounded with Math.round, 36,000.02 and 24,000.05 (30,000.035 by hand, so 30,000.04)
 * averaged 30,000.03.
 */
export function averageAmount(amounts: readonly number[]): number | null {
  return amounts.length ? centsPerPart(amounts.reduce((sum, amount) => sum + cents(amount), 0), amounts.length) : null;
}

/** Lower case, trimmed, single spaces, no trailing full stop: `Price. ` and `price` are one group. */
export function groupKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[.!;,]+$/, '').toLowerCase();
}

/** Text for a group, or `unknown` when blank or not text. */
export function groupValue(value: unknown): string {
  return typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ') : UNKNOWN;
}

/** Groups with at least `minDeals` deals, best win rate first (then more deals, then by name). */
export function groupPatterns(deals: readonly GroupedDeal[], overallWinRate: number, minDeals: number): GroupPattern[] {
  const groups = new Map<string, { value: string; members: GroupedDeal[] }>();
  for (const deal of deals) {
    const key = groupKey(deal.value);
    const group = groups.get(key) ?? { value: deal.value, members: [] };
    group.members.push(deal);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.members.length >= minDeals)
    .map(({ value, members }): GroupPattern => {
      const won = members.filter((d) => d.won);
      const arrs = won.map((d) => d.arr).filter((a): a is number => a !== null);
      const winRate = won.length / members.length;
      return {
        value,
        deals: members.length,
        won: won.length,
        lost: members.length - won.length,
        // Exact, as the overall rate (winloss.ts): the reports round once when they print.
        winRate,
        averageWonArr: averageAmount(arrs),
        lift: winRate - overallWinRate,
        confidence: confidenceFor(members.length),
      };
    })
    .sort((a, b) => b.winRate - a.winRate || b.deals - a.deals || a.value.localeCompare(b.value));
}
