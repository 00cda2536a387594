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

/**
 * Chinese, Japanese and Korean letters. Chinese and Japanese set no spaces between words
 * and Korean fastens particles and honorifics to them ("山田様", "例え株式会社の", "김철수님"),
 * so next to one of these a phrase needs no word boundary: a name or a phrase is found
 * where it is written, as reply-phrases.ts finds a reply's.
 */
export const UNSPACED_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]/u;
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
 * A global, case-insensitive pattern for `phrase`'s words, joined by any run of spaces and
 * hyphens; the word boundaries around it are checked by `patternMatches`, not by the
 * pattern: a lookaround of Unicode letter classes under case folding made each pattern
 * cost several milliseconds to compile.
 */
export function phrasePattern(phrase: string): RegExp {
  const key = phrase.toLowerCase();
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(wordsOf(key).map(escapeRegExp).join('[\\s-]+'), 'giu');
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/**
 * Every match of `phrase` in `text` by its pattern, leftmost and not overlapping, that
 * neither starts nor ends inside a spaced word (a match that does is tried again one
 * character on, as a lookaround would).
 */
export function patternMatches(text: string, phrase: string, first?: true): PhraseMatch[] {
  const words = wordsOf(phrase);
  const openStart = UNSPACED_LETTER.test(words[0]!.slice(0, 1));
  const openEnd = UNSPACED_LETTER.test(words[words.length - 1]!.slice(-1));
  const pattern = phrasePattern(phrase);
  const found: PhraseMatch[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    if ((!openStart && spacedWordCharBefore(text, match.index)) || (!openEnd && spacedWordCharAt(text, end))) {
      // One code point on: inside a surrogate pair a Unicode pattern would start at the pair again.
      pattern.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    found.push({ phrase, index: match.index, end });
    if (first) break;
    if (end === match.index) pattern.lastIndex = end + 1;
  }
  return found;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;

/** Whether the code point starting at `at` is a letter or digit of a spaced word (not Chinese, Japanese or Korean). */
function spacedWordCharAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  if (code === undefined) return false;
  const char = String.fromCodePoint(code);
  return LETTER_OR_DIGIT.test(char) && !UNSPACED_LETTER.test(char);
}

/** Whether the code point ending just before `at` is a letter or digit of a spaced word. */
function spacedWordCharBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return spacedWordCharAt(text, pair ? at - 2 : at - 1);
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
    return patternMatches(haystack.text, phrase, first);
  }
  const found: PhraseMatch[] = [];
  const openStart = UNSPACED_LETTER.test(words[0]!.slice(0, 1));
  const openEnd = UNSPACED_LETTER.test(words[words.length - 1]!.slice(-1));
  let from = 0;
  for (let index = lower.indexOf(words[0]!, from); index >= 0; index = lower.indexOf(words[0]!, from)) {
    from = index + 1;
    if (!openStart && spacedWordCharBefore(lower, index)) continue;
    let end = index + words[0]!.length;
    let whole = true;
    for (let w = 1; w < words.length && whole; w++) {
      let next = end;
      while (next < lower.length && (lower[next] === '-' || SPACE.test(lower[next]!))) next++;
      whole = next > end && lower.startsWith(words[w]!, next);
      end = next + words[w]!.length;
    }
    if (!whole || (!openEnd && spacedWordCharAt(lower, end))) continue;
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

/** Chinese and Japanese characters (Korean spaces its words): counted two to a word. */
const CHINESE_JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30fc]/u;
const CHINESE_JAPANESE_ALL = new RegExp(CHINESE_JAPANESE.source, 'gu');

/**
 * Words as a reader counts them: runs of non-space characters holding a letter or digit.
 * Chinese and Japanese write no spaces, so a paragraph of theirs would be one "word": their
 * characters count two to a word (rounded up) — about what an English word says, so an
 * email's 30–200 words are 60–400 characters of Chinese or Japanese. Latin words or digits
 * among them ("ABC社", "5日") count as words of their own. Korean is counted by its spaced words.
 */
export function countWords(text: string): number {
  const tokens = text.split(/\s+/);
  if (!CHINESE_JAPANESE.test(text)) return tokens.filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
  let characters = 0;
  let words = 0;
  for (const token of tokens) {
    characters += token.match(CHINESE_JAPANESE_ALL)?.length ?? 0;
    words += token.split(CHINESE_JAPANESE_ALL).filter((rest) => /[\p{L}\p{N}]/u.test(rest)).length;
  }
  return words + Math.ceil(characters / 2);
}

/**
 * Sentences: text up to `.`, `!` or `?` followed by a space or the end, so `$1.2M` and
 * `e.g.x` do not split; or up to Chinese and Japanese `。！？` and the full-width `．｡`,
 * which end a sentence with no space after them. A last fragment without a full stop
 * still counts as one.
 */
export function countSentences(text: string): number {
  return text
    .split(/[.!?]+(?=\s|$)|[。！？．｡]+/)
    .filter((part) => /[\p{L}\p{N}]/u.test(part)).length;
}
