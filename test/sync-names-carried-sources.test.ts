import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { replaceInFile } from './helpers/testdir.js';

/*
 * A new user edits two deals and runs sync: "✓ wrote 3 files: …" then "committed … (5
 * paths)", and nothing on screen named the other two. Sync commits the uncommitted sources
 * its derived values follow from, as every write command does — and those say so
 * (`committed with it: …`); sync now names them too, so the written files and the named
 * sources add up to the paths committed.
 */
describe('sync names the sources it committed beside the files it wrote', () => {
  const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-22', NO_COLOR: '1' };

  it('one line before the commit line, and the written files and the sources add up to the paths', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42000', 'arr_potential: 48000');
    replaceInFile(dir, 'threads/sales/oakline-outfitters/3-implication.md', 'arr_potential: 36000', 'arr_potential: 30000');

    const synced = await runCli(['sync'], { cwd: dir, env });
    expect(synced.code, synced.stderr).toBe(0);
    const lines = synced.stdout.trimEnd().split('\n');
    const commitLine = lines.at(-1)!;
    const paths = Number(/^committed [0-9a-f]{10} \((\d+) paths\)$/.exec(commitLine)?.[1]);
    const written = Number(/^✓ wrote (\d+) files: /.exec(lines.at(-3)!)?.[1]);
    expect(lines.at(-2)).toBe(
      'committed with them: threads/sales/meridian-pay/3-implication.md, threads/sales/oakline-outfitters/3-implication.md (your uncommitted edits, which the derived values follow from)',
    );
    expect(written + 2).toBe(paths);
    const committed = execFileSync('git', ['show', '--name-only', '--format=', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    expect(committed).toHaveLength(paths);
    expect(committed).toEqual(expect.arrayContaining(['threads/sales/meridian-pay/3-implication.md', 'threads/sales/oakline-outfitters/3-implication.md']));

    // One source: said in the singular. And a second sync writes and commits nothing.
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential: 48000', 'arr_potential: 50000');
    const one = await runCli(['sync'], { cwd: dir, env });
    expect(one.stdout).toContain('\ncommitted with it: threads/sales/meridian-pay/3-implication.md (your uncommitted edit, which the derived values follow from)\ncommitted ');
    const again = await runJson<{ written: string[] }>(['sync'], { cwd: dir, env });
    expect(again.json.written).toEqual([]);
  });
});
