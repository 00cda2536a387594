import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { WorkspaceState } from '../src/engine/state.js';
import { commitPaths } from '../src/git/commit.js';
import { changedPaths } from '../src/git/status.js';
import { everySource, SOURCE_FOLDERS, UncommittedSources } from '../src/engine/uncommitted.js';
import { exampleWorkspace } from './helpers/example.js';
import { writeFiles } from './helpers/testdir.js';
import { git, gitEnv } from './helpers/git.js';
import { isScannedPath, scanWorkspace } from '../src/workspace/scan.js';

// A cold transaction learns which sources are uncommitted (its commit's triggers) from a
// record the last run kept, asking git only about the files that may have changed since —
// as long as HEAD and the parse cache are what the record was made with.
// Each answer is compared with `git status` of every source folder: the two must agree.

const HYPOTHESIS = 'threads/sales/harbor-lending/2-hypothesis.md';
const INPUT = 'threads/sales/harbor-lending/1-input.md';

/**
 * What a cold run would learn now: the answer, and whether git was asked about named files
 * only. Its load may write the parse cache again (racy entries of files just copied): the
 * answer is then kept for that cache, as a transaction keeps it at its end.
 */
async function ask(dir: string): Promise<{ paths: string[]; narrowed: boolean; query: UncommittedSources; state: WorkspaceState }> {
  const query = new UncommittedSources(dir);
  const state = await WorkspaceState.load(dir);
  await query.ask(state);
  const paths = await query.paths();
  if (state.parseCacheIdentity !== state.sinceParseCache?.identity) await query.remember(state, null, []);
  return { paths, narrowed: query.narrowed, query, state };
}

/** A synced example workspace: the sync left a parse cache and a record of what is uncommitted (nothing). */
async function synced(): Promise<string> {
  const dir = exampleWorkspace();
  await (await openWorkspace(dir)).sync();
  expect(await everySource(dir)).toEqual([]);
  return dir;
}

