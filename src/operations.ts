import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCampaignDrafts, type DraftFile } from './campaigns/drafts.js';
import { recordReply, type ReplyResult } from './campaigns/reply.js';
import { today } from './clock.js';
import { deriveWorkspace } from './sync/derive-all.js';
import { advanceThread, type AdvanceResult } from './threads/advance.js';
import { createCampaign, createDeal, type CreatedThread, type NewCampaignOptions, type NewDealOptions } from './threads/create.js';
import { writeStage, type StageWrite, type StageWriteResult } from './threads/write-stage.js';
import { loadWorkspace } from './workspace/load.js';

/**
 * The workspace's write operations without the lock: each reads what it needs, writes
 * its files and returns what it did. Callers hold the workspace lock — the programmatic
 * API takes it per call; the MCP server holds it across a write and the sync after it.
 * Thread arguments are already resolved folder paths.
 */
export interface WriteOperations {
  createDeal(options: NewDealOptions): Promise<CreatedThread>;
  createCampaign(options: NewCampaignOptions): Promise<CreatedThread>;
  advance(thread: string): Promise<AdvanceResult>;
  writeStage(input: StageWrite): Promise<StageWriteResult>;
  draftCampaign(campaign: string, options?: { force?: boolean }): Promise<DraftFile[]>;
  recordReply(campaign: string, email: string, text: string, date?: string): Promise<ReplyResult>;
}

export function writeOperations(root: string): WriteOperations {
  // Creating a thread needs the canvas, goals and config, not the other threads.
  const withoutThreads = () => loadWorkspace(root, { includeThread: () => false });
  return {
    createDeal: async (options) => createDeal(await withoutThreads(), options),
    createCampaign: async (options) => createCampaign(await withoutThreads(), options),
    advance: async (thread) => advanceThread(await loadWorkspace(root, { includeThread: (dir) => dir === thread }), thread),
    // Validation checks references across threads (ids, goals), so it needs them all.
    writeStage: async (input) => writeStage(await loadWorkspace(root), input),
    draftCampaign: async (campaign, options) => {
      const model = await loadWorkspace(root);
      return writeCampaignDrafts(model, campaign, deriveWorkspace(model).assumptions, (path) => readTextOrUndefined(root, path), options);
    },
    recordReply: async (campaign, email, text, date) => recordReply(await loadWorkspace(root), campaign, email, text, date ?? today()),
  };
}

function readTextOrUndefined(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}
