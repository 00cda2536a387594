import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceOn, type Committed, type Workspace } from '../api.js';
import type { Diagnostic } from '../diagnostics.js';
import { engineIdentity, installedEngineIdentity } from '../engine/cache.js';
import { WorkspaceSession } from '../engine/session.js';
import { proposeSync, type SyncResult } from '../engine/transaction.js';
import { repositoryOf } from '../git/repo.js';
import type { ServedCall } from '../serve/protocol.js';
import { serveWorkspace, type ServedWorkspace } from '../serve/server.js';
import { PhaseTimer } from '../timing.js';
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
  /** false: the CLI's `check`, `sync`, `report`, `due`, `qualify` and its writes are not answered from this watcher's state (serve/server.ts). */
  serve?: boolean;
  /**
   * The engine this watcher runs was replaced on disk (an upgrade, a rebuild): it has stopped
   * syncing and serving, and should be stopped and started again. Asked at each reconcile and
   * whenever a CLI of another engine was declined.
   */
  onEngineReplaced?: (running: string, installed: string) => void;
}

export interface CycleReport {
  time: string;
  /** `served`: a command the watcher answered for the CLI (`command` says which) wrote or committed. */
  kind: 'startup' | 'change' | 'reconcile' | 'served';
  /** For a served command: `sync`, `deal new`, `campaign new`, `advance`, `campaign draft`, `campaign approve` or `campaign reply`. */
  command?: 'sync' | 'deal new' | 'campaign new' | 'advance' | 'campaign draft' | 'campaign approve' | 'campaign reply';
  /** The source files whose change started the cycle (with those saved while the previous cycle committed, even back as it read them); for a served write, the files it created; for a served sync, the sources it synced. */
  trigger: string[];
  /** The triggers gone from disk when the cycle ended: deleted, or moved away with their folder (a thread renamed or archived). */
  deleted: string[];
  written: string[];
  changes: SyncResult['changes'];
  /** The commit this cycle made of its own changes; null when it made none (it may still have finished an earlier one: `recovered`). */
  commit: SyncResult['commit'];
  /**
   * The commit that finished an earlier write whose commit never happened (a commit git
   * refused, a kill), made by this cycle before its own: not this cycle's change. null when none.
   */
  recovered: SyncResult['commit'];
  /** Problems in the files that changed, those found anew elsewhere (a renamed id's threads), and blocks held or left alone. */
  diagnostics: Diagnostic[];
  /** The files in error before this cycle and without error now, still on disk: fixed by their own save or by another file's. */
  fixed: string[];
  /** The files held (a `derived-held` warning) before this cycle and no longer, still on disk, other than those in `fixed`. */
  released: string[];
}

/**
 * `threadwork watch`: a full sync at startup, then one sync per burst of edits — each the
 * same transaction as `threadwork sync`, on the one warm workspace state a long-lived
 * process keeps (engine/session.ts, the MCP server's too). The session's file events say
 * what to read again; the watcher only decides when: a quiet time after the last event,
 * at least once a second under a continuous stream, and a periodic reconcile. The engine's
 * own writes go straight into the state, so their echo compares equal and moves nothing.
 *
 * While it runs, the CLI's `check`, `sync`, `report`, `due`, `qualify` and its writes (SERVED_COMMANDS in serve/protocol.ts) in this workspace are
 * answered from the same state (serve/server.ts): a command run beside the watcher costs
 * what changed, not a load of every file.
 */
export class WorkspaceWatcher {
  private readonly session: WorkspaceSession;
  /** The API on the session: what the CLI is served from. */
  readonly workspace: Workspace;
  private served: ServedWorkspace | undefined;
  /** A stop was asked (stopServing): nothing more is served, not even by a start-up still under way. */
  private servingEnded = false;
  private readonly reported = new ReportedProblems();
  /** Events arrived since the last cycle began (the session holds their paths). */
  private eventsPending = false;
  private firstPendingAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private reconcileRequested = false;
  /** The engine installed where this one was loaded from, once it is no longer this one: nothing more is synced. */
  private replacedBy: string | undefined;
  private started = false;
  private stopped = false;
  private release: (() => void) | undefined;

