const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

/**
 * A company's web domain as people paste it — `acme.com`, `www.Acme.com`,
 * `https://acme.com:443/about` — reduced to `acme.com` (lower case, no scheme, `www.`, port,
 * path or trailing dot). What the account scores and duplicate checks compare.
 */
export function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
}

/** Whether `domain`, normalised, is a host name with a top-level domain (`acme.com`, not `acme` or `not a domain!!`). */
export function isValidDomain(domain: string): boolean {
  return HOST.test(normalizeDomain(domain));
}

/**
 * `typed` as a domain (normalizeDomain), or undefined when it is none: a value that can never
 * equal a domain is a typo to say at once (`deal new --domain`, migrate), not a field kept unread.
 */
export function domainOf(typed: string): string | undefined {
  return isValidDomain(typed) ? normalizeDomain(typed) : undefined;
}
