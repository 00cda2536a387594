import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { Committed } from '../../api.js';
import { askServer } from '../../serve/client.js';
import type { CreatedThread, NewDealOptions } from '../../threads/create.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import { leftOutNote } from './left-out-note.js';
import { committedLine, servedBy, warningLines, type CommandOutcome, type GlobalOptions } from '../outcome.js';

export interface DealNewFlags {
  segment: string;
  slug?: string;
  title?: string;
  goal?: string;
  subgoal?: string;
  source?: string;
  date?: string;
  contact?: string;
  contactTitle?: string;
  email?: string;
  domain?: string;
  signal?: string;
  commit?: boolean;
}

export async function dealNewCommand(company: string, flags: DealNewFlags, options: GlobalOptions): Promise<CommandOutcome> {
  const request: NewDealOptions = { company, segment: flags.segment };
  const optional = {
    slug: flags.slug,
    title: flags.title,
    goal: flags.goal,
    subgoal: flags.subgoal,
    source: flags.source,
    date: flags.date,
    contactName: flags.contact,
    contactTitle: flags.contactTitle,
    contactEmail: flags.email,
    domain: flags.domain,
    signal: flags.signal,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (request as unknown as Record<string, string>)[key] = value;
  const commit = flags.commit !== false;
  // A process keeping the workspace warm (a watcher, the MCP server) opens it, when one runs: the same transaction, on its warm state.
  const served = await askServer(findWorkspaceRoot(options.dir), { op: 'createDeal', options: request, commit });
  const created = (served?.value as (CreatedThread & Committed) | undefined) ?? (await (await openWorkspace(options.dir)).createDeal(request, { commit }));
  return {
    json: { ...created, ...servedBy(served) },
    text: [
      ...created.files.map((f) => `${pc.green('created')} ${f}`),
      ...leftOutNote(flags.slug === undefined ? company : '', created.id),
      `Deal ${pc.bold(created.id)} opened at stage 1 (input). Fill in ${created.files[1]}, then \`threadwork advance ${created.path}\`.`,
      ...warningLines(created.warnings),
      ...committedLine(created.commit, { sync: created.sync, own: created.files }),
    ].join('\n'),
    exitCode: 0,
  };
}
