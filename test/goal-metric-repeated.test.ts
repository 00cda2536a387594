import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { read } from './helpers/testdir.js';
import { GOAL, workspace } from './helpers/workspace.js';

const env = { THREADWORK_TODAY: '2026-12-01' };
const PATH = 'goals/g-first-customers.md';

/**
 * A goal listing one metric twice (`won_count` with a target of 3, then of 1) was read with
 * nothing said: the state block showed both rows, the goal was judged on both, and its
 * change summary kept only the last, so each edit read `state block rewritten`. Which
 * target is meant only the person knows: it is a schema error at the repeat's name.
 */
describe('a goal metric listed twice', () => {
  it('is a schema error at the second name, and the goal is left as written', async () => {
    const twice = GOAL.replace('  - name: won_count\n    target: 3\n', '  - name: won_count\n    target: 3\n  - name: won_count\n    target: 1\n');
    const dir = workspace({ [PATH]: twice });
    gitInit(dir);
    const check = await runJson<{ diagnostics: { path: string; line: number; column: number; rule: string; severity: string; message: string }[] }>(['check'], { cwd: dir, env });
    const found = check.json.diagnostics.filter((d) => d.path === PATH);
    expect(found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual(['9:11 error schema']);
    expect(found[0]!.message).toContain('metric `won_count` is listed twice (first as metric 1)');
    await runCli(['sync'], { cwd: dir, env });
    expect(read(dir, PATH)).toBe(twice);
  });
});
