import { posix } from 'node:path';
import * as z from 'zod';
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

export const TEMPLATES_DIR_EXPECTED = 'expected a folder inside the workspace, such as .threadwork/templates (a relative path that does not climb out with ..)';

/** Whether `path` names a place inside the folder it is relative to: not absolute, no `..` leading out once normalised, no control character. */
export function isInsideFolder(path: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are refused
  if (path.trim() === '' || /[\u0000-\u001f]/.test(path)) return false;
  const slashed = path.replace(/\\/g, '/');
  if (posix.isAbsolute(slashed) || /^[a-zA-Z]:/.test(slashed) || slashed.startsWith('~')) return false;
  const normal = posix.normalize(slashed);
  return normal !== '..' && !normal.startsWith('../');
}

const VALIDATED_THRESHOLD = 0.8;
const INVALIDATED_THRESHOLD = 0.2;

export const configSchema = z.looseObject({
  /** Display name of the company that runs the workspace. */
  company: z.string().optional(),
  confidence: z
    .looseObject({
      /** `w` in the SPEC confidence formula: how many results the prior is worth. */
      prior_weight: z.number().positive().default(2),
      validated_threshold: probabilitySchema.default(VALIDATED_THRESHOLD),
      invalidated_threshold: probabilitySchema.default(INVALIDATED_THRESHOLD),
      min_results: z.number().int().positive().default(3),
    })
    // Swapped, or one moved past the other: an assumption between them would be both
    // validated and invalidated, and the status shown whichever is asked first.
    .superRefine((confidence, ctx) => {
      const { validated_threshold: validated, invalidated_threshold: invalidated } = confidence;
      if (validated > invalidated) return;
      // Said at the one moved from its default: the other may not be written at all.
      if (validated === VALIDATED_THRESHOLD && invalidated !== INVALIDATED_THRESHOLD) {
        ctx.addIssue({ code: 'custom', message: `expected a number below validated_threshold (${validated})`, path: ['invalidated_threshold'], input: invalidated });
      } else {
        ctx.addIssue({ code: 'custom', message: `expected a number above invalidated_threshold (${invalidated})`, path: ['validated_threshold'], input: validated });
      }
    })
    .prefault({}),
  pipeline: z
    .looseObject({
      stages: z
        .array(pipelineStageSchema)
        .min(1)
        // A stage named twice (a line copied and not renamed): the weighted pipeline took the
        // last one's probability and the report listed it twice, with nothing said.
        .superRefine((stages, ctx) => {
          const first = new Map<string, number>();
          stages.forEach((stage, i) => {
            const earlier = first.get(stage.name);
            if (earlier === undefined) first.set(stage.name, i);
            else ctx.addIssue({ code: 'custom', message: `expected each stage once: \`${stage.name}\` is pipeline.stages[${earlier}] already`, path: [i, 'name'], input: stage.name });
          });
        })
        .default(() => DEFAULT_PIPELINE_STAGES.map((s) => ({ ...s }))),
    })
    .prefault({}),
  git: z
    .looseObject({
      commit: z.boolean().default(true),
      author: z.looseObject({ name: z.string().min(1), email: z.string().min(3) }).optional(),
    })
    .prefault({}),
  /**
   * Campaign A/B tests (docs/experiments.md): a winner needs p < alpha and at least
   * `min_sample` sends per variant; `power` sizes the sample still needed.
   */
  experiments: z
    .looseObject({
      min_sample: z.number().int().positive().default(100),
      alpha: z.number().gt(0).lt(1).default(0.05),
      power: z.number().gt(0).lt(1).default(0.8),
    })
    .prefault({}),
  /**
   * Where same-named files override the built-in templates, relative to the workspace root.
   * Inside it only: a cloned workspace's config must not make `deal new` read (and write
   * into the workspace) whatever file of the machine it names, as no other path may.
   */
  templates_dir: z.string().refine(isInsideFolder, TEMPLATES_DIR_EXPECTED).default('.threadwork/templates'),
  /** The Monte Carlo goal forecast (docs/forecast.md). */
  forecast: z
    .looseObject({
      /** Monte Carlo draws per goal: 10,000 puts a probability within ±0.02 (4 standard errors at p = 0.5). */
      draws: z.number().int().min(1).max(1_000_000).default(10_000),
      /** The mulberry32 seed: the same sources, date and seed give the same numbers. */
      seed: z.number().int().min(0).max(4_294_967_295).default(1),
      /** How many closed deals the configured stage probability is worth (the Beta prior's strength). */
      prior_strength: z.number().positive().default(10),
      /** Mean cycle in days (creation to close) assumed before any deal has closed. */
      cycle_days: z.number().positive().default(90),
      /** How many closed deals that assumed cycle is worth against the observed cycles. */
      cycle_prior_strength: z.number().positive().default(3),
    })
    .prefault({}),
  /** The win/loss report (docs/outreach.md "Win/loss"). */
  winloss: z
    .looseObject({
      /**
       * Smallest group (closed deals) the report's patterns keep: 3 is DEFAULT_MIN_DEALS of
       * src/outreach/winloss.ts. Read through a cast before, unvalidated: `min_deals: "two"`
       * hid every pattern without a word; a wrong value is now a schema error at its line.
       */
      min_deals: z.number().int().positive().default(3),
    })
    .prefault({}),
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

/** A key a section of the config does not have, with the keys it does: what the key was likely meant to be. */
export interface UnknownConfigKey {
  path: string[];
  known: string[];
}

/**
 * Keys the config's own sections do not have (`autonomy.daily_caps.linkedn`,
 * `forecast.drawz`): the schema is loose, so such a key was ignored without a word, and the
 * setting meant stayed at its default. The top level is the workspace's own to extend
 * (`company` and any key of yours); below it, every key of a section threadwork defines
 * is one it reads. Lists (`pipeline.stages`) are not walked: their items are data.
 */
export function unknownConfigKeys(raw: unknown, schema: z.ZodType = configSchema, path: string[] = []): UnknownConfigKey[] {
  const shape = objectShape(schema);
  if (!shape || !isPlainObject(raw)) return [];
  const known = Object.keys(shape);
  return Object.entries(raw).flatMap(([key, value]) => {
    if (!Object.hasOwn(shape, key)) return path.length === 0 ? [] : [{ path: [...path, key], known }];
    return unknownConfigKeys(value, shape[key]!, [...path, key]);
  });
}

/** The keys of an object schema under its optional, default and prefault wrappers; undefined for any other schema. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault) inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
