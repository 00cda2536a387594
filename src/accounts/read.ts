import { extname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { DATE_EXPECTED, dateAdvice, dateProblem } from '../clock.js';
import { ThreadworkError } from '../errors.js';
import { foldToLatin } from '../latin-fold.js';
import { expectedText } from '../schema/expected.js';
import type { IcpProspect } from '../scoring/index.js';
import { countOrBand, headCount, isHeadCount, wholeCount, type HeadCount } from '../scoring/numbers.js';
import { stateWithCountry } from '../scoring/subdivisions.js';
import { parseRevenueRange, REVENUE_EXPECTED, revenueProblems } from '../schema/money.js';
import { stripBom } from '../markdown/yaml.js';
import { nearestWord } from '../schema/misspelt-keys.js';
import { jsonSyntaxDiagnostic } from '../workspace/parse-file.js';
import { readRegularFileBytes } from '../workspace/read-files.js';
import { decodeWindows1252 } from './windows-1252.js';
import { LOCALISED_COMPANY_NAMES, LOCALISED_COMPANY_SPELLINGS } from './localised-headers.js';

/**
 * A date of a list (a `data_date`, a signal's `date`), empty for none: blanks around it and a
 * time after the day are read past, as freshness reads it (scoring/freshness.ts); the day is
 * judged as every date of the workspace is (clock.ts `dateProblem`). Only its form was
 * checked: `0026-11-02` (a slipped 2026) scored as data 2,000 years old, with nothing said.
 */
export const listDateSchema = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z
    .string({ error: DATE_EXPECTED.form })
    .trim()
    .superRefine((date, ctx) => {
      const problem = dateProblem(date.slice(0, 10));
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
);

/** A list of signals (or technologies): `;`- or `|`-separated text, or a JSON list of text or `{type, detail, date}`. */
export const listOf = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[;|]/).map((s) => s.trim()).filter(Boolean) : v ?? []),
  z.array(z.union([z.string(), z.looseObject({ type: z.string(), date: listDateSchema, detail: z.string().nullish() })])),
);
const optionalString = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional());

const EMPLOYEES_EXPECTED = 'expected a number of employees or a band such as 480, 201-500 or 10,001+';

/** A head count written as text: a count as a number, a band as its range; otherwise the number it reads as (`1.5`, `-5`: refused for what is wrong with it), or NaN. */
function employeesOf(text: string): number | HeadCount {
  const count = headCount(text);
  return count === undefined ? wholeCount(text) : countOrBand(count);
}

/** One account of a list to score: what a CSV export from a data provider or a CRM usually has. */
export const accountSchema = z.looseObject({
  name: z.string().trim().min(1, 'expected the company name'),
  domain: optionalString,
  industry: optionalString,
  // A count, or a band as LinkedIn and Apollo export company size (`201-500`, `10,001+`): scored by overlap, as a revenue range is.
  employees: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? employeesOf(v) : v),
    z
      .unknown()
      .transform((v, ctx): number | HeadCount => {
        if (isHeadCount(v)) return v;
        // Each its own words (a zod union would say only that neither a count nor a band matched).
        const problem = typeof v !== 'number' || Number.isNaN(v) ? EMPLOYEES_EXPECTED : !Number.isInteger(v) ? 'expected a whole number of employees' : v < 0 ? 'expected a number of employees, 0 or more' : undefined;
        if (problem === undefined) return v as number;
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      })
      .optional(),
  ),
  // Read as the score reads it: a revenue it cannot read (`lots`) is left out of the row and
  // named with what it got, as an unreadable head count is — accepted as any string, it was
  // scored as unknown with nothing said. Told in the words a deal's Stage 1 revenue is
  // (revenueProblems): `> lots` is a band whose bound is no amount, `CHF 40M` a currency not read.
  revenue: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z
      .union([z.number(), z.string()], { error: REVENUE_EXPECTED })
      .superRefine((v, ctx) => {
        const problems = revenueProblems(v).map((p) => p.message);
        if (problems.length === 0 && parseRevenueRange(v) === undefined) problems.push(REVENUE_EXPECTED);
        for (const message of problems) ctx.addIssue({ code: 'custom', message });
      })
      .optional(),
  ),
  geography: optionalString,
  technologies: listOf,
  signals: listOf,
  /** When the data was gathered (YYYY-MM-DD, a real day: 2026-02-30 is refused, not rolled over to March): freshness decays over 90 days from it. */
  data_date: listDateSchema,
  email_status: optionalString,
});

export type Account = z.output<typeof accountSchema>;

