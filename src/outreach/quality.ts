/**
 * The quality gate a draft passes before it is sent. Each rule adds at most one issue,
 * however many times it is broken (five spam words are one spam issue), so one bad
 * habit cannot outweigh everything else. Critical issues make a message unsendable:
 * an unfilled slot, no personalisation at all, or an email without a subject. Warnings
 * lower the score. Score = 1 − 0.25 per critical − 0.10 per warning, floored at 0.
 */

import { formatCount } from '../derive/format.js';
import { visibleLength } from '../text-width.js';
import { CJK_HONORIFICS, cjkAddressNames, companyCore, firstName } from './names.js';
import { findPlaceholders } from './placeholders.js';
import { countWords, findPhrases, normalizeQuotes, phrasesIn } from './phrases.js';
import { CTA_PHRASES, CTA_QUESTION_WORDS, GENERIC_OPENINGS, PUSHY_PHRASES, SPAM_TRIGGERS } from './quality-vocabulary.js';
import type { Channel } from './sequences.js';

export type IssueSeverity = 'critical' | 'warning';
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface QualityIssue {
  code: string;
  severity: IssueSeverity;
  message: string;
}

export interface DraftToAssess {
  subject: string;
  body: string;
  channel: Channel;
  recipient: { name?: string | null | undefined; company?: string | null | undefined };
  /** Signal details or types: mentioning one shows the message was written for this company. */
  signals?: readonly string[] | undefined;
}

export interface QualityAssessment {
  score: number;
  grade: Grade;
  ready: boolean;
  issues: QualityIssue[];
}

export const QUALITY_LIMITS = {
  emailMaxWords: 200,
  emailMinWords: 30,
  linkedinMaxChars: 300,
  subjectMaxChars: 60,
  maxQuestions: 2,
} as const;

export const PENALTY = { critical: 0.25, warning: 0.1 } as const;

export function gradeOf(score: number): Grade {
  if (score >= 0.9) return 'A';
  if (score >= 0.8) return 'B';
  if (score >= 0.7) return 'C';
  if (score >= 0.6) return 'D';
  return 'F';
}

export function assessDraft(draft: DraftToAssess): QualityAssessment {
  const subject = draft.subject.trim();
  const body = normalizeQuotes(draft.body);
  const issues: QualityIssue[] = [];
  const add = (code: string, severity: IssueSeverity, message: string): void => {
    issues.push({ code, severity, message });
  };
  const quoted = (list: readonly string[]): string => list.map((p) => `"${p}"`).join(', ');

  const placeholders = findPlaceholders(`${draft.subject}\n${draft.body}`);
  if (placeholders.length > 0) add('leftover-placeholder', 'critical', `Unfilled placeholders ${quoted(placeholders)}: fill them or remove them before sending.`);
  if (!body.trim()) add('empty-body', 'critical', 'The message has no body.');
  else if (!isPersonalized(body, draft.recipient, draft.signals ?? [])) {
    add('not-personalized', 'critical', "Nothing in the message names the recipient, their company or one of the company's signals: say why you are writing to them.");
  }
  if (!subject) {
    add('missing-subject', draft.channel === 'email' ? 'critical' : 'warning', 'The subject is empty.');
  } else if (visibleLength(subject) > QUALITY_LIMITS.subjectMaxChars) {
    // An inbox cuts a subject by the width it takes: a Chinese, Japanese or Korean character takes two.
    const wide = visibleLength(subject) !== subject.length ? ' (Chinese, Japanese and Korean characters count two, as wide as they show)' : '';
    add('subject-too-long', 'warning', `The subject has ${visibleLength(subject)} characters${wide}; keep it to ${QUALITY_LIMITS.subjectMaxChars} so it is not cut off.`);
  }
  lengthIssues(body, draft.channel).forEach((issue) => issues.push(issue));
  if (body.trim() && !hasCallToAction(body)) add('no-call-to-action', 'warning', 'No clear ask: end with a question about a call or a time, or an explicit next step.');
  const questions = body.match(/[?？]+/g)?.length ?? 0;
  if (questions > QUALITY_LIMITS.maxQuestions) add('too-many-questions', 'warning', `${questions} questions; ask at most ${QUALITY_LIMITS.maxQuestions} so the reader knows what to answer.`);
  const generic = phrasesIn(body, GENERIC_OPENINGS);
  if (generic.length > 0) add('generic-opening', 'warning', `Generic filler ${quoted(generic)}: open with something about them instead.`);
  const pushy = phrasesIn(`${subject}\n${body}`, PUSHY_PHRASES);
  if (pushy.length > 0) add('pushy-tone', 'warning', `Pushy wording ${quoted(pushy)}: pressure lowers replies from buyers.`);
  // "Feel free to reply" is courtesy, not an offer; spam filters weigh offers.
  const spam = phrasesIn(`${subject}\n${body}`.replace(/\bfeel\s+free\b/gi, 'feel'), SPAM_TRIGGERS);
  if (spam.length > 0) add('spam-trigger', 'warning', `Spam-filter trigger words ${quoted(spam)}: rephrase them.`);

  issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
  const criticals = issues.filter((i) => i.severity === 'critical').length;
  const warnings = issues.length - criticals;
  const score = Math.max(0, Math.round((1 - PENALTY.critical * criticals - PENALTY.warning * warnings) * 100) / 100);
  return { score, grade: gradeOf(score), ready: criticals === 0, issues };
}

