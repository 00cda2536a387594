import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { prospectId, prospectLabel } from '../outreach/prospect-id.js';
import type { DraftValue } from '../schema/stages.js';
import { draftValue, metaOf, type WorkspaceModel } from '../workspace/model.js';
import type { ParsedFile } from '../workspace/parse-file.js';
import type { Locators } from './locators.js';

/**
 * The day threadwork began writing `approved_on` (commit 470ff66): every draft of a
 * campaign created since was made by a threadwork that records approvals.
 */
export const APPROVALS_RECORDED_SINCE = '2026-12-06';

interface Draft {
  file: ParsedFile;
  draft: DraftValue;
}

/** The approval record's rules (below), over the drafts of one pass through the files. */
export function checkApprovalRecords(model: WorkspaceModel, locators: Locators): Diagnostic[] {
  const drafts: Draft[] = [];
  for (const file of model.files.values()) {
    const draft = draftValue(file);
    if (draft) drafts.push({ file, draft });
  }
  return [...sentWithoutApproval(model, drafts, locators), ...approvalWithdrawn(drafts, locators)];
}

/**
 * Drafts marked `status: sent` that were never approved: no `approved_on`, the day
 * `campaign approve` writes when the draft passes the autonomy gates. threadwork never
 * sends, and every campaign's drafts go out only once approved (docs/outreach.md,
 * "Autonomy gates"): one marked sent straight from `draft` left without the gates
 * (do not contact, sequence, ICP, quality, daily caps) ever judging it. A warning at its
 * status line: the message is out and cannot be taken back, but the record says so.
 *
 * Not for a send from before approvals were recorded, which has no `approved_on` though
 * it may well have been approved: warned at, every sent draft of an older workspace was
 * flagged, and a list of warnings nobody can act on hides the one that matters. A sent
 * draft without the day is reported when approvals were being recorded for it: its
 * campaign was created on or after APPROVALS_RECORDED_SINCE, or the same prospect has an
 * approval recorded at an earlier touch of the campaign (so this touch went out after
 * threadwork recorded theirs). Read from the files alone, so check says the same on every
 * machine and any clone.
 */
function sentWithoutApproval(model: WorkspaceModel, drafts: readonly Draft[], locators: Locators): Diagnostic[] {
  const out: Diagnostic[] = [];
  const approvedFrom = firstApprovedTouch(drafts);
  for (const { file, draft } of drafts) {
    if (draft.status !== 'sent' || draft.approved_on || file.kind.kind !== 'draft') continue;
    const campaign = file.kind.thread;
    const thread = model.threads.get(campaign);
    const created = (thread && metaOf(thread)?.created) ?? '';
    const recorded = created >= APPROVALS_RECORDED_SINCE || (approvedFrom.get(`${campaign}\u0000${prospectId(draft.prospect)}`) ?? Infinity) < draft.touch;
    if (!recorded) continue;
    out.push(
      diagnostic(
        file.path,
        locators.range(file.path, ['status']),
        'warning',
        'sent-without-approval',
        `Marked sent but never approved: no \`approved_on\`, the day \`threadwork campaign approve\` records once the draft passes the autonomy gates (do not contact, sequence, ICP, quality, daily caps), so it went out without them. If a person approved it, add \`approved_on: YYYY-MM-DD\`, the day; if not, review what was sent to ${prospectLabel(draft.prospect)}, and approve the next drafts with \`threadwork campaign approve\` before sending them`,
        'status',
      ),
    );
  }
  return out;
}

/**
 * A draft set back from `approved` to `draft` (or `skipped`) by hand that keeps its
 * `approved_on`: marked sent later, the day reads as an approval it no longer has, and
 * `sent-without-approval` would say nothing. A warning at the day, saying to delete it or
 * approve again (`campaign approve` writes the new day; `campaign draft --force` writes the
 * draft without one).
 */
function approvalWithdrawn(drafts: readonly Draft[], locators: Locators): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { file, draft } of drafts) {
    if (!draft.approved_on || (draft.status !== 'draft' && draft.status !== 'skipped')) continue;
    const message = `Has \`approved_on: ${draft.approved_on}\` but status ${draft.status}: the approval was taken back, and if this draft is marked sent the day will read as an approval it no longer has. Delete the \`approved_on\` line, or approve it again with \`threadwork campaign approve\``;
    out.push(diagnostic(file.path, locators.range(file.path, ['approved_on']), 'warning', 'approved-on-not-approved', message, 'approved_on'));
  }
  return out;
}

/** Per campaign and prospect (`campaign\0prospectId`), the lowest touch whose draft records an approval day. */
function firstApprovedTouch(drafts: readonly Draft[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const { file, draft } of drafts) {
    if (!draft.approved_on || file.kind.kind !== 'draft') continue;
    const key = `${file.kind.thread}\u0000${prospectId(draft.prospect)}`;
    first.set(key, Math.min(first.get(key) ?? Infinity, draft.touch));
  }
  return first;
}
