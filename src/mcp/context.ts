import { openWorkspace, type Workspace } from '../api.js';

/** What every tool handler works with: the workspace's API — the same one the CLI is built on. */
export interface ToolContext {
  root: string;
  workspace: Workspace;
}

/**
 * The server's workspace is kept warm (engine/session.ts): an agent's calls follow one
 * another for as long as the server runs, and each then costs what changed since the
 * last one — at 10,000 deals, a write or a list of the threads in a fraction of what a
 * cold load of every file and thread takes.
 */
export async function toolContext(dir: string): Promise<ToolContext> {
  const workspace = await openWorkspace(dir, { warm: true });
  return { root: workspace.root, workspace };
}
