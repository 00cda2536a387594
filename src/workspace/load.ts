import { WorkspaceState, type StateOptions } from '../engine/state.js';
import type { WorkspaceModel } from './model.js';

export type LoadOptions = StateOptions;

/**
 * Reads and validates the whole workspace in one pass, as derivation sees it (broken
 * files held at their last valid version: see engine/state.ts). Never throws for bad
 * content: every problem becomes a diagnostic and the rest of the workspace is still loaded.
 */
export async function loadWorkspace(root: string, options: LoadOptions = {}): Promise<WorkspaceModel> {
  return (await WorkspaceState.load(root, options)).derivationModel();
}
