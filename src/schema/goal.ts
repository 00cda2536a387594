import * as z from 'zod';
import { assumptionIdSchema, goalIdSchema, isoDateSchema, money, PROBABILITY, subgoalIdSchema } from './common.js';
import { amountProblems, MAX_AMOUNT, NEGATIVE, parseMoney, TOO_LARGE, writtenCurrency } from './money.js';

export const GOAL_METRICS = [
  'won_count',
  'won_arr',
  'mrr',
  'avg_deal_size',
  'win_rate',
  'avg_cycle_days',
  'pipeline_count',
  'weighted_pipeline',
  'meetings',
  // The campaigns' rates, as 13-metrics shows them: one definition (src/outreach/rates.ts).
  'reply_rate',
  'open_rate',
] as const;

export const goalMetricNameSchema = z.enum(GOAL_METRICS, {
  error: () => `expected one of ${GOAL_METRICS.join(', ')}`,
});

/** The metrics that are a share, written as a fraction as in 13-metrics (`0.35`, never `35`). */
const RATE_METRICS: ReadonlySet<string> = new Set(['win_rate', 'reply_rate', 'open_rate']);

/** The metrics that are an amount of money: their figures may be written as money (`"$500k"`), as a deal's are. */
export const MONEY_METRICS: ReadonlySet<string> = new Set(['won_arr', 'mrr', 'avg_deal_size', 'weighted_pipeline']);

const KIND: Record<string, string> = { avg_cycle_days: 'a number of days' };

/** The metrics that count things — wins, open deals, meetings: a figure of one is a whole number. */
export const COUNT_METRICS: ReadonlySet<string> = new Set(['won_count', 'pipeline_count', 'meetings']);

/** What a count's figure must be, said the same for `2.5` here and `12.000` (workspace/count-decimals.ts). */
export function wholeCountMessage(metric: string): string {
  return `expected a whole number: ${metric} is a count`;
}

/**
 * A figure as written: a number, or for a money metric money as people write it. Money
 * when the metric `metricKey` of the object holding it names is (an unquoted `500.000`
 * there is then a slip, dotted-thousands.ts); `target: 12` of a count is not looked at.
 */
function figureSchema(metricKey: 'name' | 'metric') {
  return money(z.union([z.number(), z.string()], { error: 'expected a number' }), (holder) => MONEY_METRICS.has(String(holder[metricKey])));
}

/**
 * Text where a count or a number of days is expected, said as what was written: money
 * (`"$12"`) is not what the metric measures; a word (`three`) is a number to write in digits;
 * digits in quotes (`"12"`) are neither.
 */
function notANumberMessage(metric: string, figure: string): string {
  const kind = `${metric} is ${KIND[metric] ?? 'a count'}`;
  // The quotes are said by the hint every number written as text gets (`write 40 without quotes`).
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(figure)) return `expected a number: ${kind}`;
  if (parseMoney(figure) !== undefined) return `expected a number: ${kind}, not an amount of money`;
  return `expected a number, written in digits: ${kind}`;
}

function zeroTargetMessage(metric: string): string {
  return `expected a target above 0: ${metric} ${metric === 'avg_cycle_days' ? 'of 0 days is never reached' : 'of 0 is reached before anything is done, the goal achieved from its first day'}`;
}

/**
 * The figures at `keys` must be what `metric` measures. A rate's must be from 0 to 1:
 * `win_rate` 35 would be drawn as 3500% and never be reached, where 13-metrics refuses
 * the same 35 (probabilitySchema). Text is money, read by the parser a deal's
 * `arr_potential` uses, and only a money metric's figure may be money.
 */
