import { isDeepStrictEqual } from 'node:util';
import { today as todayDate } from '../clock.js';
import { composeMarkdown } from '../markdown/compose.js';
import type { AssumptionState } from '../derive/assumptions.js';
import { formatDiagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { assessDraft, calendarDate, contactStop, draftMessage, firstName, readableSignals, resolveSequence, signalText, type ContactStopKind, type QualityAssessment, type SequenceProspect, prospectId, prospectLabel } from '../outreach/index.js';
import { applyVariant, assignVariant, type ExperimentDesign } from '../outreach/experiments.js';
import { draftLanguage } from '../outreach/draft-language.js';
import { checkExperiments } from '../check/experiments.js';
import { assessWrittenDraft } from '../check/draft-quality.js';
import { Locators } from '../check/locators.js';
import { strategyContext } from '../strategy/context.js';
import { readCanvasTexts } from '../strategy/refresh.js';
import { draftValue, metaOf, segmentsOf, stageValue, type WorkspaceModel } from '../workspace/model.js';
import { refuseDraftNameClash } from './draft-name-clash.js';
import { createChange, writeChange, type SourceChange, type WriteProposal } from '../engine/changes.js';
import { setFrontMatterKey } from '../markdown/front-matter-edit.js';
import type { DraftValue } from '../schema/stages.js';
import { draftSources } from './draft-sources.js';
import { sentKey, sentTouches, touchDraftPath, touchesDone } from '../derive/sent-touches.js';
import { requireSuppression } from './suppression.js';
import { refuseNothingToDraft } from './nothing-to-draft.js';

export interface DraftFile {
  path: string;
  prospect: string;
  touch: number;
  /**
   * `already-sent`: the touch was sent (its draft says `status: sent`, or the prospect's `touches_done` counts it): nothing was written.
   * `kept-skipped`: its draft says `status: skipped`, a person's decision not to send it: kept as it is, even with `--force`.
   */
  action: 'created' | 'kept' | 'kept-skipped' | 'overwritten' | 'already-sent';
  grade: QualityAssessment['grade'];
  ready: boolean;
  issues: QualityAssessment['issues'];
  /** The experiment on this touch and the prospect's variant (docs/experiments.md); null when the touch is not tested. */
  experiment: string | null;
  variant: string | null;
  /** True when `--force` rewrote a draft that was `status: approved`: the new text is a draft again, and needs approving anew. */
  approvalDropped: boolean;
  /** The grade its front matter's `quality` said before this run re-graded the kept draft (edited by hand since), else null. */
  regradedFrom: string | null;
  /**
   * For `already-sent`, what says it was sent: its draft on disk (`status: sent`), its draft
   * as committed (deleted since), or the prospect's `touches_done` alone — then no draft file
   * exists and `path` is only the name one would have had.
   */
  sentIn?: 'draft' | 'committed-draft' | 'touches_done';
}

/** A prospect who got no draft, and why: the same reasons `due` lists no touch for them. */
export interface SkippedProspect {
  prospect: string;
  kind: ContactStopKind;
  reason: string;
}

export interface CampaignDrafts {
  drafts: DraftFile[];
  skipped: SkippedProspect[];
}

type Prospect = SequenceProspect & Record<string, unknown>;

/**
 * Writes one Markdown draft per prospect and touch into `{campaign}/drafts/`, each
 * assessed by the quality gate. Every draft has `status: draft`: threadwork never sends
 * anything. An existing draft (perhaps edited) is kept unless `force`. Prospects `due`
 * would skip get none and are listed in `skipped` with the reason: suppressed or
 * unsubscribed (do not contact), or replied, meeting, bounced, completed or nurture (the
 * sequence stopped; in a closed campaign, everyone). While the suppression list is
 * invalid nothing is written (`suppression-invalid`).
 */
export function proposeDrafts(model: WorkspaceModel, campaignPath: string, assumptions: readonly AssumptionState[], options: { force?: boolean; today?: string; sentAtHead?: ReadonlyMap<string, string> } = {}): WriteProposal<CampaignDrafts> {
  const thread = model.threads.get(campaignPath);
  const meta = thread && metaOf(thread);
  if (!thread || !meta || meta.type !== 'sales-campaign') throw new ThreadworkError(`Not a campaign thread: ${campaignPath} (expected threads/sales/campaigns/{date}-{name})`, 'not-a-campaign', { path: campaignPath });
  const actions = stageValue(thread, 'campaign', 5);
  if (!actions) throw new ThreadworkError(`${campaignPath} has no valid 5-actions.md yet: advance the campaign to Stage 5 and list its prospects and sequence`, 'no-actions');
  // A campaign whose learning has a close date is over: nobody in it gets a draft (as nothing is due).
  const closed = calendarDate(stageValue(thread, 'campaign', 6)?.closed);
  const suppressed = requireSuppression(model, 'no draft was written');
  requireValidExperiments(model, campaignPath);
  const touches = resolveSequence(actions.sequence ?? null);
  refuseNothingToDraft(model, campaignPath, (actions.prospects ?? []).length, touches.length);
  const segment = segmentsOf(model).find((s) => s.id === meta.segment);
  const context = segment ? strategyContext(model, segment, readCanvasTexts((path) => model.text(path)), assumptions) : undefined;
  const materials = context
    ? { uvp: known(context.uvp), top_problem: known(context.top_problem), proof: context.proof.map((p) => p.statement), pilot_fee: known(context.pricing.pilot_fee), company: model.config.company ?? null }
    : { company: model.config.company ?? null };
  const date = options.today ?? todayDate();
  // One experiment per touch (check's experiment-design rule); the first listed wins if two claim it.
  const experiments = new Map<number, ExperimentDesign>();
  for (const e of (actions.experiments ?? []) as ExperimentDesign[]) if (!experiments.has(e.touch)) experiments.set(e.touch, e);
  const files: DraftFile[] = [];
  const skipped: SkippedProspect[] = [];
  const changes: SourceChange[] = [];
  const brokenDrafts: string[] = [];
  // Sent per the drafts on disk, and per HEAD's record of drafts since deleted (sent-at-head.ts).
  const sentOnDisk = sentTouches(model, campaignPath);
  const sent = new Map([...(options.sentAtHead ?? []), ...sentOnDisk]);
  const drafted: { prospect: SequenceProspect; index: number }[] = [];
  for (const [index, prospect] of (actions.prospects ?? []).entries()) {
    // Nobody on the do-not-contact list or unsubscribed gets a draft, nor anyone whose sequence stopped (as `due` skips them).
    const stop = contactStop(prospect, suppressed, closed);
    if (stop) {
      skipped.push({ prospect: prospectLabel(prospect), kind: stop.kind, reason: stop.reason });
      continue;
    }
    drafted.push({ prospect, index });
    const companySignals = readableSignals(prospect.signals);
    const company = { industry: str(prospect.industry), employees: typeof prospect.employees === 'number' ? prospect.employees : null, revenue: prospect.revenue, signals: companySignals };
    const done = touchesDone(prospect.touches_done);
    // The prospect's language, else the campaign's, else what the company name or address shows (draft-language.ts).
    const language = draftLanguage({ prospectLanguage: prospect.language, campaignLanguage: (actions as Record<string, unknown>).language, company: prospect.company, email: prospect.email ?? null });
    touches.forEach((touch, i) => {
      const drafted = draftMessage({ touch, prospect: { name: prospect.name, email: prospect.email ?? null, company: prospect.company, title: prospect.title ?? null }, company, segment: segment ? { name: segment.name, pains: segment.pains, triggers: segment.triggers } : null, materials, today: date, language });
      // The prospect's variant, by a hash of campaign, experiment and prospectId (the email, for an email prospect): the same on every run, whoever else is listed.
      const experiment = experiments.get(i + 1);
      const variant = experiment ? assignVariant(meta.id, experiment, prospectId(prospect)) : undefined;
      const draft = variant ? { ...drafted, ...applyVariant(drafted, variant, { first: firstName(prospect.name), company: prospect.company }) } : drafted;
      const day = typeof variant?.day === 'number' ? variant.day : touch.day;
      const signals = companySignals.map(signalText);
      const quality = assessDraft({ subject: draft.subject, body: draft.body, channel: draft.channel, recipient: { name: prospect.name, company: prospect.company }, signals });
      const path = touchDraftPath(campaignPath, prospect, i + 1);
      // A touch already sent is never drafted again, not even with --force.
      const key = sentKey(prospect, i + 1);
      const sentPath = sent.get(key);
      if (i + 1 <= done || sentPath) {
        const sentIn = sentOnDisk.has(key) ? 'draft' : sentPath ? 'committed-draft' : 'touches_done';
        files.push({ path: sentPath ?? path, prospect: prospectLabel(prospect), touch: i + 1, action: 'already-sent', grade: quality.grade, ready: quality.ready, issues: quality.issues, experiment: experiment?.name ?? null, variant: variant?.id ?? null, approvalDropped: false, regradedFrom: null, sentIn });
        return;
      }
      const content = renderDraft({ campaign: meta.id, prospect, touch: i + 1, day, channel: draft.channel, template: draft.template, subject: draft.subject, quality, signals, ...(experiment && variant ? { experiment: experiment.name, variant: variant.id } : {}) }, draft.body);
      let action: DraftFile['action'] = 'created';
      let approvalDropped = false;
      if (model.text(path) === undefined) changes.push(createChange(path, content));
      else if (markedSkipped(model, path)) action = 'kept-skipped';
      else if (options.force) {
        if (model.broken.has(path)) brokenDrafts.push(path);
        // Someone approved the text being replaced: say so, or the approval is gone without a word.
        approvalDropped = readableDraft(model, path)?.status === 'approved';
        changes.push(writeChange(path, content));
        action = 'overwritten';
      } else action = 'kept';
      // A kept draft is graded as it stands (a person may have rewritten it), as check grades it: not the message that was not written.
      const graded = action === 'kept' || action === 'kept-skipped' ? keptDraftQuality(model, path) ?? quality : quality;
      const regrade = action === 'kept' ? staleQuality(model, path, graded) : undefined;
      if (regrade) changes.push(writeChange(path, regrade.text));
      files.push({ path, prospect: prospectLabel(prospect), touch: i + 1, action, grade: graded.grade, ready: graded.ready, issues: graded.issues, experiment: experiment && variant ? experiment.name : null, variant: variant?.id ?? null, approvalDropped, regradedFrom: regrade?.was ?? null });
    });
  }
  refuseDraftNameClash((path) => model.text(path), campaignPath, drafted);
  refuseOverwritingBroken(model, campaignPath, brokenDrafts);
  // An uncommitted edit of what the drafts are made from (Stage 5, the segments, the suppression list …) goes into their commit.
  return { result: { drafts: files, skipped }, changes, summary: `draft ${campaignPath}`, thread: campaignPath, madeFrom: draftSources(campaignPath) };
}

interface DraftFront {
  campaign: string;
  prospect: Prospect;
  touch: number;
  day: number;
  channel: string;
  template: string;
  subject: string;
  quality: QualityAssessment;
  signals: string[];
  experiment?: string;
  variant?: string;
}

function renderDraft(f: DraftFront, body: string): string {
  const front = {
    status: 'draft',
    campaign: f.campaign,
    prospect: draftProspect(f.prospect),
    touch: f.touch,
    day: f.day,
    channel: f.channel,
    template: f.template,
    ...(f.experiment ? { experiment: f.experiment, variant: f.variant } : {}),
    subject: f.subject,
    signals: f.signals,
    quality: storedQuality(f.quality),
  };
  return composeMarkdown(front, `\n${body.trim()}\n`);
}

/**
 * The prospect as a draft records them: name, email, company, title, as drafts always
 * had them (a workspace of email prospects gets the same files, byte for byte). A prospect
 * without an email gets their `linkedin` and `phone` instead, so the draft says where the
 * touch goes and its prospectId (sent-touches.ts) is the prospect's; no `email: null`,
 * which would read as an address left blank.
 */
function draftProspect(p: Prospect): Record<string, unknown> {
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const email = text(p.email);
  if (email) return { name: p.name, email, company: p.company, title: p.title ?? null };
  const linkedin = text(p.linkedin);
  const phone = text(p.phone);
  return { name: p.name, ...(linkedin ? { linkedin } : {}), ...(phone ? { phone } : {}), company: p.company, title: p.title ?? null };
}

/** The quality assessment as a draft's front matter records it. */
function storedQuality(q: QualityAssessment): { score: number; grade: string; ready: boolean; issues: string[] } {
  return { score: q.score, grade: q.grade, ready: q.ready, issues: q.issues.map((i) => `${i.severity}: ${i.message}`) };
}

/**
 * A kept draft whose front matter's `quality` no longer says what its text grades (a
 * person rewrote it): the file with that one field re-graded — every other byte as written
 * — and the grade it said. A stale `grade: A, ready: true` on a text check grades D would
 * mislead whoever reads the file. Only `status: draft`: an approved draft is the person's
 * decision on that text, and check and the approval gates grade its text as written anyway.
 */
function staleQuality(model: WorkspaceModel, path: string, graded: QualityAssessment): { text: string; was: string } | undefined {
  const text = model.text(path);
  const draft = text === undefined ? undefined : readableDraft(model, path);
  if (!draft || draft.status !== 'draft') return undefined;
  const stored = (draft as Record<string, unknown>).quality;
  const fresh = storedQuality(graded);
  if (isDeepStrictEqual(stored, fresh)) return undefined;
  const was = stored && typeof stored === 'object' && typeof (stored as { grade?: unknown }).grade === 'string' ? (stored as { grade: string }).grade : 'none';
  return { text: setFrontMatterKey(text!, 'quality', fresh), was };
}

/**
 * A draft a person marked `status: skipped`: their decision not to send that touch, which
 * `--force` (meant to refresh the engine's text) does not undo — rewritten, it came back
 * as `status: draft`, ready to approve. A broken draft is not read here: `--force` refuses it.
 */
function markedSkipped(model: WorkspaceModel, path: string): boolean {
  return readableDraft(model, path)?.status === 'skipped';
}

/** The quality of a draft kept on disk, or undefined when it cannot be read as a draft now (check reports why). */
function keptDraftQuality(model: WorkspaceModel, path: string): QualityAssessment | undefined {
  const draft = readableDraft(model, path);
  return draft && assessWrittenDraft(draft);
}

/** The draft at `path` as it stands on disk; undefined when there is none or it is broken now (read at its last valid version, it is not what the person wrote). */
function readableDraft(model: WorkspaceModel, path: string): DraftValue | undefined {
  const file = model.files.get(path);
  return file && !model.broken.has(path) ? draftValue(file) : undefined;
}

/**
 * `--force` does not rewrite a draft that is broken now: it is read at its last valid
 * version, but the text on disk may be the person's edit marking it `status: sent` (and a
 * subject with an unquoted `: `) — rewritten, the edit and the record of the send would be
 * gone, and the touch offered for sending again.
 */
function refuseOverwritingBroken(model: WorkspaceModel, campaignPath: string, paths: readonly string[]): void {
  if (paths.length === 0) return;
  const errors = model.diagnostics.filter((d) => paths.includes(d.path) && d.severity === 'error');
  const lines = errors.map((d) => `  ${formatDiagnostic(d)}`);
  throw new ThreadworkError(
    `Refused to overwrite ${paths.join(', ')}: a broken draft may be one marked \`status: sent\` in the edit that broke it, and --force would replace that edit with a new draft; nothing was written. Fix it (threadwork check shows the same errors), or delete it, and run again.\n${lines.join('\n')}`,
    'thread-in-error',
    { thread: campaignPath, path: paths[0], diagnostics: errors },
  );
}

/**
 * Variants are assigned by a hash over the design: drafting on a design that check
 * rejects (splits that do not sum to 1, a touch not in the sequence …) would assign
 * people who move once it is fixed. So nothing is drafted until it is valid.
 */
function requireValidExperiments(model: WorkspaceModel, campaignPath: string): void {
  const actionsPath = `${campaignPath}/5-actions.md`;
  const problems = checkExperiments(model, new Locators((path) => model.text(path))).filter((d) => d.path === actionsPath && d.rule === 'experiment-design' && d.severity === 'error');
  if (problems.length === 0) return;
  const lines = problems.map((d) => `  ${d.path}:${d.line}:${d.column} ${d.message}`);
  throw new ThreadworkError(`${actionsPath} defines an experiment that cannot run, so no draft was written: variants are assigned from the design, and fixing it later would move prospects between variants. Fix it (threadwork check shows the same problems) and run again.\n${lines.join('\n')}`, 'experiment-invalid', { path: actionsPath, diagnostics: problems });
}

/** Canvas text, or null where the canvas lacks it (the strategy context then holds a "fill in" note, which no email should carry). */
function known(text: string): string | null {
  return text.startsWith('_(fill in') ? null : text;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}
