import * as z from 'zod';
import { STAGES, STAGE_FILES, type StageName } from './names.js';
import {
  pipelineAmountSchema,
  amountAsWrittenSchema,
  amountSchema,
  assumptionIdSchema,
  goalIdSchema,
  isoDateSchema,
  optionalText,
  probabilitySchema,
  revenueSchema,
  slugSchema,
  threadSourceSchema,
} from './common.js';
import { CONTACT_FIELD, resolveSequence, type Channel, type SequenceInput } from './sequence.js';
import { EMAIL_ADDRESS } from './email.js';
import { isHeadCountBand } from './head-count.js';

/**
 * Stage files are created from templates with empty values, so every field a person
 * fills in later is nullable here: `check` validates types; `advance` separately
 * checks that the fields a stage needs are filled (see ../threads/requirements.ts).
 */

export { STAGES, STAGE_FILES, type StageName };

/** A contact's email in Stage 1; `deal new --email` is judged by it before anything is rendered. */
// Said whole, for any value: the empty alternative alone would be said as nothing ("expected an email address or ").
const CONTACT_EMAIL = 'expected an email address such as name@company.com, or nothing';
export const contactEmailSchema = z.union([z.email({ pattern: EMAIL_ADDRESS, error: CONTACT_EMAIL }), z.literal('')], { error: CONTACT_EMAIL }).nullish();

const contactSchema = z.looseObject({
  name: optionalText,
  title: optionalText,
  email: contactEmailSchema,
  linkedin: optionalText,
  phone: optionalText,
});

const companySignalSchema = z.union([
  z.string(),
  z.looseObject({
    type: z.string().min(1),
    detail: optionalText,
    date: isoDateSchema.nullish(),
  }),
]);

const EMPLOYEES = 'expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+';

/**
 * A company's head count: a whole number, or a band as text (`201-500`, `10,001+`), as the
 * account import reads one and LinkedIn and CRMs export company size — refused here, a deal
 * copied from them failed check while the same band scored in `threadwork score`. A band is
 * scored by its overlap with the ICP's (docs/scoring.md). Other text (`1,800`, `many`) is
 * refused as a number's type, so the message names the number to write where there is one.
 */
const employeesSchema = z.union(
  [
    z.number({ error: EMPLOYEES }).int(EMPLOYEES).nonnegative(EMPLOYEES),
    z.string().superRefine((text, ctx) => {
      if (!isHeadCountBand(text)) ctx.addIssue({ code: 'invalid_type', expected: 'number', input: text, message: EMPLOYEES });
    }),
  ],
  { error: EMPLOYEES },
);

export const companySchema = z.looseObject({
  name: optionalText,
  domain: optionalText,
  industry: optionalText,
  employees: employeesSchema.nullish(),
  // An amount or a range, read as an `arr_potential` is, or a band with one bound (`> $1B`) as
  // the account import reads it: `lots` is an error at the value, not no revenue.
  revenue: revenueSchema.nullish(),
  geography: optionalText,
  technologies: z.array(z.string()).default([]),
  signals: z.array(companySignalSchema).default([]),
});

const ENGAGEMENT = 'expected a count of 0 or more, such as 3, or a level from 0 to 1 as {level: 0.5}';

/**
 * One engagement of the lead score (docs/scoring.md): a count, or `{level: 0–1}`. Checked
 * here, at its value: read unchecked, `email: many` scored as no engagement, with nothing said.
 */
const engagementPartSchema = z
  .union([z.number().nonnegative(), z.looseObject({ level: probabilitySchema })], { error: ENGAGEMENT })
  .nullish();

const engagementSchema = z.looseObject(
  { email: engagementPartSchema, website: engagementPartSchema, content: engagementPartSchema, social: engagementPartSchema },
  { error: 'expected the engagement counts as `key: value` pairs: email, website, content, social' },
);

export const dealInputSchema = z.looseObject({
  source: threadSourceSchema.nullish(),
  date: isoDateSchema.nullish(),
  signal: optionalText,
  contact: contactSchema.prefault({}),
  company: companySchema.prefault({}),
  engagement: engagementSchema.nullish().describe('optional, for the lead score (docs/scoring.md): email, website, content, social, each a count of 0 or more or {level: 0–1}'),
});

export const hypothesisSchema = z.looseObject({
  tests: z.array(assumptionIdSchema).default([]),
  initial_confidence: probabilitySchema.nullish(),
  statement: optionalText,
});

