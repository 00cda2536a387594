import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { STDIO_DEFAULT_MAX_BUFFER_SIZE } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { answeringInvalidRequests } from '../src/mcp/invalid-requests.js';

/** Writes `chunks` through answeringInvalidRequests: the bytes it hands on, and the answers it gave itself. */
async function throughFilter(chunks: readonly string[]): Promise<{ passed: string; answers: unknown[] }> {
  const input = new PassThrough();
  const answers: unknown[] = [];
  const lines = answeringInvalidRequests(input, (answer) => answers.push(answer));
  const passed: Buffer[] = [];
  lines.on('data', (chunk: Buffer) => passed.push(chunk));
  const ended = new Promise((resolve) => lines.once('end', resolve));
  for (const chunk of chunks) input.write(chunk);
  input.end();
  await ended;
  return { passed: Buffer.concat(passed).toString('utf8'), answers };
}

describe('the lines on their way to the MCP transport', () => {
  it('hands on every line it does not answer byte for byte, however the chunks cut them', async () => {
    const valid = '{"jsonrpc":"2.0","id":1,"method":"tools/list"}\r\n';
    const noId = '{"jsonrpc":"2.0","method":"tools/call","params":null}\n';
    const notJson = '{"jsonrpc": "2.0", "id": 2, "method": "tools/li\n';
    const refused = '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":null}\n';
    const unfinished = '{"jsonrpc":"2.0","id":4';
    const text = valid + refused + noId + notJson + '\n' + unfinished;
    const { passed, answers } = await throughFilter([text.slice(0, 7), text.slice(7, 60), text.slice(60, 61), text.slice(61)]);
    expect(passed).toBe(valid + noId + notJson + '\n' + unfinished);
    expect(answers).toEqual([{ jsonrpc: '2.0', id: 3, error: { code: -32600, message: expect.stringMatching(/^Invalid Request: "params" is null/) } }]);
  });

  it('hands on a line longer than the SDK reads unread, so that its own limit refuses it', async () => {
    const long = `{"jsonrpc":"2.0","id":5,"method":"tools/call","params":null,"x":"${'a'.repeat(STDIO_DEFAULT_MAX_BUFFER_SIZE)}"}\n`;
    const next = '{"jsonrpc":"2.0","id":6,"method":"tools/call","params":null}\n';
    const { passed, answers } = await throughFilter([long.slice(0, STDIO_DEFAULT_MAX_BUFFER_SIZE / 2), long.slice(STDIO_DEFAULT_MAX_BUFFER_SIZE / 2, STDIO_DEFAULT_MAX_BUFFER_SIZE + 10), long.slice(STDIO_DEFAULT_MAX_BUFFER_SIZE + 10) + next]);
    expect(passed.length).toBe(long.length);
    expect(passed === long).toBe(true);
    expect(answers).toEqual([expect.objectContaining({ id: 6 })]);
  });
});
