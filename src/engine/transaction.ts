import { SYNC_WARNINGS } from '../diagnostics-catalog.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { IncrementalDerivation } from '../derive/incremental.js';
import { ThreadworkError } from '../errors.js';
import { checkModel } from '../check/check.js';
import { loadParserForBlocks } from '../check/managed-blocks.js';
import { Locators } from '../check/locators.js';
import { campaignLinkWarnings, referenceErrors } from '../check/references.js';
import { cacheEnabled, nothingCachedYet } from './cache.js';
import { crossFileErrorsSince, followParseCache, readCrossFileRecord, threadsOf, writeCrossFileRecord } from './cross-file-record.js';
import { commitPaths, namedFew, type CommitOutcome } from '../git/commit.js';
import { headCommit, readAtHead, repositoryIn } from '../git/head-files.js';
import { deriveWorkspace, type DerivedWorkspace } from '../derive/workspace.js';
import { classifyPath, threadOf } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { withWorkspaceLock, type LockHandle } from '../workspace/lock.js';
import { createFileExclusive, writeFileIfChanged, writeFilesIfChanged } from '../workspace/write.js';
import { writeRefused, type SourceChange, type WriteProposal } from './changes.js';
import { buildCommitMessage, removedTriggers, withTriggers } from './commit-message.js';
import { refuseTakenCreates } from './taken-creates.js';
import { clearJournal, hasJournal, readJournal, recordJournal, removeLeftoverTemps, type Journal, type JournalSubject } from './journal.js';
import { saveFacts, seededDerivation } from './facts-cache.js';
import { keepRenderMemo, renderMemoFor } from './render-memo-store.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';
import { WorkspaceState, type CacheSaveOptions } from './state.js';
import { settled } from '../settled.js';
import { fingerprint, type Fingerprint, type Prescan } from './fingerprint.js';
import { PhaseTimer } from '../timing.js';
import { atMostEvery } from './at-most-every.js';
import { everySource, uncommittedAndDeleted, UncommittedSources } from './uncommitted.js';
import { draftGateErrors } from './draft-gates.js';
import { refuseSparseCheckout } from './sparse-refusal.js';
import { withoutInertEdits } from './inert-edits.js';
import { goalsAddedOrRemoved, goalsSummary } from './goals-added-or-removed.js';
import { changedTemplateOverrides, writesGenerated } from './template-overrides.js';
import { brokenThreadFiles, errorsHoldingWrite, holdThreadsInError, type HeldAway } from './hold-in-error.js';
import { nestedCopiesOfGoneThreads } from '../workspace/nested-threads.js';
import { stillChanged, triggersFor, type TriggerQuestion } from './triggers.js';
import { withMarkdownParser } from '../markdown/managed-blocks.js';
import { readUnmergedFiles } from '../git/unmerged.js';
import { icpConflictsPointedAtSource } from '../strategy/icp-conflict.js';
import { planSync, type DerivedChange, type FileEdit, type SyncPlan } from './sync-plan.js';

export interface TransactionOptions {
  /** Compute and report, write nothing. */
  dryRun?: boolean | undefined;
  /** false: write but do not commit (also off when the config says `git.commit: false`). */
  commit?: boolean | undefined;
  /** false: write the command's files only; the next sync or watch cycle derives from them. */
  sync?: boolean | undefined;
  /** A warm state (watch mode); otherwise the workspace is loaded cold under the lock. */
  state?: WorkspaceState | undefined;
  /**
   * The source files known to have changed and not been committed yet (a watcher knows
   * them from its events). Without it, git tells (uncommitted.ts). Paths committed are removed.
   */
  pendingSources?: Set<string> | undefined;
  /**
   * The source files this run's events changed (a watcher fills it as its proposal collects
   * them): a canvas section, a goal or the config among them has every thread's references
   * checked. A cold run knows it from its load.
   */
  changedThisRun?: ReadonlySet<string> | undefined;
  /** Watch mode keeps the derivation between cycles: each cycle recounts only the threads that changed. */
  derivation?: IncrementalDerivation | undefined;
  /** false: a cold load reads every file, without the persistent parse cache (`--no-cache`). */
  cache?: boolean | undefined;
  /**
   * The workspace's fingerprint and HEAD, taken under this transaction's lock by a caller
   * that looked for a result it already knew (sync/run.ts): the load reuses the
   * fingerprint's scan and stamps, the uncommitted record the HEAD.
   */
  fingerprinted?: { print: Fingerprint; head: string | undefined; timer?: PhaseTimer } | undefined;
}

/** What a sync did: the derived half of every transaction (the `sync --json` contract). */
export interface SyncResult {
  dryRun: boolean;
  /** Files written (or, in a dry run, that would be): the command's own and the derived ones. */
  written: string[];
  edits: { path: string; created: boolean }[];
  changes: DerivedChange[];
  /** Source problems, values held for broken files, damaged blocks; the rest went ahead. */
  diagnostics: Diagnostic[];
  /** Source files the commit names as causes: the command's own, then the uncommitted ones its derived changes come from (without a commit, only its own). */
  triggers: string[];
  commit: CommitOutcome | null;
  /**
   * Source files that still differ from HEAD after the run: neither the command's own nor
   * the cause of a derived change, so not committed (a thread opened with `--no-commit`, a
   * person's unfinished edit). null when the run did not ask git (a dry run, commits off,
   * `git.commit: false`, a watcher's cycle, a repository without commits).
   */
  uncommitted: string[] | null;
  /** Of `uncommitted`, the files deleted (no longer on disk): `git rm` commits them. null when `uncommitted` is. */
  uncommittedDeleted: string[] | null;
}

export interface TransactionResult<T> {
  result: T;
  /** The command's own files that were written (a write that changed nothing is not listed). */
  sources: string[];
  /** The derived half; null with `sync: false`. */
  sync: SyncResult | null;
  /** The one commit holding the command's files and everything they changed. */
  commit: CommitOutcome | null;
  /**
   * What `check` warns about in the files the command wrote and those it built on (the
   * stage `advance` closed): the write went ahead, and the person hears of a QUALIFY below
   * the BANT threshold or a deal linked to no goal now, not at the next `check`. Empty for a
   * sync, and for a proposal that is not judged (`validate: false`).
   */
  warnings: Diagnostic[];
  /**
   * The commit that finished an earlier transaction whose commit never happened (its journal:
   * a kill, a commit git refused), made before this one's own; null when there was none. With
   * nothing of its own to commit, `commit` (and `sync.commit`) is this one too.
   */
  recovered: CommitOutcome | null;
}

/** What a proposal looks like when a transaction only syncs. */
export const SYNC_ONLY: WriteProposal<null> = { result: null, changes: [], summary: '' };

/**
 * The proposal of a sync and nothing else. A transaction knows it by this identity: it
 * judges no file, so remark need not be loaded before it (planning loads it when a block
 * file needs it) — deciding that read every block file from disk in each watch cycle. A
 * cold `threadwork sync` passes a proposal of its own (it keeps the state) and still asks:
 * once per process.
 */
