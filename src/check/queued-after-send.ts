import type { RuleId } from '../diagnostics.js';
import { prospectsAsSent } from '../derive/sent-touches.js';
import { prospectId, prospectLabel, type ProspectContacts } from '../outreach/prospect-id.js';
import { touchesDone } from '../outreach/sequences.js';
import type { ThreadRecord } from '../workspace/model.js';

type Data = Record<string, unknown>;
type Report = (file: string, dataPath: readonly PropertyKey[], rule: RuleId, message: string, severity?: 'error' | 'warning') => void;
type Prospect = ProspectContacts & { name?: unknown; status?: unknown; touches_done?: unknown };

/** At most this many prospects are named in the warning; the count says how many there are. */
const NAMED = 5;

/**
 * Prospects whose status still says `queued` (written, or left out: the default) though a
 * touch went out to them — `touches_done`, or a draft marked `status: sent`, counted as
 * `due` counts them (prospectsAsSent). Nothing updates the status when a person marks a
 * draft sent, so 5-actions.md read as a list nobody had been contacted from. One warning
 * per campaign, at the first such prospect's status, naming them and saying what to write.
 */
export function checkQueuedAfterSend(thread: ThreadRecord, report: Report, sent: ReadonlyMap<string, number> | undefined): void {
  const actions = thread.stages[4];
  const data = actions?.value as Data | undefined;
  if (thread.family !== 'campaign' || !actions || !data || !Array.isArray(data.prospects)) return;
  const written = (data.prospects as (Prospect | null)[]).map((p, index) => ({ p, index })).filter((e): e is { p: Prospect; index: number } => !!e.p && prospectId(e.p) !== '');
  const asSent = prospectsAsSent(sent, written.map((e) => e.p));
  const queued = written.filter((e, i) => {
    const status = typeof e.p.status === 'string' ? e.p.status.trim().toLowerCase() : 'queued';
    return status === 'queued' && touchesDone(asSent[i]!.touches_done) > 0;
  });
  if (queued.length === 0) return;
  const first = queued[0]!;
  const names = queued.slice(0, NAMED).map(({ p }) => (typeof p.name === 'string' ? p.name : prospectLabel(p)));
  const more = queued.length > NAMED ? ` and ${queued.length - NAMED} more` : '';
  const who = queued.length === 1 ? '1 prospect is' : `${queued.length} prospects are`;
  report(
    actions.path,
    ['prospects', first.index, ...(first.p.status === undefined ? [] : ['status'])],
    'queued-after-send',
    `${who} still \`queued\` though a touch was sent to them (${names.join(', ')}${more}: \`touches_done\`, or a draft marked \`status: sent\`): expected \`status: active\` ${queued.length === 1 ? 'there' : 'for each'}, as 5-actions.md otherwise reads as if nobody had been contacted`,
    'warning',
  );
}
