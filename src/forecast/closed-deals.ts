import { lowerBound } from '../derive/sorted.js';
import type { ThreadFacts } from '../derive/thread-facts.js';
import type { ClosedDeals } from './calibrate.js';

/**
 * The workspace's closed deals as the calibration counts them, kept so a deal can be added
 * and taken out again (a watcher's cycle). Integer counts and a sorted list: the same
 * whatever order deals came and went in, so a warm watcher and a cold sync agree.
 */
export class ClosedDealTally implements ClosedDeals {
  won = 0;
  readonly lostReached = new Map<string, number>();
  readonly cycles: number[] = [];
  /** Bumped on every change: a forecast computed at one version is valid until the next. */
  version = 0;

  add(t: ThreadFacts): void {
    this.apply(t, 1);
  }

  remove(t: ThreadFacts): void {
    this.apply(t, -1);
  }

  private apply(t: ThreadFacts, sign: 1 | -1): void {
    if (t.meta.type !== 'sales-deal' || (t.status !== 'closed-won' && t.status !== 'closed-lost')) return;
    this.version += 1;
    if (t.status === 'closed-won') this.won += sign;
    else {
      const stage = t.reachedStage ?? 'lead';
      const count = (this.lostReached.get(stage) ?? 0) + sign;
      if (count > 0) this.lostReached.set(stage, count);
      else this.lostReached.delete(stage);
    }
    if (t.cycleDays !== null) {
      const at = lowerBound(this.cycles, t.cycleDays);
      if (sign > 0) this.cycles.splice(at, 0, t.cycleDays);
      else if (this.cycles[at] === t.cycleDays) this.cycles.splice(at, 1);
    }
  }
}

/** The tally of a list of threads, for a one-off computation (a report). */
export function tallyClosedDeals(threads: readonly ThreadFacts[]): ClosedDealTally {
  const tally = new ClosedDealTally();
  for (const t of threads) tally.add(t);
  return tally;
}
