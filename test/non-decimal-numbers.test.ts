import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read, replaceInFile } from './helpers/testdir.js';

/*
 * YAML reads `0x32` as 50 and `0o14` as 12: a Stage 3 `resource_cost_hours: 0x32`, a
 * prospect's `touches_done: 0x1` or a goal's target was taken as a number without a word. No
 * figure a workspace keeps is written in another base on purpose: one rule, for every number
 * in every file, an error at the value.
 */
const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/5-actions.md';

describe('a number written in hexadecimal or octal', () => {
  it.each([
    ['a Stage 3 resource_cost_hours', 'threads/sales/meridian-pay/3-implication.md', 'resource_cost_hours: 50', 'resource_cost_hours: 0x32', '4:22', 'resource_cost_hours', '0x32 is hexadecimal, read as 50'],
    ["a prospect's touches_done", CAMPAIGN, 'status: meeting, started: 2026-09-15}', 'status: meeting, started: 2026-09-15, touches_done: 0x2}', '21:151', 'prospects[0].touches_done', '0x2 is hexadecimal, read as 2'],
    ["a goal's count target", 'goals/g-arr-500k-2026.md', '    target: 12\n', '    target: 0o14\n', '11:13', 'metrics[1].target', '0o14 is octal, read as 12'],
  ])('in %s is a schema error at the value', async (_what, path, before, after, at, field, said) => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, path, before, after);
    const text = read(dir, path);
    const { code, json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.field}`)).toEqual([`${path}:${at} error schema ${field}`]);
    expect(json.diagnostics[0]!.message).toContain(`expected a number written in decimal: ${said}`);
    // Sync holds the file as it is, its bytes untouched.
    expect((await runJson(['sync'], { cwd: dir })).code).toBe(1);
    expect(read(dir, path)).toBe(text);
  }, 60_000);

  it('016 is no number in another base: YAML 1.2 reads it as 16, in decimal', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'resource_cost_hours: 50', 'resource_cost_hours: 016');
    expect((await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir })).json.diagnostics).toEqual([]);
  }, 60_000);
});
