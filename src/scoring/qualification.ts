/**
 * Qualification against a framework (BANT, MEDDIC, MEDDPICC, SPIN, Sandler,
 * Challenger): each criterion scored 0–1 from what was written (criterion-value.ts),
 * the total is their mean — a missing criterion scores 0 — and the recommendation
 * compares the total with the threshold for the deal's pipeline stage:
 *
 * - QUALIFY when total ≥ threshold;
 * - DEFER when total ≥ threshold − 0.2, or when any criterion is missing or unknown
 *   (the gap may be ours, not the deal's: find out before rejecting);
 * - REJECT otherwise: every criterion answered and the total still well short.
 *
 * The `reason` names the missing, unknown and weak criteria in one sentence per kind.
 */

import { readCriterionValue, type CriterionStatus } from './criterion-value.js';
import { FRAMEWORK_CRITERIA, parseFramework, resolveCriterion, type QualificationFramework } from './frameworks.js';
import { round3, roundHalfUp } from './numbers.js';
import { thresholdForStage, type QualificationThresholds, type StageThreshold } from './stage-threshold.js';
import { joinList } from './text.js';

export type QualificationRecommendation = 'QUALIFY' | 'DEFER' | 'REJECT';

/** How far below the threshold a total may be and still be deferred rather than rejected. */
export const DEFER_MARGIN = 0.2;
/** A criterion scored below this (but answered) is named as weak. */
export const WEAK_BELOW = 0.5;

export interface QualificationOptions {
  /** Pipeline stage (`lead`, `qualified`, …) or level name; default `qualification` (0.70). */
  stage?: string | undefined;
  thresholds?: Partial<QualificationThresholds> | undefined;
}

export interface CriterionScore {
  key: string;
  label: string;
  /** The key as written in the file, when it was there. */
  writtenAs: string | undefined;
  value: unknown;
  score: number;
  status: CriterionStatus;
  reading: string;
}

export interface QualificationResult {
  framework: QualificationFramework;
  criteria: CriterionScore[];
  total: number;
  stage: StageThreshold;
  recommendation: QualificationRecommendation;
  missing: string[];
  unknown: string[];
  weak: string[];
  /** Keys in the file that name no criterion of this framework; ignored. */
  unrecognised: string[];
  reason: string;
}

export function scoreQualification(
  framework: QualificationFramework,
  criteria: Readonly<Record<string, unknown>> | null | undefined,
  options: QualificationOptions = {},
): QualificationResult {
  const name = frameworkNamed(framework);
  // Each written key resolved once, not once per criterion: a check or a first sync scores 10,000 deals.
  const written = Object.entries(criteria ?? {}).map(([key, value]) => ({ key, value, criterion: resolveCriterion(name, key)?.key }));
  const unrecognised = written.filter((w) => w.criterion === undefined).map((w) => w.key);
  const scored = FRAMEWORK_CRITERIA[name].map((criterion): CriterionScore => {
    const candidates = written.filter((w) => w.criterion === criterion.key).map(({ key, value }) => ({ key, value, ...readCriterionValue(value) }));
    // Two keys for one criterion (`pain` and `identify_pain`): the better-answered one counts.
    const best = candidates.reduce<(typeof candidates)[number] | undefined>(
      (top, c) => (top === undefined || rank(c) > rank(top) ? c : top),
      undefined,
    );
    return {
      key: criterion.key,
      label: criterion.label,
      writtenAs: best?.key,
      value: best?.value,
      score: best?.score ?? 0,
      status: best?.status ?? 'missing',
      reading: best?.reading ?? 'missing',
    };
  });
  const total = round3(scored.reduce((sum, c) => sum + c.score, 0) / scored.length);
  const stage = thresholdForStage(options.stage ?? 'qualification', options.thresholds);
  const missing = scored.filter((c) => c.status === 'missing');
  const unknown = scored.filter((c) => c.status === 'unknown');
  const weak = scored.filter((c) => c.status === 'scored' && c.score < WEAK_BELOW);
  const recommendation: QualificationRecommendation =
    total >= stage.threshold
      ? 'QUALIFY'
      : total >= round3(stage.threshold - DEFER_MARGIN) || missing.length > 0 || unknown.length > 0
        ? 'DEFER'
        : 'REJECT';
  const result: QualificationResult = {
    framework: name,
    criteria: scored,
    total,
    stage,
    recommendation,
    missing: missing.map((c) => c.key),
    unknown: unknown.map((c) => c.key),
    weak: weak.map((c) => c.key),
    unrecognised,
    reason: '',
  };
  // The sentence is made when first read, in its place among the fields (JSON, a spread, a
  // structured clone all read it): a check qualifies every deal and reads the reason only
  // where the decision contradicts the score — making it for all was 0.3–1.4% of a cold check.
  let reason: string | undefined;
  Object.defineProperty(result, 'reason', { enumerable: true, configurable: true, get: () => (reason ??= explain(name, total, stage, recommendation, missing, unknown, weak)) });
  return result;
}

