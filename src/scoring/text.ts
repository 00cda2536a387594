/**
 * Text matching for values people type by hand: `B2B SaaS` against an ICP industry
 * `SaaS`, `Berlin, Germany` against `Germany`, `VP of Engineering` against
 * `VP Engineering`. Matching is by whole words so `AI` never matches `retail`.
 */

import { foldToLatin } from '../latin-fold.js';

/** Marks a kept result of `undefined` (a signal of no known type), so it is kept too. */
const KEPT_UNDEFINED = Symbol('undefined');

/**
 * `compute` kept per text, all forgotten once `limit` are kept: scoring 10,000 deals asks
 * for the same few ICP terms and titles tens of thousands of times.
 */
export function keptPerText<T>(compute: (value: string) => T, limit = 10_000): (value: string) => T {
  const kept = new Map<string, T | typeof KEPT_UNDEFINED>();
  return (value) => {
    const found = kept.get(value);
    if (found !== undefined) return found === KEPT_UNDEFINED ? (undefined as T) : found;
    if (kept.size >= limit) kept.clear();
    const result = compute(value);
    kept.set(value, result === undefined ? KEPT_UNDEFINED : result);
    return result;
  };
}

/**
 * `compute` kept per pair of texts, all forgotten once `limit` pairs are kept. A match of a
 * company's value against an ICP's target is a pure function of the two texts, and a
 * workspace's deals share a few dozen industries, places and technologies: a first sync of
 * 10,000 deals asked the same pairs again and again (geography alone walked the alias
 * table twice per target per deal).
 */
export function keptPerPair<T>(compute: (a: string, b: string) => T, limit = 20_000): (a: string, b: string) => T {
  const kept = new Map<string, Map<string, T>>();
  let size = 0;
  return (a, b) => {
    let byB = kept.get(a);
    const found = byB?.get(b);
    if (found !== undefined || byB?.has(b)) return found as T;
    if (size >= limit) {
      kept.clear();
      size = 0;
      byB = undefined;
    }
    if (!byB) kept.set(a, (byB = new Map()));
    const result = compute(a, b);
    byB.set(b, result);
    size += 1;
    return result;
  };
}

/**
 * Lower case, accents dropped and Latin letters folded to ASCII (`ø` → `o`), `&` read as `and`, punctuation turned into single spaces.
 * Kept per text (the benchmark showed normalising as the top cost of a check).
 */
export const normalizeText: (value: string) => string = keptPerText(normalizeUncached);

function normalizeUncached(value: string): string {
  return foldToLatin(value)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function words(value: string): string[] {
  const text = normalizeText(value);
  return text ? text.split(' ') : [];
}

/** True when `needle`'s words occur in `haystack` as a contiguous run of whole words. */
export const containsPhrase: (haystack: string, needle: string) => boolean = keptPerPair(containsPhraseUncached);

function containsPhraseUncached(haystack: string, needle: string): boolean {
  const h = normalizeText(haystack);
  const n = normalizeText(needle);
  if (!h || !n) return false;
  return ` ${h} `.includes(` ${n} `);
}

/** Either phrase contains the other: `SaaS` ~ `B2B SaaS`, `Fintech` ~ `fintech`. */
export function phrasesOverlap(a: string, b: string): boolean {
  return containsPhrase(a, b) || containsPhrase(b, a);
}

/** `a`, `a and b`, `a, b and c`: for the sentences a recommendation reads as. */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A non-empty trimmed string, or undefined for null, undefined, non-strings and blanks. */
export function presentText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** A record lookup that ignores inherited keys: a status written as `constructor` is unknown, not a function. */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
