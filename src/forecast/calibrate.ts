import { lowerBound } from '../derive/sorted.js';
import { configuredStageRank } from '../derive/thread-facts.js';

/**
 * Calibration: the probability that an open deal at a stage is won, and the chance it
 * closes by a date given how old it is — both from the workspace's closed deals, pulled
 * toward configured values while there are few of them. docs/forecast.md has the formulas.
 */

export interface StageSetting {
  name: string;
  probability: number;
}

/** Closed deals, as the calibration needs them. Kept incrementally by the derivation. */
export interface ClosedDeals {
  /** Deals closed won (each counts as having reached every stage). */
  won: number;
  /** Deals closed lost, by the furthest pipeline stage they reached. */
  lostReached: ReadonlyMap<string, number>;
  /** Days from creation to close of every closed deal (won and lost), sorted ascending. */
  cycles: readonly number[];
}

export interface StageCalibration {
  stage: string;
  /** The probability in threadwork.config.yaml (pipeline.stages): the prior mean. */
  configured: number;
  /** Closed deals that reached this stage, and how many of them were won. */
  closed: number;
  won: number;
  /** Posterior mean: (won + k·configured) / (closed + k). */
  probability: number;
}

/**
 * Beta–binomial shrinkage. The configured probability p0 is the mean of a Beta(k·p0,
 * k·(1−p0)) prior worth k closed deals; after w wins in n closed deals the posterior mean
 * is (w + k·p0) / (n + k): p0 with none, the observed w/n as n grows past k.
 */
export function shrunkProbability(won: number, closed: number, configured: number, strength: number): number {
  return (won + strength * configured) / (closed + strength);
}

/**
 * Each configured stage's win probability calibrated on the closed deals that reached it:
 * the won deals plus the lost deals whose furthest stage is this one or a later one. A
 * furthest stage the config lacks (taken out) ranks as the configured stage before it, as in
 * the pipeline report's funnel — the lost deal still counts at lead, never at no stage.
 */
export function calibrateStages(stages: readonly StageSetting[], closed: ClosedDeals, strength: number): StageCalibration[] {
  const rank = configuredStageRank(stages.map((s) => s.name));
  return stages.map((s, i) => {
    let lost = 0;
    for (const [stage, count] of closed.lostReached) if (rank(stage) >= i) lost += count;
    const n = closed.won + lost;
    return { stage: s.name, configured: s.probability, closed: n, won: closed.won, probability: shrunkProbability(closed.won, n, s.probability, strength) };
  });
}

/**
 * The cycle time T (whole days from creation to close) as the posterior predictive of a
 * Dirichlet process: the n observed cycles, each weighted 1, plus a prior worth `strength`
 * deals — an exponential with mean `priorDays`, floored to whole days. Its survival:
 *
 *   G(t) = P(T ≥ t) = (strength·e^(−t/priorDays) + #{cycles ≥ t}) / (strength + n)
 *
 * With no closed deal it is the prior alone; as closed deals accumulate it becomes their
 * empirical distribution. The prior's tail is what answers a deal older than every
 * observed cycle: it still closes, at the prior's (memoryless) rate.
 */
export class CycleModel {
  constructor(
    readonly cycles: readonly number[],
    readonly priorDays: number,
    readonly strength: number,
  ) {}

  /** P(T ≥ t). */
  atLeast(t: number): number {
    return (this.strength * Math.exp(-Math.max(0, t) / this.priorDays) + (this.cycles.length - lowerBound(this.cycles, t))) / (this.strength + this.cycles.length);
  }

  /**
   * P(T ≤ age + horizon | T ≥ age): a deal open at `age` days closes within the next
   * `horizon` days (the last one included). 0 when the horizon is negative (past the deadline).
   */
  closeWithin(age: number, horizon: number): number {
    if (horizon < 0) return 0;
    const alive = this.atLeast(age);
    if (alive <= 0) return 1;
    return Math.min(1, Math.max(0, (alive - this.atLeast(age + horizon + 1)) / alive));
  }
}
