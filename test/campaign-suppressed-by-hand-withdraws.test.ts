import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * Dana asked by phone not to be contacted again, and her address was added to the
 * do-not-contact list by hand. Her approved drafts stayed approved — cleared to send —
 * `sync` said "in sync: nothing to write", and `check` failed at each with
 * approved-do-not-contact. Sync (and so the watcher) now withdraws them as `campaign
 * reply` withdraws an unsubscribe's, names each and commits them with the list.
 */
const draft = (touch: number): string => `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-${touch}.md`;
const SUPPRESSION = 'threads/sales/campaigns/suppression.yaml';
const LIST = 'suppressed:\n  - {email: Dana@Northwind-Pay.com, reason: asked by phone, date: 2026-11-20}\n';

describe('an address added to the suppression list by hand', () => {
  it("has its approved drafts withdrawn by sync, named, committed with the list, and check stays clean; a second sync writes nothing", async () => {
    const dir = await draftedCampaignWithProspect();
    expect((await runCli(['campaign', 'approve', draft(1), draft(2), '--dir', dir], { env: ENV })).code).toBe(0);
    writeFileSync(join(dir, SUPPRESSION), LIST);

    const dry = await runCli(['sync', '--dry-run', '--dir', dir], { env: ENV });
    expect(dry.stdout).toContain(`${draft(1)}: approval withdrawn — dana@northwind-pay.com is on the do-not-contact list`);
    expect(readFileSync(join(dir, draft(1)), 'utf8')).toMatch(/^status: approved$/m);

    const sync = await runCli(['sync', '--dir', dir], { env: ENV });
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    for (const touch of [1, 2]) {
      expect(sync.stdout).toContain(`${draft(touch)}: approval withdrawn`);
      const text = readFileSync(join(dir, draft(touch)), 'utf8');
      expect(text).toMatch(/^status: skipped$/m);
      expect(text).not.toMatch(/^approved_(on|text):/m);
    }
    expect(readFileSync(join(dir, draft(3)), 'utf8')).toMatch(/^status: draft$/m); // never approved: left as it was
    expect(readFileSync(join(dir, SUPPRESSION), 'utf8')).toBe(LIST); // the list as written
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const committed = git(dir, 'show', '--name-only', '--format=%B', 'HEAD');
    expect(committed).toContain(SUPPRESSION);
    expect(committed).toContain(draft(1));
    expect(committed).toContain('approval withdrawn');

    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.code, check.stdout).toBe(0);
    const head = git(dir, 'rev-parse', 'HEAD');
    const again = await runCli(['sync', '--dir', dir], { env: ENV });
    expect(again.code).toBe(0);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });
});
