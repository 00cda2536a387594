import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncCommand } from '../src/cli/commands/sync.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { read, replaceInFile } from './helpers/testdir.js';

/**
 * A subgoal measured by `pipeline_count` or `weighted_pipeline` counts open deals only, so
 * once it was reached it went back to pending as soon as its deals closed or were
 * deferred: "have one qualified fintech deal open" completed, then undone by the deal
 * moving on. A subgoal reached stays reached: the sync that first finds it reached
 * records the day in the goal file (`reached:` on the subgoal, the state's as-of date),
 * and a recorded subgoal is `completed` whatever its value does later. Deleting the key
 * judges it on its value again.
 */

const GOAL = 'goals/g-fintech-beachhead.md';
const DEAL = 'threads/sales/meridian-pay';
const SG3 = '  - id: SG3\n    title: Keep a fintech deal in the pipeline\n    metric: pipeline_count\n    target: 1\n';
const TODAY = { THREADWORK_TODAY: '2026-11-20' };

type Synced = { ok: boolean; changes?: { description: string }[] };
const syncJson = (dir: string): ReturnType<typeof commandJson<Synced>> => commandJson<Synced>(() => syncCommand({ commit: true }, { dir, json: true }));
const stateRow = (dir: string, id: string): string => read(dir, GOAL).split('\n').find((line) => line.startsWith(`| ${id} |`)) ?? '';

function withPipelineSubgoal(): string {
  const dir = exampleWorkspaceCopy();
  replaceInFile(dir, GOAL, '    target: 3\nassumptions:', `    target: 3\n${SG3}assumptions:`);
  replaceInFile(dir, `${DEAL}/meta.json`, '"subgoal": "SG2"', '"subgoal": "SG3"');
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a pipeline subgoal once reached', () => {
  it('is recorded as reached, and stays completed when its deal is deferred', async () => {
    vi.stubEnv('THREADWORK_TODAY', TODAY.THREADWORK_TODAY);
    const dir = withPipelineSubgoal();
    const first = await runJson<Synced>(['sync'], { cwd: dir, env: { ...gitEnv(), ...TODAY } });
    expect(first.code, first.stdout).toBe(0);
    expect(stateRow(dir, 'SG3')).toMatch(/\| 1\/1 \| completed \|/);
    // Recorded where the subgoal is written, every other byte as it was.
    const recorded = read(dir, GOAL);
    expect(recorded).toContain(`${SG3}    reached: 2026-11-12\nassumptions: [A1, A5]`);
    expect(git(dir, 'status', '--porcelain')).toBe('');

    // The deal is deferred: the pipeline it counted in is empty.
    writeFileSync(join(dir, `${DEAL}/4-decision.md`), readFileSync(join(dir, 'threads/sales/keel-neobank/4-decision.md'), 'utf8').replace('revisit: 2027-01-15', 'revisit: 2027-02-01'));
    const second = await syncJson(dir);
    expect(second.code, JSON.stringify(second.json)).toBe(0);
    expect(JSON.parse(read(dir, `${DEAL}/meta.json`)).status).toBe('deferred');
    expect(stateRow(dir, 'SG3')).toMatch(/\| 0\/1 \| completed \|/);
    expect(read(dir, GOAL)).toContain('    reached: 2026-11-12\n');

    // The record taken out by hand: judged on its value again.
    writeFileSync(join(dir, GOAL), read(dir, GOAL).replace('    reached: 2026-11-12\n', ''));
    await syncJson(dir);
    expect(stateRow(dir, 'SG3')).toMatch(/\| 0\/1 \| pending \|/);
    expect(read(dir, GOAL)).not.toContain('reached:');
  });
});

describe('a subgoal written as a YAML alias', () => {
  // `subgoals: [*sg]` naming a map anchored elsewhere is valid YAML the reader reads; the
  // sync that recorded it reached looked for a map where the alias stands and crashed with
  // an internal error, writing nothing for any file of the workspace.
  const ANCHORED = 'first: &sg\n  id: SG1\n  title: Book two discovery meetings\n  metric: meetings\n  target: 2\nsubgoals:\n  - *sg\n';

  it('is recorded as reached in the map the alias names, every other byte as written', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, GOAL, 'subgoals:\n  - id: SG1\n    title: Book forty discovery meetings with fintech controllers\n    metric: meetings\n    target: 40\n', ANCHORED);
    const written = read(dir, GOAL);
    const first = await runJson<Synced>(['sync'], { cwd: dir, env: { ...gitEnv(), ...TODAY } });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.json.changes?.map((c) => c.description)).toContain('g-fintech-beachhead SG1 reached 2026-11-12 (recorded in goals/g-fintech-beachhead.md)');
    const recorded = read(dir, GOAL);
    expect(recorded).toContain('  target: 2\n  reached: 2026-11-12\nsubgoals:\n  - *sg\n');
    expect(recorded.slice(0, recorded.indexOf('<!-- threadwork:begin'))).toBe(written.slice(0, written.indexOf('<!-- threadwork:begin')).replace('  target: 2\n', '  target: 2\n  reached: 2026-11-12\n'));
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const again = await runJson<Synced>(['sync'], { cwd: dir, env: { ...gitEnv(), ...TODAY } });
    expect(again.code, again.stdout).toBe(0);
    expect(again.json.changes ?? []).toEqual([]);
  });
});
