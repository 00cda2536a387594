/**
 * Win/loss analysis over closed deals: how often we win, what a won deal is worth and
 * how long it takes, which groups win more or less than average (and so what the ICP
 * should favour), why we lose, who buys, and which qualification cut-off would have
 * separated wins from losses. Deals that are neither closed-won nor closed-lost are
 * counted as `ignored`. Every field but `path` and `outcome` may be missing; a
 * missing value is left out of averages and grouped as `unknown`, never read as 0.
 */

import { formatFixed, formatPercent } from '../derive/format.js';
import { buyerPersonas, type BuyerPersonas } from './buyer-personas.js';
import { bestQualificationThreshold, type QualificationThreshold } from './qualification-threshold.js';
import { averageAmount, groupKey, groupPatterns, groupValue, revenueBand, UNKNOWN, type GroupPattern, type PatternDimension } from './win-loss-groups.js';

export interface WinLossDeal {
  path: string;
  outcome: 'closed-won' | 'closed-lost';
  arr?: number | null | undefined;
  cycleDays?: number | null | undefined;
  segment?: string | null | undefined;
  source?: string | null | undefined;
  industry?: string | null | undefined;
  /** A number or money text (`$25M`, `10M-50M`), as in a deal's Stage 1 `company.revenue`. */
  revenue?: number | string | null | undefined;
  lossReason?: string | null | undefined;
  contacts?: readonly { title?: string | null | undefined }[] | null | undefined;
  qualificationScore?: number | null | undefined;
}

export interface WinLossOptions {
  /** Smallest group reported in the patterns (default 3). */
  minDeals?: number | undefined;
  /** How far a group's win rate must sit above (focus) or below (deprioritize) the overall rate; default 0.15 each. */
  thresholds?: { focus?: number | undefined; deprioritize?: number | undefined } | undefined;
}

export interface LossReasonShare {
  /** As written (trimmed, single spaces), in the group's most common spelling; `unspecified` when none is given. */
  reason: string;
  deals: number;
  /** Of lost deals. */
  share: number;
}

export interface IcpRecommendation {
  action: 'focus' | 'deprioritize';
  dimension: PatternDimension;
  value: string;
  winRate: number;
  lift: number;
  confidence: number;
  message: string;
}

export interface WinLossAnalysis {
  deals: number;
  won: number;
  lost: number;
  ignored: number;
  winRate: number | null;
  averageWonArr: number | null;
  /** Won deals without an `arr`: counted as won, left out of `averageWonArr` (never read as 0), and said so beside it. */
  wonWithoutArr: number;
  averageWonCycleDays: number | null;
  patterns: Record<PatternDimension, GroupPattern[]>;
  lossReasons: LossReasonShare[];
  recommendations: IcpRecommendation[];
  personas: BuyerPersonas;
  qualificationThreshold: QualificationThreshold | null;
}

export const DEFAULT_MIN_DEALS = 3;
export const DEFAULT_LIFT_THRESHOLD = 0.15;
/** A lost deal without a reason is still a loss: it is counted under this reason, so shares add up to 1. */
export const UNSPECIFIED_REASON = 'unspecified';

