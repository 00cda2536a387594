/**
 * Freshness: how recent the data is. Decays linearly from 1 on the `asOf` date to 0 at
 * 90 days old. `asOf` is passed in — the scorers never read the clock — so the same
 * inputs give the same score on any day. A date after `asOf` counts as fresh (1). A
 * missing or unreadable date defaults to 0.80: data on file is usually recent when
 * nobody wrote a date, but not as trustworthy as data known to be new.
 */

import { formatCount } from '../derive/format.js';
import type { ComponentScore, ScoreFactor } from './factor.js';
import { clamp01, round3 } from './numbers.js';

export const FRESHNESS_HORIZON_DAYS = 90;
export const DEFAULT_FRESHNESS = 0.8;

const DAY_MS = 86_400_000;

/** Days since the Unix epoch of a `YYYY-MM-DD…` date (time of day ignored), or undefined. */
export function dayNumber(date: string | Date): number | undefined {
  if (date instanceof Date) {
    const time = date.getTime();
    return Number.isNaN(time) ? undefined : Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / DAY_MS);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March; a date that does not round-trip is not real.
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return utc / DAY_MS;
}

/** Throws on an unreadable `asOf`: that is a caller's bug, not missing data in a file. */
export function requireDay(asOf: string | Date): number {
  const day = dayNumber(asOf);
  if (day === undefined) throw new RangeError(`asOf must be a date such as 2026-03-01, got ${String(asOf)}`);
  return day;
}

export interface FreshnessResult {
  component: ComponentScore;
  factors: ScoreFactor[];
}

export function scoreFreshness(date: string | null | undefined, asOf: string | Date): FreshnessResult {
  const today = requireDay(asOf);
  const day = typeof date === 'string' && date.trim() ? dayNumber(date) : undefined;
  if (day === undefined) {
    const detail = typeof date === 'string' && date.trim() ? `unreadable date "${date}"; default ${DEFAULT_FRESHNESS}` : `no data date; default ${DEFAULT_FRESHNESS}`;
    return {
      component: { value: DEFAULT_FRESHNESS, status: 'defaulted', detail },
      factors: [{ component: 'freshness', name: 'date', status: 'defaulted', value: DEFAULT_FRESHNESS, detail }],
    };
  }
  const age = today - day;
  const value = round3(clamp01(1 - age / FRESHNESS_HORIZON_DAYS));
  const detail = age < 0 ? `dated ${date}, after asOf; counts as fresh` : `${formatCount(age, 'day')} old`;
  return {
    component: { value, status: 'computed', detail },
    factors: [{ component: 'freshness', name: 'date', status: 'computed', value, detail }],
  };
}