export const dealImplicationSchema = z.looseObject({
  arr_potential: pipelineAmountSchema.nullish(),
  strategic_value: z.enum(['high', 'medium', 'low']).nullish(),
  resource_cost_hours: z.number().nonnegative().nullish(),
});

export const QUALIFICATION_FRAMEWORKS = ['BANT', 'MEDDIC', 'MEDDPICC', 'SPIN', 'SANDLER', 'CHALLENGER'] as const;

export const dealDecisionSchema = z.looseObject({
  decision: z.enum(['QUALIFY', 'DEFER', 'REJECT']).nullish(),
  framework: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(QUALIFICATION_FRAMEWORKS))
    .nullish(),
  criteria: z.record(z.string(), z.unknown(), { error: 'expected each criterion with its value, `budget: 36000` on its own line — `key: value` pairs, not a list' }).nullish(),
  alternatives: z.array(z.string()).default([]),
  reasoning: optionalText,
  revisit: isoDateSchema.nullish(),
});

export const DEAL_ACTION_TYPES = ['sales:lead-intake', 'sales:qualify', 'sales:demo', 'sales:pilot', 'sales:close'] as const;
export const ACTION_STATUSES = ['pending', 'in_progress', 'completed', 'blocked', 'cancelled'] as const;

export const dealActionSchema = z.looseObject({
  type: z.enum(DEAL_ACTION_TYPES),
  status: z.enum(ACTION_STATUSES),
  due: isoDateSchema.nullish(),
  completed: isoDateSchema.nullish(),
  result: optionalText,
  owner: optionalText,
});

export const dealActionsSchema = z.looseObject({
  actions: z.array(dealActionSchema).default([]),
});

export const validationSchema = z.looseObject({
  assumption: assumptionIdSchema,
  result: z.enum(['validated', 'partial', 'invalidated']),
  evidence: z.string().min(1, 'expected the evidence behind this result'),
});

export const contentOpportunitySchema = z.looseObject({
  topic: z.string().min(1),
  priority: z.enum(['high', 'medium', 'low']).default('medium'),
  slug: slugSchema.optional(),
});

const CSAT = 'expected a score from 0 to 10';

export const dealLearningSchema = z.looseObject({
  outcome: z.enum(['closed-won', 'closed-lost', 'stalled']).nullish(),
  closed: isoDateSchema.nullish(),
  arr: amountAsWrittenSchema('which amount did the deal close at?').nullish(),
  margin: probabilitySchema.nullish(),
  csat: z.number({ error: CSAT }).min(0, CSAT).max(10, CSAT).nullish(),
  loss_reason: optionalText,
  validations: z.array(validationSchema).default([]),
  content_opportunity: contentOpportunitySchema.nullish(),
});

// Campaign threads: same six files, different front matter.

export const campaignInputSchema = z.looseObject({
  goal: optionalText,
  goal_id: goalIdSchema.nullish(),
  segment: slugSchema.nullish(),
  date: isoDateSchema.nullish(),
  target_list: z
    .union([
      z.string(),
      z.looseObject({ source: optionalText, count: z.number().int().nonnegative().nullish(), criteria: optionalText }),
    ])
    .nullish(),
});

export const campaignImplicationSchema = z.looseObject({
  expected_meetings: z.number().int().nonnegative().nullish(),
  // Money, as a deal's figures are: any text was taken (`lots`), where arr_potential refuses it.
  expected_pipeline: amountSchema('which amount is expected?').nullish(),
  resource_cost_hours: z.number().nonnegative().nullish(),
  strategic_value: z.enum(['high', 'medium', 'low']).nullish(),
});

export const campaignDecisionSchema = z.looseObject({
  decision: z.enum(['LAUNCH', 'DEFER', 'REJECT']).nullish(),
  alternatives: z.array(z.string()).default([]),
  reasoning: optionalText,
  // When to decide a DEFER again (`due` lists it then), checked as a deal's is: `next quarter` is no day to list it on.
  revisit: isoDateSchema.nullish(),
});

export const CHANNELS = ['email', 'call', 'linkedin'] as const satisfies readonly Channel[];
export const PROSPECT_STATUSES = [
  'queued',
  'active',
  'replied',
  'meeting',
  'unsubscribed',
  'bounced',
  'completed',
  // Asked to be contacted later ("not now, next quarter"): no touch until `revisit`.
  'nurture',
] as const;

