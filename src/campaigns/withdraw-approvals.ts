import { writeChange, type SourceChange } from '../engine/changes.js';
import { removeFrontMatterKeys, setFrontMatterScalar } from '../markdown/front-matter-edit.js';
import { prospectId, type ProspectContacts } from '../outreach/index.js';
import { draftValue, type WorkspaceModel } from '../workspace/model.js';

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
  const withdrawn: string[] = [];
  const changes: SourceChange[] = [];
  for (const file of model.files.values()) {
    if (file.kind.kind !== 'draft' || model.broken.has(file.path)) continue;
    if (campaign !== 'every campaign' && file.kind.thread !== campaign) continue;
    const draft = draftValue(file);
    const text = model.text(file.path);
    if (draft?.status !== 'approved' || text === undefined || prospectId(draft.prospect) !== id) continue;
    withdrawn.push(file.path);
    changes.push(writeChange(file.path, removeFrontMatterKeys(setFrontMatterScalar(text, ['status'], 'skipped'), ['approved_on', 'approved_text'])));
  }
  withdrawn.sort();
  return { withdrawn, changes };
}
