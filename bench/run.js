// `npm run bench`: every figure of the scale issue (#12) on generated workspaces of 1,000
// and 10,000 deal threads (meta.json and all six stage files each, plus deals/100
// campaigns), each with its bar and whether it holds, as a Markdown table. Every
// measurement runs in a fresh child process, so the JS heap is cold and peak memory
// (maxRSS) belongs to that one task. Figures vary from run to run on shared machines.
//
//   node bench/run.js [--sizes 1000,10000] [--repeat 3] [--tasks floor,check,…] [--saves 20]
//   env: BENCH_SIZES, BENCH_REPEAT, BENCH_TASKS, BENCH_SEED, BENCH_SAVES (watch), BENCH_NO_CACHE=1
//
// Tasks are named entries in TASKS below, each backed by a child script in bench/tasks/
// that prints one JSON line ({ms, maxRssKb, …}) on stdout. A task adds `columns` to the
// details table and `figures` (with their bars) to the figures table; see the Task typedef.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { GENERATOR_HASH, GENERATOR_VERSION, generateWorkspace } from './generate.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
// The generated workspaces' dates run to the end of 2026 (bench/generate.js: LAST_DAY), and
// a thread may not record as done a day still to come (date-in-future): every task runs as
// of that day, whatever the machine's date, so the figures do not change with the calendar.
process.env.THREADWORK_TODAY ??= '2026-12-31';
const CACHE = join(tmpdir(), 'threadwork-bench');
const LATEST = join(HERE, 'results', 'latest.json');

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

const SIZES = [...new Set(option('sizes', 'BENCH_SIZES', '1000,10000').split(',').filter(Boolean).map(count))].sort((a, b) => a - b);
const REPEAT = Number(option('repeat', 'BENCH_REPEAT', '3'));
/** The commit task's runs (at least): each is ~2 s, and its figure is a ratio of small times. */
const COMMIT_RUNS = 9;
const SEED = Number(option('seed', 'BENCH_SEED', '1'));
const SAVES = Number(option('saves', 'BENCH_SAVES', '20'));
/** The watcher's default debounce, passed explicitly so the figure means the same whatever the default becomes. */
const DEBOUNCE_MS = 150;
/** Rounds of edit → sync, edit → list and check in each warm-workspace process. */
const WARM_ROUNDS = 5;
const NO_CACHE = process.env.BENCH_NO_CACHE === '1' || process.argv.includes('--no-cache');
if (!(REPEAT >= 1)) throw new Error('bench: --repeat must be at least 1');

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
/** The p-quantile of samples (nearest rank). */
const quantile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
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
      ['importMs', 'gcMs', 'wallMs', 'gitMs']
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
/** `850 ms`, `12.3 s` */
const ms = (n) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n).toLocaleString('en-US')} ms`);
const times = (n) => `${n.toFixed(2)}×`;
const pct = (r) => `${Math.round(r * 100)}%`;
const kDeals = (n) => (n % 1000 === 0 ? `${n / 1000}k` : fmtInt(n));

/** A Markdown table, its columns padded so it reads as well in a terminal as pasted. */
function markdown(headers, rows, align = headers.map((_, i) => (i === 0 ? 'l' : 'r'))) {
  const cells = [headers, ...rows].map((row) => row.map((c) => String(c).replace(/\|/g, '\\|')));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((row) => [...row[i]].length)));
  const pad = (cell, i) => (align[i] === 'r' ? cell.padStart(widths[i] + cell.length - [...cell].length) : cell.padEnd(widths[i] + cell.length - [...cell].length));
  const line = (row) => `| ${row.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------
// Git repositories holding the generated workspace

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@localhost' };
const git = (cwd, ...args) => execFileSync('git', args, { cwd, stdio: 'ignore', env: GIT_ENV });

/** `cp -a` (much faster than cpSync for 100,000s of files), else cpSync. */
function copyTree(from, to) {
  try {
    execFileSync('cp', ['-a', from, to], { stdio: 'ignore' });
  } catch {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true, preserveTimestamps: true });
  }
}

/**
 * The generated workspace in a git repository, committed (and packed) as a person would
 * have it. Built once per workspace and cached beside it (`…-repo`); tasks work on copies.
 */
