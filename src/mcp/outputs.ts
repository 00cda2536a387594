import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import * as z from 'zod';
import { publishedJsonSchema } from '../cli/json-output/generate.js';
import { errorOutput } from '../cli/json-output/common.js';
import { CLI_OUTPUTS, withOkField } from '../cli/json-output/index.js';
import { REPORTS } from '../report/build.js';
import { listThreadsOutput, readThreadOutput } from './thread-outputs.js';
import { WRITE_TOOL_OUTPUTS } from './write-outputs.js';

/**
 * The `outputSchema` of each tool that answers data (MCP 2025-06-18: a client may validate
 * `structuredContent` against it and hand the model its shape).
 *
 * A tool whose answer is the document its CLI command prints with `--json` declares the very
 * schema `schemas/cli/*.schema.json` is generated from, never a second copy. What the
 * command adds for a person at a folder — the workspace's `root`, which the agent named when
 * it started the server — is not in the tool's answer, so it is left out of the tool's
 * schema. `report` answers one of six documents, `report pipeline --json` … `report
 * campaigns --json`, told apart by `report`: it declares them all (`oneOf`). `list_threads`
 * and `read_thread` have no command; their schemas live beside the server
 * (thread-outputs.ts). The write tools answer `{result, sync, commit, warnings}`, `result`
 * being their command's document (write-outputs.ts). The text content stays as it was, for
 * clients that read only text.
 *
 * Every schema as listed also takes the error envelope (`{ok: false, error}`,
 * schemas/cli/error.schema.json): the SDK's client validates a tool error's
 * `structuredContent` as it validates a success's, and refused every refusal of a tool that
 * declared a schema — an `unknown-thread`, a `stage-invalid` — with an McpError, the codes
 * and diagnostics the agent needed to retry lost.
 */
const TOOL_OUTPUT_OF_COMMAND = {
  check: 'check',
  sync: 'sync',
  history: 'history',
  qualify_deal: 'qualify',
  score_accounts: 'score',
  score_contacts: 'score-contacts',
  due_touches: 'due',
} as const;

const TOOL_OUTPUT_OF_ITS_OWN = {
  list_threads: withOkField(listThreadsOutput),
  read_thread: withOkField(readThreadOutput),
  ...WRITE_TOOL_OUTPUTS,
} as const;

export type ToolWithOutput = keyof typeof TOOL_OUTPUT_OF_COMMAND | keyof typeof TOOL_OUTPUT_OF_ITS_OWN | 'report';

const TOOLS_WITH_OUTPUT = new Set<string>([...Object.keys(TOOL_OUTPUT_OF_COMMAND), ...Object.keys(TOOL_OUTPUT_OF_ITS_OWN), 'report']);

function commandOutput(id: string): z.ZodObject {
  const output = CLI_OUTPUTS.find((o) => o.id === id);
  if (!output) throw new Error(`no --json schema ${id}`);
  return output.schema as z.ZodObject;
}

const reportOutputs = REPORTS.map((name) => [name, commandOutput(`report-${name}`)] as const);

/**
 * `report`'s answer as the SDK checks it: the SDK takes only an object schema (a union is
 * neither listed nor checked), so an object with `report` naming the report, checked
 * against that report's document.
 */
function reportOutputSchema(): z.ZodObject {
  const byName = new Map<string, z.ZodObject>(reportOutputs);
  return z.looseObject({ ok: z.boolean(), report: z.enum(REPORTS) }).superRefine((answer, context) => {
    const parsed = byName.get(answer.report)!.safeParse(answer);
    for (const issue of parsed.error?.issues ?? []) context.addIssue({ ...issue, input: undefined } as never);
  });
}

/** The tool's output schema as the SDK takes it (it checks each answer against it): its command's `--json` zod schema without `root`. */
export function toolOutputSchema(tool: ToolWithOutput): z.ZodObject {
  if (tool === 'report') return reportOutputSchema();
  if (tool in TOOL_OUTPUT_OF_ITS_OWN) return TOOL_OUTPUT_OF_ITS_OWN[tool as keyof typeof TOOL_OUTPUT_OF_ITS_OWN];
  const schema = commandOutput(TOOL_OUTPUT_OF_COMMAND[tool as keyof typeof TOOL_OUTPUT_OF_COMMAND]);
  return 'root' in schema.shape ? schema.omit({ root: true }) : schema;
}

