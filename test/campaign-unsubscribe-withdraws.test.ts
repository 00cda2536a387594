import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * Dana's touches 1 and 2 were approved; then she replied "unsubscribe". `campaign reply`
 * recorded it and suppressed her address, but left both drafts approved — cleared to send —
 * and `check` then failed with approved-do-not-contact at each. The command that records
 * the unsubscribe now withdraws them, names each and commits them with it.
 */
const draft = (touch: number): string => `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-${touch}.md`;

describe('an unsubscribe recorded with campaign reply', () => {
  it("withdraws the prospect's approved drafts, names them, and check stays clean", async () => {
    const dir = await draftedCampaignWithProspect();
    const approved = await runCli(['campaign', 'approve', draft(1), draft(2), '--dir', dir], { env: ENV });
    expect(approved.code, approved.stderr).toBe(0);
    const reply = await runJson<{ withdrawn: string[]; written: string[] }>(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', 'Please unsubscribe me', '--date', '2026-11-20', '--dir', dir], { env: ENV });
    expect(reply.code, reply.stderr).toBe(0);
    expect(reply.json.withdrawn).toEqual([draft(1), draft(2)]);
    expect(reply.json.written).toEqual(expect.arrayContaining([draft(1), draft(2)]));
    for (const touch of [1, 2]) {
      const text = readFileSync(join(dir, draft(touch)), 'utf8');
      expect(text).toMatch(/^status: skipped$/m);
      expect(text).not.toMatch(/^approved_(on|text):/m);
    }
    // Touch 3 was never approved: left as it was.
    expect(readFileSync(join(dir, draft(3)), 'utf8')).toMatch(/^status: draft$/m);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const check = await runJson<{ diagnostics: { path: string; rule: string }[] }>(['check', '--dir', dir], { env: ENV });
    expect(check.json.diagnostics.filter((d) => d.path.startsWith(`${CAMPAIGN}/drafts/`))).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('says so in the text output', async () => {
    const dir = await draftedCampaignWithProspect();
    expect((await runCli(['campaign', 'approve', draft(1), '--dir', dir], { env: ENV })).code).toBe(0);
    const reply = await runCli(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', 'Please unsubscribe me', '--date', '2026-11-20', '--dir', dir], { env: ENV });
    expect(reply.stdout).toContain(`approval withdrawn ${draft(1)}: set to status skipped, not to be sent`);
  });
});
