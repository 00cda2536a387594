/**
 * Reads a qualification criterion's value — whatever a person wrote in the Stage 4
 * `criteria:` map — as a score 0–1. The full vocabulary is in docs/scoring.md.
 *
 * Order of reading a string: nothing or `?` (missing / unknown); a vocabulary word at the
 * start (`confirmed - CFO signed off` reads as confirmed); a date, quarter or relative
 * deadline (0.8); a percentage or a number/amount; otherwise free text — at least
 * three characters count as "something was written" (0.6), shorter as unknown.
 */

import { parseMoney } from '../schema/money.js';
import { normalizeText } from './text.js';

export type CriterionStatus = 'scored' | 'missing' | 'unknown';

export interface CriterionReading {
  score: number;
  status: CriterionStatus;
  /** What the value was read as: `confirmed`, `date`, `amount`, `free text`, … */
  reading: string;
}

/** Leading words and their scores; the longest phrase that starts the text wins. */
export const CRITERION_VOCABULARY: Record<string, { score: number; reading: string }> = {};

function define(score: number, reading: string, phrases: readonly string[]): void {
  for (const phrase of phrases) CRITERION_VOCABULARY[phrase] = { score, reading };
}

define(1, 'confirmed', ['confirmed', 'confirm', 'yes', 'y', 'true', 'approved', 'signed', 'agreed', 'committed', 'allocated', 'secured', 'budgeted', 'verified', 'validated', 'done', 'complete', 'completed', 'locked']);
define(0.8, 'engaged', ['engaged', 'strong', 'high', 'active', 'documented']);
define(0.7, 'identified', ['identified', 'known', 'defined', 'mapped', 'understood', 'likely', 'verbal']);
define(0.5, 'partial', ['partial', 'partially', 'in progress', 'ongoing', 'exploring', 'evaluating', 'pending', 'some', 'maybe', 'possibly', 'medium', 'moderate', 'considering', 'discussed', 'developing']);
define(0.2, 'unknown', ['unknown', 'tbd', 'tbc', 'unclear', 'unsure', 'not sure', 'dont know', 'don t know', 'n a', 'na']);
define(0.2, 'low', ['low', 'weak']);
define(0, 'none', ['none', 'no', 'n', 'false', 'missing', 'not', 'never', 'nothing', 'absent', 'rejected', 'declined', 'lost', 'zero']);

/*
 * What sales notes write besides: the casual yes, a no said another way, the answer still to
 * come. Unread, each was "something was written", 0.6 — `budget: unconfirmed`, `nobody`,
 * `without budget`, `likely not` and `cancelled` counted as most of a yes, and `to be
 * confirmed` answered the criterion it says is open.
 */
define(1, 'confirmed', ['yep', 'yeah', 'yup', 'definitely', 'absolutely']);
define(0.7, 'identified', ['probably', 'probable']);
define(0.5, 'partial', ['awaiting', 'waiting', 'waiting on', 'waiting for']);
define(0.2, 'unknown', ['to be confirmed', 'to be determined', 'to be decided', 'to be defined', 'to be clarified', 'yet to be confirmed', 'yet to be determined', 'tba', 'undecided', 'undetermined', 'unscheduled', 'unassigned']);
define(0.2, 'low', ['on hold', 'paused', 'postponed', 'delayed', 'frozen', 'stalled', 'blocked']);
define(0, 'none', ['nobody', 'no one', 'noone', 'nope', 'nah', 'without', 'lacking', 'lacks', 'cancelled', 'canceled', 'unlikely', 'not likely', 'likely not', 'probably not', 'ohne', 'sans', 'sin', 'sem', 'unbestatigt', 'abgesagt']);

/**
 * `unconfirmed`, `unapproved`, `unbudgeted`, `unsigned`, `unidentified`: `un` before a word
 * that reads as a yes or a known answer says the opposite — no, as `not confirmed` is.
 */
function negatedByUn(text: string): boolean {
  const first = text.split(' ', 1)[0]!;
  if (!first.startsWith('un') || first.length < 6) return false;
  const entry = lookupVocabulary(first.slice(2));
  return entry !== undefined && entry.score >= 0.7;
}

function lookupVocabulary(phrase: string): { score: number; reading: string } | undefined {
  return Object.hasOwn(CRITERION_VOCABULARY, phrase) ? CRITERION_VOCABULARY[phrase] : undefined;
}

