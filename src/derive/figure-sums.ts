import { countOf, deliveredOf, type CountName, type OutreachCounts } from '../outreach/rates.js';
import { nothingRecorded, opensTracked } from '../outreach/results.js';
import { cents } from '../schema/money.js';
import { lowerBound } from './sorted.js';
import type { ThreadFacts } from './thread-facts.js';

/**
 * The running sums behind a set of figures, kept so that a thread can be added and
 * removed again: a watch cycle takes out a thread's old contribution and puts in its
 * new one instead of recounting the workspace.
 *
 * Every sum is an integer (money in cents, margins in billionths), so it is exact
 * whatever order threads came and went in: the figures a warm watcher keeps are bit for
 * bit those a cold sync computes, which the fixed point depends on.
 */
export class FigureSums {
  deals = 0;
  open = 0;
  won = 0;
  lost = 0;
  stalled = 0;
  parked = 0;
  /** ARR of the won deals that record it: a win without its ARR is left out, never counted as 0. */
  wonArrCents = 0;
  /** Won deals without an ARR (check: won-without-arr): left out of the ARR sums and the average deal size. */
  wonWithoutArr = 0;
  /** Cycle days of won deals, kept sorted for the median. */
  readonly cycles: number[] = [];
  cycleSum = 0;
  marginCount = 0;
  /**
   * Margins in billionths: finer than any margin is written, so the average is of the
   * margins as written and rounded once, where it is shown. In hundredths each was rounded
   * first: 0.6 and 0.605 averaged 0.605 (61%), not 0.6025 (60%).
   */
  marginBillionths = 0;
  pipelineCents = 0;
  weightedCents = 0;
  campaigns = 0;
  sent = 0;
  /** Delivered as rates.ts reads it: recorded, else sent − bounced, per campaign. */
  delivered = 0;
  /**
   * Delivered of the campaigns that track opens (outreach/results.ts opensTracked): the open
   * rate's denominator. A campaign sent over a channel without open tracking would pull it down.
   */
  openTrackedDelivered = 0;
  /** Campaigns that delivered something, and of them those that track opens: the open rate says how many it covers. */
  campaignsDelivering = 0;
  campaignsTrackingOpens = 0;
  bounced = 0;
  opened = 0;
  clicked = 0;
  replied = 0;
  meetings = 0;

  add(t: ThreadFacts): void {
    this.apply(t, 1);
  }

  remove(t: ThreadFacts): void {
    this.apply(t, -1);
  }

  private apply(t: ThreadFacts, sign: 1 | -1): void {
    if (t.meta.type === 'sales-campaign') {
      this.campaigns += sign;
      const r = (t.campaignResults ?? {}) as OutreachCounts;
      const n = (key: CountName): number => countOf(r[key]);
      this.sent += sign * n('sent');
      // Sends with nothing else recorded (nothingRecorded) are no deliveries yet: counted as
      // `sent − bounced` they were the denominator of every rate, 0 replies over them pulled
      // the reply rate down, and the open rate counted them among the campaigns delivering.
      const delivered = nothingRecorded(r) ? 0 : deliveredOf(r).delivered;
      this.delivered += sign * delivered;
      if (delivered > 0) {
        const tracked = opensTracked(r);
        this.campaignsDelivering += sign;
        if (tracked) this.campaignsTrackingOpens += sign;
        if (tracked) this.openTrackedDelivered += sign * delivered;
      }
      this.bounced += sign * n('bounced');
      this.opened += sign * n('opened');
      this.clicked += sign * n('clicked');
      this.replied += sign * n('replied');
      this.meetings += sign * n('meetings');
      return;
    }
    if (t.meta.type !== 'sales-deal') return;
    this.deals += sign;
    if (t.status === 'closed-won') {
      this.won += sign;
      if (t.arr === null) this.wonWithoutArr += sign;
      else this.wonArrCents += sign * cents(t.arr);
      if (t.cycleDays !== null) {
        this.cycleSum += sign * t.cycleDays;
        if (sign > 0) this.cycles.splice(lowerBound(this.cycles, t.cycleDays), 0, t.cycleDays);
        else this.cycles.splice(lowerBound(this.cycles, t.cycleDays), 1);
      }
      if (t.margin !== null) {
        this.marginCount += sign;
        this.marginBillionths += sign * billionths(t.margin);
      }
    } else if (t.status === 'closed-lost') this.lost += sign;
    else if (t.status === 'open') {
      this.open += sign;
      this.pipelineCents += sign * cents(t.arrPotential ?? 0);
      this.weightedCents += sign * cents((t.arrPotential ?? 0) * t.closeProbability);
    } else if (t.status === 'stalled') this.stalled += sign;
    else if (t.status === 'deferred' || t.status === 'rejected') this.parked += sign;
  }
}


/** A share of 0 to 1 in whole billionths: exact in a double for any margin written to nine decimals, and summed without drift up to millions of deals. */
function billionths(share: number): number {
  return Math.round(share * 1e9);
}
