import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { teamWorkspace } from './helpers/team.js';
import { replaceInFile } from './helpers/testdir.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * Bob approved Dana's touch 5 and pushed; then Alice recorded touch 1 sent on Dana's line of
 * the prospects list while Bob marked her replied, and Bob's `git pull` stopped on that line.
 * check named the conflict, and then, for every approved draft of the campaign, an error
 * "Approved although dana@… is not a prospect of …: its company cannot be scored against the
 * ICP": the prospects list cannot be read while it holds git's markers, and the gates took
 * that for a list without her. The conflict is the one thing to fix.
 */

const DANA = 'status: active}';

describe('a campaign whose prospects list is conflicted in a pull', () => {
  it('names the conflict, and no approved draft as "not a prospect"', { timeout: 120_000 }, async () => {
    const { alice, bob } = teamWorkspace();
    await campaignWithProspect('', bob);
    git(bob, 'add', '-A');
    git(bob, 'commit', '-qm', 'year-end campaign');
    expect((await runCli(['campaign', 'draft', CAMPAIGN, '--dir', bob], { env: ENV })).code).toBe(0);
    // Touch 5 with the touches before it: a later touch is approved only after them.
    const approve = await runCli(['campaign', 'approve', ...[1, 2, 3, 4, 5].map((n) => `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-${n}.md`), '--dir', bob], { env: ENV });
    expect(approve.code, approve.stderr).toBe(0);
    git(bob, 'push', '-q', 'origin', 'main');
    git(alice, 'pull', '-q', 'origin', 'main');

    replaceInFile(alice, `${CAMPAIGN}/5-actions.md`, DANA, 'status: active, touches_done: 1}');
    git(alice, 'commit', '-qam', 'touch 1 sent to Dana');
    git(alice, 'push', '-q', 'origin', 'main');
    replaceInFile(bob, `${CAMPAIGN}/5-actions.md`, DANA, 'status: replied}');
    git(bob, 'commit', '-qam', 'Dana replied');
    expect(() => git(bob, 'pull', '-q', 'origin', 'main')).toThrow();

    const check = await runCli(['check', '--dir', bob], { env: ENV });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`^${CAMPAIGN}/5-actions\\.md:4:1 error Unresolved merge conflict`, 'm'));
    expect(check.stdout).not.toContain('not a prospect');
    expect(check.stdout).toContain('✖ 1 error');
  });
});
