// `npm run bench`: generated workspaces of 1,000 and 10,000 deal threads (meta.json and all
// six stage files each). Every measurement runs in a fresh child process, so the JS heap
// is cold and peak memory (maxRSS) belongs to that one task. Figures vary from run to run
// on shared machines; the ratios are what matter.
//
//   node bench/run.js [--sizes 1000,10000] [--repeat 5] [--tasks floor,check,sync,watch]
//   env: BENCH_SIZES, BENCH_REPEAT, BENCH_TASKS, BENCH_SEED, BENCH_SAVES (watch), BENCH_NO_CACHE=1
//
// Tasks are named entries in TASKS below, each backed by a child script in bench/tasks/
// that prints one JSON line ({ms, maxRssKb, …}) on stdout. To add one: write the script,
// add an entry with `measure` (returns the summary kept in latest.json) and `columns`
// (what it adds to the printed table).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { GENERATOR_HASH, GENERATOR_VERSION, generateWorkspace } from './generate.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CACHE = join(tmpdir(), 'threadwork-bench');

// ---------------------------------------------------------------------------------------
// Options

/** `--name value` or `--name=value` from argv, else the environment variable, else the default. */
function option(name, env, fallback) {
  const args = process.argv.slice(2);
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  if (at >= 0 && args[at + 1] !== undefined) return args[at + 1];
  return process.env[env] ?? fallback;
}
/** `1000`, `10k`, `10_000` → number. */
const count = (text) => {
  const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(text.trim().replace(/_/g, ''));
  if (!m) throw new Error(`bench: cannot read "${text}" as a number of deals`);
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
};

const SIZES = option('sizes', 'BENCH_SIZES', '1000,10000').split(',').filter(Boolean).map(count);
const REPEAT = Number(option('repeat', 'BENCH_REPEAT', '5'));
const SEED = Number(option('seed', 'BENCH_SEED', '1'));
const SAVES = Number(option('saves', 'BENCH_SAVES', '20'));
const NO_CACHE = process.env.BENCH_NO_CACHE === '1' || process.argv.includes('--no-cache');

// ---------------------------------------------------------------------------------------
// Running tasks in fresh processes

/**
 * Runs `bench/tasks/{name}.js` in a fresh Node process and returns the JSON it printed.
 * @param {string} name
 * @param {string[]} args
 * @param {string[]} [nodeFlags]
 */
