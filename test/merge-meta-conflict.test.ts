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
 * recompute while `created` is the one value to choose. The message now names each.
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

const metaError = async (dir: string, line: number): Promise<Diagnostic> => {
  const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
  const found = check.json.diagnostics.filter((d) => d.path === META && d.rule === 'merge-conflict');
  expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([['error', line, 1]]);
  return found[0]!;
};

describe('a merge conflict in meta.json', () => {
  // Each test clones twice and runs the real CLI five or six times: 30 s is too short on a loaded machine.
  it('names the value a person wrote to choose, and the derived one sync recomputes', { timeout: 120_000 }, async () => {
    const dir = await conflictedMeta();
    expect((await metaError(dir, 9)).message).toContain(
      'delete the `<<<<<<<`, `=======` and `>>>>>>>` lines; choose `created` (`"2026-10-06"` above the `=======`, `"2026-10-05"` below); `stage` is derived — either side\'s value will do, sync recomputes it',
    );
  });

  it('says when only derived values differ: either side will do', { timeout: 120_000 }, async () => {
    const dir = await conflictedMeta();
    // Bob's created kept: what is left in conflict is the stage sync moved on each side.
    writeFiles(dir, { [META]: read(dir, META).replace('  "created": "2026-10-06",\n', '').replace('  "created": "2026-10-05",\n', '').replace('"source": "campaign:2026-09-15-fintech-controller-outbound",\n', '$&  "created": "2026-10-05",\n') });
    expect((await metaError(dir, 10)).message).toContain(
      "only derived values differ (`stage`), which sync recomputes from the stage files: keep either side's lines, delete the three marker lines and run `threadwork sync`",
    );
  });
});
