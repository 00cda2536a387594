import pc from 'picocolors';
import { openWorkspace, type Committed } from '../../api.js';
import { STAGES } from '../../schema/stages.js';
import { askServer } from '../../serve/client.js';
import type { AdvanceResult } from '../../threads/advance.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import { committedLine, servedBy, warningLines, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { typedThread } from './thread-argument.js';

export async function advanceCommand(thread: string, flags: { commit?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const root = findWorkspaceRoot(options.dir);
  // Named as the workspace reads it (a `./` path made workspace-relative here): the server's folder is not this one.
  const named = typedThread(thread, options, root);
  const commit = flags.commit !== false;
  // A process keeping the workspace warm (a watcher, the MCP server) advances it, when one runs: the same transaction, on its warm state.
  const served = await askServer(root, { op: 'advance', thread: named, commit });
  const result = (served?.value as (AdvanceResult & Committed) | undefined) ?? (await (await openWorkspace(root)).advance(named, { commit }));
  return {
    json: { ...result, ...servedBy(served) },
    text: [`${pc.green('created')} ${result.created}`, `${result.thread}: stage ${result.from} (${STAGES[result.from - 1]}) → ${result.to} (${STAGES[result.to - 1]}).`, ...warningLines(result.warnings), ...committedLine(result.commit, { sync: result.sync, own: [result.created] })].join('\n'),
    exitCode: 0,
  };
}
