import { Locators } from '../check/locators.js';
import type { DerivedWorkspace } from '../derive/workspace.js';
import { scoreThread, scoringContext } from '../derive/thread-scores.js';
import type { Diagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { STAGE_FILES } from '../schema/stages.js';
import { CRITERION_QUESTIONS } from '../scoring/criterion-questions.js';
import { resolveIcpThresholds, type IcpBandThresholds, type IcpScore, type QualificationResult } from '../scoring/index.js';
import { metaOf, type WorkspaceModel } from '../workspace/model.js';

/** Where a value was read: the file, and the line and column of its key. */
export interface SourcePlace {
  path: string;
  line: number;
  column: number;
}

export interface QualifiedCriterion {
  key: string;
  label: string;
  writtenAs: string | null;
  value: unknown;
  score: number;
  status: 'met' | 'weak' | 'unknown' | 'missing';
  reading: string;
  /** The key's place in 4-decision.md; null when the criterion is not written. */
  source: SourcePlace | null;
  /** What to ask the buyer, for a criterion that is not met; null when it is. */
  ask: string | null;
}

export interface DealQualification {
  deal: string;
  id: string;
  company: string | null;
  segment: string | null;
  /** The pipeline stage sync derives; its threshold judges the qualification. */
  pipelineStage: string | null;
  icp: (Pick<IcpScore, 'score' | 'band' | 'components' | 'missing' | 'disqualifiers' | 'uncapped'> & {
    path: string;
    thresholds: IcpBandThresholds;
    factors: (IcpScore['factors'][number] & { source: SourcePlace | null })[];
  }) | null;
  /** Why there is no ICP score (no Stage 1, no segment the canvas knows); null when there is one. */
  icpMissing: string | null;
  qualification: {
    path: string;
    framework: QualificationResult['framework'];
    /** The decision 4-decision.md records (QUALIFY, DEFER, REJECT), as written; null when none. */
    decision: string | null;
    total: number;
    stage: QualificationResult['stage'];
    recommendation: QualificationResult['recommendation'];
    reason: string;
    criteria: QualifiedCriterion[];
    missing: string[];
    unknown: string[];
    weak: string[];
    unrecognised: string[];
  } | null;
  /** Why there is no qualification (no Stage 4 yet, no framework named); null when there is one. */
  qualificationMissing: string | null;
  /** The questions for the next call: one per criterion missing, unknown or weak, in the framework's order. */
  askNext: { criterion: string; question: string }[];
  /** Sync's `derived-held` warnings: a file in error whose last valid version the scores are read from. */
  held: Diagnostic[];
}

const THREAD_KIND: Record<string, string> = { 'sales-campaign': 'a campaign', marketing: 'a marketing thread' };

/** Where each ICP factor is written in a deal's Stage 1 front matter. */
const FACTOR_FIELDS: Record<string, readonly string[]> = {
  industry: ['company', 'industry'],
  employees: ['company', 'employees'],
  revenue: ['company', 'revenue'],
  technologies: ['company', 'technologies'],
  geography: ['company', 'geography'],
  email_status: ['contact', 'email_status'],
  date: ['date'],
};

/**
 * One deal's ICP fit and qualification as a whole, for `threadwork qualify`: the same scores
 * sync writes into meta.json (scoreThread, at the pipeline stage and date sync uses), with
 * each criterion's place in 4-decision.md and what to ask about the ones not met.
 */
export function qualifyDeal(model: WorkspaceModel, derived: DerivedWorkspace, threadPath: string, held: readonly Diagnostic[]): DealQualification {
  const thread = model.threads.get(threadPath);
  if (!thread) throw new ThreadworkError(`Unknown thread ${threadPath}`, 'unknown-thread');
  const meta = metaOf(thread);
  if (meta?.type !== 'sales-deal') {
    throw new ThreadworkError(`Refused thread ${JSON.stringify(threadPath)}: qualify takes a deal (threads/sales/{deal}); this thread is ${meta ? THREAD_KIND[meta.type] : 'one without a valid meta.json'}`, 'invalid-thread');
  }
  const facts = derived.threads.find((t) => t.path === thread.path);
  const context = scoringContext(model);
  const scores = scoreThread(thread, context, facts?.pipelineStage ?? null, facts?.updated ?? meta.created);
  const locators = new Locators((path) => model.text(path));
  const place = (path: string, dataPath: readonly string[]): SourcePlace => ({ path, ...locators.key(path, dataPath).start });
  const input = thread.stages[0];
  const decision = thread.stages[3];
  const written = (value: unknown, keys: readonly string[]): boolean => keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value) !== undefined;

  const icp = scores.icp && input
    ? {
        path: input.path,
        score: scores.icp.score,
        band: scores.icp.band,
        thresholds: resolveIcpThresholds(meta.segment ? context.profiles.get(meta.segment)?.profile.thresholds : undefined),
        components: scores.icp.components,
        missing: scores.icp.missing,
        disqualifiers: scores.icp.disqualifiers,
        uncapped: scores.icp.uncapped,
        factors: scores.icp.factors.map((f) => {
          const field = FACTOR_FIELDS[f.name] ?? (f.component === 'intent' ? ['company', 'signals'] : undefined);
          return { ...f, source: field && written(input.value, field) ? place(input.path, field) : null };
        }),
      }
    : null;
  const qualification = scores.qualification && decision ? qualificationView(scores.qualification, decision.path, decision.value, place) : null;
  return {
    deal: thread.path,
    id: meta.id,
    company: companyName(input?.value),
    segment: meta.segment ?? null,
    pipelineStage: facts?.pipelineStage ?? null,
    icp,
    icpMissing: icp ? null : !input ? `no ${STAGE_FILES[0]} to score` : `segment ${JSON.stringify(meta.segment ?? '')} is not in strategy/canvas/04-segments.md`,
    qualification,
    qualificationMissing: qualification ? null : !decision ? `no ${STAGE_FILES[3]} yet: the criteria are written at Stage 4` : `${STAGE_FILES[3]} names no framework threadwork scores (framework: BANT, MEDDIC, MEDDPICC, SPIN, Sandler or Challenger)`,
    askNext: (qualification?.criteria ?? []).filter((c) => c.ask !== null).map((c) => ({ criterion: c.label, question: c.ask! })),
    held: [...held],
  };
}

