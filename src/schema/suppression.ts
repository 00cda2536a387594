import * as z from 'zod';
import { isoDateSchema } from './common.js';

/** One address no campaign may contact. */
export const suppressionEntrySchema = z.looseObject({
  email: z.email('expected an email address such as ada@example.com'),
  reason: z.string().min(1, 'expected a reason such as unsubscribed, bounced or do-not-contact'),
  date: isoDateSchema,
  campaign: z.string().min(1).optional(),
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
