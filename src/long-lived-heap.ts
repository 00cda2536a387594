import { setFlagsFromString } from 'node:v8';

/**
 * How far past what the last full collection kept the old generation may grow before the
 * next one, in percent. V8 otherwise picks a factor of its own from the allocation rate
 * (up to 4×): a long-lived process keeping 10,000 deals (~133 MB live) peaked at 270–319
 * MB over five rounds of calls, 263 MB with a collection after each; at 20% most runs
 * peaked at 264–276 MB, the calls as fast within this machine's spread — a run whose next
 * full collection falls at its very end still reaches ~320 MB, since the limit also
 * counts the young generation and a minimum step (twenty-eighth session, bench/tasks/warm.js).
 */
const HEAP_GROWING_PERCENT = 20;

let wanted = false;
let tuned = false;

/**
 * Asked by a process that keeps a workspace for hours (`threadwork watch`, `threadwork
 * mcp`): what it holds is known and long-lived, and memory between collections is what
 * the person's machine pays for as long as it runs. Never by the library on its own: a
 * V8 flag holds for the whole process, and an application embedding the engine chooses
 * its own. Takes effect once the first call is done (see longLivedFirstCallDone): set
 * before, it made the load, which builds the state, 0.1–0.5 s slower.
 */
export function keepHeapTightOnceLoaded(): void {
  wanted = true;
}

/** Called once a long-lived state's first call is done (engine/session.ts: its load, and a watcher's start-up sync). V8 reads the flag at each full collection. */
export function longLivedFirstCallDone(): void {
  if (!wanted || tuned) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  tuned = true;
}

/** Whether this process's heap was tuned (a test of the commands' wiring). */
export function heapTuned(): boolean {
  return tuned;
}