export interface AccountRow {
  /** CSV: the line in the file; JSON: the position in the list, from 1. */
  row: number;
  account?: Account;
  error?: string;
  /** The row's columns that are not read (see `unreadColumns`). */
  unread?: string[];
  /** The row's values that could not be read, scored as missing (see `parseKeepingRow`). */
  leftOut?: LeftOutValue[];
  /** The list's report footer starts at this row (ListRow's `footer`): it is no account. */
  footer?: string;
}

/**
 * Reads a CSV (header row) or JSON (a list, or `{accounts: [...]}`) account list; bad rows
 * come back with their error. `file` is read from the folder `from` (default: the current
 * one) and named as given in every error.
 */
export function readAccounts(file: string, from?: string): AccountRow[] {
  return readListRows(file, 'accounts', from).map(({ row, data, error, headers, footer }) => (footer !== undefined ? { row, footer } : error ? { row, error } : accountRow(row, data, headers)));
}

/** A list's row as read: its fields, or why it could not be read; and its headers (a JSON item's keys) as written, by field name. */
export interface ListRow {
  row: number;
  data?: unknown;
  error?: string;
  headers?: ReadonlyMap<string, string>;
  /** A report's footer starts here (`Grand Totals (123 records)`: reportFooter), its first cell as written: nothing from here on is read. */
  footer?: string;
}

/**
 * The columns of a row that the score does not read, as the file writes them (`Owner
 * Notes`): dropped without a word, a `# Employees` column the user thought was read
 * left every account's size unknown. Empty headers (a trailing delimiter) are none.
 */
export function unreadColumns(data: unknown, known: ReadonlySet<string>, headers?: ReadonlyMap<string, string>): string[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.keys(data).filter((key) => key !== '' && !known.has(key)).map((key) => headers?.get(key) ?? key);
}

/**
 * For each unread column that is one or two typing slips from a column the score reads
 * (`Revnue`, `emplyees`), that column: a header typed wrong left every account's revenue
 * unknown, and the "not read" line gave no hint which column was meant.
 */
export function meantColumns(unread: readonly string[], known: ReadonlySet<string>): Record<string, string> {
  const columns = [...known];
  const meant: Record<string, string> = {};
  for (const header of unread) {
    const near = nearestWord(columnKey(header), columns);
    if (near !== undefined) meant[header] = near;
  }
  return meant;
}

/**
 * A CSV header as a field name: lower case, accents dropped, every run of spaces and
 * punctuation one `_` (`# Employees` → `employees`, `Annual Revenue ($)` → `annual_revenue`,
 * `Número de empleados` → `numero_de_empleados`, `Unternehmensgröße` → `unternehmensgrosse`,
 * as foldToLatin folds names): a localised header is read whether the export kept its
 * accents or not, and in either Unicode form (a Mac may write `é` as `e` and a combining accent).
 */
export function columnKey(header: string): string {
  return foldToLatin(header.trim()).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');
}

/**
 * The raw rows of a CSV (header row; headers lower-cased, spaces and dashes as `_`) or
 * JSON list (a list, or `{<listKey>: [...]}`), each with its row number: the line in a
 * CSV file as an editor shows it (header = line 1), the position from 1 in a JSON list.
 * `file` is read from the folder `from` and named in errors as its caller gave it: the
 * path a person typed, or an agent's path relative to the workspace — resolved to an
 * absolute path first, the errors an MCP tool answered named the server's own folders.
 */
export function readListRows(file: string, listKey: string, from = process.cwd()): ListRow[] {
  // An empty path (an unset shell variable) resolves to the folder it is read from: never that.
  if (file.trim() === '') throw new ThreadworkError('Missing list: expected the path of a CSV or JSON file (got an empty path)', 'invalid-arguments');
  let bytes: Buffer;
  try {
    // A FIFO, socket or device is refused before it is opened: reading one could block forever.
    bytes = readRegularFileBytes(resolve(from, file));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'special-file') throw new ThreadworkError(`Refused ${file}: ${failure.message}`, 'path-refused', { path: file });
    const why = failure.code && Object.hasOwn(READ_FAILURES, failure.code) ? `${READ_FAILURES[failure.code]} (${failure.code})` : (failure.code ?? String(error));
    throw new ThreadworkError(`Cannot read ${file}: ${why}`, 'read', { path: file });
  }
  const text = listText(file, bytes);
  return extname(file).toLowerCase() === '.json' ? jsonRows(file, text, listKey) : csvRows(file, text);
}

