/**
 * Whole-phrase matching for message text. src/scoring/text.ts normalises punctuation
 * away, which is right for industries and titles but loses the `%` in `100%`, the `$$$`
 * and the apostrophe in `don't` that outreach vocabularies need. Here a phrase matches
 * only between non-word characters, so `yes` never matches `yesterday` and `free` never
 * matches `freedom`; spaces and hyphens in a phrase match any run of either, so
 * `risk-free` also finds `risk free`.
 */

export interface PhraseMatch {
  phrase: string;
  /** Offset of the match in the normalised text. */
  index: number;
  end: number;
}

/** Curly quotes to straight ones, so `don’t` typed on a phone matches `don't`. */
export function normalizeQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Compiled patterns by phrase; bounded, because names and signals make the set open-ended in a long-running watcher. */
const patterns = new Map<string, RegExp>();
const MAX_CACHED_PATTERNS = 2000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A global, case-insensitive pattern for `phrase` bounded by non-letters/digits. */
export function phrasePattern(phrase: string): RegExp {
  const key = phrase.toLowerCase();
  let pattern = patterns.get(key);
  if (!pattern) {
    const body = normalizeQuotes(key)
      .trim()
      .split(/[\s-]+/)
      .map(escapeRegExp)
      .join('[\\s-]+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** Every occurrence of each phrase in `text`, in text order. */
export function findPhrases(text: string, phrases: readonly string[]): PhraseMatch[] {
  const haystack = normalizeQuotes(text);
  const found: PhraseMatch[] = [];
  for (const phrase of phrases) {
    if (!phrase.trim()) continue;
    for (const match of haystack.matchAll(phrasePattern(phrase))) {
      found.push({ phrase, index: match.index, end: match.index + match[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index || b.end - a.end);
}

/** The distinct phrases of `phrases` that occur in `text`, in list order. */
export function phrasesIn(text: string, phrases: readonly string[]): string[] {
  const haystack = normalizeQuotes(text);
  return phrases.filter((phrase) => phrase.trim() !== '' && phrasePattern(phrase).test(haystack));
}

/** Words as a reader counts them: runs of non-space characters holding a letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * Sentences: text up to `.`, `!` or `?` followed by a space or the end, so `$1.2M` and
 * `e.g.x` do not split. A last fragment without a full stop still counts as one.
 */
export function countSentences(text: string): number {
  return text
    .split(/[.!?]+(?=\s|$)/)
    .filter((part) => /[\p{L}\p{N}]/u.test(part)).length;
}