function repoTemplate(ctx) {
  const dir = `${ctx.dir}-repo`;
  const marker = `${dir}.complete`;
  if (existsSync(marker)) return dir;
  ctx.log('building the git repository of the workspace (cached for later runs)…');
  rmSync(dir, { recursive: true, force: true });
  copyTree(ctx.dir, dir);
  rmSync(join(dir, '.complete'), { force: true });
  rmSync(join(dir, '.threadwork'), { recursive: true, force: true });
  git(dir, 'init', '-q', '--initial-branch=main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'generated workspace');
  git(dir, 'repack', '-a', '-d', '-q');
  writeFileSync(marker, '');
  return dir;
}

/** The engine's persistent cache ignores a key taken within 2 s of a file's change (engine/cache.ts: RACY_MS). */
const RACY_MS = 2000;
/** Blocks until `ms` after `since` (performance.now()), so the files just written or copied are no longer "racy". */
function settle(since, ms = RACY_MS + 100) {
  const left = since + ms - performance.now();
  if (left > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, left);
}

// ---------------------------------------------------------------------------------------
// Deleting many files without slowing the next timed run
//
// On an ext4 file system without a journal (these machines' root), every file created scans
// its group's free inodes from the start, skipping each one deleted less than a minute ago
// (6 min while its inode-table block is dirty: the kernel's `recently_deleted`), and reads
// that inode's block to find out. Right after the bench removed a 70,000-file copy, creating
// 10,000 files took 2.5–8 s instead of 0.5 s (perf: 56% of the time in recently_deleted):
// a cold sync's temporary files measured the bench's own clean-up, not the engine. A person's
// workspace has not just lost 70,000 files, so nothing is deleted while the bench runs: copies
// are moved aside and removed when it ends, and the cold syncs' copies are all made before
// the first one runs (each replaces 10,000 meta.json files, which would slow the next copy's).

const TRASH = join(CACHE, `trash-${process.pid}`);
let discarded = 0;

/** Moves a copy out of the way, to be removed when the bench ends (see emptyTrash). */
function discard(dir) {
  if (!existsSync(dir)) return;
  mkdirSync(TRASH, { recursive: true });
  renameSync(dir, join(TRASH, String(++discarded)));
}

/** Removes the copies discarded during the run: the last thing the bench does. */
function emptyTrash() {
  rmSync(TRASH, { recursive: true, force: true });
}

/**
 * The median of `runs` timed `git status` runs in `repo`, each a fresh process, after one
 * untimed run (which may refresh the index, as a person's first status after a commit does).
 */
function timeGitStatus(repo, runs) {
  const status = () => execFileSync('git', ['status', '--porcelain'], { cwd: repo, stdio: 'ignore', env: GIT_ENV });
  status();
  return median(
    Array.from({ length: runs }, () => {
      const started = performance.now();
      status();
      return performance.now() - started;
    }),
  );
}

/** A fresh copy of the repository, its index refreshed (untimed) as a working copy's would be. */
function freshRepo(ctx, name) {
  const template = repoTemplate(ctx);
  const dir = join(CACHE, `work-${name}`);
  discard(dir);
  copyTree(template, dir);
  // New inodes and ctimes: without this, git's first command would re-hash every file.
  try {
    git(dir, 'update-index', '-q', '--refresh');
  } catch {
    // exit 1 means something differs; the timed git commands sort it out as they would for anyone
  }
  // The copy (and the removal of the last one) flushed to disk before anything is timed: a
  // person's workspace is not 100 MB of data the kernel has yet to write, and a sync's one
  // `syncfs` would otherwise write the bench's copy back as part of the engine's time.
  try {
    execFileSync('sync', ['-f', dir], { stdio: 'ignore' });
  } catch {
    // no coreutils sync: the figure then includes the copy's write-back, as before
  }
  return dir;
}

// ---------------------------------------------------------------------------------------
// Tasks

/**
 * A task is either `repeated` — its script runs on the generated workspace `repeat`
 * times, in alternation with the other repeated tasks (floor, check, floor, check, …) so
 * that drift on a shared machine hits them alike, and `verify` sees every run — or has
 * its own `measure(ctx)`, for tasks that need a set-up (a git repository, a running
 * watcher); `measure` returns the summary kept in latest.json.
 *
 * `columns` go into the details table; `figures` are rows of the figures table, each with
 * its bar: `cell(size, ref)` gets this size's entry (every task's summary under its name,
 * so a figure may compare with another task's) and `ref`, the next smaller size's entry
 * (from this run, else from the previous latest.json) for ratios; it returns
 * `{text, holds}` (holds: true ✓, false ✗, undefined no verdict) or null for "—".
 *
 * A task with `once: true` does not depend on the workspace size (say the reply
 * classifier's confusion matrix): `measure(ctx)` runs once, after the sizes, and
 * `markdown(summary)` returns its own section, printed after the figures table.
 *
 * @typedef {{ deals: number, dir: string, files: number, bytes: number, repeat: number, log: (line: string) => void }} SizeContext
 * @typedef {{ label: string, bar: string, cell: (size: Record<string, any>, ref: { entry: Record<string, any>, earlier: boolean } | undefined) => { text: string, holds?: boolean } | null }} Figure
 * @typedef {{
 *   describe: string,
 *   repeated?: boolean,
 *   once?: boolean,
 *   verify?: (run: any, ctx: SizeContext) => void,
 *   measure?: (ctx: any) => any,
 *   columns?: Array<[header: string, cell: (summary: any, size: Record<string, any>) => string]>,
 *   figures?: Figure[],
 *   markdown?: (summary: any) => string,
 * }} Task
 */

function checkRun(run, ctx) {
  if (run.errors !== 0) {
    throw new Error(
      `bench: check found ${run.errors} error(s) in the generated workspace ${ctx.dir} — the generator and the schemas disagree:\n  ${(run.firstErrors ?? []).join('\n  ')}\n` +
        `reproduce with: node bin/threadwork.js check --dir ${ctx.dir}`,
    );
  }
}

const verdict = (text, holds) => ({ text, holds });
/** `1.08× (vs 1k)`: a figure at this size over the same figure at the next smaller one. */
function ratioCell(value, size, ref, bar) {
  const here = value(size);
  const there = ref && value(ref.entry);
  if (here === undefined || there === undefined || !(there > 0)) return null;
  const r = here / there;
  return verdict(`${times(r)} (vs ${kDeals(ref.entry.deals)}${ref.earlier ? `, run of ${String(ref.entry.date).slice(0, 10)}` : ''})`, r <= bar);
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
    describe: 'openWorkspace(dir).check() with no cache (--no-cache; the workspace is no git repository): read, parse, validate, cross-check',
    repeated: true,
    verify: checkRun,
    columns: [
      ['check ms (min)', (s) => `${fmtMs(s.medianMs)} (${fmtMs(s.minMs)})`],
      ['check/floor', (s, r) => (r.floor ? times(s.medianMs / r.floor.medianMs) : '—')],
      ['check RSS MB', (s) => fmtMb(s.maxRssKb)],
    ],
    figures: [
      {
        label: 'cold `check` / read floor',
        bar: '≤ 2×',
        cell: (s) => (s.check && s.floor ? verdict(`${times(s.check.medianMs / s.floor.medianMs)} (${ms(s.check.medianMs)} / ${ms(s.floor.medianMs)})`, s.check.medianMs / s.floor.medianMs <= 2) : null),
      },
    ],
  },
  'parse-floor': {
    describe: "read every file and parse what the engine parses — front matter and YAML with js-yaml 4 (the engine's schema), JSON with JSON.parse — and nothing else, on as many lanes as the cold check (the engine's parseWorkers): the least a cold check with the design's YAML engine costs",
    repeated: true,
    columns: [
      ['read+parse ms (min)', (s) => `${fmtMs(s.medianMs)} (${fmtMs(s.minMs)})`],
      ['read+parse/floor', (s, r) => (r.floor ? times(s.medianMs / r.floor.medianMs) : '—')],
    ],
    figures: [
      {
        label: "read + parse only, on the check's lanes (the least a cold check with the design's YAML engine costs) / read floor",
        bar: 'for comparison',
        cell: (s) => {
          const least = s['parse-floor'];
          if (!least || !s.floor) return null;
          const check = s.check ? `; the cold check ${times(s.check.medianMs / least.medianMs)} of it` : '';
          return verdict(`${times(least.medianMs / s.floor.medianMs)} (${ms(least.medianMs)})${check}`);
        },
      },
    ],
  },
  'check-cached': {
    describe: 'check with nothing changed since the last run: in a git repository copy, one check (untimed) then the timed ones, each in a fresh process',
    measure: (ctx) => {
      const repo = freshRepo(ctx, `check-cached-${ctx.deals}`);
      try {
        // The copy's files have new ctimes: the first check could store nothing before 2 s.
        settle(performance.now());
        const first = runTask('check', [repo]);
        checkRun(first, ctx);
        const stored = existsSync(join(repo, '.git', 'threadwork-cache', 'check.json'));
        if (!stored) ctx.log('note: the first check left no cache entry in .git/threadwork-cache/');
        const runs = Array.from({ length: ctx.repeat }, () => runTask('check', [repo]));
        for (const run of runs) checkRun(run, ctx);
        return { ...summarize(runs), firstMs: round(first.ms), cacheEntryStored: stored };
      } finally {
        discard(repo);
      }
    },
    columns: [['cached check ms (min)', (s) => `${fmtMs(s.medianMs)} (${fmtMs(s.minMs)})`]],
    figures: [
      {
        label: '`check` with nothing changed since the last run (persistent cache)',
        bar: '≤ 0.5× the floor',
        cell: (s) => {
          const cached = s['check-cached'];
          if (!cached) return null;
          if (!s.floor) return verdict(ms(cached.medianMs));
          const r = cached.medianMs / s.floor.medianMs;
          return verdict(`${ms(cached.medianMs)} = ${times(r)} the floor`, r <= 0.5);
        },
      },
    ],
  },
  sync: {
    describe:
      "ws.sync() with its commit in a git repository copy: cold (a fresh copy per run), no-op, one change; for comparison, each cold sync followed on a fresh copy of its own by the same meta.json files replaced atomically with plain fs calls (tasks/write-floor.js), and `git status` in the synced repository (what git itself takes to find what changed)",
    measure: (ctx) => {
      const cold = [];
      const writeFloor = [];
      let repo = '';
      // Every copy made before the first cold sync replaces 10,000 files (see discard above).
      const copies = Array.from({ length: ctx.repeat }, (_, i) => freshRepo(ctx, `sync-${ctx.deals}-${i + 1}`));
      // The write floor's copies too, one per cold sync (one beyond 10,000 deals: each is a whole workspace).
      const floorCopies = Array.from({ length: ctx.deals > 10_000 ? 1 : ctx.repeat }, (_, i) => freshRepo(ctx, `write-floor-${ctx.deals}-${i + 1}`));
      try {
        for (const [i, copy] of copies.entries()) {
          repo = copy;
          const run = runTask('sync', [repo, 'cold']);
          if (!run.committed) ctx.log(`note: the cold sync committed nothing (${run.written} files written)`);
          cold.push(run);
          // Beside each cold sync, in the same minutes: drift on a shared machine hits both alike.
          if (floorCopies[i]) writeFloor.push(runTask('write-floor', [floorCopies[i]]));
        }
        // The last copy is at the fixed point now. One untimed no-op (once the files the cold
        // sync wrote are no longer racy) leaves what a second sync leaves: the timed no-ops are
        // the third and later, as when nothing changed since the last run.
        settle(performance.now());
        runTask('sync', [repo, 'noop']);
        const noop = summarize(Array.from({ length: ctx.repeat }, () => runTask('sync', [repo, 'noop'])));
        const oneChange = summarize(Array.from({ length: ctx.repeat }, () => runTask('sync', [repo, 'one-change'])));
        const gitStatus = timeGitStatus(repo, ctx.repeat);
        const floor = summarize(writeFloor);
        return {
          cold: summarize(cold),
          coldWritten: cold[0].written,
          noop,
          oneChange,
          writeFloor: { medianMs: floor.medianMs, files: writeFloor[0].files, medianRenamesMs: median(writeFloor.map((r) => r.renamesMs)), medianTempsMs: median(writeFloor.map((r) => r.tempsMs)) },
          gitStatusMs: gitStatus,
          maxRssKb: Math.max(...[...cold, ...noop.runs, ...oneChange.runs].map((r) => r.maxRssKb)),
        };
      } finally {
        for (const copy of [...copies, ...floorCopies]) discard(copy);
      }
    },
    columns: [
      ['sync cold', (s) => fmtMs(s.cold.medianMs)],
      ['sync no-op', (s) => fmtMs(s.noop.medianMs)],
      ['sync 1 change', (s) => fmtMs(s.oneChange.medianMs)],
      ['sync RSS MB', (s) => fmtMb(s.maxRssKb)],
    ],
    figures: [
      {
        label: '`sync` cold (every meta.json derived for the first time, one commit)',
        bar: '≤ 10 s',
        cell: (s) => (s.sync ? verdict(`${ms(s.sync.cold.medianMs)} (${fmtInt(s.sync.coldWritten)} files)${s.sync.cold.runs.every((r) => r.committed) ? '' : ', not committed'}`, s.sync.cold.medianMs <= 10_000) : null),
      },
      {
        label: '`sync` no-op',
        bar: '≤ 1.5× the cached check',
        cell: (s) => {
          if (!s.sync) return null;
          const cached = s['check-cached'];
          if (!cached) return verdict(ms(s.sync.noop.medianMs));
          const r = s.sync.noop.medianMs / cached.medianMs;
          return verdict(`${ms(s.sync.noop.medianMs)} = ${times(r)}`, r <= 1.5);
        },
      },
      {
        label: '`sync` one change, with commit',
        bar: '≤ 1 s',
        cell: (s) => (s.sync ? verdict(`${ms(s.sync.oneChange.medianMs)}${s.sync.oneChange.runs.every((r) => r.committed) ? '' : ', not committed'}`, s.sync.oneChange.medianMs <= 1000) : null),
      },
      {
        label: "the cold sync's meta.json files replaced atomically with plain fs calls alone (the file system's share)",
        bar: 'for comparison',
        cell: (s) => (s.sync?.writeFloor ? verdict(`${ms(s.sync.writeFloor.medianMs)} (${fmtInt(s.sync.writeFloor.files)} files; renames ${ms(s.sync.writeFloor.medianRenamesMs)}) = ${pct(s.sync.writeFloor.medianMs / s.sync.cold.medianMs)} of the cold sync`) : null),
      },
      {
        label: '`git status` in the same repository (what git takes to find what changed)',
        bar: 'for comparison',
        cell: (s) => (s.sync?.gitStatusMs ? verdict(`${ms(s.sync.gitStatusMs)}; the one-change sync is ${times(s.sync.oneChange.medianMs / s.sync.gitStatusMs)} of it`) : null),
      },
    ],
  },
  cli: {
    describe: 'the same commands as a person runs them: `threadwork check`, `threadwork sync` with nothing changed, with one deal closed-won, `threadwork deal new`, `threadwork due` and `threadwork report pipeline` — the real CLI in a fresh process, timed from spawn to exit (Node start-up and module loading included), in a git repository copy at its fixed point (THREADWORK_NO_SERVER=1: a fresh process alone); then `check`, the one-change `sync` and `deal new` again while `threadwork mcp` runs on the workspace, answered from its warm state (tasks/served.js)',
    measure: (ctx) => {
      const repo = freshRepo(ctx, `cli-${ctx.deals}`);
      const bin = join(HERE, '..', 'bin', 'threadwork.js');
      const cli = (args) => {
        const started = performance.now();
        const child = spawnSync(process.execPath, [bin, ...args, '--json'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', THREADWORK_NO_SERVER: '1' } });
        const elapsed = performance.now() - started;
        if (child.error) throw child.error;
        if (child.status !== 0) throw new Error(`threadwork ${args.join(' ')} exited ${child.status ?? child.signal}:\n${child.stderr}${child.stdout.slice(0, 2000)}`);
        const out = JSON.parse(child.stdout);
        return { ms: elapsed, maxRssKb: 0, committed: out.commit?.committed ?? false };
      };
      // One deal closed-won with a new ARR, as bench/tasks/sync.js does.
      const deal = readdirSync(join(repo, 'threads/sales')).filter((name) => name !== 'campaigns').sort()[7];
      const learning = join(repo, 'threads/sales', deal, '6-learning.md');
      const closeOneDeal = (round) => {
        const text = readFileSync(learning, 'utf8');
        writeFileSync(learning, text.replace(/^outcome: .*$/m, 'outcome: closed-won').replace(/^arr: .*$/m, `arr: ${41000 + round}`));
      };
      // A new deal in the workspace's first segment: a write that opens a thread and syncs what it moved.
      const segment = /^ {2}- id: (\S+)$/m.exec(readFileSync(join(repo, 'strategy/canvas/04-segments.md'), 'utf8'))[1];
      try {
        // Untimed: the first sync (every meta.json), then the runs that store the fixed point and the check once nothing is racy.
        cli(['sync']);
        settle(performance.now());
        cli(['sync']);
        cli(['check']);
        const check = [];
        const noop = [];
        const oneChange = [];
        const dealNew = [];
        const due = [];
        const pipeline = [];
        for (let i = 0; i < ctx.repeat; i++) {
          check.push(cli(['check']));
          // The read-only commands of a working day: every campaign's touches due, the pipeline report.
          due.push(cli(['due']));
          pipeline.push(cli(['report', 'pipeline']));
          noop.push(cli(['sync']));
          closeOneDeal(i);
          const changed = cli(['sync']);
          if (!changed.committed) ctx.log('note: the one-change CLI sync committed nothing');
          oneChange.push(changed);
          settle(performance.now());
          cli(['sync']);
          const opened = cli(['deal', 'new', `Bench Alone ${i}`, '--segment', segment]);
          if (!opened.committed) ctx.log('note: the CLI deal new committed nothing');
          dealNew.push(opened);
          // The next check and no-op find the workspace at rest again (no racy files).
          settle(performance.now());
          cli(['sync']);
          cli(['check']);
        }
        // The same commands while `threadwork mcp` runs on the workspace: answered from its warm state.
        const served = runTask('served', [repo, String(ctx.repeat), segment]);
        const pooled = (ms) => summarize(ms.map((value) => ({ ms: value, maxRssKb: 0 })));
        return {
          check: summarize(check),
          noop: summarize(noop),
          oneChange: summarize(oneChange),
          dealNew: summarize(dealNew),
          due: summarize(due),
          pipeline: summarize(pipeline),
          served: { check: pooled(served.check), oneChange: pooled(served.oneChange), dealNew: pooled(served.dealNew), committed: served.committed },
        };
      } finally {
        discard(repo);
      }
    },
    columns: [
      ['CLI check', (s) => fmtMs(s.check.medianMs)],
      ['CLI sync no-op', (s) => fmtMs(s.noop.medianMs)],
      ['CLI sync 1 change', (s) => fmtMs(s.oneChange.medianMs)],
      ['CLI served check', (s) => (s.served ? fmtMs(s.served.check.medianMs) : '—')],
      ['CLI served 1 change', (s) => (s.served ? fmtMs(s.served.oneChange.medianMs) : '—')],
      ['CLI deal new', (s) => (s.dealNew ? fmtMs(s.dealNew.medianMs) : '—')],
      ['CLI served deal new', (s) => (s.served?.dealNew ? fmtMs(s.served.dealNew.medianMs) : '—')],
      ['CLI due', (s) => (s.due ? fmtMs(s.due.medianMs) : '—')],
      ['CLI report pipeline', (s) => (s.pipeline ? fmtMs(s.pipeline.medianMs) : '—')],
    ],
    figures: [
      {
        label: 'through the CLI, spawn to exit: `check` at rest / `sync` at rest (ratio) / `sync` one change',
        bar: 'for comparison',
        cell: (s) => (s.cli ? verdict(`${ms(s.cli.check.medianMs)} / ${ms(s.cli.noop.medianMs)} (${times(s.cli.noop.medianMs / s.cli.check.medianMs)}) / ${ms(s.cli.oneChange.medianMs)}`) : null),
      },
      {
        label: 'through the CLI, spawn to exit: `due` (every campaign) / `report pipeline`',
        bar: 'for comparison',
        cell: (s) => (s.cli?.due ? verdict(`${ms(s.cli.due.medianMs)} / ${ms(s.cli.pipeline.medianMs)}`) : null),
      },
      {
        label: 'through the CLI while `threadwork mcp` runs (answered from its warm state), spawn to exit: `sync` one change, with commit',
        bar: '≤ 1 s',
        cell: (s) => (s.cli?.served ? verdict(`${ms(s.cli.served.oneChange.medianMs)}${s.cli.served.committed ? '' : ', not committed'}`, s.cli.served.oneChange.medianMs <= 1000 && s.cli.served.committed) : null),
      },
      {
        label: 'through the CLI, spawn to exit: `deal new` (a write: the thread opened, what it moved synced, one commit) alone / while `threadwork mcp` runs',
        bar: '≤ 1 s served',
        cell: (s) => (s.cli?.served?.dealNew ? verdict(`${ms(s.cli.dealNew.medianMs)} / ${ms(s.cli.served.dealNew.medianMs)}`, s.cli.served.dealNew.medianMs <= 1000 && s.cli.served.committed) : null),
      },
      {
        label: 'through the CLI while `threadwork mcp` runs: `check` after a sync',
        bar: 'for comparison',
        cell: (s) => (s.cli?.served ? verdict(ms(s.cli.served.check.medianMs)) : null),
      },
    ],
  },
  watch: {
    describe: `a real watcher (debounce ${DEBOUNCE_MS} ms), ${SAVES} saves per process: save → cycle end with and without commit, cycle cost, start-up, peak RSS`,
    measure: (ctx) => {
      const repo = freshRepo(ctx, `watch-${ctx.deals}`);
      try {
        // Untimed: the workspace at its fixed point, as a watcher normally finds it, and
        // whatever cache the engine keeps is warm.
        runTask('sync', [repo, 'cold']);
        // The committing watchers first: each leaves a clean tree for the next start-up.
        const watch = (commit) => runTask('watch', [repo, commit ? '1' : '0', String(SAVES), String(DEBOUNCE_MS)]);
        const commit = Array.from({ length: ctx.repeat }, () => watch(true));
        const noCommit = Array.from({ length: ctx.repeat }, () => watch(false));
        const pool = (runs, key) => runs.flatMap((r) => r[key]);
        const stats = (values) => (values.length ? { p50: round(quantile(values, 0.5)), p95: round(quantile(values, 0.95)), max: round(Math.max(...values)) } : undefined);
        const all = [...commit, ...noCommit];
        return {
          saves: SAVES,
          debounceMs: DEBOUNCE_MS,
          startupMs: round(median(all.map((r) => r.startupMs))),
          noCommit: { latency: stats(pool(noCommit, 'latencies')), cycle: stats(pool(noCommit, 'cycles')), event: stats(pool(noCommit, 'events')) },
          commit: { latency: stats(pool(commit, 'latencies')), cycle: stats(pool(commit, 'cycles')), event: stats(pool(commit, 'events')) },
          cycleSource: noCommit[0].cycleSource,
          maxRssKb: Math.max(...all.map((r) => r.maxRssKb)),
          runs: all.map(({ latencies, cycles, events, ...rest }) => ({ ...rest, latencies: latencies.map((x) => round(x)), cycles: cycles.map((x) => round(x)), events: events.map((x) => round(x)) })),
        };
      } finally {
        discard(repo);
      }
    },
    columns: [
      ['watch start', (s) => fmtMs(s.startupMs)],
      ['watch p50/p95', (s) => `${fmtMs(s.noCommit.latency.p50)}/${fmtMs(s.noCommit.latency.p95)}`],
      ['cycle p50/p95', (s) => `${fmtMs(s.noCommit.cycle.p50)}/${fmtMs(s.noCommit.cycle.p95)}`],
      ['+commit p50', (s) => fmtMs(s.commit.latency.p50)],
      ['watch RSS MB', (s) => fmtMb(s.maxRssKb)],
    ],
    figures: [
      {
        label: `watch: save → derived files on disk, p50 / p95 (${DEBOUNCE_MS} ms debounce included)`,
        bar: 'p95 ≤ 250 ms',
        cell: (s) => (s.watch ? verdict(`${Math.round(s.watch.noCommit.latency.p50)} / ${ms(s.watch.noCommit.latency.p95)}`, s.watch.noCommit.latency.p95 <= 250) : null),
      },
      {
        label: 'watch: save → committed, p50',
        bar: '≤ 500 ms',
        cell: (s) => (s.watch ? verdict(ms(s.watch.commit.latency.p50), s.watch.commit.latency.p50 <= 500) : null),
      },
      {
        label: 'watch start-up (warm cache)',
        bar: '≤ 3 s',
        cell: (s) => (s.watch ? verdict(ms(s.watch.startupMs), s.watch.startupMs <= 3000) : null),
      },
      {
        label: 'peak RSS while watching',
        bar: '≤ 300 MB',
        cell: (s) => (s.watch ? verdict(`${fmtMb(s.watch.maxRssKb)} MB`, s.watch.maxRssKb <= 300 * 1024) : null),
      },
      {
        label: 'watch cycle cost, p50 (cycle start → end, no debounce, no commit)',
        bar: 'see the ratio',
        cell: (s) => (s.watch ? verdict(ms(s.watch.noCommit.cycle.p50)) : null),
      },
      {
        label: 'watch cycle cost, ratio to the smaller size',
        bar: '≈ 1 (≤ 1.5×)',
        cell: (s, ref) => ratioCell((e) => e.watch?.noCommit?.cycle?.p50, s, ref, 1.5),
      },
    ],
  },
  warm: {
    describe: `the warm workspace a long-lived process keeps (the MCP server and the watcher: engine/session.ts), ${WARM_ROUNDS} rounds in one process: one deal closed-won then \`sync\` with its commit, then the thread list and a \`check\` after another such edit, then \`sync\` after another process committed a third (\`git commit\`)`,
    measure: (ctx) => {
      const repo = freshRepo(ctx, `warm-${ctx.deals}`);
      try {
        // Untimed: the workspace at its fixed point, and whatever cache the engine keeps is warm.
        runTask('sync', [repo, 'cold']);
        const runs = Array.from({ length: ctx.repeat }, () => runTask('warm', [repo, String(WARM_ROUNDS)]));
        const pool = (key) => runs.flatMap((r) => r[key]);
        return {
          rounds: WARM_ROUNDS,
          firstMs: round(median(runs.map((r) => r.firstMs))),
          oneChangeMs: round(median(pool('oneChange'))),
          listMs: round(median(pool('list'))),
          checkMs: round(median(pool('check'))),
          afterCommitMs: round(median(pool('afterCommit'))),
          committed: runs.every((r) => r.committed),
          full: runs.reduce((n, r) => n + r.full, 0),
          fromEvents: runs.reduce((n, r) => n + r.fromEvents, 0),
          maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)),
        };
      } finally {
        discard(repo);
      }
    },
    columns: [
      ['warm first', (s) => fmtMs(s.firstMs)],
      ['warm sync 1 change', (s) => fmtMs(s.oneChangeMs)],
      ['warm list', (s) => fmtMs(s.listMs)],
      ['warm RSS MB', (s) => fmtMb(s.maxRssKb)],
    ],
    figures: [
      {
        label: 'warm workspace (MCP server): `sync` one change, with commit (median of every round)',
        bar: '≤ 1 s',
        cell: (s) => (s.warm ? verdict(`${ms(s.warm.oneChangeMs)}${s.warm.committed ? '' : ', not committed'}; ${s.warm.fromEvents} calls from events, ${s.warm.full} read everything`, s.warm.oneChangeMs <= 1000 && s.warm.committed) : null),
      },
      {
        label: 'warm workspace: first call (load), thread list after an edit, `check` after an edit',
        bar: 'compare',
        cell: (s) => (s.warm ? verdict(`${ms(s.warm.firstMs)} / ${ms(s.warm.listMs)} / ${ms(s.warm.checkMs)}`) : null),
      },
      {
        label: 'warm workspace: `sync` after another process committed an edit (as `deal advance` beside the server)',
        bar: '≤ 1 s',
        cell: (s) => (s.warm?.afterCommitMs !== undefined ? verdict(ms(s.warm.afterCommitMs), s.warm.afterCommitMs <= 1000) : null),
      },
      {
        label: 'peak RSS of the warm workspace',
        bar: '≤ 300 MB (as watching)',
        cell: (s) => (s.warm ? verdict(`${fmtMb(s.warm.maxRssKb)} MB`, s.warm.maxRssKb <= 300 * 1024) : null),
      },
    ],
  },
  commit: {
    describe: `commitPaths (dist/git/commit.js) of 3 changed files in a git repository copy, each run in a fresh process (median of ${COMMIT_RUNS} at least)`,
    measure: (ctx) => {
      const repo = freshRepo(ctx, `commit-${ctx.deals}`);
      try {
        // Nine runs at least: a ratio of two ~100 ms figures, each measured minutes apart on a
        // shared machine (one fresh process spread 54–97 ms at 1,000 deals within a minute here),
        // moved by ±0.2 between runs of the bench with three.
        return summarize(Array.from({ length: Math.max(ctx.repeat, COMMIT_RUNS) }, (_, i) => runTask('commit', [repo, String(i)])));
      } finally {
        discard(repo);
      }
    },
    columns: [
      ['commit ms (min)', (s) => `${fmtMs(s.medianMs)} (${fmtMs(s.minMs)})`],
      ["git's add + commit ms", (s) => fmtMs(s.medianGitMs)],
    ],
    figures: [
      {
        label: 'commit cost (building the commit of 3 changed files)',
        bar: 'see the ratio',
        cell: (s) => (s.commit ? verdict(ms(s.commit.medianMs)) : null),
      },
      {
        label: 'commit cost, ratio to the smaller size',
        bar: 'must not scale (≤ 1.5×)',
        cell: (s, ref) => ratioCell((e) => e.commit?.medianMs, s, ref, 1.5),
      },
      {
        label: "git's own `git add` + `git commit` of 3 files (the floor), ratio to the smaller size",
        bar: 'for comparison',
        cell: (s, ref) => {
          const here = s.commit?.medianGitMs;
          const there = ref?.entry.commit?.medianGitMs;
          if (here === undefined) return null;
          return verdict(`${ms(here)}${there ? `, ${times(here / there)}` : ''}; ours ${times(s.commit.medianMs / here)} of it`);
        },
      },
    ],
  },
  replies: {
    describe: 'the reply classifier on the labelled corpus of test/fixtures/replies/ (bench/reply-confusion.js): confusion matrix, accuracy, recall and precision',
    once: true,
    measure: () => {
      const child = spawnSync(process.execPath, [join(HERE, 'reply-confusion.js')], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`bench: reply-confusion.js failed\n${child.stderr}`);
      return { text: child.stdout.trim() };
    },
    markdown: (summary) => summary?.text,
  },
  forecast: {
    describe: 'the Monte Carlo goal forecast (bench/forecast.js): 10,000 open deals × 10,000 draws, each run in a fresh process',
    once: true,
    measure: (ctx) => {
      const runs = Array.from({ length: ctx.repeat }, () => {
        const child = spawnSync(process.execPath, [join(HERE, 'forecast.js')], { encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`bench: forecast.js failed\n${child.stderr}`);
        return JSON.parse(child.stdout.trim().split('\n').at(-1));
      });
      return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), oneDealMs: median(runs.map((r) => r.oneDealMs)), runs };
    },
    markdown: (summary) =>
      summary &&
      `## Goal forecast: 10,000 open deals × 10,000 draws\n\n${markdown(
        ['figure', 'bar', 'measured'],
        [
          ['one goal forecast, wall (CPU)', '< 1 s', `${ms(summary.ms)} (${ms(summary.cpuMs)} CPU)${summary.ms < 1000 ? ' ✓' : ' ✗'}`],
          ['one deal moved: redraw (a watch cycle)', '', ms(summary.oneDealMs)],
        ],
        ['l', 'l', 'r'],
      )}`,
  },
};