/**
 * A list's text in the encoding it was saved in. Excel saves "CSV" in the Windows code
 * page (Windows-1252 in Western Europe and the Americas) and "Unicode text" as UTF-16:
 * read as UTF-8, `Café Zürich` became `Caf� Z�rich` in every name, and UTF-16 one column
 * of NULs. A file with NUL bytes and no UTF-16 mark is not text at all — a workbook
 * (`.xlsx` is a zip) that read as CSV made "no rows to score".
 */
function listText(file: string, bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) {
    throw new ThreadworkError(`Cannot read ${file} as a list: it is not text (a spreadsheet workbook such as .xlsx?); expected CSV or JSON: save the sheet as CSV UTF-8`, 'csv-syntax', { path: file });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** The read errors a mistyped or unreadable list path gives, in words: a bare `ENOENT` says nothing to most users. */
const READ_FAILURES: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a folder on the path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Accounts given as data (an agent's list): each validated like a file's row, numbered from 1. */
export function parseAccounts(list: readonly unknown[]): AccountRow[] {
  return listItemRows(list, 'account').map(({ row, data, error, headers }) => (error ? { row, error } : accountRow(row, data, headers)));
}

/**
 * The company columns as exports spell them (headers already as `columnKey` makes them:
 * lower case, spaces and punctuation as `_`), read alike in account and contact lists: a
 * data provider's `Website` and `Employee Count`, and the CRMs' own headers — HubSpot's
 * `Company Domain Name` and `Country/Region`, Salesforce's `Billing Country`, Apollo's
 * `Company Country`. Left unread, such a country was no country: the ICP's geography
 * disqualifier went unchecked and an account abroad ranked as a fit.
 */
const COMPANY_SPELLINGS: Record<string, string> = {
  // The same columns as CRMs in German, French, Spanish, Dutch, Italian, Portuguese and Polish write them.
  ...LOCALISED_COMPANY_SPELLINGS,
  website: 'domain', company_domain: 'domain', company_website: 'domain', company_domain_name: 'domain', website_url: 'domain',
  country: 'geography', location: 'geography', hq: 'geography', country_region: 'geography',
  billing_country: 'geography', shipping_country: 'geography', company_country: 'geography',
  // A state or province column (HubSpot's `State/Region`, Salesforce's `Billing State/Province`) and a
  // full address (Pipedrive's `Organization - Address`): read into the geography (placeColumns).
  state_region: 'state', state_province: 'state', province: 'state', company_state: 'state',
  billing_state_province: 'state', billing_state: 'state', shipping_state_province: 'state', shipping_state: 'state',
  company_address: 'address', full_address: 'address',
  // Pipedrive's address split into parts (`Organization - Address - Country`, `… - State/county`,
  // `… - Full/combined address`): its country and state are the place an ICP's geography
  // names; left unread, an organisation in Germany was of no known country. Its street,
  // house, district, city, region and postcode place nothing an ICP names: read as one
  // address detail, kept out of the score, so that they are not listed as columns not read.
  ...pipedriveAddressParts('address'),
  employee_count: 'employees', headcount: 'employees', company_size: 'employees',
  number_of_employees: 'employees', num_employees: 'employees', employees_count: 'employees', estimated_num_employees: 'employees',
  annual_revenue: 'revenue', estimated_annual_revenue: 'revenue',
  tech_stack: 'technologies', tech: 'technologies', technology: 'technologies',
  signal: 'signals',
};

/**
 * The columns of a Pipedrive address (`<record> - <label> - <part>`, folded by columnKey):
 * `label` is `address` for an organisation, `postal_address` for a person. Pipedrive's
 * `State/county` is the first level under the country (a US state), its `Region` the second.
 */
export function pipedriveAddressParts(label: string): Record<string, string> {
  const parts: Record<string, string> = { country: 'geography', state_county: 'state', full_combined_address: 'address' };
  for (const detail of ['street_road_name', 'house_number', 'apartment_suite_no', 'district_sublocality', 'city_town_village_locality', 'region', 'zip_postal_code']) parts[detail] = 'address_detail';
  return Object.fromEntries(Object.entries(parts).map(([part, field]) => [`${label}_${part}`, field]));
}

const COMPANY_FIELDS = ['domain', 'industry', 'employees', 'revenue', 'geography', 'state', 'address', 'technologies', 'signals'] as const;

/**
 * The company columns by every spelling, and each of them as Pipedrive exports it, after
 * the record it belongs to (`Organization - Name`, `Organization - Number of employees`):
 * `nameField` is what the organisation's name is read as — the account's `name`, a
 * contact's `company`. Without them a Pipedrive export was refused row by row, "no `name`
 * column".
 */
export function companyColumnAliases(nameField: string): Record<string, string> {
  const readAs: Record<string, string> = { ...COMPANY_SPELLINGS, ...Object.fromEntries(COMPANY_FIELDS.map((field) => [field, field])), name: nameField };
  const prefixed = Object.entries(readAs).flatMap(([key, field]) => [[`organization_${key}`, field], [`organisation_${key}`, field]] as const);
  return { ...COMPANY_SPELLINGS, ...Object.fromEntries(prefixed) };
}

/**
 * The usual export spellings of the account columns: a CRM or data-provider export says
 * `Company Name`, `Website`, `Country`, and a contact list is read with the same spellings.
 */
const ACCOUNT_ALIASES: Record<string, string> = {
  ...Object.fromEntries(LOCALISED_COMPANY_NAMES.map((spelling) => [spelling, 'name'])),
  company: 'name', company_name: 'name', account: 'name', account_name: 'name', organization: 'name', organisation: 'name',
  ...companyColumnAliases('name'),
};

/** The fields an account row is read for, by any of their spellings; every other column is reported as not read. */
export const ACCOUNT_COLUMNS: ReadonlySet<string> = new Set([...Object.keys(accountSchema.shape), ...Object.keys(ACCOUNT_ALIASES)]);

function accountRow(row: number, given: unknown, headers?: ReadonlyMap<string, string>): AccountRow {
  const { data, columns } = aliasedRow(given, ACCOUNT_ALIASES, headers);
  const missing = missingRequired(data, columns);
  if (missing) return { row, error: missing };
  const parsed = parseKeepingRow(accountSchema, data, ACCOUNT_REQUIRED, columns);
  if ('error' in parsed) return { row, error: parsed.error };
  const unread = unreadColumns(given, ACCOUNT_COLUMNS, headers);
  return { row, account: parsed.value, ...(parsed.leftOut.length ? { leftOut: parsed.leftOut } : {}), ...(unread.length ? { unread } : {}) };
}

const ACCOUNT_REQUIRED: ReadonlySet<string> = new Set(['name']);

/** A value of a row that could not be read: its field, and why as a refused row's column would say it (`expected a number of employees (got "about 400")`). */
export interface LeftOutValue {
  field: string;
  detail: string;
}

/**
 * A row as `schema` reads it, keeping the row when a value cannot be read: that value is
 * left out (scored as missing) and named with why, as a refused row's column would be,
 * so one unreadable cell of a thousand-row export costs that cell, not the account — in
 * account and contact lists alike. Only a row that is still refused without those values
 * (no name; neither a name nor an email) is refused, with every problem it has.
 */
export function parseKeepingRow<T>(schema: z.ZodType<T>, data: unknown, required: ReadonlySet<string>, columns?: ReadonlyMap<string, string>): { value: T; leftOut: LeftOutValue[] } | { error: string } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { value: parsed.data, leftOut: [] };
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const fields = [...new Set(parsed.error.issues.flatMap((issue) => (typeof issue.path[0] === 'string' && !required.has(issue.path[0]) && record && Object.hasOwn(record, issue.path[0]) ? [issue.path[0]] : [])))];
  if (!record || fields.length === 0) return { error: issuesText(parsed.error.issues, data, columns) };
  const kept = Object.fromEntries(Object.entries(record).filter(([key]) => !fields.includes(key)));
  const again = schema.safeParse(kept);
  if (!again.success) return { error: issuesText(parsed.error.issues, data, columns) };
  const leftOut = fields.map((field) => ({ field, detail: issuesText(parsed.error.issues.filter((issue) => issue.path[0] === field), data).split('; ').map((text) => withinField(field, text)).join('; ') }));
  return { value: again.data, leftOut };
}

/**
 * A left-out value's problem as said after its field (`signals: …`): the field not named
 * twice, and a place inside it in words (`signals.0.date: …` → `item 1, date: …`).
 */
function withinField(field: string, text: string): string {
  if (text.startsWith(`${field}: `)) return text.slice(field.length + 2);
  if (!text.startsWith(`${field}.`)) return text;
  const rest = text.slice(field.length + 1);
  const colon = rest.indexOf(': ');
  if (colon < 0) return text;
  const place = rest.slice(0, colon).split('.').map((part) => (/^\d+$/.test(part) ? `item ${Number(part) + 1}` : part));
  return `${place.join(', ')}: ${rest.slice(colon + 2)}`;
}

/**
 * What exports and sheets write in a cell nobody knows: `n/a`, Excel's `#N/A`, `-`,
 * `unknown`. Read as the value it stands for — none — an `n/a` industry or country was
 * an industry outside the ICP (the account disqualified), an `n/a` head count a
 * skipped row, where an empty cell is data the score does without.
 */
const PLACEHOLDERS = new Set(['n/a', 'n.a.', '#n/a', '-', '--', '–', '—', '?', 'unknown', 'not available']);

export const isPlaceholder = (value: unknown): boolean => typeof value === 'string' && PLACEHOLDERS.has(value.trim().toLowerCase());

/**
 * A row (an object) with each aliased column under its own name and placeholder values
 * as empty strings; anything else as it is. A column given twice (`name` and `company`)
 * is one field, the first non-empty value winning, as for headers that read as one.
 */
export function withAliases(data: unknown, aliases: Readonly<Record<string, string>>): unknown {
  return aliasedRow(data, aliases).data;
}

/**
 * The row as `withAliases` makes it, and each field by the column its value was taken from,
 * as the file writes it (`headers`): a refused row names the column the person has
 * (`Company: expected the company name`), not the field it is read as (`name`), which
 * their file may not have at all.
 */
export function aliasedRow(data: unknown, aliases: Readonly<Record<string, string>>, headers?: ReadonlyMap<string, string>): { data: unknown; columns: Map<string, string> } {
  const columns = new Map<string, string>();
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { data, columns };
  const out: Record<string, unknown> = {};
  for (const [key, given] of Object.entries(data)) {
    if (key === '__proto__') continue;
    const name = Object.hasOwn(aliases, key) ? aliases[key]! : key;
    if (out[name] !== undefined && out[name] !== '') continue;
    out[name] = isPlaceholder(given) ? '' : given;
    columns.set(name, headers?.get(key) ?? key);
  }
  placeColumns(out, columns);
  return { data: out, columns };
}

/**
 * A row's geography from the place columns a CRM splits it into: a state or province
 * (`State/Region: Texas`) before the country, `Texas, United States` — alone, with the
 * country it is in (`TX` → `TX, United States`: stateWithCountry) — and, without a country
 * column, a full address by its end (`350 5th Ave, New York, NY 10118, USA` → `NY 10118,
 * USA`), where the state and country are; the street before them is never read for a place
 * (`Texas Ave`). Left unread, an account in Texas was of no known country, and a segment's
 * geography disqualifier went unchecked.
 */
function placeColumns(row: Record<string, unknown>, columns: Map<string, string>): void {
  const text = (field: string): string => (typeof row[field] === 'string' ? (row[field] as string).trim() : '');
  const [country, state, address] = [text('geography'), text('state'), text('address')];
  const place = country || addressEnd(address);
  if (!state && (country || !place)) return;
  if (!country) columns.set('geography', columns.get(state ? 'state' : 'address')!);
  row.geography = !state ? place : place ? `${state}, ${place}` : stateWithCountry(state);
}

/** The last two parts of an address, where its state (and postcode) and country are: `Hauptstrasse 1, 10115 Berlin, Germany` → `10115 Berlin, Germany`. */
function addressEnd(address: string): string {
  return address.split(',').map((part) => part.trim()).filter(Boolean).slice(-2).join(', ');
}

/**
 * Every problem of a refused row, one per column in the order the columns are checked,
 * joined by `; `: a row with an unreadable head count and revenue says both, so one fix
 * is not met by the next refusal of the same row.
 */
export function issuesText(issues: readonly z.core.$ZodIssue[], data: unknown, columns?: ReadonlyMap<string, string>): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const issue of issues) {
    const where = issue.path.map(String).join('.');
    if (seen.has(where)) continue;
    seen.add(where);
    texts.push(issueText(issue, data, columns));
  }
  return texts.join('; ');
}

