import type { RuleId } from '../diagnostics.js';
import { prospectsAsSent, touchDraftPath } from '../derive/sent-touches.js';
import { isProspect, type ProspectContacts } from '../outreach/prospect-id.js';
import { touchesDone } from '../outreach/sequences.js';
import type { WorkspaceModel } from '../workspace/model.js';
import type { ParsedFile } from '../workspace/parse-file.js';

type Data = Record<string, unknown>;
type Report = (file: string, dataPath: readonly PropertyKey[], rule: RuleId, message: string, severity?: 'error' | 'warning') => void;
type Prospect = ProspectContacts & { name?: unknown; touches_done?: unknown };

/**
 * A reply recorded for a prospect no touch was sent to (`touches_done` 0 and no draft of
 * theirs marked `status: sent`), in a campaign that records its sends (another prospect's
 * `touches_done` or a draft marked sent): either the touch went out and was never marked —
 * `due` lists it again — or the reply was recorded for the wrong person. A warning at the
 * record's `email`; `campaign reply` shows it as it shows check's warnings in what it wrote.
 * A campaign that records no send at all (touches tracked in the sending tool alone) is not
 * judged: every reply there would read as one to nobody.
 */
export function checkReplyWithoutSend(model: WorkspaceModel, reply: ParsedFile, sent: ReadonlyMap<string, number> | undefined, report: Report): void {
  if (reply.kind.kind !== 'reply') return;
  const who = (reply.value as Data | undefined)?.email;
  const thread = model.threads.get(reply.kind.thread);
  const prospects = ((thread?.stages[4]?.value as Data | undefined)?.prospects ?? []) as (Prospect | null)[];
  if (typeof who !== 'string' || !Array.isArray(prospects)) return;
  const asSent = prospectsAsSent(sent, prospects.filter((p): p is Prospect => !!p));
  if (!asSent.some((p) => touchesDone(p.touches_done) > 0)) return;
  const prospect = asSent.find((p) => isProspect(p, who));
  if (!prospect || touchesDone(prospect.touches_done) > 0) return;
  const name = typeof prospect.name === 'string' ? prospect.name : who;
  report(
    reply.path,
    ['email'],
    'reply-without-send',
    `Reply recorded from ${name}, to whom no touch was sent (\`touches_done\` 0, no draft marked \`status: sent\`): if touch 1 went out, mark ${touchDraftPath(reply.kind.thread, prospect, 1)} \`status: sent\` (or set \`touches_done: 1\` in 5-actions.md) — \`due\` lists it again otherwise; if the reply is someone else's, record it under their address instead`,
    'warning',
  );
}
