import { afterEach, describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { git, gitInit, lastCommitPaths } from './helpers/git.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { WatchProcess } from './helpers/watch.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/**
 * A thread folder holding only its meta.json is not a deal yet: check, sync, watch and the
 * reports agree that it counts nowhere until it has a stage file (docs/derivation.md).
 */

const BARE = 'threads/sales/bare';
const GOAL_LINK = { goal_id: 'g-first-customers', subgoal: 'SG1' };
const INPUT = md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\ncompany:\n  name: Acme');

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

const openDeals = (dir: string): string => /\| open deals \| (\d+) \|/.exec(read(dir, 'strategy/canvas/13-metrics.md'))?.[1] ?? '(none)';

/** One open deal (acme), synced and committed: the baseline the bare folder must not move. */
async function syncedRepo(): Promise<string> {
  const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', GOAL_LINK), 'threads/sales/acme/1-input.md': INPUT });
  gitInit(dir);
  const first = await runJson(['sync', '--dir', dir]);
  expect(first.code, first.stdout).toBe(0);
  return dir;
}

const running: WatchProcess[] = [];
afterEach(async () => {
  for (const w of running.splice(0)) await w.kill();
});

describe('a thread folder with meta.json and no stage file', () => {
  it('is reported by check at its meta.json, naming the folder and 1-input.md', async () => {
    const dir = await syncedRepo();
    writeFiles(dir, { [`${BARE}/meta.json`]: dealMeta('bare', GOAL_LINK) });
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.code).toBe(1);
    const found = check.json.diagnostics.filter((d) => d.rule === 'thread-stage-missing');
    expect(found.map((d) => `${d.path}:${d.line}:${d.column}`)).toEqual([`${BARE}/meta.json:1:1`]);
    expect(found[0]!.message).toContain(`Thread ${BARE} has no stage file: expected 1-input.md`);
  });

  it('counts in no derived figure and is not committed by sync until it has 1-input.md; then it is an open Stage 1 deal', async () => {
    const dir = await syncedRepo();
    const pipelineBefore = await runJson<{ totals: { open: number } }>(['report', 'pipeline', '--dir', dir]);
    const goalBefore = read(dir, 'goals/g-first-customers.md');
    const bareMeta = dealMeta('bare', { ...GOAL_LINK, created: '2026-06-01' });
    writeFiles(dir, { [`${BARE}/meta.json`]: bareMeta });

    const sync = await runJson<{ diagnostics: Diagnostic[]; written: string[] }>(['sync', '--dir', dir]);
    expect(sync.code).toBe(1);
    expect(sync.json.diagnostics.map((d) => `${d.path} ${d.rule}`)).toContain(`${BARE}/meta.json thread-stage-missing`);
    expect(sync.json.written).toEqual([]);
    expect(read(dir, `${BARE}/meta.json`)).toBe(bareMeta); // no stage, status or pipeline stage derived into it
    expect(openDeals(dir)).toBe('1');
    // Its creation date does not move the goals' as-of date either: the goal file is untouched.
    expect(read(dir, 'goals/g-first-customers.md')).toBe(goalBefore);
    expect(git(dir, 'status', '--porcelain')).toBe(`?? ${BARE}/\n`);
    const pipeline = await runJson<{ totals: { open: number }; funnel: { reached: number }[] }>(['report', 'pipeline', '--dir', dir]);
    expect(pipeline.json.totals.open).toBe(pipelineBefore.json.totals.open);
    expect(pipeline.json.funnel[0]!.reached).toBe(1);

    writeFiles(dir, { [`${BARE}/1-input.md`]: INPUT });
    const fixed = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dir', dir]);
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(JSON.parse(read(dir, `${BARE}/meta.json`))).toMatchObject({ stage: 1, status: 'open', pipeline_stage: 'lead' });
    expect(openDeals(dir)).toBe('2');
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining([`${BARE}/meta.json`, `${BARE}/1-input.md`]));
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a committed deal whose stage files are all deleted is held at its version in HEAD: the figures stay, its meta.json as it was', async () => {
    const dir = await syncedRepo();
    const meta = read(dir, 'threads/sales/acme/meta.json');
    const before = openDeals(dir);
    git(dir, 'rm', '-q', 'threads/sales/acme/1-input.md');
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dir', dir]);
    expect(sync.json.diagnostics.map((d) => `${d.path} ${d.rule}`)).toEqual(expect.arrayContaining(['threads/sales/acme/meta.json thread-stage-missing', 'threads/sales/acme/meta.json derived-held']));
    // A thread in error counts as it was committed (docs/derivation.md), not as a deal gone.
    expect(openDeals(dir)).toBe(before);
    expect(before).toBe('1');
    expect(read(dir, 'threads/sales/acme/meta.json')).toBe(meta);
  });

  it('a 1-input.md that is there but broken is reported by its own error, not as a missing stage', async () => {
    const dir = await syncedRepo();
    writeFiles(dir, { [`${BARE}/meta.json`]: dealMeta('bare'), [`${BARE}/1-input.md`]: '---\ndate: [\n---\n' });
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dir', dir]);
    for (const diagnostics of [check.json.diagnostics, sync.json.diagnostics]) {
      const rules = diagnostics.filter((d) => d.path.startsWith(`${BARE}/`)).map((d) => d.rule);
      expect(rules).toContain('yaml-syntax');
      expect(rules).not.toContain('thread-stage-missing');
    }
    expect(openDeals(dir)).toBe('1');
  });

  it('the watcher reports it and counts it only once 1-input.md arrives', async () => {
    const dir = await syncedRepo();
    const w = new WatchProcess(dir);
    running.push(w);
    await w.ready();
    writeFiles(dir, { [`${BARE}/meta.json`]: dealMeta('bare', GOAL_LINK) });
    await w.cycle(1);
    const first = w.cycles()[0]!;
    expect(first.diagnostics?.map((d) => `${d.path}:${d.line}:${d.column} ${d.rule}`), w.describe()).toContain(`${BARE}/meta.json:1:1 thread-stage-missing`);
    expect(first.written ?? []).toEqual([]);
    expect(openDeals(dir)).toBe('1');

    writeFiles(dir, { [`${BARE}/1-input.md`]: INPUT });
    await w.cycle(2);
    const second = w.cycles()[1]!;
    expect(second.diagnostics?.filter((d) => d.rule === 'thread-stage-missing'), w.describe()).toEqual([]);
    expect(openDeals(dir)).toBe('2');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
