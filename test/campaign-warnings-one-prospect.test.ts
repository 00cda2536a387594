import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { CAMPAIGN, campaignWithProspect, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * The campaign warnings that name prospects said "expected each set to `completed`" and
 * "expected `status: active` for each" of a single prospect: words for many, read by whoever
 * has one prospect to fix. One prospect is told about that one; several still get "each".
 */
interface Checked {
  diagnostics: { rule: string; message: string }[];
}

async function warning(dir: string, rule: string): Promise<string> {
  const found = (await runJson<Checked>(['check', '--dir', dir], { env: ENV })).json.diagnostics.filter((d) => d.rule === rule);
  expect(found).toHaveLength(1);
  return found[0]!.message;
}

const SECOND = ', status: active}\n  - {name: Lee Park, email: lee@northwind-pay.com, company: Northwind Payments, status: active';

describe('campaign warnings about one prospect or several', () => {
  it('closed-mid-sequence: one prospect is told to set their status, several each', async () => {
    const dir = await campaignWithProspect();
    writeFileSync(join(dir, CAMPAIGN, '6-learning.md'), '---\nclosed: 2026-11-20\n---\n\n# Learning\n');
    const one = await warning(dir, 'closed-mid-sequence');
    expect(one).toContain('with 1 prospect still in its sequence (Dana Reyes)');
    expect(one).not.toMatch(/\beach\b/);
    expect(one).toContain("expected the prospect's status set to `completed` (or `nurture` with a `revisit`)");

    const actions = join(dir, CAMPAIGN, '5-actions.md');
    writeFileSync(actions, readFileSync(actions, 'utf8').replace(', status: active', SECOND));
    const two = await warning(dir, 'closed-mid-sequence');
    expect(two).toContain('with 2 prospects still in its sequence (Dana Reyes, Lee Park)');
    expect(two).toContain('expected each set to `completed`');
  });

  it('queued-after-send: one prospect is told to set `status: active`, with no "each"', async () => {
    const dir = await draftedCampaignWithProspect();
    const actions = join(dir, CAMPAIGN, '5-actions.md');
    writeFileSync(actions, readFileSync(actions, 'utf8').replace('status: active', 'status: queued'));
    const draft = join(dir, CAMPAIGN, 'drafts', 'dana-at-northwind-pay-com-touch-1.md');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^status: \w+$/m, 'status: sent'));
    const one = await warning(dir, 'queued-after-send');
    expect(one).toContain('1 prospect is still `queued` though a touch was sent to them (Dana Reyes');
    expect(one).not.toMatch(/\beach\b/);
    expect(one).toContain('expected `status: active` there, as 5-actions.md');
  });
});
