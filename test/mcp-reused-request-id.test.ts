import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/*
 * Two tools/call requests sent with one id, the first still under way when the second
 * came (against JSON-RPC, but a client may do it). The server kept calls by id: the SDK's
 * refusal of the first call's arguments was said again from the second call's, and the
 * second's refusal lost its own. Each request now has an id of its own inside the server
 * (src/mcp/request-ids.ts), and each answer goes out with the id the client sent.
 */
interface Answer {
  id?: number | string | null;
  result?: { isError?: boolean; structuredContent?: { error?: { code: string; missingArguments?: string[]; arguments?: { argument: string; given?: unknown }[] } } };
}

function mcpBatch(dir: string, lines: readonly object[]): Promise<{ code: number; messages: Answer[] }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, 'mcp', '--dir', dir], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, messages: stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Answer) });
    });
    // One write: both calls are read, and remembered, before either is answered.
    child.stdin!.end(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  });
}

describe('two tools/call requests with one id in flight', () => {
  it("answers each refusal from its own call's arguments, with the id sent", async () => {
    const dir = exampleWorkspaceCopy();
    const { code, messages } = await mcpBatch(dir, [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'batch', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'read_thread', arguments: {} } },
      { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'read_thread', arguments: { thread: 42 } } },
    ]);
    expect(code).toBe(0);
    const answers = messages.filter((m) => m.id === 7);
    expect(answers).toHaveLength(2);
    const errors = answers.map((a) => a.result?.structuredContent?.error);
    // The call without `thread`: its refusal names it missing, and no value sent.
    expect(errors).toContainEqual(expect.objectContaining({ code: 'invalid-arguments', missingArguments: ['thread'] }));
    expect(errors.find((e) => e?.missingArguments)?.arguments ?? []).not.toContainEqual(expect.objectContaining({ given: 42 }));
    // The call with `thread: 42`: its refusal names the number sent, and nothing missing.
    const wrongType = errors.find((e) => e?.arguments?.some((a) => a.argument === 'thread' && a.given === 42));
    expect(wrongType, JSON.stringify(errors)).toBeDefined();
    expect(wrongType!.missingArguments).toBeUndefined();
  });
});
