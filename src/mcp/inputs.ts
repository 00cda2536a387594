import * as z from 'zod';
import { FIRST_YEAR, LAST_YEAR } from '../clock.js';
import { threadSourceSchema } from '../schema/common.js';
import { THREAD_STATUSES, THREAD_TYPES } from '../schema/meta.js';
import { STAGES } from '../schema/stages.js';
import { REPORTS } from '../report/build.js';
import { stageFieldsToRemove, stageFrontMatterInput } from './stage-input.js';

/**
 * Tool input shapes, built from the same zod schemas that validate the files: a source as
 * in meta.json, a date as a real day. One source of truth for people and agents.
 *
 * An id that names something the workspace defines — a segment, a goal, a subgoal — is a
 * string here and checked by the engine, as the command checks it: `Mid-Market-Fintech`
 * or `G-Fintech` is answered `unknown-segment` / `unknown-goal` with the ids there are
 * (`known`), where the id's pattern in the schema answered only that it was not a slug.
 * An email address is checked by the engine for the same reason: `create_deal` answers
 * `invalid-email` as `deal new --email` does, `record_reply` the prospects there are.
 * A date too: `2026-02-30` or `tomorrow` is answered `invalid-date` in the words of
 * `--date` (requireDate, src/clock.ts), where the schema's refusal was `invalid-arguments`.
 */
const thread = z.string().min(1).describe('thread folder relative to the workspace (threads/sales/acme-corp) or its bare id (acme-corp)');
const segment = z.string().min(1).describe('segment id from strategy/canvas/04-segments.md');
const goal = z.string().min(1).describe('goal id from goals/ (g-…)');
const subgoal = z.string().min(1).describe('subgoal id of that goal (SG1)');
const date = z.string().meta({ format: 'date' }).describe(`YYYY-MM-DD, a day of the calendar from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31 (default: today)`);
const commit = z.boolean().optional().describe('false: write but do not commit (default: commit, as sync does)');

