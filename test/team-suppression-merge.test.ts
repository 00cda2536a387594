import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { teamWorkspace } from './helpers/team.js';
import { read, replaceInFile } from './helpers/testdir.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * Alice recorded Dana's unsubscribe and Bob Fay's, each with `campaign reply`, in two clones.
 * Both appended to the do-not-contact list after the same last line, so Bob's `git pull`
 * stopped on suppression.yaml with an error asking him to "keep the lines you want": keeping
 * his side — what a hurried resolution does — took Dana off the list, and nothing said so.
 * Both sides only add: there is no version to choose, and sync writes the list with both.
 */

const SUPPRESSION = 'threads/sales/campaigns/suppression.yaml';
const more = (name: string, email: string): string => `  - {name: ${name}, email: ${email}, company: Keel Neobank, title: Controller, status: active}\n`;

interface SyncJson { written: string[]; commit: { committed: boolean; reason?: string } | null; changes: { kind: string; description: string }[] }

describe('two teammates each recording an unsubscribe in one campaign', () => {
  it('keeps both addresses on the do-not-contact list through the pull, and a second sync is a no-op', { timeout: 120_000 }, async () => {
    const { alice, bob } = teamWorkspace();
    await campaignWithProspect('', bob);
    // Three prospects: Dana's and Fay's lines apart, so the prospects list merges cleanly.
    replaceInFile(bob, `${CAMPAIGN}/5-actions.md`, 'status: active}\n', `status: active}\n${more('Eli Stone', 'eli@keel-bank.com')}${more('Fay Lund', 'fay@keel-bank.com')}`);
    git(bob, 'add', '-A');
    git(bob, 'commit', '-qm', 'year-end campaign');
    git(bob, 'push', '-q', 'origin', 'main');
    git(alice, 'pull', '-q', 'origin', 'main');

    expect((await runCli(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', 'Please stop.', '--dir', alice], { env: ENV })).code).toBe(0);
    git(alice, 'push', '-q', 'origin', 'main');
    expect((await runCli(['campaign', 'reply', CAMPAIGN, 'fay@keel-bank.com', '--text', 'unsubscribe me', '--dir', bob], { env: ENV })).code).toBe(0);
    const bobs = read(bob, SUPPRESSION);
    expect(() => git(bob, 'pull', '-q', '--no-rebase', 'origin', 'main')).toThrow();
    expect(git(bob, 'diff', '--name-only', '--diff-filter=U').trim()).toBe(SUPPRESSION);

    const check = await runCli(['check', '--dir', bob], { env: ENV });
    expect(check.stdout).toMatch(new RegExp(`^${SUPPRESSION}:3:1 warning Git's conflict markers are still in this file: .*both sides added to the do-not-contact list: no version to choose.*\`threadwork sync\` writes it with dana@northwind-pay\\.com \\(their side's\\) after the entries of this side`, 'm'));
    expect(check.stdout).not.toMatch(/ error /);

    const sync = await runJson<SyncJson>(['sync', '--dir', bob], { env: ENV });
    expect(sync.json.written).toContain(SUPPRESSION);
    expect(sync.json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    const merged = read(bob, SUPPRESSION);
    expect(merged).not.toContain('<<<<<<<');
    // Bob's side byte for byte, then Alice's entry as she wrote it.
    expect(merged.startsWith(bobs)).toBe(true);
    expect(merged.slice(bobs.length)).toBe('  - email: dana@northwind-pay.com\n    reason: unsubscribed\n    date: 2026-12-01\n    campaign: 2026-11-02-year-end\n');

    git(bob, 'add', SUPPRESSION);
    git(bob, 'commit', '-q', '--no-edit');
    const again = await runJson<SyncJson>(['sync', '--dir', bob], { env: ENV });
    expect([again.json.written, again.json.commit]).toEqual([[], null]);
    const due = await runJson<{ due: { email?: string; prospect?: { email: string } }[] }>(['due', '--dir', bob], { env: ENV });
    expect(JSON.stringify(due.json.due)).not.toMatch(/dana@|fay@/);
    expect(JSON.stringify(due.json.due)).toContain('eli@keel-bank.com');
  });
});
