import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDueTouches } from './campaigns/due.js';
import { writeCampaignDrafts, type DraftFile } from './campaigns/drafts.js';
import { recordReply, type ReplyResult } from './campaigns/reply.js';
import { suppressedSet } from './campaigns/suppression.js';
import { checkModel, type CheckResult } from './check/check.js';
import { today } from './clock.js';
import type { DueTouch } from './outreach/index.js';
import { deriveWorkspace } from './sync/derive-all.js';
import { initWorkspace, type InitOptions, type InitResult } from './init/scaffold.js';
import { advanceThread, type AdvanceResult } from './threads/advance.js';
import { createCampaign, createDeal, type CreatedThread, type NewCampaignOptions, type NewDealOptions } from './threads/create.js';
import { resolveThreadPath } from './threads/resolve.js';
import { runStrategy, type StrategyOptions, type StrategyResult } from './strategy/run.js';
import { runSync, type SyncOptions, type SyncResult } from './sync/run.js';
import { findWorkspaceRoot } from './workspace/find-root.js';
import { loadWorkspace } from './workspace/load.js';
import { withWorkspaceLock } from './workspace/lock.js';
import type { WorkspaceModel } from './workspace/model.js';

/** The programmatic API: everything the CLI does, as plain async methods that return data and never print. */
export interface Workspace {
  readonly root: string;
  /** Reads and validates every file; the model holds the parsed data and indexes. */
  load(): Promise<WorkspaceModel>;
  /** Every problem in the workspace, in one pass. */
  check(): Promise<CheckResult>;
  createDeal(options: NewDealOptions): Promise<CreatedThread>;
  createCampaign(options: NewCampaignOptions): Promise<CreatedThread>;
  /** `thread` may be a folder path or a bare thread id. */
  advance(thread: string): Promise<AdvanceResult>;
  resolveThread(thread: string): string;
  /** Recomputes every derived value, writes what differs and commits it (see SyncOptions). */
  sync(options?: SyncOptions): Promise<SyncResult>;
  /** Generates the ICP, narratives and materials of the given segments (all by default). */
  strategy(options?: StrategyOptions): Promise<StrategyResult>;
  /** Every campaign touch due on `date` (default today), per prospect, skipping stopped and suppressed prospects. */
  due(date?: string): Promise<DueTouch[]>;
  /** Writes one draft per prospect and touch into the campaign's drafts/ folder, each graded by the quality gate. */
  draftCampaign(campaign: string, options?: { force?: boolean }): Promise<DraftFile[]>;
  /** Records and classifies a prospect's reply; a positive one opens a deal, an unsubscribe suppresses the address. */
  recordReply(campaign: string, email: string, text: string, date?: string): Promise<ReplyResult>;
}

/** Opens the workspace containing `dir` (default: the current folder). */
export async function openWorkspace(dir: string = process.cwd()): Promise<Workspace> {
  const root = findWorkspaceRoot(dir);
  const withoutThreads = (): Promise<WorkspaceModel> => loadWorkspace(root, { includeThread: () => false });
  return {
    root,
    load: () => loadWorkspace(root),
    check: async () => checkModel(await loadWorkspace(root)),
    // Every write takes the workspace lock, so CLI commands, agents and a running watcher take turns.
    createDeal: (options) => withWorkspaceLock(root, async () => createDeal(await withoutThreads(), options)),
    createCampaign: (options) => withWorkspaceLock(root, async () => createCampaign(await withoutThreads(), options)),
    advance: (thread) => {
      const path = resolveThreadPath(root, thread);
      return withWorkspaceLock(root, async () => advanceThread(await loadWorkspace(root, { includeThread: (d) => d === path }), path));
    },
    resolveThread: (thread) => resolveThreadPath(root, thread),
    strategy: (options) => withWorkspaceLock(root, () => runStrategy(root, options)),
    due: async (date) => listDueTouches(await loadWorkspace(root), suppressedSet(root), date ?? today()),
    draftCampaign: (campaign, options) => {
      const path = resolveThreadPath(root, campaign);
      return withWorkspaceLock(root, async () => {
        const model = await loadWorkspace(root);
        return writeCampaignDrafts(model, path, deriveWorkspace(model).assumptions, (p) => readTextOrUndefined(root, p), options);
      });
    },
    recordReply: (campaign, email, text, date) => {
      const path = resolveThreadPath(root, campaign);
      return withWorkspaceLock(root, async () => recordReply(await loadWorkspace(root), path, email, text, date ?? today()));
    },
    sync: (options) => (options?.dryRun ? runSync(root, options) : withWorkspaceLock(root, () => runSync(root, options))),
  };
}

export { initWorkspace, type InitOptions, type InitResult };

function readTextOrUndefined(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}
