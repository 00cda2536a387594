import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInProcess } from './helpers/check.js';
import { runCli } from './helpers/cli.js';
import { CAMPAIGN, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * `sent-without-approval` warned at every sent draft of a workspace made before threadwork
 * recorded `approved_on`: a flood nobody can act on. It now warns where approvals were
 * being recorded: a campaign created since they were (2026-12-06), or a touch sent after
 * the same prospect's first recorded approval.
 */
const draft = (touch: number): string => `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-${touch}.md`;

function markSent(dir: string, touch: number): void {
  const path = join(dir, draft(touch));
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^status: (draft|approved)$/m, 'status: sent'));
}

/** The sent drafts check warns at, from check's own function on ENV's day: the approve between them is a process. */
async function unapproved(dir: string): Promise<string[]> {
  const checked = await checkInProcess<{ diagnostics: { path: string; rule: string }[] }>(dir, ENV);
  return checked.json.diagnostics.filter((d) => d.rule === 'sent-without-approval').map((d) => d.path);
}

describe('sent-without-approval in a workspace older than approved_on', () => {
  it('says nothing of the sends made before approvals were recorded, and warns at one sent unapproved after them', async () => {
    const dir = await draftedCampaignWithProspect();
    // Touches 1 and 2 went out before threadwork recorded approvals: no approved_on, as every draft of the time.
    markSent(dir, 1);
    markSent(dir, 2);
    expect(await unapproved(dir)).toEqual([]);
    // Then touch 3 was approved by the command (the day recorded) and sent; touch 4 went out straight from draft.
    const approved = await runCli(['campaign', 'approve', draft(3), '--dir', dir], { env: ENV });
    expect(approved.code, approved.stderr).toBe(0);
    markSent(dir, 3);
    markSent(dir, 4);
    expect(await unapproved(dir)).toEqual([draft(4)]);
  });

  it('warns at an unapproved send in a campaign created since approvals are recorded', async () => {
    const dir = await draftedCampaignWithProspect();
    const meta = join(dir, CAMPAIGN, 'meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"created": "2026-11-02"', '"created": "2026-12-06"'));
    markSent(dir, 1);
    expect(await unapproved(dir)).toEqual([draft(1)]);
  });
});
