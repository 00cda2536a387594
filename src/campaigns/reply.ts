import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ThreadworkError } from '../errors.js';
import { composeMarkdown } from '../markdown/compose.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import { addFrontMatterScalar, removeFrontMatterScalar } from '../markdown/front-matter-edit.js';
import { campaignStart, classifyReply, contactStop, companyDomain, isProspect, isSuppressed, prospectId, prospectLabel, prospectStart, resolveSequence, type ProspectContacts, type ReplyClassification } from '../outreach/index.js';
import { lastSentTouch, prospectSlug, prospectsAsSent, sentTouches, touchesDone } from '../derive/sent-touches.js';
import { proposeDeal, type CreatedThread, type NewDealOptions } from '../threads/create.js';
import { createChange, writeChange, type SourceChange, type WriteProposal } from '../engine/changes.js';
import type { ThreadMeta } from '../schema/meta.js';
import { goalsOf, metaOf, stageValue, type WorkspaceModel } from '../workspace/model.js';
import { LAYOUT } from '../workspace/layout.js';
import { freeSlug } from '../workspace/slug.js';
import { prospectCompanyFacts } from './prospect-facts.js';
import { suppressionWith, requireSuppression, SUPPRESSION_FILE } from './suppression.js';
import { withdrawApprovals } from './withdraw-approvals.js';

export interface ReplyResult {
  campaign: string;
  /** The prospect: their email, or for one without, the LinkedIn profile or phone they are known by (prospectLabel). */
  email: string;
  classification: ReplyClassification;
  /** The prospect's status before → after in 5-actions.md (unchanged for an out-of-office). */
  status: { before: string; after: string };
  /** A nurture reply: the prospect's `revisit` date written to 5-actions.md (the reply's date, else 90 days on). */
  revisit: string | null;
  /** An out-of-office reply with a return date: the prospect's `paused_until`; the sequence waits until then. */
  pausedUntil: string | null;
  /**
   * An out-of-office reply with a return date that set no `paused_until`, and why: every
   * touch of the sequence was sent already, so there is nothing left to pause (the return
   * date stays in the reply record). Null otherwise.
   */
  notPaused: string | null;
  recorded: string;
  /**
   * True when this reply (same prospect, same date, same text) was recorded before, at
   * `recorded`: nothing was written this time, so an agent may safely retry.
   */
  alreadyRecorded: boolean;
  /**
   * The deal a positive reply opened (`taken`: the folder the company name makes held another
   * deal, so this one got a free one), or the one it had opened before (`existing`).
   */
  deal: (CreatedThread & { taken?: string; noGoal?: string }) | { path: string; existing: true } | null;
  /** True when this reply put the address on the suppression list. */
  suppressed: boolean;
  /**
   * The prospect's approved drafts this reply withdrew (set to `status: skipped`, their
   * approval day and text removed): in every campaign for an unsubscribe, in this one for a
   * reply that stops the sequence (replied, completed, nurture). Left approved, they stayed
   * cleared to send.
   */
  withdrawn: string[];
  /**
   * True when the prospect had already unsubscribed or was on the suppression list: the
   * reply is recorded, but the status stays `unsubscribed` and no deal is opened.
   */
  doNotContact: boolean;
  written: string[];
}

/** What a reply does to the prospect's place in the sequence. */
const NEXT_STATUS: Record<ReplyClassification['category'], string | null> = {
  positive: 'replied',
  neutral: 'replied',
  negative: 'completed',
  unsubscribe: 'unsubscribed',
  nurture: 'nurture',
  'out-of-office': null,
  // A delivery failure notice: the address does not take mail, so the sequence stops there.
  bounce: 'bounced',
};

/**
 * The prospect's status after a reply of this category. A positive or neutral reply from
 * someone who already booked a meeting ("looking forward to Tuesday") says they replied,
 * which they had: `meeting` stays, as it is the further step — set back to `replied`, the
 * record of the meeting was lost from 5-actions.md.
 */
function statusAfterReply(before: string, category: ReplyClassification['category']): string {
  const next = NEXT_STATUS[category] ?? before;
  return next === 'replied' && before.trim().toLowerCase() === 'meeting' ? before : next;
}

/**
 * Records a prospect's reply: the text and its classification in `replies/`, the
 * prospect's status in 5-actions.md (edited in place), and its consequences — a
 * positive reply opens a deal thread with `source: campaign:{id}` (once), an
 * unsubscribe puts the address on the workspace suppression list. A prospect who
 * unsubscribed (status or list) stays unsubscribed whatever they reply, and no deal is
 * opened for them. Refuses (`suppression-invalid`, nothing written) while the list is invalid.
 */
