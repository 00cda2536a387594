/**
 * Whole-word phrase matching for replies, on words rather than one regular expression
 * per phrase: the text is split into words once and each phrase is compared word by
 * word, so the vocabulary's ~600 phrases cost no regex compilation (a Unicode-aware
 * pattern per phrase took over a second on the first reply). Words are letters and
 * digits with inner apostrophes (`don't`, `cc'd`); the words of a phrase must follow
 * each other with only spaces, hyphens or a comma between them ("non, merci" is
 * "non merci"), so a phrase never spans a full stop. A `*` in a phrase
 * stands for up to three words.
 *
 * Chinese and Japanese are written without spaces, so a whole sentence ("興味がありません")
 * is one "word" and no phrase of theirs could ever match word by word. Korean spaces its
 * words but fastens particles and endings to them ("관심이", "관심은", "없습니다"), so a
 * word never equals the phrase's either. A phrase holding Han, Hiragana, Katakana or
 * Hangul characters is therefore found as a substring of the text instead (a Korean one
 * with its spaces as written); Latin, Cyrillic and the other spaced scripts keep their
 * word boundaries.
 */

import { UNSPACED_LETTER } from './phrases.js';

export interface Word {
  word: string;
  index: number;
  end: number;
}

export interface PhraseHit {
  phrase: string;
  index: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const WILDCARD_WORDS = 3;

/** The words of `text`, lower-cased, with their offsets. Quotes must already be straight (normalizeQuotes). */
export function wordsIn(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase(), index: m.index, end: m.index + m[0].length }));
}

interface Part {
  /** A word, or null for `*`. */
  word: string | null;
}

interface Compiled {
  phrase: string;
  parts: Part[];
}

function compile(phrase: string): Compiled {
  const parts: Part[] = [];
  for (const piece of phrase.toLowerCase().replace(/[\u2018\u2019]/g, "'").trim().split(/\s+/)) {
    if (piece === '*') {
      parts.push({ word: null });
      continue;
    }
    for (const w of wordsIn(piece)) parts.push({ word: w.word });
  }
  return { phrase, parts };
}

/** A compiled vocabulary: phrases of spaced scripts indexed by their first word, the others as they are written. */
export interface PhraseIndex {
  byFirst: Map<string, Compiled[]>;
  unspaced: string[];
}

const indexes = new WeakMap<readonly string[], PhraseIndex>();

export function phraseIndex(phrases: readonly string[]): PhraseIndex {
  let index = indexes.get(phrases);
  if (!index) {
    index = { byFirst: new Map(), unspaced: [] };
    for (const phrase of phrases) {
      if (UNSPACED_LETTER.test(phrase)) {
        index.unspaced.push(phrase.trim());
        continue;
      }
      const compiled = compile(phrase);
      const first = compiled.parts[0]?.word;
      if (!first) continue;
      index.byFirst.set(first, [...(index.byFirst.get(first) ?? []), compiled]);
    }
    indexes.set(phrases, index);
  }
  return index;
}

/** Only spaces, hyphens or a comma between two words of a phrase. */
function joined(text: string, from: Word, to: Word): boolean {
  return /^[\s,-]+$/.test(text.slice(from.end, to.index));
}

/** The index of the word after the match of `parts` starting at word `at`, or -1. */
function matchAt(text: string, words: readonly Word[], parts: readonly Part[], p: number, at: number, previous: Word | undefined): number {
  if (p === parts.length) return at;
  const part = parts[p]!;
  if (part.word === null) {
    for (let skip = 0; skip <= WILDCARD_WORDS; skip++) {
      let ok = true;
      let last = previous;
      for (let k = 0; k < skip; k++) {
        const w = words[at + k];
        if (!w || (last && !joined(text, last, w))) {
          ok = false;
          break;
        }
        last = w;
      }
      if (!ok) break;
      const end = matchAt(text, words, parts, p + 1, at + skip, last);
      if (end >= 0) return end;
    }
    return -1;
  }
  const w = words[at];
  if (!w || w.word !== part.word || (previous && !joined(text, previous, w))) return -1;
  return matchAt(text, words, parts, p + 1, at + 1, w);
}

/** Every occurrence of each phrase in `text`, in text order (longest first at the same place). */
export function findReplyPhrases(text: string, phrases: readonly string[], words: readonly Word[] = wordsIn(text)): PhraseHit[] {
  const index = phraseIndex(phrases);
  const hits: PhraseHit[] = [];
  words.forEach((word, at) => {
    for (const compiled of index.byFirst.get(word.word) ?? []) {
      const end = matchAt(text, words, compiled.parts, 0, at, undefined);
      if (end > at) hits.push({ phrase: compiled.phrase, index: word.index, end: words[end - 1]!.end });
    }
  });
  for (const phrase of index.unspaced) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) hits.push({ phrase, index: at, end: at + phrase.length });
  }
  return hits.sort((a, b) => a.index - b.index || b.end - a.end);
}
