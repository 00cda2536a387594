import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { draftValue, type WorkspaceModel } from '../workspace/model.js';
import type { Locators } from './locators.js';

/**
 * Drafts marked `status: sent` that were never approved: no `approved_on`, the day
 * `campaign approve` writes when the draft passes the autonomy gates. threadwork never
 * sends, and every campaign's drafts go out only once approved (docs/outreach.md,
 * "Autonomy gates"): one marked sent straight from `draft` left without the gates
 * (do not contact, sequence, ICP, quality, daily caps) ever judging it. A warning at its
 * status line: the message is out and cannot be taken back, but the record says so.
 */
export function checkSentWithoutApproval(model: WorkspaceModel, locators: Locators): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of model.files.values()) {
    const draft = draftValue(file);
    if (draft?.status !== 'sent' || draft.approved_on) continue;
    out.push(
      diagnostic(
        file.path,
        locators.range(file.path, ['status']),
        'warning',
        'sent-without-approval',
        `Marked sent but never approved: no \`approved_on\`, the day \`threadwork campaign approve\` records once the draft passes the autonomy gates (do not contact, sequence, ICP, quality, daily caps), so it went out without them. If a person approved it, add \`approved_on: YYYY-MM-DD\`, the day; if not, review what was sent to ${draft.prospect.email}, and approve the next drafts with \`threadwork campaign approve\` before sending them`,
        'status',
      ),
    );
  }
  return out;
}
