import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { aliceClosesOakline, bobClosesMeridian, teamWorkspace } from './helpers/team.js';
import { read, replaceInFile, writeFiles } from './helpers/testdir.js';

/**
 * Bob changes the tagline and syncs (the sales materials are regenerated with it); Alice closes
 * a deal that validates A1 and syncs (the materials quoting A1 are regenerated too). Her pull
 * stops on the generated files both regenerated, their `threadwork:generated` lines first. Such
 * a file read as one a person wrote from scratch: never regenerated, no word from sync or
 * check, and git's markers stayed in the one-pager — committed with the merge. Now a file
 * both sides of which are generated and unedited is regenerated from the merged canvas; one
 * that cannot be told generated (a hand edit may be in it) is kept and reported at its first marker.
 */

const ONE_PAGER = 'artifacts/sales/mid-market-fintech/materials/one-pager.md';
const PITCH_DECK = 'artifacts/sales/mid-market-fintech/materials/pitch-deck.md';

describe('generated strategy files a pull left conflicted', () => {
  // Each test clones twice and runs the real CLI five or six times: 30 s is too short on a loaded machine.
  it('are regenerated from the merged canvas when both sides were generated; else kept and reported at the marker', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    replaceInFile(team.bob, 'strategy/canvas/07-uvp.md', 'tagline: Reconciliation that keeps up with your payments', 'tagline: Reconciliation that keeps pace with your payments');
    await bobClosesMeridian(team.bob);
    git(team.bob, 'push', '-q', 'origin', 'main');
    await aliceClosesOakline(team.alice, { validates: 'A1' });
    const dir = team.alice;
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    const unmerged = git(dir, 'diff', '--name-only', '--diff-filter=U');
    expect(unmerged).toContain(ONE_PAGER);
    expect(read(dir, ONE_PAGER).startsWith('<<<<<<< HEAD\n<!-- threadwork:generated')).toBe(true);

    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dir', dir]);
    // git merged the other side's hunks around the conflicted lines: neither side is a file sync wrote, and one may hold a hand edit.
    for (const path of [ONE_PAGER, PITCH_DECK]) {
      expect(unmerged).toContain(path);
      expect(read(dir, path)).toContain('<<<<<<<');
      const found = sync.json.diagnostics.filter((d) => d.path === path);
      expect(found.map((d) => [d.severity, d.line, d.rule]), path).toEqual([['warning', 1, 'strategy-stale']]);
      expect(found[0]!.message).toContain("Git's conflict markers are still in this generated file (from line 1)");
    }

    // Both sides whole between the markers, each as its sync generated it: nothing a person wrote, so it is regenerated.
    const side = (ref: string): string => git(dir, 'show', `${ref}:${ONE_PAGER}`);
    writeFiles(dir, { [ONE_PAGER]: `<<<<<<< HEAD\n${side('HEAD')}=======\n${side('MERGE_HEAD')}>>>>>>> theirs\n` });
    const again = await runJson<{ written: string[]; diagnostics: Diagnostic[] }>(['sync', '--dir', dir]);
    expect(again.json.written).toContain(ONE_PAGER);
    const onePager = read(dir, ONE_PAGER);
    expect(onePager).not.toContain('<<<<<<<');
    expect(onePager).toMatch(/^<!-- threadwork:generated sha256=[0-9a-f]{64} -->\n# Reconciliation that keeps pace with your payments\n/);
    expect(again.json.diagnostics.filter((d) => d.path === ONE_PAGER)).toEqual([]);
  });
});
