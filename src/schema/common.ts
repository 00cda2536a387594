import * as z from 'zod';
import { DATE_EXPECTED, DATE_PATTERN, FIRST_YEAR, isCalendarDay, isPlausibleYear, LAST_YEAR } from '../clock.js';
import { amountProblems, MAX_AMOUNT, moneyProblems, NEGATIVE, NOT_AN_AMOUNT, ONE_AMOUNT, openEndProblem, parseMoney, REVENUE_EXPECTED, revenueProblems, TOO_LARGE } from './money.js';

/** Lower-case kebab-case identifier used for segments, deals and campaign names. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case kebab-case slug such as "mid-market-fintech"');

/** `isTimeOfDay` as a pattern: an optional time after the day, hours 0–23, minutes and seconds 0–59, and an optional zone. */
const TIME_OF_DAY_PATTERN = String.raw`(?:[T ](?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;

/**
 * Calendar date as written in front matter: `2026-03-01`. The YAML reader has no timestamp
 * type, so a date quoted or not is this string; its day must exist (2026-02-30 does not).
 */
export const isoDateSchema = z
  // Missing or not text (`date: 20270110`): what is expected is a date, not "string".
  .string({ error: DATE_EXPECTED.form })
  // `abort`: a value that is not a date at all gets one error, not a second one saying it is no calendar day.
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, { message: DATE_EXPECTED.form, abort: true })
  .refine(isCalendarDay, DATE_EXPECTED.day)
  // A day of the calendar, of no year this work has (`0000-01-01`, `9999-12-31`): clock.ts says why.
  .refine((value) => !isCalendarDay(value) || isPlausibleYear(value), DATE_EXPECTED.range)
  // The form takes any digits, colons and dots after the day: `T99:99` or `T::` is no time.
  .refine((value) => !isCalendarDay(value) || isTimeOfDay(value), 'expected a real time of day, from 00:00 to 23:59:59, after the date')
  // What the JSON Schemas (`npm run schemas`) say of it: the refinements as one pattern, so an
  // editor refuses what check refuses. The form's pattern alone took 0000-01-01 and 2026-02-30.
  .meta({
    pattern: `^${DATE_PATTERN}${TIME_OF_DAY_PATTERN}$`,
    description: `a day of the calendar from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31 as YYYY-MM-DD, such as 2026-03-01, optionally followed by a time of day (2026-03-01T09:30:00Z)`,
  });

/** Whether what follows the day (`T10:30:00Z`, ` 9:30`, nothing) is a time of day that exists. */
function isTimeOfDay(value: string): boolean {
  if (value.length <= 10) return true;
  const time = /^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(value.slice(11).replace(/(?:Z|[+-]\d{2}:?\d{2})$/, ''));
  return time !== null && Number(time[1]) < 24 && Number(time[2] ?? 0) < 60 && Number(time[3] ?? 0) < 60;
}

export const PROBABILITY = 'expected a number from 0 to 1';

/** A probability or a share; `60%` is refused with the same words as 1.5, which say how to write it. */
export const probabilitySchema = z.number({ error: PROBABILITY }).min(0, PROBABILITY).max(1, PROBABILITY);

/**
 * The schemas whose value is an amount of money. An amount written unquoted as `36.000` is
 * YAML's number 36 before a schema sees it, valid to it; parsing a file looks for that slip
 * only where its schema reads money (workspace/dotted-thousands.ts), found through this
 * map rather than a list of paths. A schema built on one (`.optional()`, a range's end) is
 * found through it; one refined or transformed anew is marked again. A schema that is money
 * only by what the object holding it says (a goal's figure, by its metric) has that test.
 */
const MONEY_SCHEMAS = new WeakMap<z.ZodType, MoneyWhen | null>();

/** Whether a field is money, by the object that holds it (`{name: won_arr, target: …}`). */
export type MoneyWhen = (holder: Readonly<Record<string, unknown>>) => boolean;

/** `schema`, marked as one whose value is money (see MONEY_SCHEMAS); `when` the object holding it says so, if given. */
export function money<T extends z.ZodType>(schema: T, when?: MoneyWhen): T {
  MONEY_SCHEMAS.set(schema, when ?? null);
  return schema;
}

/** Whether `schema` itself (not what it wraps) was marked as money, held by `holder` or, without one, by any object. */
export function isMoneySchema(schema: z.ZodType, holder?: Readonly<Record<string, unknown>>): boolean {
  const when = MONEY_SCHEMAS.get(schema);
  if (when === undefined) return false;
  return when === null || holder === undefined || when(holder);
}

/**
 * Money written as a number (`1200000`) or the way people write it (`$1.2M`, `500k`, `€5m`).
 * Any text is taken here: each schema built on it reads the text with `moneyProblems`, which
 * says of `""` what it says of `lots` — no amount — where a `min(1)` said "expected text, not
 * empty" of a field that takes no text, and the amount's own error came second.
 */
export const moneySchema = money(z.union([z.number().nonnegative(NEGATIVE).max(MAX_AMOUNT, TOO_LARGE), z.string()], { error: 'expected an amount such as 36000 or "$36k"' }));

export const rangeSchema = z.looseObject(
  {
    min: moneySchema.optional(),
    max: moneySchema.optional(),
  },
  { error: 'expected a range as `min:` and `max:`, such as {min: "$10M", max: "$50M"}' },
);

/**
 * A money range written as `{min, max}` (a segment's or an ICP's revenue): each end an
 * amount that reads one way, as an `arr_potential` range's are. Taken as any text, `{min:
 * lots}` left the ICP score without that bound, and nothing said so.
 */
export const moneyRangeSchema = rangeSchema.superRefine((value, ctx) => {
  for (const problem of moneyProblems(value)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
});

/**
 * A figure that counts towards the pipeline (a deal's `arr_potential`): an amount or a
 * range whose every end reads as an amount of 0 or more, lower end first. Anything else
 * would drop out of the weighted pipeline, or skew it, without a word.
 */
export const amountOrRangeSchema = amountOrRange(false);

/**
 * A deal's `arr_potential`: an amount or a range as amountOrRangeSchema takes it, with no
 * open end — `"€50k+"` was summed into the pipeline as 50k with nothing said (openEndProblem).
 */
export const pipelineAmountSchema = amountOrRange(true);

function amountOrRange(closed: boolean) {
  return money(
    z.union([moneySchema, rangeSchema], { error: NOT_AN_AMOUNT }).superRefine((value, ctx) => {
      // A number below 0 is the number's own minimum's error: the money check would say it again.
      if (typeof value === 'number') return;
      const open = closed ? openEndProblem(value) : undefined;
      const problems = open ? [{ path: [], message: open }] : moneyProblems(value);
      for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
    }),
  );
}

/**
 * A company's revenue (a deal's Stage 1, a campaign prospect): an amount or a range as an
 * `arr_potential` is, or a band with one bound as CRMs and data providers export it (`> $1B`,
 * `Over $500M`, `Under $1M`, `$1B+`), which the score reads as open-ended (parseRevenueRange).
 */
export const revenueSchema = money(
  z.union([moneySchema, rangeSchema], { error: REVENUE_EXPECTED }).superRefine((value, ctx) => {
    if (typeof value === 'number') return;
    for (const problem of revenueProblems(value)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  }),
);

/**
 * One amount a figure is made of (a won deal's `arr`, a money target): a number of 0 or
 * more, or money as people write it, read by the parser a deal's `arr_potential` uses and
 * given to the figures as the number it reads. `range` says why a range is refused.
 */
export function amountSchema(range: string) {
  return money(amountAsWrittenSchema(range).transform((value) => (typeof value === 'number' ? value : parseMoney(value)!)));
}

/**
 * One amount, checked as `amountSchema`'s is but kept as written (`"€36k"`): a won deal's
 * `arr`, whose currency decides whether the figures count it (docs/file-formats.md, "Money"),
 * which the number alone no longer says. Its reader takes the number with `parseMoney`.
 */
export function amountAsWrittenSchema(range: string) {
  return money(z
    // The number's own minimum, not only the refinement's: the JSON Schema an editor or an
    // agent checks against says `minimum: 0` (a refinement cannot be written there).
    .union([z.number().nonnegative(NEGATIVE).max(MAX_AMOUNT, TOO_LARGE), z.string()], { error: ONE_AMOUNT })
    .superRefine((value, ctx) => {
      // A number below 0 is the number's own minimum's error: the money check would say it again.
      if (typeof value === 'number') return;
      for (const message of amountProblems(value, range)) ctx.addIssue({ code: 'custom', message });
    }));
}

export const countRangeSchema = z.looseObject(
  {
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
  },
  { error: 'expected a range as `min:` and `max:`, such as {min: 200, max: 2000}' },
).superRefine((range, ctx) => {
  // The wrong way round, every company fails the size filter and none scores as a fit, unsaid (as a money range's is an error).
  if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
    ctx.addIssue({ code: 'custom', message: `expected a max of at least the min (${range.min})`, path: ['max'], input: range.max });
  }
});

/**
 * Ids say what they are when missing or of another type too (`Missing \`id\`: expected a
 * goal id such as g-mrr-50k`), not zod's type ("expected text"), as when written wrong.
 */

