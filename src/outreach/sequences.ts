/**
 * Campaign sequences: the touches a prospect receives, and which touch is due on a
 * given day. A touch's date is the prospect's start date plus the touch's day offset;
 * the sequence advances only when a touch is recorded as done (`touches_done` on the
 * prospect), so a touch missed on its day stays the prospect's next touch (overdue)
 * instead of being skipped silently.
 */

import { addDays, calendarDate } from './calendar.js';
import { contactStop } from './contact-stop.js';
import { prospectLabel, type ProspectContacts } from './prospect-id.js';

import type { Channel, SequenceInput, Touch } from '../schema/sequence.js';

export { isPresetName, PRESET_NAMES, resolveSequence, SEQUENCE_PRESETS, type Channel, type PresetName, type SequenceInput, type Touch } from '../schema/sequence.js';

export interface SequenceProspect extends ProspectContacts {
  name: string;
  company: string;
  title?: string | null | undefined;
  /** queued | active | replied | meeting | unsubscribed | bounced | completed | nurture; default queued. */
  status?: string | null | undefined;
  /** Overrides the sequence `start` for this prospect. */
  started?: string | null | undefined;
  /** How many touches were already sent, in sequence order; default 0. */
  touches_done?: number | null | undefined;
  /** An out-of-office return date: no touch is due before it (see dueTouches). */
  paused_until?: string | null | undefined;
}

export interface DueTouchesInput {
  campaign: string;
  touches: readonly Touch[];
  /** The sequence start date, used for prospects without `started`. */
  start?: string | null | undefined;
  prospects: readonly SequenceProspect[];
  /** Normalised contact details never to contact (suppressionKeys: unsubscribes, bounces, do-not-contact). */
  suppressed: ReadonlySet<string>;
  /** The campaign's Stage 6 `closed` date, when it has one: then nobody is due. */
  closed?: string | null | undefined;
  today: string;
  /** Include next touches whose date has passed (default true: see the module comment). */
  includeOverdue?: boolean | undefined;
}

export interface DueTouch {
  campaign: string;
  /** Who: their contact details as listed (an email, else a LinkedIn profile or phone: outreach/prospect-id.ts). */
  prospect: { name: string; email: string | null; linkedin?: string; phone?: string; company: string };
  /** The touch's 1-based number in the resolved sequence. */
  touch: number;
  day: number;
  channel: Channel;
  template: string;
  /** The date the touch was planned for, `YYYY-MM-DD`. */
  due: string;
  /** True when `due` is before `today`. */
  overdue: boolean;
}

/**
 * Each prospect's next touch when it is due on or before `today`, in prospect order.
 * At most one touch per prospect: a prospect behind by several touches gets the next
 * one, and the later ones keep their own dates. Prospects are skipped when `contactStop`
 * stops them (suppressed, unsubscribed, a stopped status, a closed campaign: the one
 * rule `campaign draft` and `campaign approve` follow too), finished with the sequence,
 * or without a valid start date (their own `started` or the sequence `start`).
 *
 * A prospect `paused_until` a date (an out-of-office return) gets no touch before it.
 * The touches planned before that date are not all sent on the return day: the latest
 * of them — the furthest the sequence would have got — is due on the return date, the
 * earlier ones are skipped (its `touch` number says which; recording it done moves
 * `touches_done` past them), and the touches planned after the return keep their dates.
 * A prospect with no touch sent yet gets the first touch on the return date: a follow-up
 * to a note never sent would be the first thing they read.
 */
export function dueTouches(input: DueTouchesInput): DueTouch[] {
  const today = calendarDate(input.today);
  if (!today || today !== input.today.trim()) throw new RangeError(`today must be a YYYY-MM-DD date, got "${input.today}"`);
  const includeOverdue = input.includeOverdue ?? true;
  const due: DueTouch[] = [];
  for (const prospect of input.prospects) {
    if (contactStop(prospect, input.suppressed, input.closed)) continue;
    const next = nextTouch(input.touches, prospect, input.start);
    if (!next) continue;
    const date = next.date;
    if (date > today || (date < today && !includeOverdue)) continue;
    due.push({
      campaign: input.campaign,
      prospect: dueProspect(prospect),
      touch: next.index + 1,
      day: next.touch.day,
      channel: next.touch.channel,
      template: next.touch.template,
      due: date,
      overdue: date < today,
    });
  }
  return due;
}

/**
 * When `dueTouches` lists touch number `touch` (1-based) for this prospect: `{date}`, the
 * day it falls due (for the touch sent on an out-of-office return, the return date); or
 * `{notDue}`, why it never will — sent already (`touches_done` counts it), skipped by a
 * pause (an earlier touch than the one sent on the return), or planned inside the
 * absence. Undefined when the sequence has no such touch or the prospect no start date.
 * Whether the prospect may be contacted at all is `contactStop`'s to say, not this.
 * The approval gates ask this, so that nothing is approved that `due` would not list.
 */
