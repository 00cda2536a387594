import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

const ENV = { THREADWORK_TODAY: '2026-12-01' };
const CAMPAIGN = 'threads/sales/campaigns/2026-11-02-year-end';

function stage(front: string, title: string): string {
  return `---\n${front}\n---\n\n# ${title}\n`;
}

/**
 * A new user copies the prospect the Stage 5 template shows. The approval gate scores the
 * prospect's company facts against the ICP; an example without them scored 0.22 and every
 * draft made from it was refused — the template taught an entry that cannot be approved.
 */
describe("the Stage 5 template's example prospect", () => {
  it('is one whose drafts pass the approval gates', async () => {
    const dir = exampleWorkspaceCopy();
    const run = async (...args: string[]): Promise<string> => {
      const result = await runCli([...args, '--dir', dir], { env: ENV });
      expect(result.code, `${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
      return result.stdout;
    };
    await run('campaign', 'new', 'Year end', '-s', 'mid-market-fintech', '--date', '2026-11-02');
    const input = join(dir, CAMPAIGN, '1-input.md');
    writeFileSync(input, readFileSync(input, 'utf8').replace('goal: null', 'goal: "Ten calls"').replace(/target_list:\n(?: {2}.*\n)+/, 'target_list: "Forty controllers"\n'));
    writeFileSync(join(dir, CAMPAIGN, '2-hypothesis.md'), stage('tests: [A1]\ninitial_confidence: 0.4', 'Hypothesis'));
    writeFileSync(join(dir, CAMPAIGN, '3-implication.md'), stage('expected_meetings: 4\nresource_cost_hours: 12', 'Implication'));
    writeFileSync(join(dir, CAMPAIGN, '4-decision.md'), stage('decision: LAUNCH\nreasoning: "Cheap to run"', 'Decision'));
    await run('advance', CAMPAIGN);

    const actions = join(dir, CAMPAIGN, '5-actions.md');
    const text = readFileSync(actions, 'utf8');
    const example = /^# {3}(- \{name: .*\})$/m.exec(text)?.[1];
    expect(example, text).toBeDefined();
    writeFileSync(actions, text.replace('prospects: []', `prospects:\n  ${example!}`));
    await run('campaign', 'draft', CAMPAIGN);
    const approved = await run('campaign', 'approve', `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-1.md`);
    expect(approved).toContain('Every gate passed');
  });
});

/**
 * Stage 1's comment said `goal_id` was "the goal this campaign counts towards"; filled in
 * there alone, the campaign counted towards none (meta.json's link is the one counted, and
 * check warned `campaign-links-disagree`). The comment now says where the counted link is,
 * and doing what it says links the campaign.
 */
describe("the Stage 1 template's goal_id", () => {
  it('says the goal is counted from meta.json, and following it links the campaign', async () => {
    const dir = exampleWorkspaceCopy();
    const run = (...args: string[]): ReturnType<typeof runCli> => runCli([...args, '--dir', dir], { env: ENV });
    expect((await run('campaign', 'new', 'Year end', '-s', 'mid-market-fintech', '--date', '2026-11-02')).code).toBe(0);
    const input = join(dir, CAMPAIGN, '1-input.md');
    const text = readFileSync(input, 'utf8');
    const comment = /((?:^#.*\n)+)goal_id: null$/m.exec(text)?.[1] ?? '';
    expect(comment).toContain('meta.json');

    // Filled in Stage 1 alone, as the comment used to invite: counted nowhere.
    writeFileSync(input, text.replace('goal_id: null', 'goal_id: g-fintech-beachhead'));
    const alone = await run('check');
    expect(alone.stdout).toContain('campaign-links-disagree');
    // In meta.json as well, as the comment now says: linked, no warning.
    const metaPath = join(dir, CAMPAIGN, 'meta.json');
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(metaPath, `${JSON.stringify({ ...meta, goal_id: 'g-fintech-beachhead' }, null, 2)}\n`);
    const both = await run('check');
    expect(both.stdout).not.toContain('campaign-links-disagree');
  });
});