const TASK_NAMES = option('tasks', 'BENCH_TASKS', Object.keys(TASKS).join(',')).split(',').filter(Boolean);
for (const name of TASK_NAMES) if (!TASKS[name]) throw new Error(`bench: unknown task "${name}": expected one of ${Object.keys(TASKS).join(', ')}`);
const INTERLEAVED = TASK_NAMES.filter((n) => TASKS[n].repeated);
const ONCE = TASK_NAMES.filter((n) => TASKS[n].once);
const MEASURED = TASK_NAMES.filter((n) => !TASKS[n].repeated && !TASKS[n].once);

// ---------------------------------------------------------------------------------------
// Generated workspaces, cached by generator version + source hash + size + seed

const cacheKey = (deals) => `g${GENERATOR_VERSION}-${GENERATOR_HASH}-d${deals}-s${SEED}`;

/** Removes cached workspaces (and their repositories) from older generators, and leftovers of interrupted runs. */
function pruneCache() {
  if (!existsSync(CACHE)) return;
  const current = `g${GENERATOR_VERSION}-${GENERATOR_HASH}-`;
  for (const name of readdirSync(CACHE)) {
    const ours = /^(?:g\d+-[0-9a-f]{8}-d\d+-s\d+(?:-repo(?:\.complete)?)?|v\d+-\d+|work-.+|trash-\d+)$/.test(name);
    if (ours && !name.startsWith(current)) rmSync(join(CACHE, name), { recursive: true, force: true });
  }
}

