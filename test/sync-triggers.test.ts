import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitInit, lastCommitMessage, lastCommitPaths } from './helpers/git.js';
import { preparedCopy } from './helpers/prepared.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { WatchProcess, waitFor } from './helpers/watch.js';
import { ASSUMPTIONS, dealMeta, GOAL, workspace } from './helpers/workspace.js';

/** The `Threadwork-Trigger` trailers of the last commit, sorted. */
function triggers(dir: string): string[] {
  return [...lastCommitMessage(dir).matchAll(/^Threadwork-Trigger: (.+)$/gm)].map((m) => m[1]!).sort();
}

/** The source files (threads, strategy, goals, config) the last commit holds, sorted. */
function sourcesCommitted(dir: string, derivedOnly: readonly string[] = []): string[] {
  return lastCommitPaths(dir).filter((p) => /^(threads|strategy|goals)\/|^threadwork\.config\.yaml$/.test(p) && !derivedOnly.includes(p));
}

/**
 * Two open deals in mid-market-fintech, synced and committed: nothing uncommitted. Built,
 * git-initialised and synced once per file (through the CLI: importing the engine into this
 * process costs more than the one sync), and copied for each test.
 */
async function twoDeals(): Promise<string> {
  const dir = await preparedCopy('two-deals', builtTwoDeals);
  expect(git(dir, 'status', '--porcelain')).toBe('');
  return dir;
}

async function builtTwoDeals(): Promise<string> {
  const dir = workspace({
    'threads/sales/acme/meta.json': dealMeta('acme'),
    'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncompany:\n  name: Acme'),
    'threads/sales/globex/meta.json': dealMeta('globex'),
    'threads/sales/globex/1-input.md': md('source: inbound\ndate: 2026-03-03\nsignal: Replied\ncompany:\n  name: Globex'),
  });
  gitInit(dir);
  expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
  expect(git(dir, 'status', '--porcelain')).toBe('');
  return dir;
}

const running: WatchProcess[] = [];
afterEach(async () => {
  for (const w of running.splice(0)) await w.kill();
});

