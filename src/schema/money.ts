/**
 * Money as people write it: `1200000`, `$1.2M`, `€5m`, `500k`, `$1.5B`, `USD 40,000`,
 * `10M-50M` (a range). Returns undefined for text that is not an amount, so callers
 * treat it as missing data instead of zero.
 */
export interface MoneyRange {
  min: number;
  max: number;
}

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };
const AMOUNT = /^(?:[$€£¥]|usd|eur|gbp)?\s*(\d+(?:[.,]\d+)*)\s*(k|mm|m|bn|b)?\s*(?:usd|eur|gbp)?$/i;

export function parseMoney(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const range = parseMoneyRange(value);
  return range ? (range.min + range.max) / 2 : undefined;
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
  return bounds && { min: Math.min(bounds.first, bounds.second), max: Math.max(bounds.first, bounds.second) };
}

/** A money string's amounts in the order written: one amount is both. */
function readBounds(value: string): { first: number; second: number } | undefined {
  const text = value.trim().replace(/\s*\+$/, '');
  const parts = text.split(/\s*(?:-|–|—|\bto\b)\s*/i).filter(Boolean);
  if (parts.length === 2) {
    // `10M-50M`, `$10-50M`: a suffix on the upper bound applies to a bare lower bound.
    const hiSuffix = /([kmb]|bn|mm)\s*$/i.exec(parts[1]!)?.[1] ?? '';
    const lo = parseSingle(/[kmb]|bn|mm/i.test(parts[0]!.replace(/^(usd|eur|gbp)/i, '')) ? parts[0]! : `${parts[0]}${hiSuffix}`);
    const hi = parseSingle(parts[1]!);
    return lo !== undefined && hi !== undefined ? { first: lo, second: hi } : undefined;
  }
  if (parts.length !== 1) return undefined;
  const single = parseSingle(text);
  return single === undefined ? undefined : { first: single, second: single };
}

const NEGATIVE = 'expected an amount of 0 or more';
export const NOT_AN_AMOUNT = 'expected an amount such as 36000 or "$36k", or a range such as "$30k-$50k"';

/**
 * What keeps a value that should give a figure (a deal's `arr_potential`) from giving a
 * right one: each problem with where it is below the value (`["max"]` in a range), for a
 * schema to report. `parseMoneyRange` is lenient — it drops what it cannot read and
 * orders a range's ends — which is right for a company's revenue (its readability is a
 * data-quality signal) but would silently drop or distort a pipeline figure.
 */
export function moneyProblems(value: unknown): { path: string[]; message: string }[] {
  if (typeof value === 'number') return value < 0 ? [{ path: [], message: NEGATIVE }] : [];
  if (typeof value === 'string') {
    if (/^\s*[-−]/.test(value)) return [{ path: [], message: NEGATIVE }];
    const bounds = readBounds(value);
    if (!bounds) return [{ path: [], message: NOT_AN_AMOUNT }];
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
    if (/^\s*[-−]/.test(amount)) problems.push({ path: [end], message: NEGATIVE });
    else if (parseMoney(amount) === undefined) problems.push({ path: [end], message: 'expected an amount such as 36000 or "$36k"' });
  }
  const min = parseMoney(ends.min);
  const max = parseMoney(ends.max);
  if (problems.length === 0 && min !== undefined && max !== undefined && min > max) problems.push({ path: ['max'], message: `expected a max of at least the min (${min})` });
  return problems;
}

function parseSingle(text: string): number | undefined {
  const match = AMOUNT.exec(text.trim());
  if (!match) return undefined;
  const digits = match[1]!;
  // `1,200,000` uses commas for thousands; `1,5` (European decimal) is read as 1.5.
  const normalized = /,\d{3}(?:\D|$)/.test(digits) ? digits.replace(/,/g, '') : digits.replace(',', '.');
  const number = Number(normalized);
  if (!Number.isFinite(number)) return undefined;
  const multiplier = match[2] ? SUFFIX[match[2].toLowerCase()]! : 1;
  return Math.round(number * multiplier * 100) / 100;
}
