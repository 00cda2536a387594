/**
 * Reply classification: which of bounce, unsubscribe, out-of-office, nurture, negative,
 * positive or neutral a prospect's reply is, by the phrases of reply-vocabulary.ts and
 * a few stated rules, with the date a nurture reply asks to be contacted again and the
 * date an out-of-office reply says the person is back. Only the prospect's own words
 * are read (reply-text.ts cuts the quoted message, the signature and the greeting).
 * Transparent by design: the result names the phrases and the rule that decided it.
 */

import { addDays } from './calendar.js';
import { normalizeQuotes } from './phrases.js';
import { datesIn, type DateMention } from './reply-dates.js';
import { findReplyPhrases, wordsIn } from './reply-phrases.js';
import { namesReturn } from './reply-return-cues.js';
import { replyText } from './reply-text.js';
import {
  ACTION_PHRASES,
  BOUNCE_PHRASES,
  CJK_NEGATION_AFTER,
  CJK_NEGATION_BEFORE,
  CJK_NEGATORS_BEFORE,
  CLAUSE_BREAK,
  DEFAULT_REVISIT_DAYS,
  HEDGES,
  INTEREST_PHRASES,
  NEAR_DAYS,
  NEGATION_WINDOW,
  NEGATIVE_PHRASES,
  NEGATORS,
  NEUTRAL_PHRASES,
  NO_WORDS,
  NURTURE_PHRASES,
  OUT_OF_OFFICE_PHRASES,
  PENDING_PHRASES,
  STOP_FILLERS,
  STOP_WORDS,
  TYPO_TOLERANT_STOP_WORDS,
  UNSUBSCRIBE_PHRASES,
  type ReplyCategory,
} from './reply-vocabulary.js';

export { replyText } from './reply-text.js';

export interface ReplyClassification {
  category: ReplyCategory;
  /** 0.5 for neutral; 0.7 for one phrase, +0.1 per further phrase, at most 0.95; −0.2 when a no and a yes are both present. */
  confidence: number;
  /** The phrases behind the category, in text order; a negated one shows as `not … interested`. */
  matched: string[];
  /** nurture: when to contact the person again (from the text, else DEFAULT_REVISIT_DAYS after the reply). Null otherwise. */
  revisit: string | null;
  /** out-of-office: the day the person is back, when the text says. Null otherwise. */
  returns: string | null;
  /** The words the date was read from ("next quarter"); null when there is no date or it is the default. */
  dateFrom: string | null;
  /** Why: the category's rule, the phrases and where the date came from, in one sentence. */
  reason: string;
}

export interface ClassifyOptions {
  /** The day the reply was received, `YYYY-MM-DD`: relative dates count from it. Without it no date is given. */
  received?: string | undefined;
}

type Evidence = 'bounce' | 'unsubscribe' | 'out-of-office' | 'nurture' | 'negative' | 'interest' | 'action' | 'pending' | 'neutral';

const VOCABULARY: readonly [Evidence, readonly string[]][] = [
  ['bounce', BOUNCE_PHRASES],
  ['unsubscribe', UNSUBSCRIBE_PHRASES],
  ['out-of-office', OUT_OF_OFFICE_PHRASES],
  ['nurture', NURTURE_PHRASES],
  ['negative', NEGATIVE_PHRASES],
  ['interest', INTEREST_PHRASES],
  ['action', ACTION_PHRASES],
  ['pending', PENDING_PHRASES],
  ['neutral', NEUTRAL_PHRASES],
];

interface Match {
  phrase: string;
  index: number;
  end: number;
  evidence: Evidence;
}