function workspaceFor(deals) {
  const dir = join(CACHE, cacheKey(deals));
  const marker = join(dir, '.complete');
  // A persistent cache an engine left in the workspace (no git repository: `.threadwork/`) must never serve a cold check.
  rmSync(join(dir, '.threadwork'), { recursive: true, force: true });
  if (!NO_CACHE && existsSync(marker)) return { dir, ...JSON.parse(readFileSync(marker, 'utf8')), cached: true };
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-repo`, { recursive: true, force: true });
  rmSync(`${dir}-repo.complete`, { force: true });
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

/** The previous latest.json, if it measured the same generated workspaces: its other sizes serve as references for ratios. */
function previousResults() {
  try {
    const previous = JSON.parse(readFileSync(LATEST, 'utf8'));
    const same = previous.generator?.version === GENERATOR_VERSION && previous.generator?.hash === GENERATOR_HASH && previous.generator?.seed === SEED;
    return same && Array.isArray(previous.sizes) ? previous.sizes : [];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------

mkdirSync(CACHE, { recursive: true });
pruneCache();
// Also when a task throws or the run is interrupted by an exception: copies never outlive the run.
process.on('exit', emptyTrash);
const earlierSizes = previousResults().filter((entry) => !SIZES.includes(entry.deals));
console.log(`threadwork bench — node ${process.version}, ${cpus().length} cores; tasks: ${TASK_NAMES.join(', ')}; ${REPEAT} fresh-process run${REPEAT === 1 ? '' : 's'} each (median)`);

const output = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  generator: { version: GENERATOR_VERSION, hash: GENERATOR_HASH, seed: SEED },
  repeat: REPEAT,
  tasks: Object.fromEntries(TASK_NAMES.map((n) => [n, TASKS[n].describe])),
  /** @type {Record<string, any>[]} */
  sizes: [],
  /** @type {Record<string, any>} */
  once: {},
};

/** Tasks that threw, reported under the table. */
const failures = [];
for (const deals of SIZES) {
  const ws = workspaceFor(deals);
  const mb = ws.bytes / 1048576;
  console.log(`\n${fmtInt(deals)} deals + ${ws.campaigns} campaigns: ${fmtInt(ws.files)} files, ${mb.toFixed(1)} MB ${ws.cached ? '(cached)' : `(generated in ${(ws.generatedMs / 1000).toFixed(1)} s)`} — ${ws.dir}`);
  /** @type {SizeContext} */
  const ctx = { deals, dir: ws.dir, files: ws.files, bytes: ws.bytes, repeat: REPEAT, log: (line) => console.log(`    ${line}`) };
  /** @type {Record<string, any>} */
  const results = {};

  if (INTERLEAVED.length) {
    // One untimed floor first, so every timed run finds the files in the page cache.
    runTask('floor', [ws.dir]);
    const runs = Object.fromEntries(INTERLEAVED.map((n) => [n, []]));
    for (let i = 0; i < REPEAT; i++) {
      for (const name of INTERLEAVED) {
        const run = runTask(name, name === 'check' ? [ws.dir, '--no-cache'] : [ws.dir]);
        TASKS[name].verify?.(run, ctx);
        runs[name].push(run);
        const extra = typeof run.gcMs === 'number' ? ` (gc ${ms(run.gcMs)})` : '';
        console.log(`  ${name} ${i + 1}/${REPEAT}: ${ms(run.ms)}${extra}, peak RSS ${fmtMb(run.maxRssKb)} MB`);
      }
    }
    for (const name of INTERLEAVED) results[name] = summarize(runs[name]);
  }
  for (const name of MEASURED) {
    console.log(`  ${name}…`);
    const started = performance.now();
    try {
      results[name] = TASKS[name].measure?.(ctx);
      console.log(`  ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      // One failing task must not cost the figures of the others: it shows as — and a note.
      failures.push(`${kDeals(deals)} ${name}: ${String(error instanceof Error ? error.message : error).trim()}`);
      console.error(`  ${name} FAILED: ${String(error instanceof Error ? error.message : error).trim()}`);
    }
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
    date: output.date,
    repeat: REPEAT,
    ...(check && floor ? { ratio: { medianCheckToFloor: round(check.medianMs / floor.medianMs, 2), minCheckToFloor: round(check.minMs / floor.minMs, 2) } } : {}),
    ...results,
  });
}

