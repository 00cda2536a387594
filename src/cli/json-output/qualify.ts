import * as z from 'zod';
import { QUALIFICATION_FRAMEWORKS } from '../../schema/stages.js';
import { diagnosticOutput, servedOutput } from './common.js';

/** `threadwork qualify <deal> --json` (and the MCP tool `qualify_deal`): one deal's ICP fit and qualification. */
const sourceOutput = z
  .object({ path: z.string(), line: z.number().int().min(1), column: z.number().int().min(1) })
  .nullable()
  .describe('where the value is written (the key in the stage file); null when it is not written');

const componentOutput = z.object({ value: z.number(), status: z.enum(['computed', 'defaulted', 'missing']), detail: z.string(), weight: z.number() });

export const qualifyOutput = z.object({
  deal: z.string().describe('the deal folder'),
  id: z.string(),
  company: z.string().nullable(),
  segment: z.string().nullable(),
  pipelineStage: z.string().nullable().describe('the pipeline stage sync derives; the qualification is judged by its threshold'),
  icp: z
    .object({
      path: z.string().describe("the deal's 1-input.md, which the ICP score reads"),
      score: z.number().min(0).max(1).describe("as meta.json's icp_match_score"),
      band: z.enum(['strong', 'good', 'weak', 'poor']),
      thresholds: z.object({ strong: z.number(), good: z.number(), weak: z.number() }),
      components: z.object({ fit: componentOutput, intent: componentOutput, reachability: componentOutput, freshness: componentOutput }),
      factors: z.array(
        z.object({
          component: z.enum(['fit', 'intent', 'reachability', 'freshness']),
          name: z.string(),
          status: z.enum(['computed', 'defaulted', 'missing', 'not-applicable']),
          value: z.number().nullable(),
          detail: z.string(),
          source: sourceOutput,
        }),
      ),
      missing: z.array(z.string()).describe('factor paths without data: fit.revenue, reachability.email_status, …'),
      disqualifiers: z.object({
        matched: z.array(z.object({ disqualifier: z.string(), field: z.string(), value: z.string(), detail: z.string() })).describe('the ICP disqualifiers the company matched: its score is capped at 0.30'),
        unchecked: z.array(z.object({ disqualifier: z.string(), field: z.string() })),
      }),
      uncapped: z.number().describe('the score before a disqualifier capped it'),
    })
    .nullable(),
  icpMissing: z.string().nullable().describe('why there is no ICP score; null when there is one'),
  qualification: z
    .object({
      path: z.string().describe("the deal's 4-decision.md, whose criteria are scored"),
      framework: z.enum(QUALIFICATION_FRAMEWORKS),
      decision: z.string().nullable().describe('the decision 4-decision.md records, as written'),
      total: z.number().min(0).max(1).describe("as meta.json's qualification_score"),
      stage: z.object({ stage: z.string(), level: z.string(), threshold: z.number(), known: z.boolean() }),
      recommendation: z.enum(['QUALIFY', 'DEFER', 'REJECT']),
      reason: z.string(),
      criteria: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          writtenAs: z.string().nullable().describe('the key as written in criteria:, null when the criterion is not written'),
          value: z.unknown(),
          score: z.number().min(0).max(1),
          status: z.enum(['met', 'weak', 'unknown', 'missing']).describe('met: answered and 0.5 or more; weak: answered under 0.5; unknown: tbd, unsure…; missing: not written'),
          reading: z.string().describe('what the value was read as: confirmed, date, amount, free text, …'),
          source: sourceOutput,
          ask: z.string().nullable().describe('what to ask the buyer, for a criterion not met'),
        }),
      ),
      missing: z.array(z.string()),
      unknown: z.array(z.string()),
      weak: z.array(z.string()),
      unrecognised: z.array(z.string()).describe('keys of criteria: that name no criterion of the framework: not scored'),
    })
    .nullable(),
  qualificationMissing: z.string().nullable().describe('why there is no qualification (no Stage 4 yet, no framework); null when there is one'),
  askNext: z.array(z.object({ criterion: z.string(), question: z.string() })).describe('one question per criterion missing, unknown or weak, in the framework\'s order'),
  held: z.array(diagnosticOutput).describe("sync's derived-held warnings: a file in error whose last valid version the scores read"),
  served: servedOutput,
});
