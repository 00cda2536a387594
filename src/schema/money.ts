export interface MoneyRange {
  min: number;
  max: number;
}

/**
 * What a suffix multiplies by: `k`, `m`/`mm`, `b`/`bn`, and the words (`12 million`,
 * `1.5 billion`, `500 thousand`; `mn`, the German `Mio`, and `mil`, as US data providers
 * export a revenue: `$10 mil.`): a revenue written "12 million"
 * was no amount, and the company scored as if its revenue were unknown.
 */
const SUFFIX: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mio: 1e6, mil: 1e6, million: 1e6, b: 1e9, bn: 1e9, mrd: 1e9, billion: 1e9 };
/**
 * The German words, whose writers mark decimals with a comma (`1,2 Mio`) and group
 * thousands with the dot: `€1.200 Mio` is 1,200 million, where `$1.250M` is 1.25 million.
 * Read as an English suffix, the German amount came out a thousand times too small.
 */
const GERMAN_SUFFIXES: ReadonlySet<string> = new Set(['mio', 'mrd']);
/**
 * A suffix shortened with its dot, as German exports and writers put it (`2,5 Mio. €`,
 * `1,2 Mrd.`, `$1.5 bn.`): read without the dot, it was no amount, and the account scored
 * as if its revenue were unknown.
 */
const ABBREVIATED_SUFFIX = /(\d\s*(?:mio|mrd|mil|mn|bn))\./gi;
/** A suffix, longest first so that `million` is not read as `m` followed by text. */
const SUFFIXES = `(?:${Object.keys(SUFFIX).sort((a, b) => b.length - a.length).join('|')})`;
const CURRENCY = '(?:[$€£¥]|usd|eur|gbp)';
/** A currency at either end of one amount (`€30.000`, `50.000 EUR`). */
const LEADING_CURRENCY = new RegExp(`^\\s*(${CURRENCY})`, 'i');
const TRAILING_CURRENCY = new RegExp(`(${CURRENCY})\\s*$`, 'i');
/** Each way of writing a currency, as its code; and the sign a message names it by. */
const CODE: Record<string, string> = { $: 'usd', '€': 'eur', '£': 'gbp', '¥': 'jpy', usd: 'usd', eur: 'eur', gbp: 'gbp' };
const SIGN: Record<string, string> = { usd: '$', eur: '€', gbp: '£', jpy: '¥' };

/** The sign an amount in `currency` (an ISO code) is written with, `€` for EUR; undefined for a currency without one here. */
export function currencySign(currency: string): string | undefined {
  return SIGN[currency.toLowerCase()];
}

/** The currencies written on one amount, as codes (`$30k` and `USD 30k` are both `usd`). */
function currenciesIn(amount: string): string[] {
  return [LEADING_CURRENCY.exec(amount)?.[1], TRAILING_CURRENCY.exec(amount)?.[1]].flatMap((c) => (c ? [CODE[c.toLowerCase()]!] : []));
}
/** What splits a money string into a range's two ends (`$30k-$50k`, `30k to 50k`). */
const RANGE_SEPARATOR = /\s*(?:-|–|—|\bto\b)\s*/i;

/**
 * The currency an amount is written in, as its ISO code (`"€50k"` and `"50k EUR"` → EUR;
 * a range or a `{min, max}` by either end): undefined for a plain number or text that names
 * none (`50k`), which counts in the workspace's currency. The figures add only amounts in
 * the workspace's currency: `"€50k"` beside `"$40k"` is not 90k of anything.
 */
export function writtenCurrency(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().split(RANGE_SEPARATOR).flatMap((part) => currenciesIn(part))[0]?.toUpperCase();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { min, max } = value as { min?: unknown; max?: unknown };
    return writtenCurrency(min) ?? writtenCurrency(max);
  }
  return undefined;
}

/**
 * Whether an amount counts in the workspace's figures: written in its currency or in none
 * (`36000`, `"36k"`). `"€50k"` in a USD workspace is no dollar amount: added to the others
 * it made `€50k` + `$40k` = 90k; it is left out of every sum and comparison instead, and
 * check says so (amount-other-currency), rather than converted at a rate that would go
 * stale unseen.
 */
