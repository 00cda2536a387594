import { checkWorkspace } from './engine/run-check.js';
import { storedCheck } from './engine/stored-check.js';
import { draftPath, proposeApproval, type ApprovedDraft } from './campaigns/approve.js';
import { campaignsMissingDueDrafts, dueReport, type DueReport } from './campaigns/due.js';
import { proposeDrafts, type DraftFile, type SkippedProspect } from './campaigns/propose-drafts.js';
import { proposeReply, type ReplyResult } from './campaigns/reply.js';
import { checkModel, type CheckResult } from './check/check.js';
import { loadParserForBlocks } from './check/managed-blocks.js';
import { uniqueDiagnostics, type Diagnostic } from './diagnostics.js';
import { dateOrToday, pastDateOrToday, today } from './clock.js';
import type { WriteProposal } from './engine/changes.js';
import { WorkspaceState } from './engine/state.js';
import { sentAtHead, sentAtHeadByCampaign } from './campaigns/sent-at-head.js';
import { proposeSync, refuseWriteIntoHeldThread, runTransaction, type SyncResult, type TransactionOptions, type TransactionResult } from './engine/transaction.js';
import { WorkspaceSession } from './engine/session.js';
import type { CommitOutcome } from './git/commit.js';
import { repositoryOf } from './git/repo.js';
import { deriveWorkspace, type DerivedWorkspace } from './derive/workspace.js';
import { initWorkspace, type InitOptions, type InitResult } from './init/scaffold.js';
import { proposeAdvance, type AdvanceResult } from './threads/advance.js';
import { proposeCampaign, proposeDeal, type CreatedThread, type NewCampaignOptions, type NewDealOptions } from './threads/create.js';
import { listThreads, type ThreadFilter, type ThreadSummary } from './threads/list.js';
import { readThread, type ThreadView } from './threads/read.js';
import { resolveThreadPath } from './threads/resolve.js';
import { proposeStageWrite, type StageWriteResult } from './threads/write-stage.js';
import { proposeGoalLink, type GoalLink } from './threads/link-goal.js';
import { proposeCreated, type CreatedSet } from './threads/set-created.js';
import { readUnmergedFiles } from './git/unmerged.js';
import { proposeStrategy, type StrategyOptions, type StrategyResult } from './strategy/run.js';
import { isStrategySource } from './answer-ok.js';
import { runSync, type SyncOptions } from './sync/run.js';
import { isAssumptionOrGoal, readHistory, refuseControlInSubject, withFormerNames, type History } from './history/history.js';
import { formerGoalIds } from './history/former-folders.js';
import { requireKnownSubject, withMeantSubject } from './history/known-subject.js';
import { readThreadHistory } from './history/thread-history.js';
import { ThreadworkError } from './errors.js';
import { deriveAsSyncHolds, deriveHeldIn } from './engine/held-derivation.js';
import { buildReport, type ReportData, type ReportName } from './report/build.js';
import { qualifyDeal, type DealQualification } from './report/deal-qualification.js';
import type { AccountRow } from './accounts/read.js';
import { rankAccounts, rankingData, type AccountRankingData } from './accounts/rank.js';
import type { ContactRow } from './accounts/contacts.js';
import { rankContacts, type ContactRanking } from './accounts/rank-contacts.js';
import { proposeSkills, type SkillsResult } from './skills/install.js';
import { findWorkspaceRoot } from './workspace/find-root.js';
import { proposeMigration, type MigrationResult } from './threads/migrate.js';
import { containedPath } from './workspace/contain.js';
import { isAbsolute, relative } from 'node:path';
import { loadWorkspace } from './workspace/load.js';
import { threadsToCheckWith } from './threads/read-scope.js';
import { threadOf } from './workspace/layout.js';
import type { WorkspaceModel } from './workspace/model.js';

/** How a write is finished: `sync: false` writes the command's files only; `commit: false` writes without committing. */
export type WriteOptions = Pick<TransactionOptions, 'sync' | 'commit'>;

