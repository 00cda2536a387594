import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

interface Diagnostic {
  path: string;
  rule: string;
  message: string;
}
interface Linked {
  result: { thread: string; goal: string | null; subgoal: string | null; before: { goal: string | null; subgoal: string | null }; written: string[] };
  commit: { committed: boolean; paths: string[] } | null;
  warnings: Diagnostic[];
}

const DEAL = 'threads/sales/fjord-payments';
const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';

/*
 * No tool set a thread's goal after it was opened: an agent told "this deal belongs to
 * g-fintech-beachhead" had to edit meta.json with its own file tools, and the
 * deal-without-goal warning told it to. `link_goal` sets the link as `create_deal --goal`
 * would have: checked (an unknown goal refused with the one meant), edited in place, synced
 * and committed in one transaction.
 */
describe('link_goal', () => {
  it('links a deal opened without a goal, refusing an unknown one with the one meant, and a second call writes nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const created = await mcp.ok<{ warnings: Diagnostic[] }>('create_deal', { company: 'Fjord Payments', segment: 'mid-market-fintech' });
    const warning = created.warnings.find((d) => d.rule === 'deal-without-goal')!;
    expect(warning.message).toContain('link it with the `link_goal` tool, "goal" one of g-arr-500k-2026, g-fintech-beachhead');
    const metaBefore = readFileSync(join(dir, DEAL, 'meta.json'), 'utf8');

    const wrong = await mcp.call<{ error: { code: string; meant?: string; known: string[] } }>('link_goal', { thread: 'fjord-payments', goal: 'g-fintech-beachead' });
    expect(wrong.isError).toBe(true);
    expect(wrong.data.error).toMatchObject({ code: 'unknown-goal', meant: 'g-fintech-beachhead', known: ['g-arr-500k-2026', 'g-fintech-beachhead'] });
    expect(wrong.text).toContain('did you mean g-fintech-beachhead?');
    const wrongSubgoal = await mcp.call<{ error: { code: string; known: string[] } }>('link_goal', { thread: 'fjord-payments', goal: 'g-fintech-beachhead', subgoal: 'SG3' });
    expect(wrongSubgoal.data.error).toMatchObject({ code: 'unknown-subgoal', known: ['SG1', 'SG2'] });
    expect(readFileSync(join(dir, DEAL, 'meta.json'), 'utf8')).toBe(metaBefore);

    const linked = await mcp.ok<Linked>('link_goal', { thread: 'fjord-payments', goal: 'g-fintech-beachhead', subgoal: 'SG1' });
    expect(linked.result).toEqual({ thread: DEAL, goal: 'g-fintech-beachhead', subgoal: 'SG1', before: { goal: null, subgoal: null }, written: [`${DEAL}/meta.json`] });
    expect(linked.commit).toMatchObject({ committed: true, paths: expect.arrayContaining([`${DEAL}/meta.json`, 'goals/g-fintech-beachhead.md']) });
    expect(linked.warnings.filter((d) => d.rule === 'deal-without-goal')).toEqual([]);
    // Added after the last key, every other byte as it was.
    const meta = readFileSync(join(dir, DEAL, 'meta.json'), 'utf8');
    expect(meta.replace(/,\n {2}"goal_id": "g-fintech-beachhead",\n {2}"subgoal": "SG1"/, '')).toBe(metaBefore);
    expect(git(dir, 'status', '--porcelain')).toBe('');

    const again = await mcp.ok<Linked>('link_goal', { thread: 'fjord-payments', goal: 'g-fintech-beachhead' });
    expect(again.result).toMatchObject({ subgoal: 'SG1', written: [] });
    expect(again.commit).toBeNull();

    const cli = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--json', '--dir', dir]);
    expect(cli.json.diagnostics.filter((d) => d.path.startsWith(DEAL))).toEqual([]);
  });

  it("moves a campaign to another goal with its Stage 1 goal, dropping the old goal's subgoal", async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const linked = await mcp.ok<Linked>('link_goal', { thread: CAMPAIGN, goal: 'g-arr-500k-2026' });
    expect(linked.result).toMatchObject({ goal: 'g-arr-500k-2026', subgoal: null, before: { goal: 'g-fintech-beachhead', subgoal: 'SG1' }, written: [`${CAMPAIGN}/meta.json`, `${CAMPAIGN}/1-input.md`] });
    expect(JSON.parse(readFileSync(join(dir, CAMPAIGN, 'meta.json'), 'utf8'))).not.toHaveProperty('subgoal');
    expect(readFileSync(join(dir, CAMPAIGN, '1-input.md'), 'utf8')).toContain('goal_id: g-arr-500k-2026\n');
    const checked = await mcp.ok<{ diagnostics: Diagnostic[] }>('check', {});
    expect(checked.diagnostics.filter((d) => d.rule === 'campaign-links-disagree')).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('unlinks with goal null, and refuses a thread whose meta.json is broken, naming its error', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const deal = 'threads/sales/harbor-lending';
    const unlinked = await mcp.ok<Linked>('link_goal', { thread: deal, goal: null });
    expect(unlinked.result.goal).toBeNull();
    expect(unlinked.result.before.goal).not.toBeNull();
    const meta = JSON.parse(readFileSync(join(dir, deal, 'meta.json'), 'utf8')) as Record<string, unknown>;
    expect(meta).not.toHaveProperty('goal_id');
    expect(meta).not.toHaveProperty('subgoal');
    expect(unlinked.warnings.map((d) => d.rule)).toContain('deal-without-goal');
    const read = await mcp.ok<{ meta: Record<string, unknown> }>('read_thread', { thread: deal });
    expect(read.meta).not.toHaveProperty('goal_id');

    writeFileSync(join(dir, deal, 'meta.json'), '{ "id": "harbor-lending", ');
    const refused = await mcp.call<{ error: { code: string; path: string } }>('link_goal', { thread: deal, goal: 'g-arr-500k-2026' });
    expect(refused.isError).toBe(true);
    expect(refused.data.error).toMatchObject({ code: 'invalid-meta', path: `${deal}/meta.json` });
    expect(readFileSync(join(dir, deal, 'meta.json'), 'utf8')).toBe('{ "id": "harbor-lending", ');
  });
});
