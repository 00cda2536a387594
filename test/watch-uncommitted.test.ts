import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { preparedCopy } from './helpers/prepared.js';
import { workspace } from './helpers/workspace.js';
import { WatchProcess, waitFor, type WatchLine } from './helpers/watch.js';

/**
 * A thread opened with `deal new --no-commit` moves nothing derived once its derived files
 * are written beside it, so no sync and no watch cycle ever commits it. `sync` names such
 * files (`uncommitted`, and its `⚠ … not committed` line); a watcher started on the same
 * workspace said only "startup sync → in sync". It now names them as sync does, once git
 * has answered — after `ready`: the start-up does not wait for a status of the workspace.
 */

const told = (watch: WatchProcess): WatchLine | undefined => watch.lines.find((l) => l.event === 'uncommitted');

const ENV = { THREADWORK_TODAY: '2026-11-20' };

/**
 * The example with such a deal, and what sync named uncommitted: made once for the file (two
 * CLI processes on the example, ~3 s on a loaded 2-core machine) and copied for each test.
 */
let uncommittedBySync: string[] | undefined;
async function withUncommittedDeal(): Promise<{ dir: string; uncommitted: string[] }> {
  const dir = await preparedCopy('uncommitted-deal', async () => {
    const made = exampleWorkspaceCopy();
    const opened = await runCli(['deal', 'new', 'Test Co', '--segment', 'mid-market-fintech', '--no-commit', '--dir', made], { env: ENV });
    expect(opened.code).toBe(0);
    const sync = await runJson<{ uncommitted: string[] | null }>(['sync', '--dir', made], { env: ENV });
    expect(sync.json.uncommitted).toContain('threads/sales/test-co/meta.json');
    uncommittedBySync = sync.json.uncommitted!;
    return made;
  });
  return { dir, uncommitted: uncommittedBySync! };
}

describe('a watcher started on sources left uncommitted', () => {
  it('names them after its start-up, as sync does (--json: an `uncommitted` line after `ready`)', async () => {
    const { dir, uncommitted } = await withUncommittedDeal();
    const watch = new WatchProcess(dir, [], ENV);
    try {
      await watch.ready();
      await waitFor(() => told(watch) !== undefined, 'the uncommitted line', () => watch.describe());
      expect(told(watch)?.uncommitted).toEqual(uncommitted);
      expect(watch.lines.map((l) => l.event).slice(0, 3)).toEqual(['cycle', 'ready', 'uncommitted']);
      expect(watch.lines.filter((l) => l.event === 'uncommitted')).toHaveLength(1);
    } finally {
      await watch.stop();
    }
    const text = new WatchProcess(dir, [], ENV, { text: true });
    try {
      await text.ready();
      await waitFor(() => text.text.length >= 3, 'the line naming them', () => text.describe());
      expect(text.text[2]).toBe(
        `⚠ ${uncommitted.length} source files differ from HEAD and are not committed (sync commits only the files its derived changes come from): ${uncommitted.join(', ')}; commit them with \`git add\` and \`git commit\` when they are ready`,
      );
    } finally {
      await text.stop();
    }
  });

  it('names them as left for git during a merge, as sync does: not as sources sync would commit', async () => {
    const { dir, uncommitted } = await withUncommittedDeal();
    writeFileSync(join(dir, '.git/MERGE_HEAD'), `${git(dir, 'rev-parse', 'HEAD')}`);
    const text = new WatchProcess(dir, [], ENV, { text: true });
    try {
      await text.ready();
      await waitFor(() => text.text.length >= 3, 'the line naming them', () => text.describe());
      expect(text.text[2]).toBe(`⚠ ${uncommitted.length} files differ from HEAD and are not committed while a merge is in progress (threadwork commits nothing until it is finished): ${uncommitted.join(', ')}; \`git add\` them, then \`git commit\`, which commits them as it finishes the merge`);
    } finally {
      await text.stop();
    }
  });

  it('names the deleted ones among them in JSON too (`uncommittedDeleted`), as its text says `(deleted)`', async () => {
    const dir = exampleWorkspaceCopy();
    rmSync(join(dir, 'strategy/canvas/01-context.md'));
    // The derived files move in a run that does not commit: the deletion is left uncommitted.
    expect((await runCli(['sync', '--no-commit', '--dir', dir], { env: ENV })).code).toBe(0);
    const watch = new WatchProcess(dir, [], ENV);
    try {
      await watch.ready();
      await waitFor(() => told(watch) !== undefined, 'the uncommitted line', () => watch.describe());
      expect(told(watch)).toMatchObject({ uncommitted: expect.arrayContaining(['strategy/canvas/01-context.md']), uncommittedDeleted: ['strategy/canvas/01-context.md'] });
    } finally {
      await watch.stop();
    }
  });

  it('says nothing of them with --no-commit (null), and lists none on a clean workspace ([])', async () => {
    const { dir } = await withUncommittedDeal();
    const off = new WatchProcess(dir, ['--no-commit'], ENV);
    try {
      await off.ready();
      await waitFor(() => told(off) !== undefined, 'the uncommitted line', () => off.describe());
      expect(told(off)).toMatchObject({ uncommitted: null, uncommittedDeleted: null });
    } finally {
      await off.stop();
    }
    const clean = new WatchProcess(exampleWorkspaceCopy(), [], ENV);
    try {
      await clean.ready();
      await waitFor(() => told(clean) !== undefined, 'the uncommitted line', () => clean.describe());
      expect(told(clean)).toMatchObject({ uncommitted: [], uncommittedDeleted: [] });
    } finally {
      await clean.stop();
    }
  });

  it('says null outside a git repository, as sync --json does: git cannot say, and nothing is committed', async () => {
    const dir = workspace();
    const sync = await runJson<{ uncommitted: string[] | null; uncommittedDeleted: string[] | null }>(['sync', '--dir', dir], { env: ENV });
    expect(sync.json).toMatchObject({ uncommitted: null, uncommittedDeleted: null });
    const watch = new WatchProcess(dir, [], ENV);
    try {
      await watch.ready();
      await waitFor(() => told(watch) !== undefined, 'the uncommitted line', () => watch.describe());
      expect(told(watch)).toMatchObject({ uncommitted: null, uncommittedDeleted: null });
    } finally {
      await watch.stop();
    }
  });

  it('a sync served by a watcher outside a git repository says null too, as the same sync run cold does', async () => {
    const dir = workspace();
    const watch = new WatchProcess(dir, [], ENV);
    try {
      await watch.ready();
      const served = await runJson<{ uncommitted: string[] | null; uncommittedDeleted: string[] | null; served?: { pid: number } }>(['sync', '--dir', dir], { env: ENV });
      expect(served.json.served?.pid).toBe(watch.pid);
      expect(served.json).toMatchObject({ uncommitted: null, uncommittedDeleted: null });
    } finally {
      await watch.stop();
    }
  });
});
