import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatCount } from '../../derive/format.js';
import pc from 'picocolors';
import { openWorkspace, type Workspace } from '../../api.js';
import { draftPath } from '../../campaigns/approve.js';
import { draftSources } from '../../campaigns/draft-sources.js';
import type { DraftFile } from '../../campaigns/propose-drafts.js';
import { askServer } from '../../serve/client.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import { committedLine, servedBy, warningLines, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { typedThread } from './thread-argument.js';

/**
 * A touch already sent, named by what says so: a draft counted by the prospect's
 * `touches_done` alone has no file, and its line named a path that did not exist.
 */
function sentLine(d: DraftFile): string {
  if (d.sentIn === 'touches_done') return `sent    ${d.prospect} touch ${d.touch} — counted as sent by its touches_done (no draft file): not drafted again`;
  if (d.sentIn === 'committed-draft') return `sent    ${d.path} (deleted since; committed as sent) — touch ${d.touch} already sent: not drafted again`;
  return `sent    ${d.path} — touch ${d.touch} already sent: not drafted again`;
}

type Answer<K extends 'draftCampaign' | 'approveDrafts' | 'recordReply'> = Awaited<ReturnType<Workspace[K]>>;

export async function campaignDraftCommand(campaign: string, flags: { force?: boolean; commit?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const root = findWorkspaceRoot(options.dir);
  // Named as the workspace reads it (a `./` path made workspace-relative here): the server's folder is not this one.
  const named = typedThread(campaign, options, root);
  const force = flags.force === true;
  const committing = flags.commit !== false;
  // A process keeping the workspace warm (a watcher, the MCP server) drafts it, when one runs: the same transaction, on its warm state.
  const served = await askServer(root, { op: 'draftCampaign', campaign: named, force, commit: committing });
  const { drafts, skipped, campaign: path, commit, sync, warnings } = (served?.value as Answer<'draftCampaign'> | undefined) ?? (await (await openWorkspace(root)).draftCampaign(named, { force, ...(committing ? {} : { commit: false }) }));
  const grade = (g: string): string => (g === 'A' || g === 'B' ? pc.green(g) : g === 'C' ? pc.yellow(g) : pc.red(g));
  const lines = drafts.map((d) => d.action === 'already-sent' ? pc.dim(sentLine(d)) : d.action === 'kept-skipped' ? pc.dim(`skipped ${d.path} — marked \`status: skipped\` by a person: kept as it is${force ? ' (--force does not rewrite a skipped draft)' : ''}`) : `${d.action === 'kept' ? pc.dim('kept   ') : pc.green(d.action.padEnd(7))} ${grade(d.grade)} ${d.ready ? pc.green('ready') : pc.red('not ready')} ${d.path}${d.ready ? '' : pc.dim(` — ${d.issues.filter((i) => i.severity === 'critical').map((i) => i.message).join('; ')}`)}${d.approvalDropped ? pc.yellow(' — it was approved: the new text needs approving again') : ''}${d.regradedFrom ? pc.yellow(` — its front matter said grade ${d.regradedFrom}: quality re-graded on the text as written`) : ''}`);
  // Counted apart: a kept draft was not written, and may be approved already (or rewritten by hand).
  const written = drafts.filter((d) => d.action === 'created' || d.action === 'overwritten');
  const kept = drafts.filter((d) => d.action === 'kept');
  const ready = written.filter((d) => d.ready).length;
  const sent = drafts.filter((d) => d.action === 'already-sent').length;
  const skippedDrafts = drafts.filter((d) => d.action === 'kept-skipped').length;
  // Say who got nothing and why: a prospect missing from the list without a word looks like a bug.
  lines.push(...skipped.map((s) => (s.kind === 'do-not-contact' ? pc.yellow('skipped') : pc.dim('skipped')) + ` ${s.reason}: no draft`));
  const regraded = kept.filter((d) => d.regradedFrom !== null).length;
  // One kept draft is "kept as it is", as one skipped draft is below: "1 draft kept as they are" read as a slip.
  const [keptAs, rewrites] = kept.length === 1 ? ['it is', 'it'] : ['they are', 'them'];
  const keptNote = kept.length ? `; ${formatCount(kept.length, 'draft')} kept as ${keptAs}, ${kept.filter((d) => d.ready).length} ready (--force rewrites ${rewrites}${regraded ? `; ${regraded} edited by hand, ${regraded === 1 ? 'its' : 'their'} quality re-graded` : ''})` : '';
  const skippedNote = skipped.length ? `; ${formatCount(skipped.length, 'prospect')} skipped` : '';
  const next = written.length ? ' Each draft written has status: draft — threadwork never sends anything: approve the ready ones with `threadwork campaign approve <draft…>`.' : ' threadwork never sends anything.';
  lines.push(`${formatCount(written.length, 'draft')}, ${ready} ready${keptNote}${sent ? `; ${formatCount(sent, 'touch', 'touches')} already sent, not drafted` : ''}${skippedDrafts ? `; ${formatCount(skippedDrafts, 'draft')} marked skipped, kept as ${skippedDrafts === 1 ? 'it is' : 'they are'}` : ''}${skippedNote}.${next}`);
  lines.push(...committedLine(commit, flags.commit === false ? undefined : { sync, own: drafts.map((d) => d.path), madeFrom: { paths: draftSources(path), what: 'the drafts' } }));
  // The drafts' own lines say what keeps one from being ready: their warnings are in the JSON only.
  return { json: { campaign: path, drafts, skipped, commit, sync, warnings: warnings ?? [], ...servedBy(served) }, text: lines.join('\n'), exitCode: 0 };
}

export async function campaignReplyCommand(campaign: string, email: string, flags: { text: string; date?: string; commit?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const root = findWorkspaceRoot(options.dir);
  const named = typedThread(campaign, options, root);
  const committing = flags.commit !== false;
  // Recorded by a process keeping the workspace warm, when one runs (the day it is recorded on is the same there: serve/protocol.ts).
  const served = await askServer(root, { op: 'recordReply', campaign: named, email, text: flags.text, date: flags.date, commit: committing });
  const result = (served?.value as Answer<'recordReply'> | undefined) ?? (await (await openWorkspace(root)).recordReply(named, email, flags.text, flags.date, committing ? {} : { commit: false }));
  const json = { ...result, ...servedBy(served) };
  const c = result.classification;
  if (result.alreadyRecorded) return { json, text: `${pc.dim('already recorded')} ${result.recorded}: this reply from ${result.email} (${c.category}) on that date was recorded before. Nothing was written.`, exitCode: 0 };
  const lines = [
    `${pc.bold(c.category)} (confidence ${c.confidence.toFixed(2)}${c.matched.length ? `, matched: ${c.matched.join(', ')}` : ''})`,
    `${pc.dim('why:')} ${c.reason}`,
    `recorded ${result.recorded}`,
    result.status.before !== result.status.after ? `prospect ${result.email}: ${result.status.before} → ${result.status.after}` : `prospect ${result.email}: status stays ${result.status.after}`,
    ...(result.revisit ? [`${pc.cyan('revisit')} ${result.revisit}: no touch until then`] : []),
    ...(result.pausedUntil ? [`${pc.cyan('paused until')} ${result.pausedUntil}: the sequence waits for the return date`] : []),
    ...(result.notPaused ? [`${pc.cyan('not paused')}: back ${c.returns}, but ${result.notPaused}`] : []),
    ...(result.deal ? ['existing' in result.deal ? `deal already open: ${result.deal.path}` : `${pc.green('opened deal')} ${result.deal.path}${result.deal.taken ? pc.dim(` — ${result.deal.taken} is another deal's (not this campaign's, nor ${result.email}'s): this one has its own folder`) : ''}`] : []),
    ...(result.deal && 'noGoal' in result.deal && result.deal.noGoal ? [`${pc.yellow('no goal')} ${result.deal.noGoal}`] : []),
    ...(result.doNotContact ? [`${pc.yellow('do not contact')} ${result.email} unsubscribed before: the reply is recorded, the status stays ${result.status.after} and no deal is opened`] : []),
    ...(result.suppressed ? [`${pc.yellow('suppressed')} ${result.email}: no campaign will contact it again`] : []),
    ...result.withdrawn.map((path) => `${pc.yellow('approval withdrawn')} ${path}: set to status skipped, not to be sent`),
    ...warningLines(result.warnings),
    ...committedLine(result.commit, flags.commit === false ? undefined : { sync: result.sync, own: result.written }),
  ];
  return { json, text: lines.join('\n'), exitCode: 0 };
}

export async function campaignApproveCommand(drafts: string[], flags: { commit?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const root = findWorkspaceRoot(options.dir);
  const committing = flags.commit !== false;
  const named = servableDrafts(root, drafts);
  // Approved by a process keeping the workspace warm, when one runs and every draft could be named to it.
  const served = named ? await askServer(root, { op: 'approveDrafts', drafts: named, commit: committing }) : undefined;
  const done = (served?.value as Answer<'approveDrafts'> | undefined) ?? (await (await openWorkspace(root)).approveDrafts(drafts, committing ? {} : { commit: false }));
  const lines = done.drafts.map((d) => `${d.action === 'approved' ? pc.green('approved') : pc.dim('already approved')} ${d.path}`);
  lines.push('Every gate passed (do-not-contact, sequence, ICP, quality, daily caps). threadwork never sends: a person sends approved drafts.');
  lines.push(...warningLines(done.warnings));
  lines.push(...committedLine(done.commit, flags.commit === false ? undefined : { sync: done.sync, own: done.drafts.map((d) => d.path) }));
  return { json: { drafts: done.drafts, commit: done.commit, sync: done.sync, warnings: done.warnings ?? [], ...servedBy(served) }, text: lines.join('\n'), exitCode: 0 };
}

/**
 * The drafts as the workspace reads them, for a server: each path as typed here (relative
 * to the workspace, to this process's folder, or absolute) made workspace-relative, as the
 * approval made here makes it (campaigns/approve.ts). Undefined when one cannot be named so
 * that the server reads it as this process would — a path refused, or one that names
 * nothing on disk (the server would read it from its own folder): the approval is then
 * made here, and refused here as it is refused cold.
 */
function servableDrafts(root: string, drafts: readonly string[]): string[] | undefined {
  const named: string[] = [];
  for (const typed of drafts) {
    let path: string;
    try {
      path = draftPath(root, typed);
    } catch {
      return undefined;
    }
    if (path === '' || !existsSync(join(root, path))) return undefined;
    named.push(path);
  }
  return named;
}
