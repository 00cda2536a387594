import type { WorkspaceModel } from '../workspace/model.js';
import type { DerivedWorkspace } from './derived.js';
import { IncrementalDerivation } from './incremental.js';

export type { DerivedWorkspace, MarketingOpening } from './derived.js';

/**
 * Everything the engine writes, as a pure function of the sources: no I/O. The "as of"
 * date for goal trajectories is the latest date written in any deal or campaign that is
 * not after today: the one reading of the clock, so a date still to come (a typo) cannot
 * turn every goal to `missed`, while a day passing changes nothing.
 * A watcher keeps one IncrementalDerivation between cycles; a cold run starts a fresh one.
 */
export function deriveWorkspace(model: WorkspaceModel, derivation: IncrementalDerivation = new IncrementalDerivation()): DerivedWorkspace {
  return derivation.derive(model);
}
