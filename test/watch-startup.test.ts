import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceWatcher, type CycleReport } from '../src/watch/watcher.js';
import { statusRuns } from '../src/git/status.js';
import { git, gitInit, lastCommitMessage, lastCommitPaths } from './helpers/git.js';
import { md, writeFiles } from './helpers/testdir.js';
import { waitFor } from './helpers/watch.js';
import { dealMeta, workspace } from './helpers/workspace.js';
import { wonArr } from './helpers/won-deal.js';

const LEARNING = 'threads/sales/acme/6-learning.md';
const won = (arr: number): string => md(`outcome: closed-won\nclosed: 2026-05-01\narr: ${arr}\nvalidations:\n  - {assumption: A1, result: validated, evidence: six days saved}`);

function repo(): string {
  const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', { goal_id: 'g-first-customers', subgoal: 'SG1' }) });
  for (const [i, name] of ['1-input', '2-hypothesis', '3-implication', '4-decision', '5-actions'].entries()) writeFiles(dir, { [`threads/sales/acme/${name}.md`]: md(i === 1 ? 'tests: [A1]' : 'date: 2026-03-01') });
  gitInit(dir);
  return dir;
}

/** The watcher in this process, on a real workspace and real fs.watch events: what it does while it starts. */
describe('watch start-up', () => {
  let watcher: WorkspaceWatcher | undefined;
  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
  });

  it('sees a save made while it starts: the folders are watched before the start-up sync reads them', async () => {
    const dir = repo();
    const cycles: CycleReport[] = [];
    const errors: unknown[] = [];
    watcher = new WorkspaceWatcher(dir, {
      commit: false,
      debounceMs: 20,
      reconcileMs: 0, // no periodic reconcile to catch what the events missed: the events alone must
      onCycle: (report) => {
        cycles.push(report);
        // Saved once the start-up sync has read every file, before start() returns: a save
        // made between reading a file and watching its folder is not lost.
        if (report.kind === 'startup') writeFileSync(join(dir, LEARNING), won(42000));
      },
      onError: (error) => errors.push(error),
    });
    await watcher.start();
    expect(cycles.map((c) => c.kind)).toEqual(['startup']);
    await waitFor(() => cycles.some((c) => c.kind === 'change' && c.trigger.includes(LEARNING)), 'the save made during start-up to start a cycle', () => JSON.stringify(cycles.map((c) => [c.kind, c.trigger])), 8_000);
    expect(wonArr(dir)).toBe('42,000');
    expect(errors).toEqual([]);
  });

  it('runs no other cycle while the start-up sync runs, whatever arrives meanwhile', async () => {
    const dir = repo();
    const kinds: string[] = [];
    watcher = new WorkspaceWatcher(dir, { commit: false, debounceMs: 0, reconcileMs: 0, onCycle: (report) => kinds.push(report.kind) });
    // Every cycle the watcher begins, counted while it runs (its private method, wrapped on the instance).
    const internals = watcher as unknown as { cycle: (...args: unknown[]) => Promise<void> };
    const cycle = internals.cycle.bind(watcher);
    let inFlight = 0;
    let mostAtOnce = 0;
    const begun: string[] = [];
    internals.cycle = async (...args: unknown[]) => {
      begun.push(String(args[0]));
      mostAtOnce = Math.max(mostAtOnce, ++inFlight);
      try {
        await cycle(...args);
      } finally {
        inFlight -= 1;
      }
    };
    // Saves keep arriving from before start() until after it: each is an event while the
    // start-up sync runs, and with no debounce one would start a cycle at once if allowed.
    let n = 0;
    const saving = setInterval(() => writeFileSync(join(dir, LEARNING), won(40000 + ++n)), 5);
    try {
      await watcher.start();
      await waitFor(() => begun.includes('change'), 'a cycle for the saves', () => JSON.stringify(begun), 8_000);
    } finally {
      clearInterval(saving);
    }
    expect(begun[0]).toBe('startup');
    expect(mostAtOnce).toBe(1);
    const last = n;
    await waitFor(() => wonArr(dir) === (40000 + last).toLocaleString('en-US'), 'the last save to be derived', () => `${wonArr(dir)} vs ${40000 + last}`, 8_000);
    expect(kinds[0]).toBe('startup');
  });

  it('names what was uncommitted as of its start-up: a save just after it is its own cycle\'s, not in the start-up\'s line', async () => {
    // Git is asked after the start-up, in the background: a save made before it answered was
    // named as left uncommitted at start-up, then committed by its own cycle a moment later.
    const dir = repo();
    const cycles: CycleReport[] = [];
    watcher = new WorkspaceWatcher(dir, { debounceMs: 50, reconcileMs: 0, serve: false, onCycle: (report) => cycles.push(report) });
    await watcher.start();
    writeFileSync(join(dir, LEARNING), won(42000));
    expect(await watcher.uncommittedAtStart()).toEqual([]);
    await waitFor(() => cycles.some((c) => c.kind === 'change' && c.trigger.includes(LEARNING)), 'the save to start its own cycle', () => JSON.stringify(cycles.map((c) => [c.kind, c.trigger])), 8_000);
  });

  it("commits a save's cycle with its trigger without a `git status` of the repository (git's index read whole: 0.16 s at 10,000 deals)", async () => {
    // The learning tracked already, as an edited file is: a new one is git status's to judge (ignored or not).
    const dir = repo();
    writeFileSync(join(dir, LEARNING), won(41000));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'won');
    const cycles: CycleReport[] = [];
    watcher = new WorkspaceWatcher(dir, { debounceMs: 20, reconcileMs: 0, serve: false, onCycle: (report) => cycles.push(report) });
    await watcher.start();
    // The start-up asks git what is uncommitted (a status of the source folders): answered before the save.
    expect(await watcher.uncommittedAtStart()).toEqual([]);
    const before = statusRuns.count;
    writeFileSync(join(dir, LEARNING), won(42000));
    await waitFor(() => cycles.some((c) => c.kind === 'change' && c.commit?.committed === true), 'the save to be committed', () => JSON.stringify(cycles.map((c) => [c.kind, c.trigger, c.commit])), 8_000);
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining([LEARNING, 'strategy/canvas/13-metrics.md']));
    expect(lastCommitMessage(dir)).toContain(`Threadwork-Trigger: ${LEARNING}`);
    expect(statusRuns.count).toBe(before);
  });
});
