import { dealKey, DrawTotals, type DealDraw } from './draws.js';
import { dealDrawWithKey, distribution, type Base, type DealChance, type MetricDistribution } from './simulate.js';
import type { ForecastMetric } from './metrics.js';

/**
 * A goal's draws kept between derivations: per open deal what it was drawn with, and the
 * totals. An update redraws only the deals whose odds moved (O(draws) each) — a watcher's
 * cycle after one save costs the deals it touched, not the pipeline — and starts over when
 * most of them moved (a new as-of date ages every deal).
 */
export class GoalDraws {
  private totals: DrawTotals;
  /** Per deal path, what it was drawn with and the update that last saw it. */
  private readonly deals = new Map<string, { draw: DealDraw; seen: number }>();
  private generation = 0;
  /** Distributions computed on the current totals, by metric, target and base; emptied when a deal moves. */
  private readonly memo = new Map<string, MetricDistribution>();

  constructor(
    readonly draws: number,
    readonly seed: number,
  ) {
    this.totals = new DrawTotals(draws, seed);
  }

  get outcomes(): DrawTotals {
    return this.totals;
  }

  /** The deal as last drawn, for its swing. */
  deal(path: string): DealDraw | undefined {
    return this.deals.get(path)?.draw;
  }

  /**
   * A metric's distribution on the current totals. Memoised until a deal moves: a cycle that
   * changes the calibration but none of this goal's odds sorts nothing.
   */
  distribution(metric: ForecastMetric, target: number, base: Base): MetricDistribution {
    const key = `${metric}|${target}|${base.won}|${base.wonCents}|${base.lost}|${base.wonWithoutArr}`;
    let known = this.memo.get(key);
    if (!known) {
      if (this.memo.size >= 64) this.memo.clear(); // bases that came and went: keep it small
      this.memo.set(key, (known = distribution(metric, target, base, this.totals)));
    }
    return known;
  }

  /** Brings the totals to these deals and odds (any deal not among them is taken out); whether anything moved. */
  update(chances: readonly DealChance[]): boolean {
    const generation = ++this.generation;
    const out: DealDraw[] = [];
    const into: DealDraw[] = [];
    for (const c of chances) this.redraw(c, generation, out, into);
    for (const [path, entry] of this.deals) {
      if (entry.seen === generation) continue;
      out.push(entry.draw);
      this.deals.delete(path);
    }
    return this.apply(out, into);
  }

  /** Brings the totals to new odds for the deals in `chances` and takes out the deals `gone`; every other deal stays as drawn. */
  updateSome(chances: readonly DealChance[], gone: Iterable<string>): boolean {
    const generation = ++this.generation;
    const out: DealDraw[] = [];
    const into: DealDraw[] = [];
    for (const c of chances) this.redraw(c, generation, out, into);
    for (const path of gone) {
      const entry = this.deals.get(path);
      if (!entry) continue;
      out.push(entry.draw);
      this.deals.delete(path);
    }
    return this.apply(out, into);
  }

  /** One deal at its odds: unchanged, or its old draw out and its new one in. */
  private redraw(c: DealChance, generation: number, out: DealDraw[], into: DealDraw[]): void {
    const known = this.deals.get(c.path);
    const draw = dealDrawWithKey(known?.draw.key ?? dealKey(c.path), c);
    // A deal whose ARR potential is now given, or no longer, moves as much as one whose odds did.
    if (known && known.draw.tWon === draw.tWon && known.draw.tClosed === draw.tClosed && known.draw.cents === draw.cents && known.draw.withoutArr === draw.withoutArr) {
      known.seen = generation;
      return;
    }
    if (known) out.push(known.draw);
    into.push(draw);
    this.deals.set(c.path, { draw, seen: generation });
  }

  private apply(out: readonly DealDraw[], into: readonly DealDraw[]): boolean {
    if (out.length === 0 && into.length === 0) return false;
    this.memo.clear();
    if ((out.length + into.length) * 2 > this.deals.size) {
      // Most deals moved: drawing them all afresh costs less than taking each out and in.
      this.totals = new DrawTotals(this.draws, this.seed);
      this.totals.addAll([...this.deals.values()].map((e) => e.draw));
    } else {
      for (const draw of out) this.totals.add(draw, -1);
      for (const draw of into) this.totals.add(draw, 1);
    }
    return true;
  }
}
