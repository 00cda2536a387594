import type { Icp } from '../schema/icp.js';
import type { DealInput } from '../schema/stages.js';
import {
  behaviourFromDealInput,
  contactFromDealInput,
  leadInputsFrom,
  parseFramework,
  profileFromIcp,
  profileFromSegment,
  prospectFromDealInput,
  resolveIcpThresholds,
  scoreDealPriority,
  scoreIcp,
  scoreContact,
  scoreLead,
  scoreQualification,
  type ContactScore,
  type IcpProfile,
  type LeadScore,
  type IcpScore,
  type QualificationResult,
} from '../scoring/index.js';
import { inCurrency } from '../schema/money.js';
import { resolveCriterion, type QualificationFramework } from '../scoring/frameworks.js';
import { icpOf, metaOf, metricTargetsOf, segmentsOf, workspaceCurrency, type ThreadRecord, type WorkspaceModel } from '../workspace/model.js';

export interface ThreadScores {
  icp: IcpScore | null;
  qualification: QualificationResult | null;
  priority: 'high' | 'medium' | 'low' | null;
  /** The deal's contact against the segment's persona titles. */
  contact: ContactScore | null;
  /** Demographic points from the ICP fit and the contact's role, behavioural ones from 1-input's `engagement` block. */
  lead: LeadScore | null;
}

export interface ScoringContext {
  profiles: Map<string, { profile: IcpProfile; icp: Icp | null }>;
  /** What a typical deal is worth: the `avg_deal_size` target, used to scale a deal's value for its priority. */
  referenceDealSize: number | null;
  /** The workspace's currency (workspaceCurrency): a deal amount written in another counts in no figure. */
  currency: string;
}

/** ICP profiles per segment: the generated ICP file when it is valid, else the segment itself. */
export function scoringContext(model: WorkspaceModel): ScoringContext {
  const profiles = new Map<string, { profile: IcpProfile; icp: Icp | null }>();
  const currency = workspaceCurrency(model);
  for (const segment of segmentsOf(model)) {
    const icp = icpOf(model, segment.id) ?? null;
    // The workspace's currency: a company revenue written in another is not compared (fit.ts).
    profiles.set(segment.id, { profile: Object.assign({}, icp ? profileFromIcp(icp) : profileFromSegment(segment), { currency }), icp });
  }
  const { targets } = metricTargetsOf(model);
  return { profiles, referenceDealSize: typeof targets.avg_deal_size === 'number' ? targets.avg_deal_size : null, currency };
}

/**
 * The scores a deal runs on (SPEC "Derived"): ICP match from 1-input's company against
 * the segment's ICP, qualification from 4-decision's criteria at the deal's pipeline
 * stage, priority from 3-implication, the contact score and the lead score from 1-input's contact. Freshness is measured against the thread's own
 * latest date, so a deal's score does not drift when other threads move.
 */
export function scoreThread(thread: ThreadRecord, context: ScoringContext, pipelineStage: string | null, asOf: string): ThreadScores {
  const meta = metaOf(thread);
  if (!meta || meta.type !== 'sales-deal') return { icp: null, qualification: null, priority: null, contact: null, lead: null };
  const value = (i: number): Record<string, unknown> | undefined => thread.stages[i]?.value as Record<string, unknown> | undefined;
  const input = value(0);
  const segment = meta.segment ? context.profiles.get(meta.segment) : undefined;
  const icp = input && segment && asOf ? scoreIcp(prospectFromDealInput(input as DealInput), segment.profile, { asOf }) : null;
  const contact = input && segment ? scoreContact(contactFromDealInput(input as DealInput), segment.profile.personaTitles) : null;
  const scored = icp && contact ? scoreLead(leadInputsFrom(icp, contact, behaviourFromDealInput(input as DealInput))) : null;
  // Nothing known about the company, the contact's role or any engagement: no lead score rather than a made-up 0.
  const lead = scored && scored.missing.length < scored.parts.length ? scored : null;

  const qualification = qualifyThread(thread, pipelineStage);

  const implication = value(2);
  const priority = implication
    ? scoreDealPriority({
        icpFit: icp?.score ?? null,
        // An arr_potential in another currency is no value here, as in the pipeline: sized
        // against the target in the workspace's currency, "€500k" read as 500k dollars.
        arrPotential: inCurrency(implication.arr_potential, context.currency) ? implication.arr_potential : null,
        referenceDealSize: context.referenceDealSize,
        strategicValue: typeof implication.strategic_value === 'string' ? implication.strategic_value : null,
      }).priority
    : null;
  return { icp, qualification, priority, contact, lead };
}

/**
 * The bars a deal's ICP match is judged by: its segment's bands (strong, good, weak) and the
 * autonomy gate's minimum when one is configured. meta.json writes the score with the
 * decimals that keep it on its side of each (thread-facts.ts).
 */
export function icpBarsOf(context: ScoringContext, segment: string | null | undefined, autonomyMin: number | null): number[] {
  const profile = segment ? context.profiles.get(segment)?.profile : undefined;
  const { strong, good, weak } = resolveIcpThresholds(profile?.thresholds);
  return autonomyMin === null ? [strong, good, weak] : [strong, good, weak, autonomyMin];
}

/** Only the qualification of a deal: what check needs to compare with the written decision. */
/**
 * The criterion keys of the thread's Stage 4 that its framework does not have (what
 * qualifyThread reports as `unrecognised`), without scoring a criterion; null when the
 * decision names no framework threadwork knows.
 */
export function unrecognisedCriteriaOf(thread: ThreadRecord): { framework: QualificationFramework; keys: string[] } | null {
  const decision = thread.stages[3]?.value as Record<string, unknown> | undefined;
  const framework = typeof decision?.framework === 'string' ? parseFramework(decision.framework) : undefined;
  if (!framework) return null;
  const criteria = decision?.criteria;
  const written = criteria !== null && typeof criteria === 'object' ? Object.keys(criteria) : [];
  return { framework, keys: written.filter((key) => resolveCriterion(framework, key) === undefined) };
}

export function qualifyThread(thread: ThreadRecord, pipelineStage: string | null): QualificationResult | null {
  const decision = thread.stages[3]?.value as Record<string, unknown> | undefined;
  const framework = typeof decision?.framework === 'string' ? parseFramework(decision.framework) : undefined;
  return framework ? scoreQualification(framework, (decision?.criteria as Record<string, unknown> | null | undefined) ?? null, { stage: qualificationStage(pipelineStage) }) : null;
}

/**
 * A qualification is judged by the bar of the stage the deal is entering: a deal
 * deciding at Stage 4 faces the qualification threshold; one already in a pilot the
 * proposal threshold. Closed and parked deals are judged as they were at qualification.
 */
function qualificationStage(pipelineStage: string | null): string {
  if (!pipelineStage || ['lead', 'closed-won', 'closed-lost', 'stalled', 'deferred', 'rejected'].includes(pipelineStage)) return 'qualified';
  return pipelineStage;
}
