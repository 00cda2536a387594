/**
 * Who a campaign prospect is, whatever channel reaches them. A prospect is known by one
 * key everywhere — the sent-touch record, the draft file's name, `campaign reply <who>`,
 * the suppression list, the two-campaigns warning: their email when they have one (so a
 * workspace of email prospects keeps every key and draft name it had), else their
 * LinkedIn profile, else their phone number, each normalised so that two spellings of
 * one contact are one person. A prospect reached only by call or LinkedIn needs no email
 * (the Stage 5 schema asks each prospect only for the detail their touches go out by).
 */
import type { ProspectContacts } from '../schema/sequence.js';

export type { ProspectContacts };

/** How addresses are compared (the suppression list, prospects, drafts): trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
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

/** A phone number as one key: its digits, with a leading `+` kept (`+1 (415) 555-0100` → `+14155550100`). */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  return `${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
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
  return [p.email, p.linkedin, p.phone].find(present)?.trim() ?? '(no contact detail)';
}

/** Whether `who` (as typed to `campaign reply`, or written on the suppression list) names this prospect: any of their contact details. */
export function isProspect(p: ProspectContacts, who: string): boolean {
  const keys = contactKeys(p);
  const phone = /^[+\d\s().-]+$/.test(who.trim()) ? normalizePhone(who) : '';
  return [normalizeEmail(who), normalizeLinkedin(who), phone].some((k) => k !== '' && keys.includes(k));
}
