import { openWorkspace } from '../../api.js';
import type { DealQualification } from '../../report/deal-qualification.js';
import { renderQualification } from '../../report/render-qualification.js';
import { askServer } from '../../serve/client.js';
import { servedBy, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import { typedThread } from './thread-argument.js';

/** `threadwork qualify <deal>`: one deal's ICP fit and qualification, each criterion with its file and line, and what to ask next. */
export async function qualifyCommand(deal: string, options: GlobalOptions): Promise<CommandOutcome> {
  const root = findWorkspaceRoot(options.dir);
  // Named as the workspace reads it (a `./` path made workspace-relative here): the server's folder is not this one.
  const named = typedThread(deal, options, root);
  // A process keeping the workspace warm (a watcher, the MCP server) qualifies it, when one runs: the same scores from its warm state.
  const served = await askServer(root, { op: 'qualify', thread: named });
  const qualification = (served?.value as DealQualification | undefined) ?? (await (await openWorkspace(root)).qualify(named));
  return { json: { ...qualification, ...servedBy(served) }, text: renderQualification(qualification), exitCode: 0 };
}
