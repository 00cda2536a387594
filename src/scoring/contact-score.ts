/**
 * Contact score: is this the right person, and can we reach them?
 *
 *   score = title match·0.40 + seniority·0.30 + verified email·0.20 + LinkedIn·0.10
 *
 * A part whose data is missing counts 0 and the field to fill in is listed in `missing`
 * (we know nothing about a contact without a title, so it earns nothing). Title match is left out and
 * the other weights renormalised only when there are no persona titles to match
 * against: then the fault is the ICP's, not the contact's.
 */

import type { FactorStatus } from './factor.js';
import { renormalisedMean, round3 } from './numbers.js';
import { DEFAULT_REACHABILITY, readEmailStatus, type EmailStatusInput } from './reachability.js';
import { SENIORITY_SCORES, seniorityOf, type Seniority } from './seniority.js';
import { presentText } from './text.js';
import { matchTitle } from './title-match.js';

export interface ContactFacts {
  name?: string | null | undefined;
  title?: string | null | undefined;
  email?: string | null | undefined;
  /** Verification status (`verified`, `catch-all`, …) or a boolean. */
  emailStatus?: EmailStatusInput;
  linkedin?: string | null | undefined;
}

export type ContactPartName = 'title_match' | 'seniority' | 'email' | 'linkedin';

/** The contact fields the parts read, as a list's columns name them: what `missing` lists, so it says what to fill in. */
export type ContactField = 'title' | 'email' | 'email_status' | 'linkedin';

/** What belongs in each field, for a message about a missing one. */
export const CONTACT_FIELD_EXPECTED: Record<ContactField, string> = {
  title: 'a job title such as "VP Finance"',
  email: 'an email address',
  email_status: "the address's verification result, such as verified, valid, catch-all, risky or invalid",
  linkedin: 'a LinkedIn profile URL',
};

export const CONTACT_WEIGHTS: Record<ContactPartName, number> = { title_match: 0.4, seniority: 0.3, email: 0.2, linkedin: 0.1 };

export interface ContactPart {
  name: ContactPartName;
  weight: number;
  status: FactorStatus;
  value: number | null;
  detail: string;
}

export interface ContactScore {
  score: number;
  seniority: Seniority | null;
  parts: ContactPart[];
  /** The fields whose absence cost points, each once: `title` for both title parts, `email_status` when only the status is lacking. */
  missing: ContactField[];
}

export function scoreContact(contact: ContactFacts, personaTitles: readonly string[]): ContactScore {
  const title = presentText(contact.title);
  const level = title === undefined ? undefined : seniorityOf(title);
  const parts: ContactPart[] = [titlePart(title, personaTitles), seniorityPart(title, level), emailPart(contact), linkedinPart(contact.linkedin)];
  // Missing parts count 0; only not-applicable ones hand their weight to the others.
  const mean = renormalisedMean(parts.filter((p) => p.status !== 'not-applicable').map((p) => ({ weight: p.weight, value: p.value ?? 0 })));
  return {
    score: round3(mean ?? 0),
    seniority: level ?? null,
    parts,
    missing: [...new Set(parts.flatMap(lackingField))],
  };
}

/**
 * The field a part lacked, if any. The email part reads two fields: it is `defaulted`
 * exactly when the address is on file and its status is absent or unreadable, so then
 * the status is what to fill in, not the address.
 */
function lackingField(p: ContactPart): ContactField[] {
  if (p.status !== 'missing' && p.status !== 'defaulted') return [];
  if (p.name === 'email') return [p.status === 'defaulted' ? 'email_status' : 'email'];
  return [p.name === 'linkedin' ? 'linkedin' : 'title'];
}

function part(name: ContactPartName, status: FactorStatus, value: number | null, detail: string): ContactPart {
  return { name, weight: CONTACT_WEIGHTS[name], status, value, detail };
}

function titlePart(title: string | undefined, personaTitles: readonly string[]): ContactPart {
  if (personaTitles.length === 0) return part('title_match', 'not-applicable', null, 'no persona titles to match against');
  if (title === undefined) return part('title_match', 'missing', null, 'no title on file');
  const match = matchTitle(title, personaTitles);
  const against = `"${title}" against persona "${match.persona}"${match.sameFunction ? `: ${match.sameFunction}` : ''}`;
  const detail = match.persona === undefined ? `"${title}" shares no keyword with any persona title` : against;
  return part('title_match', 'computed', match.value, detail);
}

function seniorityPart(title: string | undefined, level: Seniority | undefined): ContactPart {
  if (title === undefined || level === undefined) return part('seniority', 'missing', null, 'no title on file');
  return part('seniority', 'computed', SENIORITY_SCORES[level], `"${title}" reads as ${level}`);
}

/** A status decides; without one, an address on file gets the reachability default, no address 0. */
function emailPart(contact: ContactFacts): ContactPart {
  const reading = readEmailStatus(contact.emailStatus);
  if (reading.known) return part('email', 'computed', reading.value, reading.detail);
  if (presentText(contact.email) !== undefined) {
    return part('email', 'defaulted', DEFAULT_REACHABILITY, `address on file, ${reading.detail}; email_status expects ${CONTACT_FIELD_EXPECTED.email_status}`);
  }
  return part('email', 'missing', null, 'no email address or status');
}

function linkedinPart(linkedin: string | null | undefined): ContactPart {
  return presentText(linkedin) === undefined
    ? part('linkedin', 'missing', null, 'no LinkedIn profile')
    : part('linkedin', 'computed', 1, 'LinkedIn profile on file');
}
