import { defineConfig } from 'vitest/config';

/**
 * `npm run stress`: the reliability suites at full size (test/reliability/, issue 11
 * item 8) — 10,000 fuzz mutations in two shards, 50 kills of sync and 10 of watch
 * cycles on a 200-deal workspace, 20 s of concurrent writers. Sizes can be changed with
 * THREADWORK_FUZZ_CASES, THREADWORK_SYNC_KILLS, THREADWORK_WATCH_KILLS,
 * THREADWORK_KILL_DEALS, THREADWORK_CONCURRENCY_SECONDS; THREADWORK_SEED replays a run.
 * bench/stress-table.js prints the figures the suites recorded.
 */
export default defineConfig({
  test: {
    include: ['test/stress/**/*.stress.ts', 'test/reliability/kill.test.ts', 'test/reliability/concurrency.test.ts'],
    env: { THREADWORK_STRESS: '1' },
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
  },
});