/**
 * The statuses that take a prospect out of the sequence: they answered, or can't or mustn't
 * be reached. No touch is listed, drafted or approved for them (outreach/contact-stop.ts),
 * so they need no contact detail for it (requireContactDetails).
 */
export const SEQUENCE_STOPPED_STATUSES: ReadonlySet<string> = new Set<(typeof PROSPECT_STATUSES)[number]>(['replied', 'meeting', 'unsubscribed', 'bounced', 'completed', 'nurture']);

export const touchSchema = z.looseObject({
  day: z.number().int().nonnegative(),
  channel: z.enum(CHANNELS),
  template: z.string().min(1),
});

const TOUCHES_DONE = 'expected the number of touches already sent, a whole number from 0';

export const prospectSchema = z.looseObject({
  name: z.string().min(1),
  /** The contact detail of each channel (CONTACT_FIELD): required only where a touch of the sequence goes by it (campaignActionsSchema). */
  email: z.email({ pattern: EMAIL_ADDRESS, error: 'expected an email address' }).nullish(),
  linkedin: optionalText.describe('the LinkedIn profile URL, for LinkedIn touches'),
  phone: optionalText.describe('the phone number, for call touches'),
  company: z.string().min(1),
  title: optionalText,
  status: z.enum(PROSPECT_STATUSES).default('queued'),
  started: isoDateSchema.nullish(),
  /**
   * How many touches of the sequence were sent. A value that is no count ("two", -1) is an
   * error rather than 0: read as 0 it made `due` list touch 1 again and `campaign draft`
   * draft it, a second first email to someone already written to.
   */
  touches_done: z.number({ error: TOUCHES_DONE }).int(TOUCHES_DONE).nonnegative(TOUCHES_DONE).nullish(),
  /** When a `nurture` prospect is to be contacted again. */
  revisit: isoDateSchema.nullish(),
  /** An out-of-office reply's return date: the sequence waits until then. */
  paused_until: isoDateSchema.nullish(),
  /**
   * The company's facts the ICP gate reads, held as a deal's Stage 1 holds them: read
   * loosely, `employees: 1,800` (text) and `data_date: last week` scored as missing, and a
   * draft could fail the gate with nothing said about the value.
   */
  employees: companySchema.shape.employees,
  revenue: companySchema.shape.revenue,
  data_date: isoDateSchema.nullish(),
  // Free-form (a signal with only a `detail` is read), but its date is a date: unchecked,
  // `0026-03-01` or `last week` was dropped from the deal a reply opens, with nothing said.
  signals: z.array(z.union([z.string(), z.looseObject({ date: isoDateSchema.nullish() })])).nullish(),
});

/** The rates an experiment can compare (src/outreach/results.ts defines them). */
export const EXPERIMENT_METRICS = ['open_rate', 'click_rate', 'reply_rate', 'meeting_rate'] as const;

/**
 * One variant of a touch: what differs from the touch's template (any of subject,
 * opening, call to action, send day) and the share of prospects it gets. Splits of an
 * experiment sum to 1 (checked by `experiment-design`).
 */
export const experimentVariantSchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'expected a variant id such as A, B or short-subject'),
  split: z.number().gt(0, 'expected a share of prospects above 0').max(1, 'expected a share of prospects at most 1'),
  subject: optionalText,
  opening: optionalText,
  call_to_action: optionalText,
  day: z.number().int().nonnegative().nullish(),
});

/** An A/B (or A/B/n) test of one touch of the sequence (docs/experiments.md). */
export const experimentSchema = z.looseObject({
  name: slugSchema,
  /** 1-based, in the sequence's order (by day). */
  touch: z.number().int().positive(),
  metric: z.enum(EXPERIMENT_METRICS).default('reply_rate'),
  /** The assumption a winner speaks to, and the variant whose win supports it. */
  assumption: assumptionIdSchema.nullish(),
  supports: z.string().nullish(),
  /** Opened as a content thread once a winner is declared. */
  content_opportunity: contentOpportunitySchema.nullish(),
  variants: z.array(experimentVariantSchema).min(2, 'expected at least two variants'),
});