export const proposeSync = (): WriteProposal<null> => SYNC_ONLY;

/**
 * The one way threadwork writes. Every command — init, deal new, campaign new, advance,
 * a stage write, drafts, replies, strategy, skills, sync, each watch cycle, each MCP
 * tool — proposes its source files as data, and this function alone:
 *
 * 1. takes the workspace lock (and aborts, writing nothing more, once it is compromised);
 * 2. finishes a transaction an earlier process was killed in (journal.ts);
 * 3. validates the proposal against the workspace as it would be — positions and
 *    `field` paths computed on the new text, cross-file rules included;
 * 4. derives everything from the workspace as it would be (broken files held);
 * 5. journals, writes atomically, and makes one commit whose message is built in one
 *    place (commit-message.ts). A broken source file is never committed.
 */
export async function runTransaction<T>(
  root: string,
  propose: (state: WorkspaceState) => WriteProposal<T> | Promise<WriteProposal<T>>,
  options: TransactionOptions = {},
): Promise<TransactionResult<T>> {
  const run = async (lock: LockHandle | undefined): Promise<TransactionResult<T>> =>
    runLockedTransaction(root, lock, propose, options.state || options.fingerprinted || !cacheEnabled(options.cache) || (await nothingCachedYet(root)) ? options : Object.assign({}, options, { fingerprinted: await fingerprintForLoad(root) }));
  // The lock keeps writers apart (and lets the one that takes it finish an interrupted
  // transaction, repair git's index). A dry run writes no file of the workspace, finishes
  // nothing and commits nothing: it reads, as `check` does, without the lock — so it runs on
  // a read-only `.git` and beside a writer, whose transaction it may see half-done, as
  // `check` may (the caches it saves are written whole, by rename, as `check`'s are).
  return options.dryRun ? run(undefined) : withWorkspaceLock(root, run);
}

/**
 * A cold write (`deal new`, `advance`… in a fresh process) loads the state from the parse
 * cache as a sync does: each file compared with the stamp a fingerprint took — the thread
 * folders listed and stat-ed on two threads — not lstat-ed one by one on the main thread
 * after a scan of its own (at 10,000 deals 0.2 s of scan and 0.7 s of lstat-s under load).
 */
async function fingerprintForLoad(root: string): Promise<NonNullable<TransactionOptions['fingerprinted']>> {
  const timer = new PhaseTimer();
  // HEAD is asked while the heap is small, as sync asks it (sync/run.ts).
  const reading = headCommit(root);
  const print = await fingerprint(root);
  const head = await reading;
  timer.mark('fingerprint');
  return { print, head, timer };
}

/** runTransaction for a caller that holds the workspace lock already (`lock`). */
export async function runLockedTransaction<T>(
  root: string,
  lock: { assertHeld?(): void } | undefined,
  propose: (state: WorkspaceState) => WriteProposal<T> | Promise<WriteProposal<T>>,
  options: TransactionOptions = {},
): Promise<TransactionResult<T>> {
  try {
    return await transact(root, lock, propose, options);
  } catch (error) {
    throw await withStateAfterwards(root, error);
  }
}

/**
 * A file the system refused to write stopped the transaction part-way: its error says
 * what the workspace holds now and what finishes the job, since the journal (when the
 * run was to commit) makes the next transaction complete this one first.
 */
async function withStateAfterwards(root: string, error: unknown): Promise<unknown> {
  if (!(error instanceof ThreadworkError) || error.code !== 'write-failed') return error;
  const after = (await hasJournal(root))
    ? 'Nothing was committed; files written before it stay on disk, and once it can be written the next threadwork command (e.g. `threadwork sync`) finishes this change first and commits it.'
    : 'Files written before it stay on disk, uncommitted; once it can be written, `threadwork sync` writes the rest.';
  return new ThreadworkError(`${error.message}. ${after}`, error.code, error.details);
}

