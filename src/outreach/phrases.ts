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

/** The words of a phrase as it is matched: lower-cased, straight quotes, split at runs of spaces and hyphens. */
function wordsOf(phrase: string): string[] {
  return normalizeQuotes(phrase.toLowerCase()).trim().split(/[\s-]+/);
}

/**
 * A global, case-insensitive pattern for `phrase` bounded by non-letters/digits: what
 * `findPhrases` finds, for a text the lower-cased search cannot take (see `matchesIn`).
 */
export function phrasePattern(phrase: string): RegExp {
  const key = phrase.toLowerCase();
  let pattern = patterns.get(key);
  if (!pattern) {
    const body = wordsOf(key).map(escapeRegExp).join('[\\s-]+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;

/** Whether the code point starting at `at` is a letter or digit. */
function letterOrDigitAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return code !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

/** Whether the code point ending just before `at` is a letter or digit. */
function letterOrDigitBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return letterOrDigitAt(text, pair ? at - 2 : at - 1);
}

/** A text searched for phrases: its quotes made straight, and lower-cased when that keeps every offset. */
interface Haystack {
  text: string;
  lower: string | undefined;
}

/**
 * Scripts where lower-casing a text gives what the pattern's case folding compares, offset
 * for offset: Latin (but the long s and the dotted capital I), Cyrillic, and the scripts
 * without case. Greek folds final sigma with sigma; anything else goes to the pattern.
 */
const LOWER_IS_FOLDED = /^[\t\n\r\u0020-\u012f\u0131-\u017e\u0180-\u036f\u0400-\u052f\u3000-\u9fff\uac00-\ud7af]*$/;

function haystackOf(text: string): Haystack {
  const straight = normalizeQuotes(text);
  return { text: straight, lower: LOWER_IS_FOLDED.test(straight) ? straight.toLowerCase() : undefined };
}

/**
 * Every match of `phrase` in the haystack, as `phrasePattern` finds them (leftmost,
 * not overlapping). Names and signals are new phrases for nearly every draft, and
 * compiling a pattern costs ~0.5 ms (its letter classes under case folding): 15,000
 * drafts for 3,000 prospects spent 26 s in it. So the lower-cased text is searched for
 * the lower-cased words, checking the boundaries and the runs of spaces and hyphens
 * between words as the pattern does; a text or phrase in another script goes to the
 * pattern (LOWER_IS_FOLDED).
 */
function matchesIn(haystack: Haystack, phrase: string, first?: true): PhraseMatch[] {
  const words = wordsOf(phrase);
  const { lower } = haystack;
  if (lower === undefined || words.some((w) => w === '') || !LOWER_IS_FOLDED.test(phrase)) {
    const found: PhraseMatch[] = [];
    for (const match of haystack.text.matchAll(phrasePattern(phrase))) {
      found.push({ phrase, index: match.index, end: match.index + match[0].length });
      if (first) break;
    }
    return found;
  }
  const found: PhraseMatch[] = [];
  let from = 0;
  for (let index = lower.indexOf(words[0]!, from); index >= 0; index = lower.indexOf(words[0]!, from)) {
    from = index + 1;
    if (letterOrDigitBefore(lower, index)) continue;
    let end = index + words[0]!.length;
    let whole = true;
    for (let w = 1; w < words.length && whole; w++) {
      let next = end;
      while (next < lower.length && (lower[next] === '-' || SPACE.test(lower[next]!))) next++;
      whole = next > end && lower.startsWith(words[w]!, next);
      end = next + words[w]!.length;
    }
    if (!whole || letterOrDigitAt(lower, end)) continue;
    found.push({ phrase, index, end });
    if (first) break;
    from = end;
  }
  return found;
}

/** Every occurrence of each phrase in `text`, in text order. */
export function findPhrases(text: string, phrases: readonly string[]): PhraseMatch[] {
  const haystack = haystackOf(text);
  const found: PhraseMatch[] = [];
  for (const phrase of phrases) if (phrase.trim()) found.push(...matchesIn(haystack, phrase));
  return found.sort((a, b) => a.index - b.index || b.end - a.end);
}

/** The distinct phrases of `phrases` that occur in `text`, in list order. */
export function phrasesIn(text: string, phrases: readonly string[]): string[] {
  const haystack = haystackOf(text);
  return phrases.filter((phrase) => phrase.trim() !== '' && matchesIn(haystack, phrase, true).length > 0);
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
