// Profiles one cold `check` (bench/tasks/check.js under `node --cpu-prof`) and prints where
// the time went: the functions with the most self time, and self time per module/package.
//
//   node bench/profile.js [deals=10000] [--top 25] [--cached | --floor | --sync cold|one-change --repo <git copy>]
//
// `--sync` profiles `ws.sync()` (bench/tasks/sync.js) in a git copy of the workspace that
// you prepare (as bench/run.js does: copy `<cache>-repo`, `git update-index --refresh`).
//
// Uses the cached generated workspace of that size (generating it if needed). The
// .cpuprofile is kept in bench/results/profiles/ — open it in Chrome DevTools
// (Performance → Load profile) or https://www.speedscope.app for the flame chart.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_HASH, GENERATOR_VERSION, generateWorkspace } from './generate.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
// The generated workspaces' dates run to the end of 2026 (bench/generate.js: LAST_DAY), and
// a thread may not record as done a day still to come (date-in-future): every task runs as
// of that day, whatever the machine's date, so the figures do not change with the calendar.
process.env.THREADWORK_TODAY ??= '2026-12-31';
const REPO = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
// The size is the bare number that is not an option's value (`--top 40` names no size).
const VALUED = new Set(['--top', '--sync', '--repo']);
const deals = Number(args.find((a, i) => /^\d+$/.test(a) && !VALUED.has(args[i - 1] ?? '')) ?? 10000);
const top = Number(args[args.indexOf('--top') + 1]) || 25;
const syncMode = args.includes('--sync') ? args[args.indexOf('--sync') + 1] : undefined;
const task = syncMode ? 'sync' : args.includes('--floor') ? 'floor' : 'check';
const repo = args.includes('--repo') ? args[args.indexOf('--repo') + 1] : undefined;
if (syncMode && !repo) throw new Error('--sync needs --repo <a git copy of the generated workspace>');

// Same cache layout as run.js (seed 1).
const dir = join(tmpdir(), 'threadwork-bench', `g${GENERATOR_VERSION}-${GENERATOR_HASH}-d${deals}-s1`);
if (!existsSync(join(dir, '.complete'))) {
  rmSync(dir, { recursive: true, force: true });
  const { files, bytes, campaigns } = generateWorkspace(dir, { deals });
  writeFileSync(join(dir, '.complete'), JSON.stringify({ files, bytes, campaigns }));
}

const out = join(HERE, 'results', 'profiles');
mkdirSync(out, { recursive: true });
const name = `${task}${syncMode ? `-${syncMode}` : ''}-${deals}-${Date.now()}.cpuprofile`;
// The check is the cold one run.js times (`--no-cache`), all of it on the main thread so that
// this one profile sees every file parsed (`--cached`: the check served from the cache).
const cached = args.includes('--cached');
const taskArgs = syncMode ? [repo, syncMode] : task === 'check' && !cached ? [dir, '--no-cache'] : [dir];
const env = task === 'check' && !cached ? { ...process.env, THREADWORK_PARSE_WORKERS: '0' } : process.env;
const child = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', out, '--cpu-prof-name', name, join(HERE, 'tasks', `${task}.js`), ...taskArgs], { encoding: 'utf8', env });
if (child.status !== 0) throw new Error(child.stderr);
const result = JSON.parse(child.stdout.trim().split('\n').at(-1));
console.log(`${task} of ${deals} deals: ${Math.round(result.ms)} ms (under the profiler, which adds overhead), peak RSS ${Math.round(result.maxRssKb / 1024)} MB`);

/** @type {{nodes: Array<{id: number, callFrame: {functionName: string, url: string, lineNumber: number}}>, samples: number[], timeDeltas: number[]}} */
const profile = JSON.parse(readFileSync(join(out, name), 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url) => {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  if (path.startsWith('node:')) return 'node:*';
  return relative(REPO, path);
};
const functions = new Map();
const modules = new Map();
for (const [id, ms] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const module = where(url);
  const key = `${functionName || '(anonymous)'}  ${module}${url ? `:${lineNumber + 1}` : ''}`;
  functions.set(key, (functions.get(key) ?? 0) + ms);
  const group = module.startsWith('dist/') ? module : module.replace(/\/.*$/, '');
  modules.set(group, (modules.get(group) ?? 0) + ms);
}
const show = (title, map, n) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
};
show(`self time by function (top ${top})`, functions, top);
show('self time by module / package', modules, 20);
console.log(`\nprofile: ${relative(REPO, join(out, name))} (${readdirSync(out).length} in that folder)`);
