import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';

/**
 * The file that defines ids — the assumptions section, a goal — saved half-way or emptied
 * is one error. check read its ids as none, and so reported every thread, goal and stage
 * that names one: "Unknown assumption `A1` (not in 10-assumptions.md): none are defined
 * yet", twenty times over, burying the one real error — while sync, which holds the file
 * at its last valid version, reported just that one. The ids of a file that cannot be read
 * are unknown, not absent: nothing is reported against them.
 */

const errors = (diagnostics: Diagnostic[]): string[] => diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}:${d.line} ${d.rule}`);

describe('a file that defines ids, broken', () => {
  it('is the only error check and sync report: its ids are not taken for none', async () => {
    const dir = exampleWorkspace();
    const assumptions = join(dir, 'strategy/canvas/10-assumptions.md');
    writeFileSync(assumptions, readFileSync(assumptions, 'utf8').slice(0, 200));
    writeFileSync(join(dir, 'goals/g-fintech-beachhead.md'), '');
    const expected = ['goals/g-fintech-beachhead.md:1 file-empty', 'strategy/canvas/10-assumptions.md:1 front-matter-unclosed'];
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(errors(check.json.diagnostics)).toEqual(expected);
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dry-run'], { cwd: dir });
    expect(errors(sync.json.diagnostics)).toEqual(expected);
  });

  it('a goal that parses still has its subgoals checked, and an id no file defines is still reported', async () => {
    const dir = exampleWorkspace();
    const meta = join(dir, 'threads/sales/meridian-pay/meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"subgoal": "SG2"', '"subgoal": "SG9"'));
    const hypothesis = join(dir, 'threads/sales/meridian-pay/2-hypothesis.md');
    writeFileSync(hypothesis, readFileSync(hypothesis, 'utf8').replace('tests: [A1, A5]', 'tests: [A1, A9]'));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(errors(check.json.diagnostics)).toEqual(['threads/sales/meridian-pay/2-hypothesis.md:2 unknown-assumption', 'threads/sales/meridian-pay/meta.json:7 unknown-subgoal']);
  });
});
