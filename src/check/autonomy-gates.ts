import { today } from '../clock.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { RuleId } from '../diagnostics.js';
import { RULES } from '../diagnostics-catalog.js';
import { scoreProspectCompany } from '../derive/prospect-icp.js';
import { scoringContext, type ScoringContext } from '../derive/thread-scores.js';
import { addDays, calendarDate, campaignStart, sendDay, contactStop, draftedChannel, prospectId, prospectLabel, prospectStart, suppressionKeys, resolveSequence, touchesDone, touchSchedule } from '../outreach/index.js';
import { approvedTextDigest } from '../outreach/approved-text.js';
import { prospectsAsSent, prospectsPastSkipped, sentTouchesOnce, touchDraftPath, type SentAtHead, type SentTouches } from '../derive/sent-touches.js';
import { joinList } from '../scoring/text.js';
import { DISQUALIFIED_CAP } from '../scoring/disqualifiers.js';
import { barAsWritten, formatTotal } from '../scoring/qualification.js';
import type { DraftValue } from '../schema/stages.js';
import type { ProspectContacts, SequenceProspect, Touch } from '../outreach/index.js';
import { draftValue, metaOf, stageValue, suppressionValue, type WorkspaceModel } from '../workspace/model.js';
import type { Locators } from './locators.js';
import { asSentences, assessWrittenDraft } from './draft-quality.js';

/**
 * The autonomy gates: what an outreach draft must pass before a person may mark it
 * `approved` (threadwork never sends; approval is the last step before someone does).
 *
 * - **ICP**: the prospect's company scores at least `autonomy.icp_min_score` against the
 *   campaign segment's ICP (default: the ICP's `good` band threshold, 0.60).
 * - **Quality**: the draft, as it is written now, scores at least
 *   `autonomy.min_quality_score` on the quality gate (default 0.80).
 * - **Daily cap**: no more than `autonomy.daily_caps[channel]` approved touches per sender
 *   per day (default 200 emails, 30 LinkedIn messages; calls uncapped).
 * - **Do not contact**: the address is not on the suppression list and the prospect has
 *   not unsubscribed (an error in check: such a draft must never be sent).
 * - **Sequence stopped**: the prospect has not replied, booked a meeting, bounced,
 *   finished or asked to wait (nurture), and the campaign is not closed — as `due` skips
 *   them (a warning in check: the approval came before the reply, say).
 * - **Not due**: `due` will list the touch — it is not sent already (`touches_done`), nor
 *   skipped or planned inside an out-of-office pause (`paused_until`) — as `touchSchedule`
 *   says (a warning in check: the approval may predate the out-of-office reply); nor a
 *   later touch while one before it, from the next touch `due` lists, is neither sent
 *   nor approved (orderGate).
 *
 * The **sender** is the draft's `sender` (the mailbox or LinkedIn account it goes out
 * from), else the prospect's `sender`, else the campaign's Stage 5 `sender`, else one shared default sender: drafts
 * that name none are capped together. The **day** is the draft's `send_on`, else the
 * day the touch is due (the prospect's `started`, else the sequence `start`, else the
 * campaign's creation date, plus the touch's day offset; the touch sent on an
 * out-of-office return, the return date, as `due` lists it). Under the daily cap it is
 * counted on that day, or today once that day has passed and it is not sent (sendDay): an
 * overdue touch goes out today, as `due` lists and spreads it.
 */

export type GateName = 'do-not-contact' | 'sequence-stopped' | 'not-due' | 'icp' | 'quality' | 'daily-cap' | 'approved-text';

export interface GateFailure {
  path: string;
  gate: GateName;
  rule: RuleId;
  /** `check`'s wording, about a draft that is approved: "Approved although …". */
  message: string;
  /** The approve command's wording, about a draft it refused to approve: nothing was approved. */
  refusal: string;
}

/** The sender drafts without a `sender` (theirs or their campaign's) share. */
export const DEFAULT_SENDER = '(default sender)';