/**
 * A total or score beside the bars it is judged by: two decimals, or as many as keep it on
 * its side of every bar — 0.698 is not "0.70, below the 0.70 threshold", nor 0.752 "0.75"
 * over a bar of 0.751.
 */
export function formatTotal(total: number, bars: readonly number[]): string {
  for (let decimals = 2; decimals < 7; decimals++) {
    const shown = roundHalfUp(total, decimals).toFixed(decimals);
    if (bars.every((bar) => Number(shown) < bar === total < bar)) return shown;
  }
  return String(total);
}

/** A configured bar to two decimals, or as written when it has more: a 0.705 threshold read "0.71", a bar the score it is compared with may clear. */
export function barAsWritten(bar: number): string {
  return Number(bar.toFixed(2)) === bar ? bar.toFixed(2) : String(bar);
}

/**
 * A weak criterion's score: one decimal, or as many as keep it under the weak bar — a 0.46
 * is weak because it is under 0.5, and read "Weak: budget (0.5)", the bar itself.
 */
function formatWeakScore(score: number): string {
  for (let decimals = 1; decimals < 4; decimals++) {
    const shown = roundHalfUp(score, decimals).toFixed(decimals);
    if (Number(shown) < WEAK_BELOW) return shown;
  }
  return String(score);
}

/** Answered beats unknown beats missing; then the higher score. */
function rank(c: { status: CriterionStatus; score: number }): number {
  const base = c.status === 'scored' ? 2 : c.status === 'unknown' ? 1 : 0;
  return base * 10 + c.score;
}

function explain(
  framework: QualificationFramework,
  total: number,
  stage: StageThreshold,
  recommendation: QualificationRecommendation,
  missing: CriterionScore[],
  unknown: CriterionScore[],
  weak: CriterionScore[],
): string {
  const figures = `${framework} total ${formatTotal(total, [stage.threshold, round3(stage.threshold - DEFER_MARGIN)])}`;
  const bar = `the ${barAsWritten(stage.threshold)} threshold for the ${stage.stage} stage`;
  const head =
    recommendation === 'QUALIFY'
      ? `Qualify: ${figures} meets ${bar}.`
      : recommendation === 'DEFER'
        ? `Defer: ${figures} is below ${bar}.`
        : `Reject: ${figures} is more than ${DEFER_MARGIN} below ${bar}, with every criterion answered.`;
  const labels = (list: CriterionScore[]): string => joinList(list.map((c) => c.label));
  const sentences = [head];
  if (missing.length) sentences.push(`${recommendation === 'QUALIFY' ? 'Still missing' : 'Missing'}: ${labels(missing)}.`);
  if (unknown.length) sentences.push(`Unknown: ${labels(unknown)}.`);
  if (weak.length) sentences.push(`Weak: ${joinList(weak.map((c) => `${c.label} (${formatWeakScore(c.score)})`))}.`);
  if (recommendation === 'DEFER' && (missing.length || unknown.length)) {
    sentences.push(`Find out ${labels([...missing, ...unknown])} before deciding.`);
  }
  return sentences.join(' ');
}

/**
 * The framework as the scoring tables name it. A caller from plain JavaScript passes what
 * a person wrote (`'Sandler'`, `'meddic'`), which the files and the CLI take in any case:
 * it failed deep inside with "Cannot read properties of undefined". Any case is taken
 * here too, and a name no framework has is a TypeError naming the ones there are.
 */
function frameworkNamed(framework: string): QualificationFramework {
  const known = typeof framework === 'string' ? parseFramework(framework) : undefined;
  if (known) return known;
  throw new TypeError(`scoreQualification: unknown framework ${JSON.stringify(framework)}; expected one of ${Object.keys(FRAMEWORK_CRITERIA).join(', ')} (any case)`);
}