function runTask(name, args, nodeFlags = []) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [...nodeFlags, join(HERE, 'tasks', `${name}.js`), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const wallMs = performance.now() - started;
  if (child.error) throw child.error;
  if (child.status !== 0) throw new Error(`bench task ${name} failed (exit ${child.status ?? child.signal}):\n${child.stderr}${child.stdout}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return { ...JSON.parse(line), wallMs };
  } catch {
    throw new Error(`bench task ${name} printed no JSON line:\n${child.stdout}\n${child.stderr}`);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median, min and the peak RSS over runs; every run is kept for latest.json. */
function summarize(runs) {
  const ms = runs.map((r) => r.ms);
  return {
    medianMs: round(median(ms)),
    minMs: round(Math.min(...ms)),
    maxMs: round(Math.max(...ms)),
    maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)),
    medianRssKb: median(runs.map((r) => r.maxRssKb)),
    // Whatever else every run reported as a number (check: importMs, gcMs), as medians.
    ...Object.fromEntries(
      ['importMs', 'gcMs', 'wallMs']
        .filter((key) => runs.every((r) => typeof r[key] === 'number'))
        .map((key) => [`median${key[0].toUpperCase()}${key.slice(1)}`, round(median(runs.map((r) => r[key])))]),
    ),
    runs,
  };
}

const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------
// Formatting

const fmtMs = (n) => (n === undefined ? '—' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n).toLocaleString('en-US')}`);
const fmtMb = (kb) => (kb === undefined ? '—' : (kb / 1024).toFixed(0));
const fmtInt = (n) => n.toLocaleString('en-US');

/** A plain aligned table: first column left, the others right. */
function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------
// Tasks

/**
 * A task is either `repeated` — its script runs on the generated workspace `repeat`
 * times, in alternation with the other repeated tasks (floor, check, floor, check, …) so
 * that drift on a shared machine hits them alike, and `verify` sees every run — or has
 * its own `measure`, for tasks that need a set-up (a git repository, a running watcher).
 *
 * @typedef {{ deals: number, dir: string, files: number, bytes: number, repeat: number }} SizeContext
 * @typedef {{
 *   describe: string,
 *   repeated?: boolean,
 *   verify?: (run: any, ctx: SizeContext) => void,
 *   measure?: (ctx: SizeContext) => any,
 *   columns: Array<[header: string, cell: (summary: any, size: Record<string, any>) => string]>,
 * }} Task
 */

/** A git repository holding a copy of the generated workspace, committed as a person would have it. */
function repoCopy(source, name) {
  const dir = join(CACHE, `work-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true, filter: (src) => !src.endsWith('.complete') });
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@localhost' };
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore', env });
  git('init', '-q', '--initial-branch=main');
  git('add', '-A');
  git('commit', '-q', '-m', 'generated workspace');
  return dir;
}

function checkRun(run, ctx) {
  if (run.errors !== 0) {
    throw new Error(
      `bench: check found ${run.errors} error(s) in the generated workspace ${ctx.dir} — the generator and the schemas disagree:\n  ${(run.firstErrors ?? []).join('\n  ')}\n` +
        `reproduce with: node bin/threadwork.js check --dir ${ctx.dir}`,
    );
  }
}

/** @type {Record<string, Task>} */
const TASKS = {
  floor: {
    describe: 'walk the folders and readFileSync every file, nothing else',
    repeated: true,
    columns: [
      ['floor ms (min)', (s) => `${fmtMs(s.medianMs)} (${fmtMs(s.minMs)})`],
      ['floor RSS MB', (s) => fmtMb(s.maxRssKb)],
    ],
  },
  check: {
    describe: 'openWorkspace(dir).check(): read, parse, validate, cross-check',
    repeated: true,
    verify: checkRun,
    columns: [
      ['check ms (min)', (s) => `${fmtMs(s.medianMs)} (${fmtMs(s.minMs)})`],
      ['check/floor', (s, r) => (r.floor ? `${(s.medianMs / r.floor.medianMs).toFixed(2)}×` : '—')],
      ['check RSS MB', (s) => fmtMb(s.maxRssKb)],
    ],
  },
  sync: {
    describe: 'sync in a git repository: cold (writes all), no-op, one change and its commit',
    measure: (ctx) => {
      const repo = repoCopy(ctx.dir, `sync-${ctx.deals}`);
      try {
        const cold = runTask('sync', [repo, 'cold']);
        const noop = summarize(Array.from({ length: Math.min(ctx.repeat, 3) }, () => runTask('sync', [repo, 'noop'])));
        const change = Array.from({ length: 3 }, () => runTask('sync', [repo, 'one-change']));
        return {
          coldMs: round(cold.ms),
          coldWritten: cold.written,
          noop,
          oneChangeMs: round(median(change.map((c) => c.ms))),
          commitMs: round(median(change.map((c) => c.commitMs))),
          maxRssKb: Math.max(cold.maxRssKb, noop.maxRssKb, ...change.map((c) => c.maxRssKb)),
        };
      } finally {
        rmSync(repo, { recursive: true, force: true });
      }
    },
    columns: [
      ['sync cold', (s) => fmtMs(s.coldMs)],
      ['sync no-op', (s) => fmtMs(s.noop.medianMs)],
      ['sync 1 change', (s) => fmtMs(s.oneChangeMs)],
      ['sync RSS MB', (s) => fmtMb(s.maxRssKb)],
    ],
  },
  watch: {
    describe: `save → derived files written (no commit / commit), over ${SAVES} saves`,
    measure: (ctx) => {
      const repo = repoCopy(ctx.dir, `watch-${ctx.deals}`);
      try {
        const noCommit = runTask('watch', [repo, '0', String(SAVES)]);
        const commit = runTask('watch', [repo, '1', String(SAVES)]);
        return { startupMs: round(commit.startupMs), noCommit, commit, saves: SAVES, maxRssKb: Math.max(noCommit.maxRssKb, commit.maxRssKb) };
      } finally {
        rmSync(repo, { recursive: true, force: true });
      }
    },
    columns: [
      ['watch start', (s) => fmtMs(s.startupMs)],
      ['watch p50/p95', (s) => `${fmtMs(s.noCommit.p50)}/${fmtMs(s.noCommit.p95)}`],
      ['+commit p50', (s) => fmtMs(s.commit.p50)],
      ['watch RSS MB', (s) => fmtMb(s.maxRssKb)],
    ],
  },
};

const TASK_NAMES = option('tasks', 'BENCH_TASKS', 'floor,check,sync,watch').split(',').filter(Boolean);
for (const name of TASK_NAMES) if (!TASKS[name]) throw new Error(`bench: unknown task "${name}": expected one of ${Object.keys(TASKS).join(', ')}`);
const INTERLEAVED = TASK_NAMES.filter((n) => TASKS[n].repeated);

// ---------------------------------------------------------------------------------------
// Generated workspaces, cached by generator version + source hash + size + seed

const cacheKey = (deals) => `g${GENERATOR_VERSION}-${GENERATOR_HASH}-d${deals}-s${SEED}`;

/** Removes cached workspaces from older generators (and leftovers of interrupted runs). */
function pruneCache() {
  if (!existsSync(CACHE)) return;
  const current = `g${GENERATOR_VERSION}-${GENERATOR_HASH}-`;
  for (const name of readdirSync(CACHE)) {
    const ours = /^(?:g\d+-[0-9a-f]{8}-d\d+-s\d+|v\d+-\d+|work-.+)$/.test(name);
    if (ours && !name.startsWith(current)) rmSync(join(CACHE, name), { recursive: true, force: true });
  }
}

function workspaceFor(deals) {
  const dir = join(CACHE, cacheKey(deals));
  const marker = join(dir, '.complete');
  if (!NO_CACHE && existsSync(marker)) return { dir, ...JSON.parse(readFileSync(marker, 'utf8')), cached: true };
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const { files, bytes, campaigns } = generateWorkspace(dir, { deals, seed: SEED });
  const stats = { files, bytes, campaigns, generatedMs: round(performance.now() - started, 0) };
  writeFileSync(marker, JSON.stringify(stats));
  // Flush the freshly written files to disk, so writeback does not compete with the first timed runs.
  try {
    execFileSync('sync', { stdio: 'ignore' });
  } catch {
    // not available (Windows): the warm-up run and the median absorb it
  }
  return { dir, ...stats, cached: false };
}

// ---------------------------------------------------------------------------------------

mkdirSync(CACHE, { recursive: true });
pruneCache();
console.log(`threadwork bench — node ${process.version}, ${cpus().length} cores, tasks: ${TASK_NAMES.join(', ')}; ${REPEAT} fresh-process runs each (median, min)`);

const output = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  generator: { version: GENERATOR_VERSION, hash: GENERATOR_HASH, seed: SEED },
  repeat: REPEAT,
  tasks: Object.fromEntries(TASK_NAMES.map((n) => [n, TASKS[n].describe])),
  sizes: [],
};

for (const deals of SIZES) {
  const ws = workspaceFor(deals);
  const mb = ws.bytes / 1048576;
  console.log(`\n${fmtInt(deals)} deals + ${ws.campaigns} campaigns: ${fmtInt(ws.files)} files, ${mb.toFixed(1)} MB ${ws.cached ? '(cached)' : `(generated in ${(ws.generatedMs / 1000).toFixed(1)} s)`} — ${ws.dir}`);
  const ctx = { deals, dir: ws.dir, files: ws.files, bytes: ws.bytes, repeat: REPEAT };
  /** @type {Record<string, any>} */
  const results = {};

  if (INTERLEAVED.length) {
    // One untimed floor first, so every timed run finds the files in the page cache.
    runTask('floor', [ws.dir]);
    const runs = Object.fromEntries(INTERLEAVED.map((n) => [n, []]));
    for (let i = 0; i < REPEAT; i++) {
      for (const name of INTERLEAVED) {
        const run = runTask(name, [ws.dir]);
        TASKS[name].verify?.(run, ctx);
        runs[name].push(run);
        const extra = typeof run.gcMs === 'number' ? ` (gc ${fmtMs(run.gcMs)} ms)` : '';
        process.stdout.write(`  ${name} ${i + 1}/${REPEAT}: ${fmtMs(run.ms)} ms${extra}, peak RSS ${fmtMb(run.maxRssKb)} MB\n`);
      }
    }
    for (const name of INTERLEAVED) results[name] = summarize(runs[name]);
  }
  for (const name of TASK_NAMES.filter((n) => !INTERLEAVED.includes(n))) {
    process.stdout.write(`  ${name}… `);
    results[name] = TASKS[name].measure(ctx);
    console.log('done');
  }

  const check = results.check;
  const floor = results.floor;
  if (check && floor && check.runs[0].files !== floor.runs[0].files) {
    console.warn(`  note: check read ${check.runs[0].files} files, the floor ${floor.runs[0].files}`);
  }
  if (check && check.runs[0].warnings > 0) console.warn(`  note: check reported ${check.runs[0].warnings} warning(s) (0 errors)`);
  output.sizes.push({
    deals,
    campaigns: ws.campaigns,
    files: ws.files,
    megabytes: round(mb, 2),
    dir: ws.dir,
    ...(check && floor ? { ratio: { medianCheckToFloor: round(check.medianMs / floor.medianMs, 2), minCheckToFloor: round(check.minMs / floor.minMs, 2) } } : {}),
    ...results,
  });
}

// Times first, in task order; then the peak-memory columns, the check's before the floor's.
const columns = TASK_NAMES.flatMap((name) => TASKS[name].columns.map(([header, cell]) => ({ name, header, cell })));
const isRss = (c) => c.header.includes('RSS');
const rssOrder = (c) => (c.name === 'check' ? 0 : c.name === 'floor' ? 1 : 2);
columns.sort((a, b) => Number(isRss(a)) - Number(isRss(b)) || (isRss(a) ? rssOrder(a) - rssOrder(b) : 0));
const rows = output.sizes.map((size) => [
  fmtInt(size.deals),
  fmtInt(size.files),
  size.megabytes.toFixed(1),
  ...columns.map(({ name, cell }) => (size[name] ? cell(size[name], size) : '—')),
]);
console.log(`\nmedian (min) of ${REPEAT} cold runs, each in a fresh process; RSS is the peak over the runs\n`);
console.log(table(['deals', 'files', 'MB', ...columns.map((c) => c.header)], rows));
if (output.sizes.length > 1 && TASK_NAMES.includes('check')) {
  const [a, b] = [output.sizes[0], output.sizes.at(-1)];
  const scale = (key) => (b[key].medianMs / a[key].medianMs).toFixed(1);
  console.log(`\n${fmtInt(a.deals)} → ${fmtInt(b.deals)} deals (${(b.files / a.files).toFixed(1)}× the files): check ${scale('check')}×${TASK_NAMES.includes('floor') ? `, floor ${scale('floor')}×` : ''}`);
}
if (TASK_NAMES.includes('check') && TASK_NAMES.includes('floor')) {
  console.log('check/floor: how many times the bare readFileSync walk a full cold check costs (PERF-NOTES: about 2× is reachable).');
}

mkdirSync(join(HERE, 'results'), { recursive: true });
writeFileSync(join(HERE, 'results', '.gitignore'), '*\n!.gitignore\n');
writeFileSync(join(HERE, 'results', 'latest.json'), `${JSON.stringify(output, null, 2)}\n`);
console.log('full results: bench/results/latest.json');
