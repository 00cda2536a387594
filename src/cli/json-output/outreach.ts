import * as z from 'zod';
import { commitOutput, createdThreadOutput, diagnosticOutput, nullableNumber, servedOutput, syncResultShape } from './common.js';

const grade = z.enum(['A', 'B', 'C', 'D', 'F']);

/** The sync a campaign write ran, as `deal new` and `advance` give it. */
const WRITE_SYNC = 'the sync the write ran: the derived files it moved (written), the sources its commit carried (triggers: the drafts, then any uncommitted edit the derived values follow from) and what it held (diagnostics)';

export const campaignDraftOutput = z.object({
  campaign: z.string(),
  drafts: z.array(
    z.object({
      path: z.string(),
      prospect: z.string(),
      touch: z.number().int().min(1),
      action: z.enum(['created', 'kept', 'kept-skipped', 'overwritten', 'already-sent']).describe('already-sent: the touch was sent (its draft has status sent, or touches_done counts it); nothing written. kept-skipped: its draft has status skipped (a person decided not to send it): kept as it is, even with --force'),
      grade,
      ready: z.boolean().describe('no critical quality issue; a kept draft is graded as it is written now'),
      issues: z.array(z.object({ code: z.string(), severity: z.enum(['critical', 'warning']), message: z.string() })),
      experiment: z.string().nullable().describe('the experiment on this touch (Stage 5 `experiments`), null when the touch is not tested'),
      variant: z.string().nullable().describe('the variant the prospect was assigned to, by a hash of campaign, experiment and email'),
      approvalDropped: z.boolean().describe('true when --force rewrote a draft that was approved: the new text has status draft and needs approving again'),
      regradedFrom: z.string().nullable().describe("kept drafts edited by hand since: the grade their front matter's quality said before this run re-graded it (only that field is rewritten); null otherwise"),
      sentIn: z.enum(['draft', 'committed-draft', 'touches_done']).optional().describe('already-sent only: what says it was sent — its draft on disk (status sent), its draft as committed (deleted since), or the prospect\'s touches_done alone, when no draft file exists and path is the name one would have had'),
    }),
  ),
  skipped: z
    .array(
      z.object({
        prospect: z.string().describe('the prospect\'s email'),
        kind: z.enum(['do-not-contact', 'sequence-stopped']).describe('do-not-contact: suppressed or unsubscribed; sequence-stopped: replied, meeting, bounced, completed or nurture, or the campaign is closed'),
        reason: z.string(),
      }),
    )
    .describe('prospects who got no draft, and why (the prospects `due` skips)'),
  sync: z.object(syncResultShape).nullable().describe(WRITE_SYNC),
  served: servedOutput,
});

export const campaignReplyOutput = z.object({
  campaign: z.string(),
  email: z.string(),
  classification: z.object({
    category: z.enum(['positive', 'negative', 'unsubscribe', 'out-of-office', 'nurture', 'neutral', 'bounce']),
    confidence: z.number().min(0).max(1),
    matched: z.array(z.string()),
    revisit: z.string().nullable().describe('nurture: when to contact the prospect again (from the reply, else 90 days after it)'),
    returns: z.string().nullable().describe('out-of-office: the return date the reply gives'),
    dateFrom: z.string().nullable().describe('the words the date was read from; null when none or the default'),
    reason: z.string().describe('why: the rule, the phrases and where the date came from'),
  }),
  status: z.object({ before: z.string(), after: z.string() }),
  revisit: z.string().nullable().describe("nurture: the prospect's revisit date written to 5-actions.md"),
  pausedUntil: z.string().nullable().describe("out-of-office with a return date: the prospect's paused_until; no touch is due before it"),
  notPaused: z.string().nullable().describe('out-of-office with a return date that paused nothing, and why: every touch of the sequence was sent already (no paused_until written; the return date stays in the reply record)'),
  recorded: z.string(),
  withdrawn: z.array(z.string()).describe("the prospect's approved drafts this reply withdrew (set to `status: skipped`, `approved_on` and `approved_text` removed): every campaign's for an unsubscribe, this campaign's for a reply that stops the sequence"),
  alreadyRecorded: z.boolean().describe('the same reply (prospect, date, text) was recorded before, at `recorded`: nothing was written'),
  deal: z
    .union([createdThreadOutput.extend({ taken: z.string().optional().describe("the folder the company name makes holds another deal: this one was opened under a free folder name"), noGoal: z.string().optional().describe('the campaign names no goal, so the deal counts toward none (while goals/ holds goals): why, and how to link it; said in place of check\'s deal-without-goal warning') }), z.object({ path: z.string(), existing: z.literal(true).describe("this campaign's deal for this contact, opened before") })])
    .nullable(),
  suppressed: z.boolean().describe('this reply put the address on the suppression list'),
  doNotContact: z.boolean().describe('the prospect had unsubscribed or was on the suppression list: status kept unsubscribed, no deal opened'),
  written: z.array(z.string()),
  served: servedOutput,
});