export function touchSchedule(touches: readonly Touch[], prospect: SequenceProspect, sequenceStart: string | null | undefined, touch: number): TouchSchedule | undefined {
  const done = touchesDone(prospect.touches_done);
  if (touch <= done) return { notDue: `${prospectLabel(prospect)} had touch ${touch} sent already (touches_done: ${done}): \`due\` lists it no more` };
  const planned = touches[touch - 1];
  const next = nextTouch(touches, prospect, sequenceStart);
  if (!planned || !next) return undefined;
  if (touch - 1 === next.index) return { date: next.date };
  const date = addDays(prospectStart(prospect, sequenceStart)!, planned.day);
  const pause = calendarDate(prospect.paused_until);
  const away = `${prospect.name} (${prospectLabel(prospect)}) is out of office until ${pause} (paused_until)`;
  if (touch - 1 < next.index) return { notDue: `${away}: touch ${touch}, planned for ${date}, is skipped — \`due\` lists touch ${next.index + 1} on ${pause} instead` };
  if (pause && date < pause) return { notDue: `${away}: touch ${touch} is planned for ${date}, inside the absence — \`due\` lists touch ${next.index + 1} on ${pause} first` };
  return { date, after: { touch: next.index + 1, date: next.date } };
}

/**
 * When a touch is listed (touchSchedule): `{date}`, with `after` the prospect's next touch
 * when this one is a later one — `due` lists it only once the touches from `after` on are
 * sent; or `{notDue}`, why `due` never will.
 */
export type TouchSchedule = { date: string; after?: { touch: number; date: string } } | { notDue: string };

/**
 * The prospect's next touch — `touches_done + 1`, moved by an out-of-office pause
 * (pausedTouch) — and the day it is due: the one rule of which touch comes next, which
 * `due` lists and the approval gates order the others after. Undefined when every touch
 * is done or the prospect has no valid start date.
 */
export function nextTouch(touches: readonly Touch[], prospect: SequenceProspect, sequenceStart: string | null | undefined): { index: number; touch: Touch; date: string } | undefined {
  const done = touchesDone(prospect.touches_done);
  const start = prospectStart(prospect, sequenceStart);
  if (!touches[done] || !start) return undefined;
  return pausedTouch(touches, done, start, calendarDate(prospect.paused_until));
}

/**
 * The day a campaign's sequence starts for prospects without their own `started`: the
 * sequence's `start`, else the day the campaign was created (meta.json `created`). The
 * one rule `due`, the approval gates and `campaign reply` follow: a campaign that names
 * no start counts its touches from its creation, for all of them alike.
 */
export function campaignStart(sequence: SequenceInput | null | undefined, created: string | null | undefined): string | undefined {
  return calendarDate(sequence?.start ?? created);
}

/**
 * The day a prospect's sequence starts: their own `started`, else `sequenceStart` (see
 * campaignStart). Undefined when the one that applies is not a real date: a bad `started`
 * does not borrow the campaign's start (that would send on a day nobody chose).
 */
export function prospectStart(prospect: Pick<SequenceProspect, 'started'>, sequenceStart: string | null | undefined): string | undefined {
  return prospect.started ? calendarDate(prospect.started) : calendarDate(sequenceStart);
}

/** The next touch and its date, moved past a pause: the latest touch planned before `pause` is due on it, earlier ones are skipped. */
function pausedTouch(touches: readonly Touch[], done: number, start: string, pause: string | undefined): { index: number; touch: Touch; date: string } {
  const first = touches[done]!;
  const planned = addDays(start, first.day);
  if (!pause || planned >= pause) return { index: done, touch: first, date: planned };
  // Nothing sent yet: the opening touch is what every later one follows up on ("as I wrote
  // last week"), so it is the one sent on the return, never skipped.
  if (done === 0) return { index: 0, touch: first, date: pause };
  let index = done;
  while (index + 1 < touches.length && addDays(start, touches[index + 1]!.day) < pause) index++;
  return { index, touch: touches[index]!, date: pause };
}

/** A missing, negative or non-numeric count means nothing was sent yet; 2.7 means 2. */
export function touchesDone(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** The prospect as a due touch names them: `email` always (null without one, as JSON readers have it), `linkedin` and `phone` when listed. */
export function dueProspect(p: SequenceProspect): DueTouch['prospect'] {
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const linkedin = text(p.linkedin);
  const phone = text(p.phone);
  return { name: p.name, email: text(p.email) ?? null, ...(linkedin ? { linkedin } : {}), ...(phone ? { phone } : {}), company: p.company };
}
