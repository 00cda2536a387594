import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { commandJsonAsCli } from './helpers/in-process.js';
import { treeHashes } from './reliability/support.js';
import { WatchProcess } from './helpers/watch.js';

/*
 * The broken-file policy for errors across files (a broken file on its own, through the CLI,
 * a watcher and the MCP server: broken-file-policy.test.ts). Speed: where a test is about
 * what a sync or check answers, not through which process, it runs the command's own
 * function (src/cli/commands/*) here — the same JSON and exit code — with git configured as
 * the CLI runs in these tests (gitEnv: no user or system config); each test keeps its CLI runs.
 */

const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim();

/** Every file of the workspace (not .git) with its hash: what a user would see on disk. */
const snapshot = (dir: string): Record<string, string> => Object.fromEntries(treeHashes(dir));

const watchers: WatchProcess[] = [];
afterEach(async () => {
  await Promise.all(watchers.splice(0).map((w) => w.kill()));
  vi.unstubAllEnvs();
});

/** `threadwork sync --json --dir <dir>`, without a process. */
const syncJson = <T>(dir: string): ReturnType<typeof commandJsonAsCli<T>> => commandJsonAsCli<T>(() => syncCommand({ commit: true }, { dir, json: true }));

/** `threadwork check --json --dir <dir>`, without a process. */
const checkJson = <T>(dir: string): ReturnType<typeof commandJsonAsCli<T>> => commandJsonAsCli<T>(() => checkCommand({ cache: true }, { dir, json: true }));

/**
 * A file valid on its own whose references do not resolve — a duplicate id, an unknown
 * assumption — is reported by sync and watch as `check` reports it, never edited and
 * never committed; what else changed goes ahead.
 */
describe('broken-file policy: cross-file errors', () => {
  const ASSUMPTIONS = 'strategy/canvas/10-assumptions.md';
  const HYPOTHESIS = 'threads/sales/northwind-payments/2-hypothesis.md';
  const LEARNING = 'threads/sales/northwind-payments/6-learning.md';
  const duplicateA1 = (dir: string): void => {
    const path = join(dir, ASSUMPTIONS);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^ {2}- id: A2$/m, '  - id: A1'));
  };

  it('a duplicate assumption id: reported at its line, the file neither edited nor committed — CLI and watch alike', async () => {
    const cli = exampleWorkspaceCopy();
    duplicateA1(cli);
    const damaged = readFileSync(join(cli, ASSUMPTIONS), 'utf8');
    const result = await runJson<{ diagnostics: { path: string; rule: string; line: number }[]; commit: unknown }>(['sync', '--dir', cli], { env: gitEnv() });
    expect(result.code, result.stdout).toBe(1);
    expect(result.json.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: ASSUMPTIONS, rule: 'duplicate-id', line: 10 })]));
    expect(readFileSync(join(cli, ASSUMPTIONS), 'utf8')).toBe(damaged);
    expect(git(cli, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(cli, 'status', '--porcelain')).toBe(`M ${ASSUMPTIONS}`);

    const watched = exampleWorkspaceCopy();
    const watcher = new WatchProcess(watched, [], gitEnv());
    watchers.push(watcher);
    await watcher.ready();
    duplicateA1(watched);
    await watcher.cycle(1);
    expect(await watcher.stop()).toBe(0);
    expect(watcher.cycles()[0]!.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: ASSUMPTIONS, rule: 'duplicate-id' })]));
    expect(snapshot(watched)).toEqual(snapshot(cli));
    expect(git(watched, 'rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('an assumption renamed in the canvas: every thread naming the old id is reported, run after run, until it is fixed', async () => {
    const dir = exampleWorkspaceCopy();
    const path = join(dir, ASSUMPTIONS);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^ {2}- id: A2$/m, '  - id: A9'));
    type Result = { diagnostics: { path: string; rule: string }[] };
    const named = (r: Result): string[] => [...new Set(r.diagnostics.filter((d) => d.rule === 'unknown-assumption').map((d) => d.path))].sort();
    const first = await runJson<Result>(['sync', '--dir', dir], { env: gitEnv() });
    expect(first.code, first.stdout).toBe(1);
    // Committed, unchanged files: checked because the ids they may name moved.
    expect(named(first.json)).toEqual(['goals/g-arr-500k-2026.md', HYPOTHESIS, LEARNING]);
    // The ids did not move again, and those files did not change: still reported, as check does.
    // The first run through the CLI, the next ones and check without a process (check through the CLI: the next test).
    const second = await syncJson<Result>(dir);
    expect(second.code).toBe(1);
    expect(named(second.json)).toEqual(named(first.json));
    const checked = await checkJson<Result>(dir);
    expect(named(checked.json)).toEqual(named(first.json));
    // Fixed where they name it: reported no more.
    for (const file of [HYPOTHESIS, LEARNING, 'goals/g-arr-500k-2026.md']) writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replaceAll('A2', 'A9'));
    const fixed = await syncJson<Result>(dir);
    expect(named(fixed.json)).toEqual([]);
  });

  it('an unknown assumption in a hypothesis: reported, and its thread held at HEAD — the learning beside it is not committed, nor what it would move', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, HYPOTHESIS), readFileSync(join(dir, HYPOTHESIS), 'utf8').replace('tests: [A1, A2, A3]', 'tests: [A1, A9, A3]'));
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING), 'utf8').replace('arr: 42000', 'arr: 45000'));
    const result = await runJson<{ diagnostics: { path: string; rule: string; line: number; column: number }[]; commit: { committed: boolean; paths: string[] } | null }>(['sync', '--dir', dir], { env: gitEnv() });
    expect(result.code, result.stdout).toBe(1);
    expect(result.json.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: HYPOTHESIS, rule: 'unknown-assumption', line: 2, column: 13 })]));
    expect(result.json.commit?.committed ?? false).toBe(false);
    expect(result.json.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'derived-held' })]));
    // Nothing derived moved: HEAD's derived files stay what HEAD's sources give.
    expect(git(dir, 'status', '--porcelain').split('\n').map((line) => line.trim()).filter(Boolean).sort()).toEqual([`M ${HYPOTHESIS}`, `M ${LEARNING}`].sort());
    // check names the same problem at the same place.
    const checked = await runJson<{ diagnostics: { path: string; rule: string; line: number; column: number }[] }>(['check', '--dir', dir], { env: gitEnv() });
    expect(checked.json.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: HYPOTHESIS, rule: 'unknown-assumption', line: 2, column: 13 })]));
  });
});