describe('uncommitted sources between runs', () => {
  it('asks git only about the files changed, added or removed since the record, and agrees with git status', async () => {
    const dir = await synced();
    expect(await ask(dir)).toMatchObject({ paths: [], narrowed: true });
    appendFileSync(join(dir, HYPOTHESIS), '\nA new line.\n');
    writeFileSync(join(dir, 'goals/g-new.md'), '---\nid: g-new\n---\n');
    // A note beside a thread's files: listed by the scan, never parsed, never a source.
    writeFileSync(join(dir, 'threads/sales/harbor-lending/notes.md'), 'untracked\n');
    rmSync(join(dir, INPUT));
    const after = await ask(dir);
    expect(after.narrowed).toBe(true);
    expect(after.paths).toEqual(['goals/g-new.md', INPUT, HYPOTHESIS].sort());
    expect(after.paths).toEqual(await everySource(dir));
  });

  it('keeps a source that stays uncommitted from run to run, though the parse cache no longer says it changed', async () => {
    const dir = await synced();
    appendFileSync(join(dir, HYPOTHESIS), '\nA thought for later.\n');
    const first = await ask(dir);
    expect(first.paths).toEqual([HYPOTHESIS]);
    // The run writes the parse cache anew (as after many writes) and keeps the record with it.
    await first.state.saveParseCache();
    await first.query.remember(first.state, null, []);
    const second = await ask(dir);
    expect(second.state.sinceParseCache?.paths).toEqual([]);
    expect(second).toMatchObject({ narrowed: true, paths: [HYPOTHESIS] });
  });

  it('still asks only about named files after git add, git rm --cached or a git status that rewrites the index', async () => {
    const dir = await synced();
    appendFileSync(join(dir, HYPOTHESIS), '\nEdited.\n');
    const edited = await ask(dir);
    await edited.query.remember(edited.state, null, []);
    // An entry without stat data, as a threadwork commit leaves the files it committed: a
    // person's git status then refreshes it and writes the index anew.
    const entry = git(dir, 'ls-files', '-s', '--', INPUT);
    execFileSync('git', ['update-index', '--index-info'], { cwd: dir, input: entry, env: gitEnv() });
    const indexFile = join(dir, '.git/index');
    const before = readFileSync(indexFile);
    git(dir, 'status', '--porcelain');
    expect(readFileSync(indexFile).equals(before)).toBe(false);
    expect(await ask(dir)).toMatchObject({ narrowed: true, paths: [HYPOTHESIS] });
    // Staged: still uncommitted, and git's answer about it is its answer with the index as it is.
    git(dir, 'add', HYPOTHESIS);
    const staged = await ask(dir);
    expect(staged).toMatchObject({ narrowed: true, paths: [HYPOTHESIS] });
    expect(staged.paths).toEqual(await everySource(dir));
    // Untracked in the index while the file is HEAD's: not a change of the workspace, not a trigger.
    git(dir, 'rm', '-q', '--cached', INPUT);
    expect((await ask(dir)).paths).toEqual([HYPOTHESIS]);
    git(dir, 'reset', '-q');
    expect(await ask(dir)).toMatchObject({ narrowed: true, paths: [HYPOTHESIS] });
    expect(await everySource(dir)).toEqual([HYPOTHESIS]);
  });

  it("asks git about every source after a person's commit, or a parse cache written anew", async () => {
    const dir = await synced();
    appendFileSync(join(dir, HYPOTHESIS), '\nEdited.\n');
    const edited = await ask(dir);
    expect(edited.narrowed).toBe(true);
    await edited.query.remember(edited.state, null, []);
    expect((await ask(dir)).narrowed).toBe(true);
    git(dir, 'add', HYPOTHESIS);

    // A person's commit: HEAD moved, and what was uncommitted is not any more.
    git(dir, 'commit', '-qm', 'by hand');
    const committed = await ask(dir);
    expect(committed).toMatchObject({ narrowed: false, paths: [] });
    await committed.query.remember(committed.state, null, []);
    expect((await ask(dir)).narrowed).toBe(true);

    // The parse cache written again (a watcher's, a first sync's): another identity.
    appendFileSync(join(dir, INPUT), '\nEdited too.\n');
    const state = await WorkspaceState.load(dir);
    await state.saveParseCache();
    const rewritten = await ask(dir);
    expect(rewritten).toMatchObject({ narrowed: false, paths: [INPUT] });
  });

  it('commits as triggers the sources edited since the last run, when git was asked only about them', async () => {
    const dir = await synced();
    // A file of a source folder the engine never reads: uncommitted, and never a trigger.
    writeFileSync(join(dir, 'strategy/notes.md'), 'thinking out loud\n');
    // Nor is a note beside a thread's files: listed by the scan, never parsed.
    writeFileSync(join(dir, 'threads/sales/brightcart/my-notes.txt'), 'scratch\n');
    expect(await changedPaths(dir, SOURCE_FOLDERS)).toEqual(['strategy/notes.md', 'threads/sales/brightcart/my-notes.txt']);
    expect(await everySource(dir)).toEqual([]);
    const learning = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    writeFileSync(learning, readFileSync(learning, 'utf8').replace('arr: 36000', 'arr: 41000'));
    expect((await ask(dir)).narrowed).toBe(true);
    const result = await (await openWorkspace(dir)).sync();
    expect(result.commit).toMatchObject({ committed: true });
    expect(result.triggers).toContain('threads/sales/harbor-lending/6-learning.md');
    expect(result.triggers).not.toContain('strategy/notes.md');
    expect(result.triggers).not.toContain('threads/sales/brightcart/my-notes.txt');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).not.toMatch(/notes/);
    // The record the sync kept names its own commit: the next run still asks about named files only,
    // before a person's `git status` and after it.
    expect(await ask(dir)).toMatchObject({ narrowed: true, paths: [] });
    expect(git(dir, 'status', '--porcelain', '--', ...SOURCE_FOLDERS)).toBe('?? strategy/notes.md\n?? threads/sales/brightcart/my-notes.txt\n');
    expect(await ask(dir)).toMatchObject({ narrowed: true, paths: [] });
  });

  it('discards a damaged record with a warning, whether the sync commits or not, and keeps a sound one', async () => {
    const dir = await synced();
    const record = join(dir, '.git/threadwork-cache/uncommitted.json');
    const discarded = (diagnostics: { path: string; rule: string }[]): boolean => diagnostics.some((d) => d.rule === 'cache-discarded' && d.path.endsWith('uncommitted.json'));
    // An edit nothing derived depends on: the sync writes and commits nothing.
    writeFileSync(record, '{"format": 1, "key": "truncat');
    appendFileSync(join(dir, HYPOTHESIS), '\nA thought for later.\n');
    const quiet = await (await openWorkspace(dir)).sync();
    expect(quiet.commit?.committed ?? false).toBe(false);
    expect(discarded(quiet.diagnostics)).toBe(true);
    expect(await ask(dir)).toMatchObject({ narrowed: true, paths: [HYPOTHESIS] });
    // An edit that moves derived values: the sync commits.
    writeFileSync(record, 'not json');
    const learning = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    writeFileSync(learning, readFileSync(learning, 'utf8').replace('arr: 36000', 'arr: 41000'));
    const committed = await (await openWorkspace(dir)).sync();
    expect(committed.commit).toMatchObject({ committed: true });
    expect(discarded(committed.diagnostics)).toBe(true);
    expect((await ask(dir)).narrowed).toBe(true);
  });

  it('keeps no record when its commit went onto a HEAD the run did not ask git about', async () => {
    const dir = await synced();
    appendFileSync(join(dir, HYPOTHESIS), '\nCommitted by the run.\n');
    const run = await ask(dir);
    git(dir, 'commit', '--allow-empty', '-qm', 'a person committed meanwhile');
    const commit = await commitPaths({ cwd: dir, paths: [HYPOTHESIS], message: 'threadwork: the run' });
    expect(commit).toMatchObject({ committed: true });
    await run.query.remember(run.state, commit, [HYPOTHESIS]);
    expect(await ask(dir)).toMatchObject({ narrowed: false, paths: [] });
  });

  it('takes as sources exactly the files of the source folders a scan lists', () => {
    const dir = exampleWorkspace();
    writeFiles(dir, {
      'strategy/notes.md': 'not read\n',
      'goals/archive/old.md': 'not read\n',
      'threads/README.md': 'not read\n',
      'threads/sales/harbor-lending/call-notes.txt': 'read: a thread folder file\n',
      'threads/sales/harbor-lending/.draft.md': 'hidden\n',
      'threads/sales/campaigns/q4-outbound/drafts/extra.md': 'a draft\n',
      'threads/sales/campaigns/q4-outbound/drafts/extra.txt': 'not a draft\n',
      'strategy/canvas/notes.txt': 'not read\n',
    });
    const scanned = new Set(scanWorkspace(dir).files);
    const all = (rel: string): string[] =>
      readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(`${rel}/${e.name}`) : [`${rel}/${e.name}`]));
    const files = [...['threads', 'strategy', 'goals'].flatMap(all), 'threadwork.config.yaml'];
    expect(files.filter((path) => isScannedPath(path) !== scanned.has(path))).toEqual([]);
    expect(files.filter((path) => !scanned.has(path)).length).toBeGreaterThanOrEqual(6);
  });
});
