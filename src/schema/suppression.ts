import * as z from 'zod';
import { isoDateSchema } from './common.js';
import { EMAIL_ADDRESS } from './email.js';

/** One person no campaign may contact: by their address, or, for a prospect reached only by call or LinkedIn, their `linkedin` profile or `phone`. */
export const suppressionEntrySchema = z.looseObject({
  email: z.email({ pattern: EMAIL_ADDRESS, error: 'expected an email address such as ada@example.com' }).optional(),
  linkedin: z.string().min(1).optional(),
  phone: z.string().min(1).optional(),
  reason: z.string().min(1, 'expected a reason such as unsubscribed, bounced or do-not-contact'),
  date: isoDateSchema,
  campaign: z.string().min(1).optional(),
}).superRefine((entry, ctx) => {
  // An entry that names nobody protects nobody: read as a list, it would look like one more unsubscribe honoured.
  if (entry.email === undefined && entry.linkedin === undefined && entry.phone === undefined) ctx.addIssue({ code: 'custom', path: ['email'], input: undefined, message: 'expected an email address such as ada@example.com (or, for someone without one, `linkedin` or `phone`)' });
});

/**
 * `threads/sales/campaigns/suppression.yaml`: the workspace's do-not-contact list.
 * `suppressed` is required (an empty file or a misspelt key must not read as "nobody
 * unsubscribed"): a do-not-contact list never fails open.
 */
export const suppressionSchema = z.looseObject({
  suppressed: z.array(suppressionEntrySchema, { error: 'expected a list of entries `- {email, reason, date}` (write `suppressed: []` for an empty list)' }),
});

export type SuppressionEntry = z.output<typeof suppressionEntrySchema>;
export type Suppression = z.output<typeof suppressionSchema>;
