import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInProcess } from './helpers/check.js';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

const DRAFT = `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-2.md`;

interface Checked {
  diagnostics: { path: string; line: number; column: number; rule: string; severity: string; message: string }[];
}

/**
 * An approval covers the text approved. A draft reworded after `campaign approve` — by hand,
 * or by a teammate in another clone and merged in cleanly — stayed `status: approved` over
 * text no person approved and no gate judged, and check said nothing.
 */
describe('an approved draft edited since it was approved', () => {
  it('is an error at its status until it is approved again, which records the text written now', async () => {
    // Touch 1 sent: touch 2 is Dana's next touch, the one approved.
    const dir = await campaignWithProspect(', touches_done: 1');
    expect((await runCli(['campaign', 'draft', CAMPAIGN, '--dir', dir], { env: ENV })).code).toBe(0);
    const approved = await runCli(['campaign', 'approve', DRAFT, '--dir', dir], { env: ENV });
    expect(approved.code, approved.stdout + approved.stderr).toBe(0);
    const path = join(dir, DRAFT);
    const asApproved = readFileSync(path, 'utf8');
    const digest = /^approved_text: (sha256-[0-9a-f]{12})$/m.exec(asApproved)?.[1];
    expect(digest, asApproved).toBeDefined();
    const ofRule = (checked: Checked) => checked.diagnostics.filter((d) => d.rule === 'approved-then-edited');
    expect(ofRule((await runJson<Checked>(['check', '--dir', dir], { env: ENV })).json)).toEqual([]);
    // The checks after it ask check's own function for the same JSON: a CLI process each took this test past its timeout on a loaded machine.
    const rule = async () => ofRule((await checkInProcess<Checked>(dir, ENV)).json);

    // Re-saved with CRLF and trailing blanks: nothing a reader sees changed, nothing to say.
    writeFileSync(path, asApproved.replace(/\n/g, ' \r\n'));
    expect(await rule()).toEqual([]);

    // A sentence of the body reworded after the approval (a teammate's edit merged in).
    writeFileSync(path, asApproved.replace(/\n\n([^\n-][^\n]*)\n/, '\n\n$1 We can also wire money for you overnight.\n'));
    expect(readFileSync(path, 'utf8')).toContain('wire money for you overnight');
    git(dir, 'commit', '-qam', 'touch 2 reworded');
    const found = await rule();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: DRAFT, severity: 'error', line: asApproved.split('\n').findIndex((l) => l.startsWith('status:')) + 1 });
    expect(found[0]!.message).toContain(`Approved, but its subject or body was edited since it was approved on `);
    expect(found[0]!.message).toContain(`Approve it again (\`threadwork campaign approve ${DRAFT}\`)`);

    // Approved again: the gates judge the text written now, and the record is of it.
    const again = await runJson<{ drafts: { path: string; action: string }[] }>(['campaign', 'approve', DRAFT, '--dir', dir], { env: ENV });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(JSON.stringify(again.json)).toContain('"action":"approved"');
    const reapproved = readFileSync(path, 'utf8');
    expect(reapproved).toContain('wire money for you overnight');
    expect(/^approved_text: (sha256-[0-9a-f]{12})$/m.exec(reapproved)?.[1]).not.toBe(digest);
    expect(reapproved.match(/^approved_text:/gm)).toHaveLength(1);
    expect(await rule()).toEqual([]);
  });
});
