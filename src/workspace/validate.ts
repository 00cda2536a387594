import type * as z from 'zod';
import { DATE_EXPECTED, dateAdvice, spacesAround } from '../clock.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Locator } from '../markdown/locate.js';
import { LOOKALIKE_SPACE, lookalikeSpaceName } from '../markdown/lookalike-spaces.js';
import { expectedText } from '../schema/expected.js';
import { mailboxOf } from '../schema/mailbox.js';
import { amountWithSize, DOTTED_THOUSANDS } from '../schema/money.js';
import { allowedValues, spellingHint, withForwardSlashes } from '../schema/spelling-hint.js';
import { wholeCount } from '../scoring/numbers.js';
import { slugOfText } from './slug.js';
import { shortened } from '../text-width.js';
import { valueAt } from '../value-at.js';

/**
 * Validates parsed data against its schema and maps each zod issue to the line and
 * column of the offending key or value. The locator is built only when there is an
 * issue: positions cost a second parse, and almost every file has none.
 */
export function validateData<T extends z.ZodType>(
  schema: T,
  data: unknown,
  path: string,
  makeLocator: () => Locator,
): { value: z.output<T> | undefined; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, diagnostics: [] };
  const locator = makeLocator();
  const diagnostics = result.error.issues.flatMap(intoMatchedAlternative).map((issue) => {
    const advice = asText(schema, data, issue, locator) || asNumber(schema, data, issue, locator) || asFraction(schema, data, issue) || asDottedThousands(schema, data, issue, locator) || asList(schema, data, issue) || asForwardSlashes(schema, data, issue) || asVisible(schema, data, issue) || asTrimmed(schema, data, issue) || asMailbox(schema, data, issue) || asSlug(data, issue) || asSpelled(data, issue) || asIsoDate(data, issue);
    return diagnostic(path, locator.locateRange(issue.path), 'error', 'schema', describeIssue(issue, data, locator, advice), formatDataPath(issue.path));
  });
  return { value: undefined, diagnostics };
}

/**
 * A value that one alternative of a union took in shape (a company signal written as
 * `{type, detail, date}`, not as text) but refused deeper in: that alternative's own
 * problems, at their own keys (`signals[0].date`), rather than "expected text" at the
 * whole value. zod gives the alternatives' problems relative to the union's value.
 */
function intoMatchedAlternative(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const matched = issue.errors.filter((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0));
  if (matched.length !== 1) return [issue];
  return matched[0]!.flatMap((inner) => intoMatchedAlternative(Object.assign({}, inner, { path: [...issue.path, ...inner.path] })));
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown, locator: Locator, asText = ''): string {
  const where = issue.path.length ? `\`${formatDataPath(issue.path)}\`` : 'front matter';
  const value = valueAt(data, issue.path);
  // Whatever the schema wanted there (a type, one of a set), no value at all is a missing key.
  if (value === undefined) return `Missing ${where}: ${expectedText(issue)}`;
  // `.inf`, `.nan`, `1e400`: JSON has no such number (it would show as null), so it is shown as written.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const expected = issue.code === 'invalid_type' && issue.expected === 'number' ? 'expected a finite number' : expectedText(issue);
    return `Invalid ${where}: ${expected} (got ${locator.writtenAt(issue.path) ?? String(value)})`;
  }
  return `Invalid ${where}: ${expectedText(issue)}${asText} (got ${preview(value)})`;
}

/**
 * Text the reader took for a number or true/false (a phone number `01712345678`, a
 * company named `1800`): "expected text (got 1712345678)" would show a value the person
 * never wrote and leave them to guess why their text is not text. Says what it was read
 * as, and how to keep it as written — only when the text as written would be taken there
 * (a date written `20270110` would not: quoting it is no advice).
 */
function asText(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue, locator: Locator): string {
  const value = valueAt(data, issue.path);
  if (issue.code !== 'invalid_type' || issue.expected !== 'string' || (typeof value !== 'number' && typeof value !== 'boolean')) return '';
  const written = locator.writtenAt(issue.path) ?? String(value);
  const quoted = withValueAt(data, issue.path, written);
  const here = formatDataPath(issue.path);
  if (schema.safeParse(quoted).error?.issues.some((other) => formatDataPath(other.path).startsWith(here))) return '';
  const read = typeof value === 'boolean' ? 'true or false' : written === String(value) ? 'a number' : `the number ${String(value)}`;
  return ` — ${written} reads as ${read}: write it in quotes, ${JSON.stringify(written)}`;
}

