import { addDays, calendarDate, campaignStart, dueTouches, sendDay, followUpStop, resolveSequence, type Channel, type DueTouch } from '../outreach/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { Locators } from '../check/locators.js';
import { referenceErrors } from '../check/references.js';
import { classifyPath, threadOf } from '../workspace/layout.js';
import { metaOf, stageOf, stageValue, type ThreadRecord, type WorkspaceModel } from '../workspace/model.js';
import { lastSentByCampaign, prospectsAsSent, prospectsPastSkipped, touchDraftPath, touchesDone, type SentAtHead } from '../derive/sent-touches.js';
import { dueProspect, prospectId, type ProspectContacts } from '../outreach/index.js';
import { requireSuppression } from './suppression.js';

/** A touch due, with the sender it goes out from and the day it fits under the daily cap. */
export interface DueItem extends DueTouch {
  /** The prospect's `sender`, else the campaign's Stage 5 `sender`; null when neither names one and the shared default sender applies (`defaultSender`). */
  sender: string | null;
  /** True when no sender is named: the touch goes out from the one shared default sender, capped with every other such touch. */
  defaultSender: boolean;
  /** The day to send it: the listed day, or a later one when the sender's daily cap for the channel is full; null under a cap of 0, which no day has room under. */
  sendOn: string | null;
  /** True when the cap moved it off the listed day: `sendOn` later, or null. */
  spread: boolean;
  /** The touch's draft, where `campaign draft` writes it (what `campaign approve` and approve_draft take); null while none is written there. */
  draft: string | null;
}

export type FollowUpKind = 'defer-revisit' | 'nurture-revisit' | 'out-of-office-return';

/** Something to come back to that is not a sequence touch. */
export interface FollowUp {
  kind: FollowUpKind;
  /** The date it falls on, `YYYY-MM-DD`. */
  date: string;
  /** True when `date` is before the listed day. */
  overdue: boolean;
  /** The deal or campaign thread it belongs to. */
  thread: string;
  /** The prospect, for nurture revisits and out-of-office returns; null for a deal's DEFER. */
  prospect: DueTouch['prospect'] | null;
  /** What to do, in a sentence. */
  note: string;
}

/** Touches over a sender's daily cap for a channel, and the days they were spread to. */
export interface SpreadNote {
  /** As DueItem's: null for the shared default sender (`defaultSender`). */
  sender: string | null;
  defaultSender: boolean;
  channel: Channel;
  cap: number;
  /** Touches listed for the day. */
  count: number;
  /** Each day used and how many touches it holds, the listed day first; none under a cap of 0. */
  days: { date: string; touches: number }[];
}

export interface DueReport {
  date: string;
  due: DueItem[];
  followUps: FollowUp[];
  spread: SpreadNote[];
  /** Campaigns left out because a file `due` reads is broken, a stage file is misnamed or a cross-file error holds it: the first error of each. */
  held: HeldCampaign[];
  /** Follow-ups of other threads (a deal's DEFER revisit) left out because sync holds the thread: the first error of each. */
  heldFollowUps: HeldThread[];
}

/** Where a thread's first holding error is. */
interface HoldingError {
  path: string;
  line: number;
  column: number;
  message: string;
}

/** A campaign whose meta.json, 5-actions.md, 6-learning.md or a draft does not validate, with a misnamed stage file, or with a cross-file error: nothing of it is listed. */
export interface HeldCampaign extends HoldingError {
  campaign: string;
}

/** A thread sync holds (a broken file, a misnamed stage file, a cross-file error) whose follow-up `due` does not list. */
export interface HeldThread extends HoldingError {
  thread: string;
}

/** The files of a campaign `due` reads: who is in it, where each is in the sequence, whether it closed. */
const DUE_READS = ['meta.json', '5-actions.md', '6-learning.md'];

