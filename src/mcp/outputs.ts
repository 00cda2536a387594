import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type * as z from 'zod';
import { generateCliSchemas } from '../cli/json-output/generate.js';
import { CLI_OUTPUTS } from '../cli/json-output/index.js';

/**
 * The `outputSchema` of each tool whose answer is the document its CLI command prints with
 * `--json` (MCP 2025-06-18: a client may validate `structuredContent` against it and hand
 * the model its shape): the very schema `schemas/cli/*.schema.json` is generated from,
 * never a second copy. What the command adds for a person at a folder — the workspace's
 * `root`, which the agent named when it started the server — is not in the tool's answer,
 * so it is left out of the tool's schema. The write tools answer `{result, sync, commit,
 * warnings}` and `read_thread` and `list_threads` have no command: none is declared for them
 * rather than one written by hand. The text content stays as it was, for clients that read
 * only text.
 */
const TOOL_OUTPUT_OF_COMMAND = {
  check: 'check',
  sync: 'sync',
  history: 'history',
  score_accounts: 'score',
  score_contacts: 'score-contacts',
  due_touches: 'due',
} as const;

export type ToolWithOutput = keyof typeof TOOL_OUTPUT_OF_COMMAND;

const TOOLS_WITH_OUTPUT = new Set<string>(Object.keys(TOOL_OUTPUT_OF_COMMAND));

/** The tool's output schema as the SDK takes it (it checks each answer against it): its command's `--json` zod schema without `root`. */
export function toolOutputSchema(tool: ToolWithOutput): z.ZodObject {
  const output = CLI_OUTPUTS.find((o) => o.id === TOOL_OUTPUT_OF_COMMAND[tool]);
  if (!output) throw new Error(`no --json schema ${TOOL_OUTPUT_OF_COMMAND[tool]} for the ${tool} tool`);
  const schema = output.schema as z.ZodObject;
  return 'root' in schema.shape ? schema.omit({ root: true }) : schema;
}

let listed: Map<string, Record<string, unknown>> | undefined;

/**
 * The tool's output schema as `tools/list` gives it: the command's schema as published in
 * `schemas/cli/`, without `root`. The SDK's own rendering of the zod schema closes every
 * object (`additionalProperties: false`), and a client that validates by it (the SDK's own
 * client does) refused an answer with a field the schema does not name — each factor of a
 * score — where the published schemas stay open so that a field added later breaks no
 * consumer (cli/json-output/generate.ts).
 */
function listedOutputSchema(tool: string): Record<string, unknown> | undefined {
  listed ??= new Map(
    Object.entries(TOOL_OUTPUT_OF_COMMAND).map(([name, id]) => {
      const { $id: _id, title: _title, ...schema } = generateCliSchemas().find((s) => s.file === `cli/${id}.schema.json`)!.schema as Record<string, unknown> & { properties: Record<string, unknown>; required?: string[] };
      const { root: _root, ...properties } = schema.properties as Record<string, unknown>;
      return [name, { ...schema, properties, ...(Array.isArray(schema.required) ? { required: (schema.required as string[]).filter((key) => key !== 'root') } : {}) }];
    }),
  );
  return listed.get(tool);
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
