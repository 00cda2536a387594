import { PhaseTimer } from '../timing.js';
import type { Diagnostic } from '../diagnostics.js';
import { IncrementalDerivation } from '../derive/incremental.js';
import { saveFacts, seededDerivation } from '../engine/facts-cache.js';
import { fingerprint } from '../engine/fingerprint.js';
import { WorkspaceState } from '../engine/state.js';
import { runLockedTransaction, SYNC_ONLY, type SyncResult } from '../engine/transaction.js';
import { withWorkspaceLock } from '../workspace/lock.js';
import { everySource } from '../engine/uncommitted.js';
import { applyEvents, isWatchedFolder } from '../engine/change-feed.js';
import { FolderWatcher } from '../workspace/folder-watcher.js';
import { ReportedProblems } from './reported-problems.js';
import { claimWatcher } from './singleton.js';

export interface WatchOptions {
  commit?: boolean;
  /** Quiet time after the last event before a cycle runs. */
  debounceMs?: number;
  /** A continuous stream of events still gets a cycle this often. */
  maxWaitMs?: number;
  /** How often a full reconcile (stat every file, re-read what moved) catches missed events. */
  reconcileMs?: number;
  onCycle?: (report: CycleReport) => void;
  onError?: (error: unknown) => void;
  /** false: start without the persistent parse cache, and leave it as it is (`--no-cache`). */
  cache?: boolean;
}

export interface CycleReport {
  time: string;
  kind: 'startup' | 'change' | 'reconcile';
  /** The source files whose change started the cycle. */
  trigger: string[];
  written: string[];
  changes: SyncResult['changes'];
  commit: SyncResult['commit'];
  /** Problems in the files that changed, those found anew elsewhere (a renamed id's threads), and blocks held or left alone. */
  diagnostics: Diagnostic[];
}

/**
 * `threadwork watch`: a full sync at startup, then one incremental cycle per burst of
 * edits. The watcher only feeds the one workspace state (engine/state.ts) that every
 * command loads cold; each cycle is the same transaction as `threadwork sync`, on the
 * warm state. The engine's own writes go straight into the state, so their echo from the
 * watcher compares equal and triggers nothing.
 */
export class WorkspaceWatcher {
  private readonly state: WorkspaceState;
  /** Seeded from the facts cache at start-up (engine/facts-cache.ts): only the threads changed since are derived anew. */
  private derivation = new IncrementalDerivation();
  /** No facts cache existed at start-up: the stop writes one. */
  private factsFresh = false;
  /** Source files changed since they were last committed; filled at start-up from git status, then from events. */
  private pendingSources: Set<string> | undefined;
  /** The source files git saw as uncommitted after the start-up sync: asked once, awaited by the first change cycle. */
  private uncommitted: Promise<string[] | null> | undefined;
  private watcher: FolderWatcher | undefined;
  private readonly pending = new Set<string>();
  private readonly reported = new ReportedProblems();
  private firstPendingAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private reconcileRequested = false;
  private stopped = false;
  private release: (() => void) | undefined;

  constructor(
    readonly root: string,
    private readonly options: WatchOptions = {},
  ) {
    this.state = new WorkspaceState(root, { cache: options.cache, longLived: true });
  }

  async start(): Promise<void> {
    this.release = await claimWatcher(this.root);
    const timer = new PhaseTimer();
    try {
      if (this.state.cached) {
        const seeded = await seededDerivation(this.state);
        this.derivation = seeded.derivation;
        this.factsFresh = seeded.fresh;
      }
      timer.mark('facts cache');
      // Folders are watched before the start-up sync reads them: a save made while it reads
      // (2–3 s at 10,000 deals) is an event, applied by the cycle that follows it. Watched
      // after, such a save waited for the periodic reconcile — a minute. An event for a file
      // the sync then reads as saved costs one compare (the state compares content).
      await this.startWatching();
      timer.mark('watch folders');
      // The fingerprint and the start-up sync are held as the running cycle: events arriving
      // meanwhile wait for them (drain), never run beside them.
      const startup = (async () => {
        // With a parse cache to take files from, each file is lstat-ed to compare: taken the
        // fingerprint's way (on two threads, thread folders listed only when they changed), not
        // by the load's one-thread scan and lstat-s. At 10,000 deals, load and first sync 2.07–2.17 s
        // before; fingerprint then load and sync 1.6–2.1 s (start-up median 2.8 → 2.6 s).
        const prescan = this.state.cached ? (await fingerprint(this.root)).scan : undefined;
        timer.mark('fingerprint');
        await this.cycle('startup', async () => (await this.state.loadAll(prescan)).sort());
      })();
      this.running = startup.catch(() => undefined);
      await startup;
      this.running = undefined;
      timer.mark('load+sync');
      timer.report('watch start-up');
      if (this.pending.size > 0) this.schedule();
    } catch (error) {
      // Saves seen while starting are not applied to a state that never loaded.
      this.pending.clear();
      await this.stop();
      throw error;
    }
    const reconcileMs = this.options.reconcileMs ?? 60_000;
    if (reconcileMs > 0) {
      this.reconcileTimer = setInterval(() => this.requestReconcile(), reconcileMs);
      this.reconcileTimer.unref();
    }
  }

  /**
   * The source files still differing from HEAD after the start-up sync, as `sync` names
   * them — a thread opened with `--no-commit` moves nothing derived, so no cycle would ever
   * commit it, or say so; null when the watcher does not commit or git could not say. Asked
   * of git after the start-up (a status of 70,000 files is most of a second): never part of
   * the start-up's own time.
   */
  async uncommittedAtStart(): Promise<string[] | null> {
    if (this.options.commit === false || !this.state.derivationModel().config.git.commit) return null;
    return (await (this.uncommitted ??= uncommittedSources(this.root))) ?? null;
  }

