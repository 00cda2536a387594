import { draftValue, type WorkspaceModel } from '../workspace/model.js';
import { normalizeEmail } from './suppression.js';

/**
 * The touches of a campaign recorded as sent by their drafts (`status: sent`), as
 * `normalized email#touch` → the draft's path. A prospect's `touches_done` is the other
 * record of what was sent; `campaign draft` and `due` read both.
 */
export function sentTouches(model: WorkspaceModel, campaignPath: string): Map<string, string> {
  const sent = new Map<string, string>();
  const prefix = `${campaignPath}/drafts/`;
  for (const file of model.files.values()) {
    if (!file.path.startsWith(prefix)) continue;
    const draft = draftValue(file);
    if (draft?.status === 'sent') sent.set(sentKey(draft.prospect.email, draft.touch), file.path);
  }
  return sent;
}

export function sentKey(email: string, touch: number): string {
  return `${normalizeEmail(email)}#${touch}`;
}

/** Per prospect (normalized email), the highest touch number a draft records as sent. */
export function lastSentTouch(sent: ReadonlyMap<string, string>): Map<string, number> {
  const last = new Map<string, number>();
  for (const key of sent.keys()) {
    const at = key.lastIndexOf('#');
    const email = key.slice(0, at);
    last.set(email, Math.max(last.get(email) ?? 0, Number(key.slice(at + 1))));
  }
  return last;
}

/** A missing, negative or non-numeric `touches_done` means nothing was sent yet; 2.7 means 2 (as in outreach/sequences.ts). A 5-actions.md holding one is invalid (schema/stages.ts): this reads what the library is given. */
export function touchesDone(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
