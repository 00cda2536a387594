/**
 * Freshness: how recent the data is. Decays linearly from 1 on the `asOf` date to 0 at
 * 90 days old. `asOf` is passed in — the scorers never read the clock — so the same
 * inputs give the same score on any day. A missing or unreadable date defaults to 0.80:
 * data on file is usually recent when nobody wrote a date, but not as trustworthy as data
 * known to be new. So does a date more than a day after `asOf`: no data is gathered on a
 * day to come — it is most often a typo (2027 for 2026) — and it scored 1, the freshest
 * data there is. A day after passes, for a list gathered east of here.
 */

import { dateProblem } from '../clock.js';
import { formatCount } from '../derive/format.js';
import type { ComponentScore, ScoreFactor } from './factor.js';
import { clamp01, round3 } from './numbers.js';

export const FRESHNESS_HORIZON_DAYS = 90;
export const DEFAULT_FRESHNESS = 0.8;

const DAY_MS = 86_400_000;

/**
 * Days since the Unix epoch of a `YYYY-MM-DD…` date (time of day ignored), or undefined when
 * it is none by the workspace's one rule (clock.ts `dateProblem`): a day of the calendar, of
 * a year from 1900 to 2200 — `0026-11-02` is a slip, not data 2,000 years old.
 */
export function dayNumber(date: string | Date): number | undefined {
  if (date instanceof Date) {
    const time = date.getTime();
    return Number.isNaN(time) ? undefined : Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / DAY_MS);
  }
  const day = date.trim().slice(0, 10);
  if (dateProblem(day) !== undefined) return undefined;
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** A day number as YYYY-MM-DD. */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether a readable data date is more than a day after `asOf`: a date no data was
 * gathered on. One day after passes, as for any date recorded as done.
 */
export function isFutureDataDate(date: string, asOf: string | Date): boolean {
  const day = dayNumber(date);
  return day !== undefined && day - requireDay(asOf) > 1;
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
  if (age < -1) {
    const detail = `data date ${date!.trim().slice(0, 10)} is after ${dayText(today)}, the day scored as of: no data is gathered on a day to come (a typo?); default ${DEFAULT_FRESHNESS}`;
    return {
      component: { value: DEFAULT_FRESHNESS, status: 'defaulted', detail },
      factors: [{ component: 'freshness', name: 'date', status: 'defaulted', value: DEFAULT_FRESHNESS, detail }],
    };
  }
  const value = round3(clamp01(1 - age / FRESHNESS_HORIZON_DAYS));
  const detail = age < 0 ? `dated ${date}, a day after asOf; counts as fresh` : `${formatCount(age, 'day')} old`;
  return {
    component: { value, status: 'computed', detail },
    factors: [{ component: 'freshness', name: 'date', status: 'computed', value, detail }],
  };
}
