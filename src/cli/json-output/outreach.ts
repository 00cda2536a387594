import { z } from 'zod';
import { commitOutput, createdThreadOutput, diagnosticOutput, nullableNumber } from './common.js';

const grade = z.enum(['A', 'B', 'C', 'D', 'F']);

export const campaignDraftOutput = z.object({
  campaign: z.string(),
  drafts: z.array(
    z.object({
      path: z.string(),
      prospect: z.string(),
      touch: z.number().int().min(1),
      action: z.enum(['created', 'kept', 'overwritten', 'already-sent']).describe('already-sent: the touch was sent (its draft has status sent, or touches_done counts it); nothing written'),
      grade,
      ready: z.boolean().describe('no critical quality issue'),
      issues: z.array(z.object({ code: z.string(), severity: z.enum(['critical', 'warning']), message: z.string() })),
    }),
  ),
});

export const campaignReplyOutput = z.object({
  campaign: z.string(),
  email: z.string(),
  classification: z.object({ category: z.enum(['positive', 'negative', 'unsubscribe', 'out-of-office', 'neutral']), confidence: z.number().min(0).max(1), matched: z.array(z.string()) }),
  status: z.object({ before: z.string(), after: z.string() }),
  recorded: z.string(),
  deal: z.union([createdThreadOutput, z.object({ path: z.string(), existing: z.literal(true) })]).nullable(),
  suppressed: z.boolean().describe('this reply put the address on the suppression list'),
  doNotContact: z.boolean().describe('the prospect had unsubscribed or was on the suppression list: status kept unsubscribed, no deal opened'),
  written: z.array(z.string()),
});

export const dueOutput = z.object({
  date: z.string(),
  due: z.array(
    z.object({
      campaign: z.string(),
      prospect: z.object({ name: z.string(), email: z.string(), company: z.string() }),
      touch: z.number().int().min(1),
      day: z.number().int().nonnegative(),
      channel: z.enum(['email', 'call', 'linkedin']),
      template: z.string(),
      due: z.string(),
      overdue: z.boolean(),
    }),
  ),
});

export const scoreOutput = z.object({
  segment: z.string(),
  icpFile: z.boolean().describe('whether the generated ICP file was used (else the segment filters)'),
  asOf: z.string(),
  ranked: z.array(
    z.object({
      rank: z.number().int().min(1),
      row: z.number().int().min(1),
      name: z.string(),
      domain: z.string().nullable(),
      score: z.number().min(0).max(1),
      band: z.enum(['strong', 'good', 'weak', 'poor']),
      components: z.record(z.string(), nullableNumber),
      missing: z.array(z.string()),
      factors: z.array(z.object({ component: z.string(), name: z.string(), status: z.string() })),
    }),
  ),
  rejected: z.array(z.object({ row: z.number().int(), error: z.string() })),
});

export const strategyOutput = z.object({
  root: z.string(),
  segments: z.array(z.object({ id: z.string(), missing: z.array(z.object({ section: z.string(), key: z.string(), message: z.string() })) })),
  files: z.array(z.object({ path: z.string(), action: z.enum(['created', 'updated', 'unchanged', 'kept-edited', 'overwritten', 'skipped-missing']), stale: z.boolean() })),
  written: z.array(z.string()),
  diagnostics: z.array(diagnosticOutput),
  commit: commitOutput,
});
