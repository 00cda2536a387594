import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

/*
 * The tools declared no `outputSchema` (MCP 2025-06-18): an agent parsing a tool's
 * `structuredContent` had only the prose of the description to go by. The tools whose
 * answer is their command's `--json` document declare that document's schema — the one
 * `schemas/cli/` is generated from — and their answers hold to it, text content unchanged.
 */

const CALLS: [tool: string, cli: string, args: Record<string, unknown>][] = [
  ['check', 'check', {}],
  ['sync', 'sync', { dry_run: true }],
  ['history', 'history', { subject: 'A1' }],
  ['qualify_deal', 'qualify', { deal: 'keel-neobank' }],
  ['score_accounts', 'score', { segment: 'mid-market-fintech', file: 'research/customer/lists/fintech-accounts-2026-11.csv' }],
  ['score_contacts', 'score-contacts', { segment: 'mid-market-fintech', file: 'research/customer/lists/fintech-contacts-2026-11.csv' }],
  ['due_touches', 'due', {}],
];

describe('the MCP tools that answer a --json document', () => {
  it('declare its schema as their outputSchema, and answer by it with the JSON text kept', async () => {
    const mcp = await connectMcp(exampleWorkspaceCopy());
    // Listed first: the SDK's client then validates each answer's structuredContent against the tool's outputSchema.
    const { tools } = await mcp.client.listTools();
    const ajv = new Ajv2020({ strict: false });
    for (const [tool, cli, args] of CALLS) {
      const listed = tools.find((t) => t.name === tool);
      expect(listed?.outputSchema, tool).toMatchObject({ type: 'object' });
      const generated = JSON.parse(readFileSync(join(REPO_ROOT, `schemas/cli/${cli}.schema.json`), 'utf8')) as { properties: Record<string, unknown>; required?: string[] };
      const declared = listed!.outputSchema as { properties: Record<string, unknown>; required?: string[] };
      expect(Object.keys(declared.properties).sort(), tool).toEqual(Object.keys(generated.properties).filter((key) => key !== 'root').sort());
      // `required` is the first branch's: the second takes the error envelope (mcp-write-output-schemas.test.ts).
      const answered = (declared as unknown as { anyOf: { required?: string[] }[] }).anyOf[0]!;
      expect(answered.required?.sort(), tool).toEqual(generated.required?.filter((key) => key !== 'root').sort());
      const answer = await mcp.call(tool, args);
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(false);
      // Read as the draft the rest of the schemas use (the SDK marks it draft-07; the keywords it uses are the same in both).
      const { $schema: _draft, ...body } = declared as Record<string, unknown>;
      const validate = ajv.compile(body);
      expect(validate(answer.data), `${tool}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(JSON.parse(answer.text), tool).toEqual(answer.data);
    }
  });
});

/*
 * `report`, `list_threads` and `read_thread` declared no outputSchema: an agent reading a
 * report, the threads or one thread — the calls every session starts with — had only the
 * description to go by for the ids, versions and paths its next call needs. `report`
 * declares the six documents `threadwork report <name> --json` prints (one `oneOf` branch
 * each, told apart by `report`); the two thread tools, which no command prints, their own.
 */
describe('report, list_threads and read_thread', () => {
  it('declare an outputSchema their real answers hold to', async () => {
    const dir = exampleWorkspaceCopy();
    // A stage file broken on disk: read_thread answers it with its errors and frontMatter null, list_threads holds the thread.
    writeFileSync(join(dir, 'threads/sales/brightcart/2-hypothesis.md'), '---\nhypothesis: [unclosed\n---\nbody\n');
    const mcp = await connectMcp(dir);
    const { tools } = await mcp.client.listTools();
    const ajv = new Ajv2020({ strict: false });
    const validator = (tool: string) => {
      const declared = tools.find((t) => t.name === tool)?.outputSchema as Record<string, unknown> | undefined;
      expect(declared, tool).toMatchObject({ type: 'object' });
      const { $schema: _draft, ...body } = declared!;
      return ajv.compile(body);
    };
    const holds = async (tool: string, args: Record<string, unknown>) => {
      const answer = await mcp.call(tool, args);
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(false);
      const validate = validator(tool);
      expect(validate(answer.data), `${tool} ${JSON.stringify(args)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(JSON.parse(answer.text)).toEqual(answer.data);
      return answer.data;
    };

    // Each report's branch is its command's published document, without root.
    const report = (tools.find((t) => t.name === 'report')!.outputSchema as unknown as { anyOf: { oneOf: { properties: Record<string, { const?: string }> }[] }[] }).anyOf[0]!;
    for (const name of ['pipeline', 'winloss', 'goals', 'assumptions', 'forecast', 'campaigns']) {
      const generated = JSON.parse(readFileSync(join(REPO_ROOT, `schemas/cli/report-${name}.schema.json`), 'utf8')) as { properties: Record<string, unknown> };
      const branch = report.oneOf.find((b) => b.properties.report?.const === name);
      expect(Object.keys(branch?.properties ?? {}).sort(), name).toEqual(Object.keys(generated.properties).sort());
      await holds('report', { name });
    }
    // A report's answer that is another report's document is refused by the declared schema.
    const pipeline = (await mcp.ok('report', { name: 'pipeline' })) as Record<string, unknown>;
    expect(validator('report')({ ...pipeline, report: 'goals' })).toBe(false);

    const listed = (await holds('list_threads', {})) as { threads: { path: string; held: unknown[] }[] };
    expect(listed.threads.find((t) => t.path === 'threads/sales/brightcart')?.held.length).toBeGreaterThan(0);
    for (const thread of ['threads/sales/brightcart', 'northwind-payments', 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound', 'threads/marketing/how-northwind-payments-closed-may-in-four-days']) {
      const read = (await holds('read_thread', { thread })) as { stages: { version: string | null; exists: boolean }[] };
      for (const stage of read.stages) expect(stage.version === null, thread).toBe(!stage.exists);
    }
    // A deal just opened: five stages not written, its derived values from Stage 1 alone.
    await mcp.ok('create_deal', { company: 'Quillstone', segment: 'mid-market-fintech', contact_name: 'Ada Quill' });
    await holds('read_thread', { thread: 'quillstone' });
    await holds('list_threads', { type: 'sales-deal', status: 'open' });
  });
});