/*
 * The same answers in the languages founders write their deals in — German, French, Spanish,
 * Portuguese, Italian — folded as the text is (`bestätigt` → bestatigt, `não` → nao). Read in
 * English only, `need: ja` was too short to count (unknown: the deal deferred to "find out
 * need") and `budget: nein` or `non` was "something was written", 0.6, a no read as most of a yes.
 */
define(1, 'confirmed', ['ja', 'jawohl', 'bestatigt', 'genehmigt', 'freigegeben', 'unterschrieben', 'oui', 'confirme', 'confirmee', 'valide', 'validee', 'signe', 'si', 'sim', 'confirmado', 'confirmada', 'aprobado', 'aprobada', 'aprovado', 'firmado', 'assinado']);
define(0.5, 'partial', ['vielleicht', 'teilweise', 'in arbeit', 'laufend', 'peut etre', 'partiel', 'partiellement', 'en cours', 'quizas', 'tal vez', 'parcial', 'parcialmente', 'en curso', 'talvez', 'em andamento']);
define(0.2, 'unknown', ['unbekannt', 'unklar', 'offen', 'weiss nicht', 'keine ahnung', 'inconnu', 'inconnue', 'incertain', 'a definir', 'a confirmer', 'ne sais pas', 'je ne sais pas', 'desconocido', 'no se', 'no lo se', 'por definir', 'desconhecido', 'nao sei']);
define(0, 'none', ['nein', 'kein', 'keine', 'keiner', 'nie', 'niemals', 'abgelehnt', 'non', 'aucun', 'aucune', 'jamais', 'refuse', 'nao', 'nada', 'ninguno', 'ninguna', 'nunca', 'rechazado']);

/**
 * Answers written in Japanese or Chinese, which the folding to Latin letters leaves nothing
 * of: looked up at the start of the text as written, before a space, punctuation or the end
 * (`はい、予算あり` reads as yes). `いいえ` was three characters of "something written", 0.6.
 */
const CJK_VOCABULARY: ReadonlyMap<string, { score: number; reading: string }> = new Map<string, { score: number; reading: string }>([
  ...['はい', '確認済み', '承認済み', '是', '是的', '确认', '已确认', '批准'].map((w) => [w, { score: 1, reading: 'confirmed' }] as const),
  ...['たぶん', '検討中', '可能', '也许', '部分'].map((w) => [w, { score: 0.5, reading: 'partial' }] as const),
  ...['不明', '未定', '未確認', '未知', '不确定', '待定'].map((w) => [w, { score: 0.2, reading: 'unknown' }] as const),
  ...['いいえ', 'なし', '否', '不是', '没有', '无'].map((w) => [w, { score: 0, reading: 'none' }] as const),
]);

function cjkPhraseAtStart(text: string): string | undefined {
  let found: string | undefined;
  for (const word of CJK_VOCABULARY.keys()) {
    if (text.startsWith(word) && (text.length === word.length || /[\s\p{P}]/u.test(text[word.length]!)) && word.length > (found?.length ?? 0)) found = word;
  }
  return found;
}

/**
 * The longest phrase of the vocabulary that `text` is, or begins with followed by a
 * space: its prefixes that end where a word ends, longest first, looked up — rather than
 * every phrase tried against the text (a check of 10,000 deals reads 60,000 criteria).
 */
function phraseAtStart(text: string): string | undefined {
  let end = text.length;
  while (end > 0) {
    const prefix = end === text.length ? text : text.slice(0, end);
    if (Object.hasOwn(CRITERION_VOCABULARY, prefix)) return prefix;
    end = text.lastIndexOf(' ', end - 1);
  }
  return undefined;
}

export const DATE_SCORE = 0.8;
export const FREE_TEXT_SCORE = 0.6;
/** Unrecognised text shorter than this reads as unknown rather than as something written. */
export const FREE_TEXT_MIN_LENGTH = 3;

