import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { gitEnv } from './helpers/git.js';
import { replaceInFile, testdir } from './helpers/testdir.js';

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-22' };
const GOAL = 'goals/g-first-customers.md';
const SG2 = "    title: Win one customer through the founders' network\n    metric: won_count\n    target: 1\n";

/*
 * `abandoned:` is a goal's key: written on a subgoal, it was read by nothing, and the
 * subgoal stayed in the goal's state, pending or blocked, with nothing said. A subgoal is
 * dropped by removing it once its deals name another (docs/file-formats.md): the key is an
 * error at its line that says so.
 */
describe('`abandoned` on a subgoal', () => {
  it('is a schema error at the key, saying how a subgoal is dropped', async () => {
    const dir = join(testdir(), 'gtm');
    expect((await runCli(['init', dir, '--company', 'Acme'], { env })).code).toBe(0);
    replaceInFile(dir, GOAL, SG2, `${SG2}    abandoned: 2026-11-22\n`);
    const { json, code } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir, env });
    expect(code).toBe(1);
    expect(json.diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.field}`)).toEqual([`${GOAL}:26:16 error schema subgoals[1].abandoned`]);
    expect(json.diagnostics[0]!.message).toContain('a subgoal has no `abandoned` of its own. To drop it, link its deals to another subgoal (or none)');
  });
});
