import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';
import { replaceInFile } from './helpers/testdir.js';

/*
 * `read_thread` answered by a running MCP server (its warm workspace holds every thread's
 * broken files) against the library's cold `openWorkspace(dir).readThread`, which reads the
 * thread, the canvas and the config only: the same answer, holds included.
 */
describe('read_thread served, as the library reads it cold', () => {
  it('names the holds of the thread and of the shared files, never another thread’s', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    await mcp.ok('list_threads'); // the server has read the workspace: the breaks below are edits it sees
    replaceInFile(dir, 'threads/sales/keel-neobank/4-decision.md', 'criteria:', 'criteria: [\nbroken:');
    replaceInFile(dir, 'threads/sales/cobalt-remit/2-hypothesis.md', 'tests:', 'tests: [A5\nbroken:');
    replaceInFile(dir, 'strategy/canvas/04-segments.md', 'segments:', 'segments: [\nbroken:');
    const { ok: _ok, ...served } = await mcp.ok<Record<string, unknown>>('read_thread', { thread: 'keel-neobank' });
    const cold = JSON.parse(JSON.stringify(await (await openWorkspace(dir)).readThread('keel-neobank'))) as Record<string, unknown>;
    expect(served).toEqual(cold);
    expect((cold.held as { path: string }[]).map((d) => d.path)).toEqual(['strategy/canvas/04-segments.md', 'threads/sales/keel-neobank/4-decision.md']);
  }, 120_000);

  it('checks a deal sourced from a campaign against the campaigns there, as check does: no unknown-campaign warning cold', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const { ok: _ok, ...served } = await mcp.ok<Record<string, unknown>>('read_thread', { thread: 'cobalt-remit' });
    const cold = JSON.parse(JSON.stringify(await (await openWorkspace(dir)).readThread('cobalt-remit'))) as Record<string, unknown>;
    expect(served).toEqual(cold);
    expect((cold.meta as { source: string }).source).toBe('campaign:2026-09-15-fintech-controller-outbound');
    expect((cold.diagnostics as { rule: string }[]).map((d) => d.rule)).not.toContain('unknown-campaign');
  }, 120_000);
});
