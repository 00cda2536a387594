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
