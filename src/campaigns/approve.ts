import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gateFailures, type GateFailure } from '../check/autonomy-gates.js';
import { writeChange, type SourceChange, type WriteProposal } from '../engine/changes.js';
import { ThreadworkError } from '../errors.js';
import { today } from '../clock.js';
import { addFrontMatterScalar, setFrontMatterScalar } from '../markdown/front-matter-edit.js';
import { containedPath, pathRefused } from '../workspace/contain.js';
import { LAYOUT } from '../workspace/layout.js';
import { draftValue, type WorkspaceModel } from '../workspace/model.js';
import type { SentAtHead } from '../derive/sent-touches.js';
import { approvedTextDigest } from '../outreach/approved-text.js';
import type { DraftValue } from '../schema/stages.js';
import { draftSources } from './draft-sources.js';
import { requireSuppression } from './suppression.js';

export interface ApprovedDraft {
  path: string;
  /** `approved`: the status changed; `already-approved`: it was approved before and still passes the gates. */
  action: 'approved' | 'already-approved';
}

/**
 * Marks drafts `status: approved`, the last step before a person sends them (threadwork
 * never sends). Every draft must pass the autonomy gates (check/autonomy-gates.ts) as
 * if all of them were approved, those already approved keeping their places under the
 * daily caps; otherwise nothing is written and `gate-refused` lists each failure with
 * its figures. A sent or skipped draft is not approved again (`draft-sent`). Nothing is
 * approved for a suppressed or unsubscribed address, nor for a prospect whose sequence
 * stopped (the do-not-contact and sequence-stopped gates), and nothing at all while the
 * suppression list is invalid (`suppression-invalid`): it never fails open. `sentAtHead`:
 * HEAD's record of sent drafts since deleted, counted as sent as `due` counts it.
 */
export function proposeApproval(model: WorkspaceModel, paths: readonly string[], sentAtHead?: SentAtHead): WriteProposal<ApprovedDraft[]> {
  if (paths.length === 0) throw new ThreadworkError('Name at least one draft to approve', 'invalid-arguments');
  // Approval authorises sending: with a do-not-contact list that cannot be read, nobody can be cleared.
  requireSuppression(model, 'no draft was approved');
  const result: ApprovedDraft[] = [];
  const changes: SourceChange[] = [];
  for (const path of paths) {
    const file = model.files.get(path);
    // A draft whose current text does not validate is held at its last valid version: never approve that one.
    if (model.broken.has(path)) throw new ThreadworkError(`Not a valid campaign draft: ${path} has errors as it is written now; \`threadwork check\` lists them`, 'not-a-draft', { path });
    if (!file && model.threads.has(path)) throw campaignNotDraft(model, path);
    if (!file && isFolder(model.root, path)) throw folderNotDraft(model, path);
    const draft = file && draftValue(file);
    if (!file || !draft) {
      const why = file ? file.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ') || 'not a draft file' : 'no such file';
      throw new ThreadworkError(`Not a valid campaign draft: ${path} (${why}); drafts are threads/sales/campaigns/{id}/drafts/*.md`, 'not-a-draft', { path });
    }
    if (draft.status === 'sent' || draft.status === 'skipped') throw new ThreadworkError(`${path} has status ${draft.status}: it is not approved again`, 'draft-sent', { path });
    const editedSinceApproved = draft.status === 'approved' && !!draft.approved_text && draft.approved_text !== approvedTextDigest(draft);
    if (draft.status === 'approved' && !editedSinceApproved) {
      result.push({ path, action: 'already-approved' });
      // Approved by hand: the gates pass now, which is the approval the day and the text record (a draft marked sent without one is `sent-without-approval`).
      if (!draft.approved_on) changes.push(writeChange(path, withApproval(model.text(path) ?? '', draft)));
    } else {
      // A draft edited since it was approved is approved again: the gates judge the text written now, and the record says so.
      result.push({ path, action: 'approved' });
      const text = model.text(path) ?? '';
      changes.push(writeChange(path, withApproval(draft.status === 'approved' ? text : setFrontMatterScalar(text, ['status'], 'approved'), draft)));
    }
  }
  // Touches sent counted as `due` counts them: a draft marked sent (or HEAD's record of one since deleted) counts before `touches_done` does.
  const failures = gateFailures(model, { approving: paths, ...(sentAtHead ? { sentAtHead } : {}) }).filter((f) => paths.includes(f.path));
  if (failures.length > 0) throw refusal(failures, paths);
  // The gates judge the drafts by their campaign's prospects, the segments, the config's caps and the
  // suppression list: an uncommitted edit of those that let an approval pass goes into its commit, or
  // HEAD would hold an approval its own files refuse (approved-below-icp).
  const campaigns = [...new Set(paths.map((path) => path.split('/').slice(0, 4).join('/')))];
  const madeFrom = [...new Set(campaigns.flatMap(draftSources))];
  return { result, changes, summary: `approve ${changes.length} draft${changes.length === 1 ? '' : 's'}`, thread: campaigns[0]!, invalidCode: 'gate-refused', madeFrom };
}

/**
 * The draft with `approved_on:` today and `approved_text:` the digest of what it says, the
 * record `check` reads: an approval is the status, its day (a draft later marked sent
 * without one went out unapproved) and the text it covers (one edited since is not approved).
 */