  /**
   * Finishes the cycle under way — and one more for saves that arrived since, so a Ctrl-C
   * right after a save still leaves the workspace at its fixed point — then stops watching
   * and releases the workspace.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.reconcileTimer);
    await this.running;
    if (this.pending.size > 0 && this.release) {
      const paths = [...this.pending];
      this.pending.clear();
      await this.cycle('change', () => this.applyEvents(paths, false));
    }
    this.watcher?.close();
    // The warm state is what the next start-up would read: kept (when it moved enough to be worth rewriting), so it reads only what changes meanwhile.
    if (this.release) {
      await this.state.saveParseCacheIfStale().catch((error: unknown) => this.options.onError?.(error));
      if (this.state.cached) await saveFacts(this.root, this.derivation, this.state.derivationModel().threads.size, this.factsFresh).catch((error: unknown) => this.options.onError?.(error));
    }
    this.release?.();
    this.release = undefined;
  }

  private async startWatching(): Promise<void> {
    const watcher = new FolderWatcher(this.root, isWatchedFolder, {
      path: (rel) => this.enqueue(rel),
      folderGone: (rel) => this.enqueue(rel, true),
      error: (error) => this.options.onError?.(error),
    });
    this.watcher = watcher;
    watcher.start();
  }

  private enqueue(rel: string, folder = false): void {
    if (this.stopped) return;
    this.pending.add(folder ? `${rel}/` : rel);
    if (this.pending.size === 1) this.firstPendingAt = Date.now();
    this.schedule();
  }

  private requestReconcile(): void {
    this.reconcileRequested = true;
    this.schedule(0);
  }

  private schedule(delay = this.options.debounceMs ?? 150): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const overdue = Date.now() - this.firstPendingAt >= (this.options.maxWaitMs ?? 1000);
    this.timer = setTimeout(() => void this.drain(), overdue ? 0 : delay);
  }

  private async drain(): Promise<void> {
    if (this.running) return; // the running cycle reschedules when it ends
    if (this.pending.size === 0 && !this.reconcileRequested) return;
    const paths = [...this.pending];
    this.pending.clear();
    const reconcile = this.reconcileRequested;
    this.reconcileRequested = false;
    this.running = this.cycle(reconcile ? 'reconcile' : 'change', () => this.applyEvents(paths, reconcile));
    await this.running;
    this.running = undefined;
    if (this.pending.size > 0 || this.reconcileRequested) this.schedule();
  }

  /** Feeds events into the state; returns the paths whose content really changed. */
  private async applyEvents(paths: readonly string[], reconcile: boolean): Promise<string[]> {
    // A file this watcher never saw, gone again: made and deleted between two cycles, and
    // perhaps committed meanwhile by another process (`advance`, then the file removed).
    // Nothing to derive from it, but its deletion may differ from HEAD: a pending source,
    // committed with what its thread moves (a path absent from HEAD too commits nothing).
    return applyEvents(this.state, paths, { reconcile, unseenGone: (path) => this.pendingSources?.add(path), error: (error) => this.options.onError?.(error) });
  }

  private async cycle(kind: CycleReport['kind'], collect: () => Promise<string[]>): Promise<void> {
    try {
      // What git saw as uncommitted when the watcher started, asked in the background after the
      // start-up sync (a status of 70,000 files is most of a second); from then on, events say.
      if (kind !== 'startup') this.pendingSources ??= new Set((await (this.uncommitted ??= uncommittedSources(this.root))) ?? []);
      // The events are applied to the state under the workspace lock, with every event that
      // arrived while this cycle waited for it (another process writing): a cycle never
      // derives from a view of the workspace older than the last write another process made.
      // Applied before the transaction, not in its proposal: a transaction finishes an
      // interrupted one first, and must see the workspace loaded to derive what it meant.
      let changed: string[] = [];
      const { sync } = await withWorkspaceLock(this.root, async (lock) => {
        changed = await collect();
        if (kind !== 'startup' && this.pending.size > 0) {
          const arrived = [...this.pending];
          this.pending.clear();
          changed = [...new Set([...changed, ...(await this.applyEvents(arrived, false))])].sort();
        }
        for (const path of changed) this.pendingSources?.add(path);
        // Start-up reads everything: its references are check's to judge, not a reason to
        // check 10,000 threads (and make every stage's value) before the first save.
        const changedThisRun = new Set(kind === 'startup' ? [] : changed);
        return runLockedTransaction(this.root, lock, () => SYNC_ONLY, { state: this.state, commit: this.options.commit !== false, derivation: this.derivation, pendingSources: this.pendingSources, changedThisRun });
      });
      if (kind === 'startup') this.uncommitted ??= uncommittedSources(this.root);
      // Only the engine's own echoes (and saves of identical bytes) change nothing: every other
      // save gets its line, even one that moves no derived value — whoever saved it (an agent
      // tailing --json) learns it was seen and what it left, a file fixed included.
      if (kind !== 'startup' && changed.length === 0) return;
      const result = sync!;
      const diagnostics = kind === 'startup' ? this.reported.startup(result.diagnostics) : this.reported.cycle(result.diagnostics, new Set(changed));
      this.options.onCycle?.({
        time: new Date().toISOString(),
        kind,
        trigger: kind === 'startup' ? [] : changed,
        written: result.written,
        changes: result.changes,
        commit: result.commit,
        diagnostics,
      });
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}

/** Source files git sees as changed (those the engine reads, as a cold sync takes them): what a watcher starts with as not yet committed. */
async function uncommittedSources(root: string): Promise<string[] | null> {
  try {
    return await everySource(root);
  } catch {
    return null;
  }
}