function qualificationView(
  result: QualificationResult,
  path: string,
  stage: unknown,
  place: (path: string, dataPath: readonly string[]) => SourcePlace,
): NonNullable<DealQualification['qualification']> {
  const { missing, unknown, weak } = result;
  const statusOf = (key: string): QualifiedCriterion['status'] => (missing.includes(key) ? 'missing' : unknown.includes(key) ? 'unknown' : weak.includes(key) ? 'weak' : 'met');
  const decision = (stage as { decision?: unknown } | undefined)?.decision;
  return {
    path,
    framework: result.framework,
    decision: typeof decision === 'string' ? decision : null,
    total: result.total,
    stage: result.stage,
    recommendation: result.recommendation,
    reason: result.reason,
    criteria: result.criteria.map((c) => {
      const status = statusOf(c.key);
      return {
        key: c.key,
        label: c.label,
        writtenAs: c.writtenAs ?? null,
        value: c.value ?? null,
        score: c.score,
        status,
        reading: c.reading,
        source: c.writtenAs === undefined ? null : place(path, ['criteria', c.writtenAs]),
        ask: status === 'met' ? null : (CRITERION_QUESTIONS[c.key] ?? null),
      };
    }),
    missing,
    unknown,
    weak,
    unrecognised: result.unrecognised,
  };
}

function companyName(input: unknown): string | null {
  const name = (input as { company?: { name?: unknown } } | undefined)?.company?.name;
  return typeof name === 'string' ? name : null;
}