function withApproval(text: string, draft: DraftValue): string {
  return addFrontMatterScalar(addFrontMatterScalar(text, [], 'approved_on', today()), [], 'approved_text', approvedTextDigest(draft));
}

/**
 * A thread folder named where a draft belongs (`campaign approve threads/sales/campaigns/x`):
 * said as such, with the drafts it holds waiting for approval, not as "no such file".
 */
function campaignNotDraft(model: WorkspaceModel, path: string): ThreadworkError {
  const { waiting, drafts } = draftsWaiting(model, `${path}/drafts/`);
  return new ThreadworkError(`${path} is a thread folder, not a draft: name the drafts to approve — ${drafts}`, 'not-a-draft', { path, waiting });
}

/** Any other folder (`threads`, a drafts folder): what was expected, a draft file, and the drafts waiting under it. */
function folderNotDraft(model: WorkspaceModel, path: string): ThreadworkError {
  const { waiting, drafts } = draftsWaiting(model, path === '' ? '' : `${path}/`);
  return new ThreadworkError(`${path || '.'} is a folder, not a draft file: name draft files (threads/sales/campaigns/{id}/drafts/*.md) — ${drafts}`, 'not-a-draft', { path, waiting });
}

function draftsWaiting(model: WorkspaceModel, prefix: string): { waiting: string[]; drafts: string } {
  const waiting = [...model.files.values()].filter((f) => f.path.startsWith(prefix) && draftValue(f)?.status === 'draft').map((f) => f.path).sort();
  const drafts = waiting.length === 0 ? 'it has no draft waiting (`threadwork campaign draft` writes them)' : `its drafts waiting: ${waiting.slice(0, 5).join(', ')}${waiting.length > 5 ? `, and ${waiting.length - 5} more` : ''}`;
  return { waiting, drafts };
}

function isFolder(root: string, path: string): boolean {
  try {
    return statSync(join(root, path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The refusal: every failure, and — when others of the drafts named pass — that they do and
 * how to approve them. Approving is all or nothing, so `campaign approve drafts/*-touch-3.md`
 * after a few replies was refused whole, and the message did not say the rest could go.
 */
function refusal(failures: readonly GateFailure[], named: readonly string[]): ThreadworkError {
  // The refusal's own wording: check's "Approved although …" would say the opposite of what happened.
  const lines = failures.map((f) => `  ${f.path}: ${f.gate} gate: ${f.refusal}`);
  const failing = new Set(failures.map((f) => f.path));
  const passing = [...new Set(named)].filter((path) => !failing.has(path)).length;
  const them = passing === 1 ? 'it' : 'them';
  const others = passing === 1 ? 'The other draft named passes' : `The other ${passing} drafts named pass`;
  const rest = passing === 0 ? '' : `\n${others} every gate: name ${them} without the ${failing.size} above to approve ${them} (a draft that is not to be sent can be set to \`status: skipped\`).`;
  return new ThreadworkError(`Not approved: ${failures.length} autonomy gate failure${failures.length === 1 ? '' : 's'}; nothing was written\n${lines.join('\n')}${rest}`, 'gate-refused', {
    failures: failures.map(({ path, gate, rule, refusal }) => ({ path, gate, rule, message: refusal })),
  });
}

/**
 * A draft path as a person types it — relative to the workspace, to the current folder,
 * or absolute — as a workspace-relative path; anything outside the workspace is refused.
 */
export function draftPath(root: string, input: string): string {
  const typed = input.trim();
  if (isAbsolute(typed)) {
    const rel = relative(root, typed);
    // Refused as typed: the relative form (`../../etc/passwd`) is a path the person never wrote.
    if (rel.split(sep)[0] === '..' || isAbsolute(rel)) throw pathRefused(input, `it is outside the workspace ${root}; give a draft file of this workspace (threads/sales/campaigns/{id}/drafts/*.md)`);
    return rel === '' ? rel : containedPath(root, rel);
  }
  if (existsSync(join(root, typed))) return containedPath(root, typed);
  // A campaign by its bare id (`campaign approve 2026-01-26-month-end`), as `campaign draft`
  // takes it: its folder, which is answered with the drafts waiting in it, not "no such file".
  if (/^[^/\\.][^/\\]*$/.test(typed) && isFolder(root, `${LAYOUT.campaigns}/${typed}`)) return `${LAYOUT.campaigns}/${typed}`;
  // `<campaign-id>/drafts/<file>.md`, as `campaign draft` and `campaign reply` take a campaign
  // by its id (and the outreach skill wrote it so): the draft of that campaign, when it exists.
  const byId = /^([^/\\.][^/\\]*)[/\\]drafts[/\\]([^/\\]+\.md)$/.exec(typed);
  if (byId && existsSync(join(root, LAYOUT.campaigns, byId[1]!, 'drafts', byId[2]!))) return containedPath(root, `${LAYOUT.campaigns}/${byId[1]}/drafts/${byId[2]}`);
  const fromHere = relative(root, resolve(process.cwd(), typed));
  return containedPath(root, fromHere.startsWith('..') ? typed : fromHere);
}