for (const name of ONCE) {
  console.log(`\n${name}…`);
  output.once[name] = TASKS[name].measure?.({ repeat: REPEAT, log: (line) => console.log(`    ${line}`) });
}

// ---------------------------------------------------------------------------------------
// The details table (every task's columns), then the figures table with the bars

const columns = TASK_NAMES.flatMap((name) => (TASKS[name].columns ?? []).map(([header, cell]) => ({ name, header, cell })));
const isRss = (c) => c.header.includes('RSS');
const rssOrder = (c) => (c.name === 'check' ? 0 : c.name === 'floor' ? 1 : 2);
columns.sort((a, b) => Number(isRss(a)) - Number(isRss(b)) || (isRss(a) ? rssOrder(a) - rssOrder(b) : 0));
console.log(`\n### Details: median (min) of ${REPEAT} runs, each in a fresh process, in ms; RSS is the peak over the runs\n`);
console.log(
  markdown(
    ['deals', 'files', 'MB', ...columns.map((c) => c.header)],
    output.sizes.map((size) => [fmtInt(size.deals), fmtInt(size.files), size.megabytes.toFixed(1), ...columns.map(({ name, cell }) => (size[name] ? cell(size[name], size) : '—'))]),
  ),
);

/** The next smaller size, from this run if it has one, else from the previous latest.json. */
function referenceFor(deals) {
  const smaller = (entries) => entries.filter((e) => e.deals < deals).sort((a, b) => b.deals - a.deals)[0];
  const here = smaller(output.sizes);
  if (here) return { entry: here, earlier: false };
  const there = smaller(earlierSizes);
  return there ? { entry: there, earlier: true } : undefined;
}

