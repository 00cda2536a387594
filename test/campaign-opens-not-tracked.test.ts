import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportCommand } from '../src/cli/commands/report.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { computeFigures, figuresOf } from '../src/derive/metrics.js';
import { FigureSums } from '../src/derive/figure-sums.js';
import type { ThreadFacts } from '../src/derive/thread-facts.js';
import { campaignResultRates, campaignSuggestions, opensTracked, type CampaignResults } from '../src/outreach/index.js';
import { runCli, runJson } from './helpers/cli.js';
import { commitCount, gitInit } from './helpers/git.js';
import { md, read } from './helpers/testdir.js';
import { threadFacts } from './helpers/facts.js';
import { commandTextAsCli } from './helpers/in-process.js';
import { campaignFiles, workspace } from './helpers/workspace.js';

/**
 * A team that sends plain-text email, LinkedIn messages or calls records replies but no
 * opens. The Stage 6 template wrote `opened: 0` and the schema refused null, so such a
 * campaign read "open rate 0%", fired a high low-open-rate, and its deliveries pulled the
 * workspace open rate down.
 */
/*
 * The syncs and reports of the tests written for each way of leaving `opened` untracked ask
 * the commands' own functions (their text, as the CLI prints it without colour); the last
 * sync test runs sync and the campaigns report, text and JSON, as processes.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});
const syncText = (dir: string) => commandTextAsCli(() => syncCommand({ commit: true }, { dir, json: false }));
const campaignsReport = (dir: string) => commandTextAsCli(() => reportCommand('campaigns', {}, { dir, json: false }));

const fired = (results: CampaignResults): string[] => campaignSuggestions(results).map((s) => s.rule);

function campaignFacts(path: string, results: Record<string, unknown>): ThreadFacts {
  return threadFacts(path, { status: 'completed', campaignResults: results as ThreadFacts['campaignResults'], meta: { type: 'sales-campaign', source: 'outbound' } });
}

describe('a campaign that does not track opens', () => {
  it.each([
    ['left empty', { sent: 200, delivered: 190, opened: null, replied: 12, meetings: 3 }],
    ['absent', { sent: 200, delivered: 190, replied: 12, meetings: 3 }],
    ["at the old template's 0 beside recorded replies", { sent: 200, delivered: 190, opened: 0, replied: 12, meetings: 3 }],
  ])('has no open rate and fires no low-open-rate when `opened` is %s', (_, results) => {
    expect(opensTracked(results)).toBe(false);
    expect(campaignResultRates(results)).toMatchObject({ opensTracked: false, openRate: null, replyRate: 12 / 190 });
    expect(fired(results)).not.toContain('low-open-rate');
  });

  it('still warns on a truly low open rate when opens are tracked', () => {
    const results = { sent: 200, delivered: 190, opened: 20, replied: 12 };
    expect(opensTracked(results)).toBe(true);
    expect(campaignResultRates(results)).toMatchObject({ opensTracked: true, openRate: 20 / 190 });
    expect(fired(results)).toContain('low-open-rate');
    // A recorded 0 with nothing else to contradict it is a result: no message was opened.
    expect(fired({ sent: 200, delivered: 190, opened: 0, bounced: 10 })).toContain('low-open-rate');
  });

  it('is left out of the workspace open rate, which says how many campaigns it covers', () => {
    const figures = computeFigures([
      campaignFacts('threads/sales/campaigns/a', { sent: 240, delivered: 231, bounced: 9, opened: 118, replied: 14 }),
      campaignFacts('threads/sales/campaigns/b', { sent: 200, delivered: 190, opened: null, replied: 12 }),
      campaignFacts('threads/sales/campaigns/c', { sent: 100, delivered: 100, opened: 0, replied: 5 }),
    ]);
    expect(figures).toMatchObject({ delivered: 521, open_rate: 118 / 231, reply_rate: 31 / 521, campaigns_delivering: 3, campaigns_tracking_opens: 1 });
  });

  it('comes out of the sums a warm watcher keeps as it went in', () => {
    const tracked = campaignFacts('threads/sales/campaigns/a', { sent: 240, delivered: 231, opened: 118, replied: 14 });
    const untracked = campaignFacts('threads/sales/campaigns/b', { sent: 200, delivered: 190, opened: null, replied: 12 });
    const sums = new FigureSums();
    sums.add(tracked);
    sums.add(untracked);
    sums.remove(untracked);
    expect(figuresOf(sums)).toEqual(computeFigures([tracked]));
  });
});

describe('sync with a campaign that does not track opens beside one that does', () => {
  const TRACKED = 'threads/sales/campaigns/2026-01-26-month-end';
  const LINKEDIN = 'threads/sales/campaigns/2026-02-02-linkedin';

  function withCampaigns(untracked: string): string {
    const dir = workspace({
      ...campaignFiles(TRACKED, '2026-01-26', 'sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects: []'),
      [`${TRACKED}/6-learning.md`]: md('closed: 2026-03-01\nresults:\n  sent: 100\n  delivered: 100\n  opened: 40\n  replied: 5'),
      ...campaignFiles(LINKEDIN, '2026-02-02', 'sequence: {preset: five-touch-cold, start: 2026-02-02}\nprospects: []'),
      [`${LINKEDIN}/6-learning.md`]: md(`closed: 2026-03-01\nresults:\n  sent: 300\n  delivered: null\n${untracked}  replied: 15\n  meetings: 4`),
      'strategy/canvas/13-metrics.md': md('title: Metrics\ntargets: {}', '\n# Metrics\n'),
    });
    gitInit(dir);
    return dir;
  }

  it.each([
    ['the new template leaves `opened` empty', '  opened: null\n'],
    ["the old template's `opened: 0` is left beside replies", '  opened: 0\n'],
  ])('writes "not tracked", no low-open-rate, the open rate of the other alone, and is a fixed point: %s', async (_, untracked) => {
    const dir = withCampaigns(untracked);
    const sync = await syncText(dir);
    expect(sync.code, sync.stdout).toBe(0);
    const learning = read(dir, `${LINKEDIN}/6-learning.md`);
    expect(learning).toMatch(/\| open rate \| not tracked \|/);
    expect(learning).toMatch(/\| reply rate \| 5% \|/); // 15 / 300
    expect(learning).not.toMatch(/Open rate/);
    expect(learning).toContain(untracked); // what the user wrote is kept as written
    // 40 opened of the 100 delivered by the campaign that tracks opens, not of 400.
    expect(read(dir, 'strategy/canvas/13-metrics.md')).toMatch(/\| open rate \| 40% \(opens tracked in 1 of 2 campaigns\) \|/);
    const report = await campaignsReport(dir);
    expect(report.stdout.split('\n').find((line) => line.includes('2026-02-02-linkedin'))).toContain('not tracked');
    const commits = commitCount(dir);
    const again = await syncText(dir);
    expect(again.code, again.stdout).toBe(0);
    expect(commitCount(dir)).toBe(commits);
  });

  /*
   * The template leaves `opened` empty for a channel without open tracking, so a campaign
   * that had just reached Stage 6 — nothing filled in — read "open rate: not tracked" and
   * "No rule fires on these results", about counts nobody had entered. Until counts beyond
   * `sent` are recorded, opens are not judged and the block says nothing is recorded yet.
   * It named `opened` alone ("fill in `results` above … leave `opened` empty"): the counts
   * still to fill in are named as the file spells them, `sent` only while it is 0.
   */
  it.each([
    ['as the template writes it', '0', 'Nothing is recorded yet: fill in `sent`, `opened`, `clicked` and `replied` of `results`'],
    ['with only `sent` filled in', '120', 'Nothing is recorded yet beyond `sent`: fill in `opened`, `clicked` and `replied` of `results`'],
  ])('says nothing is recorded yet, not "not tracked", for a campaign whose results are %s', async (_, sent, advice) => {
    const template = readFileSync(new URL('../templates/threads/sales-campaign/6-learning.md.hbs', import.meta.url), 'utf8');
    const dir = workspace({
      ...campaignFiles(LINKEDIN, '2026-02-02', 'sequence: {preset: five-touch-cold, start: 2026-02-02}\nprospects: []'),
      [`${LINKEDIN}/6-learning.md`]: template.replace('{{title}}', 'LinkedIn').replace('  sent: 0\n', `  sent: ${sent}\n`),
    });
    gitInit(dir);
    const sync = await syncText(dir);
    expect(sync.code, sync.stdout).toBe(0);
    const learning = read(dir, `${LINKEDIN}/6-learning.md`);
    expect(learning).toMatch(/\| open rate \| not recorded \|/);
    expect(learning).not.toContain('not tracked');
    expect(learning).toContain(`${advice} above from your sending tool`);
    expect(learning).not.toContain('No rule fires');
    const report = await campaignsReport(dir);
    const lines = report.stdout.split('\n').filter((line) => line.includes('2026-02-02-linkedin'));
    expect(lines.join('\n')).not.toContain('not tracked');
    expect(lines.join('\n')).toContain('Nothing is recorded yet');
    expect(lines.join('\n')).not.toContain('No rule fires');
    const markdown = await commandTextAsCli(() => reportCommand('campaigns', { md: true }, { dir, json: false }));
    expect(markdown.stdout).toContain(`${advice} in 6-learning.md from your sending tool`);
  });

  /*
   * A campaign with only `sent` filled in delivered nothing anyone recorded, but its sends
   * were counted as delivered (`sent − bounced`): 13-metrics.md's reply rate took its 120
   * sends as a denominator (5 replies of 220 = 2%, not 5 of 100 = 5%), its open rate said
   * "opens tracked in 1 of 2 campaigns", and the results block showed "delivered 120 (sent −
   * bounced)" of a `bounced` nobody entered.
   */
  it('counts the sends of a campaign with only `sent` filled in, but no delivery, rate or campaign delivering', async () => {
    const template = readFileSync(new URL('../templates/threads/sales-campaign/6-learning.md.hbs', import.meta.url), 'utf8');
    const dir = withCampaigns('  opened: null\n');
    const only = template.replace('{{title}}', 'LinkedIn').replace('  sent: 0\n', '  sent: 120\n');
    writeFileSync(join(dir, LINKEDIN, '6-learning.md'), only);
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code, sync.stderr).toBe(0);
    const metrics = read(dir, 'strategy/canvas/13-metrics.md');
    expect(metrics).toMatch(/\| campaign emails sent \| 220 \|/);
    expect(metrics).toMatch(/\| open rate \| 40% \|/); // 40 of 100: the only campaign delivering
    expect(metrics).toMatch(/\| reply rate \| 5% \|/); // 5 of 100, not of 220
    expect(read(dir, `${LINKEDIN}/6-learning.md`)).toMatch(/\| delivered \| not recorded \|/);
    const report = await runCli(['report', 'campaigns', '--dir', dir]);
    const row = report.stdout.split('\n').find((line) => line.includes('2026-02-02-linkedin'))!;
    expect(row.match(/not recorded/g)).toHaveLength(6); // delivered and the five rates
    // An agent reads the same: no delivery, no tracking, no rate.
    const json = await runJson<{ campaigns: { id: string; recorded: boolean; rates: Record<string, unknown> }[] }>(['report', 'campaigns', '--json', '--dir', dir]);
    const linkedin = json.json.campaigns.find((c) => c.id.includes('2026-02-02-linkedin'))!;
    expect(linkedin.recorded).toBe(false);
    expect(linkedin.rates).toMatchObject({ sent: 120, delivered: 0, deliveredEstimated: false, opensTracked: false, openRate: null, replyRate: null, bounceRate: null });
    const commits = commitCount(dir);
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    expect(commitCount(dir)).toBe(commits);
  });

  it('new campaigns are written with `opened` empty and a word on when to fill it', () => {
    const template = readFileSync(new URL('../templates/threads/sales-campaign/6-learning.md.hbs', import.meta.url), 'utf8');
    expect(template).toMatch(/^ {2}opened: null$/m);
    expect(template).toMatch(/`opened` only if your tool tracks opens/);
  });
});
