import { readFileSync } from 'node:fs';
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
      expect(declared.required?.sort(), tool).toEqual(generated.required?.filter((key) => key !== 'root').sort());
      const answer = await mcp.call(tool, args);
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(false);
      // Read as the draft the rest of the schemas use (the SDK marks it draft-07; the keywords it uses are the same in both).
      const { $schema: _draft, ...body } = declared as Record<string, unknown>;
      const validate = ajv.compile(body);
      expect(validate(answer.data), `${tool}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(JSON.parse(answer.text), tool).toEqual(answer.data);
    }
    // No second copy written by hand for the tools without a command's document.
    for (const tool of ['read_thread', 'list_threads', 'write_stage', 'create_deal']) expect(tools.find((t) => t.name === tool)?.outputSchema, tool).toBeUndefined();
  });
});
