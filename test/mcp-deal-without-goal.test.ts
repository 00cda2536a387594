import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

interface Diagnostic {
  path: string;
  rule: string;
  message: string;
}

const META = 'threads/sales/fjord-payments/meta.json';

/*
 * A deal opened without a goal is warned `deal-without-goal`: "expected "goal_id" in its
 * meta.json". An agent is told meta.json holds what sync derives and never to write derived
 * values, and no tool set the link: told only that, it did nothing. Through MCP the warning
 * names the `link_goal` tool; a link set in meta.json by hand is still kept and counted.
 */
describe('deal-without-goal through MCP', () => {
  it('says how an agent links the deal, and following it counts the deal toward the goal', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const created = await mcp.ok<{ warnings: Diagnostic[] }>('create_deal', { company: 'Fjord Payments', segment: 'mid-market-fintech' });
    const warning = created.warnings.find((d) => d.rule === 'deal-without-goal')!;
    expect(warning.message).toContain('link it with the `link_goal` tool, "goal" one of g-arr-500k-2026, g-fintech-beachhead');
    // The CLI keeps its own words.
    const cli = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--json', '--dir', dir]);
    expect(cli.json.diagnostics.find((d) => d.rule === 'deal-without-goal')!.message).toContain('expected `"goal_id"` in its meta.json naming one of');

    // The link set by hand (as a person does) is kept by sync, which counts the deal and commits it; test/mcp-link-goal.test.ts sets it with the tool.
    const meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, META), `${JSON.stringify({ ...meta, goal_id: 'g-fintech-beachhead' }, null, 2)}\n`);
    const synced = await mcp.ok<{ commit: { committed: boolean; paths: string[] } }>('sync', {});
    expect(synced.commit).toMatchObject({ committed: true, paths: expect.arrayContaining([META]) });
    expect(JSON.parse(readFileSync(join(dir, META), 'utf8'))).toMatchObject({ goal_id: 'g-fintech-beachhead' });
    const checked = await mcp.ok<{ diagnostics: Diagnostic[] }>('check', {});
    expect(checked.diagnostics.filter((d) => d.rule === 'deal-without-goal')).toEqual([]);
  });
});

/* The same for closed-before-created, which asked an agent to "set `created`" with no word of where or how: now the `set_created` tool. */
describe('closed-before-created through MCP', () => {
  it('says where `created` is and how an agent sets it', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const path = 'threads/sales/harbor-lending/6-learning.md';
    writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace(/^closed: .*$/m, 'closed: 2026-01-02'));
    const checked = await mcp.ok<{ diagnostics: Diagnostic[] }>('check', {});
    const error = checked.diagnostics.find((d) => d.rule === 'closed-before-created')!;
    expect(error.message).toContain('set the day it began with the `set_created` tool: the cycle time counts from it');

    // Doing as told: the day set by the tool, in place, committed; the error gone.
    const meta = 'threads/sales/harbor-lending/meta.json';
    const before = readFileSync(join(dir, meta), 'utf8');
    const set = await mcp.ok<{ result: { created: string; before: string; written: string[] }; commit: { committed: boolean } }>('set_created', { thread: 'harbor-lending', created: '2025-12-15' });
    expect(set.result).toMatchObject({ created: '2025-12-15', written: [meta] });
    expect(set.commit.committed).toBe(true);
    // In place, and the cycle time the sync derives counts from it (2025-12-15 to the close on 2026-01-02).
    const written = readFileSync(join(dir, meta), 'utf8');
    expect(written.replace(/"cycle_time_days": \d+/, '')).toBe(before.replace(`"created": "${set.result.before}"`, '"created": "2025-12-15"').replace(/"cycle_time_days": \d+/, ''));
    expect(JSON.parse(written)).toMatchObject({ created: '2025-12-15', cycle_time_days: 18 });
    const after = await mcp.ok<{ diagnostics: Diagnostic[] }>('check', {});
    expect(after.diagnostics.filter((d) => d.rule === 'closed-before-created')).toEqual([]);
    // A day after the close, or after today, is refused; nothing written.
    const late = await mcp.call<{ error: { code: string } }>('set_created', { thread: 'harbor-lending', created: '2026-06-01' });
    expect(late.data.error.code).toBe('thread-in-error');
    expect(late.text).toContain('closed-before-created');
    const future = await mcp.call<{ error: { code: string } }>('set_created', { thread: 'harbor-lending', created: '2199-01-01' });
    expect(future.data.error.code).toBe('invalid-date');
    expect(readFileSync(join(dir, meta), 'utf8')).toContain('"created": "2025-12-15"');
  });
});