/**
 * A row's problem in one column: the column, what it expected and the value it got, so the user
 * can see which of a thousand rows' `employees` was `about 50` — in the words `check`
 * uses for a wrong value (`expected a number (got "many")`).
 */
function issueText(issue: z.core.$ZodIssue, data: unknown, columns?: ReadonlyMap<string, string>): string {
  const where = issue.path.map(String).join('.');
  let value: unknown = data;
  for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  const got = where && value !== undefined ? ` (got ${typeof value === 'string' ? JSON.stringify(value) : shorten(JSON.stringify(value) ?? String(value))})` : '';
  // A data_date of `01/11/2026` is told the YYYY-MM-DD to write, or both days it could be, as check tells one in a file.
  // Trimmed first: a list's data_date may have blanks around it (dayNumber reads ` 2026-11-01`), so they are not its fault.
  const advice = issue.message === DATE_EXPECTED.form && typeof value === 'string' ? dateAdvice(value.trim()) : '';
  // A problem of the whole row (a contact with neither name nor email) is said as it is: printed after `row 2: `, a `row: ` of its own read twice.
  if (!where) return `${expectedText(issue)}${advice}${got}`;
  return `${columns?.get(where) ?? where}: ${expectedText(issue)}${advice}${got}`;
}

const shorten = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

