import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../bench/generate.js';
import { runCli } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

/**
 * A cold `check` that parses on worker threads runs each thread's own checks as soon as
 * the thread's files are in, while the workers parse the threads after it
 * (check/early-checks.ts); one that parses on the main thread alone runs them all after the
 * parse. Whatever the workspace holds — files broken, ids unknown, ids claimed twice across
 * threads — both must print the same result, byte for byte.
 */
function rewrite(dir: string, rel: string, edit: (text: string) => string): void {
  const file = join(dir, rel);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

function seededWorkspace(): string {
  const dir = testdir();
  // 300 deals and 3 campaigns: ~2,100 files, nine chunks of the parse pool.
  generateWorkspace(dir, { deals: 300, campaigns: 3 });
  const deals = readdirSync(join(dir, 'threads/sales'))
    .filter((name) => name !== 'campaigns')
    .sort();
  const deal = (i: number): string => `threads/sales/${deals[i]!}`;
  // Broken YAML in a stage file, and a meta.json that is no JSON (a thread then keyed by its first stage).
  rewrite(dir, `${deal(3)}/2-hypothesis.md`, (text) => text.replace(/^tests: .*$/m, 'tests: [A1, oops'));
  writeFileSync(join(dir, `${deal(41)}/meta.json`), '{ "id": "broken",');
  // Ids no file defines: an assumption, a goal, a subgoal's goal, a segment.
  rewrite(dir, `${deal(7)}/2-hypothesis.md`, (text) => text.replace(/^tests: .*$/m, 'tests: [A98, A99]'));
  rewrite(dir, `${deal(120)}/meta.json`, (text) => text.replace(/"goal_id": "[^"]*"/, '"goal_id": "g-nowhere"'));
  rewrite(dir, `${deal(121)}/meta.json`, (text) => text.replace(/"segment": "[^"]*"/, '"segment": "no-such-segment"'));
  rewrite(dir, `${deal(250)}/meta.json`, (text) => text.replace(/"source": "[^"]*"/, '"source": "thread:threads/sales/not-there"'));
  // Thread ids claimed twice across threads: a later deal taking an earlier one's id, and an earlier one a later one's.
  rewrite(dir, `${deal(200)}/meta.json`, (text) => text.replace(/"id": "[^"]*"/, `"id": "${deals[10]!}"`));
  rewrite(dir, `${deal(20)}/meta.json`, (text) => text.replace(/"id": "[^"]*"/, `"id": "${deals[280]!}"`));
  // A creation date to come: a finding of the dates, kept per day and located ahead.
  rewrite(dir, `${deal(60)}/meta.json`, (text) => text.replace(/"created": "[^"]*"/, '"created": "2027-05-01"'));
  return dir;
}

describe('a cold check run beside the parse', () => {
  it('reports exactly what a check after the parse reports, on a workspace with errors in several threads', async () => {
    const dir = seededWorkspace();
    const env = { THREADWORK_TODAY: '2026-12-31', THREADWORK_NO_CACHE: '1' };
    const overlapped = await runCli(['check', '--json', '--no-cache'], { cwd: dir, env: { ...env, THREADWORK_PARSE_WORKERS: '1' } });
    const sequential = await runCli(['check', '--json', '--no-cache'], { cwd: dir, env: { ...env, THREADWORK_PARSE_WORKERS: '0' } });
    expect(overlapped.stderr).toBe(sequential.stderr);
    expect(overlapped.code).toBe(sequential.code);
    expect(overlapped.stdout).toBe(sequential.stdout);
    // The seeded problems are all there, so the comparison covered them.
    const result = JSON.parse(overlapped.stdout) as { diagnostics: { rule: string; path: string; line: number }[] };
    const rules = new Set(result.diagnostics.map((d) => d.rule));
    for (const rule of ['unknown-assumption', 'unknown-goal', 'unknown-segment', 'unknown-source-thread', 'duplicate-id', 'thread-id-folder', 'date-in-future', 'validation-missing']) expect(rules, rule).toContain(rule);
    expect(result.diagnostics.some((d) => d.path.endsWith('/meta.json') && d.path.includes(readdirSync(join(dir, 'threads/sales')).filter((n) => n !== 'campaigns').sort()[41]!))).toBe(true);
    // Findings made ahead were located: warnings at a line of their file, not all at 1:1.
    expect(result.diagnostics.filter((d) => d.rule === 'validation-missing' && d.line > 1).length).toBeGreaterThan(0);
  }, 180_000);
});