const figures = TASK_NAMES.flatMap((name) => TASKS[name].figures ?? []);
const mark = (holds) => (holds === true ? ' ✓' : holds === false ? ' ✗' : '');
for (const size of output.sizes) {
  const ref = referenceFor(size.deals);
  size.figures = figures.map((figure) => ({ figure: figure.label, bar: figure.bar, ...(figure.cell(size, ref) ?? { text: null }) }));
}
const firstRef = output.sizes[0] && referenceFor(output.sizes[0].deals);
console.log(
  `\n### Figures: ${output.date.slice(0, 10)}, node ${process.version}, ${cpus().length} cores, ${REPEAT === 1 ? 'one run' : `median of ${REPEAT} fresh processes`}; ✓ holds, ✗ does not\n`,
);
console.log(
  markdown(
    ['figure', 'bar', ...output.sizes.map((s) => `${fmtInt(s.deals)} deals`)],
    [
      ['workspace (deals/100 campaigns)', '', ...output.sizes.map((s) => `${fmtInt(s.files)} files, ${s.megabytes.toFixed(0)} MB`)],
      ...figures.map((figure, i) => [figure.label, figure.bar, ...output.sizes.map((s) => (s.figures[i].text === null ? '—' : `${s.figures[i].text}${mark(s.figures[i].holds)}`))]),
    ],
    ['l', 'l', ...output.sizes.map(() => 'r')],
  ),
);

