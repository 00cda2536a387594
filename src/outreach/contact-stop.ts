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

import { SEQUENCE_STOPPED_STATUSES } from '../schema/stages.js';
import { matchKeys, prospectLabel, type ProspectContacts } from './prospect-id.js';

export { normalizeEmail } from './prospect-id.js';

/** Prospects in these states are out of the sequence: they answered, or can't or mustn't be reached (the schema's list, which asks them for no contact detail). */
export const STOPPED_STATUSES: ReadonlySet<string> = SEQUENCE_STOPPED_STATUSES;

export type ContactStopKind = 'do-not-contact' | 'sequence-stopped';

export interface ContactStop {
  kind: ContactStopKind;
  /** Why, as a clause about the prospect: `ada@x.example is on the suppression list` (prospectLabel names them). */
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
 * normalised contact details (suppressionKeys); any of the prospect's (contactKeys) on it stops them.
 * `closedOn` is the campaign's Stage 6 `closed` date, when it has one.
 */
export function contactStop(prospect: ProspectContacts & { status?: string | null | undefined }, suppressed: ReadonlySet<string>, closedOn?: string | null): ContactStop | null {
  const who = prospectLabel(prospect);
  if (isSuppressed(prospect, suppressed)) return { kind: 'do-not-contact', reason: `${who} is on the suppression list` };
  const status = (prospect.status ?? 'queued').trim().toLowerCase();
  if (status === 'unsubscribed') return { kind: 'do-not-contact', reason: `${who} unsubscribed (status unsubscribed)` };
  if (STOPPED_STATUSES.has(status)) return { kind: 'sequence-stopped', reason: `${who} ${STATUS_REASONS[status] ?? `has status ${status}`}` };
  if (closedOn) return { kind: 'sequence-stopped', reason: `${who} is in a campaign that closed on ${closedOn} (6-learning.md)` };
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
 *   suppression list still stops it; being in nurture does not, nor a closed campaign — the
 *   prospect asked to be contacted on that day, and closing the campaign ends its sequence,
 *   not that promise (`closed-mid-sequence` tells whoever closes it to set `nurture` with a
 *   `revisit` for exactly this). Left out, "try me again in April" vanished at the close.
 */
export function followUpStop(kind: ProspectFollowUpKind, prospect: ProspectContacts & { status?: string | null | undefined }, suppressed: ReadonlySet<string>, closedOn?: string | null): ContactStop | null {
  const status = (prospect.status ?? 'queued').trim().toLowerCase();
  if (kind === 'nurture-revisit' && status === 'nurture') return contactStop(Object.assign({}, prospect, { status: 'active' }), suppressed, null);
  return contactStop(prospect, suppressed, closedOn);
}

/**
 * The suppression list's entries as the keys contactStop looks up: every contact detail each
 * entry names (an entry may name a LinkedIn profile or a phone instead of an address), a
 * phone also by its national and international forms (phoneMatchKeys).
 */
export function suppressionKeys(entries: readonly ProspectContacts[]): Set<string> {
  return new Set(entries.flatMap((entry) => matchKeys(entry, 'entry')));
}

/** Whether any of the prospect's contact details is on the suppression list (`suppressed`: suppressionKeys). */
export function isSuppressed(prospect: ProspectContacts, suppressed: ReadonlySet<string>): boolean {
  return matchKeys(prospect, 'prospect').some((key) => suppressed.has(key));
}
