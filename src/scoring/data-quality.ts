/**
 * Data quality, 0–1: how complete and valid the fields that outreach and scoring need
 * are. Each field earns its weight times a value — 1 present and valid, a part when
 * usable but weak, 0 missing or invalid — and the weights sum to 1:
 *
 * | contact field | weight | 1 | part | 0 |
 * |---|---|---|---|---|
 * | email | 0.25 | valid syntax, at a company domain | 0.5: valid, at a free-mail domain (gmail.com…) | missing or not an address |
 * | name | 0.15 | first and last name | 0.5: one word | missing, or an address / digits |
 * | title | 0.15 | present | — | missing |
 * | company | 0.15 | present | — | missing |
 * | domain | 0.10 | a valid host name (or read from a company email) | — | missing or not a host name |
 * | employees | 0.10 | a whole number | — | missing or not a number |
 * | industry | 0.10 | present | — | missing |
 *
 * | account field | weight |
 * |---|---|
 * | name | 0.20 |
 * | domain | 0.20 (a valid host name) |
 * | industry | 0.15 |
 * | employees | 0.15 (a whole number) |
 * | geography | 0.10 |
 * | revenue | 0.10 (an amount or a range) |
 * | data date | 0.10 (`YYYY-MM-DD`) |
 *
 * `missing` lists fields that are absent; `invalid` fields that are there but unusable.
 */

import { dateProblem } from '../clock.js';
import { formatCount } from '../derive/format.js';
import { parseRevenueRange } from '../schema/money.js';
import { emailDomain, normalizeDomain } from './dedup.js';
import { isValidDomain } from '../schema/domain.js';
import { isEmailAddress } from '../schema/email.js';
import { dayText, isFutureDataDate, requireDay } from './freshness.js';
import { formatHeadCount, headCount, isHeadCount, round3 } from './numbers.js';
import { presentText } from './text.js';

/** Judged where `deal new --domain` and migrate judge one (schema/domain.ts); exported here with the other checks of a contact's data. */
export { isValidDomain };

export type QualityStatus = 'ok' | 'partial' | 'missing' | 'invalid';

export interface QualityField {
  field: string;
  weight: number;
  status: QualityStatus;
  value: number;
  detail: string;
}

export interface DataQuality {
  score: number;
  fields: QualityField[];
  missing: string[];
  invalid: string[];
}

export const CONTACT_QUALITY_WEIGHTS = { email: 0.25, name: 0.15, title: 0.15, company: 0.15, domain: 0.1, employees: 0.1, industry: 0.1 } as const;
export const ACCOUNT_QUALITY_WEIGHTS = { name: 0.2, domain: 0.2, industry: 0.15, employees: 0.15, geography: 0.1, revenue: 0.1, data_date: 0.1 } as const;

/** Free-mail and ISP domains: an address there reaches a person but says nothing about their company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'hotmail.com', 'hotmail.co.uk', 'outlook.com', 'live.com', 'msn.com',
  'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de', 'yandex.ru', 'mail.ru',
  'zoho.com', 'fastmail.com', 'hey.com', 'qq.com', '163.com',
]);

/** An address as the Stage 5 schema takes it, internationalised ones included (schema/email.ts). */
export const isValidEmail = isEmailAddress;

export interface ContactQualityInput {
  name?: unknown;
  email?: unknown;
  title?: unknown;
  company?: unknown;
  domain?: unknown;
  employees?: unknown;
  industry?: unknown;
}

export interface AccountQualityInput {
  name?: unknown;
  domain?: unknown;
  industry?: unknown;
  employees?: unknown;
  geography?: unknown;
  revenue?: unknown;
  data_date?: unknown;
}

type Check = (value: unknown) => { status: QualityStatus; value: number; detail: string };

const ok = (detail: string) => ({ status: 'ok' as const, value: 1, detail });
const missing = (detail: string) => ({ status: 'missing' as const, value: 0, detail });
const invalid = (detail: string) => ({ status: 'invalid' as const, value: 0, detail });

function text(what: string): Check {
  return (v) => (presentText(typeof v === 'number' ? String(v) : v) === undefined ? missing(`no ${what}`) : ok(`${what} on file`));
}