/**
 * The files of `thread` `due` reads, the broken ones among its drafts too: a draft marked
 * `status: sent` is a touch done, and one broken in the same edit (an unquoted `: ` in the
 * subject) is read at its last valid version, still `draft`, so the touch just sent would
 * be listed again.
 */
function dueReads(model: WorkspaceModel, thread: ThreadRecord): string[] {
  const drafts = [...model.broken].filter((path) => path.startsWith(`${thread.path}/drafts/`)).sort();
  return [...DUE_READS.map((file) => `${thread.path}/${file}`), ...drafts];
}

/**
 * The first error of each file `due` reads that is broken now. Derivation holds such a file
 * at its last valid version, but that version may not have the stop written since — an
 * unsubscribe, a reply — so a campaign held this way lists nothing rather than touches for
 * people who asked not to get them (the suppression list fails closed the same way).
 * A stage file under a wrong name (`stage-file-name`) holds the campaign too: read without
 * it, a campaign closed by its `6-Learning.md` would send again. So does a broken draft
 * (dueReads): it may say a touch was sent.
 */
function heldCampaigns(model: WorkspaceModel): HeldCampaign[] {
  const campaigns = [...model.threads.values()].filter((t) => t.family === 'campaign');
  const held = holdingErrors(model, campaigns, (thread) => dueReads(model, thread));
  return [...held].map(([campaign, error]) => ({ campaign, ...error })).sort((a, b) => (a.campaign < b.campaign ? -1 : 1));
}

/**
 * The threads of `followUps` (other than campaigns, held as a whole above) that sync holds,
 * each with its first error: a broken file of the thread (derivation reads it at its last
 * valid version, which may be a DEFER decided again since), a misnamed stage file (read
 * without its `5-actions.md`, a deal that went on is still at Stage 4), a cross-file error
 * (sync keeps it at HEAD). Their follow-ups are named as held, not listed as if valid.
 */
function heldFollowUpThreads(model: WorkspaceModel, followUps: readonly FollowUp[]): Map<string, HoldingError> {
  const threads = [...new Set(followUps.map((f) => f.thread))].flatMap((path) => model.threads.get(path) ?? []).filter((t) => t.family !== 'campaign');
  if (threads.length === 0) return new Map();
  return holdingErrors(model, threads, (thread) => [...model.broken].filter((path) => path.startsWith(`${thread.path}/`)).sort());
}

/**
 * The first error holding each of `threads`, as sync holds a thread: one of its files
 * `reads` lists that is broken, else a stage file under a wrong name, else a cross-file
 * error (an unknown segment, a stage without its predecessor: sync keeps the thread at
 * HEAD and commits none of its changes). Cross-file errors are judged for these threads only.
 */
function holdingErrors(model: WorkspaceModel, threads: readonly ThreadRecord[], reads: (thread: ThreadRecord) => string[]): Map<string, HoldingError> {
  const inError = new Map<string, Diagnostic>();
  for (const d of model.diagnostics) {
    const kind = d.rule === 'stage-file-name' ? classifyPath(d.path) : undefined;
    if (kind?.kind === 'stage-misnamed' && !inError.has(kind.thread)) inError.set(kind.thread, d);
  }
  for (const d of referenceErrors(model, new Locators((path) => model.text(path)), () => threads.map((t) => t.path)).diagnostics) {
    const thread = threadOf(d.path.split('/'))?.thread;
    if (thread !== undefined && !inError.has(thread)) inError.set(thread, d);
  }
  const out = new Map<string, HoldingError>();
  for (const thread of threads) {
    const path = reads(thread).find((p) => model.broken.has(p));
    const first = path ? model.diagnostics.find((d) => d.path === path && d.severity === 'error') : inError.get(thread.path);
    if (!path && !first) continue;
    out.set(thread.path, { path: path ?? first!.path, line: first?.line ?? 1, column: first?.column ?? 1, message: first?.message ?? 'the file cannot be read' });
  }
  return out;
}