/**
 * A row without the company name at all: said as the column (or JSON field) that is
 * missing, with the ones there are — a header named `company` instead of `name` is the
 * usual cause — not as zod's "expected string, received undefined".
 */
function missingRequired(data: unknown, columns: ReadonlyMap<string, string>): string | undefined {
  if (!data || typeof data !== 'object' || (data as Record<string, unknown>).name !== undefined) return undefined;
  // Each column as the file writes it (`Firm Name`, `# of Staff`), as a refused value's column is named: the folded key is in no file.
  const present = Object.keys(data).map((key) => columns.get(key) ?? key);
  return `no \`name\` column (or JSON field): the company name is required${present.length ? `; this row has ${present.map((k) => `\`${k}\``).join(', ')}` : ''}`;
}

function csvRows(file: string, fileText: string): ListRow[] {
  const { text, delimiter } = separated(fileText);
  // Parsed as bytes, so that each record's end (`info.bytes`) is an offset into them: the
  // line a record starts on is counted from there, not taken from csv-parse's `info.lines`,
  // which is the line a record ends on (and counts a quoted CRLF twice).
  const bytes = Buffer.from(text);
  let records: { record: string[]; info: { bytes: number; error?: { code: string } } }[];
  try {
    records = parse(bytes, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: true }) as unknown as typeof records; // `info: true` makes each record `{record, info}`
  } catch (error) {
    const { line, column, reason } = csvProblem(bytes, delimiter, error);
    const where = line === undefined ? '' : `line ${line}${column === undefined ? '' : `, column ${column}`}: `;
    throw new ThreadworkError(`Cannot parse ${file} as CSV: ${where}${reason}`, 'csv-syntax', { path: file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) });
  }
  const [header, ...rows] = records;
  if (!header) return [];
  const columns = header.record.map(columnKey);
  const headers = new Map<string, string>();
  columns.forEach((key, i) => headers.has(key) || headers.set(key, header.record[i]!.trim()));
  const lineAt = lineCounter(bytes);
  let previousEnd = header.info.bytes;
  const read: ListRow[] = [];
  for (const { record, info } of rows) {
    const row = lineAt(previousEnd);
    previousEnd = info.bytes;
    // A row of empty fields (`,,,`: Excel exports the rows a sheet once formatted) is a blank line.
    if (record.every((field) => field === '')) continue;
    const footer = reportFooter(record);
    if (footer !== undefined) {
      read.push({ row, footer });
      break;
    }
    read.push(info.error ? { row, error: `expected ${columns.length} columns as in the header, got ${record.length}` } : { row, data: fieldsOf(columns, record), headers });
  }
  return read;
}

