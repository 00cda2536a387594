// `npm run bench`: generated workspaces of 1,000 and 10,000 deal threads (all six stage
// files each). Every measurement runs in a fresh child process, so timings are cold and
// peak memory (maxRSS) is per task. Figures vary on shared machines; the ratios matter.
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, generateWorkspace } from './generate.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : process.env.BENCH_SIZES;
const SIZES = (sizesArg ?? '1000,10000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const SAVES = Number(process.env.BENCH_SAVES ?? 20);
const CACHE = join(tmpdir(), 'threadwork-bench');

function task(name, ...taskArgs) {
  const child = spawnSync(process.execPath, [join(HERE, 'tasks', `${name}.js`), ...taskArgs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  if (child.status !== 0) throw new Error(`bench task ${name} failed (${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

function repeated(times, run) {
  const results = Array.from({ length: times }, run);
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], maxRssKb: Math.max(...results.map((r) => r.maxRssKb)), last: results.at(-1) };
}

function git(dir, ...gitArgs) {
  execFileSync('git', gitArgs, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@localhost' } });
}

/** A git repository holding a copy of the generated workspace, committed as a person would have it. */
function repoCopy(source, name) {
  const dir = join(CACHE, `work-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
  git(dir, 'init', '-q', '--initial-branch=main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'generated workspace');
  return dir;
}

const mb = (kb) => (kb / 1024).toFixed(0);
const ms = (n) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
const rows = [];
const results = { date: new Date().toISOString(), node: process.version, sizes: [] };

for (const deals of SIZES) {
  const source = join(CACHE, `v${GENERATOR_VERSION}-${deals}`);
  if (!existsSync(join(source, '.complete'))) {
    rmSync(source, { recursive: true, force: true });
    process.stdout.write(`generating ${deals} deals… `);
    const { files } = generateWorkspace(source, { deals });
    writeFileSync(join(source, '.complete'), String(files));
    console.log(`${files} files`);
  }
  const floor = repeated(REPEAT, () => task('floor', source));
  const check = repeated(REPEAT, () => task('check', source));
  if (check.last.errors !== 0) throw new Error(`the generated workspace has ${check.last.errors} errors`);

  const repo = repoCopy(source, `${deals}`);
  const cold = task('sync', repo, 'cold');
  const noop = repeated(Math.min(REPEAT, 3), () => task('sync', repo, 'noop'));
  const change = Array.from({ length: 3 }, () => task('sync', repo, 'one-change'));
  const changeMs = change.map((c) => c.ms).sort((a, b) => a - b)[1];
  const commitMs = change.map((c) => c.commitMs).sort((a, b) => a - b)[1];
  const watchNoCommit = task('watch', repo, '0', String(SAVES));
  const watchCommit = task('watch', repo, '1', String(SAVES));

  const size = {
    deals,
    files: floor.last.files,
    megabytes: +(floor.last.bytes / 1048576).toFixed(1),
    floor: { medianMs: floor.median, minMs: floor.min, maxRssMb: +mb(floor.maxRssKb) },
    check: { medianMs: check.median, minMs: check.min, maxRssMb: +mb(check.maxRssKb), ratioToFloor: +(check.median / floor.median).toFixed(2) },
    sync: { coldMs: cold.ms, coldWritten: cold.written, noopMedianMs: noop.median, oneChangeMs: changeMs, commitMs, maxRssMb: +mb(Math.max(cold.maxRssKb, noop.maxRssKb)) },
    watch: { startupMs: watchCommit.startupMs, noCommit: { p50: watchNoCommit.p50, p95: watchNoCommit.p95 }, commit: { p50: watchCommit.p50, p95: watchCommit.p95 }, saves: SAVES, maxRssMb: +mb(Math.max(watchCommit.maxRssKb, watchNoCommit.maxRssKb)) },
  };
  results.sizes.push(size);
  rows.push(size);
  rmSync(repo, { recursive: true, force: true });
}

console.log('\ncheck (cold, fresh process; median of %d)', REPEAT);
console.table(rows.map((r) => ({ deals: r.deals, files: r.files, MB: r.megabytes, floor: ms(r.floor.medianMs), check: ms(r.check.medianMs), 'check/floor': `${r.check.ratioToFloor}×`, 'check RSS MB': r.check.maxRssMb, 'floor RSS MB': r.floor.maxRssMb })));
console.log('sync (a git repository)');
console.table(rows.map((r) => ({ deals: r.deals, 'cold (writes all)': ms(r.sync.coldMs), written: r.sync.coldWritten, 'no-op': ms(r.sync.noopMedianMs), 'one change': ms(r.sync.oneChangeMs), 'its commit': ms(r.sync.commitMs), 'RSS MB': r.sync.maxRssMb })));
console.log('watch: save → derived files written (and committed), %d saves', SAVES);
console.table(rows.map((r) => ({ deals: r.deals, startup: ms(r.watch.startupMs), 'p50 no commit': ms(r.watch.noCommit.p50), 'p95 no commit': ms(r.watch.noCommit.p95), 'p50 commit': ms(r.watch.commit.p50), 'p95 commit': ms(r.watch.commit.p95), 'peak RSS MB': r.watch.maxRssMb })));
if (rows.length > 1) {
  const [a, b] = [rows[0], rows.at(-1)];
  console.log(`scaling ${a.deals} → ${b.deals} deals: check ${(b.check.medianMs / a.check.medianMs).toFixed(1)}×, no-op sync ${(b.sync.noopMedianMs / a.sync.noopMedianMs).toFixed(1)}×, watch p50 ${(b.watch.noCommit.p50 / a.watch.noCommit.p50).toFixed(1)}×`);
}
mkdirSync(join(HERE, 'results'), { recursive: true });
writeFileSync(join(HERE, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('full results: bench/results/latest.json');
