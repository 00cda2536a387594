import { z } from 'zod';
import { countRangeSchema, moneyRangeSchema, probabilitySchema, slugSchema } from './common.js';
import { personaSchema } from './canvas.js';

/** `research/customer/icp/{segment}-icp.yaml`, generated per segment by `threadwork strategy`. */
export const icpSchema = z.looseObject({
  segment: slugSchema,
  name: z.string().min(1),
  generated_from: z.array(z.string()).default([]),
  firmographics: z
    .looseObject({
      industry: z.array(z.string()).default([]),
      business_model: z.string().optional(),
      employees: countRangeSchema.optional(),
      revenue: moneyRangeSchema.optional(),
      geography: z.array(z.string()).default([]),
    })
    .prefault({}),
  technographics: z
    .looseObject({
      required: z.array(z.string()).default([]),
      preferred: z.array(z.string()).default([]),
    })
    .prefault({}),
  problem_signals: z.array(z.string()).default([]),
  buyer_personas: z
    .looseObject({
      economic_buyer: personaSchema.optional(),
      technical_buyer: personaSchema.optional(),
      end_user: personaSchema.optional(),
    })
    .prefault({}),
  disqualifiers: z.array(z.string()).default([]),
  scoring: z
    .looseObject({
      weights: z
        .looseObject({
          fit: probabilitySchema.default(0.35),
          intent: probabilitySchema.default(0.35),
          reachability: probabilitySchema.default(0.2),
          freshness: probabilitySchema.default(0.1),
        })
        .prefault({}),
      thresholds: z
        .looseObject({
          strong: probabilitySchema.default(0.75),
          good: probabilitySchema.default(0.6),
          weak: probabilitySchema.default(0.4),
        })
        .prefault({}),
    })
    .prefault({}),
  sample_companies: z.array(z.string()).default([]),
});

export type Icp = z.output<typeof icpSchema>;