export function proposeReply(model: WorkspaceModel, campaignPath: string, who: string, text: string, date: string, options: { sentAtHead?: ReadonlyMap<string, string> } = {}): WriteProposal<ReplyResult> {
  // A blank text (an unset shell variable, a paste that failed) is no reply: read as neutral it set the prospect `replied` and stopped their sequence.
  if (!text.trim()) throw new ThreadworkError('Missing reply text: --text is blank; expected the reply as received, e.g. --text "Happy to talk next week"', 'invalid-arguments');
  const thread = model.threads.get(campaignPath);
  const meta = thread && metaOf(thread);
  if (!thread || !meta || meta.type !== 'sales-campaign') throw new ThreadworkError(`Not a campaign thread: ${campaignPath} (expected threads/sales/campaigns/{date}-{name})`, 'not-a-campaign', { path: campaignPath });
  const actionsPath = `${campaignPath}/5-actions.md`;
  const prospects = stageValue(thread, 'campaign', 5)?.prospects ?? [];
  // By any of their contact details: an email, or for a prospect reached by call or LinkedIn only, the profile URL or phone.
  const index = prospects.findIndex((p) => isProspect(p, who));
  if (index < 0) {
    // The addresses there are as data too (`known`): an agent retries with one, where the message alone made it parse prose.
    const labels = prospects.map(prospectLabel);
    throw new ThreadworkError(`No prospect ${who} in ${actionsPath}: expected one of ${labels.join(', ') || '(no prospects yet)'}`, 'unknown-prospect', { path: actionsPath, email: who, known: prospects.filter((p) => prospectId(p) !== '').map(prospectLabel) });
  }
  const prospect = prospects[index]!;
  const email = prospectLabel(prospect);
  refuseBeforeStart(meta, stageValue(thread, 'campaign', 5)?.sequence?.start, prospect, date, actionsPath);
  const suppressedEmails = requireSuppression(model, 'the reply was not recorded');
  const before = prospect.status ?? 'queued';
  const doNotContact = before.trim().toLowerCase() === 'unsubscribed' || isSuppressed(prospect, suppressedEmails);
  const classification = classifyReply(text, { received: date });
  const changes: SourceChange[] = [];

  // The same reply again (an agent retrying, a command run twice) is the one recorded: nothing changes.
  const earlier = recordedReply(model, campaignPath, prospect, date, text);
  if (earlier !== undefined) {
    const status = prospect.status ?? 'queued';
    // The deal the first call opened is the retry's answer too: `deal: null` said none was.
    const positive = classification.category === 'positive' && !doNotContact;
    return {
      result: { campaign: campaignPath, email, classification, status: { before: status, after: status }, revisit: null, pausedUntil: null, notPaused: null, recorded: earlier, alreadyRecorded: true, deal: positive ? dealOpenedFor(model, meta.id, prospect) : null, suppressed: false, withdrawn: [], doNotContact, written: [] },
      changes: [],
      summary: `reply from ${email} to ${campaignPath} already recorded`,
      thread: campaignPath,
    };
  }

  const record = replyRecord(model, campaignPath, prospect, date, classification, text);
  changes.push(record);
  const recorded = record.path;

  // Someone who unsubscribed stays unsubscribed whatever they reply: only they can be re-added, by hand.
  const after = doNotContact ? (before.trim().toLowerCase() === 'unsubscribed' ? before : 'unsubscribed') : statusAfterReply(before, classification.category);
  const revisit = !doNotContact && classification.category === 'nurture' ? classification.revisit : null;
  const away = !doNotContact && classification.category === 'out-of-office' ? classification.returns : null;
  const notPaused = away ? nothingLeftToPause(model, campaignPath, prospect, options.sentAtHead) : null;
  const pausedUntil = notPaused ? null : away;
  let actions = model.text(actionsPath) ?? '';
  if (after !== before) actions = setProspectField(actions, index, 'status', after);
  if (revisit) actions = setProspectField(actions, index, 'revisit', revisit);
  if (pausedUntil) actions = setProspectField(actions, index, 'paused_until', pausedUntil);
  // Unsubscribed or bounced, nobody is contacted again: a `revisit` or `paused_until` left from an earlier reply
  // ("try me in March", then "remove me") read as a date to write to them, so both go.
  if (['unsubscribed', 'bounced'].includes(after.trim().toLowerCase())) for (const key of ['revisit', 'paused_until'] as const) actions = clearProspectField(actions, index, key);
  if (actions !== (model.text(actionsPath) ?? '')) changes.push(writeChange(actionsPath, actions));

  let deal: ReplyResult['deal'] = null;
  if (classification.category === 'positive' && !doNotContact) {
    // meta.json's goal is the campaign's link; when it names none, the goal Stage 1 declares
    // is still the one the campaign was run for (`campaign-links-disagree` says so in check).
    const declared = meta.goal_id ? meta : { ...meta, goal_id: stageValue(thread, 'campaign', 1)?.goal_id ?? undefined };
    const opened = openDealOnce(model, declared, prospect, text, date);
    deal = 'result' in opened ? withGoalNote(model, opened.result, campaignPath, declared.goal_id) : opened;
    if ('changes' in opened) changes.push(...opened.changes);
  }

  const list = classification.category === 'unsubscribe' ? suppressionWith(model.text(SUPPRESSION_FILE), { ...knownBy(prospect), reason: 'unsubscribed', date, campaign: meta.id }) : null;
  if (list !== null) changes.push(writeChange(SUPPRESSION_FILE, list));
  const suppressed = list !== null;
  // Approvals the reply stops (the gates would now refuse each): withdrawn in the same commit, and named.
  const stop = contactStop({ ...prospect, status: after }, suppressedEmails, null);
  const { withdrawn, changes: withdrawals } = stop ? withdrawApprovals(model, prospect, stop.kind === 'do-not-contact' ? 'every campaign' : campaignPath) : { withdrawn: [], changes: [] };
  changes.push(...withdrawals);
  return {
    result: { campaign: campaignPath, email, classification, status: { before, after }, revisit, pausedUntil, notPaused, recorded, alreadyRecorded: false, deal, suppressed, withdrawn, doNotContact, written: changes.map((c) => c.path) },
    changes,
    summary: `reply from ${email} (${classification.category}) to ${campaignPath}`,
    thread: campaignPath,
  };
}

