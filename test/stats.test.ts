import { describe, expect, it } from 'vitest';
import { chiSquareSurvival } from '../src/stats/chi-square.js';
import { fisherExact } from '../src/stats/fisher.js';
import { erfc, normalCdf, normalQuantile, normalSurvival } from '../src/stats/normal.js';
import { twoProportionPower, twoProportionSampleSize } from '../src/stats/power.js';
import { expectedCounts, proportionsChiSquare, twoProportionTest } from '../src/stats/proportions.js';

/**
 * Reference values and where they come from. There is no R on the build machine, so:
 * - "R docs" values are printed in R's own help pages (`?prop.test`,
 *   `?power.prop.test`) or their example output;
 * - "mpmath" values were computed with Python mpmath at 40 digits from the defining
 *   formulas (the same formulas R's `prop.test(correct = FALSE)` and `power.prop.test`
 *   implement), and cross-checked with scipy 1.17 (`chi2_contingency(correction=False)`,
 *   `fisher_exact`), whose results agree to 12+ digits;
 * - Fisher p-values are also recomputed here in exact rational arithmetic with BigInt.
 * Agreement is required to 4 significant digits (most hold to 10+).
 */
/** Equal to 4 significant digits: within half a unit of the expected value's 4th significant digit. */
const sig4 = (actual: number, expected: number): void => {
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(expected))) - 3);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(unit / 2);
};

describe('normal distribution', () => {
  it.each([
    // mpmath ncdf
    [1.96, 0.9750021048517795],
    [-5, 2.866515718791939e-07],
    [-10, 7.619853024160525e-24],
    [0, 0.5],
  ])('Φ(%d) matches mpmath', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12);
  });

  it('keeps the upper tail precise and erfc symmetric', () => {
    expect(Math.abs(normalSurvival(10) / 7.619853024160525e-24 - 1)).toBeLessThan(1e-12);
    expect(erfc(-1) + erfc(1)).toBeCloseTo(2, 15);
    // erfc(0.5) = 0.4795001221869535 (mpmath); erfc(3) = 2.209049699858544e-05 (mpmath)
    expect(Math.abs(erfc(0.5) / 0.4795001221869535 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(erfc(3) / 2.209049699858544e-05 - 1)).toBeLessThan(1e-13);
  });

  it.each([
    // R: qnorm(0.975) = 1.959964 (printed); mpmath (40 digits)
    [0.975, 1.9599639845400543],
    [0.8, 0.8416212335729142],
    [1e-10, -6.361340902404057],
    [0.5, 0],
  ])('quantile of %d matches R/mpmath', (p, expected) => {
    expect(Math.abs(normalQuantile(p) - expected)).toBeLessThanOrEqual(Math.max(1e-13, Math.abs(expected) * 1e-13));
  });
});

describe('chi-square tail', () => {
  it.each([
    // scipy.stats.chi2.sf
    [12.6, 3, 0.005586546097302358],
    [3.84, 1, 0.05004352124870519],
    [20, 5, 0.0012497305630313773],
  ])('P(χ²_%#) matches scipy', (x, df, expected) => {
    expect(Math.abs(chiSquareSurvival(x, df) / expected - 1)).toBeLessThan(1e-10);
  });
});

describe('two-proportion z-test = prop.test(correct = FALSE)', () => {
  it('reproduces R\'s smokers example over four groups (R docs: X-squared = 12.6, df = 3, p-value = 0.005585)', () => {
    const smokers = [83, 90, 129, 70];
    const patients = [86, 93, 136, 82];
    const result = proportionsChiSquare(smokers.map((x, i) => ({ successes: x, trials: patients[i]! })));
    expect(result.df).toBe(3);
    sig4(result.chiSquare, 12.60041); // scipy: 12.600411297127634
    sig4(result.p, 0.005585); // R docs print 0.005585; scipy 0.005585476661627036
  });

  it.each([
    // x1, n1, x2, n2, z, p, ci low, ci high — all mpmath (40 digits), X-squared and p confirmed by scipy
    [83, 86, 90, 93, -0.097511633912, 0.922320095734, -0.0554773785585, 0.0502260657303], // smokers' first two groups
    [15, 200, 30, 200, -2.37356331639, 0.0176173722345, -0.136493381974, -0.0135066180258],
    [42, 400, 24, 380, 2.09875406039, 0.0358385864162, 0.00310390776575, 0.0805803027606],
    [120, 1000, 150, 1000, -1.96304980762, 0.0496403868654, -0.0599239711787, -7.60288212978e-5],
  ])('%d/%d vs %d/%d', (x1, n1, x2, n2, z, p, lo, hi) => {
    const result = twoProportionTest({ successes: x1, trials: n1 }, { successes: x2, trials: n2 });
    sig4(result.z!, z);
    sig4(result.chiSquare!, z * z);
    sig4(result.p, p);
    sig4(result.ci[0], lo);
    sig4(result.ci[1], hi);
    expect(result.difference).toBeCloseTo(x1 / n1 - x2 / n2, 15);
  });

  it('has no statistic when the pooled proportion is 0 (R prints X-squared = NaN) and clips the interval to [−1, 1]', () => {
    const none = twoProportionTest({ successes: 0, trials: 10 }, { successes: 0, trials: 12 });
    expect(none.z).toBeNull();
    expect(none.p).toBe(1);
    const extreme = twoProportionTest({ successes: 1, trials: 1 }, { successes: 0, trials: 1 }, 0.999);
    expect(extreme.ci[1]).toBe(1);
  });

  it('computes the expected counts under equal proportions', () => {
    expect(expectedCounts({ successes: 3, trials: 10 }, { successes: 7, trials: 30 })).toEqual([2.5, 7.5, 7.5, 22.5]);
  });
});

