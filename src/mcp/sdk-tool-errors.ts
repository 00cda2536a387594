import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { ErrorCode } from '../diagnostics-catalog.js';
import { toolArgumentNames } from './inputs.js';

/**
 * Tool errors the SDK answers before a threadwork handler runs — arguments a tool's input
 * schema refuses, a tool that does not exist — carried only the SDK's text ("MCP error
 * -32602: Input validation error: …"), where every other tool error has threadwork's
 * envelope as `structuredContent` (docs/mcp.md): an agent reading `error.code` found
 * nothing. The transport gives them that envelope as they leave, with the SDK's prefix
 * taken off the message. (The SDK builds these answers in methods it keeps to itself; the
 * wire is where they can be met with its public API.)
 */
export function withToolErrorEnvelope<T extends Transport>(transport: T): T {
  const send = transport.send.bind(transport);
  transport.send = (message, options) => send(enveloped(message), options);
  return transport;
}

interface ToolErrorResult {
  isError?: unknown;
  structuredContent?: unknown;
  content?: unknown;
}

/** `message`, with the envelope added when it is a tool error without one (only the SDK's own answers lack it). */
export function enveloped(message: JSONRPCMessage): JSONRPCMessage {
  if (!('result' in message)) return message;
  const result = message.result as ToolErrorResult;
  if (result.isError !== true || result.structuredContent !== undefined || !Array.isArray(result.content)) return message;
  const text = (result.content as { text?: unknown }[]).map((part) => (typeof part.text === 'string' ? part.text : '')).join('\n');
  const error = sdkToolError(text);
  const body = { ok: false, error };
  return { ...message, result: { ...result, content: [{ type: 'text', text: error.message }, { type: 'text', text: JSON.stringify(body, null, 2) }], structuredContent: body } };
}

const INVALID_ARGUMENTS = /^(?:MCP error -?\d+: )?Input validation error: Invalid arguments for tool (\S+): ([\s\S]*)$/;
const UNKNOWN_TOOL = /^(?:MCP error -?\d+: )?Tool (\S+) not found$/;

/** What the SDK's text says, as a threadwork error: its code, and the message without the protocol's prefix. */
function sdkToolError(text: string): { code: ErrorCode; message: string; tool?: string } {
  const invalid = INVALID_ARGUMENTS.exec(text);
  if (invalid) return { code: 'invalid-arguments', message: `Invalid arguments for ${invalid[1]}: ${invalid[2]!.trim()}${argumentsTaken(invalid[1]!, invalid[2]!)}`, tool: invalid[1]! };
  const unknown = UNKNOWN_TOOL.exec(text);
  if (unknown) return { code: 'unknown-tool', message: `No tool named ${unknown[1]}: see tools/list for the tools this server has`, tool: unknown[1]! };
  return { code: 'invalid-arguments', message: text.replace(/^MCP error -?\d+: /, '') };
}

/** For an argument the tool does not take (a typo, another spelling): the ones it does, to retry with. */
function argumentsTaken(tool: string, problems: string): string {
  if (!/Unrecognized keys?:/.test(problems)) return '';
  const names = toolArgumentNames(tool);
  if (names === undefined) return '';
  return names.length === 0 ? `; expected no arguments: ${tool} takes none` : `; expected only the arguments ${tool} takes: ${names.join(', ')}`;
}