/**
 * A deal opened for a campaign that names no goal counts toward none: said as what the reply
 * did and why (the campaign had no goal to give), with how to link the deal or the campaign,
 * in place of check's `deal-without-goal` about a meta.json the reply itself wrote (api.ts
 * leaves that warning out of the reply's). A workspace without goals is told nothing, as check tells it nothing.
 */
function withGoalNote(model: WorkspaceModel, deal: CreatedThread & { taken?: string }, campaignPath: string, campaignGoal: string | null | undefined): CreatedThread & { taken?: string; noGoal?: string } {
  const goals = goalsOf(model).map((g) => g.id);
  if (campaignGoal || goals.length === 0) return deal;
  const known = `${goals.slice(0, 12).join(', ')}${goals.length > 12 ? ', …' : ''}`;
  return {
    ...deal,
    noGoal: `deal ${deal.path} counts toward no goal: campaign ${campaignPath} names none, so it had none to give. Link the deal with "goal_id" in ${deal.path}/meta.json (one of ${known}) and sync (an agent: the link_goal tool); link the campaign too (goal_id in its meta.json and 1-input.md, or the link_goal tool), and the deals its next replies open take its goal`,
  };
}

/**
 * Why an out-of-office return date pauses nothing, or null: every touch of the sequence
 * was sent, counted as `due` counts them (prospectsAsSent: `touches_done`, or the last
 * touch a draft marked sent records — on disk, or at HEAD once deleted, `sentAtHead`).
 * A `paused_until` then holds no touch back, yet `due` would read it as a pause and the
 * file would say the sequence waits for someone it is done with.
 */
function nothingLeftToPause(model: WorkspaceModel, campaignPath: string, prospect: ProspectContacts & { touches_done?: unknown }, sentAtHead: ReadonlyMap<string, string> | undefined): string | null {
  const thread = model.threads.get(campaignPath);
  const touches = resolveSequence(thread ? (stageValue(thread, 'campaign', 5)?.sequence ?? null) : null).length;
  if (touches === 0) return null;
  // As `campaign draft` reads them (propose-drafts.ts): HEAD's record first, the drafts on disk over it.
  const sent = lastSentTouch(new Map([...(sentAtHead ?? []), ...sentTouches(model, campaignPath)]));
  const done = touchesDone(prospectsAsSent(sent, [prospect])[0]!.touches_done);
  if (done < touches) return null;
  return `every touch of the sequence was sent (${touches} of ${touches}): nothing is left to pause, so no \`paused_until\` was written; the return date stays in the reply record`;
}