export interface PlannedDraft {
  path: string;
  draft: DraftValue;
  campaign: string;
  sender: string;
  /** `YYYY-MM-DD`, or null when neither `send_on` nor the sequence gives one. */
  day: string | null;
  prospect: Record<string, unknown> | undefined;
  segment: string | null;
  /** The campaign's Stage 6 `closed` date: a closed campaign sends nothing more. */
  closed: string | null;
  /** Why `due` never lists this touch (sent already, skipped or planned inside an out-of-office pause), or null. */
  notDue: string | null;
  /** The prospect's next touch (nextTouch) when this draft is of a later one: `due` lists this touch only once those before it are sent. */
  after: { touch: number; date: string } | null;
  /**
   * The campaign's 5-actions.md is there but in error (git's conflict markers, a YAML
   * typo): its prospects cannot be read, which says nothing about whether this one is listed.
   */
  prospectsUnread: boolean;
}

/**
 * The gate failures of every approved draft, and of the drafts in `approving` as if they
 * were approved (the approve command and MCP tool ask this before writing). Under a
 * cap, drafts already approved keep their places (in path order) and those being
 * approved come after them, in the order given.
 */
export function gateFailures(model: WorkspaceModel, options: { approving?: readonly string[]; sentAtHead?: SentAtHead; sent?: SentTouches } = {}): GateFailure[] {
  const approving = options.approving ?? [];
  const approved: PlannedDraft[] = [];
  // A touch marked skipped is a person's decision not to send it: the touches after it are not held back by it (orderGate).
  const skipped: string[] = [];
  const prospects = new ProspectIndex(model, options.sent ?? sentTouchesOnce(model, options.sentAtHead));
  for (const file of model.files.values()) {
    const draft = draftValue(file);
    if (draft?.status === 'approved' && !approving.includes(file.path)) approved.push(planDraft(model, file.path, draft, prospects));
    else if (draft?.status === 'skipped') skipped.push(touchKey(campaignOfDraft(file.path), draft.prospect, draft.touch));
  }
  approved.sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const path of approving) {
    const file = model.files.get(path);
    const draft = file && draftValue(file);
    if (draft && draft.status !== 'sent' && draft.status !== 'skipped') approved.push(planDraft(model, path, draft, prospects));
  }
  if (approved.length === 0) return [];
  const settings = model.config.autonomy;
  const failures: GateFailure[] = [];
  // The list as last read valid: an invalid list is check's own error, and approve refuses before this (requireSuppression).
  const suppressed = suppressionKeys(suppressionValue(model)?.suppressed ?? []);
  let context: ScoringContext | undefined;
  const cleared = new Set([...approved.map((p) => touchKey(p.campaign, p.draft.prospect, p.draft.touch)), ...skipped]);
  for (const planned of approved) {
    if (!approving.includes(planned.path)) failures.push(...approvedTextGate(planned));
    const stopped = contactGate(planned, suppressed);
    failures.push(...stopped);
    // A draft already approved in a campaign whose prospects list is in error: that file's
    // error is the one thing to fix (check names it), not "not a prospect" at every approved
    // draft. One being approved is refused all the same: its thread is in error.
    if (!planned.prospectsUnread || approving.includes(planned.path)) {
      // A prospect whose sequence stopped gets no touch at all: that is said once, by the gate above.
      if (stopped.length === 0) failures.push(...dueGate(planned), ...orderGate(planned, cleared));
      failures.push(...icpGate(model, planned, (context ??= scoringContext(model)), settings.icp_min_score));
    }
    const { draft } = planned;
    const quality = assessWrittenDraft(draft);
    if (quality.score < settings.min_quality_score) {
      const critical = quality.issues.map((i) => i.message);
      const finding = `its quality score ${formatTotal(quality.score, [settings.min_quality_score])} (grade ${quality.grade}) is under the minimum ${barAsWritten(settings.min_quality_score)} (autonomy.min_quality_score)${critical.length ? `: ${asSentences(critical)}` : ''}`;
      failures.push({ path: planned.path, gate: 'quality', rule: 'approved-below-quality', message: `Approved although ${finding}`, refusal: finding });
    }
  }
  failures.push(...capGate(approved, settings.daily_caps, today()));
  return failures;
}