async function transact<T>(
  root: string,
  lock: { assertHeld?(): void } | undefined,
  propose: (state: WorkspaceState) => WriteProposal<T> | Promise<WriteProposal<T>>,
  options: TransactionOptions,
): Promise<TransactionResult<T>> {
  // The lock is re-read before a write at most every 5 ms (a batch of 10,000 files read its
  // owner file 40,000 times): a takeover needs this process's heartbeat to have stopped for
  // 10 s, and after any pause that long the next write's check runs.
  const guard = atMostEvery(5, () => lock?.assertHeld?.());
  await refuseSparseCheckout(root);
  const timer = options.fingerprinted?.timer ?? new PhaseTimer();
  const prescan: Prescan | undefined = options.state ? undefined : options.fingerprinted?.print.scan;
  const head = options.fingerprinted?.head;
  const interrupted = options.dryRun ? null : await readJournal(root);
  const uncommitted = interrupted ? undefined : uncommittedQuery(root, options, head);
  const state = options.state ?? (await WorkspaceState.load(root, { cache: options.cache, prescan, deferCacheSave: true, keepMetaTexts: true }));
  await state.resolveHeld();
  // Git is asked once the load knows which files changed since the parse cache; it answers while the state derives.
  await uncommitted?.ask(state);
  timer.mark('load');
  const finished = interrupted ? await finishInterrupted(state, interrupted, options, guard) : undefined;
  const recovered = finished?.commit?.committed ? finished.commit : null;
  // Its commit refused (a file saved while it was made): what this run says of its commit, unless it makes its own.
  const finishedAt = finished?.commit ?? null;
  // A cold run derives from the facts cache: only the threads that changed are derived anew.
  const seeded = !options.derivation && state.cached ? await seededDerivation(state) : undefined;
  const deriving = seeded ? Object.assign({}, options, { derivation: seeded.derivation }) : options;
  const keepFacts = async (): Promise<void> => {
    if (seeded && !options.dryRun) await saveFacts(root, seeded.derivation, state.derivationModel().threads.size, seeded.fresh);
  };
  // A proposal may judge files as check does (advance, migrate), synchronously: remark is loaded first if a block file needs it.
  // (`unknown`: TypeScript compares no two function types of different results.)
  if ((propose as unknown) !== proposeSync) await loadParserForBlocks(state.currentModel());
  const proposal = await propose(state);
  if (proposal.nothingToWrite) {
    if (!options.state) await saveParseCacheIfStale(state); // a cold load deferred it
    return { result: proposal.result, sources: [], sync: null, commit: finishedAt, recovered, warnings: [] };
  }
  await state.resolveHeld(); // a proposal may have fed the state new broken files (a watch cycle's events)
  // All of a command's new files are free, or nothing is written: never a part of it.
  if (!options.dryRun) refuseTakenCreates(root, proposal.changes, (path) => state.diskText(path));
  const staged = new Map<string, string | null>(proposal.changes.map((c) => [c.path, c.content]));
  const undoProposal = state.stage(staged);
  let undoFeed: (() => void) | undefined;
  const undo = (): void => {
    undoFeed?.();
    undoProposal();
  };
  let planned: Planned;
  let warnings: Diagnostic[] = [];
  try {
    if (proposal.changes.length > 0 && proposal.validate !== false) warnings = await withMarkdownParser(() => refuseInvalid(state, proposal));
    // Git answers while the workspace derives: planning waits for it, deriving does not.
    const inQuestion = options.sync === false ? Promise.resolve(NONE_IN_QUESTION) : sourcesInQuestion(state, options, uncommitted, proposal);
    ({ planned, undoFeed } = await state.checkingFoldersOnce(() => planWithIcpFed(state, deriving, inQuestion)));
    refuseHeldAwayWrite(planned, proposal);
    if (seeded?.warning) planned.diagnostics.push(seeded.warning);
    timer.mark('validate+derive+plan');
  } catch (error) {
    undo();
    options.derivation?.invalidate();
    throw error;
  }
  const { plan, derived, diagnostics, committing } = planned;
  const sync: SyncResult | null = options.sync === false ? null : { dryRun: options.dryRun === true, written: finished?.written ?? [], edits: plannedEdits(plan), changes: finished?.changes.length ? [...finished.changes, ...plan.changes] : plan.changes, diagnostics, triggers: [], commit: finishedAt, uncommitted: null, uncommittedDeleted: null };
  if (options.dryRun) {
    undo();
    // Nothing was written: the threads this plan named are the next run's to write.
    if (derived) options.derivation?.notPlanned(derived.changedThreads);
    if (!options.state) await saveParseCacheIfStale(state); // a cold load deferred it
    if (sync) sync.written = sync.edits.map((e) => e.path);
    return { result: proposal.result, sources: proposal.changes.map((c) => c.path), sync, commit: null, recovered: null, warnings };
  }
  const pendingSources = proposal.changes.filter((c) => state.diskText(c.path) !== c.content);
  if (pendingSources.length === 0 && plan.edits.length === 0 && plan.creations.length === 0) {
    undo();
    if (!options.state) await saveParseCacheIfStale(state); // a cold load deferred it
    await writeSnapshot(root, plan.snapshot);
    await keepFacts();
    // A goal renamed, its threads fixed: nothing derived moves, but the rename is committed (goals-added-or-removed.ts).
    const goals = committing ? await commitGoalsAddedOrRemoved(state, planned, options, uncommitted) : undefined;
    const commit = goals?.commit ?? null;
    await uncommitted?.remember(state, commit, []);
    if (sync && committing) Object.assign(sync, uncommittedAndDeleted(root, (await uncommitted?.left(commit, [])) ?? null));
    if (sync && goals) Object.assign(sync, { triggers: goals.paths, commit });
    if (uncommitted?.warning) diagnostics.push(uncommitted.warning);
    return { result: proposal.result, sources: [], sync, commit: commit ?? finishedAt, recovered, warnings };
  }

  const sourcePaths = proposal.changes.map((c) => c.path);
  // A generated file written: the template overrides it was made from are among its sources.
  const templates = committing && writesGenerated([...sourcePaths, ...plannedEdits(plan).map((e) => e.path)]) ? await changedTemplateOverrides(root) : [];
  const pending = committing ? [...(await pendingBefore(root, options, uncommitted)), ...templates] : [];
  const candidates = committing ? uncheckedLeftOut(state, planned, triggersFor(triggerQuestion(plan, pending, notTriggers(state, sourcePaths), [...(proposal.madeFrom ?? []), ...templates]))) : [];
  // An edit that moves nothing derived (prose under a stage's front matter, an unknown canvas file) is not a cause: never committed by sync.
  const triggers = candidates.length > 0 ? await withoutInertEdits(root, state.currentModel(), candidates, [...sourcePaths, ...plannedEdits(plan).map((e) => e.path), ...(proposal.madeFrom ?? []), ...templates]) : [];
  if (uncommitted?.warning) diagnostics.push(uncommitted.warning);
  const subject: JournalSubject = { summary: proposal.summary || undefined, thread: proposal.thread, details: proposal.details, trailers: proposal.trailers, changes: plan.changes, triggers: [...sourcePaths, ...triggers], removed: removedTriggers(root, triggers) };
  const message = buildCommitMessage({ summary: subject.summary, thread: subject.thread, details: subject.details, trailers: subject.trailers, changes: subject.changes, triggers: subject.triggers, removed: subject.removed, derived });
  if (committing) await recordJournal({ root, message, sources: proposal.changes, paths: [...sourcePaths, ...plannedEdits(plan).map((e) => e.path), ...triggers], subject });
  timer.mark('triggers+journal');

  const written: string[] = [];
  try {
    const sources = await applySources(state, proposal.changes, guard);
    written.push(...sources);
    const derivedWritten = await applyDerived(state, plan, guard);
    written.push(...derivedWritten);
    deriving.derivation?.adoptWrittenMeta(state.derivationModel(), metaWritten(plan));
    timer.mark(`write ${written.length}`);
    // The caches describe the files as read and written, whatever the commit does. Saved a
    // chunk between two turns of the event loop while the commit waits on git — a first
    // sync's commit waits on git's hashing, indexing and committing for most of a second.
    const saveCaches = async (): Promise<void> => {
      // After many writes (a first sync), the next cold run should not parse them all again.
      if (!options.state) await saveParseCacheIfStale(state, { force: derivedWritten.length >= MANY_WRITES, betweenTurns: true });
      await keepFacts();
    };
    let commit: CommitOutcome | null = finishedAt;
    const heldAhead = committing ? state.heldAheadOfHead() : [];
    if (committing && written.length > 0) {
      guard();
      // Asked of what the commit holds and of what this run read anew: a save `git stash` took
      // away before git was asked what differs from HEAD is in no commit, but what it derived is.
      // With the files of a finish whose commit was refused: a commit of this run's alone would leave those behind, its journal cleared.
      const paths = committable(state, [...written, ...triggers, ...(finished?.left ?? [])]);
      const committed = heldAhead.length > 0 ? settled(Promise.resolve(sourceHeld(heldAhead))) : settled(commitOrSay({ cwd: root, paths, message, author: state.derivationModel().config.git.author, changedMeanwhile: () => state.movedSinceRead([...paths, ...(options.changedThisRun ?? [])]), written: writtenContents(proposal.changes, plan) }));
      const cached = await settled(saveCaches());
      const outcome = await committed; // never left running: what follows may undo the state the caches read
      if ('error' in outcome) throw outcome.error;
      if ('error' in cached) throw cached.error;
      commit = outcome.value;
    } else {
      await saveCaches();
    }
    // A file changed while it was committed: the journal stays, so the next run derives again and commits (what it wrote is on disk; nothing is to be written again over the change).
    // Held for a broken file's version no commit has: that file is one of the commit's sources, committed with it once whole.
    // A journal the finish above left waiting (its commit held) keeps its paths beside these.
    const waiting = interrupted && !recovered ? [...interrupted.paths, ...(finished?.left ?? [])] : [];
    if (committing) await (leftForNextRun(commit) ? recordJournal({ root, message, sources: [], paths: [...new Set([...waiting, ...sourcePaths, ...plannedEdits(plan).map((e) => e.path), ...triggers, ...heldAhead])], subject }) : clearJournal(root));
    timer.mark('commit and caches');
    if (commit?.committed) for (const path of [...written, ...triggers]) options.pendingSources?.delete(path);
    await writeSnapshot(root, plan.snapshot);
    await uncommitted?.remember(state, commit, [...written, ...triggers]);
    timer.mark('snapshot');
    timer.report(proposal.summary || 'sync');
    const left = committing ? ((await uncommitted?.left(commit, [...written, ...triggers])) ?? null) : null;
    if (sync) Object.assign(sync, { written: [...(finished?.written ?? []), ...derivedWritten], triggers: [...sources, ...triggers], commit, ...uncommittedAndDeleted(root, left) });
    return { result: proposal.result, sources, sync, commit, recovered, warnings };
  } catch (error) {
    // What reached the disk is what the state must show; the journal finishes the rest next time.
    undo();
    // A batch of derived writes may have stopped half-way: every file it was to write is re-read.
    for (const path of new Set([...staged.keys(), ...written, ...plan.edits.map((e) => e.path)])) state.update(path);
    options.derivation?.invalidate();
    throw error;
  }
}

