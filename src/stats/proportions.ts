import { chiSquareSurvival } from './chi-square.js';
import { normalQuantile, normalSurvival } from './normal.js';

/** Successes out of trials in one group. */
export interface Proportion {
  successes: number;
  trials: number;
}

export interface TwoProportionTest {
  p1: number;
  p2: number;
  /** p1 − p2. */
  difference: number;
  /** (p1 − p2) / √(p̄(1 − p̄)(1/n1 + 1/n2)), p̄ the pooled proportion; null when p̄ is 0 or 1 (no variance). */
  z: number | null;
  /** z², R's `X-squared`. */
  chiSquare: number | null;
  /** Two-sided: P(|Z| > |z|) = P(χ²₁ > z²); 1 when z is null. */
  p: number;
  /** The Wald interval of p1 − p2 with unpooled variance, clipped to [−1, 1]. */
  ci: [number, number];
  confidence: number;
}

/**
 * The two-proportion z-test as R's `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)`
 * computes it: the statistic uses the pooled proportion (the variance under H0: p1 = p2),
 * the confidence interval the unpooled one, p1(1 − p1)/n1 + p2(1 − p2)/n2 (the variance
 * where the estimate is). Both trials must be positive.
 */
export function twoProportionTest(a: Proportion, b: Proportion, confidence = 0.95): TwoProportionTest {
  if (!(a.trials > 0 && b.trials > 0)) throw new RangeError('twoProportionTest: both groups need at least one trial');
  const p1 = a.successes / a.trials;
  const p2 = b.successes / b.trials;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  const z = se0 > 0 ? (p1 - p2) / se0 : null;
  const p = z === null ? 1 : Math.min(1, 2 * normalSurvival(Math.abs(z)));
  const width = normalQuantile((1 + confidence) / 2) * Math.sqrt((p1 * (1 - p1)) / a.trials + (p2 * (1 - p2)) / b.trials);
  const difference = p1 - p2;
  return { p1, p2, difference, z, chiSquare: z === null ? null : z * z, p, ci: [Math.max(-1, difference - width), Math.min(1, difference + width)], confidence };
}

/**
 * Pearson's chi-square test that k proportions are equal (R's `prop.test(x, n)` for k > 2
 * groups, which never applies a continuity correction there): Σ (O − E)² / E over the
 * k × 2 table, k − 1 degrees of freedom.
 */
export function proportionsChiSquare(groups: readonly Proportion[]): { chiSquare: number; df: number; p: number } {
  const n = groups.reduce((s, g) => s + g.trials, 0);
  const x = groups.reduce((s, g) => s + g.successes, 0);
  const pooled = x / n;
  let chiSquare = 0;
  for (const g of groups) {
    const expected = [g.trials * pooled, g.trials * (1 - pooled)];
    const observed = [g.successes, g.trials - g.successes];
    for (let i = 0; i < 2; i++) if (expected[i]! > 0) chiSquare += (observed[i]! - expected[i]!) ** 2 / expected[i]!;
  }
  const df = groups.length - 1;
  return { chiSquare, df, p: chiSquareSurvival(chiSquare, df) };
}

/** The expected counts of the 2 × 2 table under H0 (equal proportions): [a-successes, a-failures, b-successes, b-failures]. */
export function expectedCounts(a: Proportion, b: Proportion): [number, number, number, number] {
  const n = a.trials + b.trials;
  const x = a.successes + b.successes;
  return [(a.trials * x) / n, (a.trials * (n - x)) / n, (b.trials * x) / n, (b.trials * (n - x)) / n];
}
