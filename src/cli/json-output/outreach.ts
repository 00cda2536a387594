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

const prospectOutput = z.object({ name: z.string(), email: z.string(), company: z.string() });
const channelOutput = z.enum(['email', 'call', 'linkedin']);

export const dueOutput = z.object({
  date: z.string(),
  due: z.array(
    z.object({
      campaign: z.string(),
      prospect: prospectOutput,
      touch: z.number().int().min(1),
      day: z.number().int().nonnegative(),
      channel: channelOutput,
      template: z.string(),
      due: z.string(),
      overdue: z.boolean(),
      sender: z.string().describe("the prospect's sender, else the campaign's Stage 5 sender, else \"(default sender)\""),
      sendOn: z.string().describe('the day to send it: the listed day, or a later one when the sender\'s daily cap for the channel is full'),
      spread: z.boolean().describe('sendOn is later than the listed day because of the daily cap'),
    }),
  ),
  followUps: z
    .array(
      z.object({
        kind: z.enum(['defer-revisit', 'nurture-revisit', 'out-of-office-return']),
        date: z.string(),
        overdue: z.boolean(),
        thread: z.string(),
        prospect: prospectOutput.nullable(),
        note: z.string(),
      }),
    )
    .describe("DEFER decisions' revisit dates, nurture prospects' revisits and out-of-office returns on or before the date"),
  spread: z
    .array(z.object({ sender: z.string(), channel: channelOutput, cap: z.number().int(), count: z.number().int(), days: z.array(z.object({ date: z.string(), touches: z.number().int() })) }))
    .describe('per sender and channel over the daily cap: how the touches were spread over the following days'),
});

export const campaignApproveOutput = z.object({
  drafts: z.array(z.object({ path: z.string(), action: z.enum(['approved', 'already-approved']) })),
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
