import type { Assumption } from '../schema/canvas.js';
import type { Config } from '../schema/config.js';
import type { ThreadFacts } from './thread-facts.js';
import { roundHalfUp } from '../scoring/numbers.js';

export type AssumptionStatus = 'untested' | 'testing' | 'validated' | 'invalidated';

export interface EvidenceRef {
  thread: string;
  result: 'validated' | 'partial' | 'invalidated';
}

export interface AssumptionState {
  id: string;
  statement: string;
  segment: string | null;
  retired: boolean;
  prior: number;
  confidence: number;
  status: AssumptionStatus;
  validated: number;
  partial: number;
  invalidated: number;
  /** v + p + i: how many Stage 6 results speak to it. */
  n: number;
  /** Threads whose hypothesis tests it and whose outcome is not decided yet (testsOpenly). */
  testedBy: string[];
  evidence: EvidenceRef[];
}

/**
 * Evidence-based confidence, recomputed from every Stage 6 file each time (never by
 * increment): c = (prior·w + v + 0.5·p) / (w + v + p + i). Validated at c ≥ 0.8 with
 * at least 3 results, invalidated at c ≤ 0.2 with at least 3 (thresholds configurable).
 */
export function deriveAssumptions(assumptions: readonly Assumption[], threads: readonly ThreadFacts[], config: Config): AssumptionState[] {
  return assumptions.map((a) => {
    const evidence: EvidenceRef[] = [];
    const testedBy: string[] = [];
    for (const t of threads) {
      for (const v of t.validations) if (v.assumption === a.id) evidence.push({ thread: t.path, result: v.result });
      if (testsOpenly(t, a.id)) testedBy.push(t.path);
    }
    return assumptionState(a, evidence.sort(byThread), testedBy.sort(), config);
  });
}

/**
 * The statuses of a thread whose outcome is decided: a deal won, lost, stalled or rejected, a
 * campaign or content thread completed. Its results are in (or never will be).
 */
const DECIDED: ReadonlySet<ThreadFacts['status']> = new Set(['closed-won', 'closed-lost', 'stalled', 'rejected', 'completed']);

/**
 * A thread whose hypothesis tests the assumption and whose outcome is not decided yet: it
 * is being tested. Reaching Stage 6 is not an outcome — a deal there stays open until its
 * learning records one — so the stage alone never ends a test.
 */
export function testsOpenly(t: ThreadFacts, id: string): boolean {
  return !DECIDED.has(t.status) && t.tests.includes(id);
}

export function byThread(x: EvidenceRef, y: EvidenceRef): number {
  return x.thread < y.thread ? -1 : x.thread > y.thread ? 1 : 0;
}

/** How many results of each kind an assumption's evidence holds. */
export type EvidenceCounts = Record<EvidenceRef['result'], number>;

function countEvidence(evidence: readonly EvidenceRef[]): EvidenceCounts {
  const counts: EvidenceCounts = { validated: 0, partial: 0, invalidated: 0 };
  for (const e of evidence) counts[e.result] += 1;
  return counts;
}

/**
 * An assumption's state from its evidence (sorted by thread) and the open threads testing
 * it; `counts`, when the caller keeps them, are the evidence's counts.
 */
export function assumptionState(a: Assumption, evidence: EvidenceRef[], testedBy: string[], config: Config, counts: Readonly<EvidenceCounts> = countEvidence(evidence)): AssumptionState {
  const { prior_weight: w, validated_threshold, invalidated_threshold, min_results } = config.confidence;
  const { validated: v, partial: p, invalidated: i } = counts;
  const n = v + p + i;
  const confidence = round2((a.prior * w + v + 0.5 * p) / (w + n));
  let status: AssumptionStatus = n === 0 && testedBy.length === 0 ? 'untested' : 'testing';
  if (n >= min_results && confidence >= validated_threshold) status = 'validated';
  else if (n >= min_results && confidence <= invalidated_threshold) status = 'invalidated';
  return {
    id: a.id,
    statement: a.statement,
    segment: a.segment ?? null,
    retired: a.retired === true,
    prior: a.prior,
    confidence,
    status,
    validated: v,
    partial: p,
    invalidated: i,
    n,
    testedBy,
    evidence,
  };
}

/** To two decimals, a half rounded up as on paper (2.3 / 4 = 0.575 → 0.58, as the README's formula gives). */
export function round2(value: number): number {
  return roundHalfUp(value, 2);
}