/**
 * A number written as people write it, which YAML reads as text: a head count with its
 * thousands grouped (`1,800`), in thousands or millions (`1.2k`, `$40k`, `2M`), about or
 * with its unit (`~120`, `120+ employees`), a score out of ten (`7/10`), a share in percent (`82%`).
 * "expected a number" left the person to guess which number; this names it — only when
 * the field takes it. A fraction or a percentage is read on the field's own scale (its
 * maximum: 10 for a score, 1 for a probability), so `7/10` is 7 for a CSAT and 0.7 for a
 * margin; on a field with no maximum it says nothing, as it would be a guess. A number
 * in quotes (`prior: "0.5"`) is told to lose them.
 */
function asNumber(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue, locator: Locator): string {
  const value = valueAt(data, issue.path);
  if (issue.code !== 'invalid_type' || issue.expected !== 'number' || typeof value !== 'string') return '';
  const here = formatDataPath(issue.path);
  const takes = (n: number) => !schema.safeParse(withValueAt(data, issue.path, n)).error?.issues.some((other) => formatDataPath(other.path).startsWith(here));
  const text = value.trim();
  const count = wholeCount(text);
  let candidate: number | undefined = Number.isNaN(count) ? undefined : count;
  candidate ??= amountWithSize(text);
  // A head count as people say it (`~120`, `about 120 people`, `120+ employees`, `ca. 120
  // FTE`), where a head count goes: a company's `employees`, or with its unit. Elsewhere
  // `about 40` is left alone: hours or a price given roughly are no number to put in.
  const headcount = /^(?:~|about\s+|approx\.?\s+|approximately\s+|around\s+|ca\.?\s+|circa\s+)?(\d+(?:,\d{3})*)\s*\+?\s*(people|persons|employees|staff|ftes?|heads?)?$/i.exec(text);
  if (headcount && candidate === undefined && (headcount[2] !== undefined || issue.path.at(-1) === 'employees')) candidate = Number(headcount[1]!.replace(/,/g, ''));
  candidate ??= inFieldUnit(text, issue.path.at(-1));
  // A decimal comma, as French and Spanish write a share or a score (`margin: 0,7`,
  // `csat: 8,5`) and Excel pastes it: YAML reads text. A comma then three digits is a
  // thousands group (`1,800`, read above), never this.
  const decimalComma = /^(\d+),(\d{1,2})$/.exec(text);
  if (decimalComma && candidate === undefined) candidate = Number(`${decimalComma[1]}.${decimalComma[2]}`);
  const share = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?)|%)$/.exec(text);
  if (share) {
    const ratio = Number(share[1]) / (share[2] === undefined ? 100 : Number(share[2]));
    const scale = [1, 5, 10, 100].find((max) => takes(max) && !takes(max + 1));
    candidate = scale === undefined || !Number.isFinite(ratio) ? undefined : Number((ratio * scale).toPrecision(12));
  }
  if (candidate === undefined || !takes(candidate)) return '';
  // `prior: "0.5"`: the quotes are the whole difference, and "write 0.5 as 0.5" named none.
  if (text === String(candidate)) return ` — write ${text} without quotes: quoted, it is text`;
  return ` — write ${locator.writtenAt(issue.path) ?? text} as ${candidate}`;
}

/**
 * A number written with the unit its field is named in (`resource_cost_hours: 20h`,
 * `avg_cycle_days: 45 days`): the unit is the key's, so the number alone is what to write.
 * A unit the key does not name (`20 days` in hours) is no candidate: it would need converting.
 */
function inFieldUnit(text: string, key: PropertyKey | undefined): number | undefined {
  const written = /^(\d+(?:\.\d+)?)\s*([a-z]+)\.?$/i.exec(text);
  if (!written || typeof key !== 'string') return undefined;
  const unit = written[2]!.toLowerCase();
  const hours = key.endsWith('_hours') && ['h', 'hr', 'hrs', 'hour', 'hours'].includes(unit);
  const days = key.endsWith('_days') && ['d', 'day', 'days'].includes(unit);
  return hours || days ? Number(written[1]) : undefined;
}

/**
 * A share written in percent as a whole number (`margin: 40`) where a fraction of 1 is
 * expected: "expected a number from 0 to 1 (got 40)" left the person to work out that 40%
 * is 0.4. Said only on a field whose maximum is 1, for a whole number from 10 to 100: a
 * smaller one (`level: 2`) is as likely a point on some other scale as a percentage.
 */