/** The exact two-sided Fisher p-value in rational arithmetic: Σ P(table) over tables with P ≤ P(observed). */
function exactFisher(a: number, b: number, c: number, d: number): number {
  const choose = (n: number, k: number): bigint => {
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const weight = (x: number): bigint => choose(m, x) * choose(n, k - x);
  const observed = weight(a);
  let numerator = 0n;
  for (let x = Math.max(0, k - n); x <= Math.min(k, m); x++) if (weight(x) <= observed) numerator += weight(x);
  const denominator = choose(m + n, k);
  // To 15 significant digits: scale before dividing.
  const scale = 10n ** 30n;
  return Number((numerator * scale) / denominator) / 1e30;
}

describe('Fisher\'s exact test = fisher.test (two-sided)', () => {
  it('gives the two-sided tea tasting p-value (0.4857)', () => {
    // ?fisher.test's TeaTasting <- matrix(c(3, 1, 1, 3), nrow = 2). The help page runs it one-sided
    // (alternative = "greater": p = 0.2429); two-sided, fisher.test gives 0.4857 — Agresti,
    // Categorical Data Analysis (2002) §3.5.1 prints 0.486; scipy 0.48571428571428565; exactly 17/35.
    expect(fisherExact(3, 1, 1, 3).p).toBeCloseTo(17 / 35, 12);
    sig4(fisherExact(3, 1, 1, 3).p, 0.4857);
  });

  it('gives the two-sided convictions p-value (0.0005367)', () => {
    // ?fisher.test's Convictions <- matrix(c(2, 10, 15, 3), nrow = 2) (column-major: a=2, c=10, b=15, d=3).
    // The help page runs it one-sided (alternative = "less": p = 0.0004652); the two-sided
    // value is from scipy (0.0005367241191434358) and the exact BigInt sum below.
    sig4(fisherExact(2, 15, 10, 3).p, 0.0005367);
  });

  it.each([
    [3, 1, 1, 3],
    [2, 15, 10, 3],
    [1, 9, 11, 3],
    [3, 97, 12, 88],
    [0, 50, 5, 45],
    [7, 193, 19, 181],
    [0, 0, 4, 6],
    [5, 0, 0, 5],
  ])('matches exact BigInt arithmetic for %d %d / %d %d', (a, b, c, d) => {
    const p = fisherExact(a, b, c, d).p;
    const exact = exactFisher(a, b, c, d);
    expect(Math.abs(p - exact)).toBeLessThanOrEqual(exact * 1e-9);
  });

  it.each([
    // scipy.stats.fisher_exact, two-sided
    [1, 9, 11, 3, 0.0027594561852200836],
    [3, 97, 12, 88, 0.028671314973177094],
    [0, 50, 5, 45, 0.05628449442882433],
  ])('matches scipy for %d %d / %d %d', (a, b, c, d, expected) => {
    sig4(fisherExact(a, b, c, d).p, expected);
  });
});

describe('power and sample size = power.prop.test', () => {
  it('gives the power R documents for n = 50, p1 = .50, p2 = .75 (?power.prop.test: "=> power = 0.740"; mpmath 0.7401659)', () => {
    sig4(twoProportionPower(50, 0.5, 0.75), 0.7401659); // mpmath 0.7401659013313878
  });

  it('gives the n R documents for p1 = .50, p2 = .75, power = .90 (?power.prop.test: "=> n = 76.7"; mpmath 76.70693)', () => {
    sig4(twoProportionSampleSize(0.5, 0.75, 0.9)!, 76.70693); // mpmath closed form 76.706928451777
  });

  it.each([
    // mpmath closed form (R solves the same equation with uniroot)
    [0.05, 0.08, 1058.855111426141],
    [0.2, 0.25, 1093.739045766165],
  ])('80%% power for p1 = %s, p2 = %s needs n = %s per group', (p1, p2, n) => {
    sig4(twoProportionSampleSize(p1, p2)!, n);
    // and at that n the power is 80%
    expect(twoProportionPower(n, p1, p2)).toBeCloseTo(0.8, 10);
  });

  it('has no sample size for a zero effect', () => {
    expect(twoProportionSampleSize(0.1, 0.1)).toBeNull();
  });
});
