import { listDueTouches } from './campaigns/due.js';
import type { DraftFile } from './campaigns/drafts.js';
import type { ReplyResult } from './campaigns/reply.js';
import { suppressedSet } from './campaigns/suppression.js';
import { checkModel, type CheckResult } from './check/check.js';
import { today } from './clock.js';
import type { DueTouch } from './outreach/index.js';
import { deriveWorkspace } from './sync/derive-all.js';
import { initWorkspace, type InitOptions, type InitResult } from './init/scaffold.js';
import type { AdvanceResult } from './threads/advance.js';
import type { CreatedThread, NewCampaignOptions, NewDealOptions } from './threads/create.js';
import { listThreads, type ThreadFilter, type ThreadSummary } from './threads/list.js';
import { readThread, type ThreadView } from './threads/read.js';
import { resolveThreadPath } from './threads/resolve.js';
import { syncAfterWrite, type StageWriteOutcome, type WriteSyncOptions } from './threads/write-and-sync.js';
import { runStrategy, type StrategyOptions, type StrategyResult } from './strategy/run.js';
import { runSync, type SyncOptions, type SyncResult } from './sync/run.js';
import { writeOperations } from './operations.js';
import { isAssumptionOrGoal, readHistory, type History } from './history/history.js';
import { buildReport, type ReportData, type ReportName } from './report/build.js';
import type { AccountRow } from './score/accounts.js';
import { rankAccounts, rankingData, type AccountRankingData } from './score/rank.js';
import { installSkills, type SkillsResult } from './skills/install.js';
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
  /** Every thread with its derived stage, status and values. */
  listThreads(filter?: ThreadFilter): Promise<ThreadSummary[]>;
  /** One thread: meta.json, each stage's front matter and body, its derived values. */
  readThread(thread: string): Promise<ThreadView>;
  /**
   * Writes one stage file, validated like `check` before anything touches disk (an invalid
   * write throws with the diagnostics and writes nothing), then syncs and commits.
   */
  writeStage(input: { thread: string; stage: number; frontMatter: Record<string, unknown>; body?: string | undefined }, options?: WriteSyncOptions): Promise<StageWriteOutcome>;
  /** A report as data: pipeline, winloss, goals or assumptions. */
  report(name: ReportName): Promise<ReportData>;
  /** The audit trail of an assumption (A4), a goal (g-…) or a thread (a path or bare id), read back from git. */
  history(subject: string): Promise<History>;
  /** Ranks accounts against a segment's ICP, best first (rows from `readAccounts` or `parseAccounts`). */
  scoreAccounts(segment: string, rows: readonly AccountRow[], asOf?: string): Promise<AccountRankingData>;
  /** Writes the agent skills into .claude/skills/ (hand-edited ones are kept unless `force`). */
  installSkills(options?: { force?: boolean; commit?: boolean }): Promise<SkillsResult>;
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
  const ops = writeOperations(root);
  return {
    root,
    load: () => loadWorkspace(root),
    check: async () => checkModel(await loadWorkspace(root)),
    // Every write takes the workspace lock, so CLI commands, agents and a running watcher take turns.
    createDeal: (options) => withWorkspaceLock(root, () => ops.createDeal(options)),
    createCampaign: (options) => withWorkspaceLock(root, () => ops.createCampaign(options)),
    advance: (thread) => {
      const path = resolveThreadPath(root, thread);
      return withWorkspaceLock(root, () => ops.advance(path));
    },
    resolveThread: (thread) => resolveThreadPath(root, thread),
    listThreads: async (filter) => {
      const model = await loadWorkspace(root);
      return listThreads(model, deriveWorkspace(model), filter);
    },
    readThread: async (thread) => {
      const path = resolveThreadPath(root, thread);
      // A thread's derived values depend on it, the canvas and the config only: no need to read the others.
      const model = await loadWorkspace(root, { includeThread: (dir) => dir === path });
      return readThread(model, deriveWorkspace(model), path);
    },
    writeStage: (input, options) => {
      const thread = resolveThreadPath(root, input.thread);
      return withWorkspaceLock(root, async () => {
        const write = await ops.writeStage({ ...input, thread });
        const after = await syncAfterWrite(root, { paths: write.written ? [write.path] : [], thread, summary: `write ${write.path}` }, options);
        return { write, ...after };
      });
    },
    report: async (name) => {
      const model = await loadWorkspace(root);
      return buildReport(name, model, deriveWorkspace(model));
    },
    history: (subject) => readHistory(root, isAssumptionOrGoal(subject) ? subject : resolveThreadPath(root, subject)),
    scoreAccounts: async (segment, rows, asOf) => rankingData(rankAccounts(await loadWorkspace(root, { includeThread: () => false }), segment, rows, asOf ?? today())),
    installSkills: (options) => withWorkspaceLock(root, () => installSkills(root, options)),
    strategy: (options) => withWorkspaceLock(root, () => runStrategy(root, options)),
    due: async (date) => listDueTouches(await loadWorkspace(root), suppressedSet(root), date ?? today()),
    draftCampaign: (campaign, options) => {
      const path = resolveThreadPath(root, campaign);
      return withWorkspaceLock(root, () => ops.draftCampaign(path, options));
    },
    recordReply: (campaign, email, text, date) => {
      const path = resolveThreadPath(root, campaign);
      return withWorkspaceLock(root, () => ops.recordReply(path, email, text, date));
    },
    sync: (options) => (options?.dryRun ? runSync(root, options) : withWorkspaceLock(root, () => runSync(root, options))),
  };
}

export { initWorkspace, type InitOptions, type InitResult };
