import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

/** JSON-RPC 2.0's codes for a line that is no request (https://www.jsonrpc.org/specification#error_object). */
export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const INVALID_PARAMS = -32602;

/**
 * The SDK's stdio transport drops a line that is not JSON, or not a JSON-RPC message, and
 * only tells `onerror`: a client that sent one (a hand-written harness, a line cut short)
 * waited for an answer that never came. JSON-RPC 2.0 owes it one, with `id: null` since
 * no id can be read from it: -32700 for text that does not parse, -32600 for JSON that is
 * no message. (A refused request whose id can be read never gets here: invalid-requests.ts
 * answers it with its id.) The server goes on reading the next line either way. Call
 * after `server.connect(transport)`, which sets the `onerror` this wraps.
 */
export function answerMalformedLines(transport: Transport): void {
  const reported = transport.onerror;
  transport.onerror = (error) => {
    const answer = malformedLineAnswer(error);
    if (answer) void transport.send({ jsonrpc: '2.0', id: null, error: answer } as never).catch(() => undefined);
    reported?.(error);
  };
}

/** The error to answer for what the transport failed to read: undefined for a failure that is no line's (stdin's own error). */
export function malformedLineAnswer(error: Error): { code: number; message: string } | undefined {
  if (error instanceof SyntaxError) return { code: PARSE_ERROR, message: `Parse error: the line is not JSON (${error.message}); send one JSON-RPC 2.0 message per line` };
  // The SDK checks each message with its zod schema: a ZodError lists what the message lacks.
  if (error.name === 'ZodError') return { code: INVALID_REQUEST, message: 'Invalid Request: the line is JSON but not a JSON-RPC 2.0 message (expected an object with "jsonrpc": "2.0" and a "method", or a response with an "id")' };
  return undefined;
}
