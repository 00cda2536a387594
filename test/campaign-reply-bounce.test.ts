import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * A bounce comes back to the sales person's inbox as a mail server's notice, and the
 * natural thing is to paste it into `campaign reply`. It was read as neutral: the prospect
 * became `replied` (a reply nobody wrote), and the sequence's stop said the wrong thing.
 * It is a bounce now: status `bounced`, no deal, the campaign's approved drafts withdrawn.
 */
const GMAIL_BOUNCE = `Address not found

Your message wasn't delivered to dana@northwind-pay.com because the address couldn't be found, or is unable to receive mail.

The response from the remote server was:
550 5.1.1 The email account that you tried to reach does not exist.`;

const draft = (touch: number): string => `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-${touch}.md`;

describe('a bounce notice recorded with campaign reply', () => {
  it('marks the prospect bounced, not replied, opens no deal and withdraws the approved drafts', async () => {
    const dir = await draftedCampaignWithProspect();
    expect((await runCli(['campaign', 'approve', draft(1), '--dir', dir], { env: ENV })).code).toBe(0);
    const reply = await runJson<{ classification: { category: string }; status: { before: string; after: string }; deal: unknown; withdrawn: string[]; recorded: string }>(
      ['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', GMAIL_BOUNCE, '--date', '2026-11-20', '--dir', dir],
      { env: ENV },
    );
    expect(reply.code, reply.stderr).toBe(0);
    expect(reply.json.classification.category).toBe('bounce');
    expect(reply.json.status.after).toBe('bounced');
    expect(reply.json.deal).toBeNull();
    expect(reply.json.withdrawn).toEqual([draft(1)]);
    expect(readFileSync(join(dir, CAMPAIGN, '5-actions.md'), 'utf8')).toMatch(/email: dana@northwind-pay\.com[^\n]*status: bounced/);
    expect(readFileSync(join(dir, reply.json.recorded), 'utf8')).toMatch(/^category: bounce$/m);
    // The commit holds the record, the prospect's status and the withdrawn draft: no deal thread.
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').filter((p) => !p.startsWith(`${CAMPAIGN}/`))).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.code, check.stdout).toBe(0);
  });

  it('says why in the text output', async () => {
    const dir = await draftedCampaignWithProspect();
    const reply = await runCli(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', 'Undeliverable: Before the year-end audit\n\nDelivery has failed to these recipients or groups: dana@northwind-pay.com', '--date', '2026-11-20', '--dir', dir], { env: ENV });
    expect(reply.code, reply.stderr).toBe(0);
    expect(reply.stdout).toContain('bounce (confidence 0.80, matched: undeliverable, delivery has failed)');
    expect(reply.stdout).toContain('prospect dana@northwind-pay.com: active → bounced');
  });
});