/** `check`: each gate failure of an approved draft on its `status`, with its rule's severity (a stopped sequence is a warning). */
export function checkAutonomyGates(model: WorkspaceModel, locators: Locators, sent?: SentTouches): Diagnostic[] {
  return gateFailures(model, sent ? { sent } : {}).map((f) => diagnostic(f.path, locators.range(f.path, ['status']), RULES[f.rule].severity, f.rule, f.message, 'status'));
}

/**
 * Per campaign, its prospects by normalized address, each with the touches sent counted as
 * `due` counts them (prospectsAsSent: `touches_done`, or a draft marked sent if it records
 * more; then past the touches skipped from there, prospectsPastSkipped): built once per
 * campaign, however many drafts it has. The first entry of an address wins, as in `due`.
 */
class ProspectIndex {
  private readonly byCampaign = new Map<string, Map<string, Record<string, unknown>>>();
  constructor(
    private readonly model: WorkspaceModel,
    private readonly sent: SentTouches,
  ) {}

  prospect(campaign: string, prospects: readonly Record<string, unknown>[], who: ProspectContacts): Record<string, unknown> | undefined {
    let index = this.byCampaign.get(campaign);
    if (!index) {
      index = new Map();
      const counted = prospectsAsSent(this.sent().get(campaign), prospects as (Record<string, unknown> & ProspectContacts)[]);
      for (const p of prospectsPastSkipped(this.model, campaign, counted)) if (!index.has(prospectId(p))) index.set(prospectId(p), p);
      this.byCampaign.set(campaign, index);
    }
    return index.get(prospectId(who));
  }
}

/** Where a draft belongs: its campaign, prospect, sender and send day. */
export function planDraft(model: WorkspaceModel, path: string, draft: DraftValue, index: ProspectIndex = new ProspectIndex(model, sentTouchesOnce(model))): PlannedDraft {
  const campaign = campaignOfDraft(path);
  const thread = model.threads.get(campaign);
  const meta = thread && metaOf(thread);
  const actions = thread && stageValue(thread, 'campaign', 5);
  const prospect = index.prospect(campaign, (actions?.prospects ?? []) as Record<string, unknown>[], draft.prospect);
  const own = draft as Record<string, unknown>;
  const sender = text(own.sender) ?? text(prospect?.sender) ?? text((actions as Record<string, unknown> | undefined)?.sender) ?? DEFAULT_SENDER;
  // The start `due` counts from (campaignStart): the gates judged a campaign without a sequence `start` as if it had
  // none, so a touch an out-of-office pause skips was approved while `due` never listed it.
  const sequenceStart = campaignStart(actions?.sequence, meta?.created);
  const schedule = prospect ? touchSchedule(resolveSequence(actions?.sequence ?? null), prospect as unknown as SequenceProspect, sequenceStart, draft.touch) : undefined;
  let day = calendarDate(own.send_on) ?? null;
  // Moved to the return date by a pause, as `due` lists it: the caps count it on the day it goes out.
  if (!day && schedule && 'date' in schedule && calendarDate(prospect?.paused_until)) day = schedule.date;
  if (!day) {
    const start = prospect ? prospectStart(prospect, sequenceStart) : sequenceStart;
    const offset = typeof own.day === 'number' ? own.day : resolveSequence(actions?.sequence ?? null)[draft.touch - 1]?.day;
    day = start && typeof offset === 'number' ? addDays(start, offset) : null;
  }
  const closed = (thread && calendarDate(stageValue(thread, 'campaign', 6)?.closed)) ?? null;
  const notDue = notInSequence(draft, resolveSequence(actions?.sequence ?? null)) ?? (schedule && 'notDue' in schedule ? sentByDraft(prospect, draft.touch, actions?.prospects) ?? schedule.notDue : null);
  const prospectsUnread = thread?.family === 'campaign' && thread.stages[4] !== undefined && actions === undefined;
  const after = (!notDue && schedule && 'after' in schedule && schedule.after) || null;
  return { path, draft, campaign, sender, day, prospect, segment: meta?.segment ?? null, closed, notDue, after, prospectsUnread };
}

