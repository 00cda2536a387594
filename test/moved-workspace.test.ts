import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyCommand } from '../src/cli/commands/history.js';
import { recordJournal } from '../src/engine/journal.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, lastCommitMessage } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { preparedCopy } from './helpers/prepared.js';
import { testdir } from './helpers/testdir.js';
import { WorkspaceState } from '../src/engine/state.js';
import { deriveWorkspace } from '../src/derive/workspace.js';
import { renderAssumptionsBlock, renderGoalStateBlock, renderMetricsBlock } from '../src/derive/render-blocks.js';
import { assumptionsSummary, goalSummary, metricsSummary } from '../src/derive/summaries.js';
import { readBackSummary } from '../src/derive/summary-read-back.js';
import { experimentsSummary, renderExperimentsBlock } from '../src/derive/render-experiments.js';
import { canvasValue } from '../src/workspace/model.js';

// What a sync says changed ("A7 confidence 0.60 → 0.27") comes from the snapshot of what
// each derived block showed at the last sync, kept in the git directory. Moving the
// folder must not lose it: every value would be reported (and committed, and shown by
// `history`) as new, "— → 0.50", unchanged ones included.

interface SyncJson {
  changes: { description: string }[];
  commit: { committed: boolean } | null;
}

const LEARNING = 'threads/sales/brightcart/6-learning.md';

/** Brightcart's A7 validation turned around: the assumptions block moves, A7 only. */
function invalidateA7(dir: string): void {
  const path = join(dir, LEARNING);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/(assumption: A7\n\s+result:) validated/, '$1 invalidated'));
}

/*
 * Speed: the example workspace and its repository are built once per file and copied
 * (exampleWorkspaceCopy). A synced example is this file's subject where it is then moved:
 * that test syncs in its own folder and moves it. The tests about a block never recorded,
 * a worktree or an interrupted transaction take a copy of one synced once per file
 * (preparedCopy): the same files, commit and snapshot in its git directory, as a workspace
 * moved once more — which the first test shows keeps its snapshot. The syncs, this file's
 * subject, run through the CLI; what `history` then lists runs through its own function
 * (src/cli/commands/history.ts): the same JSON and exit code.
 */

/** The example workspace synced in its own folder: its snapshot of what each derived block shows is recorded there. */
async function syncedExample(): Promise<string> {
  const dir = exampleWorkspaceCopy();
  // Without --no-cache a workspace already at its fixed point is recognised without deriving, and writes no snapshot.
  expect((await runJson(['sync', '--no-cache', '--dir', dir])).code).toBe(0);
  return dir;
}

/** A copy of syncedExample(), synced once per file. */
function syncedExampleCopy(): Promise<string> {
  return preparedCopy('synced', syncedExample);
}

function descriptions(result: { json: SyncJson }): string[] {
  return result.json.changes.map((c) => c.description);
}

