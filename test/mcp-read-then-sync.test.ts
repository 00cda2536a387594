import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

interface SyncAnswer {
  written: string[];
  changes: { subject: string; description: string }[];
}

const INPUT = 'threads/sales/fernway-home/1-input.md';
const META = 'threads/sales/fernway-home/meta.json';

/**
 * The warm server derives only the threads that changed since its last sync planned them.
 * A read (a report, a list, a thread, a dry run) derives too, but writes nothing: the
 * change it saw first must still reach meta.json at the next sync, as it does cold.
 */
describe('an MCP sync after a read tool saw a hand edit first', () => {
  const reads: [string, Record<string, unknown>][] = [
    ['list_threads', {}],
    ['report', { name: 'pipeline' }],
    ['read_thread', { thread: 'fernway-home' }],
    ['sync', { dry_run: true }],
  ];
  it.each(reads)('writes the edited thread’s meta.json after %s, as a cold sync does, and leaves the fixed point', async (tool, args) => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    await mcp.ok('sync');
    // A person's editor changes a fact the thread's derived values follow from.
    const input = join(dir, INPUT);
    writeFileSync(input, readFileSync(input, 'utf8').replace('industry: consumer goods', 'industry: payments'));
    await mcp.ok(tool, args);

    const synced = await mcp.ok<SyncAnswer>('sync');
    expect(synced.written).toContain(META);
    expect(synced.changes.map((c) => c.subject)).toContain('threads/sales/fernway-home');
    // Nothing left for a cold sync to write: the server's sync is the one it would have made.
    const cold = await runJson<SyncAnswer>(['sync', '--dry-run'], { cwd: dir, env: { THREADWORK_NO_SERVER: '1' } });
    expect(cold.json.written).toEqual([]);
  });
});
