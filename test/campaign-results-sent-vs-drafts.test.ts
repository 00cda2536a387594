import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { CAMPAIGN, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * Stage 6 `results.sent` is the sending tool's total; the drafts marked `status: sent` are
 * threadwork's record of what went out. Nothing compared them: `sent: 1` beside three drafts
 * marked sent (or `sent: 5` beside two, one more still approved) passed check in silence.
 */
interface Checked {
  diagnostics: { path: string; rule: string; line: number; column: number; severity: string; message: string }[];
}

const draftPath = (dir: string, touch: number): string => join(dir, CAMPAIGN, 'drafts', `dana-at-northwind-pay-com-touch-${touch}.md`);

function setStatus(dir: string, touch: number, status: string): void {
  const path = draftPath(dir, touch);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^status: \w+$/m, `status: ${status}`));
}

async function closedWith(sent: number, statuses: Record<number, string>): Promise<Checked['diagnostics']> {
  const dir = await draftedCampaignWithProspect();
  for (const [touch, status] of Object.entries(statuses)) setStatus(dir, Number(touch), status);
  writeFileSync(join(dir, CAMPAIGN, '6-learning.md'), `---\nclosed: 2026-11-30\nresults:\n  sent: ${sent}\n  replied: 0\n---\n\n# Learning\n`);
  const check = await runJson<Checked>(['check', '--dir', dir], { env: ENV });
  return check.json.diagnostics.filter((d) => d.rule === 'campaign-sent-count');
}

describe("a campaign's Stage 6 sent count against its drafts marked sent", () => {
  it('warns at `sent` when it is fewer than the drafts marked sent, with both figures and the total to correct', async () => {
    const found = await closedWith(1, { 1: 'sent', 2: 'sent', 3: 'sent' });
    expect(found).toEqual([
      expect.objectContaining({ path: `${CAMPAIGN}/6-learning.md`, line: 4, column: 9, severity: 'warning' }),
    ]);
    expect(found[0]!.message).toBe(
      `Stage 6 records \`sent: 1\` but 3 drafts in ${CAMPAIGN}/drafts/ are marked \`status: sent\`: the total cannot be fewer than the sends on record. Correct \`sent\` from your sending tool (at least 3), or set a draft that never went out back to \`status: approved\``,
    );
  });

  it('warns when it is more, naming the drafts still approved as the ones to mark sent', async () => {
    const found = await closedWith(3, { 1: 'sent', 2: 'sent', 3: 'approved' });
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('records `sent: 3` but 2 drafts')]);
    expect(found[0]!.message).toContain(
      'if the other one went out from a draft, mark it `status: sent` (still approved: dana-at-northwind-pay-com-touch-3.md) — `due` lists an unmarked touch again; if it went out without a draft, `sent` is right',
    );
  });

  it('counts the unmarked sends in the plural when there are more than one, and names no draft when none is approved', async () => {
    const twoApproved = await closedWith(4, { 1: 'sent', 2: 'sent', 3: 'approved', 4: 'approved' });
    expect(twoApproved[0]!.message).toContain('if the other 2 went out from drafts, mark them `status: sent` (still approved: dana-at-northwind-pay-com-touch-3.md, dana-at-northwind-pay-com-touch-4.md) — `due` lists an unmarked touch again; if they went out without a draft');
    const oneUnapproved = await closedWith(3, { 1: 'sent', 2: 'sent' });
    expect(oneUnapproved[0]!.message).toContain('if the other one went out from a draft, mark that draft `status: sent`; if it went out without a draft, `sent` is right; if not, correct `sent` from your sending tool');
    const twoUnapproved = await closedWith(4, { 1: 'sent', 2: 'sent' });
    expect(twoUnapproved[0]!.message).toContain('if the other 2 went out from drafts, mark those drafts `status: sent`; if they went out without a draft');
  });

  it('says nothing when they agree, nor for a campaign with no draft marked sent (sent from another tool)', async () => {
    expect(await closedWith(2, { 1: 'sent', 2: 'sent' })).toEqual([]);
    expect(await closedWith(240, {})).toEqual([]);
  });
});
