import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { bobClosesMeridian, oaklineClosedTeam } from './helpers/team.js';
import { read, replaceInFile } from './helpers/testdir.js';

/**
 * Bob changes the tagline and syncs (the sales materials are regenerated with it); Alice closes
 * a deal that validates A1 and syncs (the materials quoting A1 are regenerated too). Her pull
 * stops on the generated files both regenerated, their `threadwork:generated` lines first. Such
 * a file read as one a person wrote from scratch: never regenerated, no word from sync or
 * check, and git's markers stayed in the one-pager — committed with the merge. Then only a file
 * whose sides could be read whole between the markers was regenerated, while git merges the
 * other side's hunks around the conflict (the usual case): that one was still kept. The sides
 * are now read from git's index (`:2:`, `:3:`): both generated and unedited, with no line typed
 * in since, the file is regenerated; a side edited by hand keeps it, reported at its first marker.
 */

const ONE_PAGER = 'artifacts/sales/mid-market-fintech/materials/one-pager.md';
const PITCH_DECK = 'artifacts/sales/mid-market-fintech/materials/pitch-deck.md';

describe('generated strategy files a pull left conflicted', () => {
  // Each test clones twice and runs the real CLI five or six times: 30 s is too short on a loaded machine.
  it('are regenerated from the merged canvas when both sides were generated, unless a line was typed in since', { timeout: 120_000 }, async () => {
    const team = await oaklineClosedTeam({ validates: 'A1' });
    replaceInFile(team.bob, 'strategy/canvas/07-uvp.md', 'tagline: Reconciliation that keeps up with your payments', 'tagline: Reconciliation that keeps pace with your payments');
    await bobClosesMeridian(team.bob);
    git(team.bob, 'push', '-q', 'origin', 'main');
    const dir = team.alice;
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    const unmerged = git(dir, 'diff', '--name-only', '--diff-filter=U');
    expect(unmerged).toContain(ONE_PAGER);
    expect(read(dir, ONE_PAGER).startsWith('<<<<<<< HEAD\n<!-- threadwork:generated')).toBe(true);

    // A line typed into the pitch deck since the pull stopped is in neither side: kept and reported at its first marker.
    replaceInFile(dir, PITCH_DECK, '<<<<<<< HEAD\n', '<<<<<<< HEAD\nOur own opening line.\n');
    const sync = await runJson<{ written: string[]; diagnostics: Diagnostic[] }>(['sync', '--dir', dir]);
    expect(read(dir, PITCH_DECK)).toContain('Our own opening line.\n');
    const kept = sync.json.diagnostics.filter((d) => d.path === PITCH_DECK);
    expect(kept.map((d) => [d.severity, d.line, d.rule])).toEqual([['warning', 1, 'strategy-stale']]);
    expect(kept[0]!.message).toContain("Git's conflict markers are still in this generated file (from line 1)");

    // git merged the other side's hunks around the conflicted lines, so neither side can be read back from the file;
    // git's index holds both whole, each as its sync generated it: nothing a person wrote, so it is regenerated from the merged canvas.
    expect(sync.json.written).toContain(ONE_PAGER);
    const onePager = read(dir, ONE_PAGER);
    expect(onePager).not.toContain('<<<<<<<');
    expect(onePager).toMatch(/^<!-- threadwork:generated sha256=[0-9a-f]{64} -->\n# Reconciliation that keeps pace with your payments\n/);
    expect(sync.json.diagnostics.filter((d) => d.path === ONE_PAGER)).toEqual([]);
  });

  it('are kept and reported at the marker when a side was edited by hand', { timeout: 120_000 }, async () => {
    const team = await oaklineClosedTeam({ validates: 'A1' });
    // Bob retitles the one-pager by hand: his syncs keep it as he wrote it.
    replaceInFile(team.bob, ONE_PAGER, '# Reconciliation that keeps up with your payments\n', '# Reconciliation that keeps up with every payment\n');
    git(team.bob, 'commit', '-qam', 'one-pager title');
    await bobClosesMeridian(team.bob);
    git(team.bob, 'push', '-q', 'origin', 'main');
    const dir = team.alice;
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    expect(git(dir, 'diff', '--name-only', '--diff-filter=U')).toContain(ONE_PAGER);

    const sync = await runJson<{ written: string[]; diagnostics: Diagnostic[] }>(['sync', '--dir', dir]);
    expect(sync.json.written).not.toContain(ONE_PAGER);
    expect(read(dir, ONE_PAGER)).toContain('# Reconciliation that keeps up with every payment\n');
    const kept = sync.json.diagnostics.filter((d) => d.path === ONE_PAGER);
    expect(kept.map((d) => [d.severity, d.line, d.rule])).toEqual([['warning', 1, 'strategy-stale']]);
  });
});
