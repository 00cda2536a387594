import { dueTouches, resolveSequence, type DueTouch, type SequenceProspect } from '../outreach/index.js';
import { metaOf, type WorkspaceModel } from '../workspace/model.js';
import { requireSuppression } from './suppression.js';

/**
 * Every touch due on `today` (and overdue ones) across all campaigns at Stage 5 or later,
 * earliest first, skipping every address on the suppression list. Throws
 * `suppression-invalid` while that list is invalid: nobody is due until it is fixed.
 */
export function listDueTouches(model: WorkspaceModel, today: string): DueTouch[] {
  const suppressed = requireSuppression(model, 'no touch is listed as due');
  const due: DueTouch[] = [];
  for (const thread of model.threads.values()) {
    const meta = metaOf(thread);
    const actions = thread.stages[4]?.value as { sequence?: { preset?: string | null; start?: string | null; touches?: unknown[] } | null; prospects?: SequenceProspect[] } | undefined;
    if (!meta || meta.type !== 'sales-campaign' || !actions) continue;
    // A campaign whose learning has a close date is over: nothing more is due.
    if ((thread.stages[5]?.value as { closed?: string | null } | undefined)?.closed) continue;
    const sequence = actions.sequence ?? null;
    due.push(
      ...dueTouches({
        campaign: thread.path,
        touches: resolveSequence(sequence as Parameters<typeof resolveSequence>[0]),
        start: sequence?.start ?? meta.created,
        prospects: actions.prospects ?? [],
        suppressed,
        today,
      }),
    );
  }
  return due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.campaign < b.campaign ? -1 : 1));
}
