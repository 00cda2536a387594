import type { Config } from '../schema/config.js';
import type { ThreadMeta } from '../schema/meta.js';
import { THREAD_TYPE_BY_FAMILY } from '../workspace/layout.js';
import { metaOf, stageOf, type ThreadRecord } from '../workspace/model.js';
import type { ExperimentAnalysis } from '../outreach/experiment-analysis.js';
import { campaignExperiments } from './experiments.js';
import { resultPerAssumption } from './learning-results.js';
import { inCurrency, parseMoney } from '../schema/money.js';
import { icpBarsOf, scoreThread, type ScoringContext } from './thread-scores.js';
import { round3, roundHalfUp } from '../scoring/numbers.js';
import { DEFER_MARGIN, formatTotal } from '../scoring/qualification.js';

type Data = Record<string, unknown>;

/** Everything the derivations need to know about one thread, read from its sources. */
export interface ThreadFacts {
  path: string;
  meta: ThreadMeta;
  stage: number;
  status: NonNullable<ThreadMeta['status']>;
  pipelineStage: string | null;
  /** The furthest pipeline stage the deal reached, whatever its status (for the funnel). */
  reachedStage: string | null;
  closeProbability: number;
  /** Days from creation to close, for closed threads. */
  cycleDays: number | null;
  /** The latest date written in the thread's sources. */
  updated: string;
  arrPotential: number | null;
  arr: number | null;
  margin: number | null;
  outcome: 'closed-won' | 'closed-lost' | 'stalled' | null;
  closed: string | null;
  tests: string[];
  /**
   * What Stage 6 (and the campaign's experiments) found of each assumption tested: the
   * assumption and the result, all the aggregates read. The evidence written beside them
   * stays in the file (a third of the facts cache's bytes at 10,000 deals, read by nothing).
   */
  validations: { assumption: string; result: 'validated' | 'partial' | 'invalidated' }[];
  contentOpportunity: { topic: string; priority: string; slug?: string } | null;
  campaignResults: Data | null;
  /** Campaigns from Stage 5: each experiment judged on its per-variant Stage 6 results (docs/experiments.md). */
  experiments: ExperimentAnalysis[];
  /** Deals only: ICP match (0–1), qualification total (0–1) and priority. */
  icpMatchScore: number | null;
  qualificationScore: number | null;
  priority: 'high' | 'medium' | 'low' | null;
  /** Deals only: lead score (0–100) and band, contact score (0–1). */
  leadScore: number | null;
  leadBand: 'cold' | 'warm' | 'mql' | 'sql' | null;
  contactScore: number | null;
}

/** Pipeline stage reached by each deal action once it is under way or done. */
export const ACTION_PIPELINE_STAGE: Record<string, string> = {
  'sales:lead-intake': 'lead',
  'sales:qualify': 'qualified',
  'sales:demo': 'discovery',
  'sales:pilot': 'proposal',
  'sales:close': 'negotiation',
};

/**
 * The pipeline stages the engine derives, in the order a deal goes through them: an open
 * deal's (derivePipelineStage), then a won deal's. `pipeline.stages` in the config gives
 * their probabilities; a stage it lacks counts at 0 (check: pipeline-stage-unconfigured).
 */
export const DERIVED_PIPELINE_STAGES = ['lead', 'qualified', 'discovery', 'proposal', 'negotiation', 'closed-won'] as const;

/**
 * A pipeline stage's position among the configured stage names (`pipeline.stages`), for
 * "reached this stage or a later one". A stage the config lacks ranks as the last configured
 * stage a deal passes before it: a deal that reached discovery, with discovery taken out,
 * reached lead and qualified still. -1 for none (no stage, or nothing configured before it).
 * The pipeline report's funnel and the forecast's calibration both rank with it, so a deal
 * counts at the same stages in both.
 */
export function configuredStageRank(names: readonly string[]): (stage: string | null) => number {
  return (stage) => {
    if (!stage) return -1;
    const at = names.indexOf(stage);
    if (at >= 0) return at;
    const position = (DERIVED_PIPELINE_STAGES as readonly string[]).indexOf(stage);
    return Math.max(-1, ...DERIVED_PIPELINE_STAGES.slice(0, Math.max(0, position)).map((before) => names.indexOf(before)));
  };
}

/**
 * Facts for a thread whose meta.json is valid and that has a stage file; undefined
 * otherwise (check reports it: thread-meta-missing, thread-type-folder, thread-stage-missing).
 */
