// Task `watch` (opt-in: `--tasks floor,check,watch`). Watch latency: a real watcher on
// the workspace; each of N saves changes one deal's ARR, and the latency is from the save
// to the end of the cycle that wrote the derived files (and, with commit, committed
// them). Includes the 150 ms debounce.
//
//   node bench/tasks/watch.js <repo> <commit 0|1> <saves> → one JSON line: {startupMs, p50, p95, max, maxRssKb}
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WorkspaceWatcher } from '../../dist/watch/watcher.js';

const [dir, commitFlag, savesArg] = process.argv.slice(2);
const saves = Number(savesArg ?? 20);
let resolveCycle;
const watcher = new WorkspaceWatcher(dir, {
  commit: commitFlag === '1',
  reconcileMs: 0,
  onCycle: (report) => {
    if (report.kind === 'change' && report.written.length > 0) resolveCycle?.(performance.now());
  },
  onError: (error) => console.error(String(error)),
});
let started = performance.now();
await watcher.start();
const startupMs = performance.now() - started;
const deals = readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns').sort();
const latencies = [];
for (let i = 0; i < saves; i++) {
  const file = join(dir, 'threads/sales', deals[(i * 3) % deals.length], '6-learning.md');
  const text = readFileSync(file, 'utf8');
  const cycle = new Promise((resolve) => (resolveCycle = resolve));
  started = performance.now();
  writeFileSync(file, text.replace(/^outcome: .*$/m, 'outcome: closed-won').replace(/^arr: .*$/m, `arr: ${40000 + i * 1000 + Math.floor(Math.random() * 500)}`));
  let timeout;
  const done = await Promise.race([cycle, new Promise((resolve) => (timeout = setTimeout(() => resolve(null), 60_000)))]);
  clearTimeout(timeout); // else each pending 60 s timer keeps the process alive after the last save
  if (done === null) throw new Error(`save ${i}: no cycle within 60 s`);
  latencies.push(done - started);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await watcher.stop();
latencies.sort((a, b) => a - b);
const q = (p) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)];
console.log(JSON.stringify({ startupMs, saves, p50: q(0.5), p95: q(0.95), max: latencies.at(-1), maxRssKb: process.resourceUsage().maxRSS }));
