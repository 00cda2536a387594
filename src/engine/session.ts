import { checkModel, type CheckResult } from '../check/check.js';
import { loadParserForBlocks } from '../check/managed-blocks.js';
import { today } from '../clock.js';
import { IncrementalDerivation } from '../derive/incremental.js';
import { withReadLock, withWorkspaceLock } from '../workspace/lock.js';
import type { WorkspaceModel } from '../workspace/model.js';
import type { WriteProposal } from './changes.js';
import { saveFacts, seededDerivation } from './facts-cache.js';
import { cacheEnabled } from './cache.js';
import { followParseCache } from './cross-file-record.js';
import { fingerprint, type Prescan } from './fingerprint.js';
import { applyEvents, ChangeFeed } from './change-feed.js';
import { TemplateOverrideTexts } from './template-overrides.js';
import { WorkspaceState } from './state.js';
import { leftForNextRun, proposeSync, runLockedTransaction, type TransactionOptions, type TransactionResult } from './transaction.js';
import { stillChanged } from './triggers.js';
import { everySource, uncommittedAndDeleted } from './uncommitted.js';
import { repositoryOf } from '../git/repo.js';
import { longLivedFirstCallDone } from '../long-lived-heap.js';

/**
 * How often a call reads the whole workspace afresh, events or not: what no event named —
 * a kernel queue overflowed by a bulk copy — is seen within this long.
 */
const RECONCILE_MS = 5 * 60_000;

export interface SessionOptions {
  /** false: no persistent cache, read or written (`--no-cache`). */
  cache?: boolean | undefined;
  /** Called as each file event arrives (before any call reads it): a watcher schedules its next sync from it. */
  onEvent?: (() => void) | undefined;
  /** A file the events named that could not be read: the rest are read on. */
  onError?: ((error: unknown) => void) | undefined;
  /** true: the session's watches keep the process alive (a watcher, which lives for them). */
  keepAlive?: boolean | undefined;
  /** From this many file events between two calls, the next reads everything (change-feed.ts: the kernel's queue may have overflowed); default half the queue. */
  overflowAt?: number | undefined;
}

/** What a session's transaction returns: the transaction's result, and the files whose change it answered. */
export type SessionTransactionResult<T> = TransactionResult<T> & {
  /** The files whose content changed since the session's previous transaction (nothing at its first, which loads everything), and those saved while its commit was made: what moved it. */
  changed: string[];
};

export type SessionTransactionOptions = Pick<TransactionOptions, 'dryRun' | 'commit' | 'sync'> & {
  /** false: a committing sync does not ask git what it left uncommitted (a watcher's cycle: its line does not say). */
  nameUncommitted?: boolean;
};

/** What a session's reader gets: the workspace as derivation sees it, and the derivation that derives it. */
export interface WarmView {
  state: WorkspaceState;
  model: WorkspaceModel;
  /** The session's derivation, kept between calls: what derives the model (`derivation.derive(model)`) costs what changed. */
  derivation: IncrementalDerivation;
  /** Every problem in the workspace as it is now, as `check` finds them (the session's last result while nothing moved). */
  check(): CheckResult;
}

/**
 * One workspace state kept warm by a long-lived process — the MCP server, and what reads
 * the same state later (a dashboard, a language server) — so that each call costs what
 * changed since the one before, not what the workspace holds. At 10,000 deals a cold call
 * loads 70,000 files' entries and 10,000 threads' facts (2 s for a write, more to list the
 * threads); a warm one reads again only the files the system's file events named since
 * the call before (watch/change-feed.ts says when they are not trusted to be complete, and
 * every file's stamp is compared instead).
 *
 * Each call runs under the workspace lock, like every command: the state is brought up to
 * the disk first (another process may have written anything since: the CLI, a watcher, a
 * person's editor), then the call reads it or runs the same transaction `sync` and every
 * write run cold (engine/transaction.ts), on the warm state and derivation as a watch cycle
 * does. Calls made at once (an agent's parallel tool calls) take their turn.
 */
