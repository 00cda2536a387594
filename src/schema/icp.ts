import * as z from 'zod';
import { countRangeSchema, moneyRangeSchema, probabilitySchema, slugSchema } from './common.js';
import { personaSchema } from './canvas.js';

type Band = 'strong' | 'good' | 'weak';
const THRESHOLDS: Record<Band, number> = { strong: 0.75, good: 0.6, weak: 0.4 };

/**
 * Each band starts above the next: `strong: 0.3` under `good: 0.6` made every score from
 * 0.3 strong, and `good` never given, unsaid. Said at the threshold moved from its default
 * (the other may not be written), else at the higher one.
 */
function checkBandOrder(thresholds: Record<Band, number>, ctx: z.RefinementCtx): void {
  for (const [high, low] of [['strong', 'good'], ['good', 'weak']] as const) {
    if (thresholds[high] > thresholds[low]) continue;
    if (thresholds[high] === THRESHOLDS[high] && thresholds[low] !== THRESHOLDS[low]) {
      ctx.addIssue({ code: 'custom', message: `expected a number below ${high} (${thresholds[high]})`, path: [low], input: thresholds[low] });
    } else {
      ctx.addIssue({ code: 'custom', message: `expected a number above ${low} (${thresholds[low]})`, path: [high], input: thresholds[high] });
    }
  }
}

/**
 * A weight or threshold under another name (`firmographics: 0.5`, `intnet: 0.3`, `excellent:
 * 0.9`) weighs nothing: the score ran on the defaults, or on the other weights scaled up, and
 * check said nothing. Each such key is an error at the key, naming the ones there are.
 */
function onlyKeys(allowed: readonly string[], what: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      ctx.addIssue({ code: 'custom', message: `expected one of ${allowed.join(', ')} — a ${what} of another name counts for nothing`, path: [key], input: value[key] });
    }
  };
}

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
        .superRefine(onlyKeys(['fit', 'intent', 'reachability', 'freshness'], 'weight'))
        .prefault({}),
      thresholds: z
        .looseObject({
          strong: probabilitySchema.default(THRESHOLDS.strong),
          good: probabilitySchema.default(THRESHOLDS.good),
          weak: probabilitySchema.default(THRESHOLDS.weak),
        })
        .superRefine(checkBandOrder)
        .superRefine(onlyKeys(['strong', 'good', 'weak'], 'threshold'))
        .prefault({}),
    })
    .prefault({}),
  sample_companies: z.array(z.string()).default([]),
});

export type Icp = z.output<typeof icpSchema>;
