import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git, loggingGit } from './helpers/git.js';
import { bothClosedTeam } from './helpers/team.js';

/**
 * Alice and Bob each closed a deal and synced; Bob pushed first, and Alice's `git pull
 * --rebase` stopped on the derived blocks both syncs rewrote. Sync resolved them but said to
 * commit them "with `git add` and `git commit`" once the rebase was finished — during a
 * rebase a plain commit leaves it stopped, and `git rebase --continue` refuses while the
 * files sync wrote are unstaged. Check and sync now name the command that finishes what git
 * is stopped in, and following it leaves the workspace in sync.
 */

const CONFLICTED = ['goals/g-arr-500k-2026.md', 'goals/g-fintech-beachhead.md', 'strategy/canvas/13-metrics.md'];

interface CheckJson { gitStopped?: { operation: string; unmerged: string[]; next: string } }
interface SyncJson { written: string[]; uncommitted: string[] | null; commit: { committed: boolean; reason?: string; message?: string } | null }

async function bothClosedADeal(): Promise<{ alice: string; aliceCommit: string }> {
  const team = await bothClosedTeam();
  return { alice: team.alice, aliceCommit: git(team.alice, 'rev-parse', 'HEAD').trim() };
}

describe('a rebase or cherry-pick stopped on conflicts', () => {
  // Two clones and the real CLI several times over: 30 s is too short on a loaded machine.
  it('says `git add … && git rebase --continue`, never commits meanwhile, and is in sync once it is followed', { timeout: 120_000 }, async () => {
    const { alice } = await bothClosedADeal();
    expect(() => git(alice, 'pull', '--rebase', '-q', 'origin', 'main')).toThrow();
    const head = git(alice, 'rev-parse', 'HEAD');

    const check = await runJson<CheckJson>(['check', '--dir', alice]);
    expect(check.json.gitStopped).toEqual({ operation: 'rebase', unmerged: CONFLICTED, next: `git add ${CONFLICTED.join(' ')} && git rebase --continue` });
    const text = await runCli(['check', '--dir', alice]);
    expect(text.stdout).toContain(`note: a rebase is stopped on conflicts in 3 files: once each is resolved (\`threadwork sync\` resolves each, as the warnings above say), \`git add ${CONFLICTED.join(' ')} && git rebase --continue\` (not \`git commit\`, which would leave the rebase stopped)`);

    const sync = await runJson<SyncJson>(['sync', '--dir', alice]);
    expect(sync.json.written.sort()).toEqual(CONFLICTED);
    expect(sync.json.commit).toMatchObject({ committed: false, reason: 'rebase-in-progress' });
    expect(sync.json.commit?.message).toContain('`git add` them, then `git rebase --continue`, which commits them as it finishes the rebase');
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);
    const again = await runCli(['sync', '--dir', alice]);
    expect(again.stdout).toContain('not committed while a rebase is in progress (threadwork commits nothing until it is finished)');
    expect(again.stdout).toContain('`git add` them, then `git rebase --continue`, which commits them as it finishes the rebase');
    expect(again.stdout).not.toContain('git commit');
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);

    // The advice followed: the rebase finishes, and there is nothing left to write or commit.
    git(alice, 'add', ...(sync.json.uncommitted ?? []));
    git(alice, '-c', 'core.editor=true', 'rebase', '--continue');
    expect(git(alice, 'status', '--porcelain')).toBe('');
    const after = await runJson<SyncJson>(['sync', '--dir', alice]);
    expect([after.code, after.json.written, after.json.commit]).toEqual([0, [], null]);
    expect((await runJson<CheckJson>(['check', '--dir', alice])).json).not.toHaveProperty('gitStopped');
  });

  it('asks git for the unmerged files once per check, for the note and the conflicts alike', { timeout: 120_000 }, async () => {
    const { alice } = await bothClosedADeal();
    expect(() => git(alice, 'pull', '--rebase', '-q', 'origin', 'main')).toThrow();
    const logged = loggingGit();
    const check = await runJson<CheckJson>(['check', '--dir', alice, '--no-cache'], { env: { PATH: logged.path } });
    expect(check.json.gitStopped?.unmerged).toEqual(CONFLICTED);
    expect(logged.calls().filter((call) => call.startsWith('ls-files -u'))).toHaveLength(1);
  });

  it('says `git cherry-pick --continue` for a cherry-pick', { timeout: 120_000 }, async () => {
    const { alice, aliceCommit } = await bothClosedADeal();
    git(alice, 'fetch', '-q', 'origin');
    git(alice, 'reset', '-q', '--hard', 'origin/main');
    expect(() => git(alice, 'cherry-pick', aliceCommit)).toThrow();
    const head = git(alice, 'rev-parse', 'HEAD');

    const check = await runJson<CheckJson>(['check', '--dir', alice]);
    expect(check.json.gitStopped).toEqual({ operation: 'cherry-pick', unmerged: CONFLICTED, next: `git add ${CONFLICTED.join(' ')} && git cherry-pick --continue` });
    const sync = await runJson<SyncJson>(['sync', '--dir', alice]);
    expect(sync.json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    expect(sync.json.commit?.message).toContain('`git add` them, then `git cherry-pick --continue`, which commits them as it finishes the cherry-pick');
    expect(git(alice, 'rev-parse', 'HEAD')).toBe(head);
  });
});
