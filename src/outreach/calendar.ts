/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so a date never shifts with the
 * machine's time zone or a daylight-saving change. Deliberately separate from
 * src/clock.ts: outreach never needs "now", only the dates its callers pass in.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The `YYYY-MM-DD` part of a date or date-time string, if it names a real calendar day. */
export function calendarDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const date = value.trim().slice(0, 10);
  if (!ISO_DATE.test(date)) return undefined;
  // `Date` rolls 2025-02-29 over to March 1st; comparing the round trip refuses it.
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : undefined;
}

/** `date` plus `days` (negative goes back), across month ends, leap days and year ends. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The day a touch not yet sent goes out: the day it is planned for, or `today` once that has
 * passed — an overdue touch goes out on the first day it still can. The one rule `due` lists
 * touches by and the approve gate's daily cap counts them by (check/autonomy-gates.ts
 * planDraft): counted on its planned day, an overdue touch left room under today's cap that
 * `due` had already given away, and the two disagreed on how many could still go out.
 */
export function sendDay(planned: string, today: string): string {
  return planned > today ? planned : today;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