/**
 * The triggers without the files with a cross-file error: those found before planning, and
 * those of threads no one checked yet (git named them only now), whose errors join the
 * run's diagnostics — nor the block files the plan left as they are for an error of theirs
 * (damaged markers; a file read part-way through its save, engine/cut-short.ts, which was
 * committed cut mid-word whenever another save in the same cycle moved a derived file).
 */
function uncheckedLeftOut(state: WorkspaceState, planned: Planned, triggers: readonly string[]): string[] {
  const unchecked = [...threadsOf(triggers)].filter((thread) => !planned.checked.has(thread));
  const invalid = new Set([...planned.invalid, ...planned.plan.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)]);
  if (unchecked.length > 0) {
    const model = state.derivationModel();
    const late = referenceErrors(model, new Locators((path) => model.text(path)), () => unchecked).diagnostics.filter((d) => classifyPath(d.path).kind !== 'canvas' && classifyPath(d.path).kind !== 'goal');
    planned.diagnostics.push(...late);
    for (const d of late) invalid.add(d.path);
  }
  // A thread with an error is committed whole or not at all: none of its changes go in, deletions included.
  const held = threadsOf(invalid);
  return triggers.filter((path) => !invalid.has(path) && !held.has(threadOf(path.split('/'))?.thread ?? ''));
}

/**
 * Which sources are uncommitted, for a cold transaction that may commit them as its
 * triggers (uncommitted.ts). A warm state knows them from its events (pendingSources),
 * or asks git only when there is something to commit, as does a run that recovers an
 * interrupted one (it commits first); a dry run or a run that does not commit never asks.
 */
function uncommittedQuery(root: string, options: TransactionOptions, head: string | undefined): UncommittedSources | undefined {
  if (options.state || options.pendingSources || options.dryRun || options.commit === false || options.sync === false) return undefined;
  return new UncommittedSources(root, head);
}

interface Planned {
  plan: SyncPlan;
  /** Files with a cross-file error: left out of the commit. */
  invalid: ReadonlySet<string>;
  /** The threads whose cross-file rules were checked. */
  checked: ReadonlySet<string>;
  derived: DerivedWorkspace | undefined;
  diagnostics: Diagnostic[];
  committing: boolean;
  /** The threads held only for naming an id whose definition is held (ThreadHold.heldAway), each with its warning. */
  heldAway?: ReadonlyMap<string, HeldAway>;
}

async function planDerived(state: WorkspaceState, options: TransactionOptions, inQuestion: Promise<InQuestion>, resume?: ReadonlySet<string>): Promise<Planned> {
  const model = state.derivationModel();
  // `sync: false` derives nothing, so it commits nothing: a commit holds a source with the
  // derived values it moves, and the next sync, which derives them, commits the file with them.
  const committing = options.commit !== false && options.sync !== false && model.config.git.commit;
  // Errors, and the warnings about what this derivation leaves out: a held file, a file
  // read with U+FFFD for bytes that are not UTF-8 (derived from what it says once re-saved):
  // the catalogue's SYNC_WARNINGS, which its "reported by" column is built from.
  const diagnostics = model.diagnostics.filter((d) => d.severity === 'error' || SYNC_WARNINGS.has(d.rule));
  if (options.sync === false) return { plan: { edits: [], creations: [], changes: [], diagnostics: [], snapshot: {} }, derived: undefined, diagnostics, committing, invalid: new Set<string>(), checked: new Set<string>() };
  let derived = deriveWorkspace(model, options.derivation);
  // Files valid on their own whose references do not resolve (an unknown id, a duplicate
  // id, a stage without its predecessor): reported, never edited, never committed — and
  // their threads held at HEAD, so that nothing derived from them is committed either.
  const { checked, crossFile } = await crossFileErrors(state.root, model, await inQuestion, options);
  const invalid = new Set(crossFile.map((d) => d.path));
  // An approved draft below its gates is a file in error: named, never committed (it derives nothing, so nothing is held).
  const asked = await inQuestion;
  const gates = draftGateErrors(model, asked.changed === undefined ? undefined : [...asked.pending, ...asked.changed]);
  for (const d of gates) invalid.add(d.path);
  // A stage file under a wrong name: the thread read without that stage is wrong (a won deal
  // reopened), so it is held like a thread with a cross-file error, and the file not committed.
  // A thread folder nested in another is read by nothing: the folder it was moved from is
  // held the same way. A cold run's scan found it; a run that read only what changed looks
  // for the thread folders it saw go.
  const nested = nestedNotScanned(state.root, model, diagnostics, await inQuestion);
  const misplaced = [...diagnostics.filter((d) => d.rule === 'stage-file-name' || d.rule === 'thread-folder-nested'), ...nested];
  const hold = await holdThreadsInError(state, model, [...crossFile, ...misplaced, ...brokenThreadFiles(diagnostics, state.brokenPaths(), model.threads)]);
  try {
    for (const path of hold?.paths ?? []) invalid.add(path);
    // Derived once more with the held threads at HEAD: only they changed, so a warm derivation recounts only them.
    if (hold?.staged) derived = withChangedThreads(deriveWorkspace(state.derivationModel(), options.derivation), derived.changedThreads);
    const previous = await readSnapshot(state.root);
    const { memo: strategyMemo, warning: memoWarning } = await renderMemoFor(state.root, cacheEnabled(options.cache));
    // A generated file a stopped merge left conflicted is judged by the sides git's index holds of it (strategy/generated-file.ts).
    const unmerged = await readUnmergedFiles(state.root);
    let plan = await withMarkdownParser(() => planSync(state.derivationModel(), derived, previous, { resume, invalid, strategyMemo, unmerged }));
    // A block file that differs from HEAD is described again from its committed text: the
    // commit's "before → after" is then what its diff shows, not what a hand edit left.
    // Finishing a journal (`resume`), a thread's meta.json too: the interrupted run wrote it, and its line must say what the commit's diff shows.
    const committed = committing ? await committedBlockFiles(state.root, plan, asked.pendingComplete ? new Set(asked.pending) : undefined, resume !== undefined) : undefined;
    if (committed?.size) plan = await withMarkdownParser(() => planSync(state.derivationModel(), derived, previous, { resume, invalid, committed, strategyMemo, unmerged }));
    await keepRenderMemo(state.root, strategyMemo);
    if (memoWarning) plan.diagnostics.push(memoWarning);
    // A file sync would have edited says so in its own `not-utf8`, in place of the one of its reading.
    const stale = new Set(plan.diagnostics.filter((d) => d.rule === 'not-utf8').map((d) => d.path));
    const read = stale.size === 0 ? diagnostics : diagnostics.filter((d) => d.rule !== 'not-utf8' || !stale.has(d.path));
    // An ICP file's conflict pointed at the canvas while the canvas holds one: what to resolve is there (strategy/icp-conflict.ts).
    // A campaign link written in Stage 1 alone, which the goals' counts just derived leave out (check reports it too).
    const links = campaignLinkWarnings(model, new Locators((path) => model.text(path)));
    const all = icpConflictsPointedAtSource([...read, ...nested, ...crossFile, ...gates, ...links, ...(hold?.diagnostics ?? []), ...plan.diagnostics], unmerged, (path) => state.text(path));
    return { plan, derived, diagnostics: [...all], committing, invalid, checked, heldAway: hold?.heldAway };
  } finally {
    hold?.release();
  }
}

