import { formatCount } from '../../derive/format.js';
import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { draftSources } from '../../campaigns/draft-sources.js';
import { committedLine, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { typedThread } from './thread-argument.js';

export async function campaignDraftCommand(campaign: string, flags: { force?: boolean; commit?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const { drafts, skipped, campaign: path, commit, sync } = await workspace.draftCampaign(typedThread(campaign, options, workspace.root), { force: flags.force === true, ...(flags.commit === false ? { commit: false } : {}) });
  const grade = (g: string): string => (g === 'A' || g === 'B' ? pc.green(g) : g === 'C' ? pc.yellow(g) : pc.red(g));
  const lines = drafts.map((d) => d.action === 'already-sent' ? pc.dim(`sent    ${d.path} — touch ${d.touch} already sent: not drafted again`) : `${d.action === 'kept' ? pc.dim('kept   ') : pc.green(d.action.padEnd(7))} ${grade(d.grade)} ${d.ready ? pc.green('ready') : pc.red('not ready')} ${d.path}${d.ready ? '' : pc.dim(` — ${d.issues.filter((i) => i.severity === 'critical').map((i) => i.message).join('; ')}`)}`);
  const written = drafts.filter((d) => d.action !== 'already-sent');
  const ready = written.filter((d) => d.ready).length;
  const sent = drafts.length - written.length;
  // Say who got nothing and why: a prospect missing from the list without a word looks like a bug.
  lines.push(...skipped.map((s) => (s.kind === 'do-not-contact' ? pc.yellow('skipped') : pc.dim('skipped')) + ` ${s.reason}: no draft`));
  const skippedNote = skipped.length ? `; ${formatCount(skipped.length, 'prospect')} skipped` : '';
  lines.push(`${formatCount(written.length, 'draft')}, ${ready} ready${sent ? `; ${formatCount(sent, 'touch', 'touches')} already sent, not drafted` : ''}${skippedNote}. Every draft has status: draft — threadwork never sends anything.`);
  lines.push(...committedLine(commit, flags.commit === false ? undefined : { sync, own: drafts.map((d) => d.path), madeFrom: { paths: draftSources(path), what: 'the drafts' } }));
  return { json: { campaign: path, drafts, skipped, commit, sync }, text: lines.join('\n'), exitCode: 0 };
}

export async function campaignReplyCommand(campaign: string, email: string, flags: { text: string; date?: string; commit?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.recordReply(typedThread(campaign, options, workspace.root), email, flags.text, flags.date, flags.commit === false ? { commit: false } : {});
  const c = result.classification;
  if (result.alreadyRecorded) return { json: result, text: `${pc.dim('already recorded')} ${result.recorded}: this reply from ${result.email} (${c.category}) on that date was recorded before. Nothing was written.`, exitCode: 0 };
  const lines = [
    `${pc.bold(c.category)} (confidence ${c.confidence.toFixed(2)}${c.matched.length ? `, matched: ${c.matched.join(', ')}` : ''})`,
    `${pc.dim('why:')} ${c.reason}`,
    `recorded ${result.recorded}`,
    result.status.before !== result.status.after ? `prospect ${result.email}: ${result.status.before} → ${result.status.after}` : `prospect ${result.email}: status stays ${result.status.after}`,
    ...(result.revisit ? [`${pc.cyan('revisit')} ${result.revisit}: no touch until then`] : []),
    ...(result.pausedUntil ? [`${pc.cyan('paused until')} ${result.pausedUntil}: the sequence waits for the return date`] : []),
    ...(result.deal ? ['existing' in result.deal ? `deal already open: ${result.deal.path}` : `${pc.green('opened deal')} ${result.deal.path}${result.deal.taken ? pc.dim(` — ${result.deal.taken} is another deal's (not this campaign's, nor ${result.email}'s): this one has its own folder`) : ''}`] : []),
    ...(result.doNotContact ? [`${pc.yellow('do not contact')} ${result.email} unsubscribed before: the reply is recorded, the status stays ${result.status.after} and no deal is opened`] : []),
    ...(result.suppressed ? [`${pc.yellow('suppressed')} ${result.email}: no campaign will contact it again`] : []),
    ...committedLine(result.commit, flags.commit === false ? undefined : { sync: result.sync, own: result.written }),
  ];
  return { json: result, text: lines.join('\n'), exitCode: 0 };
}

export async function campaignApproveCommand(drafts: string[], flags: { commit?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const done = await workspace.approveDrafts(drafts, flags.commit === false ? { commit: false } : {});
  const lines = done.drafts.map((d) => `${d.action === 'approved' ? pc.green('approved') : pc.dim('already approved')} ${d.path}`);
  lines.push('Every gate passed (do-not-contact, sequence, ICP, quality, daily caps). threadwork never sends: a person sends approved drafts.');
  lines.push(...committedLine(done.commit, flags.commit === false ? undefined : { sync: done.sync, own: done.drafts.map((d) => d.path) }));
  return { json: { drafts: done.drafts, commit: done.commit, sync: done.sync }, text: lines.join('\n'), exitCode: 0 };
}
