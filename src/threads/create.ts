import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateOrToday, pastDateOrToday } from '../clock.js';
import { formatDiagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { threadSourceSchema } from '../schema/common.js';
import type { ThreadMeta, ThreadType } from '../schema/meta.js';
import { domainOf } from '../schema/domain.js';
import { contactEmailSchema, STAGE_FILES } from '../schema/stages.js';
import { renderTemplate, resolveTemplate, workspaceTemplatesDir } from '../templates/render.js';
import { classifyPath, LAYOUT } from '../workspace/layout.js';
import { goalsOf, metaOf, segmentsOf, unknownSegment, workspaceCurrency, type WorkspaceModel } from '../workspace/model.js';
import { sameCompanyName } from '../scoring/dedup.js';
import { parseFile } from '../workspace/parse-file.js';
import { mailboxOf } from '../schema/mailbox.js';
import { nearestWord } from '../schema/misspelt-keys.js';
import { allowedValues, spellingHint, withForwardSlashes } from '../schema/spelling-hint.js';
import { checkedSlug, freeSlug, givenName, NAME_THE_FOLDER, PLAIN_TITLE, refuseControlInId, sameName, slugify, slugShortened } from '../workspace/slug.js';
import { createChange, writeRefused, type WriteProposal } from '../engine/changes.js';
import { YAML_LIMIT_RULE } from '../markdown/limits.js';
import type { CompanyFacts } from '../campaigns/prospect-facts.js';
import { currencyContext, threadTemplateContext, type ThreadTemplateContext } from './context.js';
import { stageVersion } from './stage-version.js';

export interface NewDealOptions {
  company: string;
  /** The folder name, given as is (`--slug`); by default made from the company name. */
  slug?: string;
  segment: string;
  title?: string;
  goal?: string;
  subgoal?: string;
  source?: string;
  date?: string;
  contactName?: string;
  contactTitle?: string;
  contactEmail?: string;
  /** For a campaign prospect reached by LinkedIn or call: Stage 1's `contact.linkedin` and `contact.phone`. */
  contactLinkedin?: string;
  contactPhone?: string;
  /** A verifier's word on the address (`verified`, `invalid`), when one is known: Stage 1's `contact.email_status`, which reachability reads. */
  contactEmailStatus?: string;
  domain?: string;
  signal?: string;
  /** What is already known about the company (a campaign prospect's fields), written into Stage 1's `company`. */
  facts?: CompanyFacts;
}

export interface NewCampaignOptions {
  name: string;
  /** The folder name after the date, given as is (`--slug`); by default made from the name. */
  slug?: string;
  segment: string;
  date?: string;
  goal?: string;
  subgoal?: string;
}

export interface CreatedThread {
  path: string;
  id: string;
  type: ThreadType;
  files: string[];
  /** 1-input.md's version (a hash of its bytes), as read_thread gives it: write_stage's guard for the first write to it. */
  version: string;
}

/** A new deal thread, checked against the workspace: the files to create, not yet written. */
export function proposeDeal(model: WorkspaceModel, typed: NewDealOptions): WriteProposal<CreatedThread> {
  // Bidi controls and zero-width characters never reach a folder name nor meta.json (cleanName, slug.ts).
  const options: NewDealOptions = { ...typed, ...contactFromMailbox(typed), company: givenName(typed.company, 'company name'), ...(typed.title !== undefined ? { title: givenName(typed.title, 'title', PLAIN_TITLE) } : {}) };
  const slug = options.slug !== undefined ? checkedSlug(options.slug, '--slug') : slugify(options.company, 'company name', NAME_THE_FOLDER, model.config.company);
  // threads/sales/campaigns holds the campaigns: a deal folder of that name would be read as them, never as a deal.
  if (`${LAYOUT.deals}/${slug}` === LAYOUT.campaigns) {
    const next = options.slug !== undefined ? 'Give another --slug, e.g. --slug acme-japan.' : NAME_THE_FOLDER;
    throw new ThreadworkError(`Refused ${options.slug !== undefined ? '--slug' : 'company name'} ${JSON.stringify(options.slug ?? options.company)}: ${LAYOUT.campaigns} is the folder of the campaigns, not a deal. ${next.replace('acme-japan', 'campaigns-inc')}`, 'invalid-name', { name: options.slug ?? options.company });
  }
  const date = pastDateOrToday(options.date, 'the day the deal was opened');
  const source = options.source ?? 'inbound';
  const refused = threadSourceSchema.safeParse(source).error?.issues[0];
  if (refused) {
    const slashed = withForwardSlashes(source);
    const hint = source.includes('\\') && threadSourceSchema.safeParse(slashed).success ? ` — a path is written with /, not \\: write ${slashed}` : spellingHint(source, allowedValues(refused));
    throw new ThreadworkError(`Invalid source ${JSON.stringify(source)}: expected inbound, outbound, referral, partner, event, campaign:{id} or thread:threads/{path}${hint}`, 'invalid-source');
  }
  const unlinked = unknownSourceLink(model, source);
  if (unlinked) throw unlinked;
  // The template writes the email as given; judged only in the rendered file, a typo would read as a broken template.
  if (options.contactEmail !== undefined && !contactEmailSchema.safeParse(options.contactEmail).success) {
    throw new ThreadworkError(`Invalid contact email ${JSON.stringify(options.contactEmail)}: expected an email address such as name@company.com. Nothing was created.`, 'invalid-email', { email: options.contactEmail });
  }
  const domain = options.domain === undefined || options.domain.trim() === '' ? null : checkedDomain(options.domain);
  const meta = buildMeta(model, { id: slug, type: 'sales-deal', title: options.title ?? options.company.trim(), segment: options.segment, goal: options.goal, subgoal: options.subgoal, source, date });
  const folder: Folder = { parent: LAYOUT.deals, prefix: '', slug, name: options.company, given: options.slug !== undefined };
  if (!folder.given) refuseSameCompany(model, folder, meta.title);
  return proposeThread(model, folder, meta, {
    company: options.company.trim(),
    contact_name: options.contactName ?? null,
    contact_title: options.contactTitle ?? null,
    contact_email: options.contactEmail ?? null,
    contact_email_status: options.contactEmailStatus ?? null,
    contact_linkedin: options.contactLinkedin ?? null,
    contact_phone: options.contactPhone ?? null,
    domain,
    signal: options.signal ?? null,
    ...options.facts,
  }, 'open deal');
}

/**
 * A campaign's `--slug` given as the whole folder name (`2027-01-05-q1-push` with that
 * `--date`): the date is the folder's prefix already, so it is taken off — not doubled
 * (`2027-01-05-2027-01-05-q1-push`). Another date in front is refused: which of the two
 * the campaign starts on is the person's to say.
 */
function campaignSlug(given: string, date: string): string {
  if (given.startsWith(`${date}-`)) return given.slice(date.length + 1);
  const other = /^(\d{4}-\d{2}-\d{2})-/.exec(given)?.[1];
  if (other) {
    throw new ThreadworkError(
      `Refused --slug ${JSON.stringify(given)}: it starts with the date ${other}, and a campaign's folder is named {date}-{slug} with its own date (${date}), so it would be ${date}-${given}. Give the slug without the date (--slug ${given.slice(other.length + 1)}), or --date ${other}. Nothing was created.`,
      'invalid-name',
      { name: given },
    );
  }
  return given;
}

/** A new campaign thread: the files to create, not yet written. */
export function proposeCampaign(model: WorkspaceModel, typed: NewCampaignOptions): WriteProposal<CreatedThread> {
  const options: NewCampaignOptions = { ...typed, name: givenName(typed.name, 'campaign name') };
  const date = dateOrToday(options.date);
  const slug = options.slug !== undefined ? checkedSlug(campaignSlug(options.slug, date), '--slug') : slugify(options.name, 'campaign name', NAME_THE_FOLDER, model.config.company);
  const id = `${date}-${slug}`;
  const meta = buildMeta(model, { id, type: 'sales-campaign', title: options.name.trim(), segment: options.segment, goal: options.goal, subgoal: options.subgoal, source: 'outbound', date });
  return proposeThread(model, { parent: LAYOUT.campaigns, prefix: `${date}-`, slug, name: options.name, given: options.slug !== undefined }, meta, {}, 'open campaign');
}

interface MetaInput {
  id: string;
  type: ThreadType;
  title: string;
  segment: string | undefined;
  goal: string | undefined;
  subgoal: string | undefined;
  source: string;
  date: string;
}

/** A goal id with no goal in goals/, refused with the ids there are (`known`): a thread linked to it, an MCP resource read. */
export function unknownGoal(goal: string, known: readonly string[]): ThreadworkError {
  // A slip from a known id (`g-First-Customers`, `g-first-customer`) names it, as an unknown segment does.
  const meant = nearestWord(goal, known);
  return new ThreadworkError(`Unknown goal ${JSON.stringify(goal)}: ${meant ? `did you mean ${meant}? ` : ''}expected ${known.length ? `one of ${known.join(', ')}` : 'a goal in goals/ (none are defined)'}`, 'unknown-goal', { goal, known: [...known], ...(meant ? { meant } : {}) });
}

/** A subgoal its goal does not define; one written in another case (`sg1` for `SG1`) names the one meant. */
export function unknownSubgoal(goal: string, subgoal: string, known: readonly string[]): ThreadworkError {
  const meant = nearestWord(subgoal, known);
  return new ThreadworkError(`Unknown subgoal ${JSON.stringify(subgoal)} of ${goal}: ${meant ? `did you mean ${meant}? ` : ''}expected one of ${known.join(', ') || '(none defined)'}`, 'unknown-subgoal', { subgoal, known: [...known], ...(meant ? { meant } : {}) });
}


/**
 * A `campaign:{id}` or `thread:{path}` source naming nothing in the workspace. Refused
 * before anything is written: accepted, the deal would be committed with its attribution
 * already lost (check only warns, `unknown-campaign`, once it is too late to retype it).
 */
function unknownSourceLink(model: WorkspaceModel, source: string): ThreadworkError | undefined {
  if (source.startsWith('campaign:')) {
    const campaign = source.slice('campaign:'.length);
    const known = [...model.threads.values()].filter((t) => t.family === 'campaign').map((t) => t.path.slice(t.path.lastIndexOf('/') + 1)).sort();
    if (known.includes(campaign)) return undefined;
    const expected = known.length ? `one of ${known.map((id) => `campaign:${id}`).join(', ')}` : `a campaign in ${LAYOUT.campaigns}/ (there are none yet)`;
    return new ThreadworkError(`Unknown campaign ${JSON.stringify(campaign)} in the source: expected ${expected}. Nothing was created.`, 'unknown-campaign', { campaign, known });
  }
  if (source.startsWith('thread:')) {
    const thread = source.slice('thread:'.length);
    if (model.threads.has(thread)) return undefined;
    return new ThreadworkError(`Unknown thread ${JSON.stringify(thread)} in the source: no thread folder there; expected the path of one (threads/sales/{deal}, ${LAYOUT.campaigns}/{campaign} or threads/marketing/{slug}). Nothing was created.`, 'unknown-thread', { path: thread });
  }
  return undefined;
}

/** Checks every link against the workspace before anything touches the disk. */
function buildMeta(model: WorkspaceModel, input: MetaInput): ThreadMeta {
  if (input.segment !== undefined) refuseControlInId('segment', input.segment);
  if (input.goal) refuseControlInId('goal', input.goal);
  if (input.subgoal) refuseControlInId('subgoal', input.subgoal);
  const segments = segmentsOf(model);
  if (input.segment !== undefined) {
    if (!segments.some((s) => s.id === input.segment)) throw unknownSegment(model, input.segment);
  }
  if (input.subgoal && !input.goal) throw new ThreadworkError(`--subgoal ${input.subgoal} needs --goal: a subgoal belongs to a goal`, 'subgoal-without-goal');
  if (input.goal) {
    const goal = goalsOf(model).find((g) => g.id === input.goal);
    if (!goal) {
      throw unknownGoal(input.goal, goalsOf(model).map((g) => g.id));
    }
    if (input.subgoal && !goal.subgoals.some((s) => s.id === input.subgoal)) {
      throw unknownSubgoal(goal.id, input.subgoal, goal.subgoals.map((s) => s.id));
    }
  }
  const meta: ThreadMeta = { id: input.id, type: input.type, title: input.title, source: input.source, created: input.date };
  if (input.segment !== undefined) meta.segment = input.segment;
  if (input.goal) meta.goal_id = input.goal;
  if (input.subgoal) meta.subgoal = input.subgoal;
  return meta;
}

/**
 * A new thread folder: meta.json and the rendered 1-input.md, both created exclusively
 * by the transaction. An existing folder is refused before anything is written, and the
 * workspace lock makes the check and the creation one step: of two processes creating
 * the same thread exactly one wins, and nothing is ever overwritten. Everything is
 * rendered and validated first, so a template error leaves no half-made thread behind.
 */
function proposeThread(model: WorkspaceModel, folder: Folder, meta: ThreadMeta, extra: Partial<ThreadTemplateContext>, summary: string): WriteProposal<CreatedThread> {
  const dir = `${folder.parent}/${folder.prefix}${folder.slug}`;
  if (existsSync(join(model.root, dir))) throw existsSync(join(model.root, dir, 'meta.json')) ? alreadyExists(model, folder, meta.title) : folderWithoutMeta(dir, meta);
  const segmentName = segmentsOf(model).find((s) => s.id === meta.segment)?.name ?? null;
  const input = renderStageFile(model, meta, 1, threadTemplateContext(meta, 1, meta.created, segmentName, extra), `${dir}/${STAGE_FILES[0]}`);
  const metaText = `${JSON.stringify(meta, null, 2)}\n`;
  const files = [`${dir}/meta.json`, `${dir}/${STAGE_FILES[0]}`];
  return {
    result: { path: dir, id: meta.id, type: meta.type, files, version: stageVersion(input) },
    changes: [createChange(files[0]!, metaText), createChange(files[1]!, input)],
    summary: `${summary} ${dir}`,
    thread: dir,
  };
}

/** Renders a stage file from its template and refuses output that would not pass `check`. */
export function renderStageFile(model: WorkspaceModel, meta: ThreadMeta, stage: number, context: ThreadTemplateContext, target: string): string {
  const source = resolveTemplate(`threads/${meta.type}/${STAGE_FILES[stage - 1]}`, workspaceTemplatesDir(model.root, model.config.templates_dir));
  // The templates' money examples are written in the workspace's currency, not always in dollars.
  const text = renderTemplate(source, { ...context, ...currencyContext(workspaceCurrency(model)) });
  const parsed = parseFile(target, classifyPath(target), text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  // Front matter past the size threadwork reads is made so by what was given (a 1 MB signal), never by a
  // template: refused as the write it is, as meta.json past the limit (a title that long) is.
  if (errors.length > 0 && errors.every((d) => d.rule === YAML_LIMIT_RULE)) throw writeRefused(errors, 'write-invalid', target);
  if (errors.length > 0) {
    throw new ThreadworkError(
      `Template ${source.file} renders an invalid ${STAGE_FILES[stage - 1]}:\n${errors.map(formatDiagnostic).join('\n')}`,
      'template-invalid',
      { template: source.file },
    );
  }
  return text;
}

/**
 * A deal already open for the same company under another form of its name: the one on the
 * contract (`Northwind Payments Inc`, `NORTHWIND PAYMENTS, Inc.`) for `Northwind Payments`.
 * The names make other folders, so nothing refused it, and the pipeline counted the company
 * twice; `score` takes the two for one account (legal suffixes, case and punctuation aside:
 * scoring/dedup.ts), and so does this — spaces and "and" aside too (`Keel Neo-bank`, `AT-T`). A second deal with the company on purpose is opened
 * with `--slug`, which this never refuses.
 */
function refuseSameCompany(model: WorkspaceModel, folder: Folder, title: string): void {
  for (const [path, thread] of model.threads) {
    const meta = metaOf(thread);
    if (meta?.type !== 'sales-deal' || path === `${folder.parent}/${folder.slug}` || !sameCompanyName(meta.title, title)) continue;
    const suggestion = freeSlug(meta.id, (candidate) => existsSync(join(model.root, folder.parent, candidate)));
    const closed = closedDeal(model, path);
    const next = closed
      ? `It is ${closed}: for a new deal with the same company (an expansion, a renewal, another try), give this one its own folder with --slug, e.g. --slug ${suggestion}.`
      : `Continue it with \`threadwork advance ${path}\`, or, for a second deal with the same company, give this one its own folder with --slug, e.g. --slug ${suggestion}.`;
    throw new ThreadworkError(
      `Thread ${path} is the deal with ${JSON.stringify(meta.title.trim())}, the same company as ${JSON.stringify(title.trim())} once legal suffixes, punctuation and spacing are set aside: nothing was changed. ${next}`,
      'thread-exists',
      { path, title: meta.title.trim(), suggestedSlug: suggestion },
    );
  }
}

/** Where a new thread goes: `{parent}/{prefix}{slug}`, the slug made from `name` unless `given` (`--slug`). */
interface Folder {
  parent: string;
  prefix: string;
  slug: string;
  name: string;
  given: boolean;
}

/**
 * The thread is there already. When its title is the one asked for, it is the same thread:
 * continue it. When the title differs, two names made one folder name (a long name is
 * shortened to 60 characters, punctuation and accents drop out): pointing at `advance`
 * would send the person to another company's deal, so the message says so and suggests a
 * free `--slug`.
 */
function alreadyExists(model: WorkspaceModel, folder: Folder, title: string): ThreadworkError {
  const root = model.root;
  const dir = `${folder.parent}/${folder.prefix}${folder.slug}`;
  let existing: { created?: unknown; title?: unknown } = {};
  try {
    existing = JSON.parse(readFileSync(join(root, dir, 'meta.json'), 'utf8')) as typeof existing;
  } catch {
    // The winner of a concurrent create may not have written meta.json yet.
  }
  const created = typeof existing.created === 'string' ? ` (created ${existing.created})` : '';
  const sameCompany = (a: string): boolean => sameName(a, title) || (folder.parent === LAYOUT.deals && sameCompanyName(a, title));
  const other = typeof existing.title === 'string' && !sameCompany(existing.title) ? existing.title.trim() : undefined;
  const closed = other === undefined ? closedDeal(model, dir) : undefined;
  if (closed) {
    const suggestion = freeSlug(folder.slug, (candidate) => existsSync(join(root, folder.parent, `${folder.prefix}${candidate}`)));
    return new ThreadworkError(
      `Thread ${dir} already exists${created} and is ${closed}: nothing was changed. For a new deal with the same company (an expansion, a renewal, another try), give it its own folder with --slug, e.g. --slug ${suggestion}.`,
      'thread-exists',
      { path: dir, suggestedSlug: suggestion },
    );
  }
  if (other === undefined) {
    return new ThreadworkError(`Thread ${dir} already exists${created}: nothing was changed. Pick another name, or continue it with \`threadwork advance ${dir}\`.`, 'thread-exists', { path: dir });
  }
  const why = folder.given
    ? `the folder name given with --slug is ${JSON.stringify(other)}'s`
    : slugShortened(folder.name, model.config.company)
      ? `${JSON.stringify(folder.name)} is shortened to the same 60-character folder name`
      : `${JSON.stringify(folder.name)} makes the same folder name`;
  const suggestion = freeSlug(folder.slug, (candidate) => existsSync(join(root, folder.parent, `${folder.prefix}${candidate}`)));
  return new ThreadworkError(
    `Thread ${dir} already exists${created} for ${JSON.stringify(other)}, not ${JSON.stringify(title.trim())}: ${why}. Nothing was changed. Give this one its own folder with --slug, e.g. --slug ${suggestion}.`,
    'thread-exists',
    { path: dir, title: other, suggestedSlug: suggestion },
  );
}

/**
 * How a deal thread ended, from its learning's `outcome` (`closed (closed-won on 2026-09-24)`),
 * or undefined while it is open. A closed deal has nothing to advance to (advance refuses it),
 * so a refusal pointing there for a customer come back for more was a dead end.
 */
function closedDeal(model: WorkspaceModel, path: string): string | undefined {
  const learning = model.threads.get(path)?.stages[STAGE_FILES.length - 1]?.value as { outcome?: unknown; closed?: unknown } | undefined;
  if (typeof learning?.outcome !== 'string' || learning.outcome === '') return undefined;
  const on = typeof learning.closed === 'string' && learning.closed !== '' ? ` on ${learning.closed}` : '';
  return `closed (${learning.outcome}${on})`;
}

/**
 * The folder is there with no meta.json: stage files written before threadwork (a LeanOS
 * thread copied in) or a thread whose meta.json was deleted. Pointing at `advance`, as for a
 * thread that exists, was a dead end — advance refuses a thread without meta.json — so the
 * answer gives the meta.json this command would have written, and migrate for the stages.
 */
function folderWithoutMeta(dir: string, meta: ThreadMeta): ThreadworkError {
  return new ThreadworkError(
    `Folder ${dir} exists without a meta.json (stage files written before threadwork, or its meta.json deleted): nothing was changed. Give it this meta.json, then \`threadwork migrate ${dir}\` writes the front matter of stage files written as labelled lines:\n${JSON.stringify(meta, null, 2)}`,
    'thread-exists',
    { path: dir, meta },
  );
}

/** `--domain` as a domain (`https://www.Acme.com/` is `acme.com`), or refused before anything is written, as `--email` is. */
function checkedDomain(typed: string): string {
  const domain = domainOf(typed);
  if (domain === undefined) throw new ThreadworkError(`Invalid domain ${JSON.stringify(typed)}: expected a company's web domain such as northwind-pay.com (a web address is read for its domain). Nothing was created.`, 'invalid-domain', { domain: typed });
  return domain;
}

/**
 * An email pasted from a mail client comes with its name (`Jane Doe <jane@acme.com>`) and
 * was refused as no address. The address is the one in the brackets; the name, when the
 * contact's was not given, is the contact's. Anything else is judged as written.
 */
function contactFromMailbox(options: NewDealOptions): Pick<NewDealOptions, 'contactEmail' | 'contactName'> {
  const mailbox = options.contactEmail === undefined ? undefined : mailboxOf(options.contactEmail);
  if (!mailbox) return {};
  const { name, address } = mailbox;
  return { contactEmail: address, ...(options.contactName === undefined && name !== '' ? { contactName: name } : {}) };
}
