import { describe, expect, it } from 'vitest';
import { initialisedWorkspace, INIT_ENV } from './helpers/initialised-goal.js';
import { connectMcp } from './helpers/mcp.js';
import { replaceInFile } from './helpers/testdir.js';

/*
 * An agent on a workspace fresh from `threadwork init`, with only the MCP tools: the person
 * has written one segment, nothing else of the canvas. What each refusal says must be
 * enough for the next call.
 */
async function freshWorkspaceWithASegment(): Promise<string> {
  const dir = await initialisedWorkspace();
  replaceInFile(dir, 'strategy/canvas/04-segments.md', 'segments: []\n', 'segments:\n  - id: smb-saas\n    name: SMB SaaS\n');
  return dir;
}

describe('an agent on a fresh workspace', () => {
  // 10-assumptions.md is `assumptions: []` after init. Stage 2's `tests` is required and
  // takes only an id the canvas defines: the agent was told "none are defined yet" (a write)
  // or `known: []` (advance) and nothing of what would let the deal move on.
  it('is told to add an assumption to the canvas when Stage 2 has none to test', async () => {
    const mcp = await connectMcp(await freshWorkspaceWithASegment(), INIT_ENV);
    await mcp.ok('create_deal', { company: 'Acme', segment: 'smb-saas', contact_name: 'Bo Lind', signal: 'Asked for a demo' });
    const unknown = await mcp.call<{ error: { code: string; diagnostics: { message: string; field: string }[] } }>('write_stage', { thread: 'acme', stage: 2, front_matter: { tests: ['A1'], initial_confidence: 0.5 } });
    expect(unknown.isError).toBe(true);
    expect(unknown.data.error.diagnostics[0]).toMatchObject({
      field: 'tests[0]',
      message: 'Unknown assumption `A1` (not in 10-assumptions.md): none are defined yet: add one to strategy/canvas/10-assumptions.md (an item of `assumptions:` with its `id`, `statement` and `prior`)',
    });
    await mcp.ok('write_stage', { thread: 'acme', stage: 2, front_matter: { tests: [], initial_confidence: 0.5 } });
    const refused = await mcp.call<{ error: { code: string; message: string; known: string[] } }>('advance', { thread: 'acme' });
    expect(refused.data.error).toMatchObject({ code: 'stage-incomplete', known: [] });
    expect(refused.data.error.message).toContain('strategy/canvas/10-assumptions.md defines no assumption yet, so `tests` has no id to name: add one there first (an item of `assumptions:` with its `id`, `statement` and `prior`).');
  });

  // create_deal's `contact_name` said Stage 1 needs it before the deal can advance; `signal`,
  // needed as much, said only "what made this a deal worth opening": an agent that gave what
  // the descriptions asked for was refused at its first advance.
  it('learns from create_deal\'s argument descriptions every Stage 1 field advance will ask for', async () => {
    const mcp = await connectMcp(await freshWorkspaceWithASegment(), INIT_ENV);
    const { tools } = await mcp.client.listTools();
    const properties = (tools.find((t) => t.name === 'create_deal')!.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
    await mcp.ok('create_deal', { company: 'Acme', segment: 'smb-saas', commit: false });
    const refused = await mcp.call<{ error: { code: string; missing: { field: string }[] } }>('advance', { thread: 'acme' });
    expect(refused.data.error.code).toBe('stage-incomplete');
    const asked = refused.data.error.missing.map((m) => m.field.replace('.', '_'));
    expect(asked.sort()).toEqual(['contact_name', 'signal']);
    for (const argument of asked) expect(properties[argument]?.description, argument).toContain('Stage 1 needs one before the deal can advance');
  });

  // create_campaign takes no Stage 1 field but its segment and goal id, and its description
  // said nothing of the two Stage 1 needs: the agent learnt of them from advance's refusal.
  it('learns from create_campaign\'s description every Stage 1 field advance will ask for', async () => {
    const mcp = await connectMcp(await freshWorkspaceWithASegment(), INIT_ENV);
    const { tools } = await mcp.client.listTools();
    const description = tools.find((t) => t.name === 'create_campaign')!.description ?? '';
    const opened = await mcp.ok<{ result: { path: string } }>('create_campaign', { name: 'Winter outbound', segment: 'smb-saas', commit: false });
    const refused = await mcp.call<{ error: { code: string; missing: { field: string }[] } }>('advance', { thread: opened.result.path });
    expect(refused.data.error.code).toBe('stage-incomplete');
    const asked = refused.data.error.missing.map((m) => m.field);
    expect(asked.length).toBeGreaterThan(0);
    for (const field of asked) for (const key of field.split('.')) expect(description, field).toContain(`\`${key}\``);
  });
});
