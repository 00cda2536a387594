/** Small arithmetic shared by the scorers. Scores are plain numbers in [0, 1] unless noted. */

export function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * To `decimals` places, a half rounded up as on paper. The scaled value is first cut to 12
 * significant digits: 0.35·0.5 + 0.35·0.75 + 0.2·0.5 + 0.1·0.8 is 0.6175 by hand but
 * 0.61749999… in binary, and 2.3 / 4 = 0.575 scaled by 100 is 57.49999…: rounded alone
 * they gave 0.617 and 0.57 where the documented formulas give 0.618 and 0.58.
 */
export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = value * scale;
  if (scaled === 0) return 0; // -0 too: the text toPrecision gives it has no sign
  const nearest = Math.round(scaled);
  // Cutting to 12 significant digits moves the scaled value by less than 1e-11 of it, so it
  // can only change the rounding when the value lies that close to a half. Any other value
  // rounds alone, the same: toPrecision and reading its text back cost ~1 µs, and a first
  // sync rounds ~30 times a deal (125,000 calls at 4,000 deals). NaN and ±Infinity fail the
  // comparison and take the long way, as does every value from 1e11 (the margin is ≥ 1 there).
  if (0.5 - Math.abs(scaled - nearest) > Math.abs(scaled) * 1e-11) return nearest / scale;
  return Math.round(Number(scaled.toPrecision(12))) / scale;
}

const SHORT_UNITS: readonly (readonly [number, string])[] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * An amount as people shorten it (`20M`, `1.45M`, `500k`, `1B`): to two decimals of its
 * unit, a half up, and a value that rounds to a thousand of its unit in the next unit up
 * (999,999 is `1M`, not `1000k`). Below a thousand, as it is. One shortening for the
 * score's breakdown and the strategy's revenue band, which printed a `$1.45M–$999.95M`
 * filter as `$1.4M–$1000M` (toFixed(1) of the binary 1.4499…).
 */
export function shortAmount(value: number): string {
  for (let i = 0; i < SHORT_UNITS.length; i++) {
    const [size, suffix] = SHORT_UNITS[i]!;
    if (value < size) continue;
    const shown = roundHalfUp(value / size, 2);
    const bigger = SHORT_UNITS[i - 1];
    return shown >= 1000 && bigger ? `${roundHalfUp(value / bigger[0], 2)}${bigger[1]}` : `${shown}${suffix}`;
  }
  return String(value);
}

/** Three decimals: enough to rank by, short enough to read in a breakdown or a diff of meta.json. */
export function round3(value: number): number {
  return roundHalfUp(value, 3);
}

export interface WeightedPart {
  weight: number;
  /** null: the part is not known and gives its weight to the others. */
  value: number | null;
}

/**
 * Weighted mean over the parts that have a value, with the weights renormalised to the
 * known parts: a missing part neither counts as 0 nor drags the others down.
 * Returns null when no part is known (or every known part has weight 0).
 */
export function renormalisedMean(parts: readonly WeightedPart[]): number | null {
  let total = 0;
  let weights = 0;
  for (const part of parts) {
    if (part.value === null || part.weight <= 0) continue;
    total += part.weight * part.value;
    weights += part.weight;
  }
  return weights > 0 ? total / weights : null;
}

export { countOrBand, employeesOf, formatHeadCount, headCount, headCountRange, isHeadCount, wholeCount, type HeadCount } from '../schema/head-count.js';