/** What every write hands back besides its own result: what it changed downstream and the one commit holding it all. */
export interface Committed {
  /** Derived before → after; null with `sync: false`. */
  sync: SyncResult | null;
  commit: CommitOutcome | null;
  /** What `check` warns about in the files the command wrote or built on (the stage `advance` closed): it went ahead all the same. */
  warnings: Diagnostic[];
}

/** A stage write and what it changed. */
export interface StageWriteOutcome extends Committed {
  write: StageWriteResult;
}

/** The programmatic API: everything the CLI does, as plain async methods that return data and never print. */
export interface Workspace {
  readonly root: string;
  /** Reads and validates every file; the model holds the parsed data and indexes (broken files held, see engine/state.ts). */
  load(): Promise<WorkspaceModel>;
  /** Every problem in the workspace, in one pass; served from the persistent cache when no file changed (`cache: false` bypasses it). */
  check(options?: { cache?: boolean }): Promise<CheckResult>;
  createDeal(options: NewDealOptions, write?: WriteOptions): Promise<CreatedThread & Committed>;
  createCampaign(options: NewCampaignOptions, write?: WriteOptions): Promise<CreatedThread & Committed>;
  /** `thread` may be a folder path or a bare thread id. */
  advance(thread: string, write?: WriteOptions): Promise<AdvanceResult & Committed>;
  resolveThread(thread: string): string;
  /**
   * Every thread with its derived stage, status and values, as sync counts them: a thread
   * sync holds (a cross-file error, a stage file under a wrong name) at its version in HEAD,
   * a broken file at its last valid version. `held`: sync's `derived-held` warnings.
   */
  listThreads(filter?: ThreadFilter): Promise<ThreadSummary[] & { held: Diagnostic[] }>;
  /** One thread: meta.json, each stage's front matter and body as written, its derived values as sync counts them (`held` says what is held). */
  readThread(thread: string): Promise<ThreadView>;
  /**
   * Writes one stage file: `frontMatter` merged onto what it holds (a field left out is kept;
   * `remove` deletes fields by dotted path), validated like `check` before anything touches disk (an invalid
   * write throws with the diagnostics and writes nothing), then syncs and commits.
   */
  writeStage(input: { thread: string; stage: number; frontMatter: Record<string, unknown>; remove?: readonly string[] | undefined; body?: string | undefined; version?: string | undefined }, options?: WriteOptions): Promise<StageWriteOutcome>;
  /**
   * Links a thread to a goal (and subgoal) in its meta.json, or to none (`goal: null`): checked
   * as `deal new --goal` checks it, written in place, synced and committed. A campaign's Stage 1
   * goal moves with it.
   */
  linkGoal(thread: string, link: { goal: string | null; subgoal?: string | null | undefined }, options?: WriteOptions): Promise<GoalLink & Committed>;
  /** Sets the day a thread began (`created` in its meta.json): a real day, not after today; written in place, synced and committed. */
  setCreated(thread: string, created: string, options?: WriteOptions): Promise<CreatedSet & Committed>;
  /** A report as data: pipeline, winloss, goals, assumptions or forecast. */
  report(name: ReportName): Promise<ReportData>;
  /** One deal's ICP fit and qualification as a whole: each criterion with its place in 4-decision.md and what to ask next. */
  qualify(deal: string): Promise<DealQualification>;
  /** The audit trail of an assumption (A4), a goal (g-…) or a thread (a path or bare id), read back from git. */
  history(subject: string): Promise<History & { repository: boolean }>;
  /** Ranks accounts against a segment's ICP, best first (rows from `readAccounts` or `parseAccounts`). */
  scoreAccounts(segment: string, rows: readonly AccountRow[], asOf?: string): Promise<AccountRankingData>;
  /** Scores contacts/leads against a segment (rows from `readContacts` or `parseContacts`): contact, lead and data-quality scores, duplicates merged. */
  scoreContacts(segment: string, rows: readonly ContactRow[], asOf?: string): Promise<ContactRanking>;
  /** Writes the agent skills into .claude/skills/ (hand-edited ones are kept unless `force`). */
  installSkills(options?: { force?: boolean } & WriteOptions): Promise<SkillsResult>;
  /** Recomputes every derived value, writes what differs and commits it (see SyncOptions). */
  sync(options?: SyncOptions): Promise<SyncResult>;
  /** Generates the ICP, narratives and materials of the given segments (all by default). */
  strategy(options?: StrategyOptions & WriteOptions): Promise<StrategyResult>;
  /** Every campaign touch due on `date` (default today), per prospect, skipping stopped and suppressed prospects. */
  due(date?: string): Promise<DueReport>;
  /** Marks drafts approved once each passes the autonomy gates (ICP, quality, daily caps); refuses (`gate-refused`) and writes nothing otherwise. */
  approveDrafts(drafts: readonly string[], options?: WriteOptions): Promise<{ drafts: ApprovedDraft[] } & Committed>;
  /** Writes one draft per prospect and touch into the campaign's drafts/ folder, each graded by the quality gate. */
  draftCampaign(campaign: string, options?: { force?: boolean } & WriteOptions): Promise<{ campaign: string; drafts: DraftFile[]; skipped: SkippedProspect[] } & Committed>;
  /** Records and classifies a prospect's reply; a positive one opens a deal, an unsubscribe suppresses the address. */
  recordReply(campaign: string, email: string, text: string, date?: string, options?: WriteOptions): Promise<ReplyResult & Committed>;
  /**
   * Writes front matter, read from their labelled lines, above stage files written the LeanOS
   * method's way (no front matter); the prose stays byte for byte. `paths`: stage files or
   * folders, relative to the workspace or absolute inside it (none: every such file); `dryRun`
   * writes nothing. Reports every line it could not map (docs/migrate.md).
   */
  migrate(paths?: readonly string[], options?: { dryRun?: boolean } & WriteOptions): Promise<MigrationResult & Committed>;
  /** Writes what a warm workspace keeps in memory to the persistent caches (a cold one keeps nothing: a no-op). */
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Keep the workspace state in memory between calls, for a long-lived process (the MCP
   * server): each call reads again only the files whose stamp moved since the one before
   * (engine/session.ts). `load`, history and scoring still read cold.
   */
  warm?: boolean;
  /** false: no persistent cache, read or written (`--no-cache`); a warm workspace only. */
  cache?: boolean;
}

