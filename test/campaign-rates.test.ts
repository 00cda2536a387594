import { describe, expect, it } from 'vitest';
import { computeFigures } from '../src/derive/metrics.js';
import type { ThreadFacts } from '../src/derive/thread-facts.js';
import {
  bounceRate,
  campaignRates,
  campaignResultRates,
  campaignSuggestions,
  clickRate,
  deliveredOf,
  meetingRate,
  openRate,
  RATE_DEFINITIONS,
  replyRate,
  spamComplaintRate,
  unsubscribeRate,
  type CampaignResults,
} from '../src/outreach/index.js';
import { runCli } from './helpers/cli.js';
import { commitCount, gitInit } from './helpers/git.js';
import { md, read } from './helpers/testdir.js';
import { threadFacts } from './helpers/facts.js';
import { campaignFiles, workspace } from './helpers/workspace.js';

describe('one definition of every rate', () => {
  it('takes delivered as recorded, else sent − bounced when it is absent or 0', () => {
    expect(deliveredOf({ sent: 240, delivered: 231, bounced: 9 })).toEqual({ delivered: 231, estimated: false });
    expect(deliveredOf({ sent: 240, bounced: 9 })).toEqual({ delivered: 231, estimated: true });
    expect(deliveredOf({ sent: 240, delivered: 0, bounced: 9 })).toEqual({ delivered: 231, estimated: true });
    expect(deliveredOf({ sent: 240, delivered: null, bounced: 9 })).toEqual({ delivered: 231, estimated: true });
    expect(deliveredOf({ sent: 5, bounced: 9 })).toEqual({ delivered: 0, estimated: true });
  });

  it.each([
    ['open', openRate, 'opened', 'delivered'],
    ['click', clickRate, 'clicked', 'delivered'],
    ['reply', replyRate, 'replied', 'delivered'],
    ['bounce', bounceRate, 'bounced', 'sent'],
    ['unsubscribe', unsubscribeRate, 'unsubscribed', 'delivered'],
    ['spam', spamComplaintRate, 'spam_complaints', 'delivered'],
    ['meeting', meetingRate, 'meetings', 'delivered'],
  ] as const)('%s rate = %s / %s', (name, rate, numerator, denominator) => {
    expect(RATE_DEFINITIONS.find((d) => d.name === name)).toMatchObject({ numerator, denominator });
    // 200 sent, 40 bounced, so 160 delivered whether recorded or not; 8 of each count.
    const counts: CampaignResults = { sent: 200, bounced: 40, opened: 8, clicked: 8, replied: 8, unsubscribed: 8, spam_complaints: 8, meetings: 8 };
    const expected = name === 'bounce' ? 40 / 200 : 8 / 160;
    expect(rate(counts)).toBe(expected);
    expect(rate({ ...counts, delivered: 0 })).toBe(expected);
    expect(rate({ ...counts, delivered: 160 })).toBe(expected);
    expect(rate({})).toBeNull();
  });

  it('a template left at delivered: 0 still rates the campaign and says delivered was estimated', () => {
    const rates = campaignRates({ sent: 100, delivered: 0, bounced: 4, opened: 48, replied: 12 });
    expect(rates).toMatchObject({ delivered: 96, deliveredEstimated: true, openRate: 0.5, replyRate: 0.125, bounceRate: 0.04 });
  });
});

