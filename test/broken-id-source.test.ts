import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { checkInProcess } from './helpers/check.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * The file that defines ids — the assumptions section, a goal — saved half-way or emptied
 * is one error. check read its ids as none, and so reported every thread, goal and stage
 * that names one: "Unknown assumption `A1` (not in 10-assumptions.md): none are defined
 * yet", twenty times over, burying the one real error — while sync, which holds the file
 * at its last valid version, reported just that one. The ids of a file that cannot be read
 * are unknown, not absent: nothing is reported against them.
 */

/*
 * Speed: each test works on a copy of the example prepared once for the file. The first
 * test runs check and sync as the CLI; the others ask check's own function (what
 * `threadwork check --json` prints), the diagnostics being the subject, not the process.
 */
const errors = (diagnostics: Diagnostic[]): string[] => diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}:${d.line} ${d.rule}`);

describe('a file that defines ids, broken', () => {
  it('is the only error check and sync report: its ids are not taken for none', async () => {
    const dir = exampleWorkspaceCopy();
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
    const dir = exampleWorkspaceCopy();
    const meta = join(dir, 'threads/sales/meridian-pay/meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"subgoal": "SG2"', '"subgoal": "SG9"'));
    const hypothesis = join(dir, 'threads/sales/meridian-pay/2-hypothesis.md');
    writeFileSync(hypothesis, readFileSync(hypothesis, 'utf8').replace('tests: [A1, A5]', 'tests: [A1, A9]'));
    const check = await checkInProcess(dir);
    expect(errors(check.json.diagnostics)).toEqual(['threads/sales/meridian-pay/2-hypothesis.md:2 unknown-assumption', 'threads/sales/meridian-pay/meta.json:7 unknown-subgoal']);
  });
});

/**
 * A list of ids written as a map (`assumptions:` then `A1:` lines, `subgoals:` then `SG1:`)
 * is the schema's error at the key, "expected a list". check read the ids as none all the
 * same, and said every reference to one was to an id "none are defined yet" — dozens of
 * errors that are not true, burying the one that is.
 */
describe('a list of ids written as a map', () => {
  it('is the schema error at the key, and no reference to its ids is called unknown', async () => {
    const dir = exampleWorkspaceCopy();
    const assumptions = join(dir, 'strategy/canvas/10-assumptions.md');
    writeFileSync(assumptions, readFileSync(assumptions, 'utf8').replace(/^ {2}- id: (A\d+)$/gm, '  $1:'));
    const goal = join(dir, 'goals/g-fintech-beachhead.md');
    writeFileSync(goal, readFileSync(goal, 'utf8').replace(/^ {2}- id: (SG\d+)$/gm, '  $1:'));
    const check = await checkInProcess(dir);
    const found = check.json.diagnostics.filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.path}:${d.line}:${d.column} ${d.rule}`)).toEqual(['goals/g-fintech-beachhead.md:15:3 schema', 'strategy/canvas/10-assumptions.md:6:3 schema']);
    for (const d of found) expect(d.message).toMatch(/expected a list/);
  });

  it('an empty key (`assumptions:` with nothing under it) is the schema error, not "none are defined yet"', async () => {
    const dir = exampleWorkspaceCopy();
    const assumptions = join(dir, 'strategy/canvas/10-assumptions.md');
    const text = readFileSync(assumptions, 'utf8');
    writeFileSync(assumptions, text.replace(/^assumptions:\n(?: {2}.*\n)+/m, 'assumptions:\n'));
    const check = await checkInProcess(dir);
    expect(errors(check.json.diagnostics)).toEqual(['strategy/canvas/10-assumptions.md:5 schema']);
  });
});

/**
 * A campaign's 5-actions.md defines its experiments; Stage 6 records results under their
 * names. With 5-actions.md unreadable (a duplicate key, saved half-way) or its experiments
 * written as a map, check said the results were for an "unknown experiment … none
 * (5-actions.md defines no experiment)": a second error, not true, beside the real one.
 */
describe("a campaign's experiments, unreadable", () => {
  const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';

  it('a broken 5-actions.md is its own error only: the results naming its experiments are not called unknown', async () => {
    const dir = exampleWorkspaceCopy();
    const actions = join(dir, CAMPAIGN, '5-actions.md');
    writeFileSync(actions, readFileSync(actions, 'utf8').replace('  preset: five-touch-cold\n', '  preset: five-touch-cold\n  preset: five-touch-cold\n'));
    const check = await checkInProcess(dir);
    expect(errors(check.json.diagnostics)).toEqual([`${CAMPAIGN}/5-actions.md:4 yaml-syntax`]);
  });

  it('experiments written as a map are the schema error only', async () => {
    const dir = exampleWorkspaceCopy();
    const actions = join(dir, CAMPAIGN, '5-actions.md');
    writeFileSync(actions, readFileSync(actions, 'utf8').replace('experiments:\n  - name: audit-subject\n    touch: 1', 'experiments:\n  audit-subject:\n    touch: 1'));
    const check = await checkInProcess(dir);
    expect(errors(check.json.diagnostics)).toEqual([`${CAMPAIGN}/5-actions.md:12 schema`]);
  });
});

/**
 * An assumption row whose id the schema refuses (`id: a1`, "did you mean A1?") made every
 * thread naming `A1` an error too — "Unknown assumption `A1` (not in 10-assumptions.md):
 * none are defined yet" with the row on screen. A reference to the id the row was meant to
 * have is to that row: the row's error is the one.
 */
describe('an assumption id written in the wrong case', () => {
  it('is the schema error at the row, and the threads naming it in the right case are not called unknown', async () => {
    const dir = exampleWorkspaceCopy();
    const assumptions = join(dir, 'strategy/canvas/10-assumptions.md');
    writeFileSync(assumptions, readFileSync(assumptions, 'utf8').replace(/^ {2}- id: A1$/m, '  - id: a1'));
    const check = await checkInProcess(dir);
    expect(errors(check.json.diagnostics)).toEqual(['strategy/canvas/10-assumptions.md:6 schema']);
  });
});
