import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runJson } from '../helpers/cli.js';
import { git, gitEnv, gitInit, commitCount } from '../helpers/git.js';
import { testdir } from '../helpers/testdir.js';
import { WatchProcess, waitFor } from '../helpers/watch.js';
import { figure, halfWritten, SEED, size, STRESS, treeDiff, treeHashes } from './support.js';

/**
 * kill -9 at random points of `sync` and of watch cycles (issue 11, item 8.2). A
 * generated workspace of DEALS deals whose first sync writes every meta.json and block
 * (and, for watch, a segment change that moves most of them) is synced by the real CLI,
 * which is SIGKILLed after a random delay spread over its measured run. Then:
 *
 * - every file on disk is its old or its new full content (atomic writes), and parses;
 * - the next `sync` ends with exactly the files and the HEAD tree of an uninterrupted
 *   run (a control copy), the same number of commits (the journal finishes the killed
 *   transaction's commit with its own message; a kill before the journal leaves
 *   nothing to finish and the next sync makes the same one commit), no `.git/index.lock`
 *   and nothing threadwork wrote left dirty.
 */
const DEALS = size('THREADWORK_KILL_DEALS', 40, 200);
// `npm test` kills sync twice: once after a random delay, once the moment its journal appears
// (mid-write, asserted below); 4 kills cost the file half its time for no behaviour the 2 miss.
const SYNC_KILLS = size('THREADWORK_SYNC_KILLS', 2, 50);
const WATCH_KILLS = size('THREADWORK_WATCH_KILLS', 1, 10);

type Generate = (dir: string, options: { deals: number; seed?: number }) => unknown;
/** The generator's mulberry32, seeded: the delays of `npm test` are the same every run. */
type Mulberry = (seed: number) => () => number;


/** The segment edit the watch trials make: narrower employee ranges move most deals' ICP scores. */
function segmentChange(dir: string): void {
  const path = join(dir, 'strategy/canvas/04-segments.md');
  const text = readFileSync(path, 'utf8');
  const changed = text.replace('employees: {min: 200, max: 2000}', 'employees: {min: 900, max: 1000}').replace('employees: {min: 50, max: 500}', 'employees: {min: 400, max: 450}');
  if (changed === text) throw new Error('the generated 04-segments.md no longer has the ranges this test edits');
  writeFileSync(path, changed);
}

interface Scenario {
  /** The state before the run: the copy each trial starts from. */
  pristine: string;
  before: Map<string, string>;
  /** The same scenario run without a kill. */
  control: Map<string, string>;
  controlTree: string;
  controlCommits: number;
  /** `git status` after the uninterrupted run: a source edit that moved thread metadata only is not committed with it (derivation.md, Commits). */
  controlStatus: string[];
  ms: number;
}

let syncScenario: Scenario;
let watchScenario: Scenario;
let rand: () => number = () => 0;

function status(dir: string): string[] {
  return git(dir, 'status', '--porcelain', '--untracked-files=all').split('\n').filter((l) => l && !ATOMIC_TEMP.test(l));
}

function copy(dir: string): string {
  const target = testdir();
  cpSync(dir, target, { recursive: true });
  return target;
}

async function control(pristine: string, prepare: (dir: string) => void): Promise<Scenario> {
  const dir = copy(pristine);
  prepare(dir);
  const before = treeHashes(dir);
  const started = Date.now();
  const sync = await runJson<{ written: string[] }>(['sync', '--dir', dir], { env: gitEnv() });
  const ms = Date.now() - started;
  expect(sync.code, sync.stderr).toBe(0);
  expect(sync.json.written.length).toBeGreaterThan(DEALS / 2);
  return { pristine, before, control: treeHashes(dir), controlTree: git(dir, 'rev-parse', 'HEAD^{tree}').trim(), controlCommits: commitCount(dir), controlStatus: status(dir), ms };
}

