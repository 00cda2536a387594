import type { ThreadFacts } from '../../src/derive/thread-facts.js';

/**
 * A thread's facts as the derivation computes them, every field empty but those given:
 * what the tests of pure derivation code (metrics, goals, forecasts, rates) build on.
 * `meta` extras (segment, goal_id, …) go in `meta`.
 */
export function threadFacts(path: string, facts: Partial<Omit<ThreadFacts, 'meta'>> & { meta?: Partial<ThreadFacts['meta']> } = {}): ThreadFacts {
  const { meta, ...rest } = facts;
  return {
    path,
    meta: { id: path.split('/').pop()!, type: 'sales-deal', title: path, source: 'inbound', created: '2026-01-01', ...meta } as ThreadFacts['meta'],
    stage: 6,
    status: 'open',
    pipelineStage: null,
    reachedStage: null,
    closeProbability: 0,
    cycleDays: null,
    updated: meta?.created ?? '2026-01-01',
    arrPotential: null,
    arr: null,
    margin: null,
    outcome: null,
    closed: null,
    tests: [],
    validations: [],
    contentOpportunity: null,
    campaignResults: null,
    experiments: [],
    icpMatchScore: null,
    qualificationScore: null,
    priority: null,
    leadScore: null,
    leadBand: null,
    contactScore: null,
    ...rest,
  };
}
