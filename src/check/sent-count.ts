import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { formatCount } from '../derive/format.js';
import { draftValue, type WorkspaceModel } from '../workspace/model.js';
import { formatDataPath } from '../workspace/validate.js';
import type { Locators } from './locators.js';

type Data = Record<string, unknown>;

/** At most this many drafts are named in the warning; the count says how many there are. */
const NAMED = 3;

interface CampaignDrafts {
  sent: number;
  /** Approved and not marked sent: the drafts most likely to have gone out unrecorded. */
  approved: string[];
}

/**
 * A campaign's Stage 6 `results.sent` — the sending tool's total — against the drafts in
 * its `drafts/` marked `status: sent`, the record `due`, the approvals and the follow-ups
 * read. Only for a campaign that sends from its drafts (at least one marked sent): one sent
 * entirely from another tool has no draft to compare with. Read from the files alone, as
 * every check is.
 *
 * Which to fix: the tool's count is what went out, so fewer than the drafts marked sent is
 * a total to correct (or a draft marked sent that never went out); more is a draft that
 * went out and was never marked — an approved one, most likely, which `due` would list again.
 */
export function checkSentCounts(model: WorkspaceModel, locators: Locators, inScope: (thread: string) => boolean): Diagnostic[] {
  const drafts = draftsByCampaign(model);
  const out: Diagnostic[] = [];
  for (const [campaign, { sent, approved }] of drafts) {
    const thread = model.threads.get(campaign);
    const learning = thread?.stages[5];
    const recorded = ((learning?.value as Data | undefined)?.results as Data | null | undefined)?.sent;
    if (!thread || !learning || !inScope(campaign) || sent === 0 || typeof recorded !== 'number' || recorded === sent) continue;
    const figures = `Stage 6 records \`sent: ${recorded}\` but ${formatCount(sent, 'draft')} in ${campaign}/drafts/ ${sent === 1 ? 'is' : 'are'} marked \`status: sent\``;
    const named = approved.slice(0, NAMED).join(', ') + (approved.length > NAMED ? ` and ${approved.length - NAMED} more` : '');
    const unmarked = recordedBeyond(recorded - sent);
    const advice =
      recorded < sent
        ? recorded === 0
          ? `: expected the total from your sending tool — at least ${sent}, every touch that went out`
          : `: the total cannot be fewer than the sends on record. Correct \`sent\` from your sending tool (at least ${sent}), or set a draft that never went out back to \`status: approved\``
        : approved.length > 0
          ? `: if ${unmarked.theOther} went out from ${unmarked.aDraft}, mark ${unmarked.them} \`status: sent\` (still approved: ${named}) — \`due\` lists an unmarked touch again; if ${unmarked.they} went out without a draft, \`sent\` is right`
          : `: if ${unmarked.theOther} went out from ${unmarked.aDraft}, mark ${unmarked.thoseDrafts} \`status: sent\`; if ${unmarked.they} went out without a draft, \`sent\` is right; if not, correct \`sent\` from your sending tool`;
    out.push(diagnostic(learning.path, locators.range(learning.path, ['results', 'sent']), 'warning', 'campaign-sent-count', `${figures}${advice}`, formatDataPath(['results', 'sent'])));
  }
  return out;
}

/**
 * The words for the sends the tool counted beyond the drafts marked sent, agreeing with how
 * many: "if the other one went out from a draft, mark it", not "the other 1 … mark them".
 */
function recordedBeyond(n: number): { theOther: string; aDraft: string; them: string; they: string; thoseDrafts: string } {
  return n === 1
    ? { theOther: 'the other one', aDraft: 'a draft', them: 'it', they: 'it', thoseDrafts: 'that draft' }
    : { theOther: `the other ${n}`, aDraft: 'drafts', them: 'them', they: 'they', thoseDrafts: 'those drafts' };
}

/** Per campaign, its drafts marked sent and those still approved, from one pass over the files. */
function draftsByCampaign(model: WorkspaceModel): Map<string, CampaignDrafts> {
  const byCampaign = new Map<string, CampaignDrafts>();
  for (const file of model.files.values()) {
    const draft = draftValue(file);
    if (!draft || file.kind.kind !== 'draft' || (draft.status !== 'sent' && draft.status !== 'approved')) continue;
    let entry = byCampaign.get(file.kind.thread);
    if (!entry) byCampaign.set(file.kind.thread, (entry = { sent: 0, approved: [] }));
    if (draft.status === 'sent') entry.sent += 1;
    else entry.approved.push(file.path.slice(file.path.lastIndexOf('/') + 1));
  }
  for (const entry of byCampaign.values()) entry.approved.sort();
  return byCampaign;
}