export function inCurrency(value: unknown, currency: string): boolean {
  const written = writtenCurrency(value);
  return written === undefined || written === currency;
}
/**
 * `amount` written back as text that reads as that amount in `currency` (an ISO code,
 * `EUR`): `"€40000"`, the sign first and no separators; a plain number without one.
 * What `migrate` writes and a money error advises for an amount that named its currency:
 * the bare number would count in the workspace's currency — `€40k/year` turned into `$40,000`
 * in a USD workspace. A fraction of exactly three digits gets a fourth (`€1200.1250`), as
 * `€1200.125` reads as thousands grouped.
 */
export function amountInCurrency(amount: number, currency: string | undefined): number | string {
  const sign = currency === undefined ? undefined : currencySign(currency);
  if (sign === undefined) return amount;
  const digits = String(amount);
  return `${sign}${/\.\d{3}$/.test(digits) ? `${digits}0` : digits}`;
}

/** A currency before or after, digits grouped by `.`, `,` or spaces (a no-break space too), a suffix. */
const AMOUNT = new RegExp(`^(${CURRENCY})?\\s*(\\d+(?:[.,\\s\\u00a0\\u202f]\\d+)*)\\s*(${SUFFIXES})?\\s*(${CURRENCY})?$`, 'i');
/** The suffix an amount ends with, a currency sign after it or not (`50M`, `50 million €`). */
const ENDING_SUFFIX = new RegExp(`\\d\\s*(${SUFFIXES})\\s*(?:${CURRENCY})?\\s*$`, 'i');

/** An amount that reads two ways (`1.200`: 1200 or 1.2), with how to write it. */
interface Ambiguous {
  ambiguous: string;
}

/**
 * An amount in whole cents, the unit every money figure is summed, averaged and shown to:
 * a half cent rounded up, as on paper. `Math.round(amount * 100)` rounded the binary value:
 * 1,000.10 at a 15% stage is 150.015 by hand, 15001.4999… cents in binary, and was
 * weighted at 150.01. The scaled amount is cut to 15 significant digits first (a double
 * holds every decimal of that length), below 10¹⁵ cents; above, a cent is below what a
 * double resolves and the value is taken as it is.
 */
export function cents(amount: number): number {
  const scaled = amount * 100;
  return Math.round(Math.abs(scaled) < 1e15 ? Number(scaled.toPrecision(15)) : scaled);
}

/**
 * A sum in cents divided into `parts` (an average deal size, an MRR), to the cent: money is
 * carried to the cent wherever it is read, `--json` included (docs/file-formats.md). The
 * quotient of two integers is a half only when a half is exact in binary, so Math.round
 * rounds it a half up as on paper.
 */
export function centsPerPart(totalCents: number, parts: number): number {
  return Math.round(totalCents / parts) / 100;
}

/**
 * Money as people write it: `1200000`, `$1.2M`, `€5m`, `500k`, `$1.5B`, `USD 40,000`,
 * `10M-50M` (a range), and the European way, `€1.200.000`, `1 200 000 €`, `€1.200,50`
 * (docs/file-formats.md, "Money"). Returns undefined for text that is not an amount, or
 * that reads two ways (`1.200`), so callers treat it as missing data instead of zero.
 */
export function parseMoney(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const range = parseMoneyRange(value);
  return range ? (range.min + range.max) / 2 : undefined;
}

/** A company's revenue as a range; `open` when the cell gives one bound only (`1M+`, `Under $1M`). */
export interface RevenueRange extends MoneyRange {
  open?: 'above' | 'below';
}

/** The words a CRM or data provider writes before a revenue's only bound: above it (`> $1B`, `Over $1B`) or below it (`Under $1M`, `< $1M`). */
const ABOVE = /^(?:>=?|≥|over|above|more than|greater than)\s*/i;
const BELOW = /^(?:<=?|≤|under|below|less than|up to)\s*/i;

