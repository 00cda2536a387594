// Task `watch`: a real watcher on a git repository copy of the workspace. Each of N saves
// makes one deal closed-won with a new ARR; the latency is from the save to the end of
// the cycle that wrote the derived files (and, with commit, committed them), the debounce
// included.
//
//   node bench/tasks/watch.js <repo> <commit 0|1> <saves> [debounceMs=150]
//   → one JSON line: {startupMs, latencies, cycles, events, cycleSource, debounceMs, maxRssKb}
//
// The cycle cost — from the start of the cycle to its end, without the debounce — comes
// from the first of these that is available:
//   1. a duration the watcher reports (`CycleReport.durationMs`), once the engine has one;
//   2. the start of the watcher's own cycle() (its instance method wrapped here) → onCycle;
//   3. save → end of cycle minus the configured debounce (that also counts the time the
//      file-system event takes to arrive).
// `cycleSource` says which one it was. `events` is save → first file-system event, when
// the watcher's enqueue() can be wrapped the same way.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WorkspaceWatcher } from '../../dist/watch/watcher.js';
import { keepHeapTightOnceLoaded } from '../../dist/long-lived-heap.js';

const [dir, commitFlag, savesArg, debounceArg] = process.argv.slice(2);
// As `threadwork watch` does at its start (src/long-lived-heap.ts): this process stands for that one.
keepHeapTightOnceLoaded();
if (!dir) throw new Error('usage: node bench/tasks/watch.js <repo> <commit 0|1> <saves> [debounceMs]');
const saves = Number(savesArg ?? 20);
const debounceMs = Number(debounceArg ?? 150);

let resolveCycle;
let cycleStartedAt;
let firstEventAt;
const watcher = new WorkspaceWatcher(dir, {
  commit: commitFlag === '1',
  debounceMs,
  reconcileMs: 0,
  onCycle: (report) => {
    const end = performance.now();
    if (report.kind !== 'change' || report.written.length === 0) return;
    const reported = /** @type {any} */ (report).durationMs;
    resolveCycle?.({ end, cycleMs: typeof reported === 'number' ? reported : cycleStartedAt === undefined ? undefined : end - cycleStartedAt, reported: typeof reported === 'number' });
  },
  onError: (error) => console.error(String(error)),
});

// Private in TypeScript, plain methods at run time: wrap them on the instance when they exist.
const internals = /** @type {any} */ (watcher);
const canWrapCycle = typeof internals.cycle === 'function';
if (canWrapCycle) {
  const cycle = internals.cycle.bind(watcher);
  internals.cycle = (/** @type {unknown[]} */ ...args) => {
    cycleStartedAt = performance.now();
    return cycle(...args);
  };
}
if (typeof internals.enqueue === 'function') {
  const enqueue = internals.enqueue.bind(watcher);
  internals.enqueue = (/** @type {unknown[]} */ ...args) => {
    firstEventAt ??= performance.now();
    return enqueue(...args);
  };
}

let started = performance.now();
await watcher.start();
const startupMs = performance.now() - started;
const deals = readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns').sort();
const latencies = [];
const cycles = [];
const events = [];
let reportedDurations = 0;
for (let i = 0; i < saves; i++) {
  const file = join(dir, 'threads/sales', deals[(i * 3) % deals.length], '6-learning.md');
  const text = readFileSync(file, 'utf8');
  const cycle = new Promise((resolve) => (resolveCycle = resolve));
  firstEventAt = undefined;
  cycleStartedAt = undefined;
  started = performance.now();
  // Always another ARR than the file holds: a value drawn at random could repeat an earlier
  // run's (1 in 500 a save), and a save that changes nothing never ends in a written cycle.
  const arr = Number(/^arr: (\d+)/m.exec(text)?.[1] ?? 40000);
  writeFileSync(file, text.replace(/^outcome: .*$/m, 'outcome: closed-won').replace(/^arr: .*$/m, `arr: ${arr + 1 + Math.floor(Math.random() * 999)}`));
  let timeout;
  const done = await Promise.race([cycle, new Promise((resolve) => (timeout = setTimeout(() => resolve(null), 60_000)))]);
  clearTimeout(timeout); // else each pending 60 s timer keeps the process alive after the last save
  if (done === null) throw new Error(`save ${i}: no cycle within 60 s`);
  const latency = done.end - started;
  latencies.push(latency);
  cycles.push(done.cycleMs ?? Math.max(0, latency - debounceMs));
  if (done.reported) reportedDurations += 1;
  if (firstEventAt !== undefined) events.push(firstEventAt - started);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await watcher.stop();
const cycleSource =
  reportedDurations === saves ? 'CycleReport.durationMs' : canWrapCycle ? 'cycle start → end (WorkspaceWatcher.cycle wrapped)' : `save → end minus the ${debounceMs} ms debounce`;
console.log(JSON.stringify({ startupMs, saves, debounceMs, latencies, cycles, events, cycleSource, maxRssKb: process.resourceUsage().maxRSS }));
