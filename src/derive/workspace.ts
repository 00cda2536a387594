import { deriveAssumptions, type AssumptionState } from './assumptions.js';
import { deriveGoal, type GoalState } from './goals.js';
import { computeFigures, type Figures } from './metrics.js';
import { threadFacts, type ThreadFacts } from './thread-facts.js';
import { scoringContext } from './thread-scores.js';
import type { ThreadFactsCache } from './facts-cache.js';
import { slugify } from '../workspace/slug.js';
import { assumptionsOf, goalsOf, segmentsOf, type ThreadRecord, type WorkspaceModel } from '../workspace/model.js';

export interface MarketingOpening {
  slug: string;
  topic: string;
  priority: string;
  /** Threads that asked for it (content_opportunity) or the assumption that became validated. */
  sources: string[];
  reason: string;
}

export interface DerivedWorkspace {
  asOf: string;
  threads: ThreadFacts[];
  assumptions: AssumptionState[];
  overall: Figures;
  bySegment: { id: string; figures: Figures }[];
  goals: GoalState[];
  marketing: MarketingOpening[];
}

/**
 * Everything the engine writes, as a pure function of the sources: no I/O, no clock.
 * The "as of" date for goal trajectories is the latest date written in any deal or campaign.
 */
export function deriveWorkspace(model: WorkspaceModel, cache?: ThreadFactsCache): DerivedWorkspace {
  const scoring = scoringContext(model);
  cache?.startCycle(model);
  const compute = (t: ThreadRecord): ThreadFacts | undefined => threadFacts(t, model.config, scoring);
  const threads = [...model.threads.values()]
    .map((t) => (cache ? cache.facts(t, () => compute(t)) : compute(t)))
    .filter((t): t is ThreadFacts => t !== undefined)
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const goals = goalsOf(model);
  // Goals measure sales activity: content threads (opened on the day a sync runs) do not move the as-of date.
  const sales = threads.filter((t) => t.meta.type !== 'marketing');
  const asOf = [...sales.map((t) => t.updated), ...goals.map((g) => g.created)].reduce((a, b) => (b > a ? b : a), '');
  const assumptions = deriveAssumptions(assumptionsOf(model), threads, model.config);
  return {
    asOf,
    threads,
    assumptions,
    overall: computeFigures(threads),
    bySegment: segmentsOf(model).map((s) => ({ id: s.id, figures: computeFigures(threads.filter((t) => t.meta.segment === s.id)) })),
    goals: goals.map((g) => deriveGoal(g, threads, asOf)),
    marketing: marketingOpenings(threads, assumptions),
  };
}

function marketingOpenings(threads: readonly ThreadFacts[], assumptions: readonly AssumptionState[]): MarketingOpening[] {
  const bySlug = new Map<string, MarketingOpening>();
  for (const t of threads) {
    const opportunity = t.contentOpportunity;
    if (!opportunity?.topic) continue;
    let slug: string;
    try {
      slug = opportunity.slug ?? slugify(opportunity.topic, 'content topic');
    } catch {
      continue; // a topic with no letters: check reports the thread; nothing to open
    }
    const existing = bySlug.get(slug);
    if (existing) existing.sources.push(t.path);
    else bySlug.set(slug, { slug, topic: opportunity.topic, priority: opportunity.priority ?? 'medium', sources: [t.path], reason: `content opportunity in ${t.path}/6-learning.md` });
  }
  for (const a of assumptions) {
    if (a.status !== 'validated' || a.retired) continue;
    const slug = `${a.id.toLowerCase()}-${slugify(a.statement, 'assumption').slice(0, 48).replace(/-+$/, '')}`;
    if (!bySlug.has(slug)) {
      bySlug.set(slug, { slug, topic: `Proof: ${a.statement}`, priority: 'high', sources: a.evidence.map((e) => e.thread), reason: `assumption ${a.id} validated (confidence ${a.confidence}, n=${a.n})` });
    }
  }
  return [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1));
}
