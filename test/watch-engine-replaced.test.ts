import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount } from './helpers/git.js';
import { winTheDeal } from './helpers/serve.js';
import { installedCopy, upgrade } from './helpers/installed-copy.js';
import { waitFor, watchStarter } from './helpers/watch.js';

/*
 * A watcher whose engine is upgraded or rebuilt under it. Before, the new CLI's sync wrote
 * its meta.json, the old watcher saw the change and wrote its own back, each committing.
 * The watcher runs from its own installed copy of the package (a path of its own is an
 * engine of its own), so this checkout's CLI is another engine beside it.
 */
const startWatch = watchStarter();

describe('a watcher whose engine was replaced on disk', () => {
  it('goes on beside another engine’s CLI, and stops syncing and serving once its own files are replaced', async () => {
    const installed = installedCopy();
    const dir = exampleWorkspaceCopy();
    // No reconcile: what stops it here is the CLI it declines.
    const watch = startWatch(dir, [], { THREADWORK_WATCH_RECONCILE_MS: '0' }, { bin: join(installed, 'bin', 'threadwork.js') });
    await watch.ready();

    // Another engine's CLI (this checkout's) is declined and runs cold; the watcher, unreplaced, goes on.
    const other = await runJson(['check'], { cwd: dir });
    expect(other.code, other.stderr).toBe(0);
    expect(other.json.served).toBeUndefined();
    const commits = commitCount(dir);
    winTheDeal(dir);
    await watch.cycle(1);
    expect(commitCount(dir)).toBe(commits + 1);
    expect(watch.lines.some((l) => l.event === 'engine-replaced')).toBe(false);

    upgrade(installed);
    const after = await runJson(['check'], { cwd: dir });
    expect(after.code, after.stderr).toBe(0);
    expect(after.json.served).toBeUndefined();
    expect(await watch.exit()).toBe(1);
    const replaced = watch.lines.find((l) => l.event === 'engine-replaced');
    expect(replaced, watch.describe()).toBeDefined();
    expect(replaced!.running).not.toBe(replaced!.installed);
    expect(watch.lines.at(-1)).toMatchObject({ event: 'stopped', signal: 'threadwork updated' });
  }, 120_000);

  it('finds out at its next reconcile when nothing asks it, and writes nothing more', async () => {
    const installed = installedCopy();
    const dir = exampleWorkspaceCopy();
    const watch = startWatch(dir, [], { THREADWORK_WATCH_RECONCILE_MS: '200' }, { bin: join(installed, 'bin', 'threadwork.js'), text: true });
    await watch.ready();
    const commits = commitCount(dir);
    upgrade(installed);
    await waitFor(() => watch.stderr.includes('threadwork was updated on disk'), 'the replaced engine told', () => watch.describe());
    // A save after it is left to the new engine: the old one neither syncs nor commits it.
    winTheDeal(dir);
    expect(await watch.exit()).toBe(1);
    expect(watch.stderr).toContain('run `threadwork watch` again');
    expect(watch.text.at(-1)).toBe('stopped (threadwork updated)');
    expect(commitCount(dir)).toBe(commits);
  }, 120_000);
});
