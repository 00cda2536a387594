import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordJournal } from '../src/engine/journal.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { git, lastCommitMessage } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

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

async function syncedExample(): Promise<string> {
  const dir = exampleWorkspace();
  // Without --no-cache a workspace already at its fixed point is recognised without deriving, and writes no snapshot.
  expect((await runJson(['sync', '--no-cache', '--dir', dir])).code).toBe(0);
  return dir;
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
    const history = await runJson<{ entries: unknown[] }>(['history', 'A2', '--dir', moved]);
    expect(history.json.entries).toEqual([]);
  });

  it('after a move, an interrupted transaction is still finished by the next run', async () => {
    const dir = await syncedExample();
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
    const main = await syncedExample();
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
  // outside threadwork (by hand, by a pull): what it showed is not known, and "— → 2"
  // claimed it showed nothing — in the output, the commit body and `history`.
  it('says the before is unknown ("?"), never that there was none ("—")', async () => {
    const dir = exampleWorkspace();
    invalidateA7(dir);
    const result = await runJson<SyncJson>(['sync', '--dir', dir]);
    expect(result.json.commit?.committed).toBe(true);
    const lines = descriptions(result);
    expect(lines).toContainEqual(expect.stringMatching(/^A7 confidence \? → 0\.\d\d \(/));
    expect(lines).toContainEqual(expect.stringMatching(/^A2 confidence \? → 0\.67 \(/));
    expect(lines.join('\n')).not.toContain('— →');
    expect(lastCommitMessage(dir)).not.toContain('— →');
  });

  it('a block edited by hand and committed: its before is unknown too, and the next sync is a no-op', async () => {
    const dir = await syncedExample();
    const goal = join(dir, 'goals/g-fintech-beachhead.md');
    const text = readFileSync(goal, 'utf8');
    expect(text).toContain('| meetings | 6 | 40 | 34 |');
    writeFileSync(goal, text.replace('| meetings | 6 | 40 | 34 |', '| meetings | 99 | 40 | 34 |'));
    git(dir, 'commit', '-qam', 'edit the derived table by hand');
    const result = await runJson<SyncJson>(['sync', '--dir', dir]);
    expect(readFileSync(goal, 'utf8')).toBe(text);
    expect(descriptions(result)).toEqual([expect.stringMatching(/^g-fintech-beachhead status \? → active; SG1 \? → 6\/40; /)]);
    const again = await runJson<SyncJson>(['sync', '--dir', dir]);
    expect(descriptions(again)).toEqual([]);
    expect(again.json.commit).toBeNull();
  });
});