beforeAll(async () => {
  const { generateWorkspace, mulberry32 } = (await import('../../bench/generate.js' as string)) as { generateWorkspace: Generate; mulberry32: Mulberry };
  rand = mulberry32(SEED);
  const base = testdir();
  generateWorkspace(base, { deals: DEALS, seed: 7 });
  gitInit(base);
  syncScenario = await control(base, () => {});
  // For watch: the same workspace at its fixed point, then the segment edit.
  const synced = copy(base);
  const first = await runJson(['sync', '--dir', synced], { env: gitEnv() });
  expect(first.code, first.stderr).toBe(0);
  watchScenario = await control(synced, segmentChange);
}, 120_000);

interface Trial {
  alive: boolean;
  midWrite: boolean;
}
const trials: { sync: Trial[]; watch: Trial[] } = { sync: [], watch: [] };

/** Waits until every process of the killed one's group is gone (git children finish on their own, as after a real crash). */
async function groupGone(pid: number): Promise<void> {
  await waitFor(() => {
    try {
      process.kill(-pid, 0);
      return false;
    } catch {
      return true;
    }
  }, `process group ${pid} to end`);
}

/**
 * A temporary file that a kill during a write leaves behind: write-file-atomic's
 * (`meta.json.3320984211`) or a batch write's (`meta.json.<pid>.<n>.tmp`). The recovery
 * run removes it (engine/journal.ts removeLeftoverTemps): it is allowed right after the
 * kill, and counted, but never after the recovery.
 */
const ATOMIC_TEMP = /\.(?:\d{5,}|\d+\.\d+\.tmp)$/;
let tempFilesLeft = 0;

function withoutTemp(hashes: Map<string, string>): Map<string, string> {
  return new Map([...hashes].filter(([path]) => !ATOMIC_TEMP.test(path)));
}

/** What must hold right after the kill and after the recovery sync. */
async function verify(dir: string, scenario: Scenario, what: string): Promise<void> {
  const all = treeHashes(dir);
  const now = withoutTemp(all);
  tempFilesLeft += all.size - now.size;
  for (const path of treeDiff(scenario.before, now)) {
    const hash = now.get(path);
    // Old or new full content: nothing in between, nothing else.
    expect(hash === undefined || hash === scenario.control.get(path), `${what}: ${path} is neither its old nor its new content`).toBe(true);
  }
  for (const path of now.keys()) expect(halfWritten(dir, path), what).toBeUndefined();
  const recovery = await runJson<{ written: string[] }>(['sync', '--dir', dir], { env: gitEnv() });
  expect(recovery.code, `${what}: ${recovery.stderr}`).toBe(0);
  expect(treeDiff(scenario.control, treeHashes(dir)), `${what}: files differ from the uninterrupted run (temporary files included)`).toEqual([]);
  expect(git(dir, 'rev-parse', 'HEAD^{tree}').trim(), `${what}: HEAD tree`).toBe(scenario.controlTree);
  expect(commitCount(dir), `${what}: commits`).toBe(scenario.controlCommits);
  expect(existsSync(join(dir, '.git/index.lock')), `${what}: index.lock left`).toBe(false);
  expect(existsSync(join(dir, '.git/threadwork-pending.json')), `${what}: journal left`).toBe(false);
  expect(status(dir), `${what}: git status after recovery`).toEqual(scenario.controlStatus);
  const again = await runJson<{ written: string[] }>(['sync', '--dir', dir], { env: gitEnv() });
  expect(again.json.written, `${what}: not at the fixed point`).toEqual([]);
}

afterAll(() => {
  for (const [kind, list] of Object.entries(trials)) {
    if (list.length === 0) continue;
    figure(`kill -9 ${kind}`, 'kills', list.length);
    figure(`kill -9 ${kind}`, 'process still running when killed', list.filter((t) => t.alive).length);
    figure(`kill -9 ${kind}`, 'landed mid-write (journal present)', list.filter((t) => t.midWrite).length);
  }
  figure('kill -9 sync+watch', 'temporary files found after a kill (all removed by the recovery)', tempFilesLeft);
  figure('kill -9 sync', `uninterrupted sync ms (${DEALS} deals)`, syncScenario?.ms ?? 0);
});

