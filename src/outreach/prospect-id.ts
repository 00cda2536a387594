/**
 * Who a campaign prospect is, whatever channel reaches them. A prospect is known by one
 * key everywhere — the sent-touch record, the draft file's name, `campaign reply <who>`,
 * the suppression list, the two-campaigns warning: their email when they have one (so a
 * workspace of email prospects keeps every key and draft name it had), else their
 * LinkedIn profile, else their phone number, each normalised so that two spellings of
 * one contact are one person. A prospect reached only by call or LinkedIn needs no email
 * (the Stage 5 schema asks each prospect only for the detail their touches go out by).
 */
import { emailKey } from '../schema/email.js';
import type { ProspectContacts } from '../schema/sequence.js';

export type { ProspectContacts };

/**
 * How addresses are compared (the suppression list, prospects, drafts): trimmed,
 * lower-cased, in Unicode's composed form and with a Punycode domain read in Unicode
 * (emailKey), so `jürgen@müller.de` typed on a Mac (which may decompose the ü), pasted from
 * a CRM, or exported as `jürgen@xn--mller-kva.de` is one person.
 */
export function normalizeEmail(email: string): string {
  return emailKey(email);
}

/** A LinkedIn profile as one key: `https://www.linkedin.com/in/Dana-Reyes/?utm=x` → `linkedin.com/in/dana-reyes`. */
export function normalizeLinkedin(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^[a-z]{2,3}\.(?=linkedin\.com\/)/, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/**
 * A phone number as one key: E.164 where the number says its country — a leading `+`, the
 * international call prefix `00` most of the world dials (`+1 (415) 555-0100` and
 * `001 415 555 0100` → `+14155550100`), or `011`, North America's, where a country code and
 * a number follow (`011 44 20 7946 0000` → `+442079460000`) — else its digits as written
 * (`(415) 555-0100` → `4155550100`): without a country code nothing says which country's,
 * so none is guessed.
 */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (/^00[1-9]/.test(digits)) return `+${digits.slice(2)}`;
  return NORTH_AMERICAN_PREFIX.test(digits) ? `+${digits.slice(3)}` : digits;
}

/**
 * `011`, then a country code (never 0) and at least 9 digits in all: a country code and the
 * shortest national numbers (Iceland's, Denmark's) — while a national number that begins with
 * `011` (Johannesburg, Delhi, Sapporo) has at most 8 digits after it, and stays as written.
 */
const NORTH_AMERICAN_PREFIX = /^011[1-9]\d{8,}$/;

/** The shortest national number (no country code) matched against an international one: fewer digits name no one. */
const MIN_NATIONAL_DIGITS = 6;

/**
 * The keys a phone is matched by beyond its own (normalizePhone), so that `(415) 555-0100`
 * on the suppression list stops the prospect written `+1 415 555 0100`, and the other way
 * round: a national number (its trunk `0` dropped: `020 7946 0000` → `2079460000`) is
 * `national:<digits>`; an international one is, in the role `side` names, each number it
 * could be at home — its digits after a country code of one, two or three digits. An entry's
 * (`entry`) and a prospect's (`prospect`) differ so that two international numbers match only
 * when they are equal. Such a match may stop someone abroad with the same national number:
 * a do-not-contact list fails closed.
 */
export function phoneMatchKeys(phone: string, side: 'entry' | 'prospect'): string[] {
  const key = normalizePhone(phone);
  if (!key.startsWith('+')) {
    const national = key.replace(/^0+/, '');
    if (national.length < MIN_NATIONAL_DIGITS) return [];
    return side === 'entry' ? [`national:${national}`] : [`national:${national}`, `abroad:${national}`];
  }
  const atHome = [1, 2, 3].map((cc) => key.slice(1 + cc)).filter((national) => national.length >= MIN_NATIONAL_DIGITS);
  return atHome.map((national) => (side === 'entry' ? `abroad:${national}` : `national:${national}`));
}

/** Every key the prospect (or a suppression entry, `side`) is matched by: contactKeys, and a phone's national and international forms (phoneMatchKeys). */
export function matchKeys(p: ProspectContacts, side: 'entry' | 'prospect'): string[] {
  return [...contactKeys(p), ...(present(p.phone) ? phoneMatchKeys(p.phone, side) : [])];
}

function present(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Each contact detail the prospect has, normalised, email first: what a suppression entry of any of them matches. */
export function contactKeys(p: ProspectContacts): string[] {
  return [present(p.email) ? normalizeEmail(p.email) : '', present(p.linkedin) ? normalizeLinkedin(p.linkedin) : '', present(p.phone) ? normalizePhone(p.phone) : ''].filter((k) => k !== '');
}

/** The prospect's key (see the module comment): normalised email, else LinkedIn, else phone; '' when they have none. */
export function prospectId(p: ProspectContacts): string {
  return contactKeys(p)[0] ?? '';
}

/** Which detail the key is made from (prospectId's order): where a diagnostic about the prospect points. */
export function prospectIdField(p: ProspectContacts): 'email' | 'linkedin' | 'phone' {
  return present(p.email) ? 'email' : present(p.linkedin) ? 'linkedin' : 'phone';
}

/** The detail the key is made from, as written, for messages: `dana@northwind.com`, else the LinkedIn URL, else the phone. */
export function prospectLabel(p: ProspectContacts): string {
  return prospectDetail(p) ?? '(no contact detail)';
}

/** The detail {@link prospectLabel} names, or undefined for a person written with a name alone (a deal's Stage 1 contact). */
export function prospectDetail(p: ProspectContacts): string | undefined {
  return [p.email, p.linkedin, p.phone].find(present)?.trim();
}

/** Whether `who` (as typed to `campaign reply`, or written on the suppression list) names this prospect: any of their contact details. */
export function isProspect(p: ProspectContacts, who: string): boolean {
  const keys = contactKeys(p);
  const phone = /^[+\d\s().-]+$/.test(who.trim()) ? normalizePhone(who) : '';
  return [normalizeEmail(who), normalizeLinkedin(who), phone].some((k) => k !== '' && keys.includes(k));
}
