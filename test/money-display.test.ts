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

    // The pipeline report's won ARR is the metrics' on the terminal; its JSON keeps it exact.
    const report = await runCli(['report', 'pipeline', '--dir', dir], { env: gitEnv() });
    expect(report.stdout).toMatch(/won 2 \(78,001 ARR/);
    const json = await runJson<{ closed: { wonArr: number } }>(['report', 'pipeline', '--dir', dir], { env: gitEnv() });
    expect(json.json.closed.wonArr).toBe(78000.5);
  });
});

/* `report pipeline --json` rounded every amount to whole units, where the README says the JSON keeps the exact value and only the text rounds. */
describe('money in report pipeline', () => {
  it('is exact in --json, cents kept, and in whole units in the text and Markdown', async () => {
    const dir = exampleWorkspaceCopy();
    const implication = join(dir, 'threads/sales/meridian-pay/3-implication.md');
    writeFileSync(implication, readFileSync(implication, 'utf8').replace(/^arr_potential: 42000$/m, 'arr_potential: 42000.4'));
    const learning = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    writeFileSync(learning, readFileSync(learning, 'utf8').replace(/^arr: 36000$/m, 'arr: 36000.25'));

    type Pipeline = { stages: { stage: string; value: number; weighted: number }[]; closed: { wonArr: number }; totals: { value: number; weighted: number } };
    const { json, code } = await runJson<Pipeline>(['report', 'pipeline', '--dir', dir], { env: gitEnv() });
    expect(code).toBe(0);
    const lead = json.stages.find((s) => s.stage === 'lead')!;
    expect([lead.value, lead.weighted]).toEqual([42000.4, 4200.04]);
    expect(json.closed.wonArr).toBe(78000.25);
    expect([json.totals.value, json.totals.weighted]).toEqual([78000.4, 25800.04]);
    // The stage rows add up to the totals, to the cent.
    expect(json.stages.reduce((a, s) => a + Math.round(s.weighted * 100), 0)).toBe(Math.round(json.totals.weighted * 100));

    for (const format of [[], ['--md']]) {
      const text = await runCli(['report', 'pipeline', ...format, '--dir', dir], { env: gitEnv() });
      expect(text.stdout).toMatch(/lead\W+3\W+42,000\W+10%\W+4,200\b/);
      expect(text.stdout).toContain('worth 78,000 ');
      expect(text.stdout).toContain('won 2 (78,000 ARR');
      expect(text.stdout).not.toMatch(/\d\.\d/);
    }
    // The forecast's deal list prints the same amount the same way.
    const forecast = await runCli(['report', 'forecast', '--md', '--dir', dir], { env: gitEnv() });
    expect(forecast.stdout).toMatch(/meridian-pay \| lead \| 42,000 \|/);
  });
});