/**
 * A company's revenue as exports write it: an amount or range as `parseMoneyRange` reads
 * it, or a band with one bound (`1M+`, `$1B+`, `> $1B`, `Over $500M`, `Under $1M`, `< $1M`),
 * read as the range from that bound up (max Infinity) or down to 0, marked `open`: `1M+`
 * was read as exactly $1M, and a "revenue under $5M" disqualifier threw out a company that
 * may make $100M. Only a company's revenue is read so: a deal's amount has no open end.
 */
export function parseRevenueRange(written: unknown): RevenueRange | undefined {
  const value = withoutYearlyWords(written);
  const band = typeof value === 'string' ? revenueBand(value) : undefined;
  if (!band) return parseMoneyRange(value);
  const bound = parseMoney(band.bound);
  if (bound === undefined) return undefined;
  return band.open === 'above' ? { min: bound, max: Number.POSITIVE_INFINITY, open: 'above' } : { min: 0, max: bound, open: 'below' };
}

/**
 * A company's revenue without the words after it that say it is yearly (`€2M ARR`,
 * `$2M/year`, `$48M annual`), as CRMs and LinkedIn write it: a revenue is a yearly figure,
 * so the words add nothing — refused, a deal copied from a CRM failed check. A monthly
 * figure (`$150k MRR`) keeps its words and stays an error: it is no yearly revenue.
 */
function withoutYearlyWords(value: unknown): unknown {
  if (typeof value !== 'string' || MONTHLY.test(value) || !YEARLY.test(value)) return value;
  const amount = value.replace(YEARLY, '').trim();
  return amount === '' ? value : amount;
}

/** A revenue written as a band with one bound (`> $1B`, `$1B+`, `Under $1M`): its open end and the bound as written; undefined for any other text. */
function revenueBand(value: string): { open: 'above' | 'below'; bound: string } | undefined {
  const text = value.trim();
  const above = ABOVE.exec(text) ?? (/\+$/.test(text) ? ['', ''] : null);
  const below = above ? null : BELOW.exec(text);
  if (!above && !below) return undefined;
  return { open: above ? 'above' : 'below', bound: text.slice((above ?? below)![0].length).replace(/\s*\+$/, '') };
}

/**
 * What keeps a company's revenue from being read as parseRevenueRange reads it: a band's
 * one bound is checked as one amount (`> lots` is no band), anything else as moneyProblems
 * checks an amount or a range. A deal's Stage 1 and a campaign prospect take what the
 * account import and the score take: `> $1B` was refused there, read as open-ended here.
 */
export function revenueProblems(written: unknown): { path: string[]; message: string }[] {
  return unlessKnownFine(FINE_REVENUES, written, revenueProblemsOf);
}

function revenueProblemsOf(written: unknown): { path: string[]; message: string }[] {
  const value = withoutYearlyWords(written);
  const band = typeof value === 'string' ? revenueBand(value) : undefined;
  // Text that is no amount is told every form a revenue takes: the one-bound bands too, which an
  // `arr_potential`'s message (an amount or a range) left out, as if `> $1B` could not be written.
  if (!band) return moneyProblems(value).map((p) => (p.message.startsWith(NOT_AN_AMOUNT) ? { ...p, message: `${REVENUE_EXPECTED}${p.message.slice(NOT_AN_AMOUNT.length)}` } : p));
  // `> lots`: the band's bound is told as a band's, not as the plain amount (`expected an amount such as 36000`) it was.
  return amountProblems(band.bound, 'a band such as "> $1B" has one bound').map((message) => ({
    path: [],
    message: message.startsWith(ONE_AMOUNT) ? `expected a band's bound to be an amount, as in "> $1B", "1M+" or "Under $1M": "${band.bound}" in "${String(value).trim()}" is no amount${message.slice(ONE_AMOUNT.length)}` : message,
  }));
}

export function parseMoneyRange(value: unknown): MoneyRange | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { min: value, max: value } : undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { min, max } = value as { min?: unknown; max?: unknown };
    const lo = parseMoney(min);
    const hi = parseMoney(max);
    if (lo === undefined && hi === undefined) return undefined;
    return { min: lo ?? hi!, max: hi ?? lo! };
  }
  if (typeof value !== 'string') return undefined;
  const bounds = readBounds(value);
  return bounds && !('ambiguous' in bounds) ? { min: Math.min(bounds.first, bounds.second), max: Math.max(bounds.first, bounds.second) } : undefined;
}