function asFraction(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue): string {
  const value = valueAt(data, issue.path);
  if (issue.code !== 'too_big' || typeof value !== 'number' || !Number.isInteger(value) || value < 10 || value > 100) return '';
  const here = formatDataPath(issue.path);
  const takes = (n: number) => !schema.safeParse(withValueAt(data, issue.path, n)).error?.issues.some((other) => formatDataPath(other.path).startsWith(here));
  const fraction = Number((value / 100).toPrecision(12));
  if (!takes(1) || takes(1.5) || !takes(fraction)) return '';
  return ` — a share is written as a fraction: write ${value} (${value}%) as ${fraction}`;
}

/**
 * A head count written `1.200`, as much of Europe groups thousands: YAML reads the number
 * 1.2, and "expected a whole number (got 1.2)" showed a value the person never wrote. Says
 * what it was read as and the number to write — only when the field takes it.
 */
function asDottedThousands(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue, locator: Locator): string {
  const value = valueAt(data, issue.path);
  if (typeof value !== 'number') return '';
  const written = locator.writtenAt(issue.path);
  if (written === undefined || !DOTTED_THOUSANDS.test(written)) return '';
  const whole = Number(written.replaceAll('.', ''));
  const here = formatDataPath(issue.path);
  if (schema.safeParse(withValueAt(data, issue.path, whole)).error?.issues.some((other) => formatDataPath(other.path).startsWith(here))) return '';
  return ` — ${written} reads as the number ${String(value)}: write ${whole}`;
}

/**
 * A list written as one line of text (`tests: A1, A2`, `technologies: Stripe, NetSuite`), as a
 * person lists things in a sentence: "expected a list" left the brackets to guess. Names the
 * list to write — only when the field takes those items (`tests: A9` would still be refused).
 */
function asList(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue): string {
  const value = valueAt(data, issue.path);
  if (issue.code !== 'invalid_type' || issue.expected !== 'array' || typeof value !== 'string') return '';
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) return '';
  const here = formatDataPath(issue.path);
  if (schema.safeParse(withValueAt(data, issue.path, items)).error?.issues.some((other) => formatDataPath(other.path).startsWith(here))) return '';
  // Flow-list items are plain unless YAML would read them otherwise: those go in quotes.
  const written = items.map((item) => (/^[\w .&+-]+$/.test(item) && !/^[-.]/.test(item) ? item : JSON.stringify(item)));
  return ` — write it as a list: [${written.join(', ')}]`;
}

/**
 * A path written with Windows' backslashes (`source: thread:threads\\sales\\acme`, as Explorer
 * copies it): a workspace path is written with `/` on every system, as git and the links
 * threadwork writes are, and "expected thread:threads/{path}" left the person to spot the
 * difference. Names the value to write, when that one is taken.
 */
function asForwardSlashes(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue): string {
  const value = valueAt(data, issue.path);
  if (typeof value !== 'string' || !value.includes('\\')) return '';
  const meant = withForwardSlashes(value);
  const here = formatDataPath(issue.path);
  if (schema.safeParse(withValueAt(data, issue.path, meant)).error?.issues.some((other) => formatDataPath(other.path).startsWith(here))) return '';
  return ` — a path is written with /, not \\: write ${meant}`;
}

/**
 * A slug written with accents, `ß` or capitals (`id: pharma-großhandel`, `Lebensmittel Handel`),
 * as a German or French founder names a segment: names the slug threadwork makes of it, as
 * `deal new` makes a folder name (`pharma-grosshandel`), where "expected a lower-case
 * kebab-case slug" left the person to guess what becomes of `ß`. Only where a slug is asked
 * for, and only when the text gives one.
 */
function asSlug(data: unknown, issue: z.core.$ZodIssue): string {
  const value = valueAt(data, issue.path);
  if (issue.code !== 'invalid_format' || typeof value !== 'string') return '';
  const threadId = issue.message.startsWith('expected the thread id');
  if (!threadId && !issue.message.includes('kebab-case slug')) return '';
  const slug = slugOfText(value);
  if (!slug || slug === value) return '';
  // A thread's id is its folder's name: a folder made by hand (`bäckerei-müller/`) is renamed with it.
  return threadId ? ` — rename the folder to ${slug} and write that id` : ` — write ${slug}`;
}

