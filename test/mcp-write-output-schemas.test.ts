import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

const WRITE_TOOLS = ['create_deal', 'create_campaign', 'write_stage', 'advance', 'generate_strategy', 'draft_campaign', 'record_reply', 'migrate_stages', 'approve_draft'];
const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';

/*
 * The write tools declared no outputSchema: an agent had only prose to read `result.version`,
 * `sync.changes` or `commit` by. And a tool that declared one answered every refusal with a
 * `structuredContent` ({ok: false, error}) its schema refused: the SDK's client, which
 * validates structuredContent whenever there is one, threw "Structured content does not
 * match the tool's output schema" in place of the answer — an `unknown-thread` from
 * read_thread, an `unknown-report` from report — and the code, the known ids and the
 * diagnostics the agent needed to retry were lost.
 *
 * Each call below goes through the SDK's own client after `tools/list`, so each answer is
 * validated against the schema the server declares; a refused one throws here.
 */
async function declaredSession() {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const { tools } = await mcp.client.listTools();
    for (const tool of WRITE_TOOLS) expect(tools.find((t) => t.name === tool)?.outputSchema, tool).toMatchObject({ type: 'object' });
    const ajv = new Ajv2020({ strict: false });
    const holds = async (tool: string, args: Record<string, unknown>, isError: boolean) => {
      const answer = await mcp.call<Record<string, unknown>>(tool, args);
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(isError);
      const { $schema: _draft, ...declared } = tools.find((t) => t.name === tool)!.outputSchema as Record<string, unknown>;
      const validate = ajv.compile(declared);
      expect(validate(answer.data), `${tool} ${JSON.stringify(args)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      return answer.data;
    };
    return { dir, mcp, holds };
}

describe('every tool answer, success or refusal, holds to the outputSchema the tool declares', () => {
  it('the read tools: their refusals are answered, not thrown by the client', async () => {
    const { holds } = await declaredSession();
    await holds('read_thread', { thread: 'no-such-thread' }, true);
    await holds('report', { name: 'piplene' }, true);
    await holds('history', { subject: '../x' }, true);
  }, 60_000);

  it('opening and writing threads: create_deal, create_campaign, write_stage, advance', async () => {
    const { holds } = await declaredSession();
    const deal = (await holds('create_deal', { company: 'Quillstone', segment: 'mid-market-fintech', contact_name: 'Ada Quill', signal: 'Asked for a demo' }, false)) as { result: { path: string; version: string } };
    expect(deal.result.version).toMatch(/^[0-9a-f]{16,}$/);
    await holds('create_deal', { company: 'Quillstone', segment: 'mid-market-fintech' }, true);
    await holds('create_campaign', { name: 'Spring outbound', segment: 'mid-market-fintech' }, false);
    await holds('create_campaign', { name: 'Spring outbound', segment: 'no-such-segment' }, true);
    await holds('write_stage', { thread: deal.result.path, stage: 1, front_matter: { company: { industry: 'fintech' } } }, false);
    await holds('write_stage', { thread: deal.result.path, stage: 1, front_matter: { date: 'soon' } }, true);
    await holds('write_stage', { thread: 'no-such-thread', stage: 1, front_matter: {} }, true);
    await holds('advance', { thread: deal.result.path }, false);
    await holds('advance', { thread: deal.result.path }, true);
  }, 120_000);

  it('strategy, outreach and migration: generate_strategy, draft_campaign, record_reply, approve_draft, migrate_stages', async () => {
    const { dir, holds } = await declaredSession();
    await holds('generate_strategy', { segments: ['mid-market-fintech'] }, false);
    await holds('generate_strategy', { segments: ['no-such-segment'] }, true);
    await holds('draft_campaign', { campaign: CAMPAIGN, commit: false }, false);
    await holds('draft_campaign', { campaign: 'northwind-payments' }, true);
    await holds('record_reply', { campaign: CAMPAIGN, email: 'nobody@nowhere.example', text: 'Thanks' }, true);
    await holds('approve_draft', { drafts: [`${CAMPAIGN}/drafts/no-such-draft.md`] }, true);
    writeFileSync(join(dir, 'threads/sales/northwind-payments/3-implication.md'), 'ARR potential: $100k\n');
    await holds('migrate_stages', { paths: ['threads/sales/northwind-payments'], dry_run: true }, false);
    await holds('migrate_stages', { paths: ['../outside'] }, true);
  }, 120_000);
});
