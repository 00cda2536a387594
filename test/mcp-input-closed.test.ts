import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';

/** Runs `threadwork mcp` with `lines` as the whole of its stdin (closed once written): its stdout's JSON-RPC messages and its exit code. */
function mcpBatch(dir: string, lines: readonly object[]): Promise<{ code: number; messages: { id?: number | string | null; result?: { structuredContent?: Record<string, unknown> }; error?: unknown }[] }> {
  return mcpLines(dir, lines.map((line) => JSON.stringify(line)));
}

/** As mcpBatch, each line sent as written (a line that is not JSON included). */
function mcpLines(dir: string, lines: readonly string[]): Promise<{ code: number; messages: { id?: number | string | null; result?: { structuredContent?: Record<string, unknown> }; error?: unknown }[] }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, 'mcp', '--dir', dir], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, messages: stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as never) });
    });
    child.stdin!.end(lines.join('\n') + '\n');
  });
}

const INITIALIZE = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'batch', version: '1' } } },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
];

describe('threadwork mcp when the client closes its input', () => {
  it('answers every call sent before stdin closed — a write still under way included — then exits', async () => {
    const dir = exampleWorkspaceCopy();
    const { code, messages } = await mcpBatch(dir, [
      ...INITIALIZE,
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'create_deal', arguments: { company: 'Close Race Co', segment: 'mid-market-fintech' } } },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'check', arguments: {} } },
      { jsonrpc: '2.0', id: 4, method: 'tools/list' },
    ]);
    expect(code).toBe(0);
    expect(messages.map((m) => m.id).sort()).toEqual([1, 2, 3, 4]);
    const created = messages.find((m) => m.id === 2)!;
    expect(created.result?.structuredContent).toMatchObject({ ok: true });
    expect(existsSync(join(dir, 'threads/sales/close-race-co/meta.json'))).toBe(true);
    expect(git(dir, 'log', '-1', '--format=%s')).toContain('close-race-co');
    expect(messages.find((m) => m.id === 3)!.result?.structuredContent).toHaveProperty('diagnostics');
  });

  it('owes nothing to a call the client cancelled, and still exits', async () => {
    const dir = exampleWorkspaceCopy();
    const { code, messages } = await mcpBatch(dir, [
      ...INITIALIZE,
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'check', arguments: {} } },
      { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2, reason: 'no longer needed' } },
    ]);
    expect(code).toBe(0);
    expect(messages.some((m) => m.id === 1)).toBe(true);
  });
});

describe('threadwork mcp given a line that is no JSON-RPC message', () => {
  it('answers -32700 for text that is not JSON and -32600 for JSON that is no message, with id null, and answers the next request', async () => {
    const dir = exampleWorkspaceCopy();
    const { code, messages } = await mcpLines(dir, [JSON.stringify(INITIALIZE[0]), JSON.stringify(INITIALIZE[1]), '{"jsonrpc": "2.0", "id": 2, "method": "tools/li', '{"hello": "world"}', JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list' })]);
    expect(code).toBe(0);
    const errors = messages.filter((m) => m.error !== undefined);
    expect(errors).toEqual([
      { jsonrpc: '2.0', id: null, error: { code: -32700, message: expect.stringMatching(/^Parse error: the line is not JSON/) } },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: expect.stringMatching(/^Invalid Request/) } },
    ]);
    // Nothing else was answered for them, and the server read on.
    expect(messages.map((m) => m.id).sort()).toEqual([1, 3, null, null]);
    expect(messages.find((m) => m.id === 3)!.result).toHaveProperty('tools');
  });

  it('answers a refused request whose id can be read with that id: -32600 for a wrong request object, -32602 for params of the wrong shape', async () => {
    const dir = exampleWorkspaceCopy();
    const { code, messages } = await mcpBatch(dir, [
      ...INITIALIZE,
      { jsonrpc: '2.0', id: 7, method: 'tools/call', params: null },
      { jsonrpc: '2.0', id: 'eight', method: 'tools/call', params: [1] },
      { jsonrpc: '1.0', id: 9, method: 'tools/list' },
      { jsonrpc: '2.0', id: 10 },
      // No id to read: answered with id null, as before.
      { jsonrpc: '2.0', method: 'tools/call', params: null },
      { jsonrpc: '2.0', id: 11, method: 'tools/list' },
    ]);
    expect(code).toBe(0);
    const errors = messages.filter((m) => m.error !== undefined);
    expect(errors).toEqual([
      { jsonrpc: '2.0', id: 7, error: { code: -32600, message: expect.stringMatching(/^Invalid Request: "params" is null; expected an object/) } },
      { jsonrpc: '2.0', id: 'eight', error: { code: -32602, message: expect.stringMatching(/^Invalid params: params: expected object, received array/) } },
      { jsonrpc: '2.0', id: 9, error: { code: -32600, message: expect.stringMatching(/^Invalid Request: jsonrpc: expected "2.0"/) } },
      { jsonrpc: '2.0', id: 10, error: { code: -32600, message: expect.stringMatching(/^Invalid Request: method: expected string/) } },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: expect.stringMatching(/^Invalid Request/) } },
    ]);
    // One answer for each, and the server read on.
    expect(messages.map((m) => String(m.id)).sort()).toEqual(['1', '10', '11', '7', '9', 'eight', 'null']);
    expect(messages.find((m) => m.id === 11)!.result).toHaveProperty('tools');
  });
});

describe('threadwork mcp given a request whose params the protocol refuses', () => {
  it('answers -32602 naming each param, not -32603 (a bug) with the raw schema issues', async () => {
    const dir = exampleWorkspaceCopy();
    const { messages } = await mcpBatch(dir, [
      ...INITIALIZE,
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'check', arguments: null } },
      { jsonrpc: '2.0', id: 3, method: 'resources/read', params: {} },
      { jsonrpc: '2.0', id: 4, method: 'tools/list' },
    ]);
    expect(messages.find((m) => m.id === 2)?.error).toEqual({ code: -32602, message: 'Invalid params: params.arguments: expected record, received null' });
    expect(messages.find((m) => m.id === 3)?.error).toEqual({ code: -32602, message: 'Invalid params: params.uri: expected string, received undefined' });
    expect(messages.find((m) => m.id === 4)?.result).toHaveProperty('tools');
  });
});

describe('threadwork mcp tool annotations', () => {
  it('marks as destructive the writes that may replace what a person wrote, and only those among the writes', async () => {
    const dir = exampleWorkspaceCopy();
    const { messages } = await mcpBatch(dir, [...INITIALIZE, { jsonrpc: '2.0', id: 2, method: 'tools/list' }]);
    const tools = (messages.find((m) => m.id === 2)!.result as unknown as { tools: { name: string; annotations: { readOnlyHint: boolean; destructiveHint: boolean } }[] }).tools;
    const destructive = tools.filter((t) => t.annotations.destructiveHint).map((t) => t.name).sort();
    expect(destructive).toEqual(['draft_campaign', 'generate_strategy', 'write_stage']);
    expect(tools.filter((t) => t.annotations.readOnlyHint && t.annotations.destructiveHint)).toEqual([]);
  });
});
