/**
 * Duplicates in an account or contact list, and how their rows merge.
 *
 * Keys, compared after normalising:
 * - **domain**: lower case, without `http(s)://`, `www.`, a path, a port or a trailing dot
 *   (`https://www.Acme.com/about` = `acme.com`).
 * - **email**: trimmed and lower-cased. Plus-addressing is *not* folded: `ana+crm@x.com`
 *   and `ana@x.com` stay two rows, because not every mail server delivers `+tag`
 *   addresses to the same mailbox and merging two people loses one of them; a list
 *   that has both shows both.
 * - **company name**: lower case, accents dropped, `&` as `and`, dots removed (`S.A.` =
 *   `SA`), other punctuation as spaces, a leading `The` dropped and trailing legal
 *   suffixes dropped (repeatedly: `Acme Holdings Pty. Ltd.` → `acme holdings`):
 *   see `LEGAL_SUFFIXES`.
 *
 * Accounts are one when they share a domain or a company name. Contacts are one when
 * they share an email, or the same person's name at the same company (domain or
 * company name): two people at one company are two contacts. Rows linked through any
 * chain of shared keys form one group.
 *
 * Merging keeps the first row's position and, field by field, the first non-empty
 * value in file order (`''`, `null`, `[]` count as empty).
 */

import { normalizeText } from './text.js';
import { normalizeDomain } from '../schema/domain.js';
import { emailKey } from '../schema/email.js';

export { normalizeDomain };

/** Dropped from the end of a company name, longest first; also any run of them (`Pty Ltd`). */
export const LEGAL_SUFFIXES = [
  'incorporated', 'inc', 'llc', 'l l c', 'llp', 'lp', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'gmbh', 'mbh',
  'ag', 'kg', 'ug', 'se', 'sa', 'sas', 'sarl', 'sl', 'srl', 'spa', 'bv', 'nv', 'plc', 'pty', 'pte', 'oy', 'oyj', 'ab', 'as', 'asa',
  'aps', 'kk', 'pvt', 'private', 'sdn bhd', 'bhd',
] as const;

const SUFFIX_PATTERN = new RegExp(`(?:\\s(?:${[...LEGAL_SUFFIXES].sort((a, b) => b.length - a.length).join('|')}))+$`);

export function normalizeCompanyName(name: string): string {
  const text = normalizeText(name.replace(/\.(?=\S)/g, '').replace(/\./g, ' '));
  const withoutThe = text.replace(/^the\s+/, '');
  const stripped = withoutThe.replace(SUFFIX_PATTERN, '').trim();
  // A name that is nothing but suffixes ("The Company") keeps its words.
  return stripped || withoutThe;
}

/**
 * Whether two names are one company's for opening a deal: their normalizeCompanyName
 * forms equal once the spaces and the word "and" are set aside too — `Keel Neo-bank` is
 * `Keel Neobank`, `AT-T` is `AT&T` — and "and" as German, French, Spanish and Dutch write
 * it, which a folder name may spell for `&`: `Müller und Söhne GmbH` is `Müller & Söhne GmbH`. Stricter than the accounts' keys above (which print
 * the words), since a false match here costs only a refusal that offers `--slug`.
 */
export function sameCompanyName(a: string, b: string): boolean {
  return compactCompanyName(a) === compactCompanyName(b);
}

function compactCompanyName(name: string): string {
  return normalizeCompanyName(name).replace(/\b(?:and|und|et|y|en)\b/g, '').replace(/\s+/g, '');
}

/** An address as the duplicate checks compare it: emailKey, as the suppression list and prospects do. */
export function normalizeEmail(email: string): string {
  return emailKey(email);
}

/** The domain of an email address (`ana@Acme.com` → `acme.com`), or undefined. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at > 0 && at < email.length - 1 ? normalizeDomain(email.slice(at + 1)) : undefined;
}

/** A group of rows merged as one, as the rankings report it. */
export interface DuplicateGroup {
  /** Every row of the group, in file order. */
  rows: number[];
  /** The row kept: the first. */
  kept: number;
  /** The shared keys that linked them: `domain acme.com`, `email ana@acme.com`, `company acme`. */
  keys: string[];
}

/** The groups of more than one row, as reported. */
export function duplicateGroups<T>(groups: readonly { members: readonly { row: number; value: T }[]; keys: string[] }[]): DuplicateGroup[] {
  return groups.filter((g) => g.members.length > 1).map((g) => ({ rows: g.members.map((m) => m.row), kept: g.members[0]!.row, keys: g.keys }));
}

/**
 * Groups rows that share any key (transitively). Returns one entry per record: the group
 * it belongs to (rows in order) — a record alone is a group of one with no keys.
 */
export function groupDuplicates<T>(records: readonly { row: number; value: T }[], keysOf: (value: T) => readonly string[]): { members: { row: number; value: T }[]; keys: string[] }[] {
  const parent = records.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstWithKey = new Map<string, number>();
  const linking = new Map<number, Set<string>>();
  records.forEach((record, i) => {
    for (const key of new Set(keysOf(record.value))) {
      const other = firstWithKey.get(key);
      if (other === undefined) {
        firstWithKey.set(key, i);
        continue;
      }
      const a = find(other);
      const b = find(i);
      const root = Math.min(a, b);
      parent[Math.max(a, b)] = root;
      const keys = new Set([...(linking.get(a) ?? []), ...(linking.get(b) ?? []), key]);
      linking.set(root, keys);
    }
  });
  const groups = new Map<number, { members: { row: number; value: T }[]; keys: string[] }>();
  records.forEach((record, i) => {
    const root = find(i);
    const group = groups.get(root) ?? { members: [], keys: [] };
    group.members.push(record);
    groups.set(root, group);
  });
  for (const [root, group] of groups) group.keys = [...(linking.get(root) ?? [])];
  return [...groups.values()];
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Field by field, the first non-empty value in the order given. */
export function mergeRecords<T extends Record<string, unknown>>(records: readonly T[]): T {
  const merged: Record<string, unknown> = {};
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      if (isEmpty(merged[key]) && !isEmpty(value)) merged[key] = value;
      else if (!(key in merged)) merged[key] = value;
    }
  }
  return merged as T;
}

/** Account keys: its domain and its normalised company name. */
export function accountKeys(account: { name?: unknown; domain?: unknown }): string[] {
  const keys: string[] = [];
  if (typeof account.domain === 'string' && normalizeDomain(account.domain)) keys.push(`domain ${normalizeDomain(account.domain)}`);
  if (typeof account.name === 'string' && normalizeCompanyName(account.name)) keys.push(`company ${normalizeCompanyName(account.name)}`);
  return keys;
}

/** Contact keys: the email, and the person's name at the company's domain or name. */
export function contactKeys(contact: { name?: unknown; email?: unknown; company?: unknown; domain?: unknown }): string[] {
  const keys: string[] = [];
  if (typeof contact.email === 'string' && contact.email.trim()) keys.push(`email ${normalizeEmail(contact.email)}`);
  const person = typeof contact.name === 'string' ? normalizeText(contact.name) : '';
  if (person) {
    if (typeof contact.domain === 'string' && normalizeDomain(contact.domain)) keys.push(`person ${person} at ${normalizeDomain(contact.domain)}`);
    if (typeof contact.company === 'string' && normalizeCompanyName(contact.company)) keys.push(`person ${person} at ${normalizeCompanyName(contact.company)}`);
  }
  return keys;
}
