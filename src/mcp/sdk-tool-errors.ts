import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { ErrorCode } from '../diagnostics-catalog.js';
import { toolArgumentNames } from './inputs.js';
import { argumentProblems, type ArgumentProblem } from './argument-problems.js';
import { INVALID_PARAMS } from './malformed-lines.js';

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
  const calls = rememberToolCalls(transport);
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    const call = 'id' in message && message.id !== undefined && !('method' in message) ? calls.take(message.id) : undefined;
    return send(enveloped(message, call), options);
  };
  return transport;
}

/** A `tools/call` request as received: the tool named and the arguments sent. */
export interface ToolCall {
  name: string;
  arguments: unknown;
}

/**
 * The tool calls received and not yet answered, by request id: the SDK's refusal of their
 * arguments names neither the values sent nor what would do, and is said again from them.
 * The server sets the transport's `onmessage` when it connects; each message reaches it
 * through here.
 */
function rememberToolCalls(transport: Transport): { take: (id: string | number) => ToolCall | undefined } {
  const pending = new Map<string | number, ToolCall>();
  const noting = (handler: NonNullable<Transport['onmessage']>): Transport['onmessage'] => (message, extra) => {
    if ('method' in message && 'id' in message && message.method === 'tools/call') {
      const params = (message.params ?? {}) as { name?: unknown; arguments?: unknown };
      if (typeof params.name === 'string') pending.set(message.id, { name: params.name, arguments: params.arguments });
    }
    handler(message, extra);
  };
  // The handler as set, wrapped once: whoever reads it to wrap it in turn (pending-requests.ts) gets a fixed function.
  // A property already defined so (request-ids.ts) is kept: it meets each message first, then this.
  const previous = Object.getOwnPropertyDescriptor(transport, 'onmessage');
  let wrapped: Transport['onmessage'];
  Object.defineProperty(transport, 'onmessage', {
    configurable: true,
    get: () => (previous?.set && previous.get ? (previous.get.call(transport) as Transport['onmessage']) : wrapped),
    set: (handler: Transport['onmessage']) => {
      wrapped = handler && noting(handler);
      if (previous?.set) previous.set.call(transport, wrapped);
    },
  });
  return {
    take: (id) => {
      const call = pending.get(id);
      pending.delete(id);
      return call;
    },
  };
}

interface ToolErrorResult {
  isError?: unknown;
  structuredContent?: unknown;
  content?: unknown;
}

/** `message`, with the envelope added when it is a tool error without one (only the SDK's own answers lack it). */
export function enveloped(message: JSONRPCMessage, call?: ToolCall): JSONRPCMessage {
  if ('error' in message) return withParamsErrorNamed(message);
  if (!('result' in message)) return message;
  const result = message.result as ToolErrorResult;
  if (result.isError !== true || result.structuredContent !== undefined || !Array.isArray(result.content)) return message;
  const text = (result.content as { text?: unknown }[]).map((part) => (typeof part.text === 'string' ? part.text : '')).join('\n');
  const error = sdkToolError(text, call);
  const body = { ok: false, error };
  return { ...message, result: { ...result, content: [{ type: 'text', text: error.message }, { type: 'text', text: JSON.stringify(body, null, 2) }], structuredContent: body } };
}

const INVALID_ARGUMENTS = /^(?:MCP error -?\d+: )?Input validation error: Invalid arguments for tool (\S+): ([\s\S]*)$/;
const UNKNOWN_TOOL = /^(?:MCP error -?\d+: )?Tool (\S+) not found$/;

