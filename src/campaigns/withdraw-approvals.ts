import { writeChange, type SourceChange } from '../engine/changes.js';
import { removeFrontMatterKeys, setFrontMatterScalar } from '../markdown/front-matter-edit.js';
import { isSuppressed, prospectId, prospectLabel, type ProspectContacts } from '../outreach/index.js';
import type { DraftValue } from '../schema/stages.js';
import { draftValue, stageValue, type WorkspaceModel } from '../workspace/model.js';
import type { ParsedFile } from '../workspace/parse-file.js';
import { suppressionOf } from './suppression.js';

/**
 * The approved drafts to `prospect` that a reply has just stopped — every campaign's for an
 * unsubscribe (the suppression list is the workspace's), `campaign`'s own for a reply that
 * stops the sequence there — set to `status: skipped` with their `approved_on` and
 * `approved_text` removed (the approval is withdrawn, not taken back by hand: left, the day
 * would read as an approval, `approved-on-not-approved`). Left approved, they stayed cleared
 * to send: `check` then failed with `approved-do-not-contact` at each, after the command that
 * recorded the unsubscribe had said nothing of them. A broken draft is not read (check names it).
 */
export function withdrawApprovals(model: WorkspaceModel, prospect: ProspectContacts, campaign: string | 'every campaign'): { withdrawn: string[]; changes: SourceChange[] } {
  const id = prospectId(prospect);
  return withdrawApproved(model, (file, draft) => (campaign === 'every campaign' || (file.kind.kind === 'draft' && file.kind.thread === campaign)) && prospectId(draft.prospect) === id);
}

/**
 * The approved drafts nothing may be sent to, withdrawn as an unsubscribe's are: of every
 * campaign, to someone on the suppression list — an address added to it by hand, or by a
 * merge — and of a campaign, to a prospect its 5-actions.md marks `status: unsubscribed`
 * by hand (the `do-not-contact` stop of contactStop, which check's `approved-do-not-contact`
 * judges per campaign, so this does too). Sync (and so the watcher) plans them: left
 * approved they stayed cleared to send, and `check` failed at each with
 * `approved-do-not-contact` while sync said the workspace was in sync. The list withdraws
 * nothing while it cannot be read (`suppression-invalid` is told elsewhere; nothing is
 * guessed from it), nor a 5-actions.md in error.
 */
export function withdrawSuppressedApprovals(model: WorkspaceModel): { withdrawn: { path: string; who: string; why: 'suppressed' | 'unsubscribed' }[]; changes: SourceChange[] } {
  const state = suppressionOf(model);
  const suppressed = state.ok ? state.emails : new Set<string>();
  const unsubscribed = unsubscribedByCampaign(model);
  if (suppressed.size === 0 && unsubscribed.size === 0) return { withdrawn: [], changes: [] };
  const reasons = new Map<string, { who: string; why: 'suppressed' | 'unsubscribed' }>();
  const { withdrawn, changes } = withdrawApproved(model, (file, draft) => {
    const why = isSuppressed(draft.prospect, suppressed) ? 'suppressed' : file.kind.kind === 'draft' && unsubscribed.get(file.kind.thread)?.has(prospectId(draft.prospect)) ? 'unsubscribed' : null;
    if (!why) return false;
    reasons.set(file.path, { who: prospectLabel(draft.prospect), why });
    return true;
  });
  return { withdrawn: withdrawn.map((path) => ({ path, ...reasons.get(path)! })), changes };
}

/** Each campaign's prospects marked `status: unsubscribed` in its valid 5-actions.md, by prospectId. */
function unsubscribedByCampaign(model: WorkspaceModel): Map<string, Set<string>> {
  const byCampaign = new Map<string, Set<string>>();
  for (const thread of model.threads.values()) {
    const prospects = stageValue(thread, 'campaign', 5)?.prospects ?? [];
    const ids = prospects.filter((p) => typeof p.status === 'string' && p.status.trim().toLowerCase() === 'unsubscribed').map((p) => prospectId(p as ProspectContacts));
    if (ids.length) byCampaign.set(thread.path, new Set(ids));
  }
  return byCampaign;
}

/** Every approved draft `withdraws` picks, set to `status: skipped` without its approval: the one edit both paths make. */
function withdrawApproved(model: WorkspaceModel, withdraws: (file: ParsedFile, draft: DraftValue) => boolean): { withdrawn: string[]; changes: SourceChange[] } {
  const withdrawn: string[] = [];
  const changes: SourceChange[] = [];
  for (const file of model.files.values()) {
    if (file.kind.kind !== 'draft' || model.broken.has(file.path)) continue;
    const draft = draftValue(file);
    const text = model.text(file.path);
    if (draft?.status !== 'approved' || text === undefined || !withdraws(file, draft)) continue;
    withdrawn.push(file.path);
    changes.push(writeChange(file.path, removeFrontMatterKeys(setFrontMatterScalar(text, ['status'], 'skipped'), ['approved_on', 'approved_text'])));
  }
  withdrawn.sort();
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { withdrawn, changes };
}
