import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { Committed } from '../../api.js';
import { askServer } from '../../serve/client.js';
import type { CreatedThread, NewCampaignOptions } from '../../threads/create.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import { leftOutNote } from './left-out-note.js';
import { committedLine, servedBy, warningLines, type CommandOutcome, type GlobalOptions } from '../outcome.js';

export async function campaignNewCommand(
  name: string,
  flags: { segment: string; date?: string; slug?: string; goal?: string; subgoal?: string; commit?: boolean },
  options: GlobalOptions,
): Promise<CommandOutcome> {
  const request: NewCampaignOptions = { name, segment: flags.segment };
  if (flags.date) request.date = flags.date;
  if (flags.slug !== undefined) request.slug = flags.slug;
  if (flags.goal) request.goal = flags.goal;
  if (flags.subgoal) request.subgoal = flags.subgoal;
  const commit = flags.commit !== false;
  // A process keeping the workspace warm (a watcher, the MCP server) opens it, when one runs: the same transaction, on its warm state.
  const served = await askServer(findWorkspaceRoot(options.dir), { op: 'createCampaign', options: request, commit });
  const created = (served?.value as (CreatedThread & Committed) | undefined) ?? (await (await openWorkspace(options.dir)).createCampaign(request, { commit }));
  return {
    json: { ...created, ...servedBy(served) },
    text: [
      ...created.files.map((f) => `${pc.green('created')} ${f}`),
      ...leftOutNote(flags.slug === undefined ? name : '', created.id),
      `Campaign ${pc.bold(created.id)} opened at stage 1 (input). Fill in ${created.files[1]}, then \`threadwork advance ${created.path}\`.`,
      ...warningLines(created.warnings),
      ...committedLine(created.commit, { sync: created.sync, own: created.files }),
    ].join('\n'),
    exitCode: 0,
  };
}
