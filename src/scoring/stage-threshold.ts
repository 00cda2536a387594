/**
 * How much qualification a deal needs depends on how far it has come: a lead needs a
 * reason to talk, a deal in negotiation needs everything nailed down. Four levels, each
 * with a threshold on the framework total (0–1):
 *
 *   discovery 0.50 · qualification 0.70 · proposal 0.85 · negotiation 0.90
 *
 * Pipeline stages (src/schema/config.ts) map onto levels. `lead` is judged at the
 * discovery level: the Stage 4 decision on a lead is whether to pursue it at all.
 * `qualified` and `discovery` share the qualification level — the discovery calls
 * (demos) are where qualification is confirmed, so the bar does not rise until a
 * proposal is on the table. `closed-won` keeps the negotiation bar.
 */

import { lookup } from './text.js';

export type QualificationLevel = 'discovery' | 'qualification' | 'proposal' | 'negotiation';

export type QualificationThresholds = Record<QualificationLevel, number>;

export const DEFAULT_QUALIFICATION_THRESHOLDS: QualificationThresholds = {
  discovery: 0.5,
  qualification: 0.7,
  proposal: 0.85,
  negotiation: 0.9,
};

export const STAGE_LEVELS: Record<string, QualificationLevel> = {
  lead: 'discovery',
  qualified: 'qualification',
  discovery: 'qualification',
  proposal: 'proposal',
  negotiation: 'negotiation',
  'closed-won': 'negotiation',
  // The level names themselves, for callers that think in levels.
  qualification: 'qualification',
};

/** A stage we do not know (a renamed or custom pipeline stage) is held to the qualification level. */
export const FALLBACK_LEVEL: QualificationLevel = 'qualification';

export interface StageThreshold {
  stage: string;
  level: QualificationLevel;
  threshold: number;
  /** false when the stage name is not in the table and the fallback level applied. */
  known: boolean;
}

export function thresholdForStage(stage: string, overrides: Partial<QualificationThresholds> = {}): StageThreshold {
  checkOverrides(overrides);
  const key = stage.trim().toLowerCase();
  const mapped = lookup(STAGE_LEVELS, key);
  const level = mapped ?? FALLBACK_LEVEL;
  const override = overrides[level];
  const threshold = typeof override === 'number' && Number.isFinite(override) ? override : DEFAULT_QUALIFICATION_THRESHOLDS[level];
  return { stage: key, level, threshold, known: mapped !== undefined };
}

/**
 * An override under a level of another name (`qualifcation: 0.6`) was ignored, and one
 * outside 0–1 taken: `{qualification: -1}` qualified every deal, `NaN` fell back to the
 * default. A caller's slip, told as a TypeError naming what is expected, as an unknown
 * framework is.
 */
function checkOverrides(overrides: Readonly<Record<string, unknown>>): void {
  for (const [level, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(DEFAULT_QUALIFICATION_THRESHOLDS, level)) {
      throw new TypeError(`scoreQualification: unknown threshold level ${JSON.stringify(level)}; expected one of ${Object.keys(DEFAULT_QUALIFICATION_THRESHOLDS).join(', ')}`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new TypeError(`scoreQualification: threshold ${level} must be a number from 0 to 1 (got ${String(value)})`);
    }
  }
}