/**
 * An out-of-office return stays on the list this many days after the return date
 * (overdue from the day after), then the sequence itself carries the prospect on.
 */
export const OUT_OF_OFFICE_LIST_DAYS = 7;

/**
 * Every touch due on `today` (and overdue ones) across all campaigns at Stage 5 or later,
 * earliest first, skipping whom `contactStop` stops: every address on the suppression
 * list, and everyone in a campaign whose learning has a close date. Throws
 * `suppression-invalid` while that list is invalid: nobody is due until it is fixed.
 */
export function listDueTouches(model: WorkspaceModel, today: string, sentAtHead?: SentAtHead): DueTouch[] {
  const suppressed = requireSuppression(model, 'no touch is listed as due');
  const due: DueTouch[] = [];
  const sent = lastSentByCampaign(model, sentAtHead);
  for (const thread of model.threads.values()) {
    const meta = metaOf(thread);
    const actions = stageValue(thread, 'campaign', 5);
    if (!meta || meta.type !== 'sales-campaign' || !actions) continue;
    const sequence = actions.sequence ?? null;
    const prospects = prospectsPastSkipped(model, thread.path, prospectsAsSent(sent.get(thread.path), actions.prospects ?? []));
    due.push(
      ...dueTouches({
        campaign: thread.path,
        touches: resolveSequence(sequence),
        // The start rule the approval gates read too (campaignStart): a touch due here is one approve accepts.
        start: campaignStart(sequence, meta.created),
        prospects,
        suppressed,
        // The date itself, read as `campaign draft` and `campaign approve` read it: the one stop rule decides.
        closed: calendarDate(stageValue(thread, 'campaign', 6)?.closed),
        today,
      }),
    );
  }
  return due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.campaign < b.campaign ? -1 : 1));
}

/**
 * What `threadwork due` lists for `today`: the touches due (spread over later days where
 * a sender's daily cap for the channel is full) and the follow-ups that are not touches —
 * DEFER decisions' revisit dates, nurture prospects' revisits and out-of-office returns —
 * each marked overdue when its date has passed.
 */
export function dueReport(model: WorkspaceModel, today: string, sentAtHead?: SentAtHead): DueReport {
  const held = heldCampaigns(model);
  const left = new Set(held.map((h) => h.campaign));
  const touches = listDueTouches(model, today, sentAtHead).filter((t) => !left.has(t.campaign));
  const { due, spread } = spreadOverCaps(model, touches, today);
  const followUps = listFollowUps(model, today, sentAtHead).filter((f) => !left.has(f.thread));
  const heldThreads = heldFollowUpThreads(model, followUps);
  const heldFollowUps = [...heldThreads].map(([thread, error]) => ({ thread, ...error })).sort((a, b) => (a.thread < b.thread ? -1 : 1));
  return { date: today, due, followUps: followUps.filter((f) => !heldThreads.has(f.thread)), spread, held, heldFollowUps };
}

/**
 * Per sender and channel, the first `cap` touches (in list order: overdue first) stay on
 * the day; the next `cap` move to the day after, and so on. Channels without a cap
 * (`autonomy.daily_caps`, calls by default) all stay; under a cap of 0 none has a day.
 */
