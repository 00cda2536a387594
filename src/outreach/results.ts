/**
 * Campaign results: rates and the suggestions they call for. Every rate is defined once,
 * in rates.ts (delivered falls back to `sent − bounced`; bounces over sent; the rest over
 * delivered; null without a denominator).
 *
 * Volume gates ("after ≥ 50 sends") count `sent`: a rule needs enough messages out
 * before its rate means anything.
 */

import { formatCount } from '../derive/format.js';
import { roundHalfUp } from '../scoring/numbers.js';
import { bounceRate, clickRate, countOf, deliveredOf, meetingRate, openRate, replyRate, spamComplaintRate, unsubscribeRate, type OutreachCounts } from './rates.js';

/** A campaign's Stage 6 `results`. */
export type CampaignResults = OutreachCounts;

export interface CampaignRates {
  sent: number;
  delivered: number;
  /** True when `delivered` was not recorded (absent or 0) and is `sent − bounced`. */
  deliveredEstimated: boolean;
  /**
   * False when the campaign's results say opens were not tracked (opensTracked): its open
   * rate is null, shown as `not tracked`, and low-open-rate does not judge it.
   */
  opensTracked: boolean;
  /**
   * False when the campaign's results say link clicks were not tracked (clicksTracked): its
   * click rate is null, shown as `not tracked`.
   */
  clicksTracked: boolean;
  /** Over delivered. */
  openRate: number | null;
  clickRate: number | null;
  replyRate: number | null;
  unsubscribeRate: number | null;
  spamComplaintRate: number | null;
  meetingRate: number | null;
  /** Over sent. */
  bounceRate: number | null;
}

export type SuggestionSeverity = 'critical' | 'high' | 'medium' | 'info';

export interface CampaignSuggestion {
  rule: string;
  severity: SuggestionSeverity;
  message: string;
}

/**
 * The sends a reply rate is judged on, either way: under 100, a rate is a handful of
 * replies (4 sends and 1 reply read as 25%), and one reply more or less swings it by
 * points. The same volume experiments ask of each variant (`experiments.min_sample`).
 */
const REPLY_RATE_MIN_SENT = 100;

/** The rule thresholds. Rates are fractions; `minSent` gates are inclusive (≥). */
export const RESULT_RULES = {
  lowOpen: { minSent: 50, below: 0.3 },
  lowReply: { minSent: REPLY_RATE_MIN_SENT, below: 0.03 },
  highBounce: { minSent: 20, above: 0.05 },
  highUnsubscribe: { minSent: 50, above: 0.02 },
  // Scaling a campaign up commits the rest of the segment to it: it asks at least the volume a low reply rate does.
  scaleUp: { minSent: REPLY_RATE_MIN_SENT, above: 0.1 },
} as const;

const count = countOf;

export function campaignRates(results: CampaignResults): CampaignRates {
  const { delivered, estimated } = deliveredOf(results);
  return {
    sent: count(results.sent),
    delivered,
    deliveredEstimated: estimated,
    opensTracked: true,
    clicksTracked: true,
    openRate: openRate(results),
    clickRate: clickRate(results),
    replyRate: replyRate(results),
    unsubscribeRate: unsubscribeRate(results),
    spamComplaintRate: spamComplaintRate(results),
    meetingRate: meetingRate(results),
    bounceRate: bounceRate(results),
  };
}

/**
 * A campaign's Stage 6 rates: `campaignRates`, or none at all while nothing but `sent` is
 * filled in and every other count is still the template's 0 or empty (nothingRecorded).
 * Read as 0% opens, replies and bounces, the report showed a failed campaign and fired the
 * low-open and low-reply rules on counts nobody entered. Opens are not judged then either:
 * the template's empty `opened` is what a channel without open tracking writes, and what a
 * campaign whose counts are not entered yet still has — it read "not tracked" the day the
 * campaign reached Stage 6. A/B variants are rated with `campaignRates`: a variant's
 * recorded 0 is a result.
 */