  constructor(
    readonly root: string,
    private readonly options: WatchOptions = {},
  ) {
    this.session = new WorkspaceSession(root, {
      cache: options.cache,
      keepAlive: true,
      onEvent: () => this.enqueue(),
      onError: (error) => this.options.onError?.(error),
    });
    this.workspace = workspaceOn(root, this.session);
  }

  async start(): Promise<void> {
    this.release = await claimWatcher(this.root);
    const timer = new PhaseTimer();
    try {
      // The start-up sync is the session's first call: it watches the workspace's folders
      // before it reads them (a save made while it reads is an event, applied by the cycle
      // that follows), loads from the persistent caches, and syncs. Events arriving
      // meanwhile wait for it, never run beside it.
      const startup = this.cycle('startup');
      this.running = startup;
      await startup;
      this.running = undefined;
      timer.mark('load+sync');
      if (this.options.serve !== false && !this.servingEnded) {
        const served = await serveWorkspace(this.workspace, {
          onAnswered: (call, value) => this.reportServed(call, value),
          onAskedByAnotherEngine: () => this.stillTheInstalledEngine(),
        });
        // A stop asked while the socket was being made: it never answers.
        if (this.servingEnded) served?.close();
        else this.served = served;
      }
      timer.mark('serve');
      timer.report('watch start-up');
      if (this.eventsPending) this.schedule();
    } catch (error) {
      await this.stop();
      throw error;
    }
    const reconcileMs = this.options.reconcileMs ?? 60_000;
    if (reconcileMs > 0) {
      this.reconcileTimer = setInterval(() => this.requestReconcile(), reconcileMs);
      this.reconcileTimer.unref();
    }
  }

  /** Whether the CLI is answered from this watcher's state (false: another process already serves this workspace, or none can here). */
  get serving(): boolean {
    return this.served !== undefined;
  }

  /** Whether stopping now has a cycle to finish first: one under way, or saves waiting for theirs. */
  get busy(): boolean {
    return this.running !== undefined || (this.started && this.eventsPending);
  }

  /**
   * The source files still differing from HEAD after the start-up sync, as `sync` names
   * them — a thread opened with `--no-commit` moves nothing derived, so no cycle would ever
   * commit it, or say so; null when the watcher does not commit or git could not say. Asked
   * of git after the start-up (a status of 70,000 files is most of a second): never part of
   * the start-up's own time. Outside a git repository git cannot say, and nothing is
   * committed: null, as `sync --json` says (not `[]`, which says every source is committed).
   */
  async uncommittedAtStart(): Promise<string[] | null> {
    if (this.options.commit === false || !this.started) return null;
    if (!(await repositoryOf(this.root).catch(() => undefined))) return null;
    const committing = await this.session.read(({ model }) => model.config.git.commit).catch(() => false);
    // As the start-up left them: a file saved since is its own cycle's to commit and report.
    return committing ? this.session.uncommittedSinceFirst() : null;
  }

  /**
   * Finishes the cycle under way — and one more for saves that arrived since, so a Ctrl-C
   * right after a save still leaves the workspace at its fixed point — then stops watching,
   * stops serving, keeps the caches and releases the workspace.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.reconcileTimer);
    this.stopServing();
    await this.running;
    if (this.eventsPending && this.started && !this.replacedBy) await this.cycle('change');
    // The warm state is what the next start-up reads: kept (when it moved enough to be worth rewriting), so it reads only what changes meanwhile.
    // A replaced engine's caches would be discarded by the new one: it keeps none, and writes nothing more.
    if (this.release) await this.session.close({ keepCaches: !this.replacedBy }).catch((error: unknown) => this.options.onError?.(error));
    this.release?.();
    this.release = undefined;
  }

  /**
   * Answers none of the CLI's commands from now on; the CLI runs them itself. Called the
   * moment a stop is asked (a signal, the output gone), before `stop` — which waits for the
   * start-up or the cycle under way, and the CLI's own last words, for seconds at times: a
   * signal in a watcher's first second left the start-up to open the socket after it, and
   * commands were answered, writes committed, by a watcher that had said it was stopping.
   */
  stopServing(): void {
    this.servingEnded = true;
    this.served?.close();
    this.served = undefined;
  }

