import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace, exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';
import { commitCount, git } from './helpers/git.js';
import { CONFLICTED_HYPOTHESIS, CONFLICTED_META, conflictedWorkspace as conflicted } from './helpers/conflicted.js';

/**
 * A merge that stops on a conflict leaves git's markers in the files. Read as YAML or JSON
 * they gave a parser's riddle ("Implicit keys need to be on a single line", "Expected
 * double-quoted property name") and, in a Markdown body, nothing at all. Each conflicted
 * file is now one `merge-conflict` error at its `<<<<<<<` line that says what to do.
 */

const HYPOTHESIS = CONFLICTED_HYPOTHESIS;
const META = CONFLICTED_META;

const conflictedWorkspace = (): string => conflicted(exampleWorkspace);

describe('git merge conflict markers', () => {
  it('check names each conflicted file at its first marker, and what to do', async () => {
    const dir = conflictedWorkspace();
    const { code, json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    expect(code).toBe(1);
    const errors = json.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.path, d.line, d.column, d.rule])).toEqual([
      [HYPOTHESIS, 3, 1, 'merge-conflict'],
      [META, 4, 1, 'merge-conflict'],
    ]);
    // Two conflicts in the stage file (front matter and body), one in meta.json.
    expect(errors[0]!.message).toBe(
      'Unresolved merge conflict: git\'s markers `<<<<<<< HEAD` (line 3) … `>>>>>>> other` (line 7) are still in the file, and 1 more conflict below: expected one version — keep the lines you want and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines',
    );
    expect(errors[1]!.message).toContain('`<<<<<<< HEAD` (line 4) … `>>>>>>> other` (line 8)');
  });

  it('a conflict in the body alone is an error too, and sync neither edits nor commits the file', async () => {
    const dir = exampleWorkspace();
    const before = commitCount(dir);
    replaceInFile(dir, HYPOTHESIS, 'Tests whether', '<<<<<<< HEAD\r\nTests whether\r\n=======\r\nWe test whether\r\n>>>>>>> 1a2b3c4 (theirs)\r\n');
    const sync = await runJson<{ diagnostics: Diagnostic[]; commit: unknown }>(['sync'], { cwd: dir });
    expect(sync.code).toBe(1);
    expect(sync.json.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.path, d.line, d.rule])).toEqual([[HYPOTHESIS, 9, 'merge-conflict']]);
    expect(sync.json.commit).toBeNull();
    expect(commitCount(dir)).toBe(before);
    // Resolved: the file is read again and committed as any edit.
    replaceInFile(dir, HYPOTHESIS, '<<<<<<< HEAD\r\nTests whether\r\n=======\r\nWe test whether\r\n>>>>>>> 1a2b3c4 (theirs)\r\n', 'We test whether');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(check.code).toBe(0);
  });

  it('Markdown that only looks like a marker (a setext heading, a quote of seven <) is not a conflict', async () => {
    const dir = exampleWorkspace();
    replaceInFile(dir, HYPOTHESIS, 'Tests whether', 'Notes\n=======\n\n<<<<<<< is what git writes\n\nTests whether');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(check.json.diagnostics).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('markers indented by an editor that re-indented the file are a conflict too, at the marker', async () => {
    // A JSON formatter run on a conflicted meta.json indents git's lines with the rest: they gave "Expected double-quoted property name".
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, META, '  "title": "Meridian Pay",\n', '<<<<<<< HEAD\n  "title": "Meridian Pay",\n=======\n  "title": "Meridian Pay Inc",\n>>>>>>> other\n'.replace(/^(?=[<=>])/gm, '  '));
    const result = await (await openWorkspace(dir)).check({ cache: false });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.path, d.line, d.column, d.rule])).toEqual([[META, 4, 3, 'merge-conflict']]);
    expect(errors[0]!.message).toContain('`<<<<<<< HEAD` (line 4) … `>>>>>>> other` (line 8)');
  });

  it('in a Markdown file\'s front matter (YAML) indented markers are a conflict too', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, HYPOTHESIS, 'tests: [A1, A5]\n', 'tests:\n  <<<<<<< HEAD\n  - A1\n  =======\n  - A5\n  >>>>>>> other\n');
    const result = await (await openWorkspace(dir)).check({ cache: false });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.path, d.line, d.column, d.rule])).toEqual([[HYPOTHESIS, 3, 3, 'merge-conflict']]);
  });

  it('in Markdown an indented quote of git\'s lines (a code block) is not a conflict', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, HYPOTHESIS, 'Tests whether', 'What git wrote:\n\n    <<<<<<< HEAD\n    ours\n    =======\n    theirs\n    >>>>>>> other\n\nTests whether');
    const result = await (await openWorkspace(dir)).check({ cache: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('a file conflicted both where a person chooses and in a block threadwork derives', () => {
  const GOAL = 'goals/g-fintech-beachhead.md';
  // Two people each raised the meetings target and synced: git stops on the target and on the goal's
  // `state` block. The error asked to hand-merge both, the progress bars sync rewrites among them.
  it('names the derived block\'s conflict as sync\'s to replace, and sync does once the rest is resolved', async () => {
    const dir = exampleWorkspace();
    git(dir, 'checkout', '-q', '-b', 'other');
    replaceInFile(dir, GOAL, '    target: 40\n  - name: won_count', '    target: 50\n  - name: won_count');
    expect((await runJson(['sync', '--no-cache'], { cwd: dir })).code).toBe(0);
    git(dir, 'checkout', '-q', 'main');
    replaceInFile(dir, GOAL, '    target: 40\n  - name: won_count', '    target: 45\n  - name: won_count');
    expect((await runJson(['sync', '--no-cache'], { cwd: dir })).code).toBe(0);
    expect(() => git(dir, 'merge', '-q', 'other')).toThrow();
    const text = readFileSync(join(dir, GOAL), 'utf8');
    const stateLine = text.split('\n').findIndex((line, i) => line.startsWith('<<<<<<<') && i > 20) + 1;

    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    const said = json.diagnostics.find((d) => d.path === GOAL && d.rule === 'merge-conflict');
    expect(said).toMatchObject({ severity: 'error', line: 9 });
    expect(said?.message).toContain(`; the conflict at line ${stateLine}, in the \`state\` block threadwork computes from the threads, has no version to choose: leave it — \`threadwork sync\` replaces it, markers and both versions, once the rest is resolved`);

    writeFileSync(join(dir, GOAL), text.replace(/<<<<<<< [^\n]*\n {4}target: 45\n=======\n {4}target: 50\n>>>>>>> [^\n]*\n/, '    target: 50\n'));
    await runJson(['sync', '--no-cache'], { cwd: dir });
    expect(readFileSync(join(dir, GOAL), 'utf8')).not.toContain('<<<<<<<');
    expect(readFileSync(join(dir, GOAL), 'utf8')).toContain('| meetings | 6 | 50 |');
  });
});
