/**
 * How a value written after a label in the LeanOS method's prose becomes a front-matter
 * value. Each reader returns the value, or why the text is not one (never a guess): the
 * caller reports that line instead of mapping it. docs/migrate.md lists every rule.
 */

import { MONTHLY, parseMoneyRange, YEARLY } from '../schema/money.js';
import { wordDate } from '../clock.js';

export type Reading<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };

const ok = <T>(value: T, note?: string): Reading<T> => (note ? { ok: true, value, note } : { ok: true, value });
const no = <T>(reason: string): Reading<T> => ({ ok: false, reason });

/** Markdown emphasis, code ticks, check marks, emoji and a final `.` `;` `,` around an enum, number, date or id: `**QUALIFY.**`, `✅ VALIDATED`. */
export function plainValue(text: string): string {
  return plainText(text)
    .replace(/[.;,]+$/, '')
    .trim();
}

/**
 * A text value as written, without its emphasis, code marks and emoji: a final `.` is part
 * of it (`Núñez Pagos, S.L.`, `Sr. V.P.`). Only enum, number, date and id readings drop it
 * (plainValue): docs/migrate.md promises no more.
 */
export function plainText(text: string): string {
  return text
    // Emphasis and code marks, not the underscores inside a word (`first_last@acme.com`).
    .replace(/\*\*|__|`/g, '')
    .trim()
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/gu, '')
    .replace(/\uFE0F/g, '')
    .trim();
}

/** A remark in parentheses at the end, which the prose keeps: `High (tests key assumption)` → `High`. */
export function withoutRemark(text: string): { head: string; remark: string } {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
  return match && match[1]!.trim() ? { head: match[1]!.trim(), remark: match[2]!.trim() } : { head: text.trim(), remark: '' };
}

export function readText(text: string): Reading<string> {
  const value = text.replace(/^\*\*|\*\*$/g, '').trim();
  return value ? ok(value) : no('expected some text');
}

/**
 * A probability from a percentage: `60%` → 0.6, `0.6` → 0.6. A bare number above 1
 * (`60`) and two figures (`60% → 95%`, `60-70%`) are not read: which one was meant?
 */
export function readProbability(text: string): Reading<number> {
  const value = withoutRemark(plainValue(text)).head;
  const figures = value.match(/\d+(?:[.,]\d+)?/g) ?? [];
  if (figures.length > 1) return no(`two figures in "${value}": write the one value, e.g. 60%`);
  const percent = /^(?:~|about |approx\.? )?(\d+(?:[.,]\d+)?)\s*(?:%|percent\b)$/i.exec(value);
  if (percent) {
    const n = Number(percent[1]!.replace(',', '.'));
    return n >= 0 && n <= 100 ? ok(round(n / 100, 4)) : no(`expected a percentage from 0% to 100%, got ${value}`);
  }
  const fraction = /^(0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/.exec(value);
  if (fraction) return ok(Number(fraction[1]));
  return no(`expected a percentage such as 60% or a number from 0 to 1, got "${value}"`);
}

const CURRENCY_CODES: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', usd: 'USD', eur: 'EUR', gbp: 'GBP' };

export interface Money {
  /** One amount, or `{min, max}` for a range such as `$1M-$1.5M`. */
  value: number | { min: number; max: number };
  /** The currency it was written in, when it says (`$` → USD). */
  currency?: string;
}

/**
 * An amount as people write it: `$1.1M`, `€250k`, `$40,000`, `1.2m USD`, `$400K-600K/year`,
 * `$1M-$1.5M` (a range). A monthly figure (`$5K/month`, `MRR`) is not read as a yearly one.
 */
export function readMoney(text: string): Reading<Money> {
  const { head } = withoutRemark(plainValue(text));
  if (MONTHLY.test(head)) return no(`"${head}" is a monthly figure: threadwork records yearly amounts (ARR); write the yearly amount`);
  const amount = head.replace(/^(?:~|about\s+|approx(?:\.|imately)?\s+|around\s+|up to\s+)/i, '').replace(YEARLY, '').trim();
  const range = parseMoneyRange(amount);
  if (!range) return no(`expected an amount such as $1.1M, €250k, $40,000 or a range such as $1M-$1.5M, got "${head}"`);
  const symbols = [...new Set([...amount.matchAll(/[$€£¥]|\b(?:usd|eur|gbp)\b/gi)].map((m) => CURRENCY_CODES[m[0].toLowerCase()]!))];
  if (symbols.length > 1) return no(`two currencies in "${head}"`);
  const value = range.min === range.max ? range.min : { min: range.min, max: range.max };
  return ok(symbols[0] ? { value, currency: symbols[0] } : { value });
}

/** An enum value: the first word (`High (tests key assumption)` → high), or the one value named in a remark (`0.85 (high)`). */
export function readEnum<T extends string>(text: string, values: readonly T[], synonyms: Readonly<Record<string, T>> = {}): Reading<T> {
  const { head, remark } = withoutRemark(plainValue(text));
  const norm = (word: string): string => word.toLowerCase().replace(/[\s_]+/g, '-');
  const lookup = (word: string): T | undefined => {
    const key = norm(word);
    return values.find((v) => norm(v) === key) ?? synonyms[key];
  };
  const first = /^[\p{L}][\p{L}:_-]*(?:\s+[\p{L}]+)?/u.exec(head)?.[0] ?? '';
  // Two words first (`in progress`, `closed won`), then one.
  const found = lookup(first) ?? lookup(first.split(/\s+/)[0] ?? '') ?? (remark ? lookup(remark) : undefined);
  if (found) return ok(found);
  const expected = values.join(', ');
  return no(`expected one of ${expected}, got "${head}"`);
}

/** A whole number: `20`, `~20 meetings`, `1,200`. */
export function readCount(text: string): Reading<number> {
  const { head } = withoutRemark(plainValue(text));
  const match = /^(?:~|about\s+|approx\.?\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?:\s+[\p{L}][\p{L}\s-]*)?$/u.exec(head);
  if (!match) return no(`expected a whole number, got "${head}"`);
  return ok(Number(match[1]!.replace(/,/g, '')));
}

/** Hours of effort: `40 hours (qualification, demo, pilot, close)`, `24h`. Days or money are not hours. */
export function readHours(text: string): Reading<number> {
  const { head } = withoutRemark(plainValue(text));
  const match = /^(?:~|about\s+)?(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)\b/i.exec(head);
  if (!match) return no(`expected hours such as "40 hours", got "${head}"`);
  return ok(Number(match[1]));
}

/** A day count: `45 days`, `6 weeks` (42 days). Months are not read: they have no fixed length. */
export function readDays(text: string): Reading<number> {
  const { head } = withoutRemark(plainValue(text));
  const match = /^(?:~|about\s+)?(\d+)\s*(days?|d|weeks?|wks?)\b/i.exec(head);
  if (!match) return no(`expected a number of days such as "45 days", got "${head}"`);
  const n = Number(match[1]);
  return ok(/^w/i.test(match[2]!) ? n * 7 : n);
}

/**
 * A calendar date: `2026-03-01`, `March 1, 2026`, `1 Mar 2026`, `Mar 1 2026`. Numeric
 * day/month orders (`03/04/2026`) are not read: the 3rd of April or March 4th?
 */
export function readDate(text: string): Reading<string> {
  const { head } = withoutRemark(plainValue(text));
  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(head);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), head);
  const words = wordDate(head);
  if (words) return realDate(words.year, words.month, words.day, head);
  if (/^\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(head)) return no(`"${head}" could be day/month or month/day: write 2026-03-01 or March 1, 2026`);
  return no(`expected a date such as 2026-03-01, March 1, 2026 or 1 Mar 2026, got "${head}"`);
}

function realDate(year: number, month: number, day: number, written: string): Reading<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return no(`"${written}" is not a real calendar date`);
  return ok(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * Assumption ids at the start of a value: `A4 - Enterprise customers prefer white-label`,
 * `A1, A3`. Written in lower case (`a4, a7`: typed in a hurry) they are read in capitals,
 * as the canvas and the schema write them, and the note says so.
 */
export function readAssumptionIds(text: string): Reading<string[]> {
  const value = plainValue(text);
  const lead = /^((?:[A-Z]{1,3}\d+)(?:\s*(?:,|&|and|\+|\/)\s*[A-Z]{1,3}\d+)*)\b/i.exec(value);
  if (!lead) return no(`expected assumption ids such as A4 or A1, A3 at the start, got "${value}"`);
  const written = lead[1]!.match(/[A-Z]{1,3}\d+/gi)!;
  const ids = written.map((id) => id.toUpperCase());
  const recased = written.filter((id, i) => id !== ids[i]);
  return ok(ids, recased.length ? `${recased.join(', ')} read as ${recased.map((id) => id.toUpperCase()).join(', ')}` : undefined);
}

export type ValidationResult = 'validated' | 'partial' | 'invalidated';

/**
 * The verdict of an assumption: `VALIDATED`, `INVALIDATED`, `PARTIAL` (and `partially
 * validated`). `CHALLENGED`, `NEW` and the like are not a verdict threadwork counts.
 */
export function readVerdict(text: string): Reading<ValidationResult> {
  const value = plainValue(text).toLowerCase();
  if (/^(?:invalidated|not validated|disproven|refuted|falsified)\b/.test(value)) return ok('invalidated');
  if (/^(?:partial(?:ly)?(?:\s+validated)?|mixed)\b/.test(value)) return ok('partial');
  if (/^(?:validated|confirmed|proven)\b/.test(value)) return ok('validated');
  return no(`expected VALIDATED, INVALIDATED or PARTIAL, got "${plainValue(text)}"`);
}

/** A satisfaction score on threadwork's 0–10 scale: `9`, `9/10`, `4.5/5` (×2). NPS is another scale and is not read. */
export function readCsat(text: string): Reading<number> {
  const { head } = withoutRemark(plainValue(text));
  const scaled = /^(\d+(?:\.\d+)?)\s*\/\s*(5|10)\b/.exec(head);
  if (scaled) {
    const n = Number(scaled[1]) * (scaled[2] === '5' ? 2 : 1);
    return n <= 10 ? ok(round(n, 2), scaled[2] === '5' ? `${head} on a 5-point scale is ${round(n, 2)} on threadwork's 0–10 scale` : undefined) : no(`"${head}" is above its scale`);
  }
  const bare = /^(\d+(?:\.\d+)?)$/.exec(head);
  if (bare && Number(bare[1]) <= 10) return ok(Number(bare[1]));
  return no(`expected a score from 0 to 10 such as 9 or 9/10, got "${head}"`);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