/** What the SDK's text says, as a threadwork error: its code, and the message without the protocol's prefix. */
function sdkToolError(text: string, call: ToolCall | undefined): { code: ErrorCode; message: string; tool?: string; missingArguments?: string[]; known?: string[]; arguments?: ArgumentProblem[] } {
  const invalid = INVALID_ARGUMENTS.exec(text);
  const problems = invalid && call && call.name === invalid[1] ? argumentProblems(call.name, call.arguments) : undefined;
  if (invalid && problems) {
    const tool = invalid[1]!;
    const known = problems.unknown.length ? toolArgumentNames(tool) : knownChoices(tool, invalid[2]!);
    return {
      code: 'invalid-arguments',
      message: `Invalid arguments for ${tool}: ${problems.lines.join('\n')}${argumentsTaken(tool, invalid[2]!)}`,
      tool,
      ...(problems.missing.length ? { missingArguments: problems.missing } : {}),
      ...(known ? { known } : {}),
      ...(problems.arguments.length ? { arguments: problems.arguments } : {}),
    };
  }
  if (invalid) {
    // Every tools/call is remembered before the SDK reads it, by an id of its own even when the
    // client reused one still under way (request-ids.ts), and the SDK refuses with the very
    // schema argumentProblems parses (TOOL_ARGUMENTS, `args ?? {}`): a call not remembered, which
    // no server path makes, gets here. The SDK's words are kept, with the tool named.
    const known = knownChoices(invalid[1]!, invalid[2]!);
    return { code: 'invalid-arguments', message: `Invalid arguments for ${invalid[1]}: ${invalid[2]!.trim()}${argumentsTaken(invalid[1]!, invalid[2]!)}`, tool: invalid[1]!, ...(known ? { known } : {}) };
  }
  const unknown = UNKNOWN_TOOL.exec(text);
  if (unknown) return { code: 'unknown-tool', message: `No tool named ${unknown[1]}: see tools/list for the tools this server has`, tool: unknown[1]! };
  return { code: 'invalid-arguments', message: text.replace(/^MCP error -?\d+: /, '') };
}

/** zod's line for a value outside an argument's choices: `Invalid option: expected one of "sales-deal"|"marketing" at type`. */
const INVALID_OPTION = /^Invalid option: expected one of ((?:"[^"]*"\|?)+) at [A-Za-z_]+$/;

/**
 * What to retry with, as data (`known`), as the command's refusal of an unknown option gives
 * the options it takes: for an argument the tool does not take, the arguments it does; for
 * one value outside its argument's choices, those choices. Undefined when the problems name
 * neither, or choices of more than one argument (one list could not say whose).
 */
function knownChoices(tool: string, problems: string): string[] | undefined {
  if (/Unrecognized keys?:/.test(problems)) return toolArgumentNames(tool);
  const choices = problems.split('\n').flatMap((line) => {
    const match = INVALID_OPTION.exec(line.trim());
    return match ? [[...match[1]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!)] : [];
  });
  return choices.length === 1 ? choices[0] : undefined;
}

/** For an argument the tool does not take (a typo, another spelling): the ones it does, to retry with. */
function argumentsTaken(tool: string, problems: string): string {
  if (!/Unrecognized keys?:/.test(problems)) return '';
  const names = toolArgumentNames(tool);
  if (names === undefined) return '';
  return names.length === 0 ? `; expected no arguments: ${tool} takes none` : `; expected only the arguments ${tool} takes: ${names.join(', ')}`;
}

/**
 * A request whose params the SDK's own schema refuses (`tools/call` with `"arguments":
 * null`, `resources/read` without a `uri`) was answered -32603, internal error — which
 * docs/mcp.md keeps for a bug — with the raw zod issues as its message. It is the client's
 * error: answered -32602, invalid params, each issue as `params.arguments: expected record,
 * received null`.
 */
function withParamsErrorNamed(message: JSONRPCMessage & { error: { code: number; message: string } }): JSONRPCMessage {
  if (message.error.code !== INTERNAL_ERROR) return message;
  const issues = schemaIssues(message.error.message);
  if (!issues) return message;
  const named = issues.map((issue) => `${issue.path.join('.')}: ${issue.message.replace(/^Invalid input: /, '')}`).join('; ');
  return { ...message, error: { code: INVALID_PARAMS, message: `Invalid params: ${named}` } };
}

const INTERNAL_ERROR = -32603;

/** The issues of a zod error's message (a JSON list of `{path, message}`), or undefined for any other text. */
function schemaIssues(text: string): { path: (string | number)[]; message: string }[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed) || parsed.length === 0) return undefined;
    const issues = parsed.filter((i): i is { path: (string | number)[]; message: string } => typeof i === 'object' && i !== null && Array.isArray((i as { path?: unknown }).path) && typeof (i as { message?: unknown }).message === 'string');
    return issues.length === parsed.length ? issues : undefined;
  } catch {
    return undefined;
  }
}