  /** A file event (the session holds its path): a cycle after the quiet time. */
  private enqueue(): void {
    if (this.stopped) return;
    if (!this.eventsPending) this.firstPendingAt = Date.now();
    this.eventsPending = true;
    if (this.started) this.schedule();
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
    if (!this.eventsPending && !this.reconcileRequested) return;
    const reconcile = this.reconcileRequested;
    if (this.replacedBy || (reconcile && !this.stillTheInstalledEngine())) return;
    this.reconcileRequested = false;
    this.running = this.cycle(reconcile ? 'reconcile' : 'change');
    await this.running;
    this.running = undefined;
    if (this.eventsPending || this.reconcileRequested) this.schedule();
  }

  /**
   * Whether the engine installed where this one was loaded from is still this one. An
   * upgrade or a rebuild under a running watcher left two engines deriving the same files:
   * the new CLI's `sync` wrote its meta.json, the old watcher saw the change and wrote its
   * own back, each committing — so the watcher stops syncing and serving at once, and says so.
   * Costs a stat of the engine's files (~500, a few ms): asked at each reconcile and when a
   * CLI of another engine was declined, never per save.
   */
  private stillTheInstalledEngine(): boolean {
    if (this.replacedBy) return false;
    const installed = installedEngineIdentity();
    const running = engineIdentity();
    if (installed === running) return true;
    this.replacedBy = installed;
    this.stopServing();
    clearTimeout(this.timer);
    clearInterval(this.reconcileTimer);
    this.options.onEngineReplaced?.(running, installed);
    return false;
  }

  /**
   * A line for a command answered from this state that wrote or committed: its echo moves
   * nothing here (the session read its writes as it made them), so no cycle of the
   * watcher's own would say the change was made — and someone reading the watch log
   * would never learn of a deal opened beside it.
   */
  private reportServed(call: ServedCall, value: unknown): void {
    const made = servedChange(call, value);
    if (!made) return;
    const { listed: diagnostics, fixed, released } = made.sync ? this.reported.cycle(made.sync.diagnostics, new Set(made.trigger)) : { listed: [], fixed: [], released: [] };
    this.options.onCycle?.({
      time: new Date().toISOString(),
      kind: 'served',
      command: made.command,
      trigger: made.trigger,
      deleted: [],
      written: made.sync?.written ?? made.trigger,
      changes: made.sync?.changes ?? [],
      commit: made.commit,
      recovered: null,
      diagnostics,
      fixed: this.onDisk(fixed),
      released: this.onDisk(released),
    });
  }

  /** Of files whose errors are gone, those still there: a file deleted (a thread folder removed) was not fixed. */
  private onDisk(paths: readonly string[]): string[] {
    return paths.filter((path) => existsSync(join(this.root, path)));
  }

