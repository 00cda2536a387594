import { z } from 'zod';
import { probabilitySchema } from './common.js';

export const pipelineStageSchema = z.looseObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a stage name such as discovery'),
  probability: probabilitySchema,
});

export const DEFAULT_PIPELINE_STAGES = [
  { name: 'lead', probability: 0.1 },
  { name: 'qualified', probability: 0.25 },
  { name: 'discovery', probability: 0.4 },
  { name: 'proposal', probability: 0.6 },
  { name: 'negotiation', probability: 0.8 },
  { name: 'closed-won', probability: 1 },
] as const;

export const configSchema = z.looseObject({
  /** Display name of the company that runs the workspace. */
  company: z.string().optional(),
  confidence: z
    .looseObject({
      /** `w` in the SPEC confidence formula: how many results the prior is worth. */
      prior_weight: z.number().positive().default(2),
      validated_threshold: probabilitySchema.default(0.8),
      invalidated_threshold: probabilitySchema.default(0.2),
      min_results: z.number().int().positive().default(3),
    })
    .prefault({}),
  pipeline: z
    .looseObject({
      stages: z.array(pipelineStageSchema).min(1).default(() => DEFAULT_PIPELINE_STAGES.map((s) => ({ ...s }))),
    })
    .prefault({}),
  git: z
    .looseObject({
      commit: z.boolean().default(true),
      author: z.looseObject({ name: z.string().min(1), email: z.string().min(3) }).optional(),
    })
    .prefault({}),
  /** Where same-named files override the built-in templates, relative to the workspace root. */
  templates_dir: z.string().default('.threadwork/templates'),
  /** The gates an approved outreach draft must pass, and the daily caps per sender (docs/outreach.md "Autonomy gates"). */
  autonomy: z
    .looseObject({
      /** Lowest ICP score of the prospect's company; null: the segment ICP's `good` band threshold (0.60 unless the ICP file says otherwise). */
      icp_min_score: probabilitySchema.nullable().default(null),
      /** Lowest quality score of the draft (src/outreach/quality.ts): 0.8 is grade B; one critical issue alone scores 0.75. */
      min_quality_score: probabilitySchema.default(0.8),
      /** Approved touches per sender per day, by channel; null: no cap. */
      daily_caps: z
        .looseObject({
          email: z.number().int().nonnegative().nullable().default(200),
          linkedin: z.number().int().nonnegative().nullable().default(30),
          call: z.number().int().nonnegative().nullable().default(null),
        })
        .prefault({}),
    })
    .prefault({}),
});

export type Config = z.output<typeof configSchema>;