/** The `thread-folder-nested` errors of the thread folders this run saw go, that its scan (a cold run's) did not report already. */
function nestedNotScanned(root: string, model: WorkspaceModel, diagnostics: readonly Diagnostic[], asked: InQuestion): Diagnostic[] {
  const found = nestedCopiesOfGoneThreads(root, [...asked.pending, ...(asked.changed ?? [])], (folder) => model.threads.has(folder));
  return found.filter((d) => !diagnostics.some((e) => e.rule === d.rule && e.path === d.path));
}

/**
 * The text in HEAD of each block file the plan edits whose text on disk is not HEAD's:
 * one `git cat-file` for them all, and none when the plan edits no block file known to
 * be uncommitted (`pending`, when every uncommitted source is known) — a committed one is
 * HEAD's already, and a sync or a watch cycle after one save spares the process.
 */
async function committedBlockFiles(root: string, plan: SyncPlan, pending: ReadonlySet<string> | undefined, metas = false): Promise<Map<string, string>> {
  const blockFiles = new Set(Object.keys(plan.snapshot).map((key) => key.slice(0, key.lastIndexOf('#'))));
  const isMeta = (path: string): boolean => path.endsWith('/meta.json');
  const edited = plan.edits.filter((e) => e.before !== null && (blockFiles.has(e.path) || isMeta(e.path)) && (pending === undefined || pending.has(e.path)));
  if (edited.length === 0) return new Map();
  const atHead = await readAtHead(root, edited.map((e) => e.path));
  // Outside a repository nothing is at HEAD, and nothing is new to a commit either.
  const inRepository = edited.some((e) => !atHead.has(e.path)) && (await repositoryIn(root)) !== undefined;
  return new Map(
    edited.flatMap((e) => {
      const committed = atHead.get(e.path);
      // A file HEAD has none of is new in this commit: a thread folder copied by hand to start
      // a deal carries the other deal's derived values, a goal file copied to start a goal
      // (as its template says to) the other goal's state block — no "before" of this one
      // (`stage 6 → 2, status closed-won → open` read as a won deal reopened). Its line says
      // what the commit's diff shows: every value new.
      if (committed === undefined) return inRepository ? [[e.path, ''] as const] : [];
      return (metas || !isMeta(e.path)) && committed !== e.before ? [[e.path, committed] as const] : [];
    }),
  );
}

/** A second derivation's output, reporting the threads either derivation found changed (a plan reads only those metas). */
function withChangedThreads(second: DerivedWorkspace, first: ReadonlySet<string> | undefined): DerivedWorkspace {
  const again = second.changedThreads;
  return Object.assign({}, second, { changedThreads: first && again ? new Set([...first, ...again]) : undefined });
}

/** What a run checks for cross-file errors (referenceErrors): see sourcesInQuestion. */
interface InQuestion {
  /** The sources known not to be committed yet, and the command's own. */
  pending: readonly string[];
  /** Whether `pending` is every uncommitted source (a watcher's events, or git asked): a file outside it is HEAD's. */
  pendingComplete?: boolean;
  /** The sources this run found changed, and the command's own; undefined when not known (every thread is checked). */
  changed: readonly string[] | undefined;
  /**
   * What `changed` is counted from: the parse cache a cold load read (its identity). A warm
   * state counts from its own last run (undefined here).
   */
  since?: string | undefined;
  /** The parse cache the state holds (read or written last): what the next run's record is true of. */
  parseCache?: string | undefined;
}

const NONE_IN_QUESTION: InQuestion = { pending: [], changed: [] };

/**
 * The sources whose cross-file errors a run reports before it plans: what changed in this
 * run — a watcher's cycle, else the files changed since the parse cache — and what is
 * known to be uncommitted without asking git anew (a watcher's pending sources, or the
 * answer a cold run that commits asked for anyway), so that none is edited or committed
 * while its references do not resolve. A trigger found later is checked then (transact).
 */
async function sourcesInQuestion<T>(state: WorkspaceState, options: TransactionOptions, uncommitted: UncommittedSources | undefined, proposal: WriteProposal<T>): Promise<InQuestion> {
  const own = proposal.changes.map((c) => c.path);
  const since = options.state ? [...(options.changedThisRun ?? [])] : state.sinceParseCache?.paths;
  const counted = { since: options.state ? undefined : state.sinceParseCache?.identity, parseCache: state.parseCacheIdentity };
  let pending: readonly string[] = [];
  let pendingComplete = false;
  try {
    pending = options.pendingSources ? [...options.pendingSources] : uncommitted ? await uncommitted.paths() : [];
    pendingComplete = options.pendingSources !== undefined || uncommitted !== undefined;
  } catch {
    // git could not say: the triggers, if any, are checked when they are known
  }
  return { pending: [...pending, ...own], pendingComplete, changed: since && [...since, ...own], ...counted };
}