export function threadFacts(thread: ThreadRecord, config: Config, scoring?: ScoringContext): ThreadFacts | undefined {
  const meta = metaOf(thread);
  // A meta.json whose type contradicts its folder (check: thread-type-folder) describes stage
  // files validated by the folder's schemas, not its type's: the thread is left out of every
  // figure rather than read as what it is not (a marketing thread typed sales-deal has no contact).
  if (!meta || meta.type !== THREAD_TYPE_BY_FAMILY[thread.family]) return undefined;
  // A folder with a meta.json and no stage file (a copy cut short, the stages deleted; a
  // watcher may see meta.json a moment before 1-input.md) is no deal yet: counted as an open
  // Stage 1 deal it would move the pipeline, the metrics, the goals and the as-of date.
  if (stageOf(thread) === 0) return undefined;
  const { stage, outcome, status, pipelineStage } = progressOf(thread, meta);
  const data = (i: number): Data => (thread.stages[i]?.value as Data | undefined) ?? {};
  const [input, hypothesis, implication, decision, actions, learning] = [0, 1, 2, 3, 4, 5].map(data) as [Data, Data, Data, Data, Data, Data];
  const closed = typeof learning.closed === 'string' ? learning.closed.slice(0, 10) : null;
  const reachedStage = meta.type !== 'sales-deal' ? null : status === 'closed-won' ? 'closed-won' : derivePipelineStage('open', decision.decision, actions.actions);
  const probabilities = new Map(config.pipeline.stages.map((s) => [s.name, s.probability]));
  const closeProbability = meta.type !== 'sales-deal' ? 0 : status === 'closed-won' ? 1 : pipelineStage && status === 'open' ? probabilities.get(pipelineStage) ?? 0 : 0;
  const updated = latestDate([meta.created, input.date, closed, ...listOf(actions.actions).flatMap((a) => [(a as Data).completed])]);
  const experiments = meta.type === 'sales-campaign' && stage >= 5 ? campaignExperiments(actions, stage === 6 ? learning : null, config) : [];
  // A declared winner is a Stage 6 result like a written one: it counts towards the assumption it tests.
  const experimentValidations = experiments.flatMap((e) => (e.validation ? [e.validation] : []));
  const experimentOpportunity = experiments.flatMap((e) => {
    const design = listOf(actions.experiments).find((d) => (d as Data).name === e.name) as Data | undefined;
    return e.winner && design?.content_opportunity ? [design.content_opportunity as NonNullable<ThreadFacts['contentOpportunity']>] : [];
  })[0];
  const currency = scoring?.currency ?? 'USD';
  const scores = scoring ? scoreThread(thread, scoring, pipelineStage, updated) : { icp: null, qualification: null, priority: null, contact: null, lead: null };
  return {
    path: thread.path,
    meta,
    stage,
    status,
    pipelineStage,
    reachedStage,
    closeProbability,
    cycleDays: cycleDaysOf(meta.created, closed, outcome),
    updated,
    arrPotential: inCurrency(implication.arr_potential, currency) ? parseArrPotential(implication.arr_potential) : null,
    arr: inCurrency(learning.arr, currency) ? (parseMoney(learning.arr) ?? null) : null,
    margin: typeof learning.margin === 'number' ? learning.margin : null,
    outcome,
    closed,
    tests: listOf(hypothesis.tests).filter((t): t is string => typeof t === 'string'),
    validations: stage === 6 ? [...resultPerAssumption(listOf(learning.validations) as ThreadFacts['validations']), ...experimentValidations].map(({ assumption, result }) => ({ assumption, result })) : [],
    contentOpportunity: stage === 6 ? ((learning.content_opportunity as ThreadFacts['contentOpportunity']) ?? experimentOpportunity ?? null) : null,
    campaignResults: meta.type === 'sales-campaign' ? ((learning.results as Data | undefined) ?? null) : null,
    experiments,
    icpMatchScore: scores.icp && scoring ? onItsSide(scores.icp.score, icpBarsOf(scoring, meta.segment, config.autonomy.icp_min_score)) : null,
    qualificationScore: scores.qualification ? onItsSide(scores.qualification.total, qualificationBars(scores.qualification.stage.threshold)) : null,
    priority: scores.priority,
    leadScore: scores.lead ? scores.lead.score : null,
    leadBand: scores.lead ? scores.lead.band : null,
    contactScore: scores.contact ? roundHalfUp(scores.contact.score, 2) : null,
  };
}

/**
 * A score as meta.json holds it: two decimals, or as many as keep it on its side of every
 * bar it is judged by (formatTotal, as `score` and check print it). Rounded to two alone, an
 * ICP match of 0.599 read 0.6 beside the good band and the autonomy gate of 0.60 it fails,
 * and a BANT total of 0.696 read 0.7 beside the threshold check says it is below.
 */
function onItsSide(score: number, bars: readonly number[]): number {
  return Number(formatTotal(score, bars));
}

/** The bars a qualification total is judged by (scoreQualification): the stage's threshold, and the DEFER margin under it. */
function qualificationBars(threshold: number): number[] {
  return [threshold, round3(threshold - DEFER_MARGIN)];
}