export const TOOL_INPUTS = {
  check: {},
  list_threads: {
    type: z.enum(THREAD_TYPES).optional(),
    status: z.enum(THREAD_STATUSES).optional().describe('derived status'),
    segment: segment.optional(),
  },
  read_thread: { thread },
  create_deal: {
    company: z.string().min(1).describe('company name; the thread folder is its slug'),
    slug: z.string().min(1).optional().describe('the folder name, e.g. acme-japan (lower-case a-z, 0-9, hyphens); needed when the company name has no Latin letters'),
    segment,
    title: z.string().min(1).optional().describe("the deal's title in meta.json (default: the company name)"),
    goal: goal.optional().describe('goal id from goals/ (g-…) the deal counts towards'),
    subgoal: subgoal.optional(),
    source: threadSourceSchema.optional().describe('inbound (default) | outbound | referral | partner | event | campaign:{id} | thread:{path}'),
    date: date.optional(),
    contact_name: z.string().optional().describe('the person you are talking to (Stage 1 needs one before the deal can advance)'),
    contact_title: z.string().optional().describe("the contact's job title"),
    contact_email: z.string().optional().describe('the contact\'s address (name@company.com)'),
    domain: z.string().optional().describe("the company's web domain (acme.com)"),
    signal: z.string().optional().describe('what made this a deal worth opening (Stage 1 needs one before the deal can advance)'),
    commit,
  },
  create_campaign: {
    name: z.string().min(1).describe('campaign name; the folder is {date}-{slug}'),
    slug: z.string().min(1).optional().describe('the folder name after the date, e.g. fintech-outbound (lower-case a-z, 0-9, hyphens); needed when the name has no Latin letters'),
    segment,
    date: date.optional(),
    goal: goal.optional(),
    subgoal: subgoal.optional(),
    commit,
  },
  write_stage: {
    thread,
    stage: z.number().int().min(1).max(STAGES.length).describe('1 input, 2 hypothesis, 3 implication, 4 decision, 5 actions, 6 learning'),
    front_matter: stageFrontMatterInput(),
    remove: stageFieldsToRemove(),
    body: z.string().optional().describe('Markdown after the front matter; omitted: the existing body is kept (or the template body for a new file)'),
    version: z.string().min(1).optional().describe("the stage's `version` from read_thread (or from the last write_stage's answer, advance's answer for the stage it opened, or a stage-incomplete or stage-not-written refusal for the stage it names): refused (stage-changed, nothing written) when the file has changed since, so an edit made in between is not overwritten; omitted: written whatever the file holds now"),
    sync: z.boolean().optional().describe('false: only write the file; the next sync derives from it (default: sync and commit)'),
    commit,
  },
  advance: { thread, commit },
  link_goal: {
    thread,
    goal: goal.nullable().describe('goal id from goals/ (g-…) the thread counts towards; null: towards none'),
    subgoal: subgoal.nullable().optional().describe("subgoal id of that goal (SG1); null: none. Left out: the thread's subgoal is kept while its goal stays the same, dropped when the goal changes"),
    commit,
  },
  set_created: {
    thread,
    created: z.string().meta({ format: 'date' }).describe('YYYY-MM-DD, the day the thread began (its first contact, for a deal opened here after it began elsewhere); today or before'),
    commit,
  },
  sync: {
    dry_run: z.boolean().optional().describe('report what would change (before → after) and write nothing'),
    commit: commit.describe('false: write but do not commit (default: commit)'),
  },
  // A string checked by the engine, as `threadwork report` checks it: `Pipeline` is answered
  // `unknown-report` with the reports there are (`known`), not an input-schema error.
  report: { name: z.string().min(1).describe(`one of ${REPORTS.join(', ')}`) },
  qualify_deal: { deal: thread.describe('deal folder relative to the workspace (threads/sales/acme-corp) or its bare id (acme-corp)') },
  history: { subject: z.string().min(1).describe('assumption id (A4), goal id (g-…) or thread (path or bare id)') },
  score_accounts: {
    segment,
    // Rows as data, each read by parseAccounts as `threadwork score` reads a file's row: a
    // bad row skipped and listed in `rejected`, `company` or `website` read as `name` or
    // `domain`. Any item is taken: one that is not an object is a row refused, as in a
    // JSON file, where the input schema refused the whole call for it.
    accounts: z
      .array(z.unknown())
      .optional()
      .describe('accounts as data: name, domain, industry, employees, revenue, geography, technologies, signals, data_date, email_status'),
    file: z.string().min(1).optional().describe('or a CSV/JSON account list inside the workspace (relative path)'),
  },
  score_contacts: {
    segment,
    contacts: z
      .array(z.unknown())
      .optional()
      .describe('contacts/leads as data: name (or first_name, last_name), title, email, email_status, linkedin, company, domain, industry, employees, revenue, geography, technologies, signals, data_date, email_engagements, website_visits, content_downloads, social_engagements'),
    file: z.string().min(1).optional().describe('or a CSV/JSON contact list inside the workspace (relative path)'),
  },
  generate_strategy: {
    segments: z.array(segment).optional().describe('segment ids (default: all)'),
    force: z.boolean().optional().describe('overwrite generated files edited by hand'),
    commit,
  },
  draft_campaign: { campaign: thread, force: z.boolean().optional().describe('overwrite existing drafts'), commit },
  due_touches: { date: date.optional() },
  record_reply: {
    campaign: thread,
    email: z.string().min(1).describe("the prospect's address as listed in 5-actions.md; for a prospect without one, their LinkedIn profile or phone"),
    text: z.string().min(1).describe('the reply as received'),
    date: date.optional(),
    commit,
  },
  migrate_stages: {
    paths: z.array(z.string().min(1)).optional().describe('stage files or folders relative to the workspace (default: every stage file without front matter)'),
    dry_run: z.boolean().optional().describe('report what would be written and every line that cannot be mapped; write nothing'),
    commit,
  },
  approve_draft: {
    drafts: z.array(z.string().min(1)).min(1).describe('draft files relative to the workspace (threads/sales/campaigns/{id}/drafts/*.md)'),
    commit,
  },
} as const;

type ToolName = keyof typeof TOOL_INPUTS;

/**
 * Each tool's arguments as the server checks them: an argument the tool does not take is
 * refused (`invalid-arguments`, naming it), as the CLI refuses an unknown option. Left
 * open, the SDK dropped it without a word: `sync` given `dryRun` for `dry_run` ran a real
 * sync and committed it; `create_deal` given `contactEmail` opened the deal without the
 * address. The listed schemas say `additionalProperties: false` to a client that reads them.
 */
export const TOOL_ARGUMENTS = Object.fromEntries(Object.entries(TOOL_INPUTS).map(([tool, shape]) => [tool, z.strictObject(shape)])) as unknown as {
  [T in ToolName]: z.ZodObject<(typeof TOOL_INPUTS)[T], z.core.$strict>;
};

/** The arguments a tool takes, by name; undefined for a tool the server does not have. */
export function toolArgumentNames(tool: string): string[] | undefined {
  return Object.hasOwn(TOOL_INPUTS, tool) ? Object.keys(TOOL_INPUTS[tool as ToolName]) : undefined;
}
