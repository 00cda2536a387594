import { describe, expect, it } from 'vitest';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { enveloped } from '../src/mcp/sdk-tool-errors.js';

/*
 * The SDK refuses a call's arguments in zod's words ("expected string, received undefined at
 * thread"). A missing argument used to be reworded from that text (`namingMissing`); since
 * every call is remembered and checked again against the same schema (argument-problems.ts),
 * that rewording ran for no call and was removed. Here both paths, on the SDK's own answer
 * as it leaves the server (test/mcp-missing-argument.test.ts runs the first on the real server).
 */
const SDK_TEXT = 'MCP error -32602: Input validation error: Invalid arguments for tool read_thread: Invalid input: expected string, received undefined at thread';

function sdkRefusal(): JSONRPCMessage {
  return { jsonrpc: '2.0', id: 7, result: { isError: true, content: [{ type: 'text', text: SDK_TEXT }] } } as JSONRPCMessage;
}

function errorOf(message: JSONRPCMessage): Record<string, unknown> {
  return ((message as unknown as { result: { structuredContent: { error: Record<string, unknown> } } }).result.structuredContent).error;
}

describe("the SDK's refusal of a tool's arguments, given threadwork's envelope", () => {
  it('names each argument left out, from the call as received', () => {
    const error = errorOf(enveloped(sdkRefusal(), { name: 'read_thread', arguments: {} }));
    expect(error).toMatchObject({ code: 'invalid-arguments', tool: 'read_thread', missingArguments: ['thread'] });
    expect(error.message).toBe('Invalid arguments for read_thread: missing required argument `thread`: expected a string, not empty — e.g. "thread": "acme-corp"');
  });

  it("keeps the SDK's words without the protocol's prefix for a call it cannot match (two calls sent with one id)", () => {
    const error = errorOf(enveloped(sdkRefusal(), undefined));
    expect(error).toEqual({ code: 'invalid-arguments', tool: 'read_thread', message: 'Invalid arguments for read_thread: Invalid input: expected string, received undefined at thread' });
  });
});