export function spreadOverCaps(model: WorkspaceModel, touches: readonly DueTouch[], today: string): { due: DueItem[]; spread: SpreadNote[] } {
  const caps = model.config.autonomy.daily_caps as Record<string, unknown>;
  // Per campaign, each prospect's sender by prospectId: built once, not a search of the prospects per touch.
  const senders = new Map<string, (prospect: ProspectContacts) => string | null>();
  const senderOf = (touch: DueTouch): string | null => {
    let of = senders.get(touch.campaign);
    if (!of) senders.set(touch.campaign, (of = campaignSenders(model.threads.get(touch.campaign))));
    return of(touch.prospect);
  };
  const counts = new Map<string, number>();
  const due = touches.map((touch): DueItem => {
    const sender = senderOf(touch);
    // The file to approve, named so that an agent need not rebuild the draft's name from the prospect's address.
    const path = touchDraftPath(touch.campaign, touch.prospect, touch.touch);
    const draft = model.files.has(path) ? path : null;
    // A named sender is never blank (text()): '' keys the shared default.
    const key = `${sender ?? ''}\u0000${touch.channel}`;
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const cap = caps[touch.channel];
    // A cap of 0 lets no touch of the channel be approved on any day (the approve gate refuses
    // each): naming today, or any day, would plan a send the gate then refuses.
    if (cap === 0) return { ...touch, sender, defaultSender: sender === null, sendOn: null, spread: true, draft };
    const shift = typeof cap === 'number' && cap > 0 ? Math.floor(n / cap) : 0;
    // Every touch listed is due by today, so each goes out today (sendDay), or `shift` days later under the cap.
    const day = sendDay(touch.due, today);
    return { ...touch, sender, defaultSender: sender === null, sendOn: shift ? addDays(day, shift) : day, spread: shift > 0, draft };
  });
  const spread: SpreadNote[] = [];
  for (const [key, count] of counts) {
    const [named, channel] = key.split('\u0000') as [string, Channel];
    const sender = named === '' ? null : named;
    const cap = caps[channel];
    if (typeof cap !== 'number' || count <= cap) continue;
    const days = new Map<string, number>();
    for (const item of due) if (item.sender === sender && item.channel === channel && item.sendOn) days.set(item.sendOn, (days.get(item.sendOn) ?? 0) + 1);
    spread.push({ sender, defaultSender: sender === null, channel, cap, count, days: [...days].map(([date, n]) => ({ date, touches: n })) });
  }
  return { due, spread };
}

/**
 * The campaigns where HEAD may record as sent a touch that `due` lists: those with a touch
 * listed whose draft is not on disk (where `campaign draft` writes it) — it may have gone
 * out, then been deleted. Only for these is git asked (sentAtHeadByCampaign); a touch whose
 * draft is on disk is read from it.
 */
export function campaignsMissingDueDrafts(model: WorkspaceModel, due: readonly DueTouch[]): string[] {
  const campaigns = new Set<string>();
  for (const touch of due) if (!campaigns.has(touch.campaign) && !model.files.has(touchDraftPath(touch.campaign, touch.prospect, touch.touch))) campaigns.add(touch.campaign);
  return [...campaigns].sort();
}

/**
 * Who a deal's DEFER revisit is with: its Stage 1 contact as a due touch names a prospect,
 * or null when Stage 1 names nobody. `due` printed "who —" for a deferred deal whose
 * contact was written down, so the revisit said neither whom to call nor how.
 */
function dealContact(thread: ThreadRecord): FollowUp['prospect'] {
  const input = stageValue(thread, 'deal', 1);
  const name = input?.contact.name?.trim();
  if (!input || !name) return null;
  const { email, linkedin, phone } = input.contact;
  return dueProspect({ name, email: email || null, linkedin, phone, company: input.company.name ?? '' });
}

/**
 * DEFER revisits, nurture revisits and out-of-office returns falling on or before `today`,
 * earliest first. A prospect's follow-ups stop where their touches do (`followUpStop`,
 * after `contactStop`): nobody gets a return the sequence would not resume for.
 */
