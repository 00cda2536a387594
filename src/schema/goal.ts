import { z } from 'zod';
import { assumptionIdSchema, goalIdSchema, isoDateSchema, subgoalIdSchema } from './common.js';

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

export const goalMetricSchema = z.looseObject({
  name: goalMetricNameSchema,
  target: z.number(),
  baseline: z.number().optional(),
});

export const subgoalSchema = z.looseObject({
  id: subgoalIdSchema,
  title: z.string().min(1),
  metric: goalMetricNameSchema,
  target: z.number(),
});

export const goalSchema = z.looseObject({
  id: goalIdSchema,
  title: z.string().min(1, 'expected a goal title'),
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
