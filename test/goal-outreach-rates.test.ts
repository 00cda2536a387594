import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md, read } from './helpers/testdir.js';
import { campaignFiles, workspace } from './helpers/workspace.js';

/*
 * docs/outreach.md said goals can track the open and reply rates, but a goal naming
 * `reply_rate` was a schema error: a campaign goal could count meetings and nothing else.
 * `reply_rate` and `open_rate` are goal metrics now, computed as every rate is
 * (src/outreach/rates.ts): over delivered, summed over the linked campaigns first, the open
 * rate over the campaigns that track opens only.
 */
const CAMPAIGN = 'threads/sales/campaigns/2026-03-02-close';
const GOAL = md(`id: g-outbound
title: Make outbound work
deadline: 2026-12-31
created: 2026-03-01
metrics:
  - name: reply_rate
    target: 0.1
  - name: open_rate
    target: 0.4
subgoals:
  - id: SG1
    title: Replies from month-end controllers
    metric: reply_rate
    target: 0.05
`);

describe('a goal on the reply and open rates of its campaigns', () => {
  it('measures them over delivered, as the campaign results and 13-metrics do, and judges a rate target as a fraction', async () => {
    const files = campaignFiles(CAMPAIGN, '2026-03-02', 'sequence:\n  preset: five-touch-cold\n  start: 2026-03-02\nprospects: []');
    files[`${CAMPAIGN}/meta.json`] = JSON.stringify({ ...JSON.parse(files[`${CAMPAIGN}/meta.json`]!), goal_id: 'g-outbound', subgoal: 'SG1' });
    // 200 sent, 10 bounced: 190 delivered; 12 replied is 6.3%, 95 opened 50%.
    files[`${CAMPAIGN}/6-learning.md`] = md('closed: 2026-04-01\nresults:\n  sent: 200\n  bounced: 10\n  opened: 95\n  replied: 12\n  meetings: 3');
    const dir = workspace({ ...files, 'goals/g-outbound.md': GOAL });
    gitInit(dir);
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    const goal = read(dir, 'goals/g-outbound.md');
    expect(goal).toContain('| reply_rate | 6% | 10% | 4% |');
    expect(goal).toContain('| open_rate | 50% | 40% | 0% |');
    expect(goal).toMatch(/\| SG1 \| Replies from month-end controllers \| 6%\/5% \| completed \|/);

    const report = await runJson<{ goals: { id: string; metrics: { name: string; current: number; progress: number }[] }[] }>(['report', 'goals', '--dir', dir]);
    const metrics = report.json.goals.find((g) => g.id === 'g-outbound')!.metrics;
    expect(metrics.map((m) => [m.name, m.current])).toEqual([['reply_rate', 12 / 190], ['open_rate', 95 / 190]]);

    // A rate target is a fraction, as win_rate's: 10 is not 1000%.
    const written = read(dir, 'goals/g-outbound.md').replace('target: 0.1\n', 'target: 10\n');
    const bad = workspace({ ...files, 'goals/g-outbound.md': written });
    const check = await runCli(['check', '--dir', bad]);
    expect(check.stdout).toMatch(/goals\/g-outbound\.md:8:\d+ error .*expected a number from 0 to 1/);
  });
});