/**
 * A value pasted with an invisible character in it — a zero-width space, a no-break space,
 * a word joiner, as a web page, a CRM field or a chat client copies them — that is valid
 * without it: `tests: [A1]` with a zero-width space after `A1` was told "expected an
 * assumption id such as A1" (got "A1"), a value the person could not tell from the
 * example. Names the character and what to write; `preview` shows it escaped.
 */
function asVisible(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue): string {
  const value = valueAt(data, issue.path);
  if (typeof value !== 'string') return '';
  const found = LOOKALIKE_SPACE.exec(value);
  if (!found) return '';
  const meant = value.replace(new RegExp(LOOKALIKE_SPACE.source, 'g'), (c) => (c === '\u00a0' || c === '\u202f' || c === '\u3000' || (c >= '\u2000' && c <= '\u200a') ? ' ' : '')).trim();
  const here = formatDataPath(issue.path);
  if (meant === '' || schema.safeParse(withValueAt(data, issue.path, meant)).error?.issues.some((other) => formatDataPath(other.path).startsWith(here))) return '';
  return ` — it holds ${lookalikeSpaceName(found[0])}, which cannot be seen (copied text carries such characters): write ${meant}`;
}

/**
 * A value pasted with blanks around it (a CRM cell's trailing space, kept by the quotes around
 * it) that is valid without them: the blanks are what is wrong, said as they are for a date.
 * `outcome: "closed-won "` was told "write closed-won as closed-won", the same text twice, and
 * an email address with a space after it "expected an email address" with no word of the space.
 * Dates keep their own advice (clock.ts), which names the same blanks.
 */
function asTrimmed(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue): string {
  const value = valueAt(data, issue.path);
  if (typeof value !== 'string' || issue.message === DATE_EXPECTED.form) return '';
  const trimmed = value.trim();
  const around = trimmed === '' ? undefined : spacesAround(value, trimmed);
  if (!around) return '';
  const here = formatDataPath(issue.path);
  if (schema.safeParse(withValueAt(data, issue.path, trimmed)).error?.issues.some((other) => formatDataPath(other.path).startsWith(here))) return '';
  return ` — unexpected ${around} it: write ${trimmed} with nothing around it`;
}

/**
 * An address pasted with its name, as a mail client or a CRM export copies a sender
 * (`Ola Nord <ola@quillstack.com>`), where an address alone is valid: the one to write.
 * `deal new --email` takes such a paste as its address; a file was told only "expected an
 * email address", the address plainly in it.
 */
function asMailbox(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue): string {
  const value = valueAt(data, issue.path);
  const mailbox = typeof value === 'string' ? mailboxOf(value) : undefined;
  if (!mailbox) return '';
  const here = formatDataPath(issue.path);
  if (schema.safeParse(withValueAt(data, issue.path, mailbox.address)).error?.issues.some((other) => formatDataPath(other.path).startsWith(here))) return '';
  return ` — write the address alone: ${mailbox.address}`;
}

/** An allowed value of an enum field misspelt: the spelling to write (spelling-hint.ts). */
function asSpelled(data: unknown, issue: z.core.$ZodIssue): string {
  const value = valueAt(data, issue.path);
  const options = allowedValues(issue);
  return typeof value === 'string' && options.length ? spellingHint(value, options) : '';
}

/** A copy of `data` with `value` at `path`. */
export function withValueAt(data: unknown, path: readonly PropertyKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const copy = (Array.isArray(data) ? [...data] : { ...(data as Record<PropertyKey, unknown>) }) as Record<PropertyKey, unknown>;
  copy[key!] = withValueAt(copy[key!], rest, value);
  return copy;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  // An invisible character is shown escaped, as JSON writes a control character: "A1\u200b", not "A1".
  return shortened(text.replace(new RegExp(LOOKALIKE_SPACE.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

export function formatDataPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/**
 * A date written another way (`date: 04.12.2026`, `March 4, 2026`, `20261204`, which YAML
 * reads as a number): told the `YYYY-MM-DD` to write, or both days a `04/05/2026` could be.
 */
function asIsoDate(data: unknown, issue: z.core.$ZodIssue): string {
  if (issue.message !== DATE_EXPECTED.form) return '';
  const value = valueAt(data, issue.path);
  return typeof value === 'string' || typeof value === 'number' ? dateAdvice(String(value)) : '';
}
