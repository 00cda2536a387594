import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { NewCampaignOptions } from '../../threads/create.js';
import { leftOutNote } from './left-out-note.js';
import { committedLine, type CommandOutcome, type GlobalOptions } from '../outcome.js';

export async function campaignNewCommand(
  name: string,
  flags: { segment: string; date?: string; slug?: string; goal?: string; subgoal?: string; commit?: boolean },
  options: GlobalOptions,
): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const request: NewCampaignOptions = { name, segment: flags.segment };
  if (flags.date) request.date = flags.date;
  if (flags.slug !== undefined) request.slug = flags.slug;
  if (flags.goal) request.goal = flags.goal;
  if (flags.subgoal) request.subgoal = flags.subgoal;
  const created = await workspace.createCampaign(request, { commit: flags.commit !== false });
  return {
    json: created,
    text: [
      ...created.files.map((f) => `${pc.green('created')} ${f}`),
      ...leftOutNote(flags.slug === undefined ? name : '', created.id),
      `Campaign ${pc.bold(created.id)} opened at stage 1 (input). Fill in ${created.files[1]}, then \`threadwork advance ${created.path}\`.`,
      ...committedLine(created.commit, { sync: created.sync, own: created.files }),
    ].join('\n'),
    exitCode: 0,
  };
}