describe('sync triggers', () => {
  it('commits the edit that moved only a per-segment column, named as its trigger', async () => {
    const dir = await twoDeals();
    // The overall figures stay; only the segment columns of 13-metrics.md move.
    writeFiles(dir, { 'threads/sales/acme/meta.json': dealMeta('acme', { segment: 'ecommerce-finance' }) });
    const result = await runCli(['sync', '--dir', dir]);
    expect(result.code, result.stdout).toBe(0);
    expect(lastCommitPaths(dir)).toEqual(['strategy/canvas/13-metrics.md', 'threads/sales/acme/meta.json']);
    expect(triggers(dir)).toEqual(['threads/sales/acme/meta.json']);
    expect(lastCommitMessage(dir)).toMatch(/^metrics mid-market-fintech: open deals 2 → 1$/m);
    expect(lastCommitMessage(dir)).toMatch(/^metrics ecommerce-finance: open deals 0 → 1$/m);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('commits the hypothesis that only added a thread to an assumption’s threads column', async () => {
    const dir = await twoDeals();
    writeFiles(dir, { 'threads/sales/acme/2-hypothesis.md': md('tests: [A2]') });
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    writeFiles(dir, { 'threads/sales/globex/2-hypothesis.md': md('tests: [A2]') });
    const result = await runCli(['sync', '--dir', dir]);
    expect(result.code, result.stdout).toBe(0);
    expect(lastCommitPaths(dir)).toContain('threads/sales/globex/2-hypothesis.md');
    expect(triggers(dir)).toEqual(['threads/sales/globex/2-hypothesis.md']);
    expect(lastCommitMessage(dir)).toMatch(/^A2 open threads testing it 1 → 2 \(confidence 0\.50, testing, n=0\)$/m);
    expect(lastCommitMessage(dir)).toMatch(/^Threadwork-Assumption: A2$/m);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('names every source file the commit holds, derived ones a person edited included', async () => {
    const dir = await twoDeals();
    // A person edits two canvas sections whose blocks sync rewrites, and adds a goal.
    writeFiles(dir, {
      'strategy/canvas/10-assumptions.md': read(dir, 'strategy/canvas/10-assumptions.md').replace(ASSUMPTIONS.split('---\n')[1]!, `${ASSUMPTIONS.split('---\n')[1]!}  - id: A4\n    statement: Finance teams buy in Q4\n    prior: 0.3\n`),
      'strategy/canvas/13-metrics.md': read(dir, 'strategy/canvas/13-metrics.md').replace('title: 13-metrics\n', 'title: 13-metrics\ntargets:\n  win_rate: 0.3\n'),
      'goals/g-second.md': GOAL.replace('id: g-first-customers', 'id: g-second'),
      'strategy/canvas/04-segments.md': read(dir, 'strategy/canvas/04-segments.md').replace('E-commerce finance teams', 'E-commerce finance'),
    });
    const result = await runCli(['sync', '--dir', dir]);
    expect(result.code, result.stdout).toBe(0);
    const held = sourcesCommitted(dir);
    expect(held).toEqual(expect.arrayContaining(['goals/g-second.md', 'strategy/canvas/04-segments.md', 'strategy/canvas/10-assumptions.md', 'strategy/canvas/13-metrics.md']));
    expect(triggers(dir)).toEqual(held);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  /*
   * The fourth review: a prose edit of another deal and an unknown canvas file, staged for
   * other work, were committed as triggers of a deal's close — the README promises a source
   * that moves nothing derived is never committed by sync.
   */
  it('leaves out an edit that moves nothing derived in a thread the commit does not touch, and a file no section', async () => {
    const dir = exampleWorkspaceCopy();
    const prose = 'threads/sales/brightcart/3-implication.md';
    writeFiles(dir, { [prose]: `${read(dir, prose)}\nProse for another day.\n`, 'strategy/canvas/99-draft.md': 'draft\n' });
    git(dir, 'add', prose, 'strategy/canvas/99-draft.md');
    const learning = 'threads/sales/harbor-lending/6-learning.md';
    writeFiles(dir, { [learning]: read(dir, learning).replace(/^arr: 36000$/m, 'arr: 40000') });
    const synced = await runCli(['sync', '--dir', dir]);
    expect(synced.code, synced.stdout).toBe(0);
    expect(lastCommitPaths(dir)).toEqual([learning, 'strategy/canvas/13-metrics.md'].sort());
    // Still staged for the person's own commit.
    expect(git(dir, 'status', '--porcelain')).toBe(`A  strategy/canvas/99-draft.md\nM  ${prose}\n`);
  });

  /*
   * A review of watch: a paragraph being drafted at the end of 15-gtm.md and notes
   * under a goal were committed, as triggers, with the next deal decision the watcher synced —
   * only stage and meta.json files were compared with HEAD. Prose the generated files quote
   * (a section's first paragraph) still moves them, and is committed with them.
   */
  it('leaves out prose added to a canvas section or a goal whose values are HEAD’s; commits the prose the generated files quote', async () => {
    const dir = exampleWorkspaceCopy();
    const gtm = 'strategy/canvas/15-gtm.md';
    const goal = 'goals/g-arr-500k-2026.md';
    writeFiles(dir, { [gtm]: `${read(dir, gtm)}\nA paragraph for 2027, half-written.\n`, [goal]: `${read(dir, goal)}\nNotes for the board, not for the record yet.\n` });
    const learning = 'threads/sales/harbor-lending/6-learning.md';
    writeFiles(dir, { [learning]: read(dir, learning).replace(/^arr: 36000$/m, 'arr: 40000') });
    const synced = await runCli(['sync', '--dir', dir]);
    expect(synced.code, synced.stdout).toBe(0);
    expect(lastCommitPaths(dir)).toEqual([learning, 'strategy/canvas/13-metrics.md'].sort());
    expect(triggers(dir)).toEqual([learning]);
    expect(git(dir, 'status', '--porcelain')).toBe(` M ${goal}\n M ${gtm}\n`);

    // The first paragraph is what the narratives quote: its edit regenerates them and is their cause.
    writeFiles(dir, { [gtm]: read(dir, gtm).replace('with a paid pilot as the only call', 'with a paid 30-day pilot as the only call') });
    const moved = await runCli(['sync', '--dir', dir]);
    expect(moved.code, moved.stdout).toBe(0);
    expect(triggers(dir)).toEqual([gtm]);
    expect(lastCommitPaths(dir)).toContain('artifacts/sales/mid-market-fintech/narrative/solution-narrative.md');
    expect(git(dir, 'status', '--porcelain')).toBe(` M ${goal}\n`);
  });

  it('a watch commit names no source another process committed meanwhile', async () => {
    const dir = await twoDeals();
    const w = new WatchProcess(dir);
    running.push(w);
    await w.ready();
    // A prose edit moves nothing derived: the watcher keeps it as uncommitted (whenever its
    // event is applied, the file differs from what the watcher saw) — and the person commits it.
    writeFiles(dir, { 'threads/sales/acme/1-input.md': `${read(dir, 'threads/sales/acme/1-input.md')}\nMore notes.\n` });
    git(dir, 'commit', '-q', '-am', 'notes');
    // Then a hypothesis moves an assumption: the watcher commits it, and only it is a trigger.
    writeFiles(dir, { 'threads/sales/globex/2-hypothesis.md': md('tests: [A3]') });
    await waitFor(() => lastCommitMessage(dir).includes('threads/sales/globex/2-hypothesis.md'), 'the watcher to commit the hypothesis');
    expect(triggers(dir)).toEqual(['threads/sales/globex/2-hypothesis.md']);
    expect(sourcesCommitted(dir, ['strategy/canvas/10-assumptions.md', 'threads/sales/globex/meta.json'])).toEqual(['threads/sales/globex/2-hypothesis.md']);
  });
});