export class WorkspaceSession {
  private readonly state: WorkspaceState;
  private derivation = new IncrementalDerivation();
  /** No facts cache existed when the session loaded: the first save writes one. */
  private factsFresh = false;
  private loaded = false;
  /**
   * The source files known to differ from HEAD: git's answer, asked once after the load,
   * with what each call found changed or left uncommitted (a transaction confirms them with
   * git before naming one a trigger, and drops those committed meanwhile).
   */
  private pendingSources: Set<string> | undefined;
  /** The last call's commit was refused because a file changed while it was made: its journal waits for the next call. */
  private commitLeft = false;
  /** The template overrides as last read: an edit of one is a change like a source's (the files generated from it move). */
  private readonly templates: TemplateOverrideTexts;
  /**
   * The files saved while that commit was made: named by the next call as what moved it,
   * even when they came back as they were read (a save in two steps, a value typed and
   * undone) — otherwise the call that finishes the commit had no file to name, and a
   * watcher's line began with nothing before its `→`.
   */
  private savedWhileCommitting: string[] = [];
  private uncommitted: Promise<void> | undefined;
  /** The files found changed by the calls since the last transaction (a read brings the state up to the disk too): the next transaction's triggers. */
  private readonly changedSinceTransaction = new Set<string>();
  /** The files a call after the first found changed: not as the first call (a watcher's start-up) left them. */
  private readonly changedSinceFirst = new Set<string>();
  /** Paths changed, or written and not committed, before git's answer came. */
  private readonly beforeGitAnswered = new Set<string>();
  private turn: Promise<unknown> = Promise.resolve();
  /** The workspace's file events since the last call: what the next call reads again. */
  private readonly feed: ChangeFeed;
  private reconciledAt = 0;
  private readonly refreshed = { full: 0, fromEvents: 0 };
  /** Moves whenever the state may have: a refresh that found a change, a transaction. */
  private generation = 0;
  /** The last check, and the generation and day it stands for (`date-in-future` is judged against today). */
  private lastCheck: { generation: number; day: string; result: CheckResult } | undefined;

  constructor(
    readonly root: string,
    private readonly options: SessionOptions = {},
  ) {
    this.state = new WorkspaceState(root, { cache: options.cache, longLived: true });
    this.templates = new TemplateOverrideTexts(root);
    this.feed = new ChangeFeed(root, { onEvent: options.onEvent, persistent: options.keepAlive, overflowAt: options.overflowAt, rememberedListings: cacheEnabled(options.cache) });
  }

  /** Reads the workspace as it is now: `read` gets the warm state, brought up to the disk under the lock (without it where none can be made: withReadLock). */
  async read<T>(read: (view: WarmView) => T | Promise<T>): Promise<T> {
    return this.inTurn(() =>
      withReadLock(this.root, async () => {
        const first = !this.loaded;
        for (const path of await this.refresh()) this.changed(path, first);
        await this.state.resolveHeld();
        this.askGitOnce();
        await loadParserForBlocks(this.state.currentModel()); // check() is synchronous: remark loaded first if a block file needs it
        return read({ state: this.state, model: this.state.derivationModel(), derivation: this.derivation, check: () => this.checkNow() });
      }),
    );
  }

  /** How the calls since the first brought the state up to the disk: from the events, or reading everything again. */
  get refreshes(): { full: number; fromEvents: number } {
    return { ...this.refreshed };
  }

  /** Every problem in the workspace, as `check` finds them cold; the last result again while nothing moved. */
  async check(): Promise<CheckResult> {
    return this.read(({ check }) => check());
  }

  /** The check of the state as it is (inside a read: brought up to the disk), kept while nothing moves. */
  private checkNow(): CheckResult {
    const day = today();
    if (this.lastCheck?.generation === this.generation && this.lastCheck.day === day) return this.lastCheck.result;
    const result = checkModel(this.state.currentModel());
    this.lastCheck = { generation: this.generation, day, result };
    return result;
  }

  /**
   * A transaction (a write, a sync) on the warm state, brought up to the disk first under
   * the transaction's own lock: an interrupted transaction it finishes first, and the
   * proposal, see the workspace as it is.
   */
  async transaction<T>(propose: (state: WorkspaceState) => WriteProposal<T> | Promise<WriteProposal<T>>, options: SessionTransactionOptions = {}): Promise<SessionTransactionResult<T>> {
    return (await this.transact(propose, options, false))!;
  }

  /**
   * A sync, only when a file changed since the previous transaction (or none ran yet): a
   * watcher's cycle. The echo of its own writes, and saves of identical bytes, change
   * nothing: null, and no transaction — at 10,000 deals a sync that finds nothing to do
   * still plans every derived value, and would run after every save, in the way of the next.
   */
  async syncOnChange(options: SessionTransactionOptions = {}): Promise<SessionTransactionResult<null> | null> {
    return this.transact(proposeSync, options, true);
  }

