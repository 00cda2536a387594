import { describe, expect, it } from 'vitest';
import { connectMcp } from './helpers/mcp.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * An agent's day of outreach: due_touches, then approve_draft for each touch due. A due
 * touch named the campaign, the prospect and the touch's number, but not its draft: the
 * agent had to rebuild the file name (`dana-at-…-touch-1.md`) from the prospect's address
 * to approve it. Each due touch now names its draft, null until one is written.
 */
describe('due_touches', () => {
  it('names each due touch\'s draft, the file approve_draft takes', async () => {
    const mcp = await connectMcp(await campaignWithProspect(), ENV);
    type Due = { due: { campaign: string; touch: number; draft: string | null }[] };
    const before = await mcp.ok<Due>('due_touches', {});
    expect(before.due.length).toBeGreaterThan(0);
    expect(before.due.every((touch) => touch.draft === null)).toBe(true);

    await mcp.ok('draft_campaign', { campaign: CAMPAIGN });
    const after = await mcp.ok<Due>('due_touches', {});
    const [touch] = after.due;
    expect(touch?.draft).toMatch(new RegExp(`^${CAMPAIGN}/drafts/.+-touch-${touch?.touch}\\.md$`));
    const approved = await mcp.ok<{ result: { drafts: { path: string }[] } }>('approve_draft', { drafts: [touch!.draft] });
    expect(approved.result.drafts.map((d) => d.path)).toEqual([touch!.draft]);
  });
});
