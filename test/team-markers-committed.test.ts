import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { git, lastCommitMessage } from './helpers/git.js';
import { aliceClosesOakline, bobClosesMeridian, teamWorkspace } from './helpers/team.js';

/**
 * Alice's pull stopped on the metrics block both syncs rewrote, and she committed the merge
 * with `git commit -a`, markers and all. The next sync wrote the block anew — and its commit
 * said `metrics: open deals ? → 2; won ? → 4; …`, a "?" for every figure: a block holding two
 * versions shows no one value before. It now says so in words, the values it shows now without arrows.
 */

describe('a derived block committed with git\'s markers in it', () => {
  // Two clones and the real CLI: 30 s is too short on a loaded machine.
  it('is said to be written anew over the markers, with no "?" before its values', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    await aliceClosesOakline(team.alice);
    await bobClosesMeridian(team.bob);
    git(team.bob, 'push', '-q', 'origin', 'main');
    const dir = team.alice;
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    git(dir, 'commit', '-qam', 'merge, markers and all');

    const sync = await runJson<{ changes: { description: string }[]; commit: { committed: boolean } | null }>(['sync', '--dir', dir]);
    expect(sync.json.commit?.committed).toBe(true);
    const metrics = sync.json.changes.map((c) => c.description).filter((d) => d.startsWith('metrics'));
    expect(metrics).toEqual(["metrics strategy/canvas/13-metrics.md: metrics block written anew over git's conflict markers, what it showed before unknown; now open deals 2, won 4, lost 1, stalled 0, …"]);
    expect(lastCommitMessage(dir)).not.toContain('?');
  });
});