/**
 * A deal's pipeline stage, as its facts give it, without the rest of them (the decision
 * check asks it of every deal of a cold check): undefined unless the thread is a sales
 * deal with a valid meta.json.
 */
export function dealPipelineStage(thread: ThreadRecord): string | undefined {
  const meta = metaOf(thread);
  if (!meta || meta.type !== 'sales-deal' || THREAD_TYPE_BY_FAMILY[thread.family] !== 'sales-deal') return undefined;
  return progressOf(thread, meta).pipelineStage ?? undefined;
}

/**
 * An open deal's pipeline stage, as its facts give it: undefined for a thread that is not a
 * sales deal with a valid meta.json, and for a deal closed, stalled or parked (its status is its stage).
 */
export function openDealPipelineStage(thread: ThreadRecord): string | undefined {
  const meta = metaOf(thread);
  if (!meta || meta.type !== 'sales-deal' || THREAD_TYPE_BY_FAMILY[thread.family] !== 'sales-deal') return undefined;
  const { status, pipelineStage } = progressOf(thread, meta);
  return status === 'open' ? (pipelineStage ?? undefined) : undefined;
}

/** Where a thread stands: its stage, outcome, status and (deals) pipeline stage. */
function progressOf(thread: ThreadRecord, meta: ThreadMeta): Pick<ThreadFacts, 'stage' | 'outcome' | 'status' | 'pipelineStage'> {
  // Never 0, which meta.json's schema rightly refuses (threadFacts gives none for a thread with no stage file).
  const stage = Math.max(1, stageOf(thread));
  const decision = (thread.stages[3]?.value as Data | undefined)?.decision;
  const learning = (thread.stages[5]?.value as Data | undefined) ?? {};
  const outcome = (stage === 6 ? (learning.outcome as ThreadFacts['outcome']) : null) ?? null;
  const status = deriveStatus(meta.type, stage, outcome, decision, learning);
  const pipelineStage = meta.type === 'sales-deal' ? derivePipelineStage(status, decision, (thread.stages[4]?.value as Data | undefined)?.actions) : null;
  return { stage, outcome, status, pipelineStage };
}

function deriveStatus(type: ThreadMeta['type'], stage: number, outcome: ThreadFacts['outcome'], decision: unknown, learning: Data): ThreadFacts['status'] {
  if (type === 'sales-deal' && outcome) return outcome;
  // A freshly opened 6-learning.md carries zeroed results: only a close date ends a campaign or a content thread.
  if (type !== 'sales-deal' && stage === 6 && (learning.closed || learning.published)) return 'completed';
  if (stage >= 4 && decision === 'DEFER') return 'deferred';
  if (stage >= 4 && decision === 'REJECT') return 'rejected';
  if (type === 'sales-campaign' && stage >= 5) return 'active';
  return 'open';
}

/**
 * Where an open deal stands in the pipeline: `lead` until it is qualified, `qualified`
 * once the Stage 4 decision is QUALIFY, then the furthest Stage 5 action under way or
 * done (demo → discovery, pilot → proposal, close → negotiation). Closed and parked
 * deals carry their status as their stage.
 */
function derivePipelineStage(status: ThreadFacts['status'], decision: unknown, actions: unknown): string {
  if (status !== 'open') return status;
  const order = DERIVED_PIPELINE_STAGES;
  let reached = decision === 'QUALIFY' ? 1 : 0;
  for (const action of listOf(actions)) {
    const { type, status: actionStatus } = action as Data;
    if (actionStatus !== 'in_progress' && actionStatus !== 'completed') continue;
    const index = (order as readonly string[]).indexOf(ACTION_PIPELINE_STAGE[String(type)] ?? '');
    if (index > reached) reached = index;
  }
  return order[reached]!;
}

function parseArrPotential(value: unknown): number | null {
  if (value && typeof value === 'object') {
    const { min, max } = value as { min?: unknown; max?: unknown };
    const lo = parseMoney(min);
    const hi = parseMoney(max);
    if (lo !== undefined && hi !== undefined) return (lo + hi) / 2;
    return lo ?? hi ?? null;
  }
  return parseMoney(value) ?? null;
}

/**
 * Days from creation to close, for a deal won or lost. A close before the creation is a
 * wrong date (check: closed-before-created): unknown, not 0, so it does not pull every
 * average cycle time down.
 */
function cycleDaysOf(created: string, closed: string | null, outcome: ThreadFacts['outcome']): number | null {
  if (!closed || (outcome !== 'closed-won' && outcome !== 'closed-lost')) return null;
  const days = daysBetween(created, closed);
  return days >= 0 ? days : null;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
}

function latestDate(values: unknown[]): string {
  return values
    .filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v))
    .map((v) => v.slice(0, 10))
    .reduce((a, b) => (b > a ? b : a), '');
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