export const campaignActionsSchema = z.looseObject({
  sequence: z
    .looseObject({
      preset: optionalText,
      start: isoDateSchema.nullish(),
      touches: z.array(touchSchema).default([]),
    })
    .nullish(),
  prospects: z.array(prospectSchema).default([]),
  /** The mailbox or account the campaign's touches go out from, for the daily caps (docs/outreach.md). */
  sender: optionalText.describe('the mailbox or account the touches go out from, for the daily caps (default: one shared sender)'),
  experiments: z.array(experimentSchema).default([]).describe('optional A/B tests, one touch each: variants (subject, opening, call_to_action, day) and their split (docs/experiments.md)'),
}).superRefine(requireContactDetails);

/**
 * Each prospect has the contact detail every channel of the sequence goes by: an email for
 * an email touch, `phone` for a call, `linkedin` for a LinkedIn message — and nothing more
 * (a call-and-LinkedIn sequence needs no email). An error at the prospect's missing key,
 * naming the first touch that needs it: a touch to no address would be listed and drafted
 * for nobody. A prospect with an email is not asked for a phone or a profile: every prospect
 * had one until they became optional, and the `follow-up` preset's call and LinkedIn
 * touches went to them without (a person looks the number up) — a workspace that was valid
 * stays valid. A prospect whose status takes them out of the sequence (a `nurture` kept for
 * a revisit, an unsubscribe, a bounce) needs nothing: no touch goes to them, and a salesperson
 * keeps such a person on the list without an address as a matter of course — asked for
 * one, they deleted the row and lost the revisit. Set back to `active`, they need it again.
 */
function requireContactDetails(actions: { sequence?: SequenceInput | null; prospects: readonly Record<string, unknown>[] }, ctx: z.RefinementCtx): void {
  const touches = resolveSequence(actions.sequence);
  const needs = new Map<string, { touch: number; day: number; channel: Channel }>();
  touches.forEach((t, i) => {
    const field = CONTACT_FIELD[t.channel];
    if (!needs.has(field)) needs.set(field, { touch: i + 1, day: t.day, channel: t.channel });
  });
  actions.prospects.forEach((p, i) => {
    if (typeof p.status === 'string' && SEQUENCE_STOPPED_STATUSES.has(p.status)) return;
    for (const [field, first] of needs) {
      const value = p[field];
      if (typeof value === 'string' && value.trim() !== '') continue;
      if (field !== 'email' && typeof p.email === 'string' && p.email.trim() !== '') continue;
      const what = field === 'email' ? 'an email address' : field === 'phone' ? 'a phone number' : 'a LinkedIn profile URL';
      ctx.addIssue({ code: 'custom', path: ['prospects', i, field], input: value, message: `expected ${what}: touch ${first.touch} of the sequence (day ${first.day}) is a${first.channel === 'email' ? 'n' : ''} ${first.channel === 'call' ? 'call' : first.channel === 'linkedin' ? 'LinkedIn message' : 'email'}; add \`${field}:\` to the prospect, or, to keep them without one, a \`status:\` that takes them out of the sequence (\`nurture\` with a \`revisit:\` date, \`completed\`)` });
    }
  });
}

const count = z.number().int().nonnegative();

/**
 * One variant's counts for the experiment's touch; the same fields and rate definitions as
 * the totals. No count defaults to 0: a count not written is not recorded (the analysis
 * gives it no rate, and reads sends from deliveries), and `opened` left empty is not
 * tracked, as in the totals. Defaulted, a campaign without open tracking compared open
 * rates of 0.0% against 0.0%.
 */
export const variantResultsSchema = z.looseObject({
  sent: count.optional(),
  delivered: count.nullish(),
  opened: count.nullish(),
  clicked: count.nullish(),
  replied: count.optional(),
  bounced: count.optional(),
  unsubscribed: count.optional(),
  meetings: count.optional(),
});

export const campaignResultsSchema = z.looseObject({
  sent: z.number().int().nonnegative().default(0),
  delivered: z.number().int().nonnegative().nullish(),
  // Empty when the channel does not track opens (outreach/results.ts opensTracked).
  opened: z.number().int().nonnegative().nullish(),
  // Empty when the channel does not track clicks (outreach/results.ts clicksTracked).
  clicked: z.number().int().nonnegative().nullish(),
  replied: z.number().int().nonnegative().default(0),
  bounced: z.number().int().nonnegative().default(0),
  unsubscribed: z.number().int().nonnegative().default(0),
  spam_complaints: z.number().int().nonnegative().default(0),
  meetings: z.number().int().nonnegative().default(0),
  deals: z.number().int().nonnegative().default(0),
  /** Per experiment (by name), per variant (by id): the counts of the tested touch. */
  experiments: z.record(z.string(), z.record(z.string(), variantResultsSchema)).nullish(),
});