const emailCheck: Check = (v) => {
  const e = presentText(v);
  if (e === undefined) return missing('no email address');
  if (!isValidEmail(e)) return invalid(`"${e}" is not a valid email address`);
  const domain = emailDomain(e)!;
  return FREE_MAIL_DOMAINS.has(domain) ? { status: 'partial', value: 0.5, detail: `"${e}" is a free-mail address (${domain}), not a company one` } : ok('valid address at a company domain');
};

const nameCheck: Check = (v) => {
  const n = presentText(v);
  if (n === undefined) return missing('no name');
  if (n.includes('@') || /\d/.test(n)) return invalid(`"${n}" does not read as a person's name`);
  return n.split(/\s+/).length >= 2 ? ok('first and last name') : { status: 'partial', value: 0.5, detail: `"${n}": only one name` };
};

const domainCheck: Check = (v) => {
  const d = presentText(v);
  if (d === undefined) return missing('no domain');
  return isValidDomain(d) ? ok(`domain ${normalizeDomain(d)}`) : invalid(`"${d}" is not a domain name`);
};

const employeesCheck: Check = (v) => {
  if (v === undefined || v === null || v === '') return missing('no employee count');
  if (isHeadCount(v)) return ok(`${formatHeadCount(v)} employees`);
  const count = typeof v === 'number' ? (Number.isInteger(v) && v >= 0 ? { min: v, max: v } : undefined) : headCount(String(v));
  if (count === undefined) return invalid(`"${String(v)}" is not a number of employees`);
  return ok(count.min === count.max ? formatCount(count.min, 'employee') : `${String(v).trim()} employees`);
};

const revenueCheck: Check = (v) => {
  if (v === undefined || v === null || v === '') return missing('no revenue');
  return parseRevenueRange(v) ? ok('revenue readable') : invalid(`could not read revenue ${JSON.stringify(v)}`);
};

/** The data date, judged against `asOf` when given: a date still to come is none the data was gathered on. */
const dateCheck =
  (asOf?: string | Date): Check =>
  (v) => {
    const d = presentText(v);
    if (d === undefined) return missing('no data date');
    const problem = dateProblem(d.trim().slice(0, 10));
    if (problem !== undefined) return invalid(`"${d}": ${problem}`);
    if (asOf !== undefined && isFutureDataDate(d, asOf)) return invalid(`${d.slice(0, 10)} is after ${dayText(requireDay(asOf))}, the day scored as of`);
    return ok(`gathered ${d.slice(0, 10)}`);
  };

function score(weights: Readonly<Record<string, number>>, checks: Record<string, Check>, record: Record<string, unknown>): DataQuality {
  const fields = Object.entries(weights).map(([field, weight]) => ({ field, weight, ...checks[field]!(record[field]) }));
  return {
    score: round3(fields.reduce((sum, f) => sum + f.weight * f.value, 0)),
    fields,
    missing: fields.filter((f) => f.status === 'missing').map((f) => f.field),
    invalid: fields.filter((f) => f.status === 'invalid').map((f) => f.field),
  };
}

/** A contact's data quality. The domain may come from a company email address when no domain column is filled. */
export function scoreContactDataQuality(contact: ContactQualityInput): DataQuality {
  const email = presentText(contact.email);
  const fromEmail = email && isValidEmail(email) ? emailDomain(email) : undefined;
  const domain = presentText(contact.domain) ?? (fromEmail && !FREE_MAIL_DOMAINS.has(fromEmail) ? fromEmail : undefined);
  return score(
    CONTACT_QUALITY_WEIGHTS,
    { email: emailCheck, name: nameCheck, title: text('title'), company: text('company'), domain: domainCheck, employees: employeesCheck, industry: text('industry') },
    Object.assign<Record<string, unknown>, ContactQualityInput, { domain: string | undefined }>({}, contact, { domain }),
  );
}

/** An account's data quality; with `asOf` (the day scored as of), a data date after it is invalid. */
export function scoreAccountDataQuality(account: AccountQualityInput, asOf?: string | Date): DataQuality {
  return score(
    ACCOUNT_QUALITY_WEIGHTS,
    { name: text('name'), domain: domainCheck, industry: text('industry'), employees: employeesCheck, geography: text('geography'), revenue: revenueCheck, data_date: dateCheck(asOf) },
    { ...account },
  );
}