/**
 * Why the draft is not a touch the sequence has, as 5-actions.md is written now: the
 * sequence was edited after it was drafted (a touch removed, a channel changed), so `due`
 * never lists it — or lists a call where this draft is an email. Undefined when it is.
 */
function notInSequence(draft: DraftValue, touches: readonly Touch[]): string | undefined {
  if (touches.length === 0) return undefined; // no sequence to go by: `no-actions`' and the schema's to say
  const planned = touches[draft.touch - 1];
  if (!planned) return `touch ${draft.touch} is not in the sequence any more: 5-actions.md's sequence has ${touches.length} touch${touches.length === 1 ? '' : 'es'} (edited after this draft was written), so \`due\` never lists it`;
  const channel = draftedChannel(planned);
  if (channel !== draft.channel) return `the sequence's touch ${draft.touch} is a ${channel} touch now and this draft is ${draft.channel === 'email' ? 'an' : 'a'} ${draft.channel} (5-actions.md was edited after it was written): \`due\` lists the ${channel}, and \`campaign draft --force\` writes it anew`;
  return undefined;
}

/**
 * Why touch `touch` is done when a draft marked sent, not `touches_done`, counts it (a person
 * marked the draft and has not updated the count yet): touchSchedule's "touches_done: 1"
 * would quote a count the file does not hold. Undefined when `touches_done` itself counts it.
 */
function sentByDraft(prospect: (Record<string, unknown> & ProspectContacts) | undefined, touch: number, written: readonly (ProspectContacts & { touches_done?: unknown })[] | undefined): string | undefined {
  if (!prospect) return undefined;
  const email = prospectLabel(prospect);
  const own = written?.find((p) => prospectId(p) === prospectId(prospect));
  const counted = touchesDone(own?.touches_done);
  if (touch <= counted || touch > touchesDone(prospect.touches_done)) return undefined;
  return `${email} had touch ${touch} sent already (a draft marked \`status: sent\` records touch ${touchesDone(prospect.touches_done)}; touches_done: ${counted} is not updated yet): \`due\` lists it no more`;
}

/**
 * Nobody on the suppression list or unsubscribed is ever sent anything; nobody whose
 * sequence stopped (a reply, a meeting, a bounce, a closed campaign…) gets its next touch.
 * The draft's own address is checked too: a draft may name someone the campaign no longer lists.
 */
function contactGate(planned: PlannedDraft, suppressed: ReadonlySet<string>): GateFailure[] {
  const status = typeof planned.prospect?.status === 'string' ? planned.prospect.status : null;
  const stop = contactStop(Object.assign({}, planned.draft.prospect, { status }), suppressed, planned.closed);
  if (!stop) return [];
  if (stop.kind === 'do-not-contact') {
    const finding = `${stop.reason}: nothing may be sent to this address`;
    return [{ path: planned.path, gate: 'do-not-contact', rule: 'approved-do-not-contact', message: `Approved although ${finding}; set the draft to \`status: skipped\``, refusal: finding }];
  }
  const finding = `${stop.reason}: the sequence has stopped, as \`due\` lists no touch for them`;
  return [{ path: planned.path, gate: 'sequence-stopped', rule: 'approved-sequence-stopped', message: `Approved although ${finding}; set the draft to \`status: skipped\`, or the prospect's status back to active if it should still go out`, refusal: finding }];
}

/**
 * No approval for a touch `due` will never list: one `touches_done` counts as sent, or one
 * an out-of-office pause skips or falls on. Approved, it would go out while they are away,
 * or after the touch the sequence sends on their return.
 */
