import type { Config } from '../schema/config.js';
import type { Goal } from '../schema/goal.js';
import { daysBetween, type ThreadFacts } from '../derive/thread-facts.js';
import { calibrateStages, CycleModel, type ClosedDeals, type StageCalibration } from './calibrate.js';
import { GoalDraws } from './goal-draws.js';
import { isForecastMetric, type ForecastMetric } from './metrics.js';
import type { Base, MetricDistribution } from './simulate.js';

export type ForecastSettings = Config['forecast'];

/** Stage probabilities and the cycle-time model, calibrated on the workspace's closed deals. */
export interface Calibration {
  stages: StageCalibration[];
  cycle: CycleModel;
}

export function calibrate(stages: Config['pipeline']['stages'], closed: ClosedDeals, settings: ForecastSettings): Calibration {
  return {
    stages: calibrateStages(stages, closed, settings.prior_strength),
    // The tally's list changes in place as deals come and go: the model keeps its own copy.
    cycle: new CycleModel([...closed.cycles], settings.cycle_days, settings.cycle_prior_strength),
  };
}

/** An open deal's chances at the deadline. */
export interface DealOdds {
  path: string;
  stage: string | null;
  /** ARR if won (the midpoint of arr_potential); 0 when the deal gives none. */
  value: number;
  /** Days open at the as-of date. */
  age: number;
  /** Calibrated probability the deal is won (its stage's), in whole percents. */
  pStage: number;
  /** P(it closes, won or lost, by the deadline | still open at its age), in whole percents. */
  pClosed: number;
  /** pStage × pClosed: P(it is won by the deadline). */
  pWon: number;
}

export interface MetricForecast extends MetricDistribution {
  name: ForecastMetric;
  target: number;
}

/** A goal's forecast as written into its state: what the deals the workspace holds would bring by the deadline. */
export interface GoalForecast {
  asOf: string;
  deadline: string;
  draws: number;
  seed: number;
  /** Open deals linked to the goal that the draws include. */
  openDeals: number;
  metrics: MetricForecast[];
}

/** The totals already closed among the goal's linked deals. */
export interface ClosedSoFar {
  won: number;
  wonArr: number;
  lost: number;
}

/** Everything one goal's run used and produced: the report replays it for the deals' swings. */
export interface GoalRun {
  forecast: GoalForecast;
  odds: DealOdds[];
  base: Base;
  draws: GoalDraws;
}

const percent = (p: number): number => Math.round(p * 100) / 100;

/**
 * The chances of each open deal, in the order given. Both probabilities are rounded to whole
 * percents: far below what 10,000 draws resolve (±1 point), and it lets a watcher redraw only
 * the deals whose odds really moved when one more closed deal nudges the calibration.
 */
export function dealOdds(open: readonly ThreadFacts[], calibration: Calibration, asOf: string, deadline: string): DealOdds[] {
  const probability = new Map(calibration.stages.map((s) => [s.stage, s.probability]));
  const horizon = daysBetween(asOf, deadline);
  return open.map((t) => {
    const age = Math.max(0, daysBetween(t.meta.created, asOf));
    const pStage = percent((t.pipelineStage && probability.get(t.pipelineStage)) || 0);
    const pClosed = percent(calibration.cycle.closeWithin(age, horizon));
    // Two whole percents multiply to at most four decimals: rounding there only drops float noise.
    return { path: t.path, stage: t.pipelineStage, value: t.arrPotential ?? 0, age, pStage, pClosed, pWon: Math.round(pStage * pClosed * 10_000) / 10_000 };
  });
}

/**
 * The Monte Carlo forecast of a goal's deal-driven metrics at its deadline; null when the
 * goal has none of them (or is abandoned). `linked` are the goal's threads (any kind, any
 * status): its open deals are drawn, its closed ones are the starting totals. `previous`, when
 * given, is the goal's previous run, updated in place (only the deals whose odds moved).
 */
export function runGoalForecast(
  goal: Goal,
  closed: ClosedSoFar,
  linked: readonly ThreadFacts[],
  calibration: Calibration,
  asOf: string,
  settings: ForecastSettings,
  previous?: GoalDraws,
): GoalRun | null {
  const metrics = goal.metrics.filter((m): m is typeof m & { name: ForecastMetric } => isForecastMetric(m.name));
  if (metrics.length === 0 || goal.abandoned) return null;
  const open = linked.filter((t) => t.meta.type === 'sales-deal' && t.status === 'open');
  const odds = dealOdds(open, calibration, asOf, goal.deadline);
  const draws = previous && previous.draws === settings.draws && previous.seed === settings.seed ? previous : new GoalDraws(settings.draws, settings.seed);
  draws.update(odds);
  const base: Base = { won: closed.won, wonCents: Math.round(closed.wonArr * 100), lost: closed.lost };
  const forecast: GoalForecast = {
    asOf,
    deadline: goal.deadline,
    draws: settings.draws,
    seed: settings.seed,
    openDeals: open.length,
    metrics: metrics.map((m) => ({ name: m.name, target: m.target, ...draws.distribution(m.name, m.target, base) })),
  };
  return { forecast, odds, base, draws };
}