type Bounds = Readonly<{ first: number; second: number }> | Readonly<Ambiguous> | undefined;

/**
 * What `readBounds` found in each text, as it found it (frozen: every caller only reads it).
 * Derivation reads the same few amounts again and again — a company's revenue for its ICP
 * score, a deal's figures for the pipeline — and reading one took 1.2% of a first sync's
 * time at 4,000 deals. Past 10,000 texts it starts again, a bound on what a watcher keeps.
 */
const BOUNDS_READ = new Map<string, Bounds>();

/** A money string's amounts in the order written: one amount is both. */
function readBounds(value: string): Bounds {
  const known = BOUNDS_READ.get(value);
  if (known !== undefined || BOUNDS_READ.has(value)) return known;
  const bounds = boundsIn(value);
  if (BOUNDS_READ.size >= MAX_FINE_TEXTS) BOUNDS_READ.clear();
  BOUNDS_READ.set(value, bounds && Object.freeze(bounds));
  return bounds;
}

function boundsIn(value: string): { first: number; second: number } | Ambiguous | undefined {
  const text = value.trim().replace(/\s*\+$/, '').replace(ABBREVIATED_SUFFIX, '$1');
  const parts = text.split(RANGE_SEPARATOR).filter(Boolean);
  if (parts.length === 2) {
    // `10M-50M`, `$10-50M`: a suffix on the upper bound applies to a bare lower bound.
    const hiSuffix = ENDING_SUFFIX.exec(parts[1]!)?.[1] ?? '';
    // `€30.000-50.000`, `30.000-50.000 €`: a currency written on either end is the range's, so
    // its dot groups thousands at both ends, as `€30.000-€50.000`'s does.
    const written = [...new Set(parts.flatMap((part) => currenciesIn(part)))];
    if (written.length > 1) return { ambiguous: `"${text}" names two currencies, ${written.map((c) => SIGN[c]).join(' and ')}: write both ends in one` };
    const currency = written.length === 1;
    const lo = parseSingle(ENDING_SUFFIX.test(parts[0]!) ? parts[0]! : `${parts[0]}${hiSuffix}`, currency);
    const hi = parseSingle(parts[1]!, currency);
    if (typeof lo === 'object') return lo;
    if (typeof hi === 'object') return hi;
    return lo !== undefined && hi !== undefined ? { first: lo, second: hi } : undefined;
  }
  if (parts.length !== 1) return undefined;
  const single = parseSingle(text);
  return single === undefined || typeof single === 'object' ? single : { first: single, second: single };
}

export const NEGATIVE = 'expected an amount of 0 or more';
/**
 * The largest amount a money field takes: a quadrillion, past any deal or company revenue.
 * Larger ones (`1e308`, 400 digits quoted) were taken, and the totals overflowed: the
 * reports and the goal state printed `∞` for the won ARR and `NaN` for its forecast.
 */
export const MAX_AMOUNT = 1e15;
export const TOO_LARGE = 'expected an amount of at most 1,000,000,000,000,000 (a quadrillion), more than any deal or company revenue: a larger one is a slip of extra digits';
/** Words after an amount that say it is yearly, which every money field is (`$40k/year`, `$1.1M ARR`). */
export const YEARLY = /\s*(?:\/\s*(?:year|yr|annum)|per\s+(?:year|annum)|a\s+year|annual(?:ly)?|arr|p\.\s?a)\b\.?$/i;
/** Words that make an amount a monthly one (`$5K/month`, `$42K MRR`): never read as a yearly one. */
export const MONTHLY = /(?:\/\s*(?:month|mo)|per\s+month|a\s+month|monthly|\bmrr)\b/i;

/**
 * What text that is no amount as written would be without the words that say it is
 * yearly — the amount `threadwork migrate` reads and writes (`$40k/year` → 40000) — so a
 * file says what migrate would have written, rather than only that it is no amount. A
 * monthly figure is told to be written as the yearly amount, as migrate tells it.
 */