describe('a workspace keeps the "before" of its derived values', () => {
  it('after its folder is moved: only what changed is reported, with its real before, and history gains no fake entry', async () => {
    const dir = await syncedExample();
    const moved = join(testdir(), 'renamed-gtm');
    renameSync(dir, moved);
    invalidateA7(moved);

    const result = await runJson<SyncJson>(['sync', '--dir', moved]);
    expect(result.json.commit?.committed).toBe(true);
    expect(descriptions(result)).toEqual([expect.stringMatching(/^A7 confidence 0\.\d\d → 0\.\d\d /)]);
    expect(lastCommitMessage(moved)).not.toContain('— →');
    const history = await commandJson<{ entries: unknown[] }>(() => historyCommand('A2', { dir: moved, json: true }));
    expect(history.code).toBe(0);
    expect(history.json.entries).toEqual([]);
  });

  it('after a move, an interrupted transaction is still finished by the next run', async () => {
    const dir = await syncedExampleCopy();
    invalidateA7(dir);
    // Killed just after its journal: the learning changed, nothing derived or committed yet.
    await recordJournal({ root: dir, message: 'threadwork: learning threads/sales/brightcart\n', sources: [], paths: [LEARNING, 'strategy/canvas/10-assumptions.md'] });
    expect(existsSync(join(dir, '.git/threadwork-pending.json'))).toBe(true);
    const moved = join(testdir(), 'renamed-gtm');
    renameSync(dir, moved);

    expect((await runJson<SyncJson>(['sync', '--dir', moved])).json.commit?.committed).toBe(true);
    expect(lastCommitMessage(moved)).toMatch(/^threadwork: learning threads\/sales\/brightcart\n/);
    expect(existsSync(join(moved, '.git/threadwork-pending.json'))).toBe(false);
    expect(git(moved, 'status', '--porcelain')).toBe('');
  });

  it('each git worktree keeps its own: a sync in one never takes the "before" from the other', async () => {
    const main = await syncedExampleCopy();
    const linked = join(testdir(), 'second-checkout');
    git(main, 'worktree', 'add', '-q', '-b', 'other', linked);
    // The linked worktree syncs (its first sync: it has no record yet, and writes its own).
    expect((await runJson(['sync', '--no-cache', '--dir', linked])).code).toBe(0);
    invalidateA7(linked);
    const inLinked = await runJson<SyncJson>(['sync', '--dir', linked]);
    expect(descriptions(inLinked)).toEqual([expect.stringMatching(/^A7 confidence 0\.\d\d → 0\.\d\d /)]);

    // The main checkout's record was left alone by the linked worktree's syncs.
    invalidateA7(main);
    const inMain = await runJson<SyncJson>(['sync', '--dir', main]);
    expect(descriptions(inMain)).toEqual([expect.stringMatching(/^A7 confidence 0\.\d\d → 0\.\d\d /)]);
  });
});

