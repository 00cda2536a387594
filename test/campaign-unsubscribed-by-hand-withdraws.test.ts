import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * Dana wrote back on LinkedIn to stop, and her status in the campaign's 5-actions.md was
 * set to `unsubscribed` by hand. Her approved drafts stayed approved — cleared to send —
 * sync said "in sync: nothing to write", and check failed at each with
 * approved-do-not-contact. Sync now withdraws them, as it does for an address added to the
 * do-not-contact list by hand, names why and commits them with the edit.
 */
const draft = (touch: number): string => `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-${touch}.md`;
const ACTIONS = `${CAMPAIGN}/5-actions.md`;

describe('a prospect marked unsubscribed by hand in 5-actions.md', () => {
  it('has their approved drafts withdrawn by sync, named with the file that says so, committed with it; check is clean; a second sync writes nothing', async () => {
    const dir = await draftedCampaignWithProspect();
    expect((await runCli(['campaign', 'approve', draft(1), draft(2), '--dir', dir], { env: ENV })).code).toBe(0);
    const actions = readFileSync(join(dir, ACTIONS), 'utf8');
    const edited = actions.replace('status: active}', 'status: unsubscribed}');
    expect(edited).not.toBe(actions);
    writeFileSync(join(dir, ACTIONS), edited);

    const sync = await runCli(['sync', '--dir', dir], { env: ENV });
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    for (const touch of [1, 2]) {
      expect(sync.stdout).toContain(`${draft(touch)}: approval withdrawn — dana@northwind-pay.com is marked unsubscribed in ${ACTIONS}`);
      const text = readFileSync(join(dir, draft(touch)), 'utf8');
      expect(text).toMatch(/^status: skipped$/m);
      expect(text).not.toMatch(/^approved_(on|text):/m);
    }
    expect(readFileSync(join(dir, draft(3)), 'utf8')).toMatch(/^status: draft$/m); // never approved: left as it was
    expect(readFileSync(join(dir, ACTIONS), 'utf8')).toBe(edited); // the user's edit as written
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const committed = git(dir, 'show', '--name-only', '--format=%B', 'HEAD');
    expect(committed).toContain(ACTIONS);
    expect(committed).toContain(draft(1));

    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.code, check.stdout).toBe(0);
    const head = git(dir, 'rev-parse', 'HEAD');
    const again = await runCli(['sync', '--dir', dir], { env: ENV });
    expect(again.code).toBe(0);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });
});
