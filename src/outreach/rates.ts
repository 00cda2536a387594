/**
 * The one definition of every outreach rate in the workspace. The campaign results
 * block (6-learning.md), the campaign figures of strategy/canvas/13-metrics.md, the goals
 * and the reports all compute their rates here, so an open rate means the same thing
 * wherever it is shown (docs/outreach.md "Rate definitions").
 *
 * - **delivered** = the recorded `delivered` when it is a positive number, else
 *   `sent − bounced` (never below 0). A recorded 0 or an absent field reads as "not
 *   recorded": a campaign that sent messages delivered some, and a template's 0 must not
 *   turn every rate into "no data".
 * - **bounce rate** = bounced / **sent**: a bounce is a send that never arrived.
 * - **open, click, reply, unsubscribe, spam-complaint and meeting rates** = count /
 *   **delivered**: a message that bounced could not be opened, and counting it would
 *   blame the copy for a list problem.
 * - A rate whose denominator is 0 is null (no data), never 0. Rates are fractions.
 *
 * Pure and exported one by one: A/B variant results are rated with the same functions.
 */

/** The counts a rate is computed from: a campaign's Stage 6 `results`, a variant's, or sums of them. */
export interface OutreachCounts {
  sent?: number | null | undefined;
  delivered?: number | null | undefined;
  opened?: number | null | undefined;
  clicked?: number | null | undefined;
  replied?: number | null | undefined;
  bounced?: number | null | undefined;
  unsubscribed?: number | null | undefined;
  spam_complaints?: number | null | undefined;
  meetings?: number | null | undefined;
  deals?: number | null | undefined;
}

export type RateName = 'open' | 'click' | 'reply' | 'bounce' | 'unsubscribe' | 'spam' | 'meeting';
export type CountName = Exclude<keyof OutreachCounts, 'deals'>;

export interface RateDefinition {
  name: RateName;
  label: string;
  numerator: CountName;
  denominator: 'sent' | 'delivered';
}

/** Every rate, as documented: its numerator and denominator. */
export const RATE_DEFINITIONS: readonly RateDefinition[] = [
  { name: 'open', label: 'open rate', numerator: 'opened', denominator: 'delivered' },
  { name: 'click', label: 'click rate', numerator: 'clicked', denominator: 'delivered' },
  { name: 'reply', label: 'reply rate', numerator: 'replied', denominator: 'delivered' },
  { name: 'bounce', label: 'bounce rate', numerator: 'bounced', denominator: 'sent' },
  { name: 'unsubscribe', label: 'unsubscribe rate', numerator: 'unsubscribed', denominator: 'delivered' },
  { name: 'spam', label: 'spam complaint rate', numerator: 'spam_complaints', denominator: 'delivered' },
  { name: 'meeting', label: 'meeting rate', numerator: 'meetings', denominator: 'delivered' },
];

/** A count as recorded: a finite positive number, else 0. */
export function countOf(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

export interface Delivered {
  delivered: number;
  /** True when `delivered` was not recorded (absent or 0) and is `sent − bounced`. */
  estimated: boolean;
}

/** Delivered messages: the recorded number when positive, else `sent − bounced`. */
export function deliveredOf(counts: OutreachCounts): Delivered {
  const recorded = countOf(counts.delivered);
  if (recorded > 0) return { delivered: recorded, estimated: false };
  return { delivered: Math.max(0, countOf(counts.sent) - countOf(counts.bounced)), estimated: true };
}

/** part / whole, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** One rate of some counts, by its definition. */
export function rateOf(name: RateName, counts: OutreachCounts): number | null {
  const definition = RATE_DEFINITIONS.find((d) => d.name === name)!;
  const whole = definition.denominator === 'sent' ? countOf(counts.sent) : deliveredOf(counts).delivered;
  return ratio(countOf(counts[definition.numerator]), whole);
}

export const openRate = (counts: OutreachCounts): number | null => rateOf('open', counts);
export const clickRate = (counts: OutreachCounts): number | null => rateOf('click', counts);
export const replyRate = (counts: OutreachCounts): number | null => rateOf('reply', counts);
export const bounceRate = (counts: OutreachCounts): number | null => rateOf('bounce', counts);
export const unsubscribeRate = (counts: OutreachCounts): number | null => rateOf('unsubscribe', counts);
export const spamComplaintRate = (counts: OutreachCounts): number | null => rateOf('spam', counts);
export const meetingRate = (counts: OutreachCounts): number | null => rateOf('meeting', counts);