function checkFigures(metric: string, value: Record<string, unknown>, keys: readonly string[], ctx: z.RefinementCtx): void {
  for (const key of keys) {
    const figure = value[key];
    // Text where a number is expected is said to be so (`invalid_type`), as 13-metrics's
    // refusal is: the check then names the number it reads as (`write 35% as 0.35`).
    if (typeof figure === 'string' && RATE_METRICS.has(metric)) {
      // `"35%"`: said as 13-metrics says it, with what a rate is written as.
      ctx.addIssue({ code: 'invalid_type', expected: 'number', message: PROBABILITY, path: [key], input: figure });
    } else if (typeof figure === 'string' && !MONEY_METRICS.has(metric)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'number', message: notANumberMessage(metric, figure), path: [key], input: figure });
    } else if (typeof figure === 'string') {
      for (const message of amountProblems(figure, 'which amount is the target?')) ctx.addIssue({ code: 'custom', message, path: [key], input: figure });
    }
    // Out of range as a bound (too_big, as probabilitySchema's): `35` is then told the fraction to write (`write 35 (35%) as 0.35`), as in 13-metrics.
    if (RATE_METRICS.has(metric) && typeof figure === 'number' && figure > 1) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: 1, inclusive: true, message: PROBABILITY, path: [key], input: figure });
    if (RATE_METRICS.has(metric) && typeof figure === 'number' && figure < 0) ctx.addIssue({ code: 'too_small', origin: 'number', minimum: 0, inclusive: true, message: PROBABILITY, path: [key], input: figure });
    // Below 0, any other metric's figure is a goal no deal could miss, drawn past 100% from the first day.
    else if (typeof figure === 'number' && figure < 0) {
      const message = MONEY_METRICS.has(metric) ? NEGATIVE : 'expected a number of 0 or more';
      ctx.addIssue({ code: 'too_small', origin: 'number', minimum: 0, inclusive: true, message, path: [key], input: figure });
    }
    // A target of 0 is no target: a count, an amount or a rate at 0 is reached before any
    // deal (the goal read achieved, 100% done, on its first day), a cycle of 0 days never.
    // Money as written counts too: `"$0"` is the 0 it reads as.
    if (key === 'target' && (figure === 0 || (typeof figure === 'string' && MONEY_METRICS.has(metric) && parseMoney(figure) === 0))) ctx.addIssue({ code: 'too_small', origin: 'number', minimum: 0, inclusive: false, message: zeroTargetMessage(metric), path: [key], input: figure });
    // Past a quadrillion a money figure is a slip of digits, refused as a deal's amount is (money.ts).
    if (MONEY_METRICS.has(metric) && typeof figure === 'number' && figure > MAX_AMOUNT) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: MAX_AMOUNT, inclusive: true, message: TOO_LARGE, path: [key], input: figure });
    // A count of 2.5 wins is never reached by counting (2 is short, 3 past it) and reads as a slip: a count is whole.
    if (COUNT_METRICS.has(metric) && typeof figure === 'number' && !Number.isInteger(figure)) ctx.addIssue({ code: 'custom', message: wholeCountMessage(metric), path: [key], input: figure });
  }
}

/**
 * The figures as numbers: money text as the amount it reads (checkFigures saw that it reads
 * as one), with the currency each names kept beside them (`"€500k"`: `writtenCurrency: {target: 'EUR'}`):
 * the workspace counts in one currency, and a target in another is compared with no figure
 * (goalsOf, workspace/model.ts, marks it `otherCurrency`).
 */
function asNumbers<T extends Record<string, unknown>>(value: T, keys: readonly string[]): T & CurrencyWritten {
  const read = Object.fromEntries(keys.filter((key) => typeof value[key] === 'string').map((key) => [key, parseMoney(value[key])]));
  const named = keys.flatMap((key) => {
    const currency = writtenCurrency(value[key]);
    return currency ? [[key, currency]] : [];
  });
  return { ...value, ...read, ...(named.length ? { writtenCurrency: Object.fromEntries(named) as Record<string, string> } : {}) };
}

/**
 * What a goal's money figure says of its currency: the one its target or baseline names, and
 * (set by goalsOf) that one when it is not the workspace's — the figure is then left out of
 * the goal's progress, status and forecast (docs/derivation.md).
 */
export interface CurrencyWritten {
  /** By key (`{target: 'EUR'}`): the currency each money figure names, where one does. */
  writtenCurrency?: Partial<Record<'target' | 'baseline', string>>;
  otherCurrency?: string;
}

