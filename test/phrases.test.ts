import { describe, expect, it } from 'vitest';
import { findPhrases, patternMatches, phrasesIn, type PhraseMatch } from '../src/outreach/phrases.js';
import { questionsIn } from '../src/outreach/quality.js';

/** What findPhrases answered when every phrase was matched by its pattern: the reference. */
function byPattern(text: string, phrases: readonly string[]): PhraseMatch[] {
  const haystack = text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
  const found: PhraseMatch[] = [];
  for (const phrase of phrases) {
    if (!phrase.trim()) continue;
    found.push(...patternMatches(haystack, phrase));
  }
  return found.sort((a, b) => a.index - b.index || b.end - a.end);
}

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Letters of several scripts and cases, digits, separators, curly quotes (the search without
// patterns); then a surrogate pair, the dotted capital I, the long s and Greek sigmas, which
// lower-casing and case folding treat differently (those texts go to the pattern).
const SEARCHED = ['a', 'b', 'A', 'B', 'e', 'é', 'É', 'ü', 'Ü', 'ß', 'ǅ', 'Ж', 'ж', '日', '1', '2', 'i', 's', 'S', ' ', ' ', '-', '\t', '\n', '.', ',', "'", '’', '%', '$'];
const ALPHABET = [...SEARCHED, '😀', 'İ', 'ſ', 'Σ', 'σ', 'ς', 'K', 'ẞ'];

describe('phrase matching without a pattern per phrase', () => {
  it('finds what the phrase patterns find, at the same offsets, on generated texts and phrases', () => {
    const next = random(7);
    let letters = SEARCHED;
    const pick = (n: number) => Array.from({ length: n }, () => letters[Math.floor(next() * letters.length)]!).join('');
    let matched = 0;
    for (let round = 0; round < 1200; round++) {
      letters = round % 3 === 2 ? ALPHABET : SEARCHED;
      const phrases = Array.from({ length: 4 }, () => pick(1 + Math.floor(next() * 4)));
      // Texts that hold the phrases (in other cases and with other separators) among noise.
      const text = [pick(5), phrases[0]!.toUpperCase(), pick(3), phrases[1]!.replace(/ /g, ' - '), pick(4), phrases[2], pick(2)].join(next() < 0.5 ? ' ' : '');
      const expected = byPattern(text, phrases);
      matched += expected.length;
      expect(findPhrases(text, phrases), JSON.stringify({ text, phrases })).toEqual(expected);
      expect(phrasesIn(text, phrases), JSON.stringify({ text, phrases })).toEqual(phrases.filter((p) => expected.some((m) => m.phrase === p)));
    }
    // The generated cases do match, often: the comparison is not of empty lists.
    expect(matched).toBeGreaterThan(1200);
  });

  it('keeps the rules the outreach checks rely on', () => {
    expect(phrasesIn('I saw it yesterday', ['yes'])).toEqual([]);
    expect(phrasesIn('Totally risk free, don’t worry', ['risk-free', "don't"])).toEqual(['risk-free', "don't"]);
    expect(findPhrases('Hi JÜRGEN, jürgen-style', ['Jürgen'])).toEqual([
      { phrase: 'Jürgen', index: 3, end: 9 },
      { phrase: 'Jürgen', index: 11, end: 17 },
    ]);
    expect(phrasesIn('100% sure', ['100%'])).toEqual(['100%']);
  });
});

describe('the questions of a draft', () => {
  it('are what the question pattern matches, on generated texts', () => {
    const next = random(11);
    const letters = ['a', 'b', ' ', '.', '!', '?', '\n', 'é', '1'];
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: Math.floor(next() * 40) }, () => letters[Math.floor(next() * letters.length)]!).join('');
      expect(questionsIn(text), JSON.stringify(text)).toEqual(text.match(/[^.!?\n]*\?/g) ?? []);
    }
  });
});
