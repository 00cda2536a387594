import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { mulberry32 } from '../bench/generate.js';
import { roundHalfUp } from '../src/scoring/numbers.js';

/**
 * roundHalfUp skips toPrecision for values not within 1e-11 of a half (the cut it makes
 * cannot change their rounding). The rounding it always documented, written out: every
 * value must round exactly as this does, its sign included.
 */
const onPaper = (value: number, decimals: number): number => {
  const scale = 10 ** decimals;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
};

/** The inputs whose rounding differs from the rule's (the sign of a zero counts), as `value@decimals`. */
function differing(inputs: Iterable<[number, number]>): string[] {
  const out: string[] = [];
  for (const [value, decimals] of inputs) if (!Object.is(roundHalfUp(value, decimals), onPaper(value, decimals))) out.push(`${value}@${decimals}`);
  return out;
}

/** Values around a half (and around the integers) after scaling, a few units in the last place either side. */
function nearHalves(decimals: number): number[] {
  const scale = 10 ** decimals;
  const out: number[] = [];
  for (const whole of [0, 1, 2, 57, 617, 1234, 99_999, 123_456_789, 99_999_999_999, 1e12]) {
    for (const sign of [1, -1]) {
      for (const half of [0.5, 0, 0.4999999999, 0.5000000001]) {
        let v = (sign * (whole + half)) / scale;
        for (let step = 0; step < 6; step++) v = nextUp(v);
        for (let step = 0; step < 12; step++) {
          out.push(v);
          v = nextDown(v);
        }
      }
    }
  }
  return out;
}

const view = new DataView(new ArrayBuffer(8));
function nextUp(v: number): number {
  if (v === 0) return Number.MIN_VALUE;
  view.setFloat64(0, v);
  view.setBigInt64(0, view.getBigInt64(0) + (v > 0 ? 1n : -1n));
  return view.getFloat64(0);
}
const nextDown = (v: number): number => -nextUp(-v);

describe('roundHalfUp: the quick way rounds as the written rule does', () => {
  it('values a few units in the last place around halves, at 0–4 decimals', () => {
    const inputs: [number, number][] = [];
    for (let decimals = 0; decimals <= 4; decimals++) for (const v of nearHalves(decimals)) inputs.push([v, decimals]);
    expect(inputs.length).toBeGreaterThan(4000);
    expect(differing(inputs)).toEqual([]);
  });

  it('the sums and quotients scores are made of', () => {
    const random = mulberry32(12);
    const inputs: [number, number][] = [];
    for (let i = 0; i < 100_000; i++) {
      const a = Math.floor(random() * 2001) / 1000;
      const b = Math.floor(random() * 2001) / 1000 + 0.001;
      const decimals = Math.floor(random() * 5);
      for (const v of [a * 0.35 + b * 0.65, a / b, a * b, -a / b, a - b]) inputs.push([v, decimals]);
    }
    expect(differing(inputs)).toEqual([]);
  });

  it('zero of either sign, huge and non-finite values', () => {
    const values = [0, -0, 1e-300, -1e-300, 1e15 + 0.5, 4.5e15, -4.5e15, Number.MAX_VALUE, Infinity, -Infinity, NaN];
    expect(differing(values.flatMap((v) => [0, 1, 2, 3, 4].map((d): [number, number] => [v, d])))).toEqual([]);
    expect(roundHalfUp(0.6175, 3)).toBe(0.618);
    expect(roundHalfUp(0.575, 2)).toBe(0.58);
  });
});
