import type { AssumptionState } from './assumptions.js';
import type { GoalState } from './goals.js';
import type { Figures } from './metrics.js';
import type { ThreadFacts } from './thread-facts.js';

export interface MarketingOpening {
  slug: string;
  topic: string;
  priority: string;
  /** Threads that asked for it (content_opportunity) or the assumption that became validated. */
  sources: string[];
  reason: string;
  /** For a proof thread: the id of the assumption that became validated (its folder is named `{id}-{statement}`). */
  assumption?: string;
}

export interface DerivedWorkspace {
  asOf: string;
  threads: ThreadFacts[];
  assumptions: AssumptionState[];
  overall: Figures;
  bySegment: { id: string; figures: Figures }[];
  goals: GoalState[];
  marketing: MarketingOpening[];
  /**
   * The threads whose facts may differ from the previous derivation by the same deriver;
   * undefined when every thread is new to it (a cold run). Lets a plan look at what changed.
   */
  changedThreads?: ReadonlySet<string> | undefined;
}