// Whole month names or their abbreviations only: `marketing 2026` must not read as March.
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_PATTERNS: readonly RegExp[] = [
  /^\d{4}-\d{2}(?:-\d{2})?\b/, // 2026-03-31, 2026-03
  /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/, // 31/03/2026, 3.31.26
  /\bq[1-4]\b/, // Q1, Q1 2026, FY26 Q2
  /\bh[12]\s+(?:fy)?\d{2,4}\b/, // H2 2026
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`), // March 2026, Mar. 2026
  new RegExp(`\\b\\d{1,2}\\s+${MONTH}(?![a-z])`), // 31 March
  new RegExp(`\\bend of (?:the )?(?:year|quarter|month|${MONTH}(?![a-z]))`),
  /\b(?:next|this) (?:week|month|quarter|year)\b/,
  /\b(?:eoy|eoq|eom)\b/,
  /\b(?:within|in) \d+ (?:days?|weeks?|months?)\b/,
];

export function readCriterionValue(value: unknown): CriterionReading {
  if (value === null || value === undefined) return { score: 0, status: 'missing', reading: 'missing' };
  if (typeof value === 'boolean') return value ? { score: 1, status: 'scored', reading: 'yes' } : { score: 0, status: 'scored', reading: 'no' };
  if (typeof value === 'number') return readNumber(value);
  if (typeof value === 'string') return readTextOnce(value);
  if (Array.isArray(value)) return readList(value);
  if (typeof value === 'object') return readObject(value as Record<string, unknown>);
  return { score: 0, status: 'missing', reading: 'missing' };
}

/** A number 0–1 is a score; above 1 it is an amount or a count (a budget of 50000): present, 1. */
function readNumber(value: number): CriterionReading {
  if (!Number.isFinite(value) || value <= 0) return { score: 0, status: 'scored', reading: 'zero' };
  if (value <= 1) return { score: value, status: 'scored', reading: 'score' };
  return { score: 1, status: 'scored', reading: 'amount' };
}

/**
 * The readings of texts met before, by text: a check of 10,000 deals reads 60,000 criteria,
 * most of them the same few words (`confirmed`, `Q3`, `unknown`). Bounded: emptied when full.
 */
const READINGS = new Map<string, CriterionReading>();
const READINGS_MAX = 4096;

/** readText, each text read once: a copy of the reading is returned, so that a caller that changes it changes no other's. */
function readTextOnce(raw: string): CriterionReading {
  let reading = READINGS.get(raw);
  if (!reading) {
    if (READINGS.size >= READINGS_MAX) READINGS.clear();
    reading = readText(raw);
    READINGS.set(raw, reading);
  }
  return { ...reading };
}

function readText(raw: string): CriterionReading {
  const trimmed = raw.trim();
  if (!trimmed) return { score: 0, status: 'missing', reading: 'missing' };
  if (/^[?\s]+$/.test(trimmed)) return { score: 0.2, status: 'unknown', reading: 'unknown' };
  const cjk = cjkPhraseAtStart(trimmed);
  if (cjk !== undefined) {
    const entry = CJK_VOCABULARY.get(cjk)!;
    return { score: entry.score, status: entry.reading === 'unknown' ? 'unknown' : 'scored', reading: entry.reading };
  }
  const text = normalizeText(trimmed);
  const phrase = phraseAtStart(text);
  if (phrase !== undefined) {
    const entry = CRITERION_VOCABULARY[phrase]!;
    return { score: entry.score, status: entry.reading === 'unknown' ? 'unknown' : 'scored', reading: entry.reading };
  }
  if (negatedByUn(text)) return { score: 0, status: 'scored', reading: 'none' };
  const lower = trimmed.toLowerCase();
  if (DATE_PATTERNS.some((pattern) => pattern.test(lower))) return { score: DATE_SCORE, status: 'scored', reading: 'date' };
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (percent) return Object.assign(readNumber(Number(percent[1]) / 100), { reading: 'percentage' as const });
  const amount = parseMoney(trimmed);
  if (amount !== undefined) return readNumber(amount);
  if (trimmed.length >= FREE_TEXT_MIN_LENGTH) return { score: FREE_TEXT_SCORE, status: 'scored', reading: 'free text' };
  return { score: 0.2, status: 'unknown', reading: 'unknown' };
}

/** A list (`[security review, SSO]`) scores as its strongest item; an empty list is missing. */
function readList(values: readonly unknown[]): CriterionReading {
  const readings = values.map(readCriterionValue).filter((r) => r.status !== 'missing');
  if (readings.length === 0) return { score: 0, status: 'missing', reading: 'missing' };
  return readings.reduce((best, r) => (r.score > best.score ? r : best));
}

/**
 * `{score: 0.8}`, `{status: confirmed, amount: 50000}`, `{value: yes, notes: …}`: the
 * explicit score, else the status or value, else any text in it counts as written.
 */
function readObject(value: Record<string, unknown>): CriterionReading {
  if (typeof value.score === 'number') return readNumber(value.score);
  for (const key of ['status', 'value', 'state']) {
    if (value[key] !== undefined && value[key] !== null && value[key] !== '') return readCriterionValue(value[key]);
  }
  const written = Object.values(value).some((v) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number' || v === true);
  return written ? { score: FREE_TEXT_SCORE, status: 'scored', reading: 'free text' } : { score: 0, status: 'missing', reading: 'missing' };
}
