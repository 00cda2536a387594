import { z } from 'zod';
import { assumptionIdSchema, goalIdSchema, isoDateSchema, PROBABILITY, subgoalIdSchema } from './common.js';

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
] as const;

export const goalMetricNameSchema = z.enum(GOAL_METRICS, {
  error: () => `expected one of ${GOAL_METRICS.join(', ')}`,
});

/** The metrics that are a share, written as a fraction as in 13-metrics (`0.35`, never `35`). */
const RATE_METRICS: ReadonlySet<string> = new Set(['win_rate']);

/**
 * A rate's figures at `keys` must be from 0 to 1: `win_rate` 35 would be drawn as 3500%
 * and never be reached, where 13-metrics refuses the same 35 (probabilitySchema).
 */
function rateFigures(metric: string, value: Record<string, unknown>, keys: readonly string[], ctx: z.RefinementCtx): void {
  if (!RATE_METRICS.has(metric)) return;
  for (const key of keys) {
    const figure = value[key];
    if (typeof figure === 'number' && (figure < 0 || figure > 1)) ctx.addIssue({ code: 'custom', message: PROBABILITY, path: [key], input: figure });
  }
}

export const goalMetricSchema = z
  .looseObject({
    name: goalMetricNameSchema,
    target: z.number(),
    baseline: z.number().optional(),
  })
  .superRefine((metric, ctx) => rateFigures(metric.name, metric, ['target', 'baseline'], ctx));

export const subgoalSchema = z
  .looseObject({
    id: subgoalIdSchema,
    title: z.string({ error: 'expected a subgoal title' }).min(1, 'expected a subgoal title'),
    metric: goalMetricNameSchema,
    target: z.number(),
  })
  .superRefine((subgoal, ctx) => rateFigures(subgoal.metric, subgoal, ['target'], ctx));

export const goalSchema = z.looseObject({
  id: goalIdSchema,
  // Missing, of another type or empty, the title is said as what it is, not as zod's type ("expected text").
  title: z.string({ error: 'expected a goal title' }).min(1, 'expected a goal title'),
  deadline: isoDateSchema,
  created: isoDateSchema,
  owner: z.string().optional(),
  metrics: z.array(goalMetricSchema).min(1, 'expected at least one metric'),
  subgoals: z.array(subgoalSchema).default([]),
  assumptions: z.array(assumptionIdSchema).default([]),
  abandoned: z.union([z.boolean(), isoDateSchema]).optional(),
});

export type Goal = z.output<typeof goalSchema>;
export type GoalMetricName = (typeof GOAL_METRICS)[number];
