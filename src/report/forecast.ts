import { computeFigures } from '../derive/metrics.js';
import type { DerivedWorkspace } from '../derive/workspace.js';
import { calibrate, closedSoFar, dealSwing, runGoalForecast, tallyClosedDeals, type DealOdds, type ForecastMetric, type GoalForecast, type GoalRun, type StageCalibration } from '../forecast/index.js';
import { goalsOf, type WorkspaceModel } from '../workspace/model.js';

/** How many deals `report forecast` lists per goal. */
export const FORECAST_REPORT_DEALS = 10;

/** An open deal with how much it moves its goal's chance. */
export interface DealSwing extends DealOdds {
  /**
   * P(target | it closes won by the deadline) − P(target | it closes lost): −1 to 1. Negative
   * only on avg_deal_size, where winning a small deal pulls the average down.
   */
  swing: number;
  /**
   * false when the deal's pipeline stage is not in `pipeline.stages` (taken out, renamed):
   * its P(win) is 0 for that reason alone, said beside the stage as `report pipeline` does
   * (check: pipeline-stage-unconfigured). Absent on a configured stage.
   */
  stageConfigured?: false;
}

export interface GoalForecastRow {
  id: string;
  title: string;
  /** The metric the deals are ranked on: the goal's first deal-driven metric still in doubt (chance strictly between 0 and 1), else its first. */
  metric: ForecastMetric;
  forecast: GoalForecast;
  /** The open deals that move the chance of `metric`'s target most, at most FORECAST_REPORT_DEALS. */
  deals: DealSwing[];
  /** The goal's open deals left out of `deals` by that cap (each moves the chance no more than the last listed). */
  moreDeals: number;
}

export interface ForecastReport {
  asOf: string;
  calibration: {
    priorStrength: number;
    cycleDays: number;
    cyclePriorStrength: number;
    /** Closed deals (won + lost) the calibration counts, and how many of them have a cycle time. */
    closedDeals: number;
    cycles: number;
    stages: StageCalibration[];
  };
  goals: GoalForecastRow[];
  /** Goals in goals/, with a forecast or not: 0 says there is no goal yet, not that none has a deal-driven metric. */
  goalCount: number;
}

/** Every goal's forecast run as of a date, from the derived threads (a report is live: as of today). */
export function forecastRuns(model: WorkspaceModel, derived: DerivedWorkspace, asOf: string): Map<string, GoalRun> {
  const settings = model.config.forecast;
  const calibration = calibrate(model.config.pipeline.stages, tallyClosedDeals(derived.threads), settings);
  const runs = new Map<string, GoalRun>();
  for (const goal of goalsOf(model)) {
    const linked = derived.threads.filter((t) => t.meta.goal_id === goal.id);
    const figures = computeFigures(linked);
    const run = runGoalForecast(goal, closedSoFar(figures), linked, calibration, asOf, settings);
    if (run) runs.set(goal.id, run);
  }
  return runs;
}

/**
 * The forecast of every goal with deal-driven metrics and the deals that move it most: each
 * open deal's swing (forecast/swing.ts) on the goal's first such metric still in doubt — a
 * target already certain or out of reach moves for no deal — largest first, by size: a
 * small deal whose win would sink an average deal size target moves the chance as much as
 * a large one that would lift it, the other way (its swing is negative); ties
 * (a count target moves by one deal like any other) by the deal's chance to be won by the
 * deadline × its value, then by path.
 */
export function forecastReport(model: WorkspaceModel, derived: DerivedWorkspace, asOf: string): ForecastReport {
  const settings = model.config.forecast;
  const tally = tallyClosedDeals(derived.threads);
  const calibration = calibrate(model.config.pipeline.stages, tally, settings);
  const runs = forecastRuns(model, derived, asOf);
  const configured = new Set(model.config.pipeline.stages.map((s) => s.name));
  const goals = goalsOf(model).flatMap((goal): GoalForecastRow[] => {
    const run = runs.get(goal.id);
    const first = run?.forecast.metrics.find((m) => m.pTarget > 0 && m.pTarget < 1) ?? run?.forecast.metrics[0];
    if (!run || !first) return [];
    const ranked = run.odds
      .map((o): DealSwing => {
        const draw = run.draws.deal(o.path);
        const swing = draw ? dealSwing(draw, run.draws.outcomes.keys, run.draws.outcomes, run.base, first.name, first.target) : 0;
        return { ...o, swing, ...(o.stage !== null && !configured.has(o.stage) ? { stageConfigured: false as const } : {}) };
      })
      .sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing) || b.pWon * (b.value ?? 0) - a.pWon * (a.value ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const deals = ranked.slice(0, FORECAST_REPORT_DEALS);
    return [{ id: goal.id, title: goal.title, metric: first.name, forecast: run.forecast, deals, moreDeals: ranked.length - deals.length }];
  });
  return {
    asOf,
    calibration: {
      priorStrength: settings.prior_strength,
      cycleDays: settings.cycle_days,
      cyclePriorStrength: settings.cycle_prior_strength,
      closedDeals: tally.won + [...tally.lostReached.values()].reduce((a, b) => a + b, 0),
      cycles: tally.cycles.length,
      stages: calibration.stages,
    },
    goals,
    goalCount: goalsOf(model).length,
  };
}