/** The cross-file errors of the canvas, the goals and the threads in question (cross-file-record.ts), and the record kept for the next run. */
async function crossFileErrors(root: string, model: WorkspaceModel, inQuestion: InQuestion, options: TransactionOptions): Promise<{ checked: ReadonlySet<string>; crossFile: Diagnostic[] }> {
  const kept = cacheEnabled(options.cache);
  const record = kept ? await readCrossFileRecord(root) : undefined;
  const { crossFile, checked, known, idsKey } = crossFileErrorsSince(model, record, inQuestion, inQuestion.pending);
  const flagged = [...threadsOf(crossFile.map((d) => d.path))].sort();
  const same = known && flagged.join('\n') === record!.flagged.join('\n') && record!.parseCache === inQuestion.parseCache;
  if (kept && !same) await writeCrossFileRecord(root, { ids: idsKey, flagged, parseCache: inQuestion.parseCache });
  return { checked, crossFile };
}

/** A cold transaction saves the parse cache its load deferred, and the cross-file record follows it. */
async function saveParseCacheIfStale(state: WorkspaceState, options: CacheSaveOptions & { force?: boolean } = {}): Promise<void> {
  const before = state.parseCacheIdentity;
  await state.saveParseCacheIfStale(options);
  await followParseCache(state.root, before, state.parseCacheIdentity);
}

/**
 * Plans the derived writes. A regenerated ICP file is itself an input of every deal's
 * scores: when the plan edits one, it is staged and the workspace derived once more, so
 * one sync reaches the fixed point, not two. `undoFeed` unstages it (after a dry run or a
 * failure; a write records it for good).
 */
async function planWithIcpFed(state: WorkspaceState, options: TransactionOptions, inQuestion: Promise<InQuestion>, resume?: ReadonlySet<string>): Promise<{ planned: Planned; undoFeed?: () => void }> {
  const first = await planDerived(state, options, inQuestion, resume);
  const feeding = first.plan.edits.filter((e) => classifyPath(e.path).kind === 'icp');
  if (feeding.length === 0) return { planned: first };
  const undoFeed = state.stage(new Map(feeding.map((e) => [e.path, e.after])));
  return { planned: withFedEdits(await planDerived(state, options, inQuestion, resume), first, feeding), undoFeed };
}

/**
 * The second plan, made on the workspace with the regenerated ICP files staged, plus
 * those files' own edits and changes from the first plan (the second sees them as
 * written already).
 */
function withFedEdits(second: Planned, first: Planned, feeding: readonly FileEdit[]): Planned {
  const edited = new Set(second.plan.edits.map((e) => e.path));
  const described = new Set(second.plan.changes.map((c) => `${c.kind}\0${c.subject}`));
  const extra = first.plan.diagnostics.filter((d) => !second.plan.diagnostics.some((e) => e.path === d.path && e.message === d.message));
  const plan: SyncPlan = Object.assign({}, second.plan, {
    edits: [...feeding.filter((e) => !edited.has(e.path)), ...second.plan.edits],
    changes: [...first.plan.changes.filter((c) => c.kind === 'strategy' && !described.has(`${c.kind}\0${c.subject}`)), ...second.plan.changes],
    diagnostics: [...extra, ...second.plan.diagnostics],
  });
  return Object.assign({}, second, { plan, diagnostics: [...extra, ...second.diagnostics] });
}

/** The threads whose meta.json the plan rewrites (derived fields only). */
function metaWritten(plan: SyncPlan): string[] {
  return plan.edits.filter((e) => e.before !== null && e.path.endsWith('/meta.json')).map((e) => e.path.slice(0, -'/meta.json'.length));
}

function plannedEdits(plan: SyncPlan): { path: string; created: boolean }[] {
  return [...plan.edits.map((e) => ({ path: e.path, created: e.before === null })), ...plan.creations.map((c) => ({ path: c.path, created: true }))];
}

/**
 * Refuses a proposal that would leave an error in a file it writes or builds on, judged like `check`
 * on the workspace as it would be (the proposal is staged in the state), so positions and
 * `field` paths point into the new text. Returns the warnings in those files: the one judgement
 * gives both.
 */
function refuseInvalid<T>(state: WorkspaceState, proposal: WriteProposal<T>): Diagnostic[] {
  const paths = new Set(proposal.changes.map((c) => c.path));
  const builtOn = new Set(proposal.builtOn?.paths);
  // Judged by the errors in these files: only their threads' own checks need to run.
  const threads = new Set([...paths, ...builtOn].flatMap((path) => threadOf(path.split('/'))?.thread ?? []));
  const judged = checkModel(state.currentModel(), threads).diagnostics;
  const all = judged.filter((d) => d.severity === 'error');
  const under = all.filter((d) => builtOn.has(d.path));
  if (under.length > 0 && proposal.builtOn) throw proposal.builtOn.refuse(under);
  const errors = all.filter((d) => paths.has(d.path));
  if (errors.length > 0) throw writeRefused(errors, proposal.invalidCode ?? 'write-invalid', proposal.changes[0]?.path);
  refuseWriteIntoHeldThread(state.currentModel(), paths, new Set([...paths].filter((path) => state.diskText(path) === undefined)), proposal.changes[0]?.path);
  return judged.filter((d) => d.severity === 'warning' && (paths.has(d.path) || builtOn.has(d.path)));
}

/**
 * Refuses a write into a thread in error (errorsHoldingWrite), judged on `model` as
 * written: `thread-in-error`, its errors listed, nothing written. Also called before a
 * command that may write nothing yet reads the thread — `campaign draft` keeping every
 * draft read its prospects from the version held in HEAD, an unsubscribe not yet in it.
 */
export function refuseWriteIntoHeldThread(model: WorkspaceModel, paths: Iterable<string>, creates: ReadonlySet<string> = new Set(), path?: string): void {
  const held = errorsHoldingWrite(model, paths, creates);
  if (!held) return;
  const count = held.errors.length === 1 ? 'an error' : `${held.errors.length} errors`;
  throw new ThreadworkError(
    `Refused to write into ${held.thread}: it has ${count}, and a thread in error is held at its last valid version, none of its files committed, until it is fixed; nothing was written\n${held.errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`,
    'thread-in-error',
    { thread: held.thread, path, diagnostics: held.errors },
  );
}

/**
 * Refuses a write into a thread that names an id whose definition is held (a deal opened
 * in, or moved to, a segment renamed while other threads still name the old one): written,
 * it would be held and never committed, its derived values counted without the id. The
 * rename is to be finished first; nothing is written.
 */
function refuseHeldAwayWrite<T>(planned: Planned, proposal: WriteProposal<T>): void {
  if (!planned.heldAway?.size || proposal.changes.length === 0) return;
  for (const change of proposal.changes) {
    const thread = threadOf(change.path.split('/'))?.thread;
    const held = thread === undefined ? undefined : planned.heldAway.get(thread);
    if (!held) continue;
    throw new ThreadworkError(`Refused to write into ${thread}: ${held.why}. Fix those threads first (or put the id back); nothing was written`, 'thread-in-error', { thread, path: change.path, diagnostics: [held.warning] });
  }
}

/**
 * Between batches of writes the event loop gets a turn, so the lock's heartbeat keeps the
 * lock fresh during a long write (the first sync of 10,000 threads writes 10,000 files).
 */
