import { dueTouches, resolveSequence, type DueTouch } from '../outreach/index.js';
import { metaOf, stageValue, type WorkspaceModel } from '../workspace/model.js';
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
    const actions = stageValue(thread, 'campaign', 5);
    if (!meta || meta.type !== 'sales-campaign' || !actions) continue;
    // A campaign whose learning has a close date is over: nothing more is due.
    if (stageValue(thread, 'campaign', 6)?.closed) continue;
    const sequence = actions.sequence ?? null;
    due.push(
      ...dueTouches({
        campaign: thread.path,
        touches: resolveSequence(sequence),
        start: sequence?.start ?? meta.created,
        prospects: actions.prospects ?? [],
        suppressed,
        today,
      }),
    );
  }
  return due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.campaign < b.campaign ? -1 : 1));
}