const prospectOutput = z.object({
  name: z.string(),
  email: z.string().nullable().describe('null for a prospect reached only by call or LinkedIn'),
  linkedin: z.string().optional().describe('the LinkedIn profile, when listed'),
  phone: z.string().optional().describe('the phone number, when listed'),
  company: z.string(),
});
const channelOutput = z.enum(['email', 'call', 'linkedin']);

export const dueOutput = z.object({
  date: z.string(),
  served: servedOutput,
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
      sender: z.string().nullable().describe("the prospect's sender, else the campaign's Stage 5 sender; null when neither names one (defaultSender)"),
      defaultSender: z.boolean().describe('no sender is named: the touch goes out from the one shared default sender, capped together with every other such touch'),
      sendOn: z.string().nullable().describe('the day to send it: the listed day, or a later one when the sender\'s daily cap for the channel is full; null when that cap is 0: no day has room for it'),
      spread: z.boolean().describe('the daily cap moved it off the listed day: sendOn is later, or null under a cap of 0'),
      draft: z.string().nullable().describe('the touch\'s draft file, relative to the workspace, where `campaign draft` writes it: what `campaign approve` (approve_draft) takes; null while no draft of it is written'),
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
    .array(z.object({ sender: z.string().nullable().describe('as in due: null for the shared default sender'), defaultSender: z.boolean(), channel: channelOutput, cap: z.number().int(), count: z.number().int(), days: z.array(z.object({ date: z.string(), touches: z.number().int() })) }))
    .describe('per sender and channel over the daily cap: how the touches were spread over the following days'),
  held: z
    .array(z.object({ campaign: z.string(), path: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() }))
    .describe('campaigns left out because meta.json, 5-actions.md, 6-learning.md or a draft is broken, a stage file is under a wrong name, or a cross-file error holds the campaign in sync (its first error): nothing of them is listed until it is fixed'),
  heldFollowUps: z
    .array(z.object({ thread: z.string(), path: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() }))
    .describe("threads other than campaigns (a deal's DEFER revisit) whose follow-up is left out because sync holds the thread — a broken file, a stage file under a wrong name, a cross-file error — with its first error: the follow-up is listed again once it is fixed"),
});

export const campaignApproveOutput = z.object({
  drafts: z.array(z.object({ path: z.string(), action: z.enum(['approved', 'already-approved']) })),
  sync: z.object(syncResultShape).nullable().describe(WRITE_SYNC),
  served: servedOutput,
});

const disqualifiedOutput = z.object({ disqualifier: z.string(), field: z.string(), value: z.string() });
const qualityFieldOutput = z.object({ field: z.string(), weight: z.number(), status: z.enum(['ok', 'partial', 'missing', 'invalid']), value: z.number(), detail: z.string() });
const leftOutOutput = z
  .array(z.object({ row: z.number().int().min(1), field: z.string(), detail: z.string() }))
  .describe('values of its rows that could not be read (`employees: about 400`): scored as missing, the row kept, each with its row and what was expected');
const duplicatesOutput = z
  .array(z.object({ rows: z.array(z.number().int().min(1)), kept: z.number().int().min(1), keys: z.array(z.string()) }))
  .describe('rows merged as one: same domain, email or company name after normalising (docs/scoring.md)');

/** Where a CRM report's footer starts (read.ts, reportFooter): the list is read up to it. */
const reportFooterOutput = z
  .object({ row: z.number().int().min(1).describe('the CSV line the footer starts on'), text: z.string().describe('its first cell as written, such as `Grand Totals (123 records)`') })
  .nullable()
  .describe('a Salesforce report\'s footer (`Grand Totals (N records)`, the confidentiality and copyright lines, who generated it): the list ends there, and its lines are neither accounts nor skipped rows; null when the list has none');

/** The bars of the ICP bands, so that a score beside its band can be read against them. */
const icpThresholdsOutput = z
  .object({ strong: z.number(), good: z.number(), weak: z.number() })
  .describe("the ICP band bars the scores were put in (the ICP file's `scoring.thresholds`, else 0.75, 0.60, 0.40): a score at or over `strong` is strong, at or over `good` good, at or over `weak` weak, else poor");

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
      rows: z.array(z.number().int().min(1)).describe('every row merged into this one (duplicates), in file order; the first is `row`'),
      disqualified: z.array(disqualifiedOutput).describe('the ICP disqualifiers the account matched: its score is capped at 0.30'),
      unchecked: z.array(z.object({ disqualifier: z.string(), field: z.string() })).describe('disqualifiers the account had no data to check'),
      dataQuality: z.number().min(0).max(1).describe('completeness and validity of the fields that matter (docs/scoring.md)'),
      dataQualityFields: z.array(qualityFieldOutput),
      leftOut: leftOutOutput,
    }),
  ),
  duplicates: duplicatesOutput,
  rejected: z.array(z.object({ row: z.number().int(), error: z.string() })),
  ignoredColumns: z.array(z.string()).describe('the list\'s columns (CSV headers as written, JSON fields) that the score does not read, in the order met: docs/scoring.md lists the ones it reads'),
  columnsMeant: z.record(z.string(), z.string()).describe('for each ignored column one or two typing slips from a column the score reads (`Revnue`), that column, as the text output suggests it'),
  reportFooter: reportFooterOutput,
  diagnostics: z.array(diagnosticOutput).describe('errors in 04-segments.md or the segment\'s ICP file: the scores use its last valid version (the one in HEAD), or the segment\'s filters for an ICP file never valid'),
  thresholds: icpThresholdsOutput,
});