function perPeriodAdvice(text: string): string {
  const head = text.trim();
  if (MONTHLY.test(head)) return ` — ${head} is a monthly figure: amounts here are yearly (ARR), write the yearly amount`;
  if (!YEARLY.test(head)) return '';
  const amount = head.replace(YEARLY, '').trim();
  const bounds = readBounds(amount);
  if (!bounds || 'ambiguous' in bounds || MINUS.test(amount)) return '';
  return ` — amounts here are yearly: write ${head} as ${asWritten(amount, bounds)}`;
}

/** The amount `bounds` of `amount` written as a file holds it, in the currency `amount` names. */
function asWritten(amount: string, bounds: { first: number; second: number }): string {
  const currency = writtenCurrency(amount);
  const end = (value: number): string => JSON.stringify(amountInCurrency(value, currency));
  return bounds.first === bounds.second ? end(bounds.first) : `{min: ${end(bounds.first)}, max: ${end(bounds.second)}}`;
}

/** Words around an amount that say it is a guess (`~€50k`, `ca. 50k`, `up to €50k`, `€50k (est.)`), as `threadwork migrate` drops them. */
const APPROXIMATE = /^(?:~|≈|about\s+|approx(?:\.|imately)?\s*|around\s+|roughly\s+|ca\.\s*|circa\s+|up to\s+)|\s*(?:\([^)]*\)|est(?:imated|\.)?)$/gi;

/**
 * What text that is an amount with a word saying it is a guess would be without it, as
 * migrate reads it: "expected an amount such as 36000" said nothing of the `~` in `~€50k`.
 */
function approximateAdvice(text: string): string {
  const head = text.trim();
  const amount = head.replace(APPROXIMATE, '').trim();
  if (amount === head) return '';
  const bounds = readBounds(amount);
  if (!bounds || 'ambiguous' in bounds || MINUS.test(amount)) return '';
  return ` — a file holds the amount alone: write ${head} as ${asWritten(amount, bounds)} (an estimate is fine: say how sure it is in the prose)`;
}
/** The currencies an amount may be written in (CURRENCY), as an error names them. */
const READ_CURRENCIES = 'threadwork reads $, €, £, ¥, USD, EUR and GBP; write the amount in one of them, or as a plain number';
/** ISO 4217 codes (`CHF`, `JPY`), as the runtime knows them. */
const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
/** A word of three letters, or a currency sign (`₹`, `₩`, `R$`'s `$` is read): what may name a currency. */
const CURRENCY_TOKEN = /(?<![a-z])[a-z]{3}(?![a-z])|\p{Sc}/giu;

/**
 * The currency `text` is written in that threadwork does not read (`CHF 40000`, `40k CHF`,
 * `₹40k`): an ISO code or a currency sign that CURRENCY is not, when without it the text
 * would be an amount. "expected an amount such as 36000" left the person to guess what
 * was wrong with 40000. Undefined otherwise (`lots`, `40000 ARR`).
 */
function unreadCurrency(text: string): string | undefined {
  const unread = [...text.matchAll(CURRENCY_TOKEN)]
    .map((match) => match[0])
    .filter((token) => (/^\p{Sc}$/u.test(token) ? !/^[$€£¥]$/.test(token) : ISO_CODES.has(token.toUpperCase()) && !CODE[token.toLowerCase()]));
  if (unread.length === 0) return undefined;
  let without = text;
  for (const token of unread) without = without.replace(token, ' ');
  return readBounds(without) === undefined ? undefined : unread[0]!.toUpperCase();
}

/** A minus before the digits, the currency first or not (`-$5k`, `$-5k`, `USD -5,000`). */
const MINUS = new RegExp(`^\\s*(?:${CURRENCY}\\s*)?[-−]`, 'i');
/** How every money field's error for an amount that reads two ways (`"36.000"`) begins. */
/** One to three digits, then groups of a dot and three digits: how much of Europe writes 36000 — YAML's 36.0 when unquoted. */
export const DOTTED_THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

