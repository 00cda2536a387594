import type { ThreadFacts } from './thread-facts.js';
import { FigureSums } from './figure-sums.js';
import { centsPerPart } from '../schema/money.js';
import { openRate, replyRate, type OutreachCounts } from '../outreach/rates.js';

/**
 * Figures over a set of threads: the whole workspace, a segment, a goal or a subgoal.
 * Exact: a goal's progress and whether it is achieved are judged on them, and 2 won of 3
 * closed rounded to 0.67 met a target of 0.67 (an MRR of 19,999.5 rounded to 20,000 met
 * 20,000). They are rounded only where they are written: the blocks (render-blocks.ts),
 * the reports' text and the commit messages (which quote the blocks).
 */
export interface Figures {
  deals: number;
  open: number;
  won: number;
  lost: number;
  stalled: number;
  parked: number;
  /** won / (won + lost); null until a deal has closed. */
  win_rate: number | null;
  /** The ARR of the won deals that record it (won_without_arr says how many do not). */
  won_arr: number;
  mrr: number;
  /** won_arr over the won deals that record an ARR; null until one does. */
  avg_deal_size: number | null;
  /** Won deals without an ARR: counted in won and the win rate, left out of won_arr, mrr and avg_deal_size. */
  won_without_arr: number;
  avg_cycle_days: number | null;
  median_cycle_days: number | null;
  avg_margin: number | null;
  pipeline_count: number;
  pipeline_value: number;
  weighted_pipeline: number;
  won_count: number;
  campaigns: number;
  sent: number;
  /** Recorded delivered, else sent − bounced, summed over campaigns (src/outreach/rates.ts). */
  delivered: number;
  opened: number;
  replied: number;
  meetings: number;
  /**
   * opened / delivered, as every open rate (src/outreach/rates.ts), over the campaigns that
   * track opens only (outreach/results.ts opensTracked); null when none does.
   */
  open_rate: number | null;
  /** Campaigns that delivered messages, and of them those that track opens (the open rate's campaigns). */
  campaigns_delivering: number;
  campaigns_tracking_opens: number;
  /** replied / delivered. */
  reply_rate: number | null;
}

/**
 * The figures made of won ARR: each leaves out the wins without an ARR (won_without_arr),
 * and wherever one is shown it says how many it left out — missing data shown as missing.
 */
export const WON_ARR_FIGURES: ReadonlySet<string> = new Set(['won_arr', 'mrr', 'avg_deal_size']);

export function computeFigures(threads: readonly ThreadFacts[]): Figures {
  const sums = new FigureSums();
  for (const t of threads) sums.add(t);
  return figuresOf(sums);
}

/**
 * The figures of a set of threads from its running sums (see figure-sums.ts). Each is one
 * division of integers, which a double rounds once, correctly: a value equal to a target
 * as written (an MRR of 3,000.04 from a won ARR of 36,000.48) is that target's double, where
 * dividing an already divided amount again could land one bit below it.
 */
export function figuresOf(s: FigureSums): Figures {
  const withArr = s.won - s.wonWithoutArr;
  return {
    deals: s.deals,
    open: s.open,
    won: s.won,
    lost: s.lost,
    stalled: s.stalled,
    parked: s.parked,
    win_rate: s.won + s.lost > 0 ? s.won / (s.won + s.lost) : null,
    won_arr: s.wonArrCents / 100,
    // Money to the cent, as it is read: 72,000.88 over three wins is 24,000.29, not 24,000.2933….
    mrr: centsPerPart(s.wonArrCents, 12),
    avg_deal_size: withArr > 0 ? centsPerPart(s.wonArrCents, withArr) : null,
    won_without_arr: s.wonWithoutArr,
    avg_cycle_days: s.cycles.length > 0 ? s.cycleSum / s.cycles.length : null,
    median_cycle_days: median(s.cycles),
    avg_margin: s.marginCount > 0 ? s.marginBillionths / (1e9 * s.marginCount) : null,
    pipeline_count: s.open,
    pipeline_value: s.pipelineCents / 100,
    weighted_pipeline: s.weightedCents / 100,
    won_count: s.won,
    campaigns: s.campaigns,
    sent: s.sent,
    delivered: s.delivered,
    opened: s.opened,
    replied: s.replied,
    meetings: s.meetings,
    // The deliveries of campaigns that do not track opens are left out: their 0 opens are not a result.
    open_rate: openRate({ delivered: s.openTrackedDelivered, opened: s.opened }),
    campaigns_delivering: s.campaignsDelivering,
    campaigns_tracking_opens: s.campaignsTrackingOpens,
    reply_rate: replyRate(campaignCounts(s)),
  };
}

/** The campaign counts of a set of threads, as the rate functions read them. */
function campaignCounts(s: FigureSums): OutreachCounts {
  return { sent: s.sent, delivered: s.delivered, bounced: s.bounced, opened: s.opened, clicked: s.clicked, replied: s.replied, meetings: s.meetings };
}

/** The middle of values already sorted ascending: of an even count, the mean of the two middle ones (40.5 days, not 41). */
function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