/** Opens the workspace containing `dir` (default: the current folder). */
export async function openWorkspace(dir: string = process.cwd(), opened: OpenOptions = {}): Promise<Workspace> {
  const root = findWorkspaceRoot(dir);
  return workspaceOn(root, opened.warm ? new WorkspaceSession(root, { cache: opened.cache }) : undefined);
}

/**
 * The API on the workspace at `root`: every call on `session`'s warm state when there is
 * one (a process that keeps the session itself — the watcher, which also syncs from it on
 * every save — hands it here, so what it serves reads the one state it keeps), else cold.
 */
export function workspaceOn(root: string, session: WorkspaceSession | undefined): Workspace {
  /** One transaction: lock, validate, journal, write, sync, one commit (engine/transaction.ts), on the warm state when there is one. */
  const transaction = <T>(propose: (state: WorkspaceState) => WriteProposal<T> | Promise<WriteProposal<T>>, options: TransactionOptions): Promise<TransactionResult<T>> =>
    session ? session.transaction(propose, options) : runTransaction(root, propose, options);
  /** The workspace as derivation sees it (broken files at their last valid version): warm, or loaded cold. */
  const read = async <T>(reader: (model: WorkspaceModel) => T): Promise<T> => (session ? session.read(({ model }) => reader(model)) : reader(await loadWorkspace(root)));
  /** Derived as sync holds it (threads in error at HEAD, each named): warm, or loaded cold. */
  const heldRead = async <T>(use: (model: WorkspaceModel, derived: DerivedWorkspace, held: Diagnostic[]) => T): Promise<{ value: T; held: Diagnostic[] }> =>
    session ? session.read(({ state, derivation }) => deriveHeldIn(state, derivation, use)) : deriveAsSyncHolds(root, use);
  /** Every write is one transaction. */
  const write = async <T extends object>(propose: (model: WorkspaceModel, state: WorkspaceState) => WriteProposal<T> | Promise<WriteProposal<T>>, options: WriteOptions = {}): Promise<TransactionResult<T>> =>
    transaction((state) => propose(state.derivationModel(), state), options);
  const committed = <T extends object>(done: TransactionResult<T>): T & Committed => ({ ...done.result, sync: done.sync, commit: done.commit, warnings: done.warnings });
  const historyOf = async (subject: string): Promise<History> => {
    // Refused here, not as a thread: an empty subject is none of the three kinds history reads.
    if (!subject.trim()) throw new ThreadworkError('Missing subject: history takes an assumption id (A1), a goal id (g-arr-500k-2026) or a thread (threads/sales/acme-corp, or its folder name)', 'invalid-arguments');
    // `A1\n` is no assumption id, and no thread either: refused for what it holds, not answered as an unknown thread.
    refuseControlInSubject(subject);
    if (!isAssumptionOrGoal(subject)) {
      return readThreadHistory(root, subject).catch(async (error: unknown) => {
        if (!(error instanceof ThreadworkError && error.code === 'unknown-thread')) throw error;
        throw withMeantSubject(await loadWorkspace(root, { includeThread: () => false }), subject, error);
      });
    }
    // A goal's trail includes the commits that named it by an earlier id, before its file was renamed.
    const history = subject.startsWith('g-') ? await withFormerNames(root, await readHistory(root, subject), await formerGoalIds(root, subject)) : await readHistory(root, subject);
    if (history.entries.length > 0) return history;
    const model = await loadWorkspace(root, { includeThread: () => false });
    // `G-Force Payments` is the deal g-force-payments: read as a goal only while a goal has the id.
    if (subject.startsWith('g-') && !model.goals.has(subject)) {
      const thread = await readThreadHistory(root, subject).catch((error: unknown) => {
        if (error instanceof ThreadworkError && error.code === 'unknown-thread') return undefined;
        throw error;
      });
      if (thread) return thread;
    }
    requireKnownSubject(model, subject);
    return history;
  };
  return {
    root,
    load: () => loadWorkspace(root),
    check: async (options = {}) => (session ? session.check() : checkWorkspace(root, options, await storedCheck(root, options.cache))),
    createDeal: async (options, opts) => committed(await write((model) => proposeDeal(model, options), opts)),
    createCampaign: async (options, opts) => committed(await write((model) => proposeCampaign(model, options), opts)),
    advance: async (thread, opts) => {
      const path = resolveThreadPath(root, thread);
      // The stage is judged as written, not as derivation holds it (advance.ts).
      return committed(await write((_model, state) => proposeAdvance(state.currentModel(), path), opts));
    },
    resolveThread: (thread) => resolveThreadPath(root, thread),
    listThreads: async (filter) => {
      // Values as sync holds them, as the reports draw them: never a stage sync refuses to commit.
      const { value, held } = await heldRead((model, derived, holds) => listThreads(model, derived, filter, holds));
      return Object.assign(value, { held });
    },
    readThread: async (thread) => {
      const path = resolveThreadPath(root, thread);
      // Derived as sync holds the thread; its files shown as written, the ones to fix.
      // Its diagnostics are what `check` reports for its files (a misnamed stage file, a cross-file error included).
      if (session) return session.read(async ({ state, derivation, check }) => {
        const { value: derived, held } = await deriveHeldIn(state, derivation, (_model, d) => d);
        return readThread(state.derivationModel(), derived, path, heldInThreadOrShared(held, path), check().diagnostics);
      });
      // A thread's derived values depend on it, the canvas and the config only: no need to read the others.
      const includeThread = (dir: string): boolean => dir === path;
      const { value: derived, held } = await deriveAsSyncHolds(root, (_model, d) => d, { includeThread });
      // Checked with the threads its references name (read-scope.ts), as a check of the whole workspace sees them.
      const state = await WorkspaceState.load(root, { includeThread: threadsToCheckWith(root, path) });
      await loadParserForBlocks(state.currentModel());
      return readThread(state.derivationModel(), derived, path, held, checkModel(state.currentModel()).diagnostics);
    },
    writeStage: async (input, options) => {
      const thread = resolveThreadPath(root, input.thread);
      const done = await write((model, state) => proposeStageWrite(model, { ...input, thread }, state.currentModel()), options);
      // Check's warnings in the stage, and those only the derivation finds in it (a managed block it could not write).
      const fromSync = (done.sync?.diagnostics ?? []).filter((d) => d.severity === 'warning' && d.rule !== 'derived-held');
      const warnings = uniqueDiagnostics([...done.warnings, ...fromSync]).filter((d) => d.path === done.result.path);
      return { write: { ...done.result, diagnostics: warnings }, sync: done.sync, commit: done.commit, warnings: done.warnings };
    },
    linkGoal: async (thread, link, opts) => {
      const path = resolveThreadPath(root, thread);
      // meta.json as written, not as derivation holds it: a broken one is refused, never edited from HEAD's.
      return committed(await write((_model, state) => proposeGoalLink(state.currentModel(), { thread: path, ...link }), opts));
    },
    setCreated: async (thread, created, opts) => {
      const path = resolveThreadPath(root, thread);
      return committed(await write((_model, state) => proposeCreated(state.currentModel(), path, created), opts));
    },
    report: async (name) => {
      // Drawn from what sync derives, held threads at HEAD, never from numbers sync would refuse to commit.
      const build = (model: WorkspaceModel, derived: DerivedWorkspace): ReportData => buildReport(name, model, derived);
      const { value, held } = await heldRead(build);
      return Object.assign(value, { held });
    },
    qualify: async (deal) => {
      const path = resolveThreadPath(root, deal);
      const qualify = (model: WorkspaceModel, derived: DerivedWorkspace, held: Diagnostic[]): DealQualification => qualifyDeal(model, derived, path, held);
      // Scored as sync scores it (a file in error at its last valid version, named in `held`). A deal's scores follow from it, the canvas and the config only.
      if (session) {
        const served = (await heldRead(qualify)).value;
        return { ...served, held: heldInThreadOrShared(served.held, path) };
      }
      return (await deriveAsSyncHolds(root, qualify, { includeThread: (dir) => dir === path })).value;
    },
    history: async (subject) => {
      // Outside git there is no audit trail: said apart from a subject nothing has moved yet.
      const [trail, repository] = await Promise.all([historyOf(subject), repositoryOf(root).catch(() => undefined)]);
      return { ...trail, repository: repository !== undefined };
    },
    scoreAccounts: async (segment, rows, asOf) => rankingData(rankAccounts(await loadWorkspace(root, { includeThread: () => false }), segment, rows, asOf ?? today())),
    scoreContacts: async (segment, rows, asOf) => rankContacts(await loadWorkspace(root, { includeThread: () => false }), segment, rows, asOf ?? today()),
    installSkills: async (options = {}) => {
      const done = await write((model) => proposeSkills(model, options), options);
      return { ...done.result, written: done.sources, sync: done.sync, commit: done.commit };
    },
    strategy: async (options = {}) => {
      const done = await write(async (model, state) => proposeStrategy(model, options, { current: state.currentModel(), unmerged: await readUnmergedFiles(root) }), options);
      // An error in what the strategy generates from fails it (answer-ok.ts): said among its own diagnostics, where an agent reading `ok: false` looks, as well as in the sync's.
      const sourceErrors = (done.sync?.diagnostics ?? []).filter((d) => d.severity === 'error' && isStrategySource(d.path));
      return { ...done.result, diagnostics: [...done.result.diagnostics, ...sourceErrors], written: done.sources, sync: done.sync, commit: done.commit };
    },
    due: async (date) => {
      const day = dateOrToday(date);
      return read(async (model) => {
        const report = dueReport(model, day);
        // A touch listed whose draft is gone from disk may have gone out: HEAD's record of it counts, as for `campaign draft`. Only then is git asked.
        const unsure = campaignsMissingDueDrafts(model, report.due);
        const atHead = unsure.length === 0 ? undefined : await sentAtHeadByCampaign(root, unsure);
        return atHead && atHead.size > 0 ? dueReport(model, day, atHead) : report;
      });
    },
    approveDrafts: async (drafts, options) => {
      const paths = drafts.map((d) => draftPath(root, d));
      const done = await write(async (model, state) => {
        // A campaign held for an error (a 5-actions.md saved half-way) is named as such, not judged from the version HEAD has.
        refuseWriteIntoHeldThread(state.currentModel(), paths);
        // A touch whose sent draft was deleted counts as sent, as `due` and `campaign draft` count it.
        const campaigns = [...new Set(paths.map((path) => path.split('/').slice(0, 4).join('/')))];
        return proposeApproval(model, paths, await sentAtHeadByCampaign(root, campaigns));
      }, options);
      return { drafts: done.result, sync: done.sync, commit: done.commit, warnings: done.warnings };
    },
    draftCampaign: async (campaign, options = {}) => {
      const path = resolveThreadPath(root, campaign, 'campaign');
      const done = await write(async (model, state) => {
        // Held, the campaign would be drafted from its prospects as HEAD has them: refused, whether or not a draft is to be written.
        refuseWriteIntoHeldThread(state.currentModel(), [`${path}/meta.json`]);
        return proposeDrafts(model, path, deriveWorkspace(model).assumptions, { ...options, sentAtHead: await sentAtHead(root, path) });
      }, options);
      return { campaign: path, drafts: done.result.drafts, skipped: done.result.skipped, sync: done.sync, commit: done.commit, warnings: done.warnings };
    },
    recordReply: async (campaign, email, text, date, options) => {
      const path = resolveThreadPath(root, campaign, 'campaign');
      const replied = committed(
        await write(async (model, state) => {
          refuseWriteIntoHeldThread(state.currentModel(), [`${path}/meta.json`]);
          // A touch whose sent draft was deleted counts as sent, as `due` counts it: an out-of-office after the last one pauses nothing.
          return proposeReply(model, path, email, text, pastDateOrToday(date, 'the day the reply came'), { sentAtHead: await sentAtHead(root, path) });
        }, options),
      );
      // The deal's `noGoal` says why it counts toward no goal: check's warning about the meta.json the reply wrote would say it again as the person's omission.
      const deal = replied.deal;
      if (!deal || !('noGoal' in deal)) return replied;
      return { ...replied, warnings: replied.warnings.filter((d) => !(d.rule === 'deal-without-goal' && d.path === `${deal.path}/meta.json`)) };
    },
    sync: async (options = {}) => (session ? (await session.transaction(proposeSync, { dryRun: options.dryRun, commit: options.commit })).sync! : runSync(root, options)),
    migrate: async (paths = [], options = {}) => {
      // `..` or an absolute path outside the workspace is refused before anything is read.
      const relatives = paths.map((p) => (isAbsolute(p) ? relative(root, p) : p).replace(/[\\/]+$/, '')).filter((p) => p !== '' && p !== '.');
      const contained = relatives.map((p) => containedPath(root, p));
      const dryRun = options.dryRun === true;
      const done = await transaction((state) => proposeMigration(state.currentModel(), contained, dryRun), { dryRun, commit: options.commit, sync: options.sync });
      return { ...done.result, sync: done.sync, commit: done.commit, warnings: done.warnings };
    },
    close: async () => session?.close(),
  };
}

export { initWorkspace, type InitOptions, type InitResult };

/**
 * Of a session's holds (every thread's broken files), those a cold read of one thread finds:
 * its own and the shared files' (canvas, config, goals). Another thread's hold is no part of
 * this thread's values, and a served answer is the cold one.
 */
function heldInThreadOrShared(held: readonly Diagnostic[], thread: string): Diagnostic[] {
  return held.filter((d) => (threadOf(d.path.split('/'))?.thread ?? thread) === thread);
}