export function listFollowUps(model: WorkspaceModel, today: string, sentAtHead?: SentAtHead): FollowUp[] {
  const suppressed = requireSuppression(model, 'no follow-up is listed');
  const out: FollowUp[] = [];
  const sent = lastSentByCampaign(model, sentAtHead);
  const item = (kind: FollowUpKind, date: string, thread: string, prospect: FollowUp['prospect'], note: string): FollowUp => ({ kind, date, overdue: date < today, thread, prospect, note });
  for (const thread of model.threads.values()) {
    const meta = metaOf(thread);
    if (!meta) continue;
    const decision = thread.stages[3]?.value as { decision?: unknown; revisit?: unknown; reasoning?: unknown } | undefined;
    const revisit = calendarDate(decision?.revisit);
    // A DEFER is a decision until its revisit date; a thread that went on past Stage 4 (to actions, or closed at Stage 6) has decided again.
    if (decision?.decision === 'DEFER' && revisit && revisit <= today && stageOf(thread) <= 4) {
      const why = typeof decision.reasoning === 'string' && decision.reasoning.trim() ? ` (deferred: ${firstSentence(decision.reasoning)})` : '';
      out.push(item('defer-revisit', revisit, thread.path, dealContact(thread), `Revisit the DEFER decision in 4-decision.md${why}: QUALIFY, REJECT, or DEFER again with a new revisit date`));
    }
    if (meta.type !== 'sales-campaign') continue;
    // Read as listDueTouches reads it, so a closed campaign stops follow-ups exactly where it stops touches (a nurture revisit outlives it: followUpStop).
    const closed = calendarDate(stageValue(thread, 'campaign', 6)?.closed);
    const actions = stageValue(thread, 'campaign', 5);
    // A return resumes the sequence only where a touch is left to send (as dueTouches counts them).
    const touches = resolveSequence(actions?.sequence ?? null).length;
    for (const p of prospectsAsSent(sent.get(thread.path), actions?.prospects ?? [])) {
      const prospect = dueProspect(p);
      const status = (p.status ?? 'queued').trim().toLowerCase();
      const back = calendarDate(p.revisit);
      if (status === 'nurture' && back && back <= today && !followUpStop('nurture-revisit', p, suppressed, closed)) {
        // In a closed campaign no touch goes out again: the person reaches out, here or in a new campaign.
        const next = closed ? `; the campaign closed on ${closed}, so write to them yourself (or add them to a new campaign), then set status to completed` : ': reach out again, then set status back to active (or to completed)';
        out.push(item('nurture-revisit', back, thread.path, prospect, `${p.name} asked to be contacted later${next}`));
      }
      const returns = calendarDate(p.paused_until);
      const finished = touchesDone((p as { touches_done?: unknown }).touches_done) >= touches;
      if (returns && returns <= today && addDays(returns, OUT_OF_OFFICE_LIST_DAYS) >= today && !finished && !followUpStop('out-of-office-return', p, suppressed, closed)) {
        out.push(item('out-of-office-return', returns, thread.path, prospect, `${p.name} is back from out of office: the sequence resumes with the next touch`));
      }
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.thread < b.thread ? -1 : a.thread > b.thread ? 1 : a.kind < b.kind ? -1 : 1));
}

/**
 * The sender of a campaign's touches to each prospect: the prospect's `sender`, else the
 * campaign's, else null for the shared default — data, not the approve gate's display name
 * `(default sender)`, which only the text output prints (the first prospect listed with an address wins).
 */
function campaignSenders(thread: ThreadRecord | undefined): (prospect: ProspectContacts) => string | null {
  const actions = thread && (stageValue(thread, 'campaign', 5) as (Record<string, unknown> & { prospects: (Record<string, unknown> & ProspectContacts)[] }) | undefined);
  const fallback = text(actions?.sender) ?? null;
  const byId = new Map<string, string | null>();
  for (const prospect of actions?.prospects ?? []) {
    const id = prospectId(prospect);
    if (!byId.has(id)) byId.set(id, text(prospect.sender) ?? fallback);
  }
  return (prospect) => byId.get(prospectId(prospect)) ?? fallback;
}

/** The first sentence of a text, on one line. */
function firstSentence(value: string): string {
  const line = value.trim().replace(/\s+/g, ' ');
  return /^.*?[.!?](?=\s|$)/.exec(line)?.[0].replace(/[.!?]$/, '') ?? line;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