describe('the result rules fire on the rates they name, delivered recorded or not', () => {
  const fired = (results: CampaignResults): string[] => campaignSuggestions(results).map((s) => s.rule);

  it.each([
    // open rate over delivered: 28 of 96 delivered is 29.2% (28 of 100 sent would be 28% too; 30 of 96 is 31%).
    { rule: 'low-open-rate', results: { sent: 100, delivered: 0, bounced: 4, opened: 28, replied: 10 }, fires: true },
    { rule: 'low-open-rate', results: { sent: 100, delivered: 0, bounced: 4, opened: 29, replied: 10 }, fires: false, why: '29 of 96 is 30.2% (of sent it would be 29%)' },
    { rule: 'low-reply-rate', results: { sent: 100, bounced: 4, opened: 50, replied: 2 }, fires: true },
    { rule: 'low-reply-rate', results: { sent: 100, bounced: 4, opened: 50, replied: 3 }, fires: false, why: '3 of 96 is 3.1% (of sent it would be exactly 3%)' },
    { rule: 'high-bounce-rate', results: { sent: 100, delivered: 0, bounced: 6, opened: 50, replied: 5 }, fires: true },
    { rule: 'high-bounce-rate', results: { sent: 100, delivered: 95, bounced: 5, opened: 50, replied: 5 }, fires: false },
    { rule: 'high-unsubscribe-rate', results: { sent: 100, delivered: 0, bounced: 50, opened: 30, replied: 5, unsubscribed: 2 }, fires: true, why: '2 of 50 delivered is 4%' },
    { rule: 'high-unsubscribe-rate', results: { sent: 100, delivered: 100, opened: 30, replied: 5, unsubscribed: 2 }, fires: false },
    { rule: 'scale-up', results: { sent: 100, delivered: 0, bounced: 5, opened: 60, replied: 10 }, fires: true, why: '10 of 95 is 10.5% (of sent exactly 10%)' },
    { rule: 'scale-up', results: { sent: 100, delivered: 100, opened: 60, replied: 10 }, fires: false },
    { rule: 'spam-complaint', results: { sent: 100, delivered: 0, opened: 60, replied: 10, spam_complaints: 1 }, fires: true },
  ])('$rule fires $fires ($results)', ({ rule, results, fires }) => {
    expect(fired(results).includes(rule)).toBe(fires);
  });

  it('counts the spam complaints in words: "1 spam complaint", "2 spam complaints", never "(s)"', () => {
    const message = (complaints: number): string | undefined => campaignSuggestions({ sent: 100, delivered: 100, opened: 60, replied: 10, spam_complaints: complaints }).find((s) => s.rule === 'spam-complaint')?.message;
    expect(message(1)).toMatch(/^1 spam complaint: emergency stop\. /);
    expect(message(2)).toMatch(/^2 spam complaints: emergency stop\. /);
  });

  it('every rule can fire with delivered left at 0 (the old template made all but the bounce rule silent)', () => {
    const rules = new Set([
      ...fired({ sent: 200, delivered: 0, bounced: 20, opened: 10, replied: 1, unsubscribed: 10, spam_complaints: 1 }),
      ...fired({ sent: 200, delivered: 0, bounced: 0, opened: 100, replied: 30 }),
    ]);
    expect([...rules].sort()).toEqual(['high-bounce-rate', 'high-unsubscribe-rate', 'low-open-rate', 'low-reply-rate', 'scale-up', 'spam-complaint']);
  });
});

function campaignFacts(path: string, results: Record<string, unknown>): ThreadFacts {
  return threadFacts(path, { status: 'completed', campaignResults: results as ThreadFacts['campaignResults'], meta: { type: 'sales-campaign', source: 'outbound' } });
}

describe('13-metrics figures use the same rates', () => {
  it('open and reply rates are over delivered, summed over campaigns, with the fallback per campaign', () => {
    const figures = computeFigures([
      campaignFacts('threads/sales/campaigns/a', { sent: 240, delivered: 231, bounced: 9, opened: 118, replied: 14 }),
      campaignFacts('threads/sales/campaigns/b', { sent: 100, delivered: 0, bounced: 10, opened: 45, replied: 4 }),
    ]);
    // delivered 231 + (100 − 10) = 321; opened 163; replied 18.
    // Exact, as every figure (13-metrics shows them as 51% and 6%).
    expect(figures).toMatchObject({ sent: 340, delivered: 321, open_rate: 163 / 321, reply_rate: 18 / 321 });
    const one = computeFigures([campaignFacts('threads/sales/campaigns/a', { sent: 240, delivered: 231, bounced: 9, opened: 118, replied: 14 })]);
    expect(one.open_rate).toBe(openRate({ sent: 240, delivered: 231, opened: 118 }));
    expect(one.open_rate).toBe(118 / 231);
  });
});

describe('sync: the results block and 13-metrics agree when delivered is not recorded', () => {
  const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';

  // A rule compares the exact rate with its bar: to one decimal, 51 bounces of 1,011 sends
  // (5.04%, over 5%) read "Bounce rate 5.0% over 5.0%".
  it('shows a rate just past its rule\'s bar with the decimal that puts it past, never as the bar', async () => {
    const dir = workspace({
      ...campaignFiles(CAMPAIGN, '2026-01-26', 'sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects: []'),
      [`${CAMPAIGN}/6-learning.md`]: md('closed: 2026-03-01\nresults:\n  sent: 1011\n  bounced: 51\n  delivered: 960\n  opened: 400\n  replied: 28'),
    });
    gitInit(dir);
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code, sync.stderr).toBe(0);
    const learning = read(dir, `${CAMPAIGN}/6-learning.md`);
    // By hand: bounce rate 51 / 1011 = 5.0445% > 5%; reply rate 28 / 960 = 2.9167% < 3%,
    // which one decimal (2.9%) already shows under its bar.
    expect(learning).toContain('Bounce rate 5.04% over 5.0% after 1011 sends');
    expect(learning).toContain('Reply rate 2.9% under 3.0% after 1011 sends');
  });

  it('writes the estimated delivered, says so, fires the open-rate rule and puts the same open rate in 13-metrics', async () => {
    const dir = workspace({
      ...campaignFiles(CAMPAIGN, '2026-01-26', 'sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects: []'),
      [`${CAMPAIGN}/6-learning.md`]: md('closed: 2026-03-01\nresults:\n  sent: 100\n  delivered: 0\n  opened: 24\n  replied: 5\n  bounced: 4'),
      'strategy/canvas/13-metrics.md': md('title: Metrics\ntargets: {}', '\n# Metrics\n'),
    });
    gitInit(dir);
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code, sync.stderr).toBe(0);
    const learning = read(dir, `${CAMPAIGN}/6-learning.md`);
    expect(learning).toMatch(/\| delivered \| 96 \(sent − bounced\) \|/);
    expect(learning).toMatch(/Delivered is not recorded, so it is taken as sent − bounced/);
    expect(learning).toMatch(/\| open rate \| 25% \|/); // 24 / 96
    expect(learning).toMatch(/\*\*high\*\* — Open rate 25\.0% under 30\.0%/);
    const metrics = read(dir, 'strategy/canvas/13-metrics.md');
    expect(metrics).toMatch(/\| open rate \| 25% \|/);
    expect(metrics).toMatch(/\| reply rate \| 5% \|/); // 5 / 96 = 5.2%
    const commits = commitCount(dir);
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    expect(commitCount(dir)).toBe(commits);
  });
});

