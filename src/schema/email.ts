import { domainToUnicode } from 'node:url';

/**
 * What an email address is, for every schema and check that takes one. Internationalised
 * addresses (RFC 6531: `花子@例え.jp`, `jürgen@müller.de`) are addresses: mail servers
 * with SMTPUTF8 deliver them and the common sending tools accept them, so refusing them
 * would shut out prospects a user can reach. Letters and digits of any script count
 * where ASCII ones do; the rest of the form is the usual one — no spaces, one `@`, no
 * dot at either end of the local part nor two in a row, and a domain of dotted labels
 * ending in a top-level domain of letters (or its `xn--` Punycode form).
 */

const LOCAL = String.raw`[\p{L}\p{N}\p{M}.!#$%&'*+/=?^_${'`'}{|}~-]{1,64}`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?`;
const TOP_LEVEL = String.raw`(?:[\p{L}][\p{L}\p{M}]{1,62}|xn--[a-z0-9-]{1,59})`;

/** An email address, ASCII or internationalised: the pattern `z.email` is given. */
export const EMAIL_ADDRESS = new RegExp(`^(?!\\.)(?!.*\\.\\.)${LOCAL}(?<!\\.)@(?:${LABEL}\\.)+${TOP_LEVEL}$`, 'iu');

/** Whether `email` (trimmed) is an address by EMAIL_ADDRESS. */
export function isEmailAddress(email: string): boolean {
  return EMAIL_ADDRESS.test(email.trim());
}

/**
 * An address as one key, however it is written: trimmed, lower-cased, in Unicode's
 * composed form, and its domain in Unicode rather than Punycode — `Jürgen@xn--mller-kva.de`
 * (as a CRM export or a mail header may give it) and `jürgen@müller.de` are one person,
 * for the suppression list as for prospects (docs/outreach.md, "Who a prospect is").
 */
export function emailKey(email: string): string {
  const key = email.trim().normalize('NFC').toLowerCase();
  const at = key.lastIndexOf('@');
  const domain = key.slice(at + 1);
  // Only a Punycode label needs decoding; an invalid one ('' from domainToUnicode) stays as written.
  if (at < 0 || !/(?:^|\.)xn--/.test(domain)) return key;
  const unicode = domainToUnicode(domain);
  return unicode ? `${key.slice(0, at + 1)}${unicode.normalize('NFC')}` : key;
}