/**
 * The lines a Salesforce report export ends with, after its last record: `Grand Totals (123
 * records)` (its sums in the other columns), a blank line, `Confidential Information - Do Not
 * Distribute`, `Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.`, then who
 * generated it and when. Read as rows, `Grand Totals` was ranked as an account and each other
 * line skipped with an error; the first of them, in the first column, ends the list.
 */
const REPORT_FOOTER = [/^Grand Totals? \(\d[\d,.\s]*records?\)$/i, /^Confidential Information - Do Not Distribute$/i, /^Copyright \(c\) [\d\s-]*salesforce\.com\b/i];

/** The footer's first cell, when `record` starts a report's footer (REPORT_FOOTER). */
function reportFooter(record: readonly string[]): string | undefined {
  const first = record[0] ?? '';
  return REPORT_FOOTER.some((line) => line.test(first)) ? first : undefined;
}

/**
 * A record as `{column: value}`. Headers that read as one column (`Name` and `name`,
 * `Job Title` and `job-title`: an export merged with a hand-kept sheet) are one field:
 * the first non-empty value wins, as when duplicate rows merge — a later empty column
 * must not blank out the name the row has.
 */
function fieldsOf(columns: readonly string[], record: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  columns.forEach((column, i) => {
    if (column === '__proto__') return;
    const value = isPlaceholder(record[i]) ? '' : (record[i] ?? '');
    if (!Object.hasOwn(fields, column) || fields[column] === '') fields[column] = value;
  });
  return fields;
}

