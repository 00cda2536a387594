import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { Diagnostic } from '../../diagnostics.js';
import { ThreadworkError } from '../../errors.js';
import { SERVED_COMMANDS } from '../../serve/protocol.js';
import { WorkspaceWatcher } from '../../watch/watcher.js';
import { keepHeapTightOnceLoaded } from '../../long-lived-heap.js';
import { onStopSignals } from '../../stop-signals.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';
import { describeCycle, fallbackIdentityToldOnce, fittedLines, startupLine } from '../watch-line.js';
import { gitOperationAt } from '../../git/unmerged.js';
import { repositoryOf } from '../../git/repo.js';
import { leftUncommitted } from './sync.js';
import { uncommittedAndDeleted } from '../../engine/uncommitted.js';

/**
 * SIGHUP: the terminal it runs in was closed — a way people stop it as common as Ctrl-C,
 * which by default ends the process at once, the save under way unsynced and the pid
 * file and socket left in .git.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;


/**
 * Runs until SIGINT, SIGTERM or SIGHUP, or until nobody reads its output, then finishes the cycle under way and exits 0. Prints
 * one line per cycle — the start-up sync, then each save of a file the engine reads,
 * whether or not it moved a derived value (one JSON object per line with --json).
 */
export async function watchCommand(flags: { commit: boolean; cache?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  keepHeapTightOnceLoaded();
  const workspace = await openWorkspace(options.dir);
  // Nobody reads the lines any more (`watch --json | head -1`, an agent that closed its pipe, a
  // terminal gone): the watcher stops as on a signal rather than crash on its next write, the
  // save under way unsynced and its pid file and socket left in .git.
  let outputGone = false;
  let outputClosed: (() => void) | undefined;
  let engineReplaced: (() => void) | undefined;
  const onOutputError = (): void => {
    outputGone = true;
    outputClosed?.();
  };
  process.stdout.on('error', onOutputError);
  process.stderr.on('error', onOutputError);
  const out = (line: string): void => {
    if (!outputGone) process.stdout.write(`${line}\n`);
  };
  // What the start-up sync found: a source in error left uncommitted is to be fixed, not committed.
  let startupProblems: Diagnostic[] = [];
  // Outside git, every cycle's line ended in "(not committed: not a git repository …)": it is
  // said once, under the start-up, and no cycle repeats it (each JSON line keeps its `commit`, for machines).
  const outsideGitTold = !options.json && flags.commit && !(await repositoryOf(workspace.root).catch(() => undefined));
  const identityTold = fallbackIdentityToldOnce();
  const watcher = new WorkspaceWatcher(workspace.root, {
    commit: flags.commit,
    cache: flags.cache !== false,
    ...(process.env.THREADWORK_WATCH_DEBOUNCE_MS ? { debounceMs: Number(process.env.THREADWORK_WATCH_DEBOUNCE_MS) } : {}),
    ...(process.env.THREADWORK_WATCH_RECONCILE_MS ? { reconcileMs: Number(process.env.THREADWORK_WATCH_RECONCILE_MS) } : {}),
    onCycle: (report) => {
      if (report.kind === 'startup') startupProblems = report.diagnostics;
      out(options.json ? JSON.stringify({ event: 'cycle', ...report }) : describeCycle(identityTold(report), outsideGitTold));
    },
    // Upgraded or rebuilt under it: it syncs nothing more (two engines rewrote each other's
    // meta.json), and exits 1, so a supervisor restarting it on failure starts the new one.
    onEngineReplaced: (running, installed) => {
      if (options.json) out(JSON.stringify({ event: 'engine-replaced', time: new Date().toISOString(), running, installed }));
      else if (!outputGone) process.stderr.write(fittedLines(`${pc.yellow('threadwork was updated on disk')} (this watcher runs ${running}, ${installed} is installed): it stops syncing so that the two do not rewrite each other's files — run \`threadwork watch\` again\n`));
      engineReplaced?.();
    },
    onError: (error) => {
      const message = error instanceof Error ? error.message : String(error);
      if (options.json) out(JSON.stringify({ event: 'error', time: new Date().toISOString(), message }));
      else if (!outputGone) process.stderr.write(`${pc.red('error:')} ${message} ${pc.dim('(still watching)')}\n`);
    },
  });
  // A cycle under way (a large commit, git slow) can take seconds, a start-up too: whoever pressed Ctrl-C learns it was heard.
  let startedUp = false;
  let stoppingTold = false;
  const tellStopping = (signal: string): void => {
    if (stoppingTold) return;
    stoppingTold = true;
    if (options.json) out(JSON.stringify({ event: 'stopping', time: new Date().toISOString(), signal }));
    else out(pc.dim(`stopping (${signal}): finishing the ${startedUp ? 'cycle under way' : 'start-up sync'}`));
  };
  const stopped = new Promise<string>((resolve) => {
    // Served no more from the signal on, though the start-up or a cycle may take seconds to finish (WorkspaceWatcher.stopServing).
    const stop = (reason: string): void => {
      watcher.stopServing();
      if (!startedUp) tellStopping(reason);
      resolve(reason);
    };
    onStopSignals(STOP_SIGNALS, stop, (signal) => {
      if (options.json) out(JSON.stringify({ event: 'stopping', time: new Date().toISOString(), signal, again: true }));
      else out(fittedLines(pc.dim(`still finishing the cycle under way (${signal}): Ctrl-C once more stops at once, its write left for the next sync to finish`)));
    });
    outputClosed = () => stop('output closed');
    engineReplaced = () => stop('threadwork updated');
  });
  try {
    await watcher.start();
  } catch (error) {
    if (error instanceof ThreadworkError) throw error;
    throw new ThreadworkError(`Cannot start watching: ${error instanceof Error ? error.message : String(error)}`, 'watch-start');
  }
  startedUp = true;
  if (options.json) out(JSON.stringify({ event: 'ready', time: new Date().toISOString(), root: workspace.root, serving: watcher.serving }));
  else out(startupLine(workspace.root, watcher.serving ? SERVED_COMMANDS : undefined));
  if (outsideGitTold) {
    out(fittedLines(pc.yellow('not a git repository: each change is synced and its files written, but nothing is committed — no audit trail, no `threadwork history` (`git init` here to have them)')));
  }
  // What the start-up left uncommitted, named as sync names it once git has said (a status
  // of a large workspace is most of a second: the start-up does not wait for it).
  const told = watcher.uncommittedAtStart().then(async (paths) => {
    if (options.json) out(JSON.stringify({ event: 'uncommitted', time: new Date().toISOString(), ...uncommittedAndDeleted(workspace.root, paths) }));
    else {
      // Started during a merge or rebase: what is left is git's to commit once it is finished, as sync says.
      const left = leftUncommitted(paths, workspace.root, startupProblems, paths?.length ? await gitOperationAt(workspace.root) : undefined);
      if (left) out(fittedLines(left));
    }
  });
  const signal = await stopped;
  if (watcher.busy) tellStopping(signal);
  await told;
  await watcher.stop();
  if (options.json) out(JSON.stringify({ event: 'stopped', time: new Date().toISOString(), signal }));
  else out(pc.dim(`stopped (${signal})`));
  return { json: undefined, text: '', exitCode: signal === 'threadwork updated' ? 1 : 0 };
}
