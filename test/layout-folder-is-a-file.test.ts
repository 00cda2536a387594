import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';

interface Refused {
  error: { code: string; path: string; errno: string; message: string };
}

/**
 * A file where a folder of the layout belongs (`threads/sales/campaigns` saved over by a
 * file, a `goals` file): it was listed as an empty folder, and sync derived the workspace
 * without every campaign (or goal) and committed the metrics rewritten so.
 */
describe('a file where a folder of the layout belongs', () => {
  it.each([
    ['threads/sales/campaigns', 'threads/sales/campaigns', 'threads/sales/campaigns'],
    ['goals', 'goals', 'goals'],
    // A file higher up: the first folder asked for is below it, and the file is named.
    ['threads', 'threads/sales/campaigns', 'threads'],
  ])('%s: check and sync refuse with one error naming the file, and write and commit nothing', async (folder, listed, file) => {
    const dir = exampleWorkspaceCopy();
    const head = git(dir, 'rev-parse', 'HEAD');
    renameSync(join(dir, folder), join(dir, `${folder}-moved-away`));
    writeFileSync(join(dir, folder), 'not a folder\n');
    for (const command of ['check', 'sync']) {
      const run = await runJson<Refused>([command, '--dir', dir]);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.json.error).toMatchObject({ code: 'folder-unreadable', path: file, errno: 'ENOTDIR' });
      expect(run.json.error.message).toBe(`Cannot read folder ${listed}: ${file} is a file, not a folder (ENOTDIR): expected the folder ${file} — rename or move that file; nothing was read or written`);
    }
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain', '--', 'strategy', 'research')).toBe(''); // nothing derived was rewritten
    // The folder back: all is as it was.
    rmSync(join(dir, folder));
    renameSync(join(dir, `${folder}-moved-away`), join(dir, folder));
    expect((await runJson<{ ok: boolean }>(['sync', '--dir', dir])).code).toBe(0);
  });
});
