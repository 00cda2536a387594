import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * A prospect with no email, LinkedIn profile or phone passes the schema in a campaign whose
 * sequence asks for none (an empty sequence, the prospect kept for a nurture revisit). `due`
 * listed them as `Priya Nair <(no contact detail)>`: it now says what to fill in, and where.
 */
describe('due for a prospect without a contact detail', () => {
  it('names the fields to add in 5-actions.md instead of `<(no contact detail)>`', async () => {
    const dir = await campaignWithProspect();
    writeFileSync(
      join(dir, CAMPAIGN, '5-actions.md'),
      '---\nsequence: {start: 2026-11-02, touches: []}\nprospects:\n  - {name: Priya Nair, company: Tillwise, title: Controller, status: nurture, revisit: 2026-12-01}\n---\n\n# Actions\n',
    );
    const due = await runCli(['due', '--dir', dir], { env: ENV });
    expect(due.code, due.stderr).toBe(0);
    expect(due.stdout).not.toContain('(no contact detail)>');
    expect(due.stdout).toContain('Priya Nair (no contact detail: add `email`, `linkedin` or `phone` to this prospect in 5-actions.md)');
  });
});