/** All vocabulary matches, keeping the longest where they overlap (leftmost first). */
function longestMatches(text: string): Match[] {
  const words = wordsIn(text);
  const all: Match[] = VOCABULARY.flatMap(([evidence, phrases]) => findReplyPhrases(text, phrases, words).map((hit) => ({ ...hit, evidence })));
  all.sort((a, b) => a.index - b.index || b.end - b.index - (a.end - a.index));
  const kept: Match[] = [];
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

/** Where the clause holding `index` starts. */
function clauseStart(text: string, index: number): number {
  let start = 0;
  for (const m of text.slice(0, index).matchAll(CLAUSE_BREAK)) start = m.index + m[0].length;
  return start;
}

/** The negator among the NEGATION_WINDOW words before `index`, within the same clause. */
function negatorBefore(text: string, index: number): string | undefined {
  // "non-profit" is no Italian or French "non": a prefix joined by a hyphen negates nothing.
  const clause = text.slice(clauseStart(text, index), index).replace(/\bnon-(?=\p{L})/giu, '');
  const words = clause.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return words.slice(-NEGATION_WINDOW).find((w) => NEGATORS.includes(w));
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const KOREAN_NEGATOR_BEFORE = /(?:^|\s)(안|못)\s+$/;

/**
 * A Chinese, Japanese or Korean phrase negated, as `matched` shows it: by a Chinese negator
 * just before it in the same clause ("不 … 想了解"), or by a Japanese or Korean negative
 * ending after it in the same clause ("興味がある … わけではありません", "데모 … 는 원하지 않").
 */
function cjkNegated(text: string, match: { phrase: string; index: number; end: number }): string | undefined {
  if (!CJK.test(match.phrase)) return undefined;
  const before = text.slice(Math.max(clauseStart(text, match.index), match.index - CJK_NEGATION_BEFORE), match.index);
  const chinese = CJK_NEGATORS_BEFORE.find((n) => before.includes(n));
  if (chinese) return `${chinese} … ${match.phrase}`;
  // Korean's short negation is a word of its own before the verb: "안 좋아요", "못 만나요" (not "제안", a proposal).
  const korean = KOREAN_NEGATOR_BEFORE.exec(text.slice(clauseStart(text, match.index), match.index))?.[1];
  if (korean) return `${korean} … ${match.phrase}`;
  const ending = CJK_NEGATION_AFTER.exec(text.slice(match.end))?.[0].trim();
  return ending ? `${match.phrase} … ${ending}` : undefined;
}

/** "Don't contact me until Q3" is a later, not a stop. */
function followedByUntil(text: string, end: number): boolean {
  return /^\s*(?:again\s+)?(?:until|till|before)\b/i.test(text.slice(end));
}

/** Sentences, with their offsets: they end at `.`, `!`, `?` and the full-width `。！？` of Chinese and Japanese. */
function sentences(text: string): { text: string; index: number }[] {
  return [...text.matchAll(/[^.!?\n。！？]+/g)].map((m) => ({ text: m[0], index: m.index }));
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}']+/gu) ?? [];

export function classifyReply(text: string, options: ClassifyOptions = {}): ReplyClassification {
  const reply = normalizeQuotes(replyText(text ?? ''));
  const evidence = new Map<Evidence, string[]>();
  const note = (kind: Evidence, phrase: string): void => {
    evidence.set(kind, [...(evidence.get(kind) ?? []), phrase]);
  };
  for (const match of longestMatches(reply)) {
    const { evidence: kind, phrase } = match;
    if (kind === 'neutral') continue;
    if (kind === 'unsubscribe' && followedByUntil(reply, match.end)) {
      note('nurture', `${phrase} until`);
      continue;
    }
    const negatable = kind === 'interest' || kind === 'action' || kind === 'nurture' || kind === 'pending';
    const negator = negatable ? negatorBefore(reply, match.index) : undefined;
    const negated = negator ? `${negator} … ${phrase}` : negatable ? cjkNegated(reply, match) : undefined;
    if (!negated) note(kind, phrase);
    // A negated interest ("not really interested") or "later" ("we won't revisit this") is a no; a negated action or pending talk is only not asked for.
    else if (kind !== 'action' && kind !== 'pending') note('negative', negated);
  }
  for (const sentence of sentences(reply)) {
    const words = wordsOf(sentence.text);
    if (words.length === 0) continue;
    const stop = words.find((w) => STOP_WORDS.includes(w));
    if (stop && words.every((w) => STOP_WORDS.includes(w) || STOP_FILLERS.includes(w))) note('unsubscribe', stop);
    else if (words.length === 1 && NO_WORDS.includes(words[0]!)) note('negative', words[0]!);
  }

  // "unsubscirbe me NOW": a stop request typed in a hurry is still one (one letter wrong, missing, extra or swapped).
  const typo = wordsOf(reply).find((w) => TYPO_TOLERANT_STOP_WORDS.some((target) => oneEditApart(w, target)));
  if (typo) note('unsubscribe', typo);

  const received = options.received;
  const dates = received ? datesIn(reply, received).filter((d) => d.date > received) : [];
  const positive = [...(evidence.get('interest') ?? []), ...(evidence.get('action') ?? [])];
  const hasNegative = evidence.has('negative');
  const hedged = wordsOf(reply).some((w) => HEDGES.includes(w));
  const periods = dates.filter((d) => d.kind === 'period');

  let category: ReplyCategory;
  let rule: string;
  if (evidence.has('bounce')) [category, rule] = ['bounce', 'a delivery failure notice: the message never arrived, and nobody replied'];
  else if (evidence.has('unsubscribe')) [category, rule] = ['unsubscribe', 'asks to stop contact, to be removed or calls it spam; honoured before anything else'];
  else if (evidence.has('out-of-office')) [category, rule] = ['out-of-office', 'an auto-reply or absence: not read yet'];
  else if (evidence.has('nurture')) {
    const near = received !== undefined && dates.length > 0 && periods.length === 0 && dates.every((d) => d.date <= addDays(received, NEAR_DAYS));
    if (positive.length > 0 && !hasNegative && near) [category, rule] = ['positive', `a "not now" with a yes and a day within ${NEAR_DAYS} days is a yes`];
    else [category, rule] = ['nurture', 'a no to the timing, not to the offer: contact again later'];
  } else if (periods.length > 0 && (positive.length > 0 || hasNegative || hedged) && !(positive.length > 0 && !hasNegative && nearDay(dates, received))) {
    [category, rule] = ['nurture', positive.length > 0 ? 'a yes for a time ahead: contact again then' : hasNegative ? 'a no for now that names a time ahead: contact again then' : 'a "maybe" for a time ahead: contact again then'];
    note('nurture', periods.map((d) => d.text).join(', '));
  } else if (hasNegative) [category, rule] = ['negative', 'a no to the offer'];
  else if (positive.length > 0) [category, rule] = ['positive', 'interest, or a step toward a meeting'];
  else if (evidence.has('pending')) [category, rule] = ['nurture', 'they will talk it over inside the company and come back: a later, not a meeting'];
  else [category, rule] = ['neutral', 'no phrase of any category'];

  const pendingOnly = category === 'nurture' && !evidence.has('nurture');
  const matched = category === 'neutral' ? [] : [...new Set(category === 'positive' ? positive : pendingOnly ? evidence.get('pending') ?? [] : evidence.get(category) ?? [])];
  const mixed = (category === 'negative' || category === 'unsubscribe') && positive.length > 0;
  const confidence = category === 'neutral' ? 0.5 : Math.round((Math.min(0.95, 0.6 + 0.1 * Math.max(1, matched.length)) - (mixed ? 0.2 : 0)) * 100) / 100;

  let revisit: string | null = null;
  let returns: string | null = null;
  let dateFrom: string | null = null;
  let dateNote = '';
  if (category === 'nurture' && received) {
    const chosen = revisitMention(reply, dates);
    if (chosen) [revisit, dateFrom, dateNote] = [chosen.date, chosen.text, `; revisit ${chosen.date} from "${chosen.text}" (${chosen.rule})`];
    else [revisit, dateNote] = [addDays(received, DEFAULT_REVISIT_DAYS), `; no date in the reply: revisit ${DEFAULT_REVISIT_DAYS} days after it, ${addDays(received, DEFAULT_REVISIT_DAYS)}`];
  } else if (category === 'out-of-office') {
    const back = returnMention(reply, dates.filter((d) => d.kind !== 'current'));
    if (back) [returns, dateFrom, dateNote] = [back.date, back.text, `; back ${back.date} from "${back.text}" (${back.rule})`];
    else dateNote = received ? '; no return date given' : '';
  }
  const quoted = matched.map((m) => `"${m}"`).join(', ');
  const reason = `${category}: ${rule}${quoted ? ` (${quoted})` : ''}${dateNote}`;
  return { category, confidence, matched, revisit, returns, dateFrom, reason };
}

/** A day within NEAR_DAYS of the reply: "migrating next month. Could you do Thursday?" asks to meet this week, no later. */
function nearDay(dates: readonly DateMention[], received: string | undefined): boolean {
  return received !== undefined && dates.some((d) => d.kind === 'day' && d.date <= addDays(received, NEAR_DAYS));
}

/** Whether `word` is `target` with one letter wrong, missing, added, or two neighbours swapped — and not `target` itself. */
function oneEditApart(word: string, target: string): boolean {
  if (word === target || Math.abs(word.length - target.length) > 1 || word.length < 8) return false;
  let i = 0;
  while (i < word.length && i < target.length && word[i] === target[i]) i++;
  const [a, b] = [word.slice(i), target.slice(i)];
  return a.slice(1) === b.slice(1) || a === b.slice(1) || a.slice(1) === b || (a[0] === b[1] && a[1] === b[0] && a.slice(2) === b.slice(2));
}

function latest(mentions: readonly DateMention[]): DateMention | undefined {
  return mentions.reduce<DateMention | undefined>((best, m) => (!best || m.date > best.date ? m : best), undefined);
}

/** An out-of-office reply's return date: the latest date named as the return ("back on", "bis", "wracam", "に戻ります"), else the latest date. */
function returnMention(reply: string, dates: readonly DateMention[]): DateMention | undefined {
  const cued = dates.filter((d) => {
    const end = d.index + d.text.length;
    const clauseEnd = reply.slice(end).search(CLAUSE_BREAK);
    return namesReturn(reply.slice(clauseStart(reply, d.index), d.index), reply.slice(end, clauseEnd < 0 ? undefined : end + clauseEnd));
  });
  return latest(cued) ?? latest(dates);
}

/**
 * A nurture reply's date: the latest one named in a sentence that asks for later
 * ("Reach out in April" over "we're busy until the end of March"), else the latest
 * one named anywhere in the reply.
 */
function revisitMention(reply: string, dates: readonly DateMention[]): DateMention | undefined {
  const asking = sentences(reply).filter((s) => findReplyPhrases(s.text, [...NURTURE_PHRASES, ...PENDING_PHRASES]).length > 0 || wordsOf(s.text).some((w) => HEDGES.includes(w)));
  // "This quarter" or "this year" turned down is the fallback: a time the reply names itself comes first.
  const named = dates.some((d) => d.kind !== 'current') ? dates.filter((d) => d.kind !== 'current') : dates;
  const inAsking = named.filter((d) => asking.some((s) => d.index >= s.index && d.index < s.index + s.text.length));
  return latest(inAsking) ?? latest(named);
}
