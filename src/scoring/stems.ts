/**
 * Lemma-light word matching for sentences people write by hand: a segment trigger
 * "Opening a new terminal" against a signal "opened a new terminal in Ohio", a
 * disqualifier "Food distributors" against an industry "Food distribution".
 *
 * A word is normalised (`normalizeText`), a possessive `'s` dropped, then one suffix is
 * stripped — `ing`, `ed`, `es` / `s` (plural or third person), `ion`, `ions`, `or`, `ors`,
 * `er`, `ers` (only from words long enough that a stem of 4+ letters is left) — a
 * doubled final consonant is undoubled (`shipping` → `ship`) and a final `e` dropped
 * (`hire`, `hired`, `hiring` → `hir`). So opening / opened / opens / open read alike,
 * and so do distributor / distribution / distributing. Stop words (articles,
 * prepositions, auxiliaries, `company`-like nouns) are left out. It is not a full
 * stemmer: irregular forms (`ran`, `went`, `bought`) stay distinct.
 */

import { normalizeText } from './text.js';

export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'and', 'or', 'into', 'onto', 'its', 'it',
  'their', 'our', 'your', 'his', 'her', 'this', 'that', 'these', 'those', 'is', 'are', 'was', 'were', 'be', 'been', 'being',
  'has', 'have', 'had', 'will', 'would', 'can', 'could', 'just', 'recently', 'now', 'any', 'all', 'some', 'who', 'which',
  'than', 'as', 'per', 'via', 'they', 'we', 'us', 's',
  // Nouns every disqualifier or trigger could name without saying anything about the field.
  'company', 'companies', 'business', 'businesses', 'firm', 'firms', 'organisation', 'organisations', 'organization',
  'organizations', 'account', 'accounts', 'customer', 'customers', 'prospect', 'prospects',
]);

const SUFFIXES = ['ations', 'ation', 'ions', 'ion', 'ings', 'ing', 'ers', 'ors', 'er', 'or', 'ies', 'ied', 'ed', 'es', 's'] as const;
const stemCache = new Map<string, string>();

/** One word's stem (the word lower-cased and normalised first). */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size > 10_000) stemCache.clear();
    stem = stemUncached(word);
    stemCache.set(word, stem);
  }
  return stem;
}

function stemUncached(word: string): string {
  let w = word;
  for (const suffix of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    // Short words keep their ending (`news`, `press`, `ads`, `bus`), as do -ss and -us words.
    if (base.length < 3 || (suffix === 's' && /(ss|us|is)$/.test(w)) || (suffix.length <= 2 && w.length <= 4)) break;
    w = suffix === 'ies' || suffix === 'ied' ? `${base}y` : base;
    break;
  }
  if (/([bdfgklmnprtz])\1$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

const contentCache = new Map<string, readonly string[]>();

/** The stems of a text's content words: stop words and bare numbers dropped. Memoised: the same ICP phrases recur for every deal. */
export function contentStems(text: string): readonly string[] {
  let stems = contentCache.get(text);
  if (stems === undefined) {
    if (contentCache.size > 10_000) contentCache.clear();
    stems = contentStemsUncached(text);
    contentCache.set(text, stems);
  }
  return stems;
}

function contentStemsUncached(text: string): string[] {
  const normalized = normalizeText(text.replace(/['’]s\b/g, ''));
  if (!normalized) return [];
  return normalized
    .split(' ')
    .filter((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w))
    .map(stemWord);
}
