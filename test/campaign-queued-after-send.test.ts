import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { CAMPAIGN, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * A person sends an approved draft and marks it `status: sent`; nothing changed the
 * prospect's `status: queued` in 5-actions.md, which went on reading as if nobody had been
 * contacted. check now says so, at the prospect's status.
 */
interface Checked {
  diagnostics: { path: string; rule: string; line: number; field?: string; message: string }[];
}

describe('a prospect still queued after a touch was sent', () => {
  it('is warned about at their status once a draft to them is marked sent, and not once set active', async () => {
    const dir = await draftedCampaignWithProspect();
    const actions = join(dir, CAMPAIGN, '5-actions.md');
    writeFileSync(actions, readFileSync(actions, 'utf8').replace('status: active', 'status: queued'));
    const check = async (): Promise<Checked['diagnostics']> => (await runJson<Checked>(['check', '--dir', dir], { env: ENV })).json.diagnostics.filter((d) => d.rule === 'queued-after-send');
    expect(await check()).toEqual([]);

    const draft = join(dir, CAMPAIGN, 'drafts', 'dana-at-northwind-pay-com-touch-1.md');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^status: \w+$/m, 'status: sent'));
    const found = await check();
    expect(found).toEqual([expect.objectContaining({ path: `${CAMPAIGN}/5-actions.md`, field: 'prospects[0].status' })]);
    expect(found[0]!.message).toContain('1 prospect is still `queued` though a touch was sent to them (Dana Reyes');
    expect(found[0]!.message).toContain('expected `status: active`');

    writeFileSync(actions, readFileSync(actions, 'utf8').replace('status: queued', 'status: active'));
    expect(await check()).toEqual([]);
  });
});
