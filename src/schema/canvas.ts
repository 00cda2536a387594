import * as z from 'zod';
import { CANVAS_SECTIONS, type CanvasSection } from './names.js';
import { wholeCountMessage } from './goal.js';
import {
  amountOrRangeSchema,
  amountSchema,
  assumptionIdSchema,
  countRangeSchema,
  isoDateSchema,
  moneyRangeSchema,
  probabilitySchema,
  slugSchema,
} from './common.js';
import { writtenCurrency } from './money.js';

/** Every canvas section may carry these; people add their own keys freely. */
const sectionBase = {
  title: z.string().optional(),
  updated: isoDateSchema.optional(),
};

export const personaSchema = z.looseObject({
  title: z.string().min(1, 'expected a job title'),
  priorities: z.array(z.string()).default([]),
});

export const segmentSchema = z.looseObject({
  id: slugSchema,
  name: z.string().min(1, 'expected a segment name'),
  description: z.string().optional(),
  filters: z
    .looseObject({
      industry: z.array(z.string()).default([]),
      business_model: z.string().optional(),
      employees: countRangeSchema.optional(),
      revenue: moneyRangeSchema.optional(),
      geography: z.array(z.string()).default([]),
      tech_stack: z.array(z.string()).default([]),
      problem_indicators: z.array(z.string()).default([]),
    })
    .prefault({}),
  pains: z.array(z.string()).default([]),
  triggers: z.array(z.string()).default([]),
  /** Companies to exclude: they join the disqualifiers generated from the filters (docs/scoring.md#disqualifiers). */
  disqualifiers: z.array(z.string()).optional(),
  personas: z
    .looseObject({
      economic_buyer: personaSchema.optional(),
      technical_buyer: personaSchema.optional(),
      end_user: personaSchema.optional(),
    })
    .optional(),
  sample_companies: z.array(z.string()).default([]),
});

export const segmentsSectionSchema = z.looseObject({
  ...sectionBase,
  segments: z.array(segmentSchema).default([]),
});

export const assumptionSchema = z.looseObject({
  id: assumptionIdSchema,
  statement: z.string().min(1, 'expected the assumption as a sentence'),
  segment: slugSchema.optional(),
  prior: probabilitySchema,
  retired: z.boolean().optional(),
});

export const assumptionsSectionSchema = z.looseObject({
  ...sectionBase,
  assumptions: z.array(assumptionSchema).default([]),
});

/** A money target: one amount, written as a number or as money (`"$500k"`). */
const moneyTarget = amountSchema('which amount is the target?');

/** A count's target: a whole number, refused as a goal's count is (`2.5`; `12.000` in workspace/count-decimals.ts). */
function countTarget(metric: string) {
  return z.number().int(wholeCountMessage(metric)).nonnegative().optional();
}

/** Targets the metrics block is measured against. All optional: a missing target is shown as "—". */
export const metricTargetsSchema = z.looseObject({
  win_rate: probabilitySchema.optional(),
  avg_cycle_days: z.number().nonnegative().optional(),
  avg_deal_size: moneyTarget.optional(),
  won_arr: moneyTarget.optional(),
  pipeline_count: countTarget('pipeline_count'),
  won_count: countTarget('won_count'),
  weighted_pipeline: moneyTarget.optional(),
  avg_margin: probabilitySchema.optional(),
  meetings: countTarget('meetings'),
  open_rate: probabilitySchema.optional(),
  reply_rate: probabilitySchema.optional(),
});

/** The money targets of 13-metrics: the keys whose currency is kept (`writtenCurrency`) to be compared with the workspace's. */
export const MONEY_TARGETS = ['avg_deal_size', 'won_arr', 'weighted_pipeline'] as const;

/**
 * The targets with the currency each money target names kept beside them (`won_arr:
 * "€500k"`: `writtenCurrency: {won_arr: 'EUR'}`), as a goal's figures keep theirs: the
 * amount alone is read as 500,000 and was shown and compared as the workspace's dollars.
 * Which is the workspace's currency is the canvas's (11-pricing): metricTargetsOf leaves
 * a target in another out (workspace/model.ts).
 */
function withWrittenCurrency(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const named = MONEY_TARGETS.flatMap((key) => {
    const currency = writtenCurrency((input as Record<string, unknown>)[key]);
    return currency ? [[key, currency]] : [];
  });
  return named.length ? { ...input, writtenCurrency: Object.fromEntries(named) } : input;
}

export const metricsSectionSchema = z.looseObject({
  ...sectionBase,
  targets: z.preprocess(withWrittenCurrency, metricTargetsSchema).prefault({}),
});

export const businessModelSectionSchema = z.looseObject({
  ...sectionBase,
  mode: z.enum(['sales-led', 'product-led', 'hybrid', 'services', 'marketplace']).optional(),
  motion: z.string().optional(),
});

export const problemSectionSchema = z.looseObject({
  ...sectionBase,
  problems: z
    .array(
      z.looseObject({
        id: z.string().optional(),
        statement: z.string().min(1),
        segment: slugSchema.optional(),
        severity: z.enum(['critical', 'high', 'medium', 'low']).optional(),
        current_solution: z.string().optional(),
      }),
    )
    .default([]),
});

export const competitiveSectionSchema = z.looseObject({
  ...sectionBase,
  competitors: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        category: z.string().optional(),
        strengths: z.array(z.string()).default([]),
        weaknesses: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});

export const uvpSectionSchema = z.looseObject({
  ...sectionBase,
  uvp: z.string().optional(),
  tagline: z.string().optional(),
});

export const pricingSectionSchema = z.looseObject({
  ...sectionBase,
  currency: z.string().length(3, 'expected an ISO currency code such as USD').optional(),
  tiers: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        // Read as a deal's `arr_potential` is: text that is no amount (`call us`) took the
        // tier out of the entry price and the pilot fee `threadwork strategy` writes, unsaid.
        price: amountOrRangeSchema,
        billing: z.enum(['monthly', 'annual', 'one-time', 'usage']).optional(),
        includes: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});

/** Sections whose data lives in prose; their front matter is free-form. */
export const proseSectionSchema = z.looseObject(sectionBase);

export { CANVAS_SECTIONS, type CanvasSection };

export const canvasSectionSchemas = {
  '00-business-model-mode': businessModelSectionSchema,
  '01-context': proseSectionSchema,
  '02-constraints': proseSectionSchema,
  '03-opportunity': proseSectionSchema,
  '04-segments': segmentsSectionSchema,
  '05-problem': problemSectionSchema,
  '06-competitive': competitiveSectionSchema,
  '07-uvp': uvpSectionSchema,
  '08-advantage': proseSectionSchema,
  '09-solution': proseSectionSchema,
  '10-assumptions': assumptionsSectionSchema,
  '11-pricing': pricingSectionSchema,
  '12-costs': proseSectionSchema,
  '13-metrics': metricsSectionSchema,
  '14-growth': proseSectionSchema,
  '15-gtm': proseSectionSchema,
} as const satisfies Record<CanvasSection, z.ZodType>;

/** A canvas section's front matter as its schema outputs it. */
export type CanvasSectionValue<S extends CanvasSection> = z.output<(typeof canvasSectionSchemas)[S]>;

export type Segment = z.output<typeof segmentSchema>;
export type Assumption = z.output<typeof assumptionSchema>;
