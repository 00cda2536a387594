import { ErrorCode, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { reportsAnError, withOk } from '../answer-ok.js';
import { answerInToolTerms, inToolTerms } from './tool-wording.js';

/**
 * When a tool's `ok` is false: 'on-errors' for the tools whose CLI command exits 1 when its
 * diagnostics hold an error (sync, generate_strategy), so both say the same; 'never' for
 * the rest — a read of a thread in error did what was asked, and says so with ok true.
 */
export type Failing = 'never' | 'on-errors';

/**
 * A tool's answer: the data as JSON text (what every client shows the model) and as
 * structured content (what clients that read structure use).
 */
export function toolResult(answer: unknown, fails: Failing = 'never'): CallToolResult {
  const translated = answerInToolTerms(answer);
  const data = withOk(translated, fails === 'never' || !reportsAnError(translated));
  const structured = (data !== null && typeof data === 'object' && !Array.isArray(data) ? data : { result: data }) as Record<string, unknown>;
  return { content: [{ type: 'text', text: JSON.stringify(data, null, 2) }], structuredContent: structured };
}

/**
 * A failed call as a tool error the model can act on — the message first (in the tools'
 * terms: tool-wording.ts), then the details (diagnostics with path, line, column and
 * field) — never a crashed server.
 * Bugs (anything not a ThreadworkError) say so, with the stack on the server's stderr.
 */
export function toolError(error: unknown): CallToolResult {
  if (error instanceof ThreadworkError) {
    const details = answerInToolTerms(error.details);
    const diagnostics = (details?.diagnostics as Diagnostic[] | undefined) ?? [];
    const message = inToolTerms(error.message);
    const body = { ok: false, error: { code: error.code, message, ...details } };
    // With diagnostics, the message's own list is replaced by the fuller lines (with fields).
    const lines = diagnostics.length ? [message.split('\n')[0]!, ...diagnostics.map((d) => `  ${formatDiagnostic(d)}${d.field ? ` [field ${d.field}]` : ''}`)] : [message];
    return { isError: true, content: [{ type: 'text', text: lines.join('\n') }, { type: 'text', text: JSON.stringify(body, null, 2) }], structuredContent: body };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.stack) process.stderr.write(`threadwork mcp: internal error: ${error.stack}\n`);
  const body = { ok: false, error: { code: 'internal', message } };
  return { isError: true, content: [{ type: 'text', text: `Internal error (a threadwork bug; the server goes on): ${message}` }], structuredContent: body };
}

/** Runs a tool handler and turns whatever it throws into a tool error. */
export async function answer(work: () => Promise<unknown>, fails: Failing = 'never'): Promise<CallToolResult> {
  try {
    return toolResult(await work(), fails);
  } catch (error) {
    return toolError(error);
  }
}

/**
 * A failed resource read as the JSON-RPC error a client can act on. A ThreadworkError
 * is about what was asked for — a refused path, a thread or file that does not exist —
 * so it answers invalid params (-32602, what the SDK itself answers for a URI no
 * resource matches), with its message (which names the path and why) and `data`
 * carrying the threadwork code and details, as a tool error's body does. Anything else
 * is a bug: the SDK answers internal error (-32603), with the stack on stderr.
 *
 * Not an McpError: its message would carry an "MCP error -32602:" prefix onto the wire,
 * and clients add their own. The SDK sends any error's numeric `code`, `message` and `data`.
 */
export function resourceError(error: unknown): unknown {
  if (error instanceof ThreadworkError) return Object.assign(new Error(inToolTerms(error.message)), { code: ErrorCode.InvalidParams, data: { code: error.code, ...answerInToolTerms(error.details) } });
  if (error instanceof Error && error.stack) process.stderr.write(`threadwork mcp: internal error: ${error.stack}\n`);
  return error;
}

/** A resource read callback whose failures are answered by `resourceError`. */
export function guardedRead<A extends unknown[], R>(read: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await read(...args);
    } catch (error) {
      throw resourceError(error);
    }
  };
}