export const READS_TWO_WAYS = 'expected an amount that reads one way';
export const ONE_AMOUNT = 'expected an amount such as 36000 or "$36k"';
export const NOT_AN_AMOUNT = 'expected an amount such as 36000 or "$36k", or a range such as "$30k-$50k"';
/** What a company's revenue may be: an amount, a range, or a band with one bound as CRMs export it (revenueBand). */
export const REVENUE_EXPECTED = 'expected an amount such as "$45M", a range such as "10M-50M", or a band with one bound such as "> $1B", "1M+" or "Under $1M"';

/**
 * What keeps a value that should give a figure (a deal's `arr_potential`) from giving a
 * right one: each problem with where it is below the value (`["max"]` in a range), for a
 * schema to report. `parseMoneyRange` is lenient — it drops what it cannot read and
 * orders a range's ends — which would silently drop or distort a figure: a pipeline
 * figure, or a company's revenue, scored as no revenue at all.
 */
export function moneyProblems(value: unknown): { path: string[]; message: string }[] {
  return unlessKnownFine(FINE_AMOUNTS_OR_RANGES, value, moneyProblemsOf);
}

function moneyProblemsOf(value: unknown): { path: string[]; message: string }[] {
  if (typeof value === 'number') return value < 0 ? [{ path: [], message: NEGATIVE }] : value > MAX_AMOUNT ? [{ path: [], message: TOO_LARGE }] : [];
  if (typeof value === 'string') {
    if (MINUS.test(value)) return [{ path: [], message: NEGATIVE }];
    const bounds = readBounds(value);
    if (!bounds) {
      const advice = perPeriodAdvice(value) || approximateAdvice(value);
      const unread = advice ? undefined : unreadCurrency(value);
      if (unread) return [{ path: [], message: `expected an amount in a currency threadwork reads: ${unread} is not one — ${READ_CURRENCIES}` }];
      return [{ path: [], message: `${NOT_AN_AMOUNT}${advice}` }];
    }
    if ('ambiguous' in bounds) return [{ path: [], message: `${READS_TWO_WAYS}: ${bounds.ambiguous}` }];
    if (Math.max(bounds.first, bounds.second) > MAX_AMOUNT) return [{ path: [], message: TOO_LARGE }];
    if (bounds.first > bounds.second) return [{ path: [], message: `expected the lower amount first: this reads as ${bounds.first} to ${bounds.second}` }];
    return [];
  }
  if (!value || typeof value !== 'object') return [];
  const ends = value as { min?: unknown; max?: unknown };
  const problems: { path: string[]; message: string }[] = [];
  for (const end of ['min', 'max'] as const) {
    const amount = ends[end];
    if (amount === undefined || amount === null) continue;
    if (typeof amount !== 'string') continue; // a number: the schema's own nonnegative check
    if (MINUS.test(amount)) problems.push({ path: [end], message: NEGATIVE });
    else if (parseMoney(amount) === undefined) problems.push({ path: [end], message: oneAmountMessage(moneyProblems(amount)[0]?.message ?? ONE_AMOUNT) });
  }
  const min = parseMoney(ends.min);
  const max = parseMoney(ends.max);
  if (problems.length === 0 && min !== undefined && max !== undefined && min > max) problems.push({ path: ['max'], message: `expected a max of at least the min (${min})` });
  // As a range written in one string (`"$30k-€50k"`) is refused: `{min: "€20k", max: "$40k"}`
  // was read in the min's currency, 20k euros to 40k dollars counted as 30k euros.
  const [low, high] = [writtenCurrency(ends.min), writtenCurrency(ends.max)];
  if (problems.length === 0 && low !== undefined && high !== undefined && low !== high) {
    problems.push({ path: ['max'], message: `${READS_TWO_WAYS}: the min and the max name two currencies, ${currencySign(low) ?? low} and ${currencySign(high) ?? high}: write both ends in one` });
  }
  return problems;
}

