import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { teamWorkspace } from './helpers/team.js';
import { read, replaceInFile, writeFiles } from './helpers/testdir.js';

/**
 * Bob corrects a deal's `created` date by hand in meta.json and pushes; Alice takes the deal to
 * Stage 4 and syncs, which moves `stage` on the next line. Her pull stops on both lines, and the
 * error said only "keep the lines you want": nothing told her that `stage` is sync's to
 * recompute while `created` is the one value to choose. The message now names each. When only
 * derived values differ, there is nothing to choose: it was an error all the same, left to be
 * resolved by hand; it is now a warning, and sync writes the file anew with them derived again.
 */

const META = 'threads/sales/meridian-pay/meta.json';

async function conflictedMeta(): Promise<string> {
  const team = teamWorkspace();
  replaceInFile(team.bob, META, '"created": "2026-10-06"', '"created": "2026-10-05"');
  git(team.bob, 'commit', '-qam', 'created a day earlier');
  git(team.bob, 'push', '-q', 'origin', 'main');
  const decision = read(team.alice, 'threads/sales/oakline-outfitters/4-decision.md').replaceAll('Oakline Outfitters', 'Meridian Pay');
  writeFiles(team.alice, { 'threads/sales/meridian-pay/4-decision.md': decision });
  expect((await runCli(['sync', '--dir', team.alice])).code).toBe(0);
  expect(() => git(team.alice, 'pull', '-q', 'origin', 'main')).toThrow();
  return team.alice;
}

const metaConflict = async (dir: string, severity: Diagnostic['severity'], line: number): Promise<Diagnostic> => {
  const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
  const found = check.json.diagnostics.filter((d) => d.path === META && d.rule === 'merge-conflict');
  expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([[severity, line, 1]]);
  return found[0]!;
};

describe('a merge conflict in meta.json', () => {
  // Each test clones twice and runs the real CLI five or six times: 30 s is too short on a loaded machine.
  it('names the value a person wrote to choose, and the derived one sync recomputes', { timeout: 120_000 }, async () => {
    const dir = await conflictedMeta();
    expect((await metaConflict(dir, 'error', 9)).message).toContain(
      'delete the `<<<<<<<`, `=======` and `>>>>>>>` lines; choose `created` (`"2026-10-06"` above the `=======`, `"2026-10-05"` below); `stage` is derived — either side\'s value will do, sync recomputes it',
    );
  });

  it('resolves a conflict over derived values alone by deriving them again, keeping every field a person wrote', { timeout: 120_000 }, async () => {
    const dir = await conflictedMeta();
    // Bob's created kept: what is left in conflict is the stage sync moved on each side.
    writeFiles(dir, { [META]: read(dir, META).replace('  "created": "2026-10-06",\n', '').replace('  "created": "2026-10-05",\n', '').replace('"source": "campaign:2026-09-15-fintech-controller-outbound",\n', '$&  "created": "2026-10-05",\n') });
    const head = git(dir, 'rev-parse', 'HEAD');
    const warning = await metaConflict(dir, 'warning', 10);
    expect(warning.message).toContain(
      'Git\'s conflict markers are still in this file: `<<<<<<< HEAD` (line 10) … `>>>>>>> ',
    );
    expect(warning.message).toContain(
      'the sides differ only in `stage`, which threadwork derives from the stage files: no version to choose — `threadwork sync` writes meta.json anew with it computed from the merged threads, keeping every field a person wrote, and commits the file unless a merge or rebase is still under way (then `git add` the file and finish it)',
    );

    const sync = await runJson<{ written: string[]; changes: { description: string }[]; commit: unknown }>(['sync', '--dir', dir]);
    expect(sync.code).toBe(0);
    expect(sync.json.written).toContain(META);
    expect(sync.json.changes.map((c) => c.description)).toContain(`${META}: merge conflict in derived values resolved, derived again from the merged stage files`);
    const meta = read(dir, META);
    expect(meta).not.toContain('<<<<<<<');
    expect(JSON.parse(meta)).toMatchObject({ title: 'Meridian Pay', created: '2026-10-05', source: 'campaign:2026-09-15-fintech-controller-outbound', stage: 4 });
    // Written during the merge, not committed; once the merge is, a fixed point.
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    git(dir, 'commit', '-qam', 'merge');
    const again = await runJson<{ written: string[]; commit: unknown }>(['sync', '--dir', dir]);
    expect([again.code, again.json.written, again.json.commit]).toEqual([0, [], null]);
  });
});
