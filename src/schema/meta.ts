import * as z from 'zod';
import { goalIdSchema, isoDateSchema, probabilitySchema, slugSchema, subgoalIdSchema, threadSourceSchema } from './common.js';

export const THREAD_TYPES = ['sales-deal', 'sales-campaign', 'marketing'] as const;
export type ThreadType = (typeof THREAD_TYPES)[number];

export const THREAD_STATUSES = [
  'open',
  'deferred',
  'rejected',
  'closed-won',
  'closed-lost',
  'stalled',
  'active',
  'completed',
] as const;

/**
 * `meta.json`: identity and links are written once at creation; the derived block
 * (stage, status, …) is rewritten by `sync`. Unknown keys are kept.
 */
/** A thread id, which is its folder's name: lower-case letters, digits and single hyphens. */
export const THREAD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const threadMetaSchema = z.looseObject({
  id: z.string().regex(THREAD_ID, 'expected the thread id, its folder name: lower-case letters, digits and single hyphens (a folder named otherwise is renamed, its id with it)'),
  type: z.enum(THREAD_TYPES),
  title: z.string().min(1, 'expected a title'),
  segment: slugSchema.optional(),
  goal_id: goalIdSchema.optional(),
  subgoal: subgoalIdSchema.optional(),
  source: threadSourceSchema,
  created: isoDateSchema,
  // derived
  stage: z.number().int().min(1).max(6).optional(),
  status: z.enum(THREAD_STATUSES).optional(),
  pipeline_stage: z.string().optional(),
  updated: isoDateSchema.optional(),
  icp_match_score: probabilitySchema.nullish(),
  /** Lead score 0–100 (40 demographic + 60 behavioural points) and its band; contact score 0–1. */
  lead_score: z.number().int().min(0).max(100).nullish(),
  lead_band: z.enum(['cold', 'warm', 'mql', 'sql']).nullish(),
  contact_score: probabilitySchema.nullish(),
  qualification_score: probabilitySchema.nullish(),
  priority: z.enum(['high', 'medium', 'low']).nullish(),
  close_probability: probabilitySchema.nullish(),
  cycle_time_days: z.number().nonnegative().nullish(),
});

export type ThreadMeta = z.output<typeof threadMetaSchema>;

/** The fields of meta.json `sync` rewrites (the derived block above): everything else is the person's. */
export const DERIVED_META_FIELDS: ReadonlySet<string> = new Set([
  'stage',
  'status',
  'pipeline_stage',
  'updated',
  'icp_match_score',
  'lead_score',
  'lead_band',
  'contact_score',
  'qualification_score',
  'priority',
  'close_probability',
  'cycle_time_days',
]);
