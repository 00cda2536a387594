import type { ThreadFacts } from './thread-facts.js';
import { round2 } from './assumptions.js';

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
  won_arr: number;
  mrr: number;
  avg_deal_size: number | null;
  avg_cycle_days: number | null;
  median_cycle_days: number | null;
  avg_margin: number | null;
  pipeline_count: number;
  pipeline_value: number;
  weighted_pipeline: number;
  won_count: number;
  campaigns: number;
  sent: number;
  opened: number;
  replied: number;
  meetings: number;
  open_rate: number | null;
  reply_rate: number | null;
}

export function computeFigures(threads: readonly ThreadFacts[]): Figures {
  const deals = threads.filter((t) => t.meta.type === 'sales-deal');
  const campaigns = threads.filter((t) => t.meta.type === 'sales-campaign');
  const won = deals.filter((t) => t.status === 'closed-won');
  const lost = deals.filter((t) => t.status === 'closed-lost');
  const open = deals.filter((t) => t.status === 'open');
  const wonArr = sum(won.map((t) => t.arr ?? 0));
  const cycles = won.flatMap((t) => (t.cycleDays === null ? [] : [t.cycleDays]));
  const margins = won.flatMap((t) => (t.margin === null ? [] : [t.margin]));
  const results = campaigns.map((t) => t.campaignResults ?? {});
  const count = (key: string): number => sum(results.map((r) => (typeof r[key] === 'number' ? (r[key] as number) : 0)));
  const sent = count('sent');
  return {
    deals: deals.length,
    open: open.length,
    won: won.length,
    lost: lost.length,
    stalled: deals.filter((t) => t.status === 'stalled').length,
    parked: deals.filter((t) => t.status === 'deferred' || t.status === 'rejected').length,
    win_rate: won.length + lost.length > 0 ? round2(won.length / (won.length + lost.length)) : null,
    won_arr: wonArr,
    mrr: Math.round(wonArr / 12),
    avg_deal_size: won.length > 0 ? Math.round(wonArr / won.length) : null,
    avg_cycle_days: cycles.length > 0 ? Math.round(sum(cycles) / cycles.length) : null,
    median_cycle_days: median(cycles),
    avg_margin: margins.length > 0 ? round2(sum(margins) / margins.length) : null,
    pipeline_count: open.length,
    pipeline_value: Math.round(sum(open.map((t) => t.arrPotential ?? 0))),
    weighted_pipeline: Math.round(sum(open.map((t) => (t.arrPotential ?? 0) * t.closeProbability))),
    won_count: won.length,
    campaigns: campaigns.length,
    sent,
    opened: count('opened'),
    replied: count('replied'),
    meetings: count('meetings'),
    open_rate: sent > 0 ? round2(count('opened') / sent) : null,
    reply_rate: sent > 0 ? round2(count('replied') / sent) : null,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
