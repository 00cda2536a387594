import { openWorkspace, type Workspace } from '../api.js';

/** What every tool handler works with: the workspace's API — the same one the CLI is built on. */
export interface ToolContext {
  root: string;
  workspace: Workspace;
}

export async function toolContext(dir: string): Promise<ToolContext> {
  const workspace = await openWorkspace(dir);
  return { root: workspace.root, workspace };
}