export const campaignLearningSchema = z.looseObject({
  closed: isoDateSchema.nullish(),
  results: campaignResultsSchema.nullish(),
  validations: z.array(validationSchema).default([]),
  content_opportunity: contentOpportunitySchema.nullish(),
});

// Marketing threads, opened from content opportunities.

export const marketingInputSchema = z.looseObject({
  topic: optionalText,
  priority: z.enum(['high', 'medium', 'low']).nullish(),
  sources: z.array(z.string()).default([]),
  date: isoDateSchema.nullish(),
});

/** Stages whose front matter is free-form for a thread type. */
const looseStageSchema = z.looseObject({});

/** A content thread's decision is free-form, but a DEFER's `revisit` is the day `due` lists it on: a date, or it is never listed. */
export const marketingDecisionSchema = z.looseObject({
  revisit: isoDateSchema.nullish(),
});

/** A content thread's learning is free-form, but its validations count towards assumption confidence. */
export const marketingLearningSchema = z.looseObject({
  published: isoDateSchema.nullish(),
  validations: z.array(validationSchema).default([]),
});

export const stageSchemas = {
  'sales-deal': [
    dealInputSchema,
    hypothesisSchema,
    dealImplicationSchema,
    dealDecisionSchema,
    dealActionsSchema,
    dealLearningSchema,
  ],
  'sales-campaign': [
    campaignInputSchema,
    hypothesisSchema,
    campaignImplicationSchema,
    campaignDecisionSchema,
    campaignActionsSchema,
    campaignLearningSchema,
  ],
  marketing: [marketingInputSchema, hypothesisSchema, looseStageSchema, marketingDecisionSchema, looseStageSchema, marketingLearningSchema],
} as const satisfies Record<string, readonly z.ZodType[]>;

/** Stage numbers, 1 (`1-input.md`) to 6 (`6-learning.md`). */
export type StageNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** A stage file's front matter, by thread type and stage number, as its schema outputs it. */
export type StageValue<T extends keyof typeof stageSchemas, N extends StageNumber> = z.output<(typeof stageSchemas)[T][[never, 0, 1, 2, 3, 4, 5][N]]>;

export type DealInput = z.output<typeof dealInputSchema>;
export type DealLearning = z.output<typeof dealLearningSchema>;
export type Validation = z.output<typeof validationSchema>;

/** `threads/sales/campaigns/{id}/drafts/*.md`, written by `threadwork campaign draft`. Never sent by threadwork. */
export const draftSchema = z.looseObject({
  status: z.enum(['draft', 'approved', 'sent', 'skipped']).default('draft'),
  // Who it is for, as the prospect is listed: an email, else the LinkedIn profile, else the phone (outreach/prospect-id.ts).
  prospect: z.looseObject({ name: z.string(), email: z.string().nullish(), linkedin: z.string().nullish(), phone: z.string().nullish(), company: z.string() }),
  touch: z.number().int().positive(),
  channel: z.enum(CHANNELS),
  subject: z.string().nullish(),
  signals: z.array(z.string()).default([]),
  /** The experiment on this touch and the variant the prospect was assigned to. */
  experiment: z.string().nullish(),
  variant: z.string().nullish(),
  /** The mailbox or account it goes out from, for the daily caps (else the prospect's or the campaign's `sender`). */
  sender: optionalText.describe("the mailbox or account it goes out from (else the prospect's or the campaign's sender)"),
  /** The day a person plans to send it, for the daily caps (else the day the touch is due). */
  send_on: isoDateSchema.nullish().describe('the day it is to be sent, for the daily caps (else the day the touch is due)'),
  /** The day it was approved, written by `campaign approve`: a draft marked sent without one was never approved (`sent-without-approval`). */
  approved_on: isoDateSchema.nullish().describe('the day it was approved (campaign approve writes it); a draft marked sent without one went out unapproved'),
  /** A digest of the subject and body approved, written by `campaign approve`: an approved draft edited since is `approved-then-edited`. */
  approved_text: z.string().nullish().describe('a digest of the subject and body as approved (campaign approve writes it): an approved draft whose text changed since must be approved again'),
});

/** A draft's front matter, plus its Markdown body (parse-file.ts adds it). */
export type DraftValue = z.output<typeof draftSchema> & { body: string };
