import { describe, expect, it } from 'vitest';
import { dealKey, dealOutcomes, DrawTotals, mix32, threshold, type DealDraw } from '../src/forecast/draws.js';

/** A deal as the draws see it, at odds that include the edges: never, always, and one step from each. */
function deal(i: number, pWon: number, pClosed: number, withoutArr = false): DealDraw {
  return { key: dealKey(`threads/sales/deal-${i}`), tWon: threshold(pWon), tClosed: threshold(Math.max(pWon, pClosed)), cents: withoutArr ? 0 : 1_000_000 + i * 137, withoutArr: withoutArr ? 1 : 0 };
}

const EDGES = [0, 2 ** -31, 0.25, 0.5, 1 - 2 ** -31, 1];

describe('the forecast draws: every deal at once (a cold run) against one deal at a time (a watcher)', () => {
  it('give the same totals in every draw, at the edge odds too (never, always, one step from each)', () => {
    const deals: DealDraw[] = [];
    let i = 0;
    for (const pWon of EDGES) for (const pClosed of EDGES) deals.push(deal(i++, pWon, pClosed, i % 7 === 0));
    const atOnce = new DrawTotals(2000, 42);
    atOnce.addAll(deals);
    const oneByOne = new DrawTotals(2000, 42);
    for (const d of deals) oneByOne.add(d, 1);
    expect([...atOnce.won]).toEqual([...oneByOne.won]);
    expect([...atOnce.lost]).toEqual([...oneByOne.lost]);
    expect([...atOnce.wonCents]).toEqual([...oneByOne.wonCents]);
    expect([...atOnce.wonWithoutArr]).toEqual([...oneByOne.wonWithoutArr]);
    // And each agrees with the deal's own outcome replayed draw by draw.
    const won = new Int32Array(2000);
    for (const d of deals) dealOutcomes(d, atOnce.keys).forEach((o, draw) => (won[draw] = won[draw]! + (o === 1 ? 1 : 0)));
    expect([...atOnce.won]).toEqual([...won]);
  });

  it('agree where a draw falls exactly on a threshold (under it wins, on it does not)', () => {
    const totals = new DrawTotals(64, 11);
    const deals: DealDraw[] = [];
    for (let d = 0; d < 64; d++) {
      const key = dealKey(`threads/sales/exact-${d}`);
      const u = mix32(key ^ totals.keys[d]!) >>> 1; // this deal's uniform in draw d
      for (const [offset, closedOffset] of [[0, 0], [1, 1], [0, 1], [-1, 0]] as const) deals.push({ key, tWon: Math.max(0, u + offset), tClosed: Math.max(0, u + closedOffset), cents: 100, withoutArr: 0 });
    }
    totals.addAll(deals);
    const oneByOne = new DrawTotals(64, 11);
    for (const d of deals) oneByOne.add(d, 1);
    expect([...totals.won]).toEqual([...oneByOne.won]);
    expect([...totals.lost]).toEqual([...oneByOne.lost]);
  });

  it('a deal certain to win wins every draw and one that cannot never does', () => {
    const totals = new DrawTotals(5000, 7);
    totals.addAll([deal(1, 1, 1), deal(2, 0, 0)]);
    expect(new Set(totals.won)).toEqual(new Set([1]));
    expect(new Set(totals.lost)).toEqual(new Set([0]));
    const closedNotWon = new DrawTotals(5000, 7);
    closedNotWon.addAll([deal(3, 0, 1)]);
    expect(new Set(closedNotWon.won)).toEqual(new Set([0]));
    expect(new Set(closedNotWon.lost)).toEqual(new Set([1]));
  });
});