const WRITES_PER_TURN = 200;
/** From this many derived files written, a cold transaction refreshes the persistent parse cache. */
const MANY_WRITES = 200;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Writes the command's files; returns those whose content changed. */
async function applySources(state: WorkspaceState, changes: readonly SourceChange[], guard: () => void): Promise<string[]> {
  const written: string[] = [];
  for (const [i, change] of changes.entries()) {
    if (i > 0 && i % WRITES_PER_TURN === 0) await nextTurn();
    guard();
    if (change.kind === 'create') {
      if (!createFileExclusive(state.root, change.path, change.content)) {
        if (state.diskText(change.path) === change.content) continue; // finished by an earlier, interrupted run
        // Created in the moment since refuseTakenCreates looked: say exactly what went before it.
        const before = written.length > 0 ? `written before it: ${written.join(', ')}; nothing after it was` : 'nothing was written';
        throw new ThreadworkError(`${change.path} already exists (created while this command ran): ${before}`, 'file-exists', { path: change.path, written });
      }
      written.push(change.path);
    } else if (writeFileIfChanged(state.root, change.path, change.content)) written.push(change.path);
    state.written(change.path, change.content);
  }
  return written;
}

async function applyDerived(state: WorkspaceState, plan: SyncPlan, guard: () => void): Promise<string[]> {
  // Each file written is recorded as soon as it is in place, while the next ones are renamed; the others (already as planned) after.
  const written = await writeFilesIfChanged(
    state.root,
    plan.edits.map((edit) => ({ path: edit.path, content: edit.after })),
    guard,
    (file) => state.written(file.path, file.content),
  );
  const recorded = new Set(written);
  for (const edit of plan.edits) if (!recorded.has(edit.path)) state.written(edit.path, edit.after);
  for (const creation of plan.creations) {
    guard();
    // An existing file (a thread opened by hand or by another run) is left alone.
    if (createFileExclusive(state.root, creation.path, creation.content)) {
      written.push(creation.path);
      state.written(creation.path, creation.content);
    }
  }
  return written;
}

/** What this run wrote or meant to write to each path (a source, a derived edit, a new file): the commit's bodies, checked against the disk by their ids. */
function writtenContents(sources: readonly { path: string; content: string | null }[], plan: SyncPlan): Map<string, string> {
  const contents = new Map<string, string>();
  for (const source of sources) if (source.content !== null) contents.set(source.path, source.content);
  for (const edit of plan.edits) contents.set(edit.path, edit.after);
  for (const creation of plan.creations) contents.set(creation.path, creation.content);
  return contents;
}

/** A broken source file is never committed by threadwork, whoever wrote it. */
function committable(state: WorkspaceState, paths: readonly string[]): string[] {
  const broken = state.brokenPaths();
  return [...new Set(paths)].filter((p) => !broken.has(p));
}

/**
 * The sources that differed from HEAD before this run wrote anything: a watcher's list,
 * confirmed with git (stale entries dropped from it), else what git said at the load.
 */
async function pendingBefore(root: string, options: TransactionOptions, uncommitted: UncommittedSources | undefined): Promise<string[]> {
  const known = options.pendingSources;
  if (!known) return uncommitted ? uncommitted.paths() : everySource(root);
  const changed = await stillChanged(root, known);
  const still = new Set(changed);
  for (const path of [...known]) if (!still.has(path)) known.delete(path);
  return changed;
}

/** What is never named a trigger: a broken file (never committed), and the given paths. */
function notTriggers(state: WorkspaceState, paths: readonly string[]): (path: string) => boolean {
  const broken = state.brokenPaths();
  const own = new Set(paths);
  return (path) => own.has(path) || broken.has(path);
}

/** Which sources caused a plan's writes: asked of what it edits and creates. */
function triggerQuestion(plan: SyncPlan, pending: readonly string[], excluded: (path: string) => boolean, madeFrom?: readonly string[]): TriggerQuestion {
  return { edited: plan.edits.map((e) => e.path), created: plan.creations.map((c) => c.path), pending, excluded, madeFrom };
}

/** What finishing an interrupted transaction did: its commit (or why it was refused), the derived files it wrote and what they show. */
interface Finished {
  /** Its commit; why it was not made when a file changed while it was made (the journal waits); null when none was made otherwise. */
  commit: CommitOutcome | null;
  written: string[];
  changes: DerivedChange[];
  /** With that refusal, the paths the journal waits with: this run's own commit holds them too, or none of them. */
  left: string[];
}

/**
 * Finishes what a killed transaction started: the source files it meant to write (their
 * content is in the journal), everything derived from them, and its commit, with its
 * own message. With commits off for this run, the writes are finished and the journal
 * kept for the next run that commits.
 */
async function finishInterrupted(state: WorkspaceState, journal: Journal, options: TransactionOptions, guard: () => void): Promise<Finished> {
  removeLeftoverTemps(state.root, journal.paths);
  const sources = finishSources(state, journal, guard);
  // The same plan the interrupted run made (ICP second pass included), and the files of a
  // content thread it had begun to create but not finished.
  const { planned } = await planWithIcpFed(state, options, Promise.resolve(NONE_IN_QUESTION), new Set(journal.paths));
  const { plan, committing } = planned;
  const derivedWritten = await applyDerived(state, plan, guard);
  const written = [...sources, ...derivedWritten];
  // Reported with the run's own: a cycle that rewrote derived files never says "nothing written".
  const finished = (commit: CommitOutcome | null, left: string[] = []): Finished => ({ commit, written: derivedWritten, changes: derivedWritten.length > 0 ? plan.changes : [], left });
  if (!committing) return finished(null);
  // The plan is made from the workspace as it is now: a source someone changed since the
  // kill moved what was just written, so it goes into the same commit, named a trigger.
  // Asked after the writes above: what they wrote is the interrupted run's, not a trigger.
  const pending = options.pendingSources ? await stillChanged(state.root, options.pendingSources) : await everySource(state.root);
  // Less the edits that move nothing derived, as a run's own triggers are: a finish committed a person's prose in another
  // thread, and a canvas paragraph being drafted, beside the figures it finished — alone, when those were back at HEAD's.
  const candidates = triggersFor(triggerQuestion(plan, pending, notTriggers(state, [...journal.paths, ...written])));
  const since = candidates.length > 0 ? await withoutInertEdits(state.root, state.currentModel(), candidates, [...journal.paths, ...written]) : [];
  const { message, subject } = describedAgain(journal, plan, since, planned.derived);
  const waiting = (): Promise<void> => recordJournal({ root: state.root, message, sources: journal.sources, paths: [...new Set([...journal.paths, ...written, ...since])], subject });
  // A file of the write broken now (the first half of a save) waits for the save to end:
  // committed without it, the figures derived from it would be. So do figures derived from
  // a version no commit has (sourceHeld). What this finish wrote, and the sources that
  // moved it, join the journal: the commit that ends the wait holds them too.
  const broken = state.brokenPaths();
  if (journal.paths.some((path) => broken.has(path)) || state.heldAheadOfHead().length > 0) {
    if (written.length > 0 || since.length > 0) await waiting();
    return finished(null);
  }
  const paths = committable(state, [...journal.paths, ...written, ...since]);
  const outcome = await commitOrSay({ cwd: state.root, paths, message, author: state.derivationModel().config.git.author, changedMeanwhile: () => state.movedSinceRead(paths) });
  if (outcome.committed) for (const path of since) options.pendingSources?.delete(path);
  // Saved again while this commit was made: the journal, described as now, waits for the next run — and the run says so (a
  // watcher's line showed the figures it wrote with no word of their commit, and nothing made its next cycle finish it).
  if (leftForNextRun(outcome)) {
    await waiting();
    return finished(outcome, paths);
  }
  await clearJournal(state.root);
  await writeSnapshot(state.root, plan.snapshot);
  return finished(outcome.committed ? outcome : null);
}