describe('a block whose "before" was never recorded here', () => {
  // A fresh clone or a new worktree whose first sync moves a block, or a block changed
  // outside threadwork (by hand, by a pull): nothing recorded says what it showed, so its
  // figures are read back from the block as it is — the committed one. "? → 0.60" for every
  // value, unchanged ones included, said nothing; "— → 2" claimed the block showed nothing.
  it('takes the before from the block as committed: only what moved is named, with its real before', async () => {
    const dir = exampleWorkspaceCopy();
    invalidateA7(dir);
    const result = await runJson<SyncJson>(['sync', '--dir', dir]);
    expect(result.json.commit?.committed).toBe(true);
    expect(descriptions(result)).toEqual([expect.stringMatching(/^A7 confidence 0\.60 → 0\.\d\d \(testing, n=1\)$/)]);
    expect(lastCommitMessage(dir)).not.toMatch(/[?—] →/);
  });

  it('a fresh clone\'s first sync names only the values a commit without a sync moved, before → after, as the original checkout does', async () => {
    const origin = await syncedExampleCopy();
    const campaign = join(origin, 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/6-learning.md');
    writeFileSync(campaign, readFileSync(campaign, 'utf8').replace(/^ {2}meetings: 6$/m, '  meetings: 8'));
    const harbor = join(origin, 'threads/sales/harbor-lending/6-learning.md');
    writeFileSync(harbor, readFileSync(harbor, 'utf8').replace(/^arr: 36000$/m, 'arr: 42000').replace(/(assumption: A1\n\s+result:) validated/, '$1 partial'));
    git(origin, 'commit', '-qam', 'a won deal\'s ARR, a validation and the campaign\'s meetings, without a sync');
    const clone = join(testdir(), 'clone');
    git(origin, 'clone', '-q', origin, clone);

    const expected = [
      'A1 confidence 0.80 → 0.68 (testing, n=2)',
      'metrics: won ARR 78,000 → 84,000; average deal size 39,000 → 42,000; meetings 6 → 8',
      'metrics mid-market-fintech: won ARR 78,000 → 84,000; average deal size 39,000 → 42,000; meetings 6 → 8',
      'g-fintech-beachhead SG1 6/40 → 8/40; meetings 6 → 8',
    ];
    const inOrigin = await runJson<SyncJson>(['sync', '--dry-run', '--dir', origin]);
    expect(descriptions(inOrigin)).toEqual(expected);
    const inClone = await runJson<SyncJson>(['sync', '--dir', clone]);
    expect(inClone.json.commit?.committed).toBe(true);
    expect(descriptions(inClone)).toEqual(expected);
    expect(lastCommitMessage(clone)).toContain(expected.join('\n'));
  });

  it('a block edited by hand and committed: its before is what it showed, and the next sync is a no-op', async () => {
    const dir = await syncedExampleCopy();
    const goal = join(dir, 'goals/g-fintech-beachhead.md');
    const text = readFileSync(goal, 'utf8');
    expect(text).toContain('| meetings | 6 | 40 | 34 |');
    writeFileSync(goal, text.replace('| meetings | 6 | 40 | 34 |', '| meetings | 99 | 40 | 34 |'));
    git(dir, 'commit', '-qam', 'edit the derived table by hand');
    const result = await runJson<SyncJson>(['sync', '--dir', dir]);
    expect(readFileSync(goal, 'utf8')).toBe(text);
    expect(descriptions(result)).toEqual(['g-fintech-beachhead meetings 99 → 6']);
    const again = await runJson<SyncJson>(['sync', '--dir', dir]);
    expect(descriptions(again)).toEqual([]);
    expect(again.json.commit).toBeNull();
  });

  it('a block it cannot read back (its table gone): the before is unknown ("?"), never that there was none ("—")', async () => {
    const dir = await syncedExampleCopy();
    const goal = join(dir, 'goals/g-fintech-beachhead.md');
    const text = readFileSync(goal, 'utf8');
    writeFileSync(goal, text.replace(/(<!-- threadwork:begin state -->\n)[^]*?(<!-- threadwork:end state -->)/, '$1Scribbled over.\n$2'));
    git(dir, 'commit', '-qam', 'scribble over the derived block');
    const result = await runJson<SyncJson>(['sync', '--dir', dir]);
    expect(readFileSync(goal, 'utf8')).toBe(text);
    expect(descriptions(result)).toEqual([expect.stringMatching(/^g-fintech-beachhead status \? → active; SG1 \? → 6\/40; /)]);
  });

  it('reads back from each block exactly the summary it was rendered with (an assumption: its figures)', async () => {
    const state = await WorkspaceState.load(exampleWorkspaceCopy());
    const model = state.derivationModel();
    const derived = deriveWorkspace(model);
    const targets: Record<string, unknown> = canvasValue(model, '13-metrics')?.targets ?? {};
    const metrics = metricsSummary(derived.overall, derived.bySegment, targets);
    expect(readBackSummary('metrics', renderMetricsBlock(derived.overall, derived.bySegment, targets).replace(/\n/g, '\r\n'))).toEqual(metrics);
    const figures = Object.fromEntries(Object.entries(assumptionsSummary(derived.assumptions)).map(([id, value]) => [id, value.split('|').slice(0, 3).join('|')]));
    expect(readBackSummary('assumptions', renderAssumptionsBlock(derived.assumptions))).toEqual(figures);
    expect(derived.goals.length).toBeGreaterThan(1);
    for (const goal of derived.goals) expect(readBackSummary('state', renderGoalStateBlock(goal))).toEqual(goalSummary(goal));
    const experiments = derived.threads.filter((t) => t.experiments.length > 0).map((t) => t.experiments);
    expect(experiments.length).toBeGreaterThan(0);
    for (const e of experiments) expect(readBackSummary('experiments', renderExperimentsBlock(e))).toEqual(experimentsSummary(e));
  });
});