  private async cycle(kind: Exclude<CycleReport['kind'], 'served'>): Promise<void> {
    // Events from here on are the next cycle's: this one's transaction drains what arrived before it reads.
    this.eventsPending = false;
    if (kind === 'reconcile') this.session.requestReconcile();
    try {
      // A change cycle syncs only when a file changed: the echo of the engine's own writes and
      // saves of identical bytes run nothing. A start-up and a reconcile always sync (a
      // reconcile also catches what the day moved, and says so). Every other save gets its line, even one
      // that moves no derived value — whoever saved it (an agent tailing --json) learns it
      // was seen and what it left, a file fixed included.
      const options = { commit: this.options.commit !== false, nameUncommitted: false };
      const done = kind === 'change' ? await this.session.syncOnChange(options) : await this.session.transaction(proposeSync, options);
      if (!done) return;
      const result = done.sync!;
      // A reconcile that found no file changed is silent — unless it wrote (what the day moved:
      // a date written ahead that has come), or it would commit with no line to say so.
      if (kind !== 'startup' && done.changed.length === 0 && result.written.length === 0 && !result.commit?.committed) return;
      const { listed: diagnostics, fixed, released } = kind === 'startup' ? { listed: this.reported.startup(result.diagnostics), fixed: [], released: [] } : this.reported.cycle(result.diagnostics, new Set(done.changed));
      this.options.onCycle?.({
        time: new Date().toISOString(),
        kind,
        trigger: kind === 'startup' ? [] : done.changed,
        // Told apart from a save: a line that named a deleted file like an edited one left whoever deleted it by mistake none the wiser.
        deleted: kind === 'startup' ? [] : done.changed.filter((path) => !existsSync(join(this.root, path))),
        written: result.written,
        changes: result.changes,
        // With nothing of its own to commit, the transaction reports the commit that finished an earlier write as its own.
        commit: done.recovered && result.commit === done.recovered ? null : result.commit,
        recovered: done.recovered,
        diagnostics,
        fixed: this.onDisk(fixed),
        released: this.onDisk(released),
      });
    } catch (error) {
      // A failed start-up sync is reported and watching goes on: the next cycle loads and syncs again.
      this.options.onError?.(error);
    } finally {
      if (kind === 'startup') this.started = true;
    }
  }
}

/** A served write's line, unless it wrote and committed nothing. */
function wrote(command: NonNullable<CycleReport['command']>, trigger: string[], done: Committed): ReturnType<typeof servedChange> {
  if (trigger.length === 0 && !done.sync?.written.length && !done.commit?.committed) return undefined;
  return { command, trigger, sync: done.sync, commit: done.commit };
}

/** What a served command changed, for its line; undefined for one that wrote nothing (a check, a report, a sync at its fixed point). */
function servedChange(call: ServedCall, value: unknown): { command: NonNullable<CycleReport['command']>; trigger: string[]; sync: SyncResult | null; commit: SyncResult['commit'] } | undefined {
  if (call.op === 'sync') {
    const result = value as SyncResult;
    if (result.dryRun || (result.written.length === 0 && !result.commit?.committed)) return undefined;
    return { command: 'sync', trigger: result.triggers ?? [], sync: result, commit: result.commit };
  }
  if (call.op === 'createDeal' || call.op === 'createCampaign') {
    const created = value as { files: string[] } & Committed;
    return { command: call.op === 'createDeal' ? 'deal new' : 'campaign new', trigger: created.files, sync: created.sync, commit: created.commit };
  }
  if (call.op === 'advance') {
    const advanced = value as { created: string } & Committed;
    return { command: 'advance', trigger: [advanced.created], sync: advanced.sync, commit: advanced.commit };
  }
  // The outreach writes: the files each wrote (a draft kept or already sent, a reply recorded before, wrote nothing).
  if (call.op === 'draftCampaign') {
    const drafted = value as { drafts: { path: string; action: string; regradedFrom: string | null }[] } & Committed;
    return wrote('campaign draft', drafted.drafts.filter((d) => d.action === 'created' || d.action === 'overwritten' || d.regradedFrom !== null).map((d) => d.path), drafted);
  }
  if (call.op === 'approveDrafts') {
    const approved = value as { drafts: { path: string; action: string }[] } & Committed;
    return wrote('campaign approve', approved.drafts.filter((d) => d.action === 'approved').map((d) => d.path), approved);
  }
  if (call.op === 'recordReply') {
    const replied = value as { written: string[] } & Committed;
    return wrote('campaign reply', replied.written, replied);
  }
  return undefined;
}
