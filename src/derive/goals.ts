import type { GoalForecast } from '../forecast/goal-forecast.js';
import { MONEY_METRICS, type Goal, type GoalMetricName } from '../schema/goal.js';
import { cents } from '../schema/money.js';
import { round2 } from './assumptions.js';
import { FigureSums } from './figure-sums.js';
import { figuresOf, WON_ARR_FIGURES, type Figures } from './metrics.js';
import { daysBetween, type ThreadFacts } from './thread-facts.js';

export type GoalStatus = 'active' | 'achieved' | 'missed' | 'abandoned';
/** A subgoal's status: `missed` once its goal's deadline has passed with its target unmet (docs/derivation.md). */
export type SubgoalStatus = 'pending' | 'in_progress' | 'completed' | 'blocked' | 'missed';
export type Trajectory = 'achieved' | 'ahead' | 'on-track' | 'behind' | 'missed' | 'abandoned';

export interface MetricState {
  name: GoalMetricName;
  /** Exact, as the figures are (metrics.ts): progress and the goal's status are judged on it; the block rounds it. */
  current: number | null;
  target: number;
  baseline: number | null;
  /**
   * How far from the target, in the metric's unit; 0 once reached. Null while the metric
   * has no value (a win rate before any linked deal closed): a gap measured from nothing
   * would read as a shortfall. The goal's block, the report and its JSON all read it here,
   * exact as the value is: a win rate 0.0033 short is short, never a gap of 0.
   */
  gap: number | null;
  /** 0–1, how much of the way from baseline to target. */
  progress: number;
  /** On a won ARR figure (won_arr, mrr, avg_deal_size) only: the linked wins it leaves out for want of their ARR. */
  wonWithoutArr?: number;
  /**
   * The currency the target (or baseline) is written in, when it is not the workspace's: the
   * metric is then judged against nothing — gap null, progress 0, left out of the goal's
   * progress, and the goal is not achieved while it stands (check: amount-other-currency).
   */
  otherCurrency?: string;
}

export interface SubgoalState {
  id: string;
  title: string;
  metric: GoalMetricName;
  current: number | null;
  target: number;
  status: SubgoalStatus;
  threads: string[];
  /** As MetricState's: on a won ARR figure only. */
  wonWithoutArr?: number;
  /** As MetricState's: the target's currency, not the workspace's; the subgoal is then never completed by its value. */
  otherCurrency?: string;
}

export interface GoalState {
  id: string;
  title: string;
  deadline: string;
  asOf: string;
  status: GoalStatus;
  trajectory: Trajectory;
  /** Share of the time from created to deadline that has passed at `asOf`, 0–1. */
  elapsed: number;
  /**
   * How far the goal is, 0–1 ("% done"): its furthest-behind metric's progress. The goal
   * is achieved only when every metric is, so a met win rate does not carry a won ARR at
   * 8% along.
   */
  progress: number;
  metrics: MetricState[];
  subgoals: SubgoalState[];
  threads: string[];
  /** The Monte Carlo forecast of the deal-driven metrics at the deadline (docs/forecast.md); null when the goal has none or is abandoned. */
  forecast: GoalForecast | null;
}

/** Metrics where less is better: progress from the baseline down to the target, or with no baseline the target over the current value. */
const LOWER_IS_BETTER = new Set<GoalMetricName>(['avg_cycle_days']);

/**
 * Metrics that count open threads only: every thread leaves them when it closes, won or
 * lost, so closed threads are no sign of a block — a pipeline subgoal whose threads all
 * closed is waiting for open ones, as one with none linked is.
 */
const OPEN_THREADS_ONLY = new Set<GoalMetricName>(['pipeline_count', 'weighted_pipeline']);

/**
 * A goal's state from the threads linked to it. `asOf` is passed in — sync uses the
 * latest date written in the workspace's sources — so the same sources always give
 * the same state, on any day and any machine.
 */
export function deriveGoal(goal: Goal, threads: readonly ThreadFacts[], asOf: string, forecast: GoalForecast | null = null): GoalState {
  const linked = threads.filter((t) => t.meta.goal_id === goal.id);
  const group = (members: readonly ThreadFacts[]): GoalGroup => {
    const sums = new FigureSums();
    for (const t of members) sums.add(t);
    return { figures: figuresOf(sums), threads: members.map((t) => t.path).sort(), live: members.filter(isLive).length };
  };
  return goalState(goal, group(linked), (id) => group(linked.filter((t) => t.meta.subgoal === id)), asOf, forecast);
}

/** The threads linked to a goal or one of its subgoals, as a goal's state needs them. */
export interface GoalGroup {
  figures: Figures;
  /** Their paths, sorted. */
  threads: string[];
  /** How many are still open or active. */
  live: number;
}

/** A thread still under way counts towards a subgoal being in progress. */
export function isLive(t: ThreadFacts): boolean {
  return t.status === 'open' || t.status === 'active';
}

