import type { ThreadFacts } from '../derive/thread-facts.js';
import type { GoalDraws } from './goal-draws.js';
import { cohortOdds, type Calibration, type Cohort, type CohortOdds } from './goal-forecast.js';
import type { DealChance } from './simulate.js';

/**
 * One goal's open deals, kept between derivations, grouped by cohort — a deal's odds depend
 * on its stage and creation date alone, given the calibration, the as-of date and the
 * deadline. Bringing the goal's draws up to date then costs what moved:
 *
 * - the deals set or taken out since (a save, a deal closed or reopened);
 * - when the calibration moved (any deal closed anywhere) or the date did, the odds of each
 *   cohort — a few hundred, not the 10,000 deals — and the deals of the cohorts whose odds
 *   changed (whole percents: one more closed deal among thousands rarely moves one).
 *
 * The draws are those a cold run makes from the same deals (forecast/draws.ts: each deal's
 * draws are a function of its path and odds), so a watcher and a sync agree.
 */
export class GoalPipeline {
  private readonly deals = new Map<string, ThreadFacts>();
  /** Cohort key → the cohort and the paths of its deals. */
  private readonly cohorts = new Map<string, { cohort: Cohort; paths: Set<string> }>();
  /** Paths set or taken out since the draws were last fed. */
  private readonly moved = new Set<string>();
  /** Each cohort's odds under `oddsUnder`. */
  private odds = new Map<string, CohortOdds>();
  private oddsUnder: { calibration: Calibration; asOf: string; deadline: string } | undefined;
  /** The draws last fed: other draws (new settings) take every deal. */
  private fed: GoalDraws | undefined;

  /** Open deals. */
  get size(): number {
    return this.deals.size;
  }

  set(deal: ThreadFacts): void {
    const before = this.deals.get(deal.path);
    if (before) this.leave(before);
    this.deals.set(deal.path, deal);
    const key = cohortKey(deal);
    let members = this.cohorts.get(key);
    if (!members) this.cohorts.set(key, (members = { cohort: { stage: deal.pipelineStage, created: deal.meta.created }, paths: new Set() }));
    members.paths.add(deal.path);
    this.moved.add(deal.path);
  }

  delete(path: string): void {
    const before = this.deals.get(path);
    if (!before) return;
    this.leave(before);
    this.deals.delete(path);
    this.moved.add(path);
  }

  /** Brings `draws` to these deals at their odds under the calibration, as of `asOf`, for `deadline`. */
  feed(draws: GoalDraws, calibration: Calibration, asOf: string, deadline: string): void {
    const under = this.oddsUnder;
    let previous: Map<string, CohortOdds> | undefined;
    if (!under || under.calibration !== calibration || under.asOf !== asOf || under.deadline !== deadline) {
      previous = this.odds;
      this.odds = new Map();
      this.oddsUnder = { calibration, asOf, deadline };
      for (const [key, { cohort }] of this.cohorts) this.odds.set(key, this.oddsOf(cohort));
    }
    if (draws !== this.fed) {
      draws.update([...this.deals.values()].map((deal) => this.chance(deal)));
      this.fed = draws;
      this.moved.clear();
      return;
    }
    const redraw = new Set(this.moved);
    if (previous) {
      for (const [key, { paths }] of this.cohorts) {
        const was = previous.get(key);
        const now = this.odds.get(key)!;
        if (!was || was.pWon !== now.pWon || was.pClosed !== now.pClosed) for (const path of paths) redraw.add(path);
      }
    }
    const chances: DealChance[] = [];
    const gone: string[] = [];
    for (const path of redraw) {
      const deal = this.deals.get(path);
      if (deal) chances.push(this.chance(deal));
      else gone.push(path);
    }
    draws.updateSome(chances, gone);
    this.moved.clear();
  }

  private chance(deal: ThreadFacts): DealChance {
    const key = cohortKey(deal);
    let odds = this.odds.get(key);
    if (!odds) this.odds.set(key, (odds = this.oddsOf(this.cohorts.get(key)!.cohort)));
    return { path: deal.path, pWon: odds.pWon, pClosed: odds.pClosed, value: deal.arrPotential };
  }

  private oddsOf(cohort: Cohort): CohortOdds {
    const { calibration, asOf, deadline } = this.oddsUnder!;
    return cohortOdds(cohort, calibration, asOf, deadline);
  }

  /** Takes a deal out of its cohort (and the cohort's odds with the cohort's last deal). */
  private leave(deal: ThreadFacts): void {
    const key = cohortKey(deal);
    const members = this.cohorts.get(key);
    if (!members) return;
    members.paths.delete(deal.path);
    if (members.paths.size === 0) {
      this.cohorts.delete(key);
      this.odds.delete(key);
    }
  }
}

/** A cohort as a key: stage and creation date (a stage name holds no NUL). */
const cohortKey = (deal: ThreadFacts): string => `${deal.pipelineStage ?? ''}\0${deal.meta.created}`;
