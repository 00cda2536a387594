import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount } from './helpers/git.js';
import { installedCopy, upgrade } from './helpers/installed-copy.js';
import { connectMcp, type ToolAnswer } from './helpers/mcp.js';

/*
 * An MCP server whose engine is upgraded or rebuilt under it went on writing with its old
 * code beside the new CLI, each rewriting the other's derived files (the watcher stops for
 * it: test/watch-engine-replaced.test.ts). A write tool now asks whether the installed engine
 * is still its own (at most once per call, the answer kept 2 s) and is refused once it is
 * not, telling the agent to restart the server; reads go on. The server runs from an
 * installed copy of the package, replaced on disk as an upgrade replaces it.
 */
interface Refused {
  ok: false;
  error: { code: string; message: string; tool: string; running: string; installed: string };
}

describe('an MCP server whose engine was replaced on disk', () => {
  it('refuses every write once its own files are replaced, writing nothing, tells the agent to restart it, and goes on reading', async () => {
    const installed = installedCopy();
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir, {}, { bin: join(installed, 'bin', 'threadwork.js') });
    await mcp.ok('create_deal', { company: 'Fjord Payments', segment: 'mid-market-fintech' });

    upgrade(installed);
    // "Unchanged" is kept 2 s: a sync (nothing to write in a synced workspace) is sent until the server sees the upgrade.
    const deadline = Date.now() + 30_000;
    let sync: ToolAnswer<Refused>;
    do sync = await mcp.call<Refused>('sync');
    while (!sync.isError && Date.now() < deadline);
    expect(sync.isError, sync.text).toBe(true);
    expect(sync.data.error).toMatchObject({ code: 'engine-replaced', tool: 'sync' });
    expect(sync.data.error.running).not.toBe(sync.data.error.installed);
    expect(sync.data.error.message).toContain('threadwork was updated on disk');
    expect(sync.data.error.message).toContain('restart the threadwork MCP server');

    const commits = commitCount(dir);
    const deal = await mcp.call<Refused>('create_deal', { company: 'Harbor Two', segment: 'mid-market-fintech' });
    expect(deal.isError).toBe(true);
    expect(deal.data.error).toMatchObject({ code: 'engine-replaced', tool: 'create_deal' });
    expect(deal.text).toContain('create_deal was not run and nothing was written');
    expect(commitCount(dir)).toBe(commits);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('');

    const threads = await mcp.call<{ ok: boolean }>('list_threads');
    expect(threads.isError, threads.text).toBe(false);
    expect(mcp.stderr()).toContain('write tools are refused from now on, reads go on');
  }, 120_000);
});