  private async transact<T>(propose: (state: WorkspaceState) => WriteProposal<T> | Promise<WriteProposal<T>>, options: SessionTransactionOptions, onlyOnChange: boolean): Promise<SessionTransactionResult<T> | null> {
    return this.inTurn(async () => {
      return withWorkspaceLock(this.root, async (lock) => {
        const first = !this.loaded;
        for (const path of await this.refresh()) this.changed(path, first);
        // A commit left to finish (a file changed while it was made) is finished by the next call, even when the file came back as it was read (a save in two steps).
        if (onlyOnChange && !first && this.changedSinceTransaction.size === 0 && !this.commitLeft) return null;
        this.commitLeft = false;
        this.generation += 1;
        const changedThisRun = new Set(this.changedSinceTransaction);
        const savedMeanwhile = this.savedWhileCommitting;
        this.savedWhileCommitting = [];
        this.changedSinceTransaction.clear();
        // Git's answer, asked after the first call, is awaited rather than asked again beside
        // it (two statuses of 70,000 files on two cores); before it was asked (the first
        // call), and when git could not say, the transaction asks git itself, as a cold one does.
        await this.uncommitted;
        const pendingSources = this.pendingSources;
        const { nameUncommitted = true, ...transactionOptions } = options;
        let done: TransactionResult<T>;
        try {
          done = await runLockedTransaction(this.root, lock, propose, Object.assign({}, transactionOptions, { state: this.state, derivation: this.derivation, pendingSources, changedThisRun }));
        } catch (error) {
          // A refused write (its proposal threw) or a failed one answered none of the changes it
          // brought in: they stay the next transaction's triggers, or a watcher's next cycle
          // would find nothing changed and never sync them.
          for (const path of changedThisRun) this.changedSinceTransaction.add(path);
          this.savedWhileCommitting = savedMeanwhile;
          throw error;
        }
        if (!options.dryRun && leftForNextRun(done.commit)) {
          this.commitLeft = true;
          if (done.commit?.committed === false && done.commit.reason === 'changed-meanwhile') this.savedWhileCommitting = this.state.movedSinceRead([...changedThisRun, ...done.sources, ...(done.sync?.written ?? []), ...(done.sync?.triggers ?? [])]);
        }
        // What this call wrote and did not commit (`commit: false`, a commit git refused) differs from HEAD: the next call's sync names it.
        if (!options.dryRun && !done.commit?.committed) this.noteUncommitted([...done.sources, ...(done.sync?.written ?? [])]);
        // A committing sync names what it left uncommitted, as it does cold (the `sync --json` contract).
        const committing = !options.dryRun && options.commit !== false && this.state.derivationModel().config.git.commit;
        if (done.sync && committing && nameUncommitted) Object.assign(done.sync, uncommittedAndDeleted(this.root, await this.leftUncommitted()));
        await this.keepCaches();
        this.askGitOnce();
        return Object.assign(done, { changed: [...new Set([...changedThisRun, ...savedMeanwhile])].sort() });
      });
    });
  }

  /** The next call reads every file's stamp again, events or not (a watcher's periodic reconcile). */
  requestReconcile(): void {
    this.reconciledAt = 0;
  }

  /**
   * The sources still differing from HEAD as the first call (a watcher's start-up) left
   * them, once git has answered the session's question; null when git could not say. Git is
   * asked after that call, in the background, and a file saved meanwhile is not what the
   * start-up left uncommitted — its own call syncs, commits and reports it. Left out: the
   * files a later call found changed, and those whose stamp on disk is no longer the one read.
   */
  async uncommittedSinceFirst(): Promise<string[] | null> {
    this.askGitOnce();
    await this.uncommitted;
    if (!this.pendingSources) return null;
    return this.inTurn(async () => (await this.leftUncommitted())?.filter((path) => !this.changedSinceFirst.has(path) && !this.state.changedOnDisk(path)) ?? null);
  }

  private changed(path: string, first: boolean): void {
    this.changedSinceTransaction.add(path);
    if (!first) this.changedSinceFirst.add(path);
  }

  /** Writes the persistent caches when the session moved enough to be worth it: what the next cold run, or session, starts from. */
  /** Stops watching and keeps the caches — unless `keepCaches` is false: an engine replaced on disk leaves them to the new one. */
  async close(options: { keepCaches?: boolean } = {}): Promise<void> {
    await this.inTurn(async () => {
      this.feed.close();
      if (this.loaded && options.keepCaches !== false) await this.keepCaches(true);
    });
  }