/**
 * A reply cannot come before the prospect was first contacted: the day their sequence
 * started — the prospect's `started`, else the sequence's `start` (as `due` counts the
 * touches), else the day the campaign was created. An earlier `--date` (a typo, a year
 * off) is refused (`reply-before-start`), naming that day and where it comes from.
 */
function refuseBeforeStart(campaign: ThreadMeta, sequenceStart: string | null | undefined, prospect: ProspectContacts & { started?: string | null }, date: string, actionsPath: string): void {
  // The start `due` counts the touches from (prospectStart): only where it came from is said here.
  const start = prospectStart(prospect, campaignStart({ start: sequenceStart }, campaign.created));
  if (start === undefined) return;
  const from = prospect.started ? `the prospect's \`started\` in ${actionsPath}` : sequenceStart ? `the sequence's \`start\` in ${actionsPath}` : `the campaign's \`created\` date`;
  if (date >= start) return;
  throw new ThreadworkError(
    `Reply dated ${date} is before the campaign started for ${prospectLabel(prospect)} on ${start} (${from}): nothing was recorded. Give --date the day the reply arrived.`,
    'reply-before-start',
    { date, start },
  );
}

/** The body of a reply record: the reply's text, quoted. */
function quotedReply(text: string): string {
  return `\n${text.split(/\r?\n/).map((l) => `> ${l}`).join('\n')}\n`;
}

/** A reply record's path without its `.md`: `{date}-{prospectId}`, slugged as draft names are (`…-dana-at-northwind-com`). */
function recordBase(campaign: string, prospect: ProspectContacts, date: string): string {
  return `${campaign}/replies/${date}-${prospectSlug(prospect)}`;
}

/**
 * The contact detail a record names the prospect by: `email` as written, as records always
 * had it; for a prospect without one, the `linkedin` or `phone` their prospectId is made of.
 */
function knownBy(prospect: ProspectContacts): { email: string } | { linkedin: string } | { phone: string } {
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const email = text(prospect.email);
  if (email) return { email };
  const linkedin = text(prospect.linkedin);
  return linkedin ? { linkedin } : { phone: text(prospect.phone) ?? '' };
}

/**
 * The record of this reply written before — the prospect's, on this date, with this text
 * (line endings and trailing spaces aside) — or undefined. Only the file names a reply of
 * that prospect and date is given are read (`{date}-{email}.md`, `-2.md` …), every one of
 * them: stopping at the first missing number, a retry after an earlier record of the day
 * was deleted recorded the reply a second time in the gap.
 */
function recordedReply(model: WorkspaceModel, campaign: string, prospect: ProspectContacts, date: string, text: string): string | undefined {
  const same = (t: string): string => t.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
  const body = same(quotedReply(text));
  const base = recordBase(campaign, prospect, date);
  const named = (path: string): boolean => path === `${base}.md` || (path.startsWith(`${base}-`) && /^\d+\.md$/.test(path.slice(base.length + 1)));
  const paths = [...model.files.keys()].filter((path) => path.startsWith(`${campaign}/replies/`) && named(path)).sort();
  for (const path of paths) {
    const recorded = model.text(path);
    if (recorded === undefined) continue;
    const parsed = parseFrontMatter(recorded);
    const front = parsed.data as (ProspectContacts & { date?: unknown }) | undefined;
    if (front && prospectId(front) === prospectId(prospect) && String(front.date) === date && same(recorded.slice(parsed.bodyOffset)) === body) return path;
  }
  return undefined;
}

function replyRecord(model: WorkspaceModel, campaign: string, prospect: ProspectContacts, date: string, c: ReplyClassification, text: string): SourceChange {
  const front = {
    ...knownBy(prospect),
    date,
    category: c.category,
    confidence: c.confidence,
    matched: c.matched,
    ...(c.revisit ? { revisit: c.revisit } : {}),
    ...(c.returns ? { returns: c.returns } : {}),
    reason: c.reason,
  };
  const content = composeMarkdown(front, quotedReply(text));
  const base = recordBase(campaign, prospect, date);
  for (let n = 1; ; n++) {
    const path = n === 1 ? `${base}.md` : `${base}-${n}.md`;
    if (model.text(path) === undefined) return createChange(path, content);
  }
}

/**
 * Sets one field of one prospect in place: only that value's characters change, or one
 * entry is added to its map. `status` too goes through addFrontMatterScalar: a prospect
 * may have none (it defaults to queued), and setting a missing key with the Document API
 * rewrote the whole front matter — every other prospect re-indented, flow maps respaced
 * and joined onto one line, comments moved.
 */
