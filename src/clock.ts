import { ThreadworkError } from './errors.js';

/**
 * Today's date as `YYYY-MM-DD` in local time. `THREADWORK_TODAY` pins it, so a demo,
 * a test or a replayed agent run produces the same files on any day.
 */
export function today(): string {
  const pinned = process.env.THREADWORK_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isRealDate(value: string): boolean {
  return dateProblem(value) === undefined;
}

/**
 * What is wrong with `value` as a `YYYY-MM-DD` date, in check's words (DATE_EXPECTED), or
 * undefined when it is a day of the calendar from FIRST_YEAR to LAST_YEAR: the one rule a
 * date given to a command and a date of an account or contact list are judged by, as the
 * front matter's dates are (src/schema/common.ts).
 */
export function dateProblem(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return DATE_EXPECTED.form;
  if (!isCalendarDay(value)) return DATE_EXPECTED.day;
  return isPlausibleYear(value) ? undefined : DATE_EXPECTED.range;
}

/**
 * The years a date in a workspace may have. Every date it holds is of the go-to-market work
 * of living companies — a deal's stages, a campaign's touches, a goal's deadline, a reply's
 * revisit — or a plan for the decades ahead: `0000-01-01`, `0026-03-01` or `9999-12-31` is a
 * slip or a placeholder, never a day. Taken as one, it made a deal 739,000 days old, a goal
 * due in 8,000 years, a follow-up never due. 1900 to 2200 leaves room for any real record and
 * any plan, and refuses what no calendar of this work holds (docs/file-formats.md).
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

/** How check words a date that is not one (src/schema/common.ts): a command given one words it the same. */
export const DATE_EXPECTED = {
  form: 'expected a date such as 2026-03-01',
  day: 'expected a real calendar date',
  range: `expected a date from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31`,
} as const;

/**
 * `dateProblem`'s rule as a regular expression (no anchors), for what cannot run it: a JSON
 * Schema's `pattern`, which an editor checks a file against as it is typed. A day of the
 * calendar (February 29 in leap years only, which 1900, 2100 and 2200 are not) of a year from
 * FIRST_YEAR to LAST_YEAR; test/date-pattern.test.ts holds it to `isRealDate` for every day
 * around the range.
 */
export const DATE_PATTERN =
  String.raw`(?:(?:19\d\d|2[01]\d\d|2200)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))` +
  String.raw`|(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26])|21(?:0[48]|[2468][048]|[13579][26]))-02-29)`;

/** Whether the year of the `YYYY-MM-DD` at the start of `value` (digits already checked) is from FIRST_YEAR to LAST_YEAR. */
export function isPlausibleYear(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_FIRST = new RegExp(`^${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD},?\\s+(\\d{4})\\b`, 'i');

/**
 * A date written in words at the start of `text` — `December 4, 2026`, `Dec 4th 2026`,
 * `4 Dec. 2026` — as its year, month and day (not yet checked against the calendar), and
 * how many characters of `text` it took. What check's advice and `migrate` both read.
 */
export function wordDate(text: string): { year: number; month: number; day: number; length: number } | undefined {
  const monthIndex = (word: string): number => MONTH_NAMES.findIndex((name) => name.slice(0, 3).toLowerCase() === word.slice(0, 3).toLowerCase()) + 1;
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) return { year: Number(monthFirst[3]), month: monthIndex(monthFirst[1]!), day: Number(monthFirst[2]), length: monthFirst[0].length };
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return { year: Number(dayFirst[3]), month: monthIndex(dayFirst[2]!), day: Number(dayFirst[1]), length: dayFirst[0].length };
  return undefined;
}

/**
 * How to write a date written another way, for the message that refuses it: `04.12.2026`
 * (day first, as dots are written in Europe), `2026/12/04`, `2026-12-4`, `20261204`, `December 4, 2026`
 * and `4 Dec 2026` are told the `YYYY-MM-DD` to write (" — write 04.12.2026 as
 * 2026-12-04"); `04/05/2026` is told that it reads two ways and both days it could be; a
 * slash date with a day past 12 (`25/12/2026`, `12/25/2026`) reads one way. Empty when
 * the text is no date that names a real day.
 *
 * Spaces around the date (`closed: "2026-09-24 "`, `--date " 2026-11-20"`) are named as
 * the fault: advice read from the trimmed text alone told `2026-09-24 ` to be written as
 * 2026-09-24, which it seemed to be already. A reader that accepts the spaces (a contact
 * list's data_date) passes the trimmed text.
 */
export function dateAdvice(written: string): string {
  const text = written.trim();
  const advice = otherFormAdvice(text);
  // Blanks around `yesterday` are not what is wrong with it: named only around a date.
  const around = advice || /^\d{4}-\d{2}-\d{2}$/.test(text) ? spacesAround(written, text) : undefined;
  if (!around) return advice;
  if (isRealDate(text)) return ` — unexpected ${around} the date: write ${text} with nothing around it`;
  return ` — unexpected ${around} the date${advice ? `, and${advice.slice(' —'.length)}` : ''}`;
}

/** Where the blanks around `text` in `written` are, as the advice names them (`space after`, `tab before`), or undefined when there are none. */
export function spacesAround(written: string, text: string): string | undefined {
  const start = written.indexOf(text);
  const before = written.slice(0, start);
  const after = written.slice(start + text.length);
  if (!before && !after) return undefined;
  const blanks = before + after;
  const what = /^ +$/.test(blanks) ? (blanks.length === 1 ? 'space' : 'spaces') : /^\t+$/.test(blanks) ? (blanks.length === 1 ? 'tab' : 'tabs') : 'blank characters';
  return `${what} ${before && after ? 'before and after' : before ? 'before' : 'after'}`;
}

/** dateAdvice for a date without blanks around it: the `YYYY-MM-DD` to write, or both days it could be. */
function otherFormAdvice(text: string): string {
  const day = (y: number, m: number, d: number): string | undefined => {
    const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return isRealDate(iso) ? iso : undefined;
  };
  const writeAs = (iso: string | undefined): string => (iso ? ` — write ${text} as ${iso}` : '');
  let m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return writeAs(day(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return writeAs(day(Number(m[3]), Number(m[2]), Number(m[1])));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) {
    const [first, second, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dayFirst = day(year, second, first);
    const monthFirst = day(year, first, second);
    if (dayFirst && monthFirst && dayFirst !== monthFirst) return ` — ${text} reads two ways, ${MONTH_NAMES[second - 1]} ${first} or ${MONTH_NAMES[first - 1]} ${second}: write ${dayFirst} or ${monthFirst}`;
    return writeAs(dayFirst ?? monthFirst);
  }
  const words = wordDate(text);
  if (words && words.length === text.length) return writeAs(day(words.year, words.month, words.day));
  return '';
}

/**
 * A date given to a command (`--date`, an MCP tool's `date`), as `YYYY-MM-DD`; refused
 * (`invalid-date`) in check's words: 2026-02-30 has the form and is no day of the calendar.
 * ` 2026-11-20` is refused too, naming the space, not trimmed: options whose value has a
 * form (`--segment`, `--slug`, `--email`, `--source`) take it exactly as given, and only
 * names and paths (a company, a thread) are trimmed. A date is judged as check judges it
 * in a file, where `"2026-11-20 "` is no date either.
 */
export function requireDate(value: string): string {
  const expected = dateProblem(value);
  if (expected === undefined) return value;
  throw new ThreadworkError(`Invalid date ${JSON.stringify(value)}: ${expected}${expected === DATE_EXPECTED.form ? dateAdvice(value) : ''}`, 'invalid-date');
}

/** A command's optional date: today when none is given, else the date given, refused when it is not one. */
export function dateOrToday(value: string | undefined): string {
  return value === undefined ? today() : requireDate(value);
}

/**
 * A command's optional date of something that happened (`deal new --date`, `campaign reply
 * --date`): as `dateOrToday`, and refused (`invalid-date`) when more than a day after today,
 * as check would refuse it in the file written from it (`date-in-future`, one day of grace
 * for a colleague east of here). Judged only in the file, the refusal named a line of a
 * file the person never wrote; `what` says which day was expected.
 */
export function pastDateOrToday(value: string | undefined, what: string): string {
  const date = dateOrToday(value);
  const now = today();
  if (date > addDays(now, 1)) throw new ThreadworkError(`Invalid date ${JSON.stringify(date)}: after today (${now}) — expected ${what}, today or before`, 'invalid-date');
  return date;
}

/**
 * Whether the `YYYY-MM-DD` at the start of `value` (digits already checked) is a day of
 * the calendar: `Date.parse` alone accepts 2026-02-30 and 2026-04-31 (V8 reads any day up
 * to 31), so the day is compared with its month's length. Arithmetic only: it runs on
 * every date of a 70,000-file check.
 */
export function isCalendarDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
