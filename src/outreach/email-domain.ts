/**
 * The company domain an email address gives: `ada@northwind.example` → `northwind.example`,
 * except at a free-mail provider, where the domain says nothing about the company.
 */

/** Free-mail and consumer ISP domains. */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'hotmail.com', 'hotmail.co.uk',
  'hotmail.fr', 'outlook.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com',
  'pm.me', 'gmx.de', 'gmx.net', 'gmx.com', 'web.de', 't-online.de', 'mail.com', 'yandex.com', 'yandex.ru', 'zoho.com', 'hey.com',
  'fastmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'libero.it', 'qq.com', '163.com',
];

/** The lower-case domain of `email`, or null for a free-mail domain or an address without one. */
export function companyDomain(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at < 0) return null;
  const domain = email.trim().slice(at + 1).normalize('NFC').toLowerCase().replace(/\.$/, '');
  // Letters of any script: an internationalised domain (müller.de, 例え.jp) is a company's too.
  if (!/^[\p{L}\p{N}\p{M}-]+(?:\.[\p{L}\p{N}\p{M}-]+)+$/u.test(domain)) return null;
  return FREE_MAIL_DOMAINS.includes(domain) ? null : domain;
}
