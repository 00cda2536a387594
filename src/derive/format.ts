/** Plain-text formatting shared by the managed blocks, the commit messages and the reports. */

import { roundHalfUp } from '../scoring/numbers.js';

/**
 * A number as `toLocaleString('en-US')` writes it (`1,234`, `1,234.57`). An integer's digits
 * are grouped here: ICU's first number formatter costs a sync 13 ms to set up, for blocks
 * whose figures are nearly all integers. A fraction, or an integer too large for plain
 * digits, goes to a formatter made once (`toLocaleString` with options makes one per call:
 * 19 µs each).
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return groupedInteger(value);
  return (fractions ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })).format(value);
}

let fractions: Intl.NumberFormat | undefined;

/** A count with its noun, grouped like every number and singular for one: `1 closed deal`, `1,204 closed deals`. */
export function formatCount(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : pluralForm}`;
}

/** A number of days with its unit, in whole days as the reports print them: `1 day`, `52 days`, `— days` for none. */
export function formatDayCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '— days' : formatCount(Math.round(value), 'day');
}

/** A number of days as the reports print it: whole days (`52`, never `52.3`), `—` for none. */
export function formatDays(value: number | null | undefined): string {
  return formatWhole(value);
}

/**
 * An amount of money as every report and block prints it: whole units (`78,001` for a won
 * ARR of 78,000.5), rounded here once; the `--json` data and the sums keep the amount as
 * written, cents and all.
 */
export function formatMoney(value: number | null | undefined): string {
  return formatWhole(value);
}

/** A figure rounded to a whole number, thousands grouped; `—` for none. */
function formatWhole(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatNumber(Math.round(value));
}

/** An integer below 10²¹ (plain digits: String never writes an exponent there) with its thousands grouped. */
function groupedInteger(value: number): string {
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = out.length; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`;
  return value < 0 || Object.is(value, -0) ? `-${out}` : out;
}

/**
 * A rate as a whole percent, a half rounded up (roundHalfUp): 23/40 is 57.4999…% in
 * binary, which `Math.round(value * 100)` printed as 57% in a report while the metrics and
 * goal blocks (round2 first) printed 58% for the same deals. The one rounding of a rate:
 * the figures (an average margin, a win rate) are kept exact up to here.
 */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${roundHalfUp(value * 100, 0)}%`;
}

/**
 * A figure to `digits` decimals, a half rounded up (roundHalfUp) as the confidence beside it
 * is: toFixed rounds the binary value, so a prior of 0.285 (0.28499…) showed as 0.28 beside
 * its own confidence of 0.29 while 0.125, exact in binary, showed as 0.13.
 */
export function formatFixed(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '—' : roundHalfUp(value, digits).toFixed(digits);
}

/**
 * `███████░░░ 70%`: ten cells, each a tenth of the way. The percent is formatPercent's, so
 * a progress prints as every other rate does: 23 of 40 is 58% here too, not 57%.
 */
export function progressBar(progress: number, width = 10): string {
  const clamped = Math.max(0, Math.min(1, progress));
  const filled = Math.round(clamped * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${formatPercent(clamped)}`;
}

/** A cell for a Markdown table: pipes escaped, line breaks folded. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}