/**
 * An amount with an open end (`€50k+`, `> $50k`, `Under $1M`) where a figure is wanted (a
 * deal's `arr_potential`, a won deal's `arr`, a goal's target): `€50k+` was read as 50k
 * with nothing said — its `+` dropped — and `> $50k` was told only that it is no amount.
 * A figure is summed, weighted and compared; "50k or more" is no number to sum, so the
 * person is told to write the amount they expect. Only a company's revenue is read as a
 * band (revenueProblems), and a tier's `price` may start at an amount (`$50k+`, read as
 * its bound). `up to €50k` keeps the advice an estimate gets (approximateAdvice).
 */
export function openEndProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || MINUS.test(value)) return undefined;
  const text = value;
  const band = revenueBand(text);
  if (!band || approximateAdvice(text)) return undefined;
  const bounds = readBounds(band.bound);
  if (!bounds || 'ambiguous' in bounds || bounds.first !== bounds.second) return undefined;
  const side = band.open === 'above' ? 'or more' : 'or less';
  return `expected an amount with no open end: "${text.trim()}" is ${bounds.first} ${side}, and a figure is one amount — write the amount you expect (${asWritten(band.bound, bounds)} if that is it)`;
}

/**
 * What keeps a value from being one amount (a won deal's `arr`, a goal's target): what
 * `moneyProblems` says, and a range, which would leave the figure to guess which end it was.
 */
export function amountProblems(value: unknown, range: string): string[] {
  // Whether there is a problem does not depend on `range`: it is only the words of one.
  return unlessKnownFine(FINE_AMOUNTS, value, (text) => amountProblemsOf(text, range));
}

function amountProblemsOf(value: unknown, range: string): string[] {
  const open = openEndProblem(value);
  if (open) return [open];
  const problems = moneyProblems(value).map((problem) => oneAmountMessage(problem.message));
  if (problems.length > 0 || typeof value !== 'string') return problems;
  const bounds = parseMoneyRange(value);
  return bounds && bounds.min !== bounds.max ? [`expected one amount, not a range: ${range}`] : [];
}

/**
 * The texts each money check found nothing wrong with. A workspace writes the same few
 * amounts again and again (`"$13M"` is the revenue of 26 of 4,000 generated deals, 396
 * texts in all), and reading one — the yearly and monthly words, a band's bound, a range's
 * ends, the digits and their marks — cost 2–3% of a cold check's time, once per file. Only
 * a text that passed is remembered (a problem's words are made again each time, so every
 * diagnostic is the one a first reading gives); the checks read nothing but the text.
 */
const FINE_REVENUES = new Set<string>();
const FINE_AMOUNTS_OR_RANGES = new Set<string>();
const FINE_AMOUNTS = new Set<string>();
/** Past this many texts a set starts again: a bound on what a long-lived watcher keeps. */
const MAX_FINE_TEXTS = 10_000;

/** `problemsOf(value)`, skipped for a text `fine` holds; a text found with no problem is added to it. */
function unlessKnownFine<T>(fine: Set<string>, value: unknown, problemsOf: (value: unknown) => T[]): T[] {
  if (typeof value !== 'string') return problemsOf(value);
  if (fine.has(value)) return [];
  const problems = problemsOf(value);
  if (problems.length === 0) {
    if (fine.size >= MAX_FINE_TEXTS) fine.clear();
    fine.add(value);
  }
  return problems;
}

/** Text that is no amount, where one amount is wanted, is told what one amount looks like, without the range `arr_potential` may be. */
function oneAmountMessage(message: string): string {
  return message.startsWith(NOT_AN_AMOUNT) ? `${ONE_AMOUNT}${message.slice(NOT_AN_AMOUNT.length)}` : message;
}

/** One amount with its size written (`1.5k`, `$40k`, `2M`, `12 million`), read as money is; undefined for a range or no amount. */
export function amountWithSize(text: string): number | undefined {
  if (!ENDING_SUFFIX.test(text)) return undefined;
  const amount = parseSingle(text);
  return typeof amount === 'number' ? amount : undefined;
}

