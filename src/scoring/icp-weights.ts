/** Composite weights and band thresholds of the ICP score; the ICP file's `scoring` block overrides them. */

import type { IcpComponent } from './factor.js';

export type IcpWeights = Record<IcpComponent, number>;

export const DEFAULT_ICP_WEIGHTS: IcpWeights = { fit: 0.35, intent: 0.35, reachability: 0.2, freshness: 0.1 };

export type IcpBand = 'strong' | 'good' | 'weak' | 'poor';

export interface IcpBandThresholds {
  strong: number;
  good: number;
  weak: number;
}

export const DEFAULT_ICP_THRESHOLDS: IcpBandThresholds = { strong: 0.75, good: 0.6, weak: 0.4 };

/**
 * Overrides merged onto the defaults, then scaled to sum to 1: the ICP schema checks each
 * weight on its own (0–1), so `fit: 0.5` with the other three left at their defaults sums
 * to 1.15, and the score must still stay within 0–1. Weights that sum to 0 cannot weigh
 * anything, so the defaults stand.
 */
export function resolveIcpWeights(overrides: Partial<IcpWeights> = {}): IcpWeights {
  const merged: IcpWeights = { ...DEFAULT_ICP_WEIGHTS };
  for (const key of Object.keys(merged) as IcpComponent[]) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) merged[key] = value;
  }
  const sum = merged.fit + merged.intent + merged.reachability + merged.freshness;
  if (sum <= 0) return { ...DEFAULT_ICP_WEIGHTS };
  return {
    fit: merged.fit / sum,
    intent: merged.intent / sum,
    reachability: merged.reachability / sum,
    freshness: merged.freshness / sum,
  };
}

export function resolveIcpThresholds(overrides: Partial<IcpBandThresholds> = {}): IcpBandThresholds {
  const pick = (key: keyof IcpBandThresholds): number => {
    const value = overrides[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_ICP_THRESHOLDS[key];
  };
  return { strong: pick('strong'), good: pick('good'), weak: pick('weak') };
}

export function icpBand(score: number, thresholds: IcpBandThresholds = DEFAULT_ICP_THRESHOLDS): IcpBand {
  if (score >= thresholds.strong) return 'strong';
  if (score >= thresholds.good) return 'good';
  if (score >= thresholds.weak) return 'weak';
  return 'poor';
}