const DIMENSION_LABEL: Record<PatternDimension, string> = { industry: 'industry', revenueBand: 'revenue band', segment: 'segment', source: 'source' };

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const mean = (values: readonly number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
// Rates and shares are kept exact: the reports round them once, to a whole percent, as the
// pipeline report, the metrics and the goals do. Rounded here to 3 decimals first, 5 won of
// 11 (45.45%) became 0.455 and printed "46%" beside the pipeline's "45%".

export function analyzeWinLoss(deals: readonly WinLossDeal[] | null | undefined, options: WinLossOptions = {}): WinLossAnalysis {
  const all = (deals ?? []).filter((d) => d && typeof d === 'object');
  const closed = all.filter((d) => d.outcome === 'closed-won' || d.outcome === 'closed-lost');
  const won = closed.filter((d) => d.outcome === 'closed-won');
  const lost = closed.filter((d) => d.outcome === 'closed-lost');
  const minDeals = Math.max(1, Math.floor(options.minDeals ?? DEFAULT_MIN_DEALS));
  const overall = closed.length ? won.length / closed.length : null;

  const dimension = (read: (d: WinLossDeal) => string): GroupPattern[] =>
    overall === null ? [] : groupPatterns(closed.map((d) => ({ won: d.outcome === 'closed-won', arr: finite(d.arr), value: read(d) })), overall, minDeals);
  const patterns: Record<PatternDimension, GroupPattern[]> = {
    industry: dimension((d) => groupValue(d.industry)),
    revenueBand: dimension((d) => revenueBand(d.revenue)),
    segment: dimension((d) => groupValue(d.segment)),
    source: dimension((d) => groupValue(d.source)),
  };

  return {
    deals: closed.length,
    won: won.length,
    lost: lost.length,
    ignored: all.length - closed.length,
    winRate: overall,
    averageWonArr: averageAmount(won.map((d) => finite(d.arr)).filter((v): v is number => v !== null)),
    wonWithoutArr: won.filter((d) => finite(d.arr) === null).length,
    // Exact, as README says of every report's days in --json (the text prints whole days).
    averageWonCycleDays: mean(won.map((d) => finite(d.cycleDays)).filter((v): v is number => v !== null)),
    patterns,
    lossReasons: lossReasons(lost),
    recommendations: overall === null ? [] : recommend(patterns, overall, options.thresholds),
    personas: buyerPersonas(won.map((d) => (Array.isArray(d.contacts) ? d.contacts : []))),
    qualificationThreshold: bestQualificationThreshold(
      closed.flatMap((d) => {
        const score = finite(d.qualificationScore);
        return score === null ? [] : [{ won: d.outcome === 'closed-won', score }];
      }),
    ),
  };
}

/**
 * Reasons matched lightly (case, spaces, a trailing full stop), most common first. The
 * match key is lower case only to group: each reason is shown as the user wrote it, in
 * its most common spelling (the first written on a tie), since "CFO" or "SOC 2" read
 * wrong in lower case.
 */
function lossReasons(lost: readonly WinLossDeal[]): LossReasonShare[] {
  const groups = new Map<string, { deals: number; spellings: Map<string, number> }>();
  for (const deal of lost) {
    const written = typeof deal.lossReason === 'string' && groupKey(deal.lossReason) ? deal.lossReason.trim().replace(/\s+/g, ' ') : UNSPECIFIED_REASON;
    const key = groupKey(written);
    const group = groups.get(key) ?? { deals: 0, spellings: new Map<string, number>() };
    group.deals += 1;
    group.spellings.set(written, (group.spellings.get(written) ?? 0) + 1);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ deals, spellings }) => ({ reason: mostCommon(spellings), deals, share: deals / lost.length }))
    .sort((a, b) => b.deals - a.deals || a.reason.localeCompare(b.reason));
}

/** The key counted most often; on a tie the first inserted (a Map keeps insertion order). */
function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/**
 * Focus on groups whose win rate is at least `focus` above the overall rate;
 * deprioritize those at least `deprioritize` below. `unknown` groups are left out: there
 * is nothing to target. Focus first (largest lift first), then deprioritize (largest drop first).
 */
function recommend(patterns: Record<PatternDimension, GroupPattern[]>, overall: number, thresholds: WinLossOptions['thresholds']): IcpRecommendation[] {
  const focus = thresholds?.focus ?? DEFAULT_LIFT_THRESHOLD;
  const deprioritize = thresholds?.deprioritize ?? DEFAULT_LIFT_THRESHOLD;
  const out: IcpRecommendation[] = [];
  for (const [dimension, groups] of Object.entries(patterns) as [PatternDimension, GroupPattern[]][]) {
    for (const g of groups) {
      if (g.value === UNKNOWN) continue;
      // Compare unrounded rates: a lift of exactly the threshold counts.
      const lift = g.won / g.deals - overall;
      const action = lift >= focus - 1e-9 ? 'focus' : lift <= -deprioritize + 1e-9 ? 'deprioritize' : undefined;
      if (!action) continue;
      const verb = action === 'focus' ? 'Focus on' : 'Deprioritize';
      out.push({
        action,
        dimension,
        value: g.value,
        winRate: g.winRate,
        lift: g.lift,
        confidence: g.confidence,
        // Two decimals, as the table of groups above it and every confidence threadwork prints: `0.5` here read as another figure than its row's `0.50`.
        message: `${verb} ${DIMENSION_LABEL[dimension]} "${g.value}": won ${g.won} of ${g.deals} (${formatPercent(g.winRate)}) against ${formatPercent(overall)} overall (confidence ${formatFixed(g.confidence)}).`,
      });
    }
  }
  return out.sort((a, b) => (a.action === b.action ? (a.action === 'focus' ? b.lift - a.lift : a.lift - b.lift) : a.action === 'focus' ? -1 : 1));
}
