/**
 * What a company's signals let a message say: a hook (a sentence showing we did our
 * homework) and a "why now" (why this quarter rather than next year). Signals are
 * classified with the ICP scorer's vocabulary (src/scoring/intent.ts), so a signal that
 * counts as intent there is the one a message mentions here.
 */

import { classifySignal, SIGNAL_KEYWORDS, SIGNAL_WEIGHTS, type SignalFacts, type SignalType } from '../scoring/index.js';
import { calendarDate, daysBetween } from './calendar.js';
import { clipPhrase } from './wording.js';

/** A signal older than this is stale news: congratulating a two-year-old funding round reads as automation. */
export const SIGNAL_FRESH_DAYS = 180;

export interface ReadSignal {
  type: SignalType;
  /** The specific words to quote, when the signal has more to say than its type. */
  detail: string | undefined;
  date: string | undefined;
}

/**
 * Recognised, fresh signals, most useful first: types the segment names as triggers,
 * then stronger types (SIGNAL_WEIGHTS), then the most recent. Unrecognised signals
 * are dropped (we cannot phrase them reliably); undated ones are kept.
 */
export function readSignals(
  signals: readonly (string | SignalFacts)[] | null | undefined,
  today: string,
  triggers: readonly string[] = [],
): ReadSignal[] {
  const triggerTypes = new Set(triggers.map(classifySignal).filter((t): t is SignalType => t !== undefined));
  const read = (signals ?? []).flatMap((signal): ReadSignal[] => {
    const type = typeof signal === 'string' ? signal : signal?.type ?? '';
    const detail = typeof signal === 'string' ? signal : signal?.detail ?? undefined;
    const kind = classifySignal(type) ?? (detail ? classifySignal(detail) : undefined);
    if (!kind) return [];
    const date = typeof signal === 'string' ? undefined : calendarDate(signal?.date);
    if (date && daysBetween(date, today) > SIGNAL_FRESH_DAYS) return [];
    return [{ type: kind, detail: specificDetail(kind, detail), date }];
  });
  const rank = (s: ReadSignal): number => (triggerTypes.has(s.type) ? 1 : 0) + SIGNAL_WEIGHTS[s.type];
  return read.sort((a, b) => rank(b) - rank(a) || (b.date ?? '').localeCompare(a.date ?? ''));
}

/**
 * The part of a detail worth quoting: "Hiring 5 analysts" says "5 analysts" after "is
 * hiring", and a detail that is only the type ("funding") adds nothing. Capitals are
 * kept as written: a detail is usually a name (TechCrunch, Berlin).
 */
function specificDetail(type: SignalType, detail: string | undefined): string | undefined {
  if (!detail) return undefined;
  const words = clipPhrase(detail, 10).split(' ');
  const first = words[0]?.toLowerCase().replace(/[^a-z-]/g, '') ?? '';
  if (words.length > 1 && SIGNAL_KEYWORDS[type].includes(first)) words.shift();
  const rest = words.join(' ').trim();
  const onlyTheType = words.length === 1 && (SIGNAL_KEYWORDS[type].includes(rest.toLowerCase()) || rest.toLowerCase() === type);
  return rest && !onlyTheType ? rest : undefined;
}

/** `$40M Series C`, `Series C`, `seed round`, `$5M raise`, or `recent funding round` when the detail names none. */
function fundingRound(detail: string | undefined): string {
  const text = detail ?? '';
  const round = /\b(?:series\s+[a-h]|pre-seed|seed(?:\s+round)?)\b/i.exec(text)?.[0];
  const amount = /[$€£]\s?\d[\d.,]*\s?(?:[kmb]n?|million|billion)?\b/i.exec(text)?.[0];
  const roundName = round ? round.replace(/^series\s+([a-h])$/i, (_m, letter: string) => `Series ${letter.toUpperCase()}`) : undefined;
  if (roundName) return amount ? `${amount} ${roundName}` : roundName;
  return amount ? `${amount} raise` : 'recent funding round';
}

const inParens = (detail: string | undefined): string => (detail ? ` (${detail})` : '');

/** One hook sentence per signal type, in signal order. */
export function signalHooks(signals: readonly ReadSignal[], company: string): string[] {
  const seen = new Set<SignalType>();
  const hooks: string[] = [];
  for (const { type, detail } of signals) {
    if (seen.has(type)) continue;
    seen.add(type);
    hooks.push(hookFor(type, detail, company));
  }
  return hooks;
}

function hookFor(type: SignalType, detail: string | undefined, company: string): string {
  switch (type) {
    case 'funding':
      return `Congratulations on the ${fundingRound(detail)}.`;
    case 'expansion':
      return `I saw that ${company} is expanding${inParens(detail)}.`;
    case 'hiring':
      return `I noticed ${company} is hiring${inParens(detail)}.`;
    case 'new-product':
      return `I saw the new product launch${inParens(detail)}.`;
    case 'regulatory':
      return `I saw the new regulatory requirements${inParens(detail)} coming your way.`;
    case 'partnership':
      return `I saw the new partnership${inParens(detail)}.`;
    case 'media':
      return `I saw ${company} in the news${inParens(detail)}.`;
  }
}

/**
 * Why this is worth a conversation now, from the most useful signal that changes a
 * company's priorities. Media coverage is a fine hook but no reason to act, so it never
 * gives a why-now. Null when no signal does.
 */
export function whyNow(signals: readonly ReadSignal[], company: string): string | null {
  const signal = signals.find((s) => s.type !== 'media');
  if (!signal) return null;
  const { type, detail } = signal;
  switch (type) {
    case 'funding':
      return `After your ${fundingRound(detail)}, the processes that worked at half the size usually start to strain.`;
    case 'expansion':
      return `With ${company} expanding${inParens(detail)}, the work behind the scenes tends to multiply.`;
    case 'hiring':
      return `With ${company} hiring${inParens(detail)}, now is when new processes are cheapest to put in place.`;
    case 'new-product':
      return `A launch${inParens(detail)} usually pulls the team toward the product and away from the back office.`;
    case 'regulatory':
      return `New requirements${inParens(detail)} are easier to meet when you start before the deadline.`;
    case 'partnership':
      return `A new partnership${inParens(detail)} usually brings new volume that has to be handled well.`;
    default:
      return null;
  }
}
