/** Small arithmetic shared by the scorers. Scores are plain numbers in [0, 1] unless noted. */

export function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** Three decimals: enough to rank by, short enough to read in a breakdown or a diff of meta.json. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
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