/** A goal's state from its linked threads' figures: the one computation for a cold sync and a warm watcher. */
export function goalState(goal: Goal, linked: GoalGroup, subgoal: (id: string) => GoalGroup, asOf: string, forecast: GoalForecast | null = null): GoalState {
  const metrics = goal.metrics.map((m): MetricState => {
    const state = { ...metricState(m.name, linked.figures[m.name], m.target, m.baseline ?? null), ...winsWithoutArr(m.name, linked.figures) };
    // €500k against the dollars the figures add is no comparison: no gap, no progress.
    return m.otherCurrency ? Object.assign(state, { gap: null, progress: 0, otherCurrency: m.otherCurrency }) : state;
  });
  const pastDeadline = asOf > goal.deadline;
  const subgoals = goal.subgoals.map((sg): SubgoalState => {
    const own = subgoal(sg.id);
    const current = own.figures[sg.metric];
    // Reached once is reached: a pipeline subgoal's deals leave it when they close, which
    // undoes no milestone. The goal file records the day (planSync, engine/sync-plan.ts).
    const reached = sg.reached !== undefined || (!sg.otherCurrency && subgoalReached(sg.metric, current, sg.target));
    const waiting = own.threads.length === 0 || (OPEN_THREADS_ONLY.has(sg.metric) && own.live === 0);
    // A subgoal has the goal's deadline: once it has passed unmet, the subgoal is missed,
    // whatever is still open (it read "in progress" beside a missed goal). An abandoned
    // goal's subgoals are left as they stood: nobody is held to its deadline any more.
    // Blocked when every linked thread is closed without reaching it, whatever they counted
    // (a campaign completed at 4 of 10 meetings, 2 of 3 wins): nothing under way moves it,
    // it needs a new thread. It read "in progress" while the value was above 0.
    const status: SubgoalStatus = reached ? 'completed' : pastDeadline && !goal.abandoned ? 'missed' : waiting ? 'pending' : own.live > 0 ? 'in_progress' : 'blocked';
    return { id: sg.id, title: sg.title, metric: sg.metric, current, target: sg.target, status, threads: own.threads, ...winsWithoutArr(sg.metric, own.figures), ...(sg.otherCurrency ? { otherCurrency: sg.otherCurrency } : {}) };
  });
  // The furthest-behind metric, not the mean: the mean counted a met win rate as 100% and
  // read 39% done beside a won ARR at 8% of its target. Each metric's progress is already
  // to two decimals and 1 only when met, so the goal's is 100% exactly when it is achieved.
  // A metric whose target is in another currency is judged against nothing: left out here,
  // it still keeps the goal from being achieved (its progress is 0) until it is written in ours.
  const judged = metrics.filter((m) => !m.otherCurrency);
  const progress = judged.length ? Math.min(...judged.map((m) => m.progress)) : 0;
  const span = Math.max(1, daysBetween(goal.created, goal.deadline));
  // On the deadline day all the time is gone, as it is for a longer goal on its last day:
  // a goal due the day it was created read 0% of the time gone, on track at 0% done.
  const elapsed = asOf >= goal.deadline ? 1 : round2(Math.min(1, Math.max(0, daysBetween(goal.created, asOf) / span)));
  const achieved = metrics.every((m) => m.progress >= 1);
  const status: GoalStatus = goal.abandoned ? 'abandoned' : achieved ? 'achieved' : pastDeadline ? 'missed' : 'active';
  return {
    id: goal.id,
    title: goal.title,
    deadline: goal.deadline,
    asOf,
    status,
    trajectory: status === 'active' ? trajectoryOf(progress, elapsed) : status,
    elapsed,
    progress,
    metrics,
    subgoals,
    threads: linked.threads,
    forecast,
  };
}

/**
 * Ahead 10 points or more, behind more than 10, else on track — in whole points: both are
 * to two decimals, and in floating point 0.2 + 0.1 is above 0.3, so 30% done at 20% of the
 * time read on-track, and 30% at 40% read behind.
 */
function trajectoryOf(progress: number, elapsed: number): Trajectory {
  const lead = Math.round(progress * 100) - Math.round(elapsed * 100);
  return lead >= 10 ? 'ahead' : lead >= -10 ? 'on-track' : 'behind';
}

/** Whether a subgoal's value reaches its target now. */
export function subgoalReached(metric: GoalMetricName, current: number | null, target: number): boolean {
  return metricState(metric, current, target, null).progress >= 1;
}

/**
 * How many wins a won ARR metric leaves out for want of their ARR, on that metric alone:
 * the state says so beside the value, as 13-metrics does (render-blocks.ts).
 */
function winsWithoutArr(name: GoalMetricName, figures: Figures): { wonWithoutArr?: number } {
  return WON_ARR_FIGURES.has(name) ? { wonWithoutArr: figures.won_without_arr } : {};
}

function metricState(name: GoalMetricName, current: number | null, target: number, baseline: number | null): MetricState {
  if (current === null) return { name, current, target, baseline, gap: null, progress: 0 };
  if (LOWER_IS_BETTER.has(name)) {
    const gap = Math.max(0, difference(name, current, target));
    // From the baseline down to the target; with no baseline there is no start to measure
    // the way down from (the current value as the start gave 0% until the target was met),
    // so progress is the target over the current value: 60 days against 75 is 80%.
    const progress = gap === 0 ? 1 : baseline === null ? target / current : baseline > target ? Math.max(0, (baseline - current) / (baseline - target)) : 0;
    return { name, current, target, baseline, gap, progress: gap === 0 ? 1 : shortOfTarget(progress) };
  }
  const start = baseline ?? 0;
  const gap = Math.max(0, difference(name, target, current));
  const progress = gap === 0 ? 1 : target > start ? Math.max(0, (current - start) / (target - start)) : 0;
  return { name, current, target, baseline, gap, progress: gap === 0 ? 1 : shortOfTarget(progress) };
}

/**
 * `a − b`; of money, in whole cents: 100,000 − 72,000.88 is 27,999.119999999995 in binary,
 * and the goal's gap read so in `--json`.
 */
function difference(name: GoalMetricName, a: number, b: number): number {
  return MONEY_METRICS.has(name) ? (cents(a) - cents(b)) / 100 : a - b;
}

/**
 * Progress to a target not yet met, to two decimals but never 1: a progress of 1 is the
 * target met (a goal achieved, a subgoal reached and recorded), and 498,000 of 500,000
 * rounded up to it while the gap was 2,000 and the forecast, comparing the value itself
 * with the target, gave it 0%.
 */
function shortOfTarget(progress: number): number {
  return Math.min(0.99, round2(progress));
}
