/**
 * Reply classification: which of unsubscribe, out-of-office, negative, positive or
 * neutral a prospect's reply is, from the phrases in reply-vocabulary.ts. Only the
 * reply itself is read: quoted text (`>` lines, and everything from "On … wrote:" or an
 * "Original Message" line) is our own email coming back and is cut first.
 */

import { findPhrases, normalizeQuotes, type PhraseMatch } from './phrases.js';
import {
  CLAUSE_BREAK,
  NEGATION_WINDOW,
  NEGATIVE_PHRASES,
  NEGATORS,
  OUT_OF_OFFICE_PHRASES,
  POSITIVE_PHRASES,
  REPLY_PRIORITY,
  UNSUBSCRIBE_PHRASES,
  type ReplyCategory,
} from './reply-vocabulary.js';

export interface ReplyClassification {
  category: ReplyCategory;
  /** 0.5 for neutral; 0.7 for one phrase, +0.1 per further phrase, at most 0.95; −0.2 when a yes and a no are both present. */
  confidence: number;
  /** The phrases behind the category, in text order; a negated positive shows as `not … interested`. */
  matched: string[];
}

const VOCABULARY: readonly [Exclude<ReplyCategory, 'neutral'>, readonly string[]][] = [
  ['unsubscribe', UNSUBSCRIBE_PHRASES],
  ['out-of-office', OUT_OF_OFFICE_PHRASES],
  ['negative', NEGATIVE_PHRASES],
  ['positive', POSITIVE_PHRASES],
];

/** The reply without the quoted message below it. */
export function replyText(text: string): string {
  const cut = text.search(/^\s*(?:On\s.+wrote:|-{2,}\s*Original Message\s*-{2,}|_{10,})\s*$/im);
  const own = cut >= 0 ? text.slice(0, cut) : text;
  return own
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

export function classifyReply(text: string): ReplyClassification {
  const reply = normalizeQuotes(replyText(text ?? ''));
  const evidence = new Map<ReplyCategory, string[]>();
  const note = (category: ReplyCategory, phrase: string): void => {
    evidence.set(category, [...(evidence.get(category) ?? []), phrase]);
  };
  for (const match of longestMatches(reply)) {
    const { category, phrase } = match;
    const negator = category === 'positive' ? negatorBefore(reply, match.index) : undefined;
    if (negator) note('negative', `${negator} … ${phrase}`);
    else note(category, phrase);
  }
  const category = REPLY_PRIORITY.find((c) => evidence.has(c)) ?? 'neutral';
  if (category === 'neutral') return { category, confidence: 0.5, matched: [] };
  const matched = [...new Set(evidence.get(category))];
  const mixed = (category === 'negative' || category === 'unsubscribe') && evidence.has('positive');
  const confidence = Math.min(0.95, 0.6 + 0.1 * matched.length) - (mixed ? 0.2 : 0);
  return { category, confidence: Math.round(confidence * 100) / 100, matched };
}

type CategoryMatch = PhraseMatch & { category: Exclude<ReplyCategory, 'neutral'> };

/** All vocabulary matches, keeping the longest where they overlap (leftmost first). */
function longestMatches(text: string): CategoryMatch[] {
  const all = VOCABULARY.flatMap(([category, phrases]) => findPhrases(text, phrases).map((m) => ({ ...m, category })));
  all.sort((a, b) => a.index - b.index || b.end - b.index - (a.end - a.index));
  const kept: CategoryMatch[] = [];
  for (const match of all) {
    const last = kept[kept.length - 1];
    if (last && match.index < last.end) {
      // Overlap: a longer match starting inside the kept one replaces it.
      if (match.end - match.index > last.end - last.index) kept[kept.length - 1] = match;
      continue;
    }
    kept.push(match);
  }
  return kept;
}

/** The negator among the NEGATION_WINDOW words before `index`, within the same clause. */
function negatorBefore(text: string, index: number): string | undefined {
  const before = text.slice(0, index);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = m.index + m[0].length;
  const words = before.slice(clauseStart).toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return words.slice(-NEGATION_WINDOW).find((w) => NEGATORS.includes(w));
}
