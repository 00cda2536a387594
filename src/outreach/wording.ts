/**
 * Small text helpers for drafts: turning what people typed into the canvas or the
 * materials (a UVP, a pain, a proof point) into a phrase that fits inside one sentence.
 */

import { hasPlaceholder } from './placeholders.js';

/** Trimmed text, or undefined when blank, not a string, or still holding a template slot. */
export function usableText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text && !hasPlaceholder(text) ? text : undefined;
}

/**
 * Words that open a new phrase after a comma ("…instead of twelve, with every bank…"):
 * a cut before one of them ends on a whole phrase. A comma before any other word may sit
 * inside a list ("every bank, PSP and ledger"), where a cut would stop mid-phrase.
 */
const PHRASE_OPENERS: ReadonlySet<string> = new Set(['with', 'without', 'and', 'but', 'or', 'so', 'yet', 'which', 'while', 'whereas', 'because', 'since', 'where', 'when', 'who', 'whose', 'instead', 'including', 'plus', 'then', 'from', 'for', 'by', 'via', 'across', 'through', 'not', 'unlike']);

/**
 * The first sentence of `text`, without its closing punctuation, in at most `maxWords`
 * words: a proof point written as two sentences must not turn a five-sentence email
 * into six. A sentence within the budget is kept whole. A longer one is never cut
 * mid-phrase: it ends at the last phrase boundary within the budget (`;`, `:`, before a
 * dash, or a comma before a word that opens a phrase) that keeps at least a third of it;
 * without one, it ends at the budget with `…`, so the reader sees that it goes on.
 */
export function clipPhrase(text: string, maxWords: number): string {
  const first = text.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0] ?? '';
  const words = first.replace(/[.!?;:,]+$/, '').split(' ');
  if (words.length <= maxWords) return words.join(' ');
  const keep = (n: number): string => words.slice(0, n).join(' ').replace(/[,;:]$/, '');
  for (let n = maxWords; n >= Math.ceil(maxWords / 3); n--) if (endsPhrase(words[n - 1]!, words[n])) return keep(n);
  return `${keep(maxWords).replace(/[\s—–-]+$/, '')}…`;
}

/** True when a phrase ends after `word`, with `next` the word after it. */
function endsPhrase(word: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (/[;:]$/.test(word) || /^[—–-]+$/.test(next)) return true;
  return word.endsWith(',') && PHRASE_OPENERS.has(next.toLowerCase());
}

/** The first sentence of `text` when it fits in `maxWords` words, else undefined: for a label that reads wrong cut short. */
export function wholePhrase(text: string, maxWords: number): string | undefined {
  const phrase = clipPhrase(text, Number.MAX_SAFE_INTEGER);
  return phrase.split(' ').length <= maxWords ? phrase : undefined;
}

/** A sentence's closing full stop after a phrase that ends in `…` reads as `….`: keep the ellipsis alone. */
export function settleEllipses(text: string): string {
  return text.replace(/…\./g, '…');
}

/** `Manual close` → `manual close`, but `ERP migration` and `iPhone` stay as written. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