export function campaignResultRates(results: CampaignResults): CampaignRates {
  if (nothingRecorded(results)) {
    // Sends alone are no deliveries and no tracking (figure-sums.ts counts them so): `sent −
    // bounced` of a `bounced` nobody entered, and opens "tracked", were what --json said
    // beside a results block and report row reading "not recorded".
    const rates = campaignRates(results);
    return { ...rates, delivered: 0, deliveredEstimated: false, opensTracked: false, clicksTracked: false, openRate: null, clickRate: null, replyRate: null, unsubscribeRate: null, spamComplaintRate: null, meetingRate: null, bounceRate: null };
  }
  const rates = campaignRates(results);
  const opens = opensTracked(results) ? {} : { opensTracked: false, openRate: null };
  const clicks = clicksTracked(results) ? {} : { clicksTracked: false, clickRate: null };
  return { ...rates, ...opens, ...clicks };
}

/** The counts after `sent` that a campaign's results record (`deals` is no rate's). */
const RECORDED_COUNTS = ['delivered', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed', 'spam_complaints', 'meetings'] as const;

/**
 * Whether a campaign's results have messages sent and nothing else recorded — every other
 * count 0 or empty, as the Stage 6 template writes them. A campaign that sent 120 messages
 * with not one open, click, reply, bounce or meeting is counts not entered yet, not a result.
 */
export function onlySentRecorded(results: CampaignResults): boolean {
  return count(results.sent) > 0 && nothingRecorded(results);
}

/**
 * Whether a campaign's results record nothing beyond `sent`: every other count 0 or empty,
 * as the Stage 6 template writes them — the counts are not entered yet (whatever `sent` says).
 */
export function nothingRecorded(results: CampaignResults): boolean {
  return RECORDED_COUNTS.every((name) => count(results[name]) === 0);
}

/**
 * Whether a campaign's results track opens. Not when `opened` is left empty (null or
 * absent), as the Stage 6 template writes it for a channel without open tracking
 * (plain-text email, LinkedIn, calls); nor when it is still the old template's 0 while
 * replies or clicks are recorded — the same notion as onlySentRecorded: a count left at
 * the template's 0 beside counts that were entered is a count nobody entered, since a
 * campaign whose messages drew replies had some opened. Such a campaign has no open
 * rate, fires no low-open-rate, and its deliveries are left out of the open rate over
 * several campaigns (figure-sums.ts). A recorded 0 with no reply and no click is a result.
 */
export function opensTracked(results: CampaignResults): boolean {
  if (typeof results.opened !== 'number') return false;
  return count(results.opened) > 0 || (count(results.replied) === 0 && count(results.clicked) === 0);
}

/**
 * Whether a campaign's results track link clicks. Not when `clicked` is left empty (null or
 * absent), as the Stage 6 template writes it; nor when it is the older template's `clicked:
 * 0` while opens are not tracked either (opensTracked): a channel without open tracking —
 * plain-text email, LinkedIn, calls — tracks no clicks, and that 0 read "click rate 0%" to a
 * team that never counted one. A 0 beside tracked opens is a result: the tools that count
 * opens count clicks. Files are read as written, never rewritten (docs/outreach.md).
 */
export function clicksTracked(results: CampaignResults): boolean {
  if (typeof results.clicked !== 'number') return false;
  return count(results.clicked) > 0 || opensTracked(results);
}

const pct = (value: number): string => `${roundHalfUp(value * 100, 1).toFixed(1)}%`;

/**
 * A rate beside the bar its rule compared it with: one decimal, or as many as keep it on
 * the side the rule found it — 51 bounces of 1,011 sends are 5.04%, over 5%, and read
 * "Bounce rate 5.0% over 5.0%".
 */
function pctAgainst(value: number, bar: number): string {
  const barPercent = roundHalfUp(bar * 100, 9);
  for (let decimals = 1; decimals < 6; decimals++) {
    const shown = roundHalfUp(value * 100, decimals);
    if (Math.sign(shown - barPercent) === Math.sign(value - bar)) return `${shown.toFixed(decimals)}%`;
  }
  return `${value * 100}%`;
}

const SEVERITY_ORDER: readonly SuggestionSeverity[] = ['critical', 'high', 'medium', 'info'];

/**
 * Each rule triggers strictly past its rate threshold ("under 30%": 30.0% exactly does
 * not trigger; "over 5%": 5.0% exactly does not) and at or past its volume gate
 * (exactly 50 sends counts); every rule but a spam complaint (one is enough) has one.
 * Scaling up is not suggested while a critical rule fires:
 * a campaign with spam complaints or bounces must be fixed before it grows.
 * Ordered critical first, then high, medium, info.
 */
export function campaignSuggestions(results: CampaignResults): CampaignSuggestion[] {
  const r = campaignResultRates(results);
  const spam = count(results.spam_complaints);
  const out: CampaignSuggestion[] = [];
  if (spam > 0) {
    out.push({ rule: 'spam-complaint', severity: 'critical', message: `${formatCount(spam, 'spam complaint')}: emergency stop. Pause every send from this campaign, check consent and targeting, then warm the domain back up.` });
  }
  if (r.bounceRate !== null && r.sent >= RESULT_RULES.highBounce.minSent && r.bounceRate > RESULT_RULES.highBounce.above) {
    out.push({ rule: 'high-bounce-rate', severity: 'critical', message: `Bounce rate ${pctAgainst(r.bounceRate, RESULT_RULES.highBounce.above)} over ${pct(RESULT_RULES.highBounce.above)} after ${r.sent} sends: pause the campaign and verify the list before sending more.` });
  }
  if (r.openRate !== null && r.sent >= RESULT_RULES.lowOpen.minSent && r.openRate < RESULT_RULES.lowOpen.below) {
    out.push({ rule: 'low-open-rate', severity: 'high', message: `Open rate ${pctAgainst(r.openRate, RESULT_RULES.lowOpen.below)} under ${pct(RESULT_RULES.lowOpen.below)} after ${r.sent} sends: test new subject lines (and check deliverability).` });
  }
  if (r.replyRate !== null && r.sent >= RESULT_RULES.lowReply.minSent && r.replyRate < RESULT_RULES.lowReply.below) {
    out.push({ rule: 'low-reply-rate', severity: 'high', message: `Reply rate ${pctAgainst(r.replyRate, RESULT_RULES.lowReply.below)} under ${pct(RESULT_RULES.lowReply.below)} after ${r.sent} sends: review the copy and make the call to action clearer.` });
  }
  if (r.unsubscribeRate !== null && r.sent >= RESULT_RULES.highUnsubscribe.minSent && r.unsubscribeRate > RESULT_RULES.highUnsubscribe.above) {
    out.push({ rule: 'high-unsubscribe-rate', severity: 'medium', message: `Unsubscribe rate ${pctAgainst(r.unsubscribeRate, RESULT_RULES.highUnsubscribe.above)} over ${pct(RESULT_RULES.highUnsubscribe.above)} after ${r.sent} sends: tighten targeting to the segment's ICP.` });
  }
  const critical = out.some((s) => s.severity === 'critical');
  if (!critical && r.replyRate !== null && r.sent >= RESULT_RULES.scaleUp.minSent && r.replyRate > RESULT_RULES.scaleUp.above) {
    out.push({ rule: 'scale-up', severity: 'info', message: `Reply rate ${pctAgainst(r.replyRate, RESULT_RULES.scaleUp.above)} over ${pct(RESULT_RULES.scaleUp.above)} after ${r.sent} sends: this works; scale it to more of the segment.` });
  }
  return out.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
