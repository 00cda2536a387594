import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

/* A won ARR with cents (`arr: 42000.5`, or `€42.000,50`) showed `78,000.5` beside an average deal size rounded to `39,000`. */
describe('money in the derived blocks', () => {
  it('is shown in whole units, in 13-metrics.md and the goals, as the average deal size is', async () => {
    const dir = exampleWorkspaceCopy();
    const learning = join(dir, 'threads/sales/northwind-payments/6-learning.md');
    writeFileSync(learning, readFileSync(learning, 'utf8').replace(/^arr: 42000$/m, 'arr: 42000.5'));
    const synced = await runJson(['sync', '--dir', dir], { env: gitEnv() });
    expect(synced.code, synced.stdout).toBe(0);
    const metrics = readFileSync(join(dir, 'strategy/canvas/13-metrics.md'), 'utf8');
    expect(metrics).toMatch(/\| won ARR +\| +78,001 /);
    expect(metrics).not.toContain('78,000.5');
    const goal = readFileSync(join(dir, 'goals/g-arr-500k-2026.md'), 'utf8');
    expect(goal).toMatch(/\| won_arr +\| +42,001 /);
    expect(goal).not.toContain('42,000.5');

    // The pipeline report's won ARR is the metrics', on the terminal and in its JSON.
    const report = await runCli(['report', 'pipeline', '--dir', dir], { env: gitEnv() });
    expect(report.stdout).toMatch(/won 2 \(78,001 ARR/);
    const json = await runJson<{ closed: { wonArr: number } }>(['report', 'pipeline', '--dir', dir], { env: gitEnv() });
    expect(json.json.closed.wonArr).toBe(78001);
  });
});
