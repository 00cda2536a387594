import { QUALIFICATION_FRAMEWORKS } from '../schema/stages.js';
import type { ThreadRecord } from '../workspace/model.js';
import type { ThreadFinding } from './thread-memo.js';

/**
 * A deal's Stage 4 with `criteria` and no `framework`: the criteria are scored against a
 * framework, so with none the deal had no qualification score (sync wrote it as none), its
 * decision was checked against nothing, and check said "no problems". A warning at
 * `criteria`, naming the frameworks there are.
 */
export function criteriaWithoutFramework(thread: ThreadRecord, path: string): ThreadFinding[] {
  const decision = thread.stages[3]?.value as { framework?: unknown; criteria?: unknown } | undefined;
  const framework = decision?.framework;
  const criteria = decision?.criteria;
  if ((framework !== undefined && framework !== null && framework !== '') || criteria === null || typeof criteria !== 'object' || Array.isArray(criteria)) return [];
  if (Object.keys(criteria).length === 0) return [];
  const message = `\`criteria\` without a \`framework\`: the criteria are scored against a framework, so with none this deal has no qualification score and its decision is checked against nothing — expected \`framework:\` one of ${QUALIFICATION_FRAMEWORKS.join(', ')}`;
  return [{ path, dataPath: ['criteria'], rule: 'criteria-without-framework', severity: 'warning', field: 'criteria', message }];
}