/**
 * csv-parse's error in words that say what to write, at the line and column of the
 * character at fault: the parser reports an unclosed quote where it stopped reading (the
 * end of the file), names a row by the line it had reached, and gives no column.
 */
function csvProblem(bytes: Buffer, delimiter: string, error: unknown): { line?: number; column?: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  // `bytes` is where the row being read started (`bytes_records` is not: it runs ahead after a good row).
  const { code, bytes: rowStart, field } = error as { code?: string; bytes?: number; field?: string };
  const line = typeof rowStart === 'number' ? lineCounter(bytes)(rowStart) : undefined;
  // Each problem at its own character, which a quoted field over several lines puts on a later line than the row's.
  const at = typeof rowStart === 'number' ? quoteProblemsAt(bytes, rowStart, delimiter) : {};
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line, ...positionOf(bytes, at.open), reason: 'a " opens a quoted field that is never closed: expected a closing " at the end of the field (a " inside it written twice, "")' };
    case 'INVALID_OPENING_QUOTE':
      return { line, ...positionOf(bytes, at.stray), reason: `a " inside the unquoted field \`${field ?? ''}\`: expected the whole field in quotes, with each " inside it written twice ("${field ?? ''}""…")` };
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { line, ...positionOf(bytes, at.trailing), reason: `text after the closing " of a quoted field: expected a ${delimiter} or the end of the line right after it (the whole field inside the quotes)` };
    default:
      return { line, reason: message };
  }
}

/**
 * Where the quote problem of the record starting at `rowStart` is, read as csv-parse reads
 * it: a field is quoted when its first non-blank character is `"`; inside, `""` is a quote
 * and `"` ends the field, after which only blanks may come before the delimiter or the end
 * of the line. `stray`: a `"` inside an unquoted field (`Ac"me`); `trailing`: the first
 * character after a closing quote that is neither (`"Acme" Inc`); `open`: the quote left
 * open at the end of the text (the row's line is not enough when it opens in its last
 * column, `…,"200`). The scan stops at the first stray or trailing character: csv-parse
 * stopped there.
 */
function quoteProblemsAt(bytes: Buffer, rowStart: number, delimiter: string): { open?: number; stray?: number; trailing?: number } {
  const QUOTE = 0x22;
  const separator = delimiter.charCodeAt(0);
  let opened: number | undefined;
  let quoted = false;
  let closed = false;
  let fieldStart = true;
  let at = rowStart;
  while (at < bytes.length && isBlank(bytes[at]!)) at++;
  for (; at < bytes.length; at++) {
    const byte = bytes[at]!;
    if (quoted) {
      if (byte === QUOTE && bytes[at + 1] === QUOTE) at++;
      else if (byte === QUOTE) [quoted, closed] = [false, true];
    } else if (byte === 0x0a || byte === 0x0d) {
      break; // this record ended with every quote closed: not the one csv-parse stopped in
    } else if ((fieldStart || closed) && (byte === 0x20 || byte === 0x09)) {
      continue; // blanks around a field (csv-parse trims them)
    } else if (byte === separator) {
      [fieldStart, closed] = [true, false];
    } else if (closed) {
      return { trailing: at };
    } else if (fieldStart && byte === QUOTE) {
      [quoted, opened, fieldStart] = [true, at, false];
    } else if (byte === QUOTE) {
      return { stray: at };
    } else {
      fieldStart = false;
    }
  }
  return quoted && opened !== undefined ? { open: opened } : {};
}

/** The line and column (both from 1; the column counts characters, not bytes) of the byte at `offset`. */
function positionOf(bytes: Buffer, offset: number | undefined): { line?: number; column?: number } {
  if (offset === undefined) return {};
  let lineStart = offset;
  while (lineStart > 0 && bytes[lineStart - 1] !== 0x0a && bytes[lineStart - 1] !== 0x0d) lineStart--;
  return { line: lineCounter(bytes)(offset), column: [...bytes.subarray(lineStart, offset).toString('utf8')].length + 1 };
}

/**
 * The line (from 1) of the first character that is not blank at or after `offset`: where
 * a record that begins after `offset` starts, blank lines between records skipped.
 * Offsets must grow from call to call; the count carries on from the previous one.
 */
function lineCounter(bytes: Buffer): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    while (at < offset || (at < bytes.length && isBlank(bytes[at]!))) {
      const byte = bytes[at++]!;
      if (byte === 0x0a || (byte === 0x0d && bytes[at] !== 0x0a)) line++;
    }
    return line;
  };
}

