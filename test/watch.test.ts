import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { commitCount, git, lastCommitPaths } from './helpers/git.js';
import { coldSync } from './helpers/serve.js';
import { md, read, testdir, writeFiles } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { learning, repo, wonArr } from './helpers/won-deal.js';
import { dealMeta } from './helpers/workspace.js';

const start = watchStarter();


/** Rewrites a workspace file's text. */
const edit = (dir: string, path: string, change: (text: string) => string): void => writeFileSync(join(dir, path), change(read(dir, path)));
const SEGMENTS = 'strategy/canvas/04-segments.md';
const renameSegment = (dir: string, from: string, to: string): void => edit(dir, SEGMENTS, (text) => text.replace(`  - id: ${from}\n`, `  - id: ${to}\n`));
/** A diagnostic as `check` prints its place and rule. */
const where = (d: { path: string; line: number; column: number; rule: string }): string => `${d.path}:${d.line}:${d.column} ${d.rule}`;

describe('threadwork watch', () => {
  it.each([
    ['a plain write', (dir: string, text: string) => writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), text)],
    ['an atomic save by rename (VS Code, vim writebackup)', (dir: string, text: string) => {
      writeFileSync(join(dir, 'threads/sales/acme/.6-learning.md.tmp'), text);
      renameSync(join(dir, 'threads/sales/acme/.6-learning.md.tmp'), join(dir, 'threads/sales/acme/6-learning.md'));
    }],
    ['a JetBrains safe write', (dir: string, text: string) => {
      writeFileSync(join(dir, 'threads/sales/acme/6-learning.md___jb_tmp___'), text);
      renameSync(join(dir, 'threads/sales/acme/6-learning.md___jb_tmp___'), join(dir, 'threads/sales/acme/6-learning.md'));
    }],
    ['a vim save with swap, 4913 probe and backup', (dir: string, text: string) => {
      const folder = join(dir, 'threads/sales/acme');
      writeFileSync(join(folder, '.6-learning.md.swp'), 'swap');
      writeFileSync(join(folder, '4913'), '');
      rmSync(join(folder, '4913'));
      writeFileSync(join(folder, '6-learning.md'), text);
      writeFileSync(join(folder, '6-learning.md~'), 'backup');
      rmSync(join(folder, '.6-learning.md.swp'));
    }],
  ])('turns %s into exactly one cycle and one commit, then stays quiet', async (_name, save) => {
    const dir = await repo();
    const before = commitCount(dir);
    const w = start(dir);
    await w.ready();
    save(dir, learning(48000));
    await w.cycle(1);
    expect(wonArr(dir)).toBe('48,000');
    expect(commitCount(dir)).toBe(before + 1);
    expect(lastCommitPaths(dir)).toContain('threads/sales/acme/6-learning.md');
    // A second, different change: if the first had echoed, its cycle would come first.
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(50000));
    await w.cycle(2);
    expect(w.cycles().map((c) => c.commit?.committed)).toEqual([true, true]);
    expect(commitCount(dir)).toBe(before + 2);
    expect(w.cycles()[0]!.trigger).toEqual(['threads/sales/acme/6-learning.md']);
  });

  it('commits a source edited before it started (git status, asked after start-up) with the first change that moves an aggregate', async () => {
    const dir = await repo();
    // Prose only: nothing derived moves, so the start-up sync commits nothing and the edit stays uncommitted.
    writeFileSync(join(dir, 'threads/sales/acme/3-implication.md'), `${md('date: 2026-03-01')}\nA note written before the watcher started.\n`);
    const w = start(dir);
    await w.ready();
    expect(git(dir, 'status', '--porcelain')).toContain('threads/sales/acme/3-implication.md');
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await w.cycle(1);
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining(['threads/sales/acme/3-implication.md', 'threads/sales/acme/6-learning.md']));
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('debounces a burst of saves into one cycle and one commit', async () => {
    const dir = await repo();
    const before = commitCount(dir);
    const w = start(dir, [], { THREADWORK_WATCH_DEBOUNCE_MS: '300' });
    await w.ready();
    for (let i = 1; i <= 10; i++) writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(40000 + i));
    await w.cycle(1);
    await waitFor(() => wonArr(dir) === '40,010', 'the last save to be derived', () => w.describe());
    expect(w.cycles()).toHaveLength(1);
    expect(commitCount(dir)).toBe(before + 1);
  });

  it('reports a file saved half-way with its position, keeps the last good state, and recovers when fixed', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await w.cycle(1);
    const commits = commitCount(dir);
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), '---\noutcome: closed-won\narr: [48000\n---\n');
    await w.cycle(2);
    expect(w.cycles()[1]!.diagnostics).toContainEqual(expect.objectContaining({ path: 'threads/sales/acme/6-learning.md', rule: 'yaml-syntax', line: 3, column: 6 }));
    expect(wonArr(dir)).toBe('48,000');
    expect(commitCount(dir)).toBe(commits);
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(51000));
    await w.cycle(3);
    expect(wonArr(dir)).toBe('51,000');
    expect(w.cycles()[2]!.commit).toMatchObject({ committed: true });
    expect(commitCount(dir)).toBe(commits + 1);
  });

  it('says so when a broken file is put back as it was: nothing to write, yet the error is gone', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await w.cycle(1);
    const good = readFileSync(join(dir, 'threads/sales/acme/6-learning.md'), 'utf8');
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), '---\noutcome: closed-won\narr: [48000\n---\n');
    await w.cycle(2);
    expect(w.cycles()[1]!.diagnostics).toContainEqual(expect.objectContaining({ path: 'threads/sales/acme/6-learning.md', rule: 'yaml-syntax' }));
    // The last valid content again: derived values were held at it, so nothing is written.
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), good);
    await w.cycle(3);
    expect(w.cycles()[2]).toMatchObject({ trigger: ['threads/sales/acme/6-learning.md'], written: [], diagnostics: [] });
  });

  it('handles a thread folder deleted and another renamed', async () => {
    const dir = await repo();
    writeFiles(dir, { 'threads/sales/globex/meta.json': dealMeta('globex'), 'threads/sales/globex/1-input.md': md('date: 2026-04-01') });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'globex');
    await runCli(['sync', '--dir', dir]);
    const openDeals = (): string => /\| open deals \| (\d+) \|/.exec(read(dir, 'strategy/canvas/13-metrics.md'))![1]!;
    expect(openDeals()).toBe('2');
    const w = start(dir);
    await w.ready();
    rmSync(join(dir, 'threads/sales/globex'), { recursive: true });
    await waitFor(() => openDeals() === '1', 'the deleted thread to leave the metrics', () => w.describe());
    renameSync(join(dir, 'threads/sales/acme'), join(dir, 'threads/sales/acme-corp'));
    await waitFor(() => w.cycles().some((c) => c.diagnostics?.some((d) => d.rule === 'thread-id-folder') ?? false) || /acme-corp/.test(read(dir, 'goals/g-first-customers.md')), 'the renamed thread to be seen', () => w.describe());
  });

  it('takes a thread folder renamed, then its id fixed, as one rename: no thread left behind under the old name', async () => {
    const dir = await repo();
    const openDeals = (): string => /\| open deals \| (\d+) \|/.exec(read(dir, 'strategy/canvas/13-metrics.md'))![1]!;
    expect(openDeals()).toBe('1');
    const w = start(dir);
    await w.ready();
    renameSync(join(dir, 'threads/sales/acme'), join(dir, 'threads/sales/acme-corp'));
    await waitFor(() => w.cycles().some((c) => c.diagnostics?.some((d) => d.rule === 'thread-id-folder') ?? false), 'the rename to be reported', () => w.describe());
    const seen = w.cycles().length;
    edit(dir, 'threads/sales/acme-corp/meta.json', (text) => text.replace('"id": "acme"', '"id": "acme-corp"'));
    await waitFor(() => w.cycles().slice(seen).some((c) => c.trigger?.includes('threads/sales/acme-corp/meta.json') ?? false), 'the fixed id to start a cycle', () => w.describe());
    const fixed = w.cycles().slice(seen).find((c) => c.trigger?.includes('threads/sales/acme-corp/meta.json'))!;
    // What a cold check of the same files says: nothing is wrong, one open deal, the rename committed whole.
    expect(fixed.diagnostics, w.describe()).toEqual([]);
    expect(openDeals()).toBe('1');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const check = await runJson<{ diagnostics: unknown[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics).toEqual([]);
  });


  it('reports every file still naming a renamed segment as a cold sync does, and commits what it commits', async () => {
    const dir = await repo();
    const twin = testdir();
    cpSync(dir, twin, { recursive: true });
    const w = start(dir);
    await w.ready();
    const commits = commitCount(dir);
    renameSegment(dir, 'mid-market-fintech', 'fintech');
    await w.cycle(1);
    renameSegment(twin, 'mid-market-fintech', 'fintech');
    // The cold sync it is compared with: the command's own function (no watcher runs on the twin).
    const cold = await coldSync<{ diagnostics: { path: string; line: number; column: number; rule: string }[] }>(twin);
    expect(cold.code, JSON.stringify(cold.json)).toBe(1);
    expect(cold.json.diagnostics.map(where)).toEqual(expect.arrayContaining([expect.stringMatching(/^threads\/sales\/acme\/meta\.json:\d+:\d+ unknown-segment$/)]));
    expect(w.cycles()[0]!.diagnostics!.map(where).sort()).toEqual(cold.json.diagnostics.map(where).sort());
    // The same outcome, byte for byte: the thread naming the old id held, and with it the
    // canvas that renamed it (engine/held-definitions.ts) — nothing committed, by either.
    expect(commitCount(dir)).toBe(commits);
    expect(commitCount(twin)).toBe(commits);
    expect(git(dir, 'rev-parse', 'HEAD^{tree}')).toBe(git(twin, 'rev-parse', 'HEAD^{tree}'));
    expect(git(dir, 'status', '--porcelain')).toBe(git(twin, 'status', '--porcelain'));
    // A later save elsewhere repeats neither the errors nor the reminders that the thread and
    // the canvas are held (said when the hold started, and when it ends); renamed back they
    // are gone — the thread fixed, the canvas no longer held — renamed again they are reported again.
    edit(dir, 'strategy/canvas/01-context.md', (text) => `${text}\nOne more line of context.\n`);
    await w.cycle(2);
    expect(w.cycles()[1]!.diagnostics).toEqual([]);
    renameSegment(dir, 'fintech', 'mid-market-fintech');
    await w.cycle(3);
    expect(w.cycles()[2]).toMatchObject({ diagnostics: [], fixed: ['strategy/canvas/10-assumptions.md', 'threads/sales/acme/meta.json'], released: ['strategy/canvas/04-segments.md'] });
    renameSegment(dir, 'mid-market-fintech', 'fintech');
    await w.cycle(4);
    expect(w.cycles()[3]!.diagnostics!.map(where).sort()).toEqual(cold.json.diagnostics.map(where).sort());
  });

  it('takes a git checkout that brings fifty threads as one cycle and one commit', async () => {
    const dir = await repo();
    git(dir, 'checkout', '-q', '-b', 'imported');
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) {
      files[`threads/sales/lead-${i}/meta.json`] = dealMeta(`lead-${i}`);
      files[`threads/sales/lead-${i}/1-input.md`] = md('date: 2026-06-01');
    }
    writeFiles(dir, files);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'fifty leads');
    git(dir, 'checkout', '-q', 'main');
    const w = start(dir, [], { THREADWORK_WATCH_DEBOUNCE_MS: '400' });
    await w.ready();
    const before = commitCount(dir);
    git(dir, 'checkout', '-q', 'imported');
    await w.cycle(1);
    expect(read(dir, 'strategy/canvas/13-metrics.md')).toMatch(/\| open deals \| 51 \|/);
    expect(w.cycles()).toHaveLength(1);
    expect(commitCount(dir)).toBe(before + 1 + 1); // the branch's own commit, then one threadwork commit
  });

  it('never triggers on ignored paths: .git, node_modules, editor files', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/x/index.md'), '---\nbroken: [\n');
    writeFileSync(join(dir, 'threads/sales/acme/.#6-learning.md'), 'lock');
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md.swp'), 'swap');
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md~'), '---\nbroken: [\n');
    git(dir, 'tag', 'just-touching-git');
    // Then a real change: the first cycle printed must be the real one.
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(1000));
    await w.cycle(1);
    expect(w.cycles()[0]!.trigger).toEqual(['threads/sales/acme/6-learning.md']);
    expect(w.cycles()[0]!.diagnostics).toEqual([]);
  });

  it('loses nothing when the CLI writes while it runs', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    const created = await Promise.all(['Northwind', 'Globex', 'Initech'].map((name) => runJson(['deal', 'new', name, '-s', 'mid-market-fintech', '--dir', dir])));
    expect(created.map((c) => c.code)).toEqual([0, 0, 0]);
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    await waitFor(() => ['northwind', 'globex', 'initech'].every((id) => JSON.parse(read(dir, `threads/sales/${id}/meta.json`)).stage === 1), 'the new deals to be derived', () => w.describe());
    await waitFor(() => wonArr(dir) === '48,000', 'the learning to be derived', () => w.describe());
    // The watcher may still be finishing its last cycle: the workspace must settle at the fixed point.
    let pending: string[] = ['(not checked yet)'];
    for (let attempt = 0; attempt < 40 && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      pending = (await runJson<{ written: string[] }>(['sync', '--dry-run', '--dir', dir])).json.written;
    }
    expect(pending, w.describe()).toEqual([]);
  });

  it('commits on top of a commit made from outside while its own was being made, with no error', async () => {
    const dir = await repo();
    // git as the watcher runs it, but a person's `git commit` lands the moment threadwork has
    // read HEAD and makes its commit object (once): HEAD moves under it, as in a real race.
    const bin = testdir();
    const realGit = execFileSync('which', ['git'], { encoding: 'utf8' }).trim();
    const mark = join(bin, 'raced');
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nif [ "$1" = "commit-tree" ] && [ ! -e '${mark}' ]; then\n  : > '${mark}'\n  '${realGit}' commit -q --allow-empty -m 'committed from outside meanwhile' >/dev/null\nfi\nexec '${realGit}' "$@"\n`,
    );
    chmodSync(join(bin, 'git'), 0o755);
    const before = commitCount(dir);
    const w = start(dir, [], { PATH: `${bin}:${process.env.PATH ?? ''}` });
    await w.ready();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await waitFor(() => w.cycles().length > 0 || w.lines.some((l) => l.event === 'error'), 'the save to be answered', () => w.describe());
    expect(existsSync(mark)).toBe(true);
    expect(w.lines.filter((l) => l.event === 'error'), w.describe()).toEqual([]);
    expect(w.cycles()[0]!.commit).toMatchObject({ committed: true });
    expect(git(dir, 'log', '--format=%s', '-2').trim().split('\n')).toEqual([expect.stringMatching(/^threadwork: /), 'committed from outside meanwhile']);
    expect(commitCount(dir)).toBe(before + 2);
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining(['threads/sales/acme/6-learning.md', 'strategy/canvas/13-metrics.md']));
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