/**
 * The message of a journal's commit, finished by a later run. What the interrupted run
 * derived is on disk; the workspace may have moved since (a save while it committed), and
 * this run's plan rewrote what moved — described from HEAD's text (committedBlockFiles), as
 * the commit's diff shows it. Those lines take the place of the journal's lines for the same
 * block, meta.json or record, in their place; the rest stand: the commit holds them as the
 * interrupted run wrote them; a meta.json written back to HEAD's values loses its line. A journal without its subject (an earlier version's) keeps its
 * message, with the triggers added.
 */
function describedAgain(journal: Journal, plan: SyncPlan, since: readonly string[], derived: DerivedWorkspace | undefined): { message: string; subject: JournalSubject | undefined } {
  const changes = plan.changes;
  const recorded = journal.subject;
  if (!recorded) return { message: withTriggers(journal.message, since), subject: undefined };
  const triggers = [...new Set([...recorded.triggers, ...since])];
  if (changes.length === 0) {
    const subject: JournalSubject = { summary: recorded.summary, thread: recorded.thread, details: recorded.details, trailers: recorded.trailers, changes: recorded.changes, triggers, removed: recorded.removed };
    return { message: withTriggers(journal.message, since), subject };
  }
  const again = new Map<string, DerivedChange[]>();
  // A meta.json this run wrote back to HEAD's values has no line of its own (planMeta): the journal's goes.
  for (const edit of plan.edits) if (edit.path.endsWith('/meta.json')) again.set(edit.path, []);
  for (const change of changes) again.set(change.at, [...(again.get(change.at) ?? []), change]);
  const merged: DerivedChange[] = [];
  for (const change of recorded.changes) {
    const instead = again.get(change.at);
    if (!instead) merged.push(change);
    else {
      merged.push(...instead);
      again.set(change.at, []); // once, where the first of the journal's lines for it stood
    }
  }
  for (const lines of again.values()) merged.push(...lines);
  const subject: JournalSubject = { summary: recorded.summary, thread: recorded.thread, details: recorded.details, trailers: recorded.trailers, changes: merged, triggers, removed: recorded.removed };
  return { message: buildCommitMessage({ summary: subject.summary, thread: subject.thread, details: subject.details, trailers: subject.trailers, changes: merged, triggers, removed: subject.removed, derived }), subject };
}

/**
 * The goal files added or removed since HEAD, and the thread files naming an added goal, in
 * a commit of their own: a run that writes nothing commits them all the same. Nothing is
 * written, so no journal: a commit refused leaves them for the next sync. Not while a
 * source is held ahead of HEAD (sourceHeld): what it holds would be committed around it.
 */
async function commitGoalsAddedOrRemoved(state: WorkspaceState, planned: Planned, options: TransactionOptions, uncommitted: UncommittedSources | undefined): Promise<{ paths: string[]; commit: CommitOutcome } | undefined> {
  if (state.heldAheadOfHead().length > 0) return undefined;
  // A watcher knows what is uncommitted from its events: git is asked again only when a goal file is among it.
  if (options.pendingSources && ![...options.pendingSources].some((path) => classifyPath(path).kind === 'goal')) return undefined;
  const found = await goalsAddedOrRemoved(state.root, state.currentModel(), await pendingBefore(state.root, options, uncommitted), planned.invalid);
  if (!found) return undefined;
  const paths = committable(state, [...found.added, ...found.removed, ...found.following]);
  const message = buildCommitMessage({ summary: goalsSummary(found), changes: [], triggers: paths, derived: planned.derived });
  const commit = await commitOrSay({ cwd: state.root, paths, message, author: state.currentModel().config.git.author, changedMeanwhile: () => state.movedSinceRead(paths) });
  if (commit.committed) for (const path of paths) options.pendingSources?.delete(path);
  return { paths, commit };
}

/**
 * A commit git refused (a git error, not a state it names: a merge under way is an outcome)
 * is `commit-failed`, saying what is on disk and what commits it — not an internal error:
 * the journal is kept, so the next transaction commits these files first.
 */
async function commitOrSay(request: Parameters<typeof commitPaths>[0]): Promise<CommitOutcome> {
  try {
    return await commitPaths(request);
  } catch (error) {
    if (error instanceof ThreadworkError) throw error;
    const said = (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
    throw new ThreadworkError(`The files were written but not committed: git said: ${said}. Once git can commit, the next threadwork command (e.g. \`threadwork sync\`) commits them first`, 'commit-failed');
  }
}

/**
 * A commit not made now that the next transaction makes (its journal kept): a file changed
 * while it was made, or the figures were derived from a version of a broken file no commit has.
 */
export function leftForNextRun(commit: CommitOutcome | null): boolean {
  return commit?.committed === false && (commit.reason === 'changed-meanwhile' || commit.reason === 'source-held');
}

/**
 * No commit while a broken file is held at a version seen in this process that HEAD does
 * not have (saved whole, read, then truncated before a cycle committed it): the figures
 * derived from that version would go into history without their source. They are on disk;
 * the cycle after the file is whole again commits them with it.
 */
function sourceHeld(paths: readonly string[]): CommitOutcome {
  return {
    committed: false,
    reason: 'source-held',
    message: `${namedFew(paths)} ${paths.length === 1 ? 'is' : 'are'} broken and held at a version no commit has: the files derived from it are written but not committed, so that no commit holds figures without their source; once the file is valid again the next run commits both`,
  };
}

function finishSources(state: WorkspaceState, journal: Journal, guard: () => void): string[] {
  const written: string[] = [];
  for (const change of journal.sources) {
    guard();
    const current = state.diskText(change.path);
    if (current === change.content) continue;
    // A file someone else created since is theirs: a `create` never replaces it.
    if (change.kind === 'create' && current !== undefined) continue;
    if (change.kind === 'create' ? createFileExclusive(state.root, change.path, change.content) : writeFileIfChanged(state.root, change.path, change.content)) written.push(change.path);
    state.written(change.path, change.content);
  }
  return written;
}
