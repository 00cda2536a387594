import * as z from 'zod';
import { isoDateSchema } from './common.js';

/**
 * `threads/sales/campaigns/{id}/replies/*.md`, written by `threadwork campaign reply`: the
 * reply's text, what it was read as, and when it came. Its dates are checked as every date
 * of the workspace is: a record written before `campaign reply --date` was checked (`date:
 * yesterday`) is an error at its line, not a reply of no known day. The classification's
 * other keys are kept as written (loose): they describe, nothing is derived from them.
 */
export const replySchema = z.looseObject({
  // Whose reply: the prospect's email, or for a prospect without one their `linkedin` or `phone` (outreach/prospect-id.ts).
  email: z.string().optional(),
  date: isoDateSchema,
  /** nurture: when to contact the person again. */
  revisit: isoDateSchema.nullish(),
  /** out-of-office: the day the person is back. */
  returns: isoDateSchema.nullish(),
});
