// Task `check`: a cold `check` in a fresh process — open the workspace, then read, parse,
// validate and cross-check every file, exactly as `threadwork check` does.
//
//   node bench/tasks/check.js <workspace> [--no-cache]
//   → one JSON line: {ms, importMs, files, threads, errors, warnings, maxRssKb, firstErrors}
//
// `ms` covers openWorkspace() + check(); loading the library's modules is `importMs`;
// `gcMs` is the main thread's time in garbage-collection pauses within `ms`.
//
// `--no-cache` keeps the engine's persistent cache out of it (`ws.check({ cache: false })`
// and THREADWORK_NO_CACHE=1, as `threadwork check --no-cache`): neither read nor written.
// run.js times the cold check with it, on the generated workspace; the cached check runs
// without it, in a git repository copy where an untimed check ran first.
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/tasks/check.js <workspace> [--no-cache]');
const noCache = process.argv.includes('--no-cache');
if (noCache) process.env.THREADWORK_NO_CACHE = '1';

// Time the main thread spent paused in garbage collection during the check.
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});

let started = performance.now();
const { openWorkspace, formatDiagnostic } = await import('../../dist/index.js');
const importMs = performance.now() - started;

gcObserver.observe({ entryTypes: ['gc'] });
started = performance.now();
const ws = await openWorkspace(dir);
const result = await ws.check(noCache ? { cache: false } : {});
const ms = performance.now() - started;
await new Promise((resolve) => setImmediate(resolve)); // let the observer deliver the last gc entries
gcObserver.disconnect();

const firstErrors = result.diagnostics
  .filter((d) => d.severity === 'error')
  .slice(0, 10)
  .map(formatDiagnostic);
console.log(
  JSON.stringify({
    ms,
    importMs,
    gcMs,
    files: result.files,
    threads: result.threads,
    errors: result.errors,
    warnings: result.warnings,
    maxRssKb: process.resourceUsage().maxRSS,
    ...(firstErrors.length ? { firstErrors } : {}),
  }),
);
