import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { commitCount, git, lastCommitPaths } from './helpers/git.js';
import { md, read, testdir, writeFiles } from './helpers/testdir.js';
import { WatchProcess, waitFor } from './helpers/watch.js';
import { learning, repo } from './helpers/won-deal.js';
import { dealMeta } from './helpers/workspace.js';

const running: WatchProcess[] = [];
afterEach(async () => {
  for (const w of running.splice(0)) await w.kill();
});

function start(dir: string, args: string[] = [], env: Record<string, string> = {}, options: { text?: boolean } = {}): WatchProcess {
  const w = new WatchProcess(dir, args, env, options);
  running.push(w);
  return w;
}

const wonArr = (dir: string): string => /\| won ARR \| ([^|]+) \|/.exec(read(dir, 'strategy/canvas/13-metrics.md'))?.[1]?.trim() ?? '(none)';

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

  it.each([
    ['a signal written into 1-input.md', 'threads/sales/acme/1-input.md', (text: string) => text.replace('date: 2026-03-01', 'date: 2026-03-01\nsignal: Asked for a demo at a conference')],
    ['prose appended to 04-segments.md', SEGMENTS, (text: string) => `${text}\nFintech first; e-commerce once two pilots close.\n`],
  ])('prints a line for %s, a save that changes no derived value', async (_name, path, change) => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    edit(dir, path, change);
    await w.cycle(1);
    expect(w.cycles()[0]).toMatchObject({ kind: 'change', trigger: [path], written: [], changes: [], commit: null, diagnostics: [] });
  });

  it('prints that line in text as the README shows it: the file saved → nothing written', async () => {
    const dir = await repo();
    const w = start(dir, [], {}, { text: true });
    await w.ready();
    edit(dir, 'threads/sales/acme/3-implication.md', (text) => `${text}\nThey run three PSPs.\n`);
    await waitFor(() => w.text.some((line) => /^\d\d:\d\d:\d\d threads\/sales\/acme\/3-implication\.md → nothing written$/.test(line)), 'the line of the save', () => w.describe());
  });

  it('says which files of a save were deleted: a stage file removed, a thread folder moved away', async () => {
    const dir = await repo();
    const text = start(dir, [], {}, { text: true });
    await text.ready();
    rmSync(join(dir, 'threads/sales/acme/5-actions.md'));
    await waitFor(() => text.text.some((line) => /^\d\d:\d\d:\d\d threads\/sales\/acme\/5-actions\.md deleted → /.test(line)), 'the line naming the deleted file', () => text.describe());
    await text.stop();
    const json = start(dir);
    await json.ready();
    renameSync(join(dir, 'threads/sales/acme'), join(testdir(), 'acme'));
    await json.cycle(1);
    const line = json.cycles()[0]!;
    expect(line.deleted, json.describe()).toEqual(line.trigger);
    expect(line.deleted).toEqual(expect.arrayContaining(['threads/sales/acme/meta.json', 'threads/sales/acme/1-input.md']));
  });

  it('prints a line for a reconcile that writes and commits what the day moved (midnight), with no file saved', async () => {
    const dir = await repo();
    // A date of tomorrow (the watcher's): left out of the goal's `as of` until the day comes (docs/derivation.md).
    edit(dir, 'threads/sales/acme/1-input.md', (text) => text.replace('date: 2026-03-01', 'date: 2026-11-21'));
    git(dir, 'commit', '-qam', 'input dated tomorrow');
    // The watcher's clock, not the machine's: 2026-11-20 at noon, a day later once `next-day` exists.
    const clock = testdir();
    const nextDay = join(clock, 'next-day');
    writeFileSync(
      join(clock, 'clock.mjs'),
      `import { existsSync } from 'node:fs';\nconst Real = Date;\nconst started = Real.now();\nconst now = () => Real.parse('2026-11-20T12:00:00Z') + (Real.now() - started) + (existsSync(${JSON.stringify(nextDay)}) ? 86_400_000 : 0);\nglobalThis.Date = class extends Real {\n  constructor(...args) { if (args.length === 0) super(now()); else super(...args); }\n  static now() { return now(); }\n};\n`,
    );
    const w = start(dir, [], { NODE_OPTIONS: `--import ${join(clock, 'clock.mjs')}`, THREADWORK_WATCH_RECONCILE_MS: '300' });
    await w.ready();
    const before = commitCount(dir);
    const goal = read(dir, 'goals/g-first-customers.md');
    expect(goal).not.toContain('as of 2026-11-21');
    writeFileSync(nextDay, '');
    await waitFor(() => commitCount(dir) > before, 'the day moved to be committed', () => w.describe());
    expect(read(dir, 'goals/g-first-customers.md')).toContain('as of 2026-11-21');
    await waitFor(() => w.lines.some((l) => l.event === 'cycle' && l.kind === 'reconcile'), 'a line for what the reconcile committed', () => w.describe(), 5_000);
    const line = w.lines.find((l) => l.event === 'cycle' && l.kind === 'reconcile')!;
    expect(line).toMatchObject({ trigger: [], written: expect.arrayContaining(['goals/g-first-customers.md']), commit: { committed: true } });
    expect(line.commit!.commit).toBe(git(dir, 'rev-parse', 'HEAD').trim());
  });

  it('stamps a text line with the time on the clock of whoever watches (their time zone), not UTC', async () => {
    const dir = await repo();
    // Fourteen hours ahead of UTC: a line stamped in UTC is off by fourteen hours, whatever the hour.
    const w = start(dir, [], { TZ: 'Etc/GMT-14' }, { text: true });
    await w.ready();
    const startup = w.text.find((line) => line.includes('startup sync'))!;
    const printed = /^(\d\d):(\d\d):(\d\d) /.exec(startup);
    expect(printed, startup).not.toBeNull();
    const seconds = (Number(printed![1]) * 60 + Number(printed![2])) * 60 + Number(printed![3]);
    const now = new Date();
    const local = (((now.getUTCHours() + 14) * 60 + now.getUTCMinutes()) * 60 + now.getUTCSeconds()) % 86_400;
    // The line was printed within the last minute (the start-up): compared on a 24-hour dial.
    const behind = (local - seconds + 86_400) % 86_400;
    expect(behind, `${startup} at ${now.toISOString()}`).toBeLessThan(60);
  });

  it('reports every file still naming a renamed segment as a cold sync does, and commits what it commits', async () => {
    const dir = await repo();
    const twin = testdir();
    cpSync(dir, twin, { recursive: true });
    const w = start(dir);
    await w.ready();
    renameSegment(dir, 'mid-market-fintech', 'fintech');
    await w.cycle(1);
    renameSegment(twin, 'mid-market-fintech', 'fintech');
    const cold = await runJson<{ diagnostics: { path: string; line: number; column: number; rule: string }[] }>(['sync', '--dir', twin]);
    expect(cold.code, cold.stdout).toBe(1);
    expect(cold.json.diagnostics.map(where)).toEqual(expect.arrayContaining([expect.stringMatching(/^threads\/sales\/acme\/meta\.json:\d+:\d+ unknown-segment$/)]));
    expect(w.cycles()[0]!.diagnostics!.map(where).sort()).toEqual(cold.json.diagnostics.map(where).sort());
    // The same commit, byte for byte, the thread naming the old id neither edited nor committed.
    expect(lastCommitPaths(dir)).toEqual(lastCommitPaths(twin));
    expect(git(dir, 'rev-parse', 'HEAD^{tree}')).toBe(git(twin, 'rev-parse', 'HEAD^{tree}'));
    expect(lastCommitPaths(dir)).not.toContain('threads/sales/acme/meta.json');
    expect(git(dir, 'status', '--porcelain')).toBe(git(twin, 'status', '--porcelain'));
    // A later save elsewhere does not repeat the errors — only the reminder that the thread is
    // held, which every line carries while it is (as for a broken file); renamed back they are
    // gone, renamed again they are reported again.
    edit(dir, 'strategy/canvas/01-context.md', (text) => `${text}\nOne more line of context.\n`);
    await w.cycle(2);
    expect(w.cycles()[1]!.diagnostics!.map(where)).toEqual(['threads/sales/acme/meta.json:1:1 derived-held']);
    renameSegment(dir, 'fintech', 'mid-market-fintech');
    await w.cycle(3);
    expect(w.cycles()[2]!.diagnostics).toEqual([]);
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

  it('refuses a second watcher on the same workspace and names the first', async () => {
    const dir = await repo();
    const first = start(dir);
    await first.ready();
    const second = await runCli(['watch', '--dir', dir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`pid ${first.pid}`);
  });

  it('refusing a watcher in another worktree of the repository, names the worktree the running one watches', async () => {
    const dir = await repo();
    const linked = join(testdir(), 'linked');
    git(dir, 'worktree', 'add', '-q', linked, '-b', 'linked');
    const first = start(dir);
    await first.ready();
    const second = await runCli(['watch', '--dir', linked]);
    expect(second.code).toBe(1);
    // Not "this workspace": the one running watches the other worktree, and the rule is one per repository.
    expect(second.stderr).toContain(`pid ${first.pid}`);
    expect(second.stderr).toContain(dir);
    expect(second.stderr).not.toMatch(/on this workspace/);
  });

  it('exits 0 on SIGTERM and on SIGINT', async () => {
    const dir = await repo();
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const w = start(dir);
      await w.ready();
      w.signal(signal);
      expect(await w.exit()).toBe(0);
      expect(w.lines.at(-1)).toMatchObject({ event: 'stopped', signal });
    }
  });

  it('stops as on Ctrl-C when its terminal closes (SIGHUP): the last save synced, no pid file or socket left', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await w.cycle(1);
    w.signal('SIGHUP');
    expect(await w.exit(), w.describe()).toBe(0);
    expect(w.lines.at(-1)).toMatchObject({ event: 'stopped', signal: 'SIGHUP' });
    expect(wonArr(dir)).toBe('48,000');
    expect(existsSync(join(dir, '.git/threadwork-watch.pid'))).toBe(false);
    expect(readdirSync(join(dir, '.git/threadwork-serve'))).toEqual([]);
    // The next watcher starts at once: nothing claims the workspace.
    const next = start(dir);
    await next.ready();
  });

  it('stops cleanly when nobody reads its lines any more (watch --json | head -1): the save synced, no crash, nothing left', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    // Its last line before any save (git's answer, after ready): the next one is the save's.
    await waitFor(() => w.lines.some((l) => l.event === 'uncommitted'), 'the uncommitted line', () => w.describe());
    w.closeOutput();
    // The save's line is written into the closed pipe: the watcher stops, the save synced first.
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    expect(await w.exit(), w.describe()).toBe(0);
    expect(w.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(wonArr(dir)).toBe('48,000');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(existsSync(join(dir, '.git/threadwork-watch.pid'))).toBe(false);
    expect(readdirSync(join(dir, '.git/threadwork-serve'))).toEqual([]);
  });

  it('after SIGKILL mid-cycle, the next start takes over and reaches the same fixed point', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await new Promise((resolve) => setTimeout(resolve, 170)); // just after the debounce: the cycle is under way
    await w.kill();
    const next = start(dir);
    await waitFor(() => next.lines.some((l) => l.event === 'ready'), 'the restarted watcher', () => next.describe(), 25_000);
    expect(wonArr(dir)).toBe('48,000');
    const dry = await runJson<{ written: string[] }>(['sync', '--dry-run', '--dir', dir]);
    expect(dry.json.written).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