/** Resolves once `file` exists or `child` has exited, looking every millisecond. */
async function untilFileOrExit(file: string, child: ChildProcess): Promise<void> {
  while (!existsSync(file) && child.exitCode === null && child.signalCode === null) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('kill -9 at random points', () => {
  it(`sync killed ${SYNC_KILLS} times: old or new content, then the next sync reaches the uninterrupted result`, async () => {
    // How long a run takes: the measured one at first, then the shortest a trial saw end
    // before its kill — a measure taken while the machine was busier would send the later
    // kills past the end of runs, testing nothing (1 of 4 landed in a run on a loaded machine).
    let runMs = syncScenario.ms;
    for (let i = 0; i < SYNC_KILLS; i++) {
      const dir = copy(syncScenario.pristine);
      // Spread over the run (process start included). The measure is of runs on a loaded
      // machine, so some kills still land after the end: those are counted, not hidden.
      // Every third kill (the second, fifth…) waits for the run's journal instead: random delays
      // alone landed in the write phase by chance (0 of 15 in one stress run, 2 of 15 in the next).
      const atJournal = i % 3 === 1;
      const delay = Math.floor(rand() * runMs * 0.9);
      const started = Date.now();
      const journalFile = join(dir, '.git/threadwork-pending.json');
      const child = spawn(process.execPath, [BIN, 'sync', '--dir', dir], { env: { ...gitEnv(), NO_COLOR: '1' }, stdio: 'ignore', detached: true });
      const exited = new Promise<void>((resolve) =>
        child.on('exit', (_code, signal) => {
          if (signal === null) runMs = Math.min(runMs, Date.now() - started);
          resolve();
        }),
      );
      if (atJournal) await untilFileOrExit(journalFile, child);
      else await new Promise((resolve) => setTimeout(resolve, delay));
      const alive = child.exitCode === null && child.signalCode === null;
      const midWrite = existsSync(journalFile);
      child.kill('SIGKILL');
      await exited;
      await groupGone(child.pid!);
      trials.sync.push({ alive, midWrite: alive && midWrite });
      await verify(dir, syncScenario, `sync kill ${i + 1} ${atJournal ? 'at the journal' : `after ${delay} ms`} (of ~${syncScenario.ms})`);
    }
    // The kills must land inside the run some of the time, or this tests nothing.
    expect(trials.sync.filter((t) => t.alive).length).toBeGreaterThanOrEqual(Math.ceil(SYNC_KILLS / 3));
    // And at least one inside the write phase (its journal on disk when killed), recovered above: in `npm test` too.
    expect(trials.sync.filter((t) => t.midWrite).length, 'no kill landed mid-write').toBeGreaterThan(0);
  }, STRESS ? 1_800_000 : 60_000);

  it(`a watch cycle killed ${WATCH_KILLS} time(s): the next sync reaches the uninterrupted result`, async () => {
    for (let i = 0; i < WATCH_KILLS; i++) {
      const dir = copy(watchScenario.pristine);
      const watch = new WatchProcess(dir, [], gitEnv());
      await watch.ready();
      segmentChange(dir);
      // Even trials kill the moment the cycle's journal appears (mid-write, whatever the
      // machine's load); odd ones after a random delay: the debounce (150 ms), then about a sync.
      const atJournal = i % 2 === 0;
      const delay = atJournal ? 0 : 150 + Math.floor(rand() * watchScenario.ms);
      const started = Date.now();
      const journalFile = join(dir, '.git/threadwork-pending.json');
      await waitFor(() => (atJournal ? existsSync(journalFile) : Date.now() - started >= delay) || watch.cycles().length > 0, 'the kill point', () => watch.describe(), 60_000);
      const journal = existsSync(join(dir, '.git/threadwork-pending.json'));
      const alive = watch.cycles().length === 0;
      await watch.kill();
      await groupGone(watch.pid).catch(() => {});
      trials.watch.push({ alive, midWrite: journal });
      await verify(dir, watchScenario, `watch kill ${i + 1} ${atJournal ? 'at the journal' : `after ${delay} ms`}`);
    }
    expect(trials.watch.some((t) => t.alive)).toBe(true);
  }, STRESS ? 1_800_000 : 60_000);
});