/** One amount; `currency` when the range it ends has one written on its other end. */
function parseSingle(text: string, currency = false): number | Ambiguous | undefined {
  const match = AMOUNT.exec(text.trim());
  if (!match) return undefined;
  // `$30k€`: a currency at each end that are not one (`$30k USD` is) is no amount to pick a currency for.
  const written = [...new Set(currenciesIn(match[0]))];
  if (written.length > 1) return { ambiguous: `"${text.trim()}" names two currencies, ${written.map((c) => SIGN[c]).join(' and ')}: write the amount in one` };
  const suffix = match[3];
  // `€1.200 Mio` is German for 1,200 million: a writer of Mio or Mrd groups thousands with the dot (and writes 1,2 Mio for 1.2).
  const german = suffix !== undefined && GERMAN_SUFFIXES.has(suffix.toLowerCase());
  const number = readDigits(match[2]!, german || currency || match[1] !== undefined || match[4] !== undefined, suffix !== undefined && !german);
  if (number === undefined) return undefined;
  if (typeof number === 'object') {
    const [grouped, decimal] = number.readings;
    const how = number.dot ? `write ${grouped} (or "€${text.trim()}", a currency sign makes the dot group thousands) or ${decimal}` : `write the plain number, ${grouped} or ${decimal}`;
    return { ambiguous: `"${text.trim()}" reads two ways, ${grouped} or ${decimal}: ${how}` };
  }
  if (!suffix) return number;
  // Every decimal written is kept (a price of `$0.005`); only the binary float error of the
  // multiplication goes (`1.005k` is 1004.9999999999999 before it, 1005 after).
  return Number((number * SUFFIX[suffix.toLowerCase()]!).toPrecision(15));
}

/**
 * The number written as `digits`. Spaces always group thousands; a comma then three
 * digits does too (`1,200,000`), a comma then other digits is the decimal mark (`1,5`,
 * `1.200,50`); with both marks the last one is the decimal mark. A dot then three digits
 * groups thousands when there are several groups (`1.200.000`) or a currency is written
 * (`€1.200`), and is the decimal mark before a suffix (`$1.250M`); after a lone 0 either
 * mark is the decimal one (`0.500`, `0,125`);
 * otherwise (`1.200`) it reads two ways, and both readings are returned.
 */
function readDigits(digits: string, currency: boolean, suffixed: boolean): number | { readings: [number, number]; dot: boolean } | undefined {
  const text = digits.replace(/[\s\u00a0\u202f]+/g, ' ');
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  const grouped = (part: string, marks: RegExp): number | undefined => {
    const groups = part.split(marks);
    // `1.200.000`, `12 500`: one to three digits, then groups of three.
    return groups.length === 1 || (groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3)) ? Number(groups.join('')) : undefined;
  };
  if (dot < 0 && comma < 0) return grouped(text, / /);
  if (dot >= 0 && comma >= 0) {
    const decimalAt = Math.max(dot, comma);
    const groupMark = decimalAt === dot ? ',' : '.';
    const whole = grouped(text.slice(0, decimalAt), new RegExp(`[ ${groupMark === '.' ? '\\.' : ','}]`));
    const fraction = text.slice(decimalAt + 1);
    if (whole === undefined || /[., ]/.test(fraction)) return undefined;
    if (fraction.length === 3) return { readings: [Number(`${whole}${fraction}`), Number(`${whole}.${fraction}`)], dot: false };
    return Number(`${whole}.${fraction}`);
  }
  const mark = dot >= 0 ? '.' : ',';
  const parts = text.split(mark);
  if (parts.length > 2) return grouped(text, /[ .,]/);
  const whole = grouped(parts[0]!, / /);
  const tail = parts[1]!;
  if (whole === undefined) return undefined;
  const asDecimal = Number(`${whole}.${tail}`);
  if (tail.includes(' ')) return undefined;
  if (tail.length !== 3) return asDecimal;
  const asThousands = Number(`${whole}${tail}`);
  // After a lone 0 either mark is the decimal one: no number starts a group of thousands with 0.
  if (parts[0] === '0') return asDecimal;
  if (mark === ',') return asThousands;
  if (suffixed) return asDecimal;
  if (currency) return asThousands;
  return { readings: [asThousands, asDecimal], dot: true };
}
