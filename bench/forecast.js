// `node bench/forecast.js [--deals 10000] [--draws 10000]`: times the Monte Carlo goal
// forecast (src/forecast/) on one goal with 10,000 open deals and 10,000 draws — the bar
// of issue #14 is under a second — and prints one JSON line:
//   {deals, draws, ms, cpuMs, quantilesMs, oneDealMs, oneDealCpuMs, pTarget, p50}
// `ms` (wall) and `cpuMs` (this process's CPU time: on a shared machine the wall time also
// counts waiting for a core) cover the calibration, the per-deal odds (calibrated stage
// probability × P(close by the deadline | age)), the draws and the five metrics' P(target)
// and quantiles; `quantilesMs` is the last part alone; `oneDealMs` redraws one deal whose
// odds moved (a watcher's cycle: it still scans every deal's odds). The targets sit near
// the medians, so the chances are in doubt. The deals come from the bench generator's PRNG: stages,
// ages and values vary, the same every run.
// Needs `npm run build` first (it imports dist/).
import { performance } from 'node:perf_hooks';
import { mulberry32 } from './generate.js';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const DEALS = arg('deals', 10_000);
const DRAWS = arg('draws', 10_000);

const { calibrate, distribution, FORECAST_METRICS, runGoalForecast, tallyClosedDeals } = await import('../dist/forecast/index.js');
const { configSchema } = await import('../dist/schema/config.js');

const config = configSchema.parse({ forecast: { draws: DRAWS } });
const random = mulberry32(14);
const stages = ['lead', 'qualified', 'discovery', 'proposal', 'negotiation'];
const day = (n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const fact = (i, status, extra) => ({
  path: `threads/sales/deal-${String(i).padStart(5, '0')}`,
  meta: { type: 'sales-deal', goal_id: 'g-bench', created: day(Math.floor(random() * 300)) },
  status,
  pipelineStage: status === 'open' ? stages[Math.floor(random() * stages.length)] : status,
  reachedStage: stages[Math.floor(random() * stages.length)],
  arrPotential: 10_000 + Math.floor(random() * 90_000),
  cycleDays: null,
  ...extra,
});
const open = Array.from({ length: DEALS }, (_, i) => fact(i, 'open', {}));
const closed = Array.from({ length: 500 }, (_, i) => fact(DEALS + i, random() < 0.3 ? 'closed-won' : 'closed-lost', { cycleDays: 20 + Math.floor(random() * 160) }));
const goal = {
  id: 'g-bench',
  deadline: '2026-12-31',
  metrics: FORECAST_METRICS.map((name) => ({ name, target: { won_count: 3200, won_arr: 176_000_000, mrr: 14_650_000, avg_deal_size: 55_000, win_rate: 0.47 }[name] })),
};

let cpu = process.cpuUsage();
let started = performance.now();
const calibration = calibrate(config.pipeline.stages, tallyClosedDeals(closed), config.forecast);
const run = runGoalForecast(goal, { won: 150, wonArr: 7_500_000, lost: 350, wonWithoutArr: 0 }, open, calibration, '2026-11-01', config.forecast);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
// The quantiles alone, again, to split the time.
started = performance.now();
for (const m of goal.metrics) distribution(m.name, m.target, run.base, run.draws.outcomes);
const quantilesMs = performance.now() - started;
// One deal's odds moved (a watcher's cycle after a save): only that deal is redrawn.
const moved = run.odds.map((o, i) => (i === 0 ? { ...o, pWon: o.pWon / 2 } : o));
started = performance.now();
cpu = process.cpuUsage();
run.draws.update(moved);
const oneDealMs = performance.now() - started;
const oneDealCpu = process.cpuUsage(cpu);

console.log(
  JSON.stringify({
    deals: DEALS,
    draws: DRAWS,
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    quantilesMs: Math.round(quantilesMs),
    oneDealMs: Math.round(oneDealMs * 10) / 10,
    oneDealCpuMs: Math.round((oneDealCpu.user + oneDealCpu.system) / 100) / 10,
    pTarget: Object.fromEntries(run.forecast.metrics.map((m) => [m.name, m.pTarget])),
    p50: Object.fromEntries(run.forecast.metrics.map((m) => [m.name, m.p50])),
  }),
);