const leadBand = z.enum(['cold', 'warm', 'mql', 'sql']);

export const scoreContactsOutput = z.object({
  kind: z.literal('contacts'),
  segment: z.string(),
  icpFile: z.boolean().describe('whether the generated ICP file was used (else the segment filters)'),
  asOf: z.string(),
  ranked: z.array(
    z.object({
      rank: z.number().int().min(1),
      row: z.number().int().min(1).describe('the row kept: CSV line (header = 1) or position in a JSON list'),
      rows: z.array(z.number().int().min(1)).describe('every row merged into this one (duplicates), in file order'),
      name: z.string().nullable(),
      title: z.string().nullable(),
      email: z.string().nullable(),
      company: z.string().nullable(),
      domain: z.string().nullable(),
      contactScore: z.number().min(0).max(1).describe('title match 0.40, seniority 0.30, email 0.20, LinkedIn 0.10'),
      seniority: z.enum(['c-level', 'vp', 'director', 'manager', 'individual-contributor']).nullable(),
      freshness: z.number().min(0).max(1),
      leadScore: z.number().int().min(0).max(100).describe('40 demographic + 60 behavioural points'),
      leadBand,
      dataQuality: z.number().min(0).max(1),
      companyScore: z.number().min(0).max(1).describe("the ICP score of the contact's company"),
      companyBand: z.enum(['strong', 'good', 'weak', 'poor']),
      disqualified: z.array(disqualifiedOutput),
      missing: z.array(z.string()).describe('absent inputs, by the column to fill in: data.<field>, contact.<field> (title, email, email_status, linkedin), lead.<column> (employees, industry, geography, title, email_engagements, website_visits, content_downloads, social_engagements)'),
      invalid: z.array(z.string()).describe('fields present but unusable (an email that is not an address, employees that are not a number)'),
      leftOut: leftOutOutput,
      detail: z.object({
        contact: z.array(z.object({ name: z.string(), weight: z.number(), status: z.string(), value: nullableNumber, detail: z.string() })),
        lead: z.array(z.object({ name: z.string(), group: z.enum(['demographic', 'behavioural']), max: z.number(), points: z.number(), status: z.string(), detail: z.string() })),
        dataQuality: z.array(qualityFieldOutput),
      }),
    }),
  ),
  duplicates: duplicatesOutput,
  rejected: z.array(z.object({ row: z.number().int(), error: z.string() })),
  ignoredColumns: z.array(z.string()).describe('the list\'s columns (CSV headers as written, JSON fields) that the score does not read, in the order met: docs/scoring.md lists the ones it reads'),
  columnsMeant: z.record(z.string(), z.string()).describe('for each ignored column one or two typing slips from a column the score reads (`Revnue`), that column, as the text output suggests it'),
  reportFooter: reportFooterOutput,
  diagnostics: z.array(diagnosticOutput).describe('errors in 04-segments.md or the segment\'s ICP file: the scores use its last valid version (the one in HEAD), or the segment\'s filters for an ICP file never valid'),
  thresholds: icpThresholdsOutput,
});

export const strategyOutput = z.object({
  root: z.string(),
  segments: z.array(z.object({ id: z.string(), missing: z.array(z.object({ section: z.string(), key: z.string(), message: z.string(), path: z.string().describe('the file to fill it in: the canvas section, or threadwork.config.yaml for the company name') })) })),
  files: z.array(z.object({ path: z.string(), action: z.enum(['created', 'updated', 'unchanged', 'kept-edited', 'overwritten', 'skipped-missing']), stale: z.boolean() })),
  written: z.array(z.string()),
  diagnostics: z.array(diagnosticOutput).describe('the strategy\'s own problems, with every error in what it generates from (the canvas, the ICP files, `threadwork.config.yaml`) that the sync also lists: an `ok` false is explained here'),
  sync: z.object(syncResultShape).nullable().describe('the sync the write ran: derived files it moved (written, changes) and the workspace\'s problems (diagnostics)'),
  commit: commitOutput,
});
