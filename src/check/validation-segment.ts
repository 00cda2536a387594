import type { RuleId } from '../diagnostics.js';
import type { ThreadRecord } from '../workspace/model.js';

type Data = Record<string, unknown>;
type Report = (file: string, dataPath: readonly PropertyKey[], rule: RuleId, message: string, severity?: 'error' | 'warning') => void;

/**
 * A Stage 6 result for an assumption scoped to another segment than the thread's: a deal
 * in `ecommerce-finance` validating an assumption about `mid-market-fintech` moved that
 * segment's confidence from evidence that is not about it, with nothing said. Warned at the
 * entry; the result still counts (as `validation-untested`'s does): the person wrote it,
 * and dropping it unseen would lose it — they fix the id or the assumption's segment.
 * An assumption with no segment is about the whole business: any thread's evidence is.
 * `segments`: each assumption's segment, by id (the canvas's, read at each check).
 */
export function checkValidationSegments(thread: ThreadRecord, segments: ReadonlyMap<string, string>, report: Report): void {
  const meta = thread.meta?.value as Data | undefined;
  const learning = thread.stages[5];
  const data = learning?.value as Data | undefined;
  const own = typeof meta?.segment === 'string' ? meta.segment : undefined;
  if (!learning || !data || own === undefined || !Array.isArray(data.validations)) return;
  const told = new Set<string>();
  (data.validations as unknown[]).forEach((entry, j) => {
    const id = (entry as Data | null)?.assumption;
    if (typeof id !== 'string' || told.has(id)) return;
    const scoped = segments.get(id);
    if (scoped === undefined || scoped === own) return;
    told.add(id);
    report(
      learning.path,
      ['validations', j, 'assumption'],
      'validation-other-segment',
      `Assumption \`${id}\` is about segment \`${scoped}\`, and this thread is in \`${own}\` (meta.json): expected evidence from a thread of ${scoped}. It counts towards ${id}'s confidence all the same: correct the id, or, if the assumption holds beyond ${scoped}, remove its \`segment\` in strategy/canvas/10-assumptions.md`,
      'warning',
    );
  });
}
