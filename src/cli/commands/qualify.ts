import { openWorkspace } from '../../api.js';
import { renderQualification } from '../../report/render-qualification.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import { typedThread } from './thread-argument.js';

/** `threadwork qualify <deal>`: one deal's ICP fit and qualification, each criterion with its file and line, and what to ask next. */
export async function qualifyCommand(deal: string, options: GlobalOptions): Promise<CommandOutcome> {
  const root = findWorkspaceRoot(options.dir);
  const qualification = await (await openWorkspace(root)).qualify(typedThread(deal, options, root));
  return { json: qualification, text: renderQualification(qualification), exitCode: 0 };
}
