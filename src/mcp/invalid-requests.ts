import { Transform, type Readable } from 'node:stream';
import { STDIO_DEFAULT_MAX_BUFFER_SIZE } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { JSONRPCMessageSchema, JSONRPCRequestSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { INVALID_PARAMS, INVALID_REQUEST } from './malformed-lines.js';

/**
 * A request the SDK's stdio transport refuses — `{"jsonrpc":"2.0","id":7,"method":
 * "tools/call","params":null}` — was dropped with the line, so the only answer it could
 * get was answerMalformedLines' `id: null`: the client never learnt which of its calls
 * failed. JSON-RPC 2.0 answers with the request's id whenever it can be read (`id: null`
 * only "if there was an error in detecting the id"). So the lines pass through here on
 * their way to the transport (its constructor takes the stream to read); a request with a
 * readable id that the transport would refuse is answered here with that id, and not
 * passed on. Every other line reaches the SDK byte for byte.
 *
 * The code, following JSON-RPC 2.0 §4 and §5.1:
 * - -32600 (invalid request) when the Request object itself is wrong: `params` present
 *   but no structured value (`null`, a string, a number: "params MUST be an Array or an
 *   Object"), `jsonrpc` not "2.0", no `method`, an id that is no string or integer, a
 *   member a request does not have;
 * - -32602 (invalid params) when only the params are wrong: a structured value, but not
 *   what MCP takes (an array, where every MCP method takes its params by name; a `_meta`
 *   that is no object).
 */
export function answeringInvalidRequests(input: Readable, answer: (message: JSONRPCMessage) => void): Readable {
  let pending: Buffer = Buffer.alloc(0);
  // A line longer than the SDK's read limit is handed on unread, so that the SDK's own limit refuses it as before.
  let passingLongLine = false;
  const lines = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let buffer = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      if (passingLongLine) {
        const end = buffer.indexOf(NEWLINE);
        if (end === -1) return done(null, buffer);
        passingLongLine = false;
        this.push(buffer.subarray(0, end + 1));
        buffer = buffer.subarray(end + 1);
      }
      let start = 0;
      for (let end = buffer.indexOf(NEWLINE); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
        const line = buffer.subarray(start, end + 1);
        const refusal = invalidRequestAnswer(line.toString('utf8'));
        if (refusal) answer(refusal);
        else this.push(line);
        start = end + 1;
      }
      pending = buffer.subarray(start);
      if (pending.length > STDIO_DEFAULT_MAX_BUFFER_SIZE) {
        passingLongLine = true;
        this.push(pending);
        pending = Buffer.alloc(0);
      }
      done();
    },
    flush(done) {
      // A last line without its newline: the SDK never reads one either.
      done(null, pending.length > 0 ? pending : undefined);
    },
  });
  input.on('error', (error) => lines.destroy(error));
  return input.pipe(lines);
}

const NEWLINE = 0x0a;

/** The error answer, with the request's own id, for a line the SDK's transport would refuse; undefined for a line it reads, and for one whose id cannot be read (answerMalformedLines answers that with `id: null`). */
export function invalidRequestAnswer(line: string): JSONRPCMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  const id = message.id;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  // A response the client sent back (to a request of the server's) is never answered with an error of its id: that id is the server's own.
  if ('result' in message || 'error' in message) return undefined;
  if (JSONRPCMessageSchema.safeParse(value).success) return undefined;
  return { jsonrpc: '2.0', id, error: requestDefect(message) } as JSONRPCMessage;
}

/** What is wrong with a request that has a readable id, with its JSON-RPC code. */
function requestDefect(message: Record<string, unknown>): { code: number; message: string } {
  const params = message.params;
  if ('params' in message && (typeof params !== 'object' || params === null)) {
    return { code: INVALID_REQUEST, message: `Invalid Request: "params" is ${JSON.stringify(params) ?? 'undefined'}; expected an object of the method's params by name, or no "params" member (JSON-RPC 2.0: params, when present, is an object or an array)` };
  }
  const issues = JSONRPCRequestSchema.safeParse(message).error?.issues ?? [];
  const named = issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message.replace(/^Invalid input: /, '')}`).join('; ');
  const onlyParams = issues.length > 0 && issues.every((issue) => issue.path[0] === 'params');
  return onlyParams ? { code: INVALID_PARAMS, message: `Invalid params: ${named} (every MCP method takes its params by name, in an object)` } : { code: INVALID_REQUEST, message: `Invalid Request: ${named}; expected a JSON-RPC 2.0 request: "jsonrpc": "2.0", an "id", a "method" and, optionally, "params"` };
}