const isBlank = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * The field separator, read from the header row: the one of `,` `;` tab that occurs most
 * often outside quotes, a comma when none does. Excel writes `;` where the comma is the
 * decimal mark (most of Europe) and many exports are tab-separated; reading either as
 * commas made the whole header one column and every row "without a name". Only the
 * header decides, so a `;` inside a comma file's values (`NetSuite; Stripe`) stays a value.
 */
function delimiterOf(text: string): string {
  const header = firstLine(text);
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  const [best, count] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  return count > 0 ? best : ',';
}

/**
 * Excel's separator line, `sep=;` above the header (written by exports meant for Excel, whose
 * locale would otherwise split the file on another character): it names the separator and
 * is no row. Read as the header, it made every row "expected 2 columns as in the header".
 */
const SEPARATOR_LINE = /^\uFEFF?"?sep=([,;\t|])"?[ \t]*(\r\n|\n|\r)/i;

/**
 * The text to parse and its separator: the one a `sep=` line names, that line left blank
 * (kept as a line, so each row keeps the line number an editor shows); else the header's.
 */
function separated(fileText: string): { text: string; delimiter: string } {
  const line = SEPARATOR_LINE.exec(fileText);
  if (!line) return { text: fileText, delimiter: delimiterOf(fileText) };
  return { text: `${fileText.startsWith('\uFEFF') ? '\uFEFF' : ''}${fileText.slice(line[0].length - line[2]!.length)}`, delimiter: line[1]! };
}

/** The first line that is not blank (the header row), without a byte order mark. */
function firstLine(text: string): string {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
}

function jsonRows(file: string, fileText: string, listKey: string): ListRow[] {
  // Notepad and PowerShell save UTF-8 with a byte order mark, which JSON.parse refuses.
  const text = stripBom(fileText);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { line, column, message } = jsonSyntaxDiagnostic(file, text, error, `a list of ${listKey} or {"${listKey}": [...]}`);
    throw new ThreadworkError(`Cannot parse ${file} as JSON: line ${line}, column ${column}: ${message.replace(/^Invalid JSON: /, '')}`, 'json-syntax', { path: file, line, column });
  }
  const keyed = (data as Record<string, unknown> | null)?.[listKey];
  const list = Array.isArray(data) ? data : Array.isArray(keyed) ? keyed : undefined;
  if (!list) throw new ThreadworkError(`Unexpected JSON in ${file}: expected a list of ${listKey} or {"${listKey}": [...]}`, 'json-shape');
  return listItemRows(list, listKey.replace(/s$/, ''));
}

/**
 * The items of a list (a JSON file's, or rows an agent gives as data), numbered from 1: an
 * item that is not an object is a row refused with why, the rest of the list read on.
 * Each item's keys are read as a CSV file's headers are (`Company Name` is `company_name`,
 * `Employees` is `employees`): a CRM's JSON export names its fields as its CSV export does.
 */
export function listItemRows(list: readonly unknown[], singular: string): ListRow[] {
  return list.map((item, i) => (item && typeof item === 'object' && !Array.isArray(item) ? { row: i + 1, ...foldedKeys(item as Record<string, unknown>) } : { row: i + 1, error: `expected an object with the ${singular} fields` }));
}

/** A JSON value that says nothing: null, an empty string or a placeholder such as `n/a`. */
const isNoValue = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && (value.trim() === '' || isPlaceholder(value)));

/**
 * An item with each key as `columnKey` makes a CSV header, and the keys as written by
 * their folded name (for the columns reported as not read). Keys that fold to one (`Name`
 * and `name`) are one field, the first non-empty value winning, as for a CSV file's
 * headers; a key that folds to nothing (`$`) is kept as written.
 */
function foldedKeys(item: Record<string, unknown>): { data: Record<string, unknown>; headers: Map<string, string> } {
  const data: Record<string, unknown> = {};
  const headers = new Map<string, string>();
  for (const [key, value] of Object.entries(item)) {
    const folded = columnKey(key) || key;
    if (folded === '__proto__') continue;
    if (!headers.has(folded)) headers.set(folded, key);
    if (!Object.hasOwn(data, folded) || (isNoValue(data[folded]) && !isNoValue(value))) data[folded] = value;
  }
  return { data, headers };
}

export function prospectOf(account: Account): IcpProspect {
  return {
    company: {
      name: account.name,
      industry: account.industry ?? null,
      employees: account.employees ?? null,
      revenue: account.revenue,
      geography: account.geography ?? null,
      technologies: account.technologies.filter((t): t is string => typeof t === 'string'),
      signals: account.signals,
    },
    emailStatus: account.email_status,
    dataDate: account.data_date ?? null,
  };
}
