import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { bobClosesMeridian, oaklineClosedTeam } from './helpers/team.js';
import { read, replaceInFile } from './helpers/testdir.js';

/**
 * Alice and Bob each close a deal that validates A1, and each sync opens A1's proof thread
 * (threads/marketing/a1-…, named after the assumption: the same folder on both sides) citing
 * the evidence it had. Alice's pull stopped on its 1-input.md, git's two versions of one thread
 * for one event differing only in `sources`, and that was a merge-conflict error holding the
 * thread. It is recognised now as the thread opened twice: a warning, and sync writes it once
 * with the sources of both.
 */

const THREAD = 'threads/marketing/a1-controllers-at-fintechs-with-three-or-more-psps';
const INPUT = `${THREAD}/1-input.md`;

describe('a content thread both people opened for the same validated assumption', () => {
  // Clones twice and runs the real CLI five times: 30 s is too short on a loaded machine.
  it('is one thread after the merge, citing the evidence of both sides', { timeout: 120_000 }, async () => {
    const team = await oaklineClosedTeam({ validates: 'A1' });
    await bobClosesMeridian(team.bob, { validates: 'A1' });
    git(team.bob, 'push', '-q', 'origin', 'main');
    const dir = team.alice;
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    expect(git(dir, 'diff', '--name-only', '--diff-filter=U')).toContain(INPUT);

    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    const found = check.json.diagnostics.filter((d) => d.path === INPUT);
    expect(found.map((d) => [d.severity, d.rule])).toEqual([['warning', 'merge-conflict']]);
    expect(found[0]!.message).toContain('both sides opened this content thread for the same event, differing only in the `sources` each had (4 in all): no version to choose — `threadwork sync` writes it with the sources of both');

    const head = git(dir, 'rev-parse', 'HEAD');
    const sync = await runJson<{ written: string[]; changes: { description: string }[] }>(['sync', '--dir', dir]);
    expect(sync.code).toBe(0);
    expect(sync.json.changes.map((c) => c.description)).toContain(`${INPUT}: opened on both sides of the merge for the same event — one thread, citing the sources of both`);
    const input = read(dir, INPUT);
    expect(input).not.toContain('<<<<<<<');
    expect(input).toContain('sources:\n  - threads/sales/harbor-lending\n  - threads/sales/meridian-pay\n  - threads/sales/northwind-payments\n  - threads/sales/oakline-outfitters\n');
    expect(readdirSync(join(dir, 'threads/marketing')).filter((name) => name.startsWith('a1-'))).toEqual([THREAD.split('/').pop()]);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);

    git(dir, 'commit', '-qam', 'merge');
    const again = await runJson<{ written: string[]; commit: unknown; diagnostics: Diagnostic[] }>(['sync', '--dir', dir]);
    expect([again.code, again.json.written, again.json.commit]).toEqual([0, [], null]);
  });

  it('is not opened again after the other side reworded the assumption', { timeout: 120_000 }, async () => {
    const team = await oaklineClosedTeam({ validates: 'A1' });
    // Bob rewords A1 (the proof thread is named after its statement); Alice's deal validates A1, which opens its proof thread.
    replaceInFile(team.bob, 'strategy/canvas/10-assumptions.md', 'three or more PSPs', 'three or more payment providers');
    expect((await runJson(['sync', '--dir', team.bob])).code).toBe(0);
    git(team.bob, 'push', '-q', 'origin', 'main');
    const dir = team.alice;
    try {
      git(dir, 'pull', '-q', 'origin', 'main');
    } catch {
      // stopped on the assumptions block both synced: sync writes it anew
    }
    const proofThreads = (): string[] => readdirSync(join(dir, 'threads/marketing')).filter((name) => name.startsWith('a1-'));
    const sync = await runJson<{ changes: { description: string }[] }>(['sync', '--dir', dir]);
    expect(sync.json.changes.filter((c) => c.description.startsWith('opened '))).toEqual([]);
    expect(proofThreads()).toEqual([THREAD.split('/').pop()]);
    if (git(dir, 'status', '--porcelain').trim()) git(dir, 'commit', '-qam', 'merge');
    const again = await runJson<{ written: string[]; commit: unknown }>(['sync', '--dir', dir]);
    expect([again.code, again.json.written, again.json.commit]).toEqual([0, [], null]);
    expect(proofThreads()).toEqual([THREAD.split('/').pop()]);
  });
});
