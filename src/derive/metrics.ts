import type { ThreadFacts } from './thread-facts.js';
import { round2 } from './assumptions.js';
import { FigureSums } from './figure-sums.js';
import { openRate, replyRate, type OutreachCounts } from '../outreach/rates.js';

/** Figures over a set of threads: the whole workspace, a segment, a goal or a subgoal. */
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
  /** opened / delivered, as every open rate (src/outreach/rates.ts). */
  open_rate: number | null;
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

/** The figures of a set of threads from its running sums (see figure-sums.ts). */
export function figuresOf(s: FigureSums): Figures {
  const wonArr = s.wonArrCents / 100;
  return {
    deals: s.deals,
    open: s.open,
    won: s.won,
    lost: s.lost,
    stalled: s.stalled,
    parked: s.parked,
    win_rate: s.won + s.lost > 0 ? round2(s.won / (s.won + s.lost)) : null,
    won_arr: wonArr,
    mrr: Math.round(wonArr / 12),
    avg_deal_size: s.won > s.wonWithoutArr ? Math.round(wonArr / (s.won - s.wonWithoutArr)) : null,
    won_without_arr: s.wonWithoutArr,
    avg_cycle_days: s.cycles.length > 0 ? Math.round(s.cycleSum / s.cycles.length) : null,
    median_cycle_days: median(s.cycles),
    avg_margin: s.marginCount > 0 ? Math.round(s.marginHundredths / s.marginCount) / 100 : null,
    pipeline_count: s.open,
    pipeline_value: Math.round(s.pipelineCents / 100),
    weighted_pipeline: Math.round(s.weightedCents / 100),
    won_count: s.won,
    campaigns: s.campaigns,
    sent: s.sent,
    delivered: s.delivered,
    opened: s.opened,
    replied: s.replied,
    meetings: s.meetings,
    open_rate: rounded(openRate(campaignCounts(s))),
    reply_rate: rounded(replyRate(campaignCounts(s))),
  };
}

/** The campaign counts of a set of threads, as the rate functions read them. */
function campaignCounts(s: FigureSums): OutreachCounts {
  return { sent: s.sent, delivered: s.delivered, bounced: s.bounced, opened: s.opened, clicked: s.clicked, replied: s.replied, meetings: s.meetings };
}

const rounded = (rate: number | null): number | null => (rate === null ? null : round2(rate));

/** The middle of values already sorted ascending. */
function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
