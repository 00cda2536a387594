import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';
import { CAMPAIGN, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * The engine's words say what to run with the CLI's command and its arguments, and the MCP
 * server says the same in the tools' terms (src/mcp/tool-wording.ts). Only the bare commands
 * were reworded: a command given with what it runs on — the drafts to approve with a later
 * touch, the segment to generate — reached the agent as a shell command it cannot run.
 */
beforeAll(async () => {
  await draftedCampaignWithProspect();
}, 120_000);

const draft = (touch: number): string => `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-${touch}.md`;

describe('an MCP answer names a CLI command given with its arguments as the tool and its arguments', () => {
  it('approve_draft refusing a touch ahead of its turn names approve_draft with every draft to send', async () => {
    const mcp = await connectMcp(await draftedCampaignWithProspect(), ENV);
    const refused = await mcp.call<{ error: { code: string; message: string; failures: { gate: string; message: string }[] } }>('approve_draft', { drafts: [draft(3)] });
    expect(refused.isError).toBe(true);
    expect(refused.data.error.failures.map((f) => f.gate)).toEqual(['not-due']);
    const told = `approve them first, or with it (the \`approve_draft\` tool, "drafts": ${JSON.stringify([1, 2, 3].map(draft))})`;
    expect(refused.data.error.failures[0]!.message).toContain(told);
    expect(refused.data.error.message).toContain(told);
    expect(refused.data.error.failures[0]!.message).toContain('due 2026-11-02 (the one the `due_touches` tool lists)');
    expect(refused.text).not.toContain('threadwork campaign approve');
  });

  it('check warning at a segment with no strategy generated names generate_strategy with that segment', async () => {
    const dir = exampleWorkspaceCopy();
    const segments = join(dir, 'strategy/canvas/04-segments.md');
    const text = readFileSync(segments, 'utf8');
    const end = text.indexOf('\n---\n', 4);
    writeFileSync(segments, `${text.slice(0, end)}\n  - id: saas-finance\n    name: SaaS finance teams\n    description: B2B software companies that recognise revenue by hand${text.slice(end)}`);
    const mcp = await connectMcp(dir);
    const check = await mcp.ok<{ diagnostics: { rule: string; message: string }[] }>('check');
    const warned = check.diagnostics.filter((d) => d.rule === 'strategy-not-generated');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message).toMatch(/Run the `generate_strategy` tool, "segments": \["saas-finance"\]$/);
  });
});
