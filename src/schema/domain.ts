/**
 * A company's web domain as people paste it — `acme.com`, `www.Acme.com`,
 * `https://acme.com/about` — reduced to `acme.com`; undefined when what is left is no domain
 * (`not a domain!!`, `acme`, an email address). Labels of letters, digits and hyphens, at
 * least two of them: the account scores and duplicate checks compare domains, and a value
 * that can never equal one is a typo to say at once, not a field kept unread.
 */
export function domainOf(typed: string): string | undefined {
  const value = typed
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
  return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i.test(value) ? value.toLowerCase() : undefined;
}