function setProspectField(text: string, index: number, key: 'status' | 'revisit' | 'paused_until', value: string): string {
  try {
    return addFrontMatterScalar(text, ['prospects', index], key, value);
  } catch {
    throw new ThreadworkError('5-actions.md has no valid front matter: fix it before recording replies', 'stage-invalid');
  }
}

function clearProspectField(text: string, index: number, key: 'revisit' | 'paused_until'): string {
  try {
    return removeFrontMatterScalar(text, ['prospects', index], key);
  } catch {
    throw new ThreadworkError('5-actions.md has no valid front matter: fix it before recording replies', 'stage-invalid');
  }
}

/** The deal this campaign opened for this prospect (its `source` the campaign, its contact the prospect), if any. */
function dealOpenedFor(model: WorkspaceModel, campaignId: string, prospect: ProspectContacts): { path: string; existing: true } | null {
  const source = `campaign:${campaignId}`;
  for (const t of model.threads.values()) {
    const m = metaOf(t);
    const contact = stageValue(t, 'deal', 1)?.contact;
    if (m?.type === 'sales-deal' && m.source === source && contact && prospectId(contact) === prospectId(prospect)) return { path: t.path, existing: true };
  }
  return null;
}

/**
 * The deal a positive reply opens, once per campaign and contact: it keeps the
 * campaign's segment, goal (meta.json's, else Stage 1's) and subgoal (when they still exist in goals/), takes the
 * company's domain from the address unless that is a free-mail one, and starts from
 * the company facts the prospect entry had (industry, size, revenue, geography,
 * technologies, signals), so the deal scores as the prospect did.
 */
function openDealOnce(model: WorkspaceModel, campaign: ThreadMeta, prospect: { name: string; company: string; title?: string | null } & ProspectContacts & Record<string, unknown>, text: string, date: string): WriteProposal<CreatedThread & { taken?: string }> | { path: string; existing: true } {
  const existing = dealOpenedFor(model, campaign.id, prospect);
  if (existing) return existing;
  const source = `campaign:${campaign.id}`;
  const quote = text.replace(/\s+/g, ' ').trim();
  const goal = campaign.goal_id ? goalsOf(model).find((g) => g.id === campaign.goal_id) : undefined;
  const subgoal = goal && campaign.subgoal && goal.subgoals.some((s) => s.id === campaign.subgoal) ? campaign.subgoal : undefined;
  const domain = prospect.email ? companyDomain(prospect.email) : null;
  const options: NewDealOptions = {
    company: prospect.company,
    segment: campaign.segment ?? '',
    source,
    date,
    contactName: prospect.name,
    ...(prospect.email ? { contactEmail: prospect.email } : {}),
    ...(prospect.linkedin ? { contactLinkedin: prospect.linkedin } : {}),
    ...(prospect.phone ? { contactPhone: prospect.phone } : {}),
    // The verifier's word the ICP gate read for reachability: without it the deal scores the address as unchecked (0.70).
    ...(typeof prospect.email_status === 'string' && prospect.email_status.trim() ? { contactEmailStatus: prospect.email_status.trim() } : {}),
    ...(prospect.title ? { contactTitle: prospect.title } : {}),
    ...(goal ? { goal: goal.id } : {}),
    ...(subgoal ? { subgoal } : {}),
    ...(domain ? { domain } : {}),
    facts: prospectCompanyFacts(prospect),
    signal: `Replied to the campaign: "${quote.length > 140 ? `${quote.slice(0, 139)}…` : quote}"`,
  };
  try {
    return proposeDeal(model, options);
  } catch (error) {
    if (!(error instanceof ThreadworkError && error.code === 'thread-exists')) throw error;
    // The folder the company name makes is another deal's (this campaign's deal for this
    // contact was found above): a company of the same name, or one that makes the same
    // folder name. Linking the reply to it would hand the prospect to someone else's deal,
    // so this one gets a free folder, as `deal new` suggests for a taken one.
    const taken = String(error.details?.path);
    const slug = freeSlug(taken.slice(taken.lastIndexOf('/') + 1), (candidate) => existsSync(join(model.root, LAYOUT.deals, candidate)) || model.threads.has(`${LAYOUT.deals}/${candidate}`));
    const opened = proposeDeal(model, { ...options, slug });
    return { ...opened, result: { ...opened.result, taken } };
  }
}
