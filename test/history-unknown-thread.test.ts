import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

interface Refusal {
  ok: false;
  error: { code: string; message: string };
}

/*
 * `history` of a thread that neither exists nor was ever committed answered "no such folder
 * under threads/ (create one with `threadwork deal new`)" — the MCP tool "with the
 * `create_deal` tool" — advice for opening a deal, not for reading a trail, where an unknown
 * assumption or goal says that no threadwork commit names it either. It now says the same.
 */
describe('history of a thread no folder and no commit knows', () => {
  it('says that no commit names it, as for an assumption or a goal, in the command and the tool alike', async () => {
    const dir = exampleWorkspaceCopy();
    const cli = await runJson<Refusal>(['history', 'threads/sales/nobody-inc'], { cwd: dir });
    expect(cli.code).toBe(1);
    expect(cli.json.error).toEqual({ code: 'unknown-thread', message: 'Unknown thread "threads/sales/nobody-inc": no such folder under threads/, and no threadwork commit names it either' });
    const mcp = await connectMcp(dir);
    const answer = await mcp.call<Refusal>('history', { subject: 'threads/sales/nobody-inc' });
    expect(answer.isError).toBe(true);
    expect(answer.data).toEqual(cli.json);
    // A near name is still offered, and a thread that does not exist elsewhere is still told to create one.
    expect((await runJson<Refusal>(['history', 'keel-neobnak'], { cwd: dir })).json.error.message).toContain('did you mean threads/sales/keel-neobank?');
    expect((await runJson<Refusal>(['advance', 'threads/sales/nobody-inc'], { cwd: dir })).json.error.message).toContain('(create one with `threadwork deal new`)');
  });
});
