import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv } from './helpers/git.js';
import { waitFor, watchStarter } from './helpers/watch.js';

const start = watchStarter();

/*
 * The fourth review: a hand-tuned ICP file moved every deal's scores, and a template
 * override every generated narrative — and each commit held the derived change without
 * the file it came from (the ICP left modified, the override untracked): HEAD held figures
 * its own sources did not give.
 */
const ICP = 'research/customer/icp/mid-market-fintech-icp.yaml';
const OVERRIDE = '.threadwork/templates/strategy/narrative/problem-narrative.md.hbs';

describe('a source the derived files follow from, outside the canvas', () => {
  it('a hand-tuned ICP file is committed with the scores it moved, named as their trigger', async () => {
    const dir = exampleWorkspaceCopy();
    const text = readFileSync(join(dir, ICP), 'utf8');
    const tuned = text.replace(/^(\s+)fit: 0\.35$/m, '$1fit: 0.5').replace(/^(\s+)intent: 0\.35$/m, '$1intent: 0.2');
    expect(tuned).not.toBe(text);
    writeFileSync(join(dir, ICP), tuned);
    const synced = await runCli(['sync', '--dir', dir], { env: gitEnv() });
    expect(synced.code, synced.stdout).toBe(0);
    expect(synced.stdout).toMatch(/icp_match_score \d\.\d+ → \d\.\d+/);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(ICP);
    expect(git(dir, 'log', '-1', '--format=%B')).toContain(`Threadwork-Trigger: ${ICP}`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a template override is committed with the generated files made from it, by strategy and by sync', async () => {
    const dir = exampleWorkspaceCopy();
    mkdirSync(join(dir, '.threadwork/templates/strategy/narrative'), { recursive: true });
    const builtIn = readFileSync(join(REPO_ROOT, 'templates/strategy/narrative/problem-narrative.md.hbs'), 'utf8');
    writeFileSync(join(dir, OVERRIDE), `${builtIn}\nOur own closing line.\n`);
    const generated = await runCli(['strategy', '--dir', dir], { env: gitEnv() });
    expect(generated.code, generated.stdout).toBe(0);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(OVERRIDE);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');

    writeFileSync(join(dir, OVERRIDE), `${builtIn}\nAnother closing line.\n`);
    const synced = await runCli(['sync', '--dir', dir], { env: gitEnv() });
    expect(synced.code, synced.stdout).toBe(0);
    expect(synced.stdout).toContain('(the canvas or a template it is made from changed)');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(OVERRIDE);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  // sync committed the narratives rendered again without the override, and left the
  // override's deletion out: HEAD still held an override its narratives no longer followed.
  it('sync commits a template override deleted with the files made again without it, saying it was removed', async () => {
    const dir = exampleWorkspaceCopy();
    mkdirSync(join(dir, '.threadwork/templates/strategy/narrative'), { recursive: true });
    const builtIn = readFileSync(join(REPO_ROOT, 'templates/strategy/narrative/problem-narrative.md.hbs'), 'utf8');
    writeFileSync(join(dir, OVERRIDE), `${builtIn}\nOur own closing line.\n`);
    expect((await runCli(['strategy', '--dir', dir], { env: gitEnv() })).code).toBe(0);
    rmSync(join(dir, OVERRIDE));
    const synced = await runCli(['sync', '--dir', dir], { env: gitEnv() });
    expect(synced.code, synced.stdout).toBe(0);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(OVERRIDE);
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe(`threadwork: removed template override ${OVERRIDE} (the built-in template is used again)`);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  // Its removal was committed as "threadwork: update .threadwork/templates/…", as if edited.
  it('a template override deleted is committed as removed, not as an update', async () => {
    const dir = exampleWorkspaceCopy();
    mkdirSync(join(dir, '.threadwork/templates/strategy/narrative'), { recursive: true });
    const builtIn = readFileSync(join(REPO_ROOT, 'templates/strategy/narrative/problem-narrative.md.hbs'), 'utf8');
    writeFileSync(join(dir, OVERRIDE), `${builtIn}\nOur own closing line.\n`);
    expect((await runCli(['strategy', '--dir', dir], { env: gitEnv() })).code).toBe(0);
    const w = start(dir, [], { ...gitEnv(), THREADWORK_WATCH_RECONCILE_MS: '0' });
    await w.ready();
    rmSync(join(dir, OVERRIDE));
    await waitFor(() => w.cycles().some((c) => c.deleted?.includes(OVERRIDE) && c.commit?.committed), 'the removal to be committed', () => w.describe());
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(OVERRIDE);
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe(`threadwork: removed template override ${OVERRIDE} (the built-in template is used again)`);
  });

  /*
   * A review of watch: the watcher watched no template override, so an override saved —
   * made, edited or deleted — regenerated nothing until the minute's reconcile, whose line
   * named no file (and `sync` meanwhile would have written what the watcher had not).
   */
  it('a watcher regenerates the files made from a template override on its save, naming it, and on its removal', async () => {
    const dir = exampleWorkspaceCopy();
    const w = start(dir, [], { ...gitEnv(), THREADWORK_WATCH_RECONCILE_MS: '0' });
    await w.ready();
    const builtIn = readFileSync(join(REPO_ROOT, 'templates/strategy/narrative/problem-narrative.md.hbs'), 'utf8');
    const narrative = 'artifacts/sales/mid-market-fintech/narrative/problem-narrative.md';
    // Made in a folder that did not exist when the watcher started.
    mkdirSync(join(dir, '.threadwork/templates/strategy/narrative'), { recursive: true });
    writeFileSync(join(dir, OVERRIDE), `${builtIn}\nOur own closing line.\n`);
    await waitFor(() => w.cycles().some((c) => c.trigger?.includes(OVERRIDE) && c.commit?.committed), 'the override to be answered', () => w.describe());
    expect(w.cycles().find((c) => c.trigger?.includes(OVERRIDE))!.written, w.describe()).toContain(narrative);
    expect(readFileSync(join(dir, narrative), 'utf8')).toContain('Our own closing line.');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(OVERRIDE);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');

    const before = w.cycles().length;
    writeFileSync(join(dir, OVERRIDE), `${builtIn}\nAnother closing line.\n`);
    await waitFor(() => w.cycles().length > before && git(dir, 'status', '--porcelain', '--untracked-files=all') === '', 'the edit to be committed', () => w.describe());
    expect(readFileSync(join(dir, narrative), 'utf8')).toContain('Another closing line.');

    const edited = w.cycles().length;
    rmSync(join(dir, '.threadwork/templates'), { recursive: true });
    await waitFor(() => w.cycles().length > edited && git(dir, 'status', '--porcelain', '--untracked-files=all') === '', 'the removal to be committed', () => w.describe());
    expect(w.cycles().at(-1)!.deleted, w.describe()).toEqual([OVERRIDE]);
    expect(readFileSync(join(dir, narrative), 'utf8')).not.toContain('closing line');
    await w.stop();
    expect((await runCli(['sync', '--dry-run', '--dir', dir], { env: { ...gitEnv(), THREADWORK_NO_SERVER: '1' } })).stdout).toContain('in sync');
  });
});