/**
 * Email: over 200 words is too long, under 30 too short (a two-line note rarely says
 * why it matters); Chinese and Japanese count two characters a word (countWords). LinkedIn: over 300 characters does not fit a connection note. A call
 * script is notes for the caller, so its length is not checked.
 */
function lengthIssues(body: string, channel: Channel): QualityIssue[] {
  if (!body.trim()) return [];
  if (channel === 'email') {
    const words = countWords(body);
    const counted = `${formatCount(words, 'word')}${CHINESE_OR_JAPANESE.test(body) ? ' (two Chinese or Japanese characters count as one)' : ''}`;
    if (words > QUALITY_LIMITS.emailMaxWords) return [{ code: 'too-long', severity: 'warning', message: `${counted}; keep an email under ${QUALITY_LIMITS.emailMaxWords}.` }];
    if (words < QUALITY_LIMITS.emailMinWords) return [{ code: 'too-short', severity: 'warning', message: `${counted}; an email under ${QUALITY_LIMITS.emailMinWords} rarely says why it matters to them.` }];
  }
  if (channel === 'linkedin' && body.trim().length > QUALITY_LIMITS.linkedinMaxChars) {
    return [{ code: 'too-long', severity: 'warning', message: `${body.trim().length} characters; a LinkedIn note holds ${QUALITY_LIMITS.linkedinMaxChars}.` }];
  }
  return [];
}

/**
 * Real personalisation: the recipient's first or full name, their company's name (with
 * or without `Inc.`), or a specific signal of theirs. A name counts only where it is
 * written as a name (capitalised, or exactly as spelled on file), so "we will" is not
 * personal to Will, and a message of lower-case words names nobody; a capitalised word
 * that is not theirs does not count either. A Chinese, Japanese or Korean name on file
 * unspaced ("山田太郎") also counts as its family name with an honorific ("山田様").
 * Signals (descriptive phrases) match in any case.
 */
export function isPersonalized(body: string, recipient: DraftToAssess['recipient'], signals: readonly string[]): boolean {
  const names = [firstName(recipient.name), recipient.name?.trim(), companyCore(recipient.company), recipient.company?.trim()];
  const known = names.filter((n): n is string => typeof n === 'string' && n.length > 0);
  // Written as a name: capitalised in the message, or spelled exactly as on file (`monday.com`).
  const asName = findPhrases(body, known).some(({ phrase, index, end }) => {
    const written = body.slice(index, end);
    return written === phrase || /^\p{Lu}/u.test(written);
  });
  if (asName) return true;
  // "山田様" to 山田太郎 on file, "王经理" to 王伟, "철수님" to 김철수: the family or given name with its honorific.
  const addressed = cjkAddressNames(recipient.name);
  if (addressed.length > 0 && new RegExp(`(?:${addressed.join('|')})[ \\t]?(?:${CJK_HONORIFICS.join('|')})`, 'u').test(body)) return true;
  const specific = signals.map((s) => s.trim()).filter((s) => s.length >= 3);
  return phrasesIn(body, specific).length > 0;
}

const CHINESE_OR_JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** What ends a question, and what ends any other sentence: Chinese and Japanese write `？`, `。` and `！`. */
const QUESTION_MARKS = new Set(['?', '？']);
const SENTENCE_ENDS = new Set(['.', '!', '\n', '。', '！', '．', '｡']);

/**
 * Each question of a text: the run from the last sentence end (`.`, `!`, `。`, `！`) or
 * line break before a `?` or `？` up to it — what `/[^.!?\n]*\?/g` matches, in one pass
 * (that pattern tried again from every position of a sentence without a question mark:
 * 1.4 s for 30,000 drafts).
 */
export function questionsIn(body: string): string[] {
  const questions: string[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (QUESTION_MARKS.has(c)) {
      questions.push(body.slice(start, i + 1));
      start = i + 1;
    } else if (SENTENCE_ENDS.has(c)) start = i + 1;
  }
  return questions;
}

/** A question that asks for a call, a meeting or time, or an explicit ask such as "let me know". */
export function hasCallToAction(body: string): boolean {
  const questions = questionsIn(body);
  if (questions.some((q) => phrasesIn(q, CTA_QUESTION_WORDS).length > 0)) return true;
  return phrasesIn(body, CTA_PHRASES).length > 0;
}
