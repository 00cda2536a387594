/**
 * Where a company's size sits against an ICP range. A value inside the range scores 1,
 * one that is "close" 0.5, anything further 0.
 *
 * Close means within 50% beyond the bound: from min × 0.5 up to min, or from max up to
 * max × 1.5. A 60-person company against a 100–500 ICP is close (≥ 50); a 40-person one
 * is not. Half a bound either way is the usual slack in firmographic data (headcount
 * ranges from enrichment vendors, revenue estimates) without letting a 10× outlier pass.
 */

import { shortAmount } from './numbers.js';

export interface TargetRange {
  min?: number | undefined;
  max?: number | undefined;
}

export interface ValueRange {
  min: number;
  max: number;
}

export type RangeFit = 'in-range' | 'close' | 'far';

export const RANGE_SCORE: Record<RangeFit, number> = { 'in-range': 1, close: 0.5, far: 0 };

/** How far beyond a bound still counts as close, as a share of that bound. */
export const CLOSE_MARGIN = 0.5;

/**
 * A range value (`10M-50M`) is in range when it overlaps the target at all: the
 * company's real figure could be anywhere in the band it gave, and overlap never
 * rejects a company whose band straddles the ICP's bound. A single number is a range
 * with min = max, so both cases share one rule.
 */
export function matchRange(value: ValueRange, target: TargetRange): RangeFit {
  const { min, max } = target;
  const belowMin = min !== undefined && value.max < min;
  const aboveMax = max !== undefined && value.min > max;
  if (!belowMin && !aboveMax) return 'in-range';
  if (belowMin) return value.max >= min * (1 - CLOSE_MARGIN) ? 'close' : 'far';
  return value.min <= max! * (1 + CLOSE_MARGIN) ? 'close' : 'far';
}

/**
 * A value with one bound only (`1M+`, `Under $1M`: it could be anywhere beyond it), matched
 * conservatively: in range only when all of it lies inside the target (`> $50M` for a band
 * of $20M and up); otherwise judged at the one figure it gives, its bound, and never better
 * than close — `Under $30M` may be $1M, so against $20M–$500M it is close, not a fit, and
 * `1M+` is as far as $1M is. A closed range keeps `matchRange`'s overlap.
 */
export function matchOpenRange(value: ValueRange, open: 'above' | 'below', target: TargetRange): RangeFit {
  const { min, max } = target;
  const inside = (min === undefined || value.min >= min) && (max === undefined || value.max <= max);
  if (inside) return 'in-range';
  const bound = open === 'above' ? value.min : value.max;
  const fit = matchRange({ min: bound, max: bound }, target);
  return fit === 'in-range' ? 'close' : fit;
}

export function hasBounds(target: TargetRange | undefined): target is TargetRange {
  return target !== undefined && (target.min !== undefined || target.max !== undefined);
}

export function describeRange(range: TargetRange | ValueRange): string {
  const { min, max } = range;
  if (min !== undefined && max === Number.POSITIVE_INFINITY) return `≥ ${shortAmount(min)}`;
  if (min !== undefined && max !== undefined) return min === max ? shortAmount(min) : `${shortAmount(min)}–${shortAmount(max)}`;
  if (min !== undefined) return `≥ ${shortAmount(min)}`;
  return `≤ ${shortAmount(max!)}`;
}
