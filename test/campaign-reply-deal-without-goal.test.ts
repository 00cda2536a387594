import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * A positive reply in a campaign linked to no goal opened a deal that inherited none, and
 * `campaign reply` printed check's `deal-without-goal` warning about a file it had just
 * written itself — "expected goal_id in its meta.json" — as if the person had left it out.
 * The deal takes the campaign's goal when the campaign has one; when it has none, the reply
 * says so as what it did (the deal counts toward no goal because the campaign names none)
 * and how to link either, not as a warning about the person's file.
 */
interface Replied {
  deal: { path: string; noGoal?: string } | null;
  warnings: { rule: string }[];
}

const TEXT = 'Yes, happy to talk next week, send a time';

describe('a deal opened by a reply in a campaign with no goal', () => {
  it('is said to count toward no goal because the campaign names none, with no deal-without-goal warning', async () => {
    const dir = await campaignWithProspect();
    const replied = await runJson<Replied>(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', TEXT, '--json', '--dir', dir], { env: ENV });
    expect(replied.code).toBe(0);
    expect(replied.json.warnings.filter((w) => w.rule === 'deal-without-goal')).toEqual([]);
    const deal = replied.json.deal!;
    expect(deal.noGoal).toContain(`counts toward no goal: campaign ${CAMPAIGN} names none`);
    expect(deal.noGoal).toContain(`"goal_id" in ${deal.path}/meta.json`);
    // check still says the deal counts nowhere: it does.
    const checked = await runJson<{ diagnostics: { rule: string; path: string }[] }>(['check', '--json', '--dir', dir], { env: ENV });
    expect(checked.json.diagnostics.filter((d) => d.rule === 'deal-without-goal').map((d) => d.path)).toEqual([`${deal.path}/meta.json`]);
  });

  it('prints the note in place of the warning, and a campaign with a goal gives it to the deal with no note', async () => {
    const dir = await campaignWithProspect();
    const text = await runCli(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', TEXT, '--dir', dir], { env: ENV });
    expect(text.stdout).toContain('counts toward no goal: campaign');
    expect(text.stdout).not.toContain('(deal-without-goal)');

    const linked = await campaignWithProspect();
    const meta = join(linked, CAMPAIGN, 'meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"source"', '"goal_id": "g-fintech-beachhead",\n  "source"'));
    const input = join(linked, CAMPAIGN, '1-input.md');
    writeFileSync(input, readFileSync(input, 'utf8').replace('goal_id: null', 'goal_id: g-fintech-beachhead'));
    const replied = await runJson<Replied>(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', TEXT, '--json', '--dir', linked], { env: ENV });
    expect(replied.code, replied.stderr).toBe(0);
    expect(replied.json.deal).not.toHaveProperty('noGoal');
    expect(JSON.parse(readFileSync(join(linked, replied.json.deal!.path, 'meta.json'), 'utf8'))).toMatchObject({ goal_id: 'g-fintech-beachhead' });
  });
});
