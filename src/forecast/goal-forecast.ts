import type { Config } from '../schema/config.js';
import type { Goal } from '../schema/goal.js';
import { daysBetween, type ThreadFacts } from '../derive/thread-facts.js';
import { cents } from '../schema/money.js';
import { roundHalfUp } from '../scoring/numbers.js';
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
  /** ARR if won (the midpoint of arr_potential); null when the deal gives none (won, a win without ARR). */
  value: number | null;
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
  /** The ARR of the won deals that record it. */
  wonArr: number;
  lost: number;
  /** Of `won`, the deals without their ARR (the state's won_without_arr). */
  wonWithoutArr: number;
}

/** The totals a goal's state figures count as closed: where its forecast starts. */
export function closedSoFar(figures: { won: number; won_arr: number; lost: number; won_without_arr: number }): ClosedSoFar {
  return { won: figures.won, wonArr: figures.won_arr, lost: figures.lost, wonWithoutArr: figures.won_without_arr };
}

/** Everything one goal's run used and produced: the report replays it for the deals' swings. */
export interface GoalRun {
  forecast: GoalForecast;
  odds: DealOdds[];
  base: Base;
  draws: GoalDraws;
}

// Half up as on paper, as the calibration table prints it: 23 / 40 = 0.575 is 58%, where
// Math.round of its binary 57.4999… drew the deal at 57%.
const percent = (p: number): number => roundHalfUp(p, 2);

/** What an open deal's odds depend on besides the calibration, the as-of date and the deadline. */
export interface Cohort {
  stage: string | null;
  created: string;
}

/** The odds of every open deal of a cohort (one stage, one creation date). */
export interface CohortOdds {
  age: number;
  pStage: number;
  pClosed: number;
  pWon: number;
}

/**
 * The chances of the open deals of one cohort. Both probabilities are rounded to whole
 * percents: far below what 10,000 draws resolve (±1 point), and it lets a watcher redraw only
 * the deals whose odds really moved when one more closed deal nudges the calibration.
 */
export function cohortOdds(cohort: Cohort, calibration: Calibration, asOf: string, deadline: string): CohortOdds {
  const age = Math.max(0, daysBetween(cohort.created, asOf));
  let probability = 0;
  // The last of a name, as a Map of the stages would give (names are unique in a valid config).
  if (cohort.stage) for (const s of calibration.stages) if (s.stage === cohort.stage) probability = s.probability;
  const pStage = percent(probability || 0);
  const pClosed = percent(calibration.cycle.closeWithin(age, daysBetween(asOf, deadline)));
  // Two whole percents multiply to at most four decimals: rounding there only drops float noise.
  return { age, pStage, pClosed, pWon: Math.round(pStage * pClosed * 10_000) / 10_000 };
}

/** The chances of each open deal, in the order given. */
export function dealOdds(open: readonly ThreadFacts[], calibration: Calibration, asOf: string, deadline: string): DealOdds[] {
  return open.map((t) => ({ path: t.path, stage: t.pipelineStage, value: t.arrPotential, ...cohortOdds({ stage: t.pipelineStage, created: t.meta.created }, calibration, asOf, deadline) }));
}

/** A goal's open deals: the deals among its linked threads still open. */
export const isOpenDeal = (t: ThreadFacts): boolean => t.meta.type === 'sales-deal' && t.status === 'open';

/** The goal's metrics a forecast answers; none for an abandoned goal. */
export function forecastMetrics(goal: Goal): (Goal['metrics'][number] & { name: ForecastMetric })[] {
  if (goal.abandoned) return [];
  // A target in another currency than the workspace's has no chance worth drawing: the draws are in ours.
  return goal.metrics.filter((m): m is typeof m & { name: ForecastMetric } => isForecastMetric(m.name) && !m.otherCurrency);
}

/** A goal's forecast of `metrics` (its forecastMetrics) from its draws, brought up to date with its open deals. */
export function goalForecast(
  goal: Goal,
  metrics: ReturnType<typeof forecastMetrics>,
  closed: ClosedSoFar,
  draws: GoalDraws,
  openDeals: number,
  asOf: string,
  settings: ForecastSettings,
): { forecast: GoalForecast; base: Base } {
  const base: Base = { won: closed.won, wonCents: cents(closed.wonArr), lost: closed.lost, wonWithoutArr: closed.wonWithoutArr };
  const forecast: GoalForecast = {
    asOf,
    deadline: goal.deadline,
    draws: settings.draws,
    seed: settings.seed,
    openDeals,
    metrics: metrics.map((m) => ({ name: m.name, target: m.target, ...draws.distribution(m.name, m.target, base) })),
  };
  return { forecast, base };
}

/** The goal's draws to update: the ones kept when drawn with the same settings, else new ones. */
export function drawsFor(settings: ForecastSettings, previous: GoalDraws | undefined): GoalDraws {
  return previous && previous.draws === settings.draws && previous.seed === settings.seed ? previous : new GoalDraws(settings.draws, settings.seed);
}

/**
 * The Monte Carlo forecast of a goal's deal-driven metrics at its deadline; null when the
 * goal has none of them (or is abandoned). `linked` are the goal's threads (any kind, any
 * status): its open deals are drawn, its closed ones are the starting totals. `previous`, when
 * given, is the goal's previous run, updated in place (only the deals whose odds moved). A
 * watcher's derivation keeps each goal's open deals by cohort instead (goal-pipeline.ts).
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
  const metrics = forecastMetrics(goal);
  if (metrics.length === 0) return null;
  const open = linked.filter(isOpenDeal);
  const odds = dealOdds(open, calibration, asOf, goal.deadline);
  const draws = drawsFor(settings, previous);
  draws.update(odds);
  const { forecast, base } = goalForecast(goal, metrics, closed, draws, open.length, asOf, settings);
  return { forecast, odds, base, draws };
}