let listed: Map<string, Record<string, unknown>> | undefined;

/** A published schema as one tool's (or one `oneOf` branch's): no `$id`, no `title`, no `root`. */
function asToolSchema(published: Record<string, unknown>): Record<string, unknown> & { properties: Record<string, unknown> } {
  const { $id: _id, title: _title, ...schema } = published as Record<string, unknown> & { properties: Record<string, unknown>; required?: unknown };
  const { root: _root, ...properties } = schema.properties;
  return { ...schema, properties, ...(Array.isArray(schema.required) ? { required: (schema.required as string[]).filter((key) => key !== 'root') } : {}) };
}

/**
 * The tool's output schema as `tools/list` gives it: the command's schema as published in
 * `schemas/cli/`, without `root`. The SDK's own rendering of the zod schema closes every
 * object (`additionalProperties: false`), and a client that validates by it (the SDK's own
 * client does) refused an answer with a field the schema does not name — each factor of a
 * score — where the published schemas stay open so that a field added later breaks no
 * consumer (cli/json-output/generate.ts).
 */
function listedOutputSchema(tool: string): Record<string, unknown> | undefined {
  listed ??= listedOutputSchemas();
  return listed.get(tool);
}

function listedOutputSchemas(): Map<string, Record<string, unknown>> {
  const { $schema: _draft, ...envelope } = publishedJsonSchema(errorOutput);
  return new Map<string, Record<string, unknown>>(
    [
      ...Object.entries(TOOL_OUTPUT_OF_COMMAND).map(([name, id]) => [name, asToolSchema(publishedJsonSchema(commandOutput(id)))] as const),
      ...Object.entries(TOOL_OUTPUT_OF_ITS_OWN).map(([name, schema]) => [name, publishedJsonSchema(schema)] as const),
      ['report', publishedReportSchema()] as const,
    ].map(([name, schema]) => [name, orError(schema, envelope)] as const),
  );
}

/**
 * An answer's schema that also takes the error envelope: its `required` list (and a
 * report's `oneOf`) moved into the first branch of an `anyOf`, the envelope the second.
 * `properties` stay at the top, describing the answer as before; none of them is `error`.
 */
function orError(schema: Record<string, unknown>, envelope: Record<string, unknown>): Record<string, unknown> {
  const { required, oneOf, ...rest } = schema;
  const answered = { ...(required !== undefined ? { required } : {}), ...(oneOf !== undefined ? { oneOf } : {}) };
  return { ...rest, anyOf: [answered, envelope] };
}

/** Each report's published document, one `oneOf` branch each, under an object that names `report` (MCP wants `type: object` at the top). */
function publishedReportSchema(): Record<string, unknown> {
  const branches = reportOutputs.map(([, schema]) => {
    const { $schema: _draft, ...branch } = asToolSchema(publishedJsonSchema(schema));
    return branch;
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    description: 'the document `threadwork report <name> --json` prints, told apart by `report` (schemas/cli/report-<name>.schema.json)',
    properties: { ok: { type: 'boolean' }, report: { type: 'string', enum: [...REPORTS] } },
    required: ['ok', 'report'],
    oneOf: branches,
  };
}

interface ListedTool {
  name?: unknown;
  outputSchema?: unknown;
}

/** The transport, with the output schemas of a `tools/list` answer given as published (listedOutputSchema) as it leaves. */
export function withPublishedOutputSchemas<T extends Transport>(transport: T): T {
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    const result = 'result' in message ? (message.result as { tools?: unknown }) : undefined;
    if (!result || !Array.isArray(result.tools)) return send(message, options);
    const published = (result.tools as ListedTool[]).map((tool) => (typeof tool.name === 'string' && TOOLS_WITH_OUTPUT.has(tool.name) && tool.outputSchema ? { ...tool, outputSchema: listedOutputSchema(tool.name) } : tool));
    return send({ ...message, result: { ...result, tools: published } } as typeof message, options);
  };
  return transport;
}