/** Assumption ids: `A1`, `A12`, `H3`. */
const ASSUMPTION_ID = /^[A-Z]{1,3}\d+$/;
export const assumptionIdSchema = z.string({ error: 'expected an assumption id such as A1 or H12' }).regex(ASSUMPTION_ID, { error: (issue) => `expected an assumption id such as A1 or H12${meantAssumptionId(issue.input)}` });

/**
 * The id a slip of the hand stands for (`a7`, `A 7`, `a-7` for A7): said in the schema's
 * error, the one report of a malformed id (check/references.ts leaves it to the schema).
 * The form only — whether the canvas defines it is the reference check's question, asked
 * once the id is written right.
 */
function meantAssumptionId(input: unknown): string {
  if (typeof input !== 'string') return '';
  const meant = input.replace(/[\s_-]+/g, '').toUpperCase();
  return ASSUMPTION_ID.test(meant) ? ` — did you mean ${meant}?` : '';
}

const GOAL_ID = /^g-[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const goalIdSchema = z.string({ error: 'expected a goal id such as g-mrr-50k' }).regex(GOAL_ID, { error: (issue) => `expected a goal id such as g-mrr-50k${meantGoalId(issue.input)}` });

/**
 * The goal id a slip of the hand stands for (`G-MRR-50K`, `g_mrr_50k`, `mrr 50k` for
 * g-mrr-50k), said in the schema's error, the one report of a malformed id (the reference
 * check leaves it to the schema), as meantAssumptionId does for assumptions. The form only.
 */
function meantGoalId(input: unknown): string {
  if (typeof input !== 'string') return '';
  const meant = input.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  const id = GOAL_ID.test(meant) ? meant : `g-${meant}`;
  return GOAL_ID.test(id) && id !== input ? ` — did you mean ${id}?` : '';
}

export const subgoalIdSchema = z.string({ error: 'expected a subgoal id such as SG1' }).regex(/^SG\d+$/, 'expected a subgoal id such as SG1');

/** Where a thread came from: `inbound`, `outbound`, `campaign:{id}` or `thread:{path}`. */
export const threadSourceSchema = z.union(
  [
    z.enum(['inbound', 'outbound', 'referral', 'partner', 'event']),
    z.string().regex(/^campaign:[a-z0-9][a-z0-9-]*$/, 'expected campaign:{campaign-id}'),
    z.string().regex(/^thread:threads\/[a-z0-9/-]+$/, 'expected thread:threads/{path}'),
  ],
  { error: 'expected one of inbound, outbound, referral, partner, event, campaign:{campaign-id} or thread:threads/{path}' },
);

/** A string field that a template leaves empty until a person fills it in. */
export const optionalText = z.string().nullish();
