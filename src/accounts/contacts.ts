import * as z from 'zod';
import type { ContactRecord } from '../scoring/index.js';
import { wholeCount } from '../scoring/numbers.js';
import { LOCALISED_COMPANY_NAMES, LOCALISED_CONTACT_SPELLINGS } from './localised-headers.js';
import { companyColumnAliases, listDateSchema, listItemRows, listOf, pipedriveAddressParts, parseKeepingRow, readListRows, unreadColumns, withAliases, type LeftOutValue } from './read.js';

/**
 * One contact or lead of a list to score. Columns are read by name (header lower-cased,
 * spaces and punctuation as `_`), with the usual export spellings as aliases. Values stay as
 * written: a bad email or employee count lowers the data quality instead of dropping the
 * row, and a count that cannot be read is left out and named. A row needs a name or an email.
 */
const ALIASES: Record<string, string> = {
  // A contact's and its company's columns as CRMs in German, French, Spanish, Dutch, Italian, Portuguese and Polish write them.
  ...LOCALISED_CONTACT_SPELLINGS,
  ...Object.fromEntries(LOCALISED_COMPANY_NAMES.map((spelling) => [spelling, 'company'])),
  full_name: 'name', contact: 'name', contact_name: 'name',
  job_title: 'title', position: 'title', role: 'title',
  email_address: 'email', work_email: 'email', e_mail: 'email',
  email_verification: 'email_status', verification: 'email_status',
  linkedin_url: 'linkedin', linkedin_profile: 'linkedin',
  company_name: 'company', account: 'company', account_name: 'company', organization: 'company', organisation: 'company',
  ...companyColumnAliases('company'),
  email_opens: 'email_engagements', emails: 'email_engagements', email_engagement: 'email_engagements',
  site_visits: 'website_visits', web_visits: 'website_visits', visits: 'website_visits',
  downloads: 'content_downloads', content: 'content_downloads',
  social: 'social_engagements', social_engagement: 'social_engagements',
  // The CRMs' own contact headers: HubSpot's engagement properties (ignored, every lead read
  // COLD with its opens and sessions on file), Salesforce's `Mailing Country`, Pipedrive's `Person - …`.
  marketing_emails_opened: 'email_engagements', marketing_emails_clicked: 'email_engagements', marketing_emails_replied: 'email_engagements',
  number_of_sessions: 'website_visits', number_of_pageviews: 'website_visits',
  number_of_form_submissions: 'content_downloads',
  mailing_country: 'geography',
  // A person's postal address as Pipedrive splits it (`Person - Postal address - Country`), read as its organisation's is.
  ...Object.fromEntries(Object.entries(pipedriveAddressParts('postal_address')).map(([key, field]) => [`person_${key}`, field])),
  person_postal_address: 'address',
  person_name: 'name', person_email: 'email', person_email_work: 'email', person_job_title: 'title', person_organization: 'company',
};

const text = z.preprocess((v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'number' ? String(v) : v), z.string().trim().optional());
const countField = (what: string) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? wholeCount(v) : v),
    z.number({ error: `expected a number of ${what}` }).int(`expected a whole number of ${what}`).nonnegative(`expected a number of ${what}, 0 or more`).optional(),
  );

const contactColumns = z.looseObject({
    name: text,
    first_name: text,
    last_name: text,
    title: text,
    email: text,
    email_status: text,
    linkedin: text,
    company: text,
    domain: text,
    industry: text,
    employees: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.union([z.number(), z.string()]).optional()),
    revenue: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.union([z.number(), z.string()]).optional()),
    geography: text,
    technologies: listOf,
    signals: listOf,
    // Checked as an account list's: unchecked, `2026-02-30` scored as no date and `0026-11-02` as data 2,000 years old, with nothing said.
    data_date: listDateSchema,
    email_engagements: countField('email engagements'),
    website_visits: countField('website visits'),
    content_downloads: countField('content downloads'),
    social_engagements: countField('social engagements'),
});

/** The fields a contact row is read for, by any of their spellings; every other column is reported as not read. */
export const CONTACT_COLUMNS: ReadonlySet<string> = new Set([...Object.keys(contactColumns.shape), ...Object.keys(ALIASES)]);

export const contactRowSchema = contactColumns
  .transform(({ first_name, last_name, ...rest }) => ({ ...rest, name: rest.name ?? ([first_name, last_name].filter(Boolean).join(' ') || undefined) }))
  .refine((c) => c.name !== undefined || c.email !== undefined, { message: 'expected a name or an email (columns `name`, `first_name`/`last_name` or `email`)' });

/** `unread`: the row's columns that are not read (see `unreadColumns`); `leftOut`: its values that could not be read (see `parseKeepingRow`). */
export type ContactRow = { row: number; contact?: ContactRecord & Record<string, unknown>; error?: string; unread?: string[]; leftOut?: LeftOutValue[]; footer?: string };

function contactRow(row: number, given: unknown, headers?: ReadonlyMap<string, string>): ContactRow {
  const data = withAliases(given, ALIASES);
  const parsed = parseKeepingRow(contactRowSchema, data, NONE_REQUIRED);
  if ('error' in parsed) return { row, error: parsed.error };
  const unread = unreadColumns(given, CONTACT_COLUMNS, headers);
  return { row, contact: parsed.value as ContactRecord & Record<string, unknown>, ...(parsed.leftOut.length ? { leftOut: parsed.leftOut } : {}), ...(unread.length ? { unread } : {}) };
}

/** No one column is required of a contact: a name or an email is (the schema's own refinement). */
const NONE_REQUIRED: ReadonlySet<string> = new Set();

/** Reads a CSV or JSON (a list, or `{contacts: [...]}`) contact list, as `readAccounts` does; bad rows come back with their error and row number. */
export function readContacts(file: string, from?: string): ContactRow[] {
  return readListRows(file, 'contacts', from).map(({ row, data, error, headers, footer }) => (footer !== undefined ? { row, footer } : error ? { row, error } : contactRow(row, data, headers)));
}

/** Contacts given as data (an agent's list): each validated like a file's row, numbered from 1. */
export function parseContacts(items: readonly unknown[]): ContactRow[] {
  return listItemRows(items, 'contact').map(({ row, data, error, headers }) => (error ? { row, error } : contactRow(row, data, headers)));
}
