/**
 * Whether a campaign may still contact a prospect, and why not. `due` lists no touch,
 * `campaign draft` writes no draft and `campaign approve` approves none for a prospect
 * this names; `check` flags a draft that is already approved for one. Two kinds:
 *
 * - **do-not-contact**: the address is on the suppression list, or the prospect
 *   unsubscribed. Nothing may ever be sent to them: check reports an approved draft as
 *   an error.
 * - **sequence-stopped**: the prospect replied, booked a meeting, bounced, finished,
 *   asked to be contacted later (nurture), or the campaign is closed. The sequence is
 *   over for them, so its touches are not sent; a person may change the status back.
 */

/** How addresses are compared (the suppression list, prospects, drafts): trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Prospects in these states are out of the sequence: they answered, or can't or mustn't be reached. */
export const STOPPED_STATUSES: ReadonlySet<string> = new Set(['replied', 'meeting', 'unsubscribed', 'bounced', 'completed', 'nurture']);

export type ContactStopKind = 'do-not-contact' | 'sequence-stopped';

export interface ContactStop {
  kind: ContactStopKind;
  /** Why, as a clause about the prospect: `ada@x.example is on the suppression list`. */
  reason: string;
}

/** Each stopped status as a clause: what the prospect did. */
const STATUS_REASONS: Record<string, string> = {
  replied: 'replied (status replied)',
  meeting: 'booked a meeting (status meeting)',
  bounced: 'bounced: the address does not take mail (status bounced)',
  completed: 'is done with this campaign (status completed)',
  nurture: 'asked to be contacted later (status nurture; set it back to active at the revisit date)',
};

/**
 * Why `prospect` must not get another touch, or null when it may. `suppressed` holds
 * lower-cased addresses; the prospect's address is trimmed and lower-cased to compare.
 * `closedOn` is the campaign's Stage 6 `closed` date, when it has one.
 */
export function contactStop(prospect: { email: string; status?: string | null | undefined }, suppressed: ReadonlySet<string>, closedOn?: string | null): ContactStop | null {
  if (suppressed.has(normalizeEmail(prospect.email))) return { kind: 'do-not-contact', reason: `${prospect.email} is on the suppression list` };
  const status = (prospect.status ?? 'queued').trim().toLowerCase();
  if (status === 'unsubscribed') return { kind: 'do-not-contact', reason: `${prospect.email} unsubscribed (status unsubscribed)` };
  if (STOPPED_STATUSES.has(status)) return { kind: 'sequence-stopped', reason: `${prospect.email} ${STATUS_REASONS[status] ?? `has status ${status}`}` };
  if (closedOn) return { kind: 'sequence-stopped', reason: `${prospect.email} is in a campaign that closed on ${closedOn} (6-learning.md)` };
  return null;
}

/** The follow-ups a campaign prospect can have besides sequence touches (`threadwork due`). */
export type ProspectFollowUpKind = 'nurture-revisit' | 'out-of-office-return';

/**
 * Why a prospect's follow-up of `kind` must not be listed, or null when it may, by the
 * same rule as their touches, so `due` never lists a follow-up for someone it lists no
 * touch for on grounds other than the follow-up's own:
 *
 * - an **out-of-office return** says the sequence resumes, which is only true when
 *   `contactStop` names nothing: a prospect who replied, booked, finished, is in nurture,
 *   unsubscribed or is suppressed, or whose campaign closed, gets none.
 * - a **nurture revisit** is for a prospect the nurture status itself stops, so it is asked
 *   with that status lifted (as if set back to `active`, as its note says to do): the
 *   suppression list and a closed campaign still stop it; being in nurture does not.
 */
export function followUpStop(kind: ProspectFollowUpKind, prospect: { email: string; status?: string | null | undefined }, suppressed: ReadonlySet<string>, closedOn?: string | null): ContactStop | null {
  const status = (prospect.status ?? 'queued').trim().toLowerCase();
  if (kind === 'nurture-revisit' && status === 'nurture') return contactStop({ email: prospect.email, status: 'active' }, suppressed, closedOn);
  return contactStop(prospect, suppressed, closedOn);
}
