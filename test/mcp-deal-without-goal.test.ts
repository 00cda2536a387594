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

/* The same for closed-before-created, which asked an agent to "set `created`" with no word of where or how. */
describe('closed-before-created through MCP', () => {
  it('says where `created` is and how an agent sets it', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const path = 'threads/sales/harbor-lending/6-learning.md';
    writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace(/^closed: .*$/m, 'closed: 2026-01-02'));
    const checked = await mcp.ok<{ diagnostics: Diagnostic[] }>('check', {});
    const error = checked.diagnostics.find((d) => d.rule === 'closed-before-created')!;
    expect(error.message).toContain('set `"created"` in its meta.json to the day it began with your own file tools');
    expect(error.message).toContain('then run the `sync` tool');
  });
});