  /**
   * The sources still differing from HEAD: those known, confirmed by git (and the rest
   * forgotten), or all, asked of git. Outside a git repository git cannot say (its status
   * answers nothing there, which read as "every source committed"): null, as a cold sync says.
   */
  private async leftUncommitted(): Promise<string[] | null> {
    try {
      if (!(await repositoryOf(this.root))) return null;
      if (!this.pendingSources) return await everySource(this.root);
      const left = await stillChanged(this.root, this.pendingSources);
      this.pendingSources = new Set(left);
      return left;
    } catch {
      return null; // git could not say
    }
  }

  /** Paths that may now differ from HEAD: known uncommitted from now on, or added to git's answer when it comes. */
  private noteUncommitted(paths: Iterable<string>): void {
    for (const path of paths) (this.pendingSources ?? this.beforeGitAnswered).add(path);
  }

  /**
   * Asks git, once, which sources differ from HEAD — in the background (a status of 70,000
   * files is most of a second): what changed meanwhile was noted, and joins the answer.
   * Asked when the first call is done, not while it loads: on two cores a status beside the
   * load of 70,000 files slows both (a watcher's start-up is its first call).
   */
  private askGitOnce(): void {
    if (!this.loaded) return;
    this.uncommitted ??= everySource(this.root).then(
      (answer) => {
        this.pendingSources = new Set([...answer, ...this.beforeGitAnswered]);
        this.beforeGitAnswered.clear();
      },
      () => undefined, // git could not say: each transaction asks it, as a cold one does
    );
  }

  /**
   * Brings the state up to the disk. The first call loads everything, from the persistent
   * caches (the fingerprint's scan and stamps serve the load, as at a watcher's start),
   * watching the workspace's folders from before it reads them. Later calls re-read the
   * paths the file events named (watch/change-feed.ts) — or, when the events cannot be
   * trusted to be complete, compare every file with a fresh fingerprint's stamp of it, as
   * the periodic reconcile does. Returns the files whose content changed since the previous call.
   */
  private async refresh(): Promise<string[]> {
    if (!this.loaded) {
      if (this.state.cached) {
        const seeded = await seededDerivation(this.state);
        this.derivation = seeded.derivation;
        this.factsFresh = seeded.fresh;
      }
      await this.feed.start();
      await this.state.loadAll(await this.scan());
      this.templates.load();
      this.loaded = true;
      this.reconciledAt = Date.now();
      return [];
    }
    const events = await this.feed.drain();
    let changed: string[];
    if (events.complete && Date.now() - this.reconciledAt < RECONCILE_MS) {
      changed = await applyEvents(this.state, events.paths, { unseenGone: (path) => this.noteUncommitted([path]), error: this.options.onError });
      changed = [...changed, ...this.templates.changed(events.paths)].sort();
      this.refreshed.fromEvents += 1;
    } else {
      this.refreshed.full += 1;
      changed = [...(await this.state.loadAll(await this.scan())), ...this.templates.changed()].sort();
      this.reconciledAt = Date.now();
    }
    if (changed.length > 0) this.generation += 1;
    this.noteUncommitted(changed);
    return changed;
  }

  /** With a parse cache, each file's stamp is taken the fingerprint's way (two threads, folders listed only when they changed); without one, the load scans. */
  private async scan(): Promise<Prescan | undefined> {
    if (!this.state.cached) return undefined;
    return (await fingerprint(this.root, { rememberListings: true })).scan;
  }

  private async keepCaches(closing = false): Promise<void> {
    await this.state.saveParseCacheIfStale();
    if (closing) {
      // Stopping: the racy entries the load had to read, the next start-up need not read again.
      // No entry's content moved, so the cross-file record, true of the table before, holds of it.
      const before = this.state.parseCacheIdentity;
      await this.state.settleRacyCacheEntries();
      await followParseCache(this.root, before, this.state.parseCacheIdentity);
    }
    if (this.state.cached) await saveFacts(this.root, this.derivation, this.state.derivationModel().threads.size, this.factsFresh);
    this.factsFresh = false;
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work);
    // Once the first call is done (the load, and a watcher's start-up sync), a long-lived process's heap is kept tight (long-lived-heap.ts).
    const firstDone = (): void => {
      if (this.loaded) longLivedFirstCallDone();
    };
    this.turn = run.then(firstDone, firstDone).catch(() => undefined);
    return run;
  }
}
