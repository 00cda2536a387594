import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { commitCount, gitInit } from './helpers/git.js';
import { md, read } from './helpers/testdir.js';
import { campaignFiles, workspace } from './helpers/workspace.js';

/**
 * A team that does not track link clicks saw "click rate 0%" in each campaign's results
 * block and in `report campaigns`: the Stage 6 template wrote `clicked: 0` and the schema
 * gave no empty form, as it does for `opened`. `clicked` left empty now reads as not
 * tracked; the older template's `clicked: 0` reads so too where opens are not tracked
 * either, and stays a 0% result beside tracked opens. The files are kept as written.
 */
const campaign = (slug: string) => `threads/sales/campaigns/${slug}`;

function withResults(results: Record<string, string>): string {
  const files: Record<string, string> = { 'strategy/canvas/13-metrics.md': md('title: Metrics\ntargets: {}', '\n# Metrics\n') };
  for (const [slug, counts] of Object.entries(results)) {
    Object.assign(files, campaignFiles(campaign(slug), '2026-02-02', 'sequence: {preset: five-touch-cold, start: 2026-02-02}\nprospects: []'));
    files[`${campaign(slug)}/6-learning.md`] = md(`closed: 2026-03-01\nresults:\n  sent: 100\n  delivered: 100\n${counts}  replied: 5`);
  }
  const dir = workspace(files);
  gitInit(dir);
  return dir;
}

const rowOf = (report: string, slug: string): string => report.split('\n').find((line) => line.includes(slug)) ?? '';

describe('a campaign that does not track clicks', () => {
  it('reads "not tracked" for `clicked` left empty, and for the old template\'s 0 beside untracked opens; a 0 beside tracked opens is 0%', async () => {
    const dir = withResults({
      '2026-02-02-empty': '  opened: null\n  clicked: null\n',
      '2026-02-03-old-zero': '  opened: 0\n  clicked: 0\n',
      '2026-02-04-tracked': '  opened: 40\n  clicked: 0\n',
      '2026-02-05-clicks': '  opened: null\n  clicked: 7\n',
    });
    const check = await runCli(['check', '--dir', dir]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    expect(read(dir, `${campaign('2026-02-02-empty')}/6-learning.md`)).toMatch(/\| click rate \| not tracked \|/);
    expect(read(dir, `${campaign('2026-02-03-old-zero')}/6-learning.md`)).toMatch(/\| click rate \| not tracked \|/);
    expect(read(dir, `${campaign('2026-02-03-old-zero')}/6-learning.md`)).toContain('  clicked: 0\n'); // kept as written
    expect(read(dir, `${campaign('2026-02-04-tracked')}/6-learning.md`)).toMatch(/\| click rate \| 0% \|/);
    expect(read(dir, `${campaign('2026-02-05-clicks')}/6-learning.md`)).toMatch(/\| click rate \| 7% \|/);

    const report = (await runCli(['report', 'campaigns', '--dir', dir])).stdout;
    // open then click: both not tracked for the first two.
    expect(rowOf(report, '2026-02-02-empty')).toMatch(/not tracked\s*│?\s*not tracked/);
    expect(rowOf(report, '2026-02-03-old-zero')).toMatch(/not tracked\s*│?\s*not tracked/);
    expect(rowOf(report, '2026-02-04-tracked')).toMatch(/40%\s*│?\s*0%/);
    const json = await runJson<{ campaigns: { id: string; rates: Record<string, unknown> }[] }>(['report', 'campaigns', '--json', '--dir', dir]);
    const rates = (slug: string) => json.json.campaigns.find((c) => c.id.includes(slug))!.rates;
    expect(rates('2026-02-02-empty')).toMatchObject({ clicksTracked: false, clickRate: null, replyRate: 0.05 });
    expect(rates('2026-02-03-old-zero')).toMatchObject({ clicksTracked: false, clickRate: null });
    expect(rates('2026-02-04-tracked')).toMatchObject({ clicksTracked: true, clickRate: 0 });
    expect(rates('2026-02-05-clicks')).toMatchObject({ clicksTracked: true, clickRate: 0.07 });

    const commits = commitCount(dir);
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    expect(commitCount(dir)).toBe(commits);
  });

  it('new campaigns are written with `clicked` empty and a word on when to fill it', () => {
    const template = readFileSync(new URL('../templates/threads/sales-campaign/6-learning.md.hbs', import.meta.url), 'utf8');
    expect(template).toMatch(/^ {2}clicked: null$/m);
    expect(template).toMatch(/`clicked`:\n# fill it in only if your tool tracks link clicks/);
  });
});
