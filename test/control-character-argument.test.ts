import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { asCliJson } from './helpers/in-process.js';
import { connectMcp } from './helpers/mcp.js';

/**
 * `history "A1\n"` (an id pasted with its line break, an agent's stray `\n`) answered
 * "Unknown thread": the subject was no assumption id with its control character, so it was
 * taken for a thread, whose check looked at the argument trimmed, and found no folder.
 * `advance "brightcart\n"` went on with the deal. An id or a thread path with a control
 * character is refused for it, wherever it stands, as `deal new` refuses a name with one.
 */

interface Refusal {
  ok: false;
  error: { code: string; message: string };
}

describe('a control character in an id or thread argument', () => {
  it('history refuses it through the CLI, naming the subject as typed and what was expected', async () => {
    const dir = exampleWorkspaceCopy();
    const { code, json } = await runJson<Refusal>(['history', 'A1\n'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.error.code).toBe('invalid-arguments');
    expect(json.error.message).toBe('Refused subject "A1\\n": it contains control characters (U+000A). Expected an assumption id (A1), a goal id (g-arr-500k-2026) or a thread (threads/sales/acme-corp, or its folder name), on one line.');
  });

  it.each([
    ['history of a goal', 'U+0007', (w: Awaited<ReturnType<typeof openWorkspace>>) => w.history('g-first\u0007')],
    ['history of a thread', 'U+000D', (w: Awaited<ReturnType<typeof openWorkspace>>) => w.history('threads/sales/brightcart\r')],
    ['advance', 'U+000A', (w: Awaited<ReturnType<typeof openWorkspace>>) => w.advance('brightcart\n')],
    ['read a thread', 'U+0009, U+001B', (w: Awaited<ReturnType<typeof openWorkspace>>) => w.readThread('\tbright\u001bcart\t')],
  ])('%s refuses it, naming each character (%s)', async (_what, named, call) => {
    const dir = exampleWorkspaceCopy();
    const workspace = await openWorkspace(dir);
    const { code, json } = await asCliJson<Refusal>(() => call(workspace));
    expect(code).toBe(1);
    expect(json.error.message).toMatch(/^Refused (subject|thread) ".*": it contains control characters \(([^)]*)\)\. Expected /);
    expect(/control characters \(([^)]*)\)/.exec(json.error.message)?.[1]).toBe(named);
  });

  it('the MCP history tool refuses it in the CLI\'s words', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const cli = await runJson<Refusal>(['history', 'A1\n'], { cwd: dir });
    const answer = await mcp.call<Refusal>('history', { subject: 'A1\n' });
    expect(answer.isError).toBe(true);
    expect(answer.data).toEqual(cli.json);
  });
});
