import { normalCdf, normalQuantile } from './normal.js';

/**
 * Power and sample size of the two-sided two-proportion test, with R's
 * `power.prop.test` formula (its default, `strict = FALSE`):
 *
 *   power = Φ( (√n·|p1 − p2| − z₁₋α/₂·√((p1 + p2)(1 − (p1 + p2)/2))) / √(p1(1 − p1) + p2(1 − p2)) )
 *
 * with n per group. R solves it for n with `uniroot`; it has the closed form
 *
 *   n = ( z₁₋α/₂·√(2p̄(1 − p̄)) + z_power·√(p1(1 − p1) + p2(1 − p2)) )² / (p1 − p2)²,  p̄ = (p1 + p2)/2
 *
 * used here (√((p1 + p2)(1 − (p1 + p2)/2)) = √(2p̄(1 − p̄))).
 */
export function twoProportionPower(n: number, p1: number, p2: number, alpha = 0.05): number {
  const zAlpha = normalQuantile(1 - alpha / 2);
  return normalCdf((Math.sqrt(n) * Math.abs(p1 - p2) - zAlpha * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2))) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
}

/**
 * Per-group n for `power` at two-sided `alpha`; null when p1 = p2 (no sample detects a zero
 * effect). Rates of 0 and 1 (a first send opened, another not) have no spread, yet a size:
 * the closed form stays defined, where R's power equation divides by zero on its way to it.
 */
export function twoProportionSampleSize(p1: number, p2: number, power = 0.8, alpha = 0.05): number | null {
  const effect = Math.abs(p1 - p2);
  const spread = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  if (effect === 0) return null;
  const mean = (p1 + p2) / 2;
  const root = (normalQuantile(1 - alpha / 2) * Math.sqrt(2 * mean * (1 - mean)) + normalQuantile(power) * spread) / effect;
  return root * root;
}
