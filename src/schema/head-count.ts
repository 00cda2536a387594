/**
 * A company's head count as people and exports write it: a count, a band (`201-500`) or an
 * open band (`10,001+`). Here, in base, because a deal's Stage 1 schema takes a band as the
 * account import and the scorers do (src/scoring/numbers.ts re-exports it for them).
 */

/**
 * A count as a sheet writes it: `1200`, `1,200`, `1 200`, and `1.200` or `1'200` where
 * the comma is the decimal mark. A count is whole, so a separator before exactly three
 * digits groups thousands; anything else that is not a plain number (`1,5`, `about 50`)
 * is NaN, for the caller to refuse — never a separator dropped, which read `1,5` as 15.
 */
export function wholeCount(text: string): number {
  const trimmed = text.trim();
  if (/^\d{1,3}([.,'\s\u00a0\u202f]\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/\D/g, ''));
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A head count read as a range: a count is a range of one (`{min: 480, max: 480}`); an open band has no upper end (`max: Infinity`). */
export interface HeadCount {
  min: number;
  max: number;
}

const BAND = /^(\d[\d.,'\s\u00a0\u202f]*?)\s*(?:-|–|—|to)\s*(\d[\d.,'\s\u00a0\u202f]*)$/i;
const OPEN_BAND = /^(\d[\d.,'\s\u00a0\u202f]*?)\s*\+$/;

/**
 * A head count as data providers and CRMs export it (LinkedIn's and Apollo's company size):
 * a count (`1,200`, wholeCount), a band (`201-500`, `51 – 200`, `1,001 to 5,000`) or an
 * open band (`10,001+`), with or without a trailing `employees`. Undefined for anything
 * else (`about 400`, a band written high to low), for the caller to refuse.
 */
export function headCount(text: string): HeadCount | undefined {
  const trimmed = text.trim().replace(/\s*(?:employees?|people|staff|ftes?)$/i, '');
  const open = OPEN_BAND.exec(trimmed);
  if (open) {
    const min = wholeCount(open[1]!);
    return Number.isInteger(min) && min >= 0 ? { min, max: Number.POSITIVE_INFINITY } : undefined;
  }
  const band = BAND.exec(trimmed);
  if (band) {
    const min = wholeCount(band[1]!);
    const max = wholeCount(band[2]!);
    return Number.isInteger(min) && Number.isInteger(max) && min >= 0 && min <= max ? { min, max } : undefined;
  }
  const n = wholeCount(trimmed);
  return Number.isInteger(n) && n >= 0 ? { min: n, max: n } : undefined;
}

/** Whether a value is a head count read as a range (`{min, max}`, numbers, min ≤ max): a JSON list may give one as such. */
export function isHeadCount(v: unknown): v is HeadCount {
  if (typeof v !== 'object' || v === null) return false;
  const { min, max } = v as Partial<HeadCount>;
  return typeof min === 'number' && typeof max === 'number' && min >= 0 && min <= max;
}

/** A count or a band as the scorers take it: a count of one as its number, a band as its range. */
export function countOrBand(count: HeadCount): number | HeadCount {
  return count.min === count.max ? count.min : count;
}

/** A count or a band as a range to compare (a count is a range of one); undefined for none. */
export function headCountRange(value: number | HeadCount | null | undefined): HeadCount | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { min: value, max: value } : undefined;
  return value ?? undefined;
}

/** A count or a band as a list writes it: `480`, `201-500`, `10001+`. */
export function formatHeadCount(count: HeadCount): string {
  return count.min === count.max ? String(count.min) : count.max === Number.POSITIVE_INFINITY ? `${count.min}+` : `${count.min}-${count.max}`;
}

/**
 * A company's `employees` as the scorers take it: a count, or a band (`201-500`, `10,001+`)
 * as its range, scored by overlap with the ICP's band (scoring/range-match.ts); null when it
 * reads as neither. A deal's Stage 1 and a campaign prospect hold a band as the text written.
 */
export function employeesOf(value: unknown): number | HeadCount | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (isHeadCount(value)) return countOrBand(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  const count = headCount(value);
  return count === undefined ? null : countOrBand(count);
}

/** Whether text is a head-count band (`201-500`, `51 – 200 employees`, `10,001+`), not one count: what a Stage 1 `employees` takes as text. */
export function isHeadCountBand(text: string): boolean {
  const count = headCount(text);
  return count !== undefined && count.min !== count.max;
}