/**
 * An approved draft whose subject or body is no longer the text approved (`approved_text`,
 * written by `campaign approve`): what would go out was never approved, nor judged by the
 * other gates as approved — a teammate's rewording merged in cleanly, or an edit after the
 * approval. Approving it again (the remedy) records the text written now. A draft approved
 * before the text was recorded has none, and is not judged so.
 */
function approvedTextGate(planned: PlannedDraft): GateFailure[] {
  const { draft, path } = planned;
  if (!draft.approved_text || draft.approved_text === approvedTextDigest(draft)) return [];
  const finding = `its subject or body was edited since it was approved${draft.approved_on ? ` on ${draft.approved_on}` : ''}: the text written now was never approved`;
  return [{ path, gate: 'approved-text', rule: 'approved-then-edited', message: `Approved, but ${finding}. Approve it again (\`threadwork campaign approve ${path}\`), which judges this text, or set it back to \`status: draft\``, refusal: finding }];
}

function dueGate(planned: PlannedDraft): GateFailure[] {
  if (!planned.notDue) return [];
  return [{ path: planned.path, gate: 'not-due', rule: 'approved-not-due', message: `Approved although ${planned.notDue}; set the draft to \`status: skipped\` (or \`sent\`, if it went out)`, refusal: planned.notDue }];
}

/**
 * No approval for a later touch while one before it, from the prospect's next touch on
 * (nextTouch: the one `due` lists), is neither sent, approved nor skipped (a person's
 * decision not to send it, which the later touches do not wait for): approval clears a draft
 * to be sent, and touch 5 ("following up on my last note") would go out while `due` still
 * lists touch 1. A later touch may be approved ahead with the ones before it: its place
 * in the sequence is then taken by approved touches.
 */
function orderGate(planned: PlannedDraft, cleared: ReadonlySet<string>): GateFailure[] {
  const { after, draft, campaign, path } = planned;
  if (!after) return [];
  const missing: number[] = [];
  for (let touch = after.touch; touch < draft.touch; touch++) if (!cleared.has(touchKey(campaign, draft.prospect, touch))) missing.push(touch);
  if (missing.length === 0) return [];
  const who = `${draft.prospect.name} (${prospectLabel(draft.prospect)})`;
  const touches = missing.length === 1 ? `touch ${missing[0]} is` : `touches ${joinList(missing.map(String))} are`;
  const finding = `${who}'s next touch is touch ${after.touch}, due ${after.date} (the one \`due\` lists), and ${touches} neither sent, approved nor skipped: touch ${draft.touch} goes out after ${missing.length === 1 ? 'it' : 'them'}`;
  const drafts = missing.map((touch) => touchDraftPath(campaign, draft.prospect, touch));
  return [
    {
      path,
      gate: 'not-due',
      rule: 'approved-not-due',
      message: `Approved although ${finding}; approve ${drafts.join(' and ')} too, or set this draft back to \`status: draft\``,
      refusal: `${finding}; approve ${missing.length === 1 ? 'it' : 'them'} first, or with it (\`threadwork campaign approve ${[...drafts, path].join(' ')}\`)`,
    },
  ];
}

/** The campaign a draft belongs to: `threads/sales/campaigns/<campaign>`, the folder its `drafts/` is in. */
function campaignOfDraft(path: string): string {
  return path.split('/').slice(0, 4).join('/');
}

function touchKey(campaign: string, prospect: ProspectContacts, touch: number): string {
  return `${campaign}\u0000${prospectId(prospect)}#${touch}`;
}

