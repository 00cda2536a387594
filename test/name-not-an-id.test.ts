import { cpSync, renameSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { checkInProcess } from './helpers/check.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv } from './helpers/git.js';

/**
 * A goal file or a thread folder whose name is not an id. The goal's error told the person
 * to write `id: G-Fintech-Beachhead` — an id the schema refuses, so following the advice
 * gave the next error — and a thread folder named `north wind` was told "expected the
 * thread id: its folder name (got "north wind")", which is its folder name. Each now says
 * what an id looks like, and to rename the file or folder.
 */

const errorsOf = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.severity === 'error');

/*
 * Speed: each test works on a copy of the example prepared once for the file; the first
 * test's check is a real CLI run, the others ask check's own function for the JSON it
 * prints (the diagnostics are the subject, not the process).
 */

describe('a name that is not an id', () => {
  it('a goal file named in capitals is told to be renamed, never to take the name as its id', async () => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, 'goals/g-fintech-beachhead.md'), join(dir, 'goals/G-Fintech-Beachhead.md'));
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const errors = errorsOf(json.diagnostics);
    expect(errors.map((d) => `${d.path}:${d.line}:${d.column} ${d.rule}`)).toEqual(['goals/G-Fintech-Beachhead.md:2:5 goal-id-filename']);
    expect(errors[0]!.message).toBe('Goal id `g-fintech-beachhead` does not match its file name: expected the file renamed to goals/g-fintech-beachhead.md (`G-Fintech-Beachhead` is not a goal id: `g-` then lower-case letters, digits and single hyphens)');
  });

  it('a goal file whose name is an id keeps both ways out', async () => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, 'goals/g-fintech-beachhead.md'), join(dir, 'goals/g-beachhead.md'));
    const { json } = await checkInProcess(dir);
    expect(errorsOf(json.diagnostics).map((d) => d.message)).toContain('Goal id `g-fintech-beachhead` does not match its file name: expected `id: g-beachhead` or the file renamed to goals/g-fintech-beachhead.md');
  });

  it('a goal copied to start another, its id not changed yet, is the duplicate: the goal copied stays valid and synced', async () => {
    // `g-apac.md` sorts before `g-fintech-beachhead.md`: the copy took the id, and the goal
    // nobody touched was the duplicate, held, its state no longer derived.
    const dir = exampleWorkspaceCopy();
    cpSync(join(dir, 'goals/g-fintech-beachhead.md'), join(dir, 'goals/g-apac.md'));
    const { json } = await checkInProcess(dir);
    expect(errorsOf(json.diagnostics).map((d) => `${d.path}:${d.line}:${d.column} ${d.rule}: ${d.message}`)).toEqual([
      'goals/g-apac.md:2:5 duplicate-id: Duplicate goal id `g-fintech-beachhead`: already used by goals/g-fintech-beachhead.md',
      // The rename would replace the goal copied: only the id is offered.
      'goals/g-apac.md:2:5 goal-id-filename: Goal id `g-fintech-beachhead` does not match its file name: expected `id: g-apac` (goals/g-fintech-beachhead.md is another goal)',
    ]);
    const goal = join(dir, 'goals/g-fintech-beachhead.md');
    writeFileSync(goal, readFileSync(goal, 'utf8').replace('  - name: meetings\n    target: 40', '  - name: meetings\n    target: 30'));
    const synced = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir, env: gitEnv() });
    expect(synced.json.diagnostics.filter((d) => d.path === 'goals/g-fintech-beachhead.md')).toEqual([]);
    expect(readFileSync(goal, 'utf8')).toContain('| meetings | 6 | 30 | 24 |');
    expect(git(dir, 'status', '--porcelain')).toBe('?? goals/g-apac.md\n');
  });

  it('a thread folder with a space is told what a thread id looks like', async () => {
    const dir = exampleWorkspaceCopy();
    const folder = join(dir, 'threads/sales/north wind');
    cpSync(join(dir, 'threads/sales/cobalt-remit'), folder, { recursive: true });
    const meta = join(folder, 'meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"id": "cobalt-remit"', '"id": "north wind"'));
    const { json } = await checkInProcess(dir);
    const errors = errorsOf(json.diagnostics);
    expect(errors.map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.field}`)).toEqual(['threads/sales/north wind/meta.json:2:9 schema id']);
    expect(errors[0]!.message).toBe('Invalid `id`: expected the thread id, its folder name: lower-case letters, digits and single hyphens (a folder named otherwise is renamed, its id with it) — rename the folder to north-wind and write that id (got "north wind")');
  });
});
