import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { bothClosedTeam } from './helpers/team.js';
import { read, replaceInFile } from './helpers/testdir.js';

/**
 * Two people who each close a deal and sync both rewrite the metrics and goal blocks, so the
 * second one's `git pull` stops on conflicts in exactly those blocks. Each such file was held
 * as broken (`merge-conflict` error): sync kept the pre-merge figures and told the person to
 * pick one of two versions of numbers that are both wrong — the merged won ARR is neither
 * side's. A conflict only inside a derived block is now a warning saying sync recomputes it,
 * and sync writes the block anew from the merged threads.
 */

const METRICS = 'strategy/canvas/13-metrics.md';
const GOAL = 'goals/g-fintech-beachhead.md';

/** Both closed a deal and synced, Bob pushed (prepared once per file); Alice pulls. */
async function pulledWithConflicts(): Promise<string> {
  const team = await bothClosedTeam();
  expect(() => git(team.alice, 'pull', '-q', 'origin', 'main')).toThrow();
  expect(git(team.alice, 'diff', '--name-only', '--diff-filter=U')).toContain(METRICS);
  return team.alice;
}

const conflicted = (text: string): boolean => text.includes('<<<<<<<');
const wonArr = (dir: string): string | undefined => /^\| won ARR \| ([^|]+) \|/m.exec(read(dir, METRICS))?.[1]?.trim();

describe('a merge that stops on the blocks both people synced', () => {
  // Each test clones twice and runs the real CLI five or six times: 30 s is too short on a loaded machine.
  it('check warns at the first marker that sync recomputes the block; sync writes the merged figures and commits nothing until the merge is committed', { timeout: 120_000 }, async () => {
    const dir = await pulledWithConflicts();
    const unmerged = git(dir, 'diff', '--name-only', '--diff-filter=U').trim().split('\n');
    const head = git(dir, 'rev-parse', 'HEAD');

    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    const conflicts = check.json.diagnostics.filter((d) => d.rule === 'merge-conflict');
    expect(conflicts.map((d) => d.path).sort()).toEqual(unmerged.sort());
    const metrics = conflicts.find((d) => d.path === METRICS)!;
    expect([metrics.severity, metrics.line, metrics.column]).toEqual(['warning', read(dir, METRICS).split('\n').findIndex((l) => l.startsWith('<<<<<<<')) + 1, 1]);
    expect(metrics.message).toMatch(/^Git's conflict markers are still in this file: .* in the `metrics` block, which threadwork computes from the threads, so there is no version to choose: `threadwork sync` replaces the block, markers and both versions, with what the merged threads give, and commits the file unless a merge or rebase is still under way/);
    expect(check.code).toBe(0);

    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.stdout + sync.stderr).toContain('a merge is in progress');
    for (const path of unmerged) expect(conflicted(read(dir, path)), path).toBe(false);
    // Oakline's 36,000 and Meridian's 48,000 both count, with the 78,000 won before.
    expect(wonArr(dir)).toBe('162,000');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);

    git(dir, 'commit', '-q', '-am', 'merge');
    const again = await runJson<{ written: string[]; commit: unknown }>(['sync', '--dir', dir]);
    expect([again.code, again.json.written, again.json.commit]).toEqual([0, [], null]);
  });

  it('markers committed with the merge (git commit -a) are said to be there still, and sync commits the blocks without them', { timeout: 120_000 }, async () => {
    const dir = await pulledWithConflicts();
    const unmerged = git(dir, 'diff', '--name-only', '--diff-filter=U').trim().split('\n');
    git(dir, 'commit', '-q', '-am', 'merge');
    expect(git(dir, 'grep', '-l', '^<<<<<<<', 'HEAD').trim().split('\n').map((l) => l.replace(/^HEAD:/, '')).sort()).toEqual(unmerged.sort());

    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    const conflicts = check.json.diagnostics.filter((d) => d.rule === 'merge-conflict');
    expect(conflicts.map((d) => [d.path, d.severity]).sort()).toEqual(unmerged.sort().map((path) => [path, 'warning']));
    for (const d of conflicts) expect(d.message, d.path).toMatch(/^Git's conflict markers are still in this file: .*`threadwork sync` replaces the block, markers and both versions, with what the merged threads give, and commits the file unless a merge or rebase is still under way/);

    const sync = await runJson<{ commit: { committed?: boolean } | null }>(['sync', '--dir', dir]);
    expect(sync.json.commit?.committed).toBe(true);
    expect(() => git(dir, 'grep', '-l', '^<<<<<<<', 'HEAD')).toThrow();
    expect(wonArr(dir)).toBe('162,000');
    const again = await runJson<{ written: string[]; commit: unknown }>(['sync', '--dir', dir]);
    expect([again.code, again.json.written, again.json.commit]).toEqual([0, [], null]);
  });

  it('a conflict outside the derived block as well is still an error, and the file is held', { timeout: 120_000 }, async () => {
    const dir = await pulledWithConflicts();
    replaceInFile(dir, GOAL, '---\n', '---\n<<<<<<< HEAD\nowner: Alice\n=======\nowner: Bob\n>>>>>>> theirs\n');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics.filter((d) => d.path === GOAL).map((d) => [d.severity, d.line, d.rule])).toEqual([['error', 2, 'merge-conflict']]);
    await runCli(['sync', '--dir', dir]);
    expect(conflicted(read(dir, GOAL))).toBe(true);
  });
});