function icpGate(model: WorkspaceModel, planned: PlannedDraft, context: ScoringContext, configured: number | null): GateFailure[] {
  const fail = (finding: string): GateFailure[] => [{ path: planned.path, gate: 'icp', rule: 'approved-below-icp', message: `Approved although ${finding}`, refusal: finding }];
  if (!planned.prospect) return fail(`${planned.draft.prospect.email} is not a prospect of ${planned.campaign}: its company cannot be scored against the ICP`);
  const asOf = planned.day ?? metaOfCampaign(model, planned.campaign) ?? '1970-01-01';
  const scored = scoreProspectCompany(context, planned.segment, planned.prospect, asOf);
  if (!scored) return fail(`${planned.campaign} has no known segment (${planned.segment ?? 'none'}): the company cannot be scored against an ICP`);
  const min = configured ?? scored.good;
  if (scored.score.score >= min) return [];
  const where = configured === null ? `the ${planned.segment} ICP threshold ${barAsWritten(min)} (its good band)` : `the minimum ${barAsWritten(min)} (autonomy.icp_min_score)`;
  const matched = scored.score.disqualifiers.matched;
  // A disqualifier caps the score whatever else is known: filling in the missing fields
  // cannot lift it, so the advice names the disqualifier, not the gaps.
  const why = matched.length
    ? `; disqualified by ${matched.map((d) => `"${d.disqualifier}" (${d.field}: ${d.value})`).join(', ')}, which caps it at ${DISQUALIFIED_CAP.toFixed(2)}: correct the prospect's ${[...new Set(matched.map((d) => d.field))].join(', ')} in 5-actions.md if that is wrong, or skip the draft`
    : scored.score.missing.length
      ? `; missing: ${[...new Set(scored.score.missing.map(prospectKey))].join(', ')} (add them to the prospect in 5-actions.md)`
      : '';
  // The score with the decimal that puts it under the bar: 0.976 against 0.977 read "scores
  // 0.98 against the minimum 0.98".
  return fail(`${String(planned.prospect.company)} scores ${formatTotal(scored.score.score, [min])} (${scored.score.band}) against ${where}${why}`);
}

/**
 * The prospect key in 5-actions.md that an ICP input missing from the score is read from:
 * the advice says to add them to the prospect, and `fit.revenue`, `freshness.date` are
 * the scorer's dimensions, not keys anyone can write there (`revenue`, `data_date`).
 */
function prospectKey(factor: string): string {
  const keys: Record<string, string> = { 'intent.signals': 'signals', 'reachability.email_status': 'email_status', 'freshness.date': 'data_date' };
  return keys[factor] ?? factor.replace(/^fit\./, '');
}

/**
 * The drafts past the cap of each sender, channel and send day. An approved touch not sent
 * by its day goes out today (sendDay), where `due` lists it: counted on its planned day, it
 * left room under today's cap that `due` had already given away, and the two disagreed on
 * how many could still go out.
 */
function capGate(approved: readonly PlannedDraft[], caps: Record<string, unknown>, today: string): GateFailure[] {
  const groups = new Map<string, { day: string; drafts: PlannedDraft[] }>();
  for (const planned of approved) {
    if (!planned.day) continue;
    const day = sendDay(planned.day, today);
    const key = `${planned.sender}\u0000${planned.draft.channel}\u0000${day}`;
    const group = groups.get(key);
    if (group) group.drafts.push(planned);
    else groups.set(key, { day, drafts: [planned] });
  }
  const failures: GateFailure[] = [];
  for (const { day, drafts: group } of groups.values()) {
    const { sender, draft } = group[0]!;
    const cap = caps[draft.channel];
    if (typeof cap !== 'number' || group.length <= cap) continue;
    group.slice(cap).forEach((planned, i) => {
      // Under a cap of 0 no later day has room: the way out is the cap, not `send_on:`.
      const remedy = cap === 0 ? 'no day takes one until the cap is raised (null for no cap)' : 'set `send_on:` to a later day (`threadwork due` spreads them) or approve fewer';
      const place = `${draft.channel} touch ${cap + i + 1} of ${group.length} from ${sender} on ${day}, over the cap of ${cap} per sender per day (autonomy.daily_caps.${draft.channel}): ${remedy}`;
      failures.push({ path: planned.path, gate: 'daily-cap', rule: 'approved-over-cap', message: `Approved as ${place}`, refusal: `it would be ${place}` });
    });
  }
  return failures;
}

function metaOfCampaign(model: WorkspaceModel, campaign: string): string | undefined {
  const thread = model.threads.get(campaign);
  return (thread && metaOf(thread)?.created) || undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
