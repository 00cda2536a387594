/**
 * The random numbers of the forecast: a counter-based generator, so that the draws of one
 * deal do not depend on which other deals there are or in what order they come.
 *
 *   u(deal, draw) = top 31 bits of mix(key(deal) XOR key(draw))
 *
 * `mix` is mulberry32's output function (Tommy Ettinger's, public domain); the draw keys
 * are the first `draws` outputs of mulberry32 seeded with the configured seed, a deal's key
 * is the mix of the 32-bit FNV-1a hash of its path. A deal's outcome in a draw is then a
 * pure function of (seed, path, draw, its odds): adding, removing or changing one deal
 * redraws that deal alone (O(draws)), and a warm watcher's totals equal a cold sync's.
 */

/** mulberry32's output function of a 32-bit state, as a signed 32-bit integer. */
export function mix32(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return t ^ (t >>> 14);
}

/** The key of each draw: mulberry32's stream from the seed. */
export function drawKeys(seed: number, draws: number): Int32Array {
  const keys = new Int32Array(draws);
  let a = seed >>> 0;
  for (let d = 0; d < draws; d++) {
    a = (a + 0x6d2b79f5) | 0;
    keys[d] = mix32(a);
  }
  return keys;
}

/** A deal's key from its path (FNV-1a over UTF-16 code units, then mixed). */
export function dealKey(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** 2^31: a draw's uniform is a 31-bit integer, so probabilities count in steps of 2^-31. */
const SCALE = 2147483648;

/** The 31-bit threshold a draw's integer falls under with probability p. */
export function threshold(p: number): number {
  return Math.round(Math.min(1, Math.max(0, p)) * SCALE);
}

/** One open deal as the draws see it. */
export interface DealDraw {
  key: number;
  /** threshold(P(won by the deadline)). */
  tWon: number;
  /** threshold(P(closed, won or lost, by the deadline)) ≥ tWon. */
  tClosed: number;
  /** ARR in whole cents, if won (0 for a deal without ARR). */
  cents: number;
  /** 1 for a deal that gives no ARR potential: won, it counts as a win without ARR (left out of the average deal size), else 0. */
  withoutArr: 0 | 1;
}

/**
 * Each draw's totals over the deals added so far: won and lost counts, won ARR in cents,
 * and how many of the wins have no ARR. Integer sums (cents are exact in a double up to
 * 2^53), so adding and removing deals in any order gives the same totals.
 */
export class DrawTotals {
  readonly keys: Int32Array;
  readonly won: Int32Array;
  readonly wonCents: Float64Array;
  readonly lost: Int32Array;
  /** Wins of deals without ARR, in `won` too: the average deal size divides by won − wonWithoutArr. */
  readonly wonWithoutArr: Int32Array;

  constructor(
    readonly draws: number,
    readonly seed: number,
  ) {
    this.keys = drawKeys(seed, draws);
    this.won = new Int32Array(draws);
    this.wonCents = new Float64Array(draws);
    this.lost = new Int32Array(draws);
    this.wonWithoutArr = new Int32Array(draws);
  }

  /**
   * Adds (sign 1) or takes out (sign −1) one deal's outcome in every draw. The hot loop of
   * the forecast — draws × deals steps, 10^8 for the bench — so it is branchless: with u the
   * draw's 31-bit integer, (u − T) >>> 31 is 1 exactly when u < T, and a random branch
   * mispredicted half the time would cost more than the generator.
   */
  add(deal: DealDraw, sign: 1 | -1): void {
    const { keys, won, wonCents, lost } = this;
    const { key, tWon, tClosed } = deal;
    const cents = sign * deal.cents;
    for (let d = 0; d < keys.length; d++) {
      const x = key ^ keys[d]!;
      let t = Math.imul(x ^ (x >>> 15), 1 | x);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      const u = (t ^ (t >>> 14)) >>> 1;
      const isWon = (u - tWon) >>> 31;
      won[d] = won[d]! + sign * isWon;
      lost[d] = lost[d]! + sign * (((u - tClosed) >>> 31) - isWon);
      wonCents[d] = wonCents[d]! + isWon * cents;
    }
    if (deal.withoutArr) this.addWinsWithoutArr(deal, sign);
  }

  /**
   * Adds many deals at once: the same outcomes as `add` for each, computed draw by draw so
   * the totals stay in registers (the cold path: a sync, a new day).
   */
  addAll(deals: readonly DealDraw[]): void {
    const n = deals.length;
    const key = Int32Array.from(deals, (x) => x.key);
    // Each threshold less one, as a 32-bit integer: u < t ⟺ u ≤ t − 1, and t − 1 runs from
    // −1 (never) to 2^31 − 1 (always), so the loop compares in 32-bit integers (a threshold
    // itself reaches 2^31, one past them).
    const wonAtMost = Int32Array.from(deals, (x) => x.tWon - 1);
    const closedAtMost = Int32Array.from(deals, (x) => x.tClosed - 1);
    const cents = Float64Array.from(deals, (x) => x.cents);
    const { keys, won, wonCents, lost } = this;
    for (let d = 0; d < keys.length; d++) {
      const k = keys[d]!;
      let w = 0;
      let l = 0;
      let s = 0;
      for (let i = 0; i < n; i++) {
        const x = key[i]! ^ k;
        let t = Math.imul(x ^ (x >>> 15), 1 | x);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        const u = (t ^ (t >>> 14)) >>> 1;
        // (t − 1 − u) >>> 31 is 1 exactly when u > t − 1, i.e. not under the threshold.
        const isWon = ((wonAtMost[i]! - u) >>> 31) ^ 1;
        w += isWon;
        l += (((closedAtMost[i]! - u) >>> 31) ^ 1) - isWon;
        s += isWon * cents[i]!;
      }
      won[d] = won[d]! + w;
      lost[d] = lost[d]! + l;
      wonCents[d] = wonCents[d]! + s;
    }
    for (const deal of deals) if (deal.withoutArr) this.addWinsWithoutArr(deal, 1);
  }

  /**
   * Counts a deal without ARR's wins once more, apart. Kept out of the hot loops: deals
   * without ARR are few, so the deals with one pay nothing for them (bench/forecast.js), and
   * the cost is one more replay of this deal's draws (O(draws)).
   */
  private addWinsWithoutArr(deal: DealDraw, sign: 1 | -1): void {
    const own = dealOutcomes(deal, this.keys);
    const withoutArr = this.wonWithoutArr;
    for (let d = 0; d < own.length; d++) if (own[d] === 1) withoutArr[d] = withoutArr[d]! + sign;
  }
}

/** A deal's outcome in each draw: 1 won, −1 lost, 0 still open (the swing replays it). */
export function dealOutcomes(deal: DealDraw, keys: Int32Array): Int8Array {
  const out = new Int8Array(keys.length);
  for (let d = 0; d < keys.length; d++) {
    const x = deal.key ^ keys[d]!;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const u = (t ^ (t >>> 14)) >>> 1;
    out[d] = u < deal.tWon ? 1 : u < deal.tClosed ? -1 : 0;
  }
  return out;
}