export const goalMetricSchema = z
  .looseObject({
    name: goalMetricNameSchema,
    target: figureSchema('name'),
    baseline: figureSchema('name').optional(),
  })
  .superRefine((metric, ctx) => checkFigures(metric.name, metric, ['target', 'baseline'], ctx))
  .transform((metric) => asNumbers(metric, ['target', 'baseline']) as typeof metric & CurrencyWritten & { target: number; baseline?: number });

const SUBGOAL_ABANDONED =
  'unknown key on a subgoal: a subgoal has no `abandoned` of its own. To drop it, link its deals to another subgoal (or none) in their meta.json `subgoal`, then remove it from `subgoals`; to give up the whole goal, write `abandoned` on the goal';

export const subgoalSchema = z
  .looseObject({
    id: subgoalIdSchema,
    title: z.string({ error: 'expected a subgoal title' }).min(1, 'expected a subgoal title'),
    metric: goalMetricNameSchema,
    target: figureSchema('metric'),
    /**
     * The day the target was first reached, recorded by the sync that found it reached: a
     * subgoal reached stays reached, when a pipeline subgoal's deals close (docs/derivation.md).
     */
    reached: isoDateSchema.optional(),
  })
  .superRefine((subgoal, ctx) => {
    checkFigures(subgoal.metric, subgoal, ['target'], ctx);
    // A goal's key, written on a subgoal as if it worked there too: read by nothing, the
    // subgoal stayed in the goal's state as pending or blocked with nothing said. A subgoal is
    // dropped by removing it (its deals relinked first), which keeps HEAD whole (held-definitions.ts).
    if (Object.hasOwn(subgoal, 'abandoned')) ctx.addIssue({ code: 'custom', message: SUBGOAL_ABANDONED, path: ['abandoned'], input: (subgoal as Record<string, unknown>).abandoned });
  })
  .transform((subgoal) => asNumbers(subgoal, ['target']) as typeof subgoal & CurrencyWritten & { target: number });

/** The calendar day of a date as written, its time and zone left out: `2026-12-31T18:00:00+02:00` → `2026-12-31`. */
function dayAsWritten(date: string): string {
  return date.slice(0, 10);
}

/**
 * A metric is listed once: `won_count` with a target of 5 and again with 1 left the goal
 * both achieved and not, the state showing one row and its summary the other, with nothing
 * said. Reported at the repeat's `name`, naming the first.
 */
function metricNamedOnce(metrics: readonly { name: string }[], ctx: z.RefinementCtx): void {
  const first = new Map<string, number>();
  metrics.forEach((metric, i) => {
    const earlier = first.get(metric.name);
    if (earlier === undefined) first.set(metric.name, i);
    else ctx.addIssue({ code: 'custom', message: `metric \`${metric.name}\` is listed twice (first as metric ${earlier + 1}): expected each metric once, with the one target meant`, path: [i, 'name'], input: metric.name });
  });
}

export const goalSchema = z.looseObject({
  id: goalIdSchema,
  // Missing, of another type or empty, the title is said as what it is, not as zod's type ("expected text").
  title: z.string({ error: 'expected a goal title' }).min(1, 'expected a goal title'),
  // A goal is judged by the day (its state is as of a day): a deadline or creation written
  // with a time and zone (`2026-12-31T18:00:00+02:00`) is that day as written. Copied whole,
  // it showed in the goal's block and compared as text with the day: on 2026-12-31 the time
  // to it was not all gone. The file keeps what was written.
  deadline: isoDateSchema.transform(dayAsWritten),
  created: isoDateSchema.transform(dayAsWritten),
  owner: z.string().optional(),
  metrics: z.array(goalMetricSchema).min(1, 'expected at least one metric').superRefine(metricNamedOnce),
  subgoals: z.array(subgoalSchema).default([]),
  assumptions: z.array(assumptionIdSchema).default([]),
  abandoned: z.union([z.boolean(), isoDateSchema]).optional(),
});

export type Goal = z.output<typeof goalSchema>;
export type GoalMetricName = (typeof GOAL_METRICS)[number];
