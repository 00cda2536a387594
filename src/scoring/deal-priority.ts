/**
 * Deal priority for Stage 3 (implication): should this deal get our time?
 *
 *   score = fit·0.40 + value·0.35 + strategic·0.25
 *   fit       = the ICP score (0–1)
 *   value     = min(1, ARR potential ÷ (2 × reference deal size)) — a deal the size of
 *               the reference scores 0.5, twice its size or more scores 1
 *   strategic = high 1 · medium 0.5 · low 0
 *
 * priority high ≥ 0.70, medium ≥ 0.40, else low. A part that is not known (no ICP
 * score, no ARR estimate or no reference size, no strategic value) is left out and the
 * others renormalised, and listed in `missing`; with nothing known there is no
 * priority (null) rather than a made-up one.
 */

import { parseMoneyRange } from '../schema/money.js';
import { clamp01, renormalisedMean, round3 } from './numbers.js';
import { lookup, normalizeText } from './text.js';

export type DealPriority = 'high' | 'medium' | 'low';
export type DealPriorityPart = 'fit' | 'value' | 'strategic';

export const DEAL_PRIORITY_WEIGHTS: Record<DealPriorityPart, number> = { fit: 0.4, value: 0.35, strategic: 0.25 };
export const STRATEGIC_SCORES: Record<string, number> = { high: 1, medium: 0.5, low: 0 };
export const DEAL_PRIORITY_THRESHOLDS = { high: 0.7, medium: 0.4 } as const;

export interface DealPriorityInputs {
  /** The ICP score 0–1, or null when the deal was not scored. */
  icpFit: number | null | undefined;
  /** Stage 3 `arr_potential`: a number, a money string (`$60k`) or `{min, max}` (midpoint). */
  arrPotential: unknown;
  /** What a typical deal is worth here: the segment's or the workspace's average deal size. */
  referenceDealSize: number | null | undefined;
  strategicValue: string | null | undefined;
}

export interface DealPriorityResult {
  priority: DealPriority | null;
  score: number | null;
  parts: Record<DealPriorityPart, number | null>;
  missing: DealPriorityPart[];
}

export function dealPriorityBand(score: number): DealPriority {
  if (score >= DEAL_PRIORITY_THRESHOLDS.high) return 'high';
  if (score >= DEAL_PRIORITY_THRESHOLDS.medium) return 'medium';
  return 'low';
}

export function scoreDealPriority(inputs: DealPriorityInputs): DealPriorityResult {
  const parts: Record<DealPriorityPart, number | null> = {
    fit: typeof inputs.icpFit === 'number' && Number.isFinite(inputs.icpFit) ? round3(clamp01(inputs.icpFit)) : null,
    value: valueScore(inputs.arrPotential, inputs.referenceDealSize),
    strategic: typeof inputs.strategicValue === 'string' ? (lookup(STRATEGIC_SCORES, normalizeText(inputs.strategicValue)) ?? null) : null,
  };
  const names = Object.keys(parts) as DealPriorityPart[];
  const mean = renormalisedMean(names.map((name) => ({ weight: DEAL_PRIORITY_WEIGHTS[name], value: parts[name] })));
  const score = mean === null ? null : round3(mean);
  return {
    priority: score === null ? null : dealPriorityBand(score),
    score,
    parts,
    missing: names.filter((name) => parts[name] === null),
  };
}

function valueScore(arrPotential: unknown, reference: number | null | undefined): number | null {
  const range = parseMoneyRange(arrPotential);
  if (range === undefined) return null;
  if (typeof reference !== 'number' || !Number.isFinite(reference) || reference <= 0) return null;
  const arr = (range.min + range.max) / 2;
  return round3(clamp01(arr / (2 * reference)));
}