// What a reader needs to read the table right.
const notes = [];
if (TASK_NAMES.includes('watch') && output.sizes[0]?.watch) {
  const w = output.sizes[0].watch;
  notes.push(`watch: ${w.saves} saves per process, p50/p95 over all ${w.saves * REPEAT} of them; cycle cost measured as ${w.cycleSource}; start-up is a watcher's first full sync after a sync brought the workspace to its fixed point.`);
  const event = w.noCommit.event;
  if (event) notes.push(`watch: the file-system event arrives ${Math.round(event.p50)} ms (p50) after the save at ${fmtInt(output.sizes[0].deals)} deals; latency = event + ${w.debounceMs} ms debounce + cycle.`);
}
for (const size of output.sizes) {
  if (size['check-cached'] && size.check && size['check-cached'].medianMs > 0.8 * size.check.medianMs) {
    notes.push(`${kDeals(size.deals)}: the second check is no faster than a cold one (${ms(size['check-cached'].medianMs)} vs ${ms(size.check.medianMs)}): the engine keeps no persistent cache, or did not use it.`);
  }
}
if (output.sizes.length === 1 && !firstRef && figures.some((f) => f.label.includes('ratio'))) {
  notes.push('ratios need a smaller size as well: pass two sizes (--sizes 1000,10000), or run one after a run of a smaller size, whose figures latest.json keeps.');
}
if (firstRef?.earlier) notes.push(`the ratios of ${kDeals(output.sizes[0].deals)} compare with ${kDeals(firstRef.entry.deals)} from the run of ${firstRef.entry.date} (bench/results/latest.json).`);
for (const failure of failures) notes.push(`FAILED ${failure.split('\n').slice(0, 3).join(' ')}`);
if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);

for (const name of ONCE) {
  const text = TASKS[name].markdown?.(output.once[name]);
  if (text) console.log(`\n${text}`);
}

// latest.json: this run's sizes, plus the sizes of the previous run that this one did not redo.
const kept = { ...output, failures, sizes: [...output.sizes, ...earlierSizes].sort((a, b) => a.deals - b.deals) };
mkdirSync(join(HERE, 'results'), { recursive: true });
writeFileSync(join(HERE, 'results', '.gitignore'), '*\n!.gitignore\n');
writeFileSync(LATEST, `${JSON.stringify(kept, null, 2)}\n`);
console.log(`\nfull results: bench/results/latest.json${earlierSizes.length ? ` (with ${earlierSizes.map((e) => kDeals(e.deals)).join(', ')} from earlier runs)` : ''}`);
