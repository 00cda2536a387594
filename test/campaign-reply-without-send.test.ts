import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * `campaign reply` recorded a reply from a prospect no touch had gone out to, with nothing
 * said: the touch went out unmarked (`due` lists it again), or the reply was filed under the
 * wrong person. It now says so, as check does, at the record's `email`.
 */
describe('a reply recorded for a prospect never sent to', () => {
  it('is recorded, and the command and check warn at the record, naming the draft to mark sent', async () => {
    // Dana had touch 1 sent (the campaign records its sends); Lee has none.
    const dir = await campaignWithProspect(', touches_done: 1}\n  - {name: Lee Park, email: lee@harbor-pay.com, company: Harbor Pay, title: Controller, status: active');
    const reply = await runCli(['campaign', 'reply', CAMPAIGN, 'lee@harbor-pay.com', '--text', 'Thanks, let us talk on Tuesday', '--date', '2026-11-20', '--dir', dir], { env: ENV });
    expect(reply.code, reply.stderr).toBe(0);
    const warning = `${CAMPAIGN}/replies/2026-11-20-lee-at-harbor-pay-com.md:2:8 warning Reply recorded from Lee Park, to whom no touch was sent`;
    expect(reply.stdout).toContain(warning);
    expect(reply.stdout).toContain(`mark ${CAMPAIGN}/drafts/lee-at-harbor-pay-com-touch-1.md \`status: sent\``);
    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.stdout).toContain(warning);

    // Dana was sent a touch: her reply is no such case.
    const dana = await runCli(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', 'Thanks, let us talk on Tuesday', '--date', '2026-11-20', '--dir', dir], { env: ENV });
    expect(dana.code, dana.stderr).toBe(0);
    expect(dana.stdout).not.toContain('dana-at-northwind-pay-com.md:2:8 warning');
  });
});
