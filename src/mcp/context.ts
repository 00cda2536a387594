import { openWorkspace, type Workspace } from '../api.js';
import { writeOperations, type WriteOperations } from '../operations.js';

/** What every tool handler works with: the workspace's API and its unlocked write operations. */
export interface ToolContext {
  root: string;
  workspace: Workspace;
  ops: WriteOperations;
}

export async function toolContext(dir: string): Promise<ToolContext> {
  const workspace = await openWorkspace(dir);
  return { root: workspace.root, workspace, ops: writeOperations(workspace.root) };
}