describe('scale-up waits for a sample a sales person would trust', () => {
  const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';

  function withResults(results: string): string {
    const dir = workspace({
      ...campaignFiles(CAMPAIGN, '2026-01-26', 'sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects: []'),
      [`${CAMPAIGN}/6-learning.md`]: md(`closed: 2026-03-01\nresults:\n${results}`),
    });
    gitInit(dir);
    return dir;
  }

  it('does not tell anyone to scale a campaign after 4 sends and 1 reply', async () => {
    const dir = withResults('  sent: 4\n  delivered: 4\n  opened: 3\n  replied: 1');
    const report = await runCli(['report', 'campaigns', '--json', '--dir', dir]);
    expect(report.code, report.stderr).toBe(0);
    const json = JSON.parse(report.stdout) as { campaigns: { rules: { rule: string }[] }[] };
    expect(json.campaigns[0]!.rules).toEqual([]);
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(read(dir, `${CAMPAIGN}/6-learning.md`)).not.toMatch(/scale/i);
  });

  it('suggests it from 100 sends on, saying after how many', async () => {
    const dir = withResults('  sent: 100\n  delivered: 100\n  opened: 60\n  replied: 12');
    const report = await runCli(['report', 'campaigns', '--json', '--dir', dir]);
    expect(report.code, report.stderr).toBe(0);
    const json = JSON.parse(report.stdout) as { campaigns: { rules: { rule: string; message: string }[] }[] };
    expect(json.campaigns[0]!.rules).toEqual([{ rule: 'scale-up', severity: 'info', message: 'Reply rate 12.0% over 10.0% after 100 sends: this works; scale it to more of the segment.' }]);
  });
});

describe('a campaign whose counts are still the template\'s zeros', () => {
  const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';

  /**
   * Stage 6 opens with every count at 0. With `sent: 120` filled in and the rest left,
   * `report campaigns` showed 0% opens, clicks, replies, bounces and meetings, and fired the
   * low-open and low-reply rules, on counts nobody entered: "not recorded" now, and no rule.
   */
  it('shows "not recorded" for its delivered and rates, not 0%, and fires no rule on them', async () => {
    const dir = workspace({
      ...campaignFiles(CAMPAIGN, '2026-01-26', 'sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects: []'),
      [`${CAMPAIGN}/6-learning.md`]: md('closed: 2026-03-01\nresults:\n  sent: 120\n  delivered: null\n  opened: 0\n  clicked: 0\n  replied: 0\n  bounced: 0\n  unsubscribed: 0\n  spam_complaints: 0\n  meetings: 0\n  deals: 0'),
    });
    gitInit(dir);
    const json = JSON.parse((await runCli(['report', 'campaigns', '--json', '--dir', dir])).stdout) as { campaigns: { rates: Record<string, unknown>; rules: unknown[] }[] };
    expect(json.campaigns[0]!.rates).toMatchObject({ sent: 120, openRate: null, replyRate: null, bounceRate: null, meetingRate: null });
    expect(json.campaigns[0]!.rules).toEqual([]);
    const text = await runCli(['report', 'campaigns', '--dir', dir]);
    const row = text.stdout.split('\n').find((line) => line.includes('2026-01-26-month-end'))!;
    expect(row).not.toContain('0%');
    expect(row.match(/not recorded/g)).toHaveLength(6);
  });

  it('keeps a recorded 0 a rate once any other count is entered, and an A/B variant\'s 0 always', () => {
    expect(campaignResultRates({ sent: 120, delivered: 118, opened: 0, replied: 0 }).openRate).toBe(0);
    expect(campaignResultRates({ sent: 120, bounced: 2 }).replyRate).toBe(0);
    expect(campaignRates({ sent: 120, opened: 0 }).openRate).toBe(0);
  });
});
