import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { prospectsAsSent, type SentTouches } from '../derive/sent-touches.js';
import { calendarDate, contactStop, prospectId, prospectIdField, prospectLabel, resolveSequence, suppressionKeys, touchesDone } from '../outreach/index.js';
import { stageValue, suppressionValue, type WorkspaceModel } from '../workspace/model.js';
import type { Locators } from './locators.js';

/**
 * A prospect in the sequences of two campaigns at once: `due` lists each campaign's
 * touches on its own, so the same person gets two cold sequences — on the same day when
 * the campaigns start together. Only prospects still in a sequence count: not stopped
 * (contactStop: suppressed, unsubscribed, replied…, or the campaign closed) and with
 * touches left (counted as `due` counts them, prospectsAsSent). Reported at the address in
 * every campaign but the first (by path), naming the first; a warning, as a person may
 * mean it (another offer, another sender).
 */
export function checkSharedProspects(model: WorkspaceModel, locators: Locators, inScope: (thread: string) => boolean, sent: SentTouches): Diagnostic[] {
  const suppressed = suppressionKeys(suppressionValue(model)?.suppressed ?? []);
  const firstIn = new Map<string, string>();
  const out: Diagnostic[] = [];
  const campaigns = [...model.threads.values()].filter((t) => t.family === 'campaign').sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const thread of campaigns) {
    const actions = stageValue(thread, 'campaign', 5);
    const touches = resolveSequence(actions?.sequence ?? null).length;
    if (!actions || touches === 0 || calendarDate(stageValue(thread, 'campaign', 6)?.closed)) continue;
    const seen = new Set<string>();
    prospectsAsSent(sent().get(thread.path), actions.prospects).forEach((p, i) => {
      const id = prospectId(p);
      if (seen.has(id) || contactStop(p, suppressed) !== null || touchesDone(p.touches_done) >= touches) return;
      seen.add(id);
      const first = firstIn.get(id);
      if (first === undefined) return void firstIn.set(id, thread.path);
      if (!inScope(thread.path)) return;
      const path = `${thread.path}/5-actions.md`;
      const message = `${prospectLabel(p)} is also in the sequence of ${first}: \`due\` lists the touches of both campaigns to them, two cold sequences to one person. Keep them in one (remove them here, or set \`status: completed\` in one), or leave it if both are meant`;
      // At the detail they are known by (prospectId): the email, else the LinkedIn profile or phone.
      const field = prospectIdField(p);
      out.push(diagnostic(path, locators.range(path, ['prospects', i, field]), 'warning', 'prospect-in-two-campaigns', message, `prospects[${i}].${field}`));
    });
  }
  return out;
}
