import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';
import { commitCount, git } from './helpers/git.js';
import { CONFLICTED_HYPOTHESIS, CONFLICTED_META, conflictedWorkspace as conflicted } from './helpers/conflicted.js';

/**
 * A conflict resolved part-way — the person kept a version and deleted the other with the
 * `<<<<<<<` and `=======` lines, but not the `>>>>>>>` one — leaves one marker line. In front
 * matter or meta.json it was a parser's riddle ("a line without `key:`", "Expected
 * double-quoted property name"); in a Markdown body it passed unseen and sync committed it.
 * It is now the `merge-conflict` error at that line, saying the conflict was resolved part-way.
 */

const HYPOTHESIS = CONFLICTED_HYPOTHESIS;
const META = CONFLICTED_META;

const conflictedWorkspace = (): string => conflicted();

/** Each conflict of `path` resolved by `resolve(ours, theirs, open, close)`, the text it returns replacing the conflict. */
function resolveEach(dir: string, path: string, resolve: (ours: string, theirs: string, open: string, close: string) => string): void {
  const text = readFileSync(join(dir, path), 'utf8');
  writeFileSync(join(dir, path), text.replace(/(<{7}[^\n]*\n)([\s\S]*?)={7}\n([\s\S]*?)(>{7}[^\n]*\n)/g, (_, open: string, ours: string, theirs: string, close: string) => resolve(ours, theirs, open, close)));
}

const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error').map((d) => [d.path, d.line, d.column, d.rule]);

describe('a conflict resolved part-way, one marker line left', () => {
  it('in front matter and meta.json is an unresolved conflict at that line, not a YAML or JSON error', async () => {
    const dir = conflictedWorkspace();
    // Theirs kept, with its `>>>>>>>` line: the person deleted `<<<<<<<`, ours and `=======` only.
    resolveEach(dir, HYPOTHESIS, (_ours, theirs, _open, close) => theirs + close);
    resolveEach(dir, META, (_ours, theirs, _open, close) => theirs + close);
    const { code, json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    expect(code).toBe(1);
    expect(errorsOf(json.diagnostics)).toEqual([
      [HYPOTHESIS, 4, 1, 'merge-conflict'],
      [META, 5, 1, 'merge-conflict'],
    ]);
    expect(json.diagnostics.find((d) => d.path === HYPOTHESIS)!.message).toBe(
      "Unresolved merge conflict: git's marker `>>>>>>> other` (line 4) is still in the file without the rest of its conflict — resolved part-way: expected one version and no marker line — delete this line, and check that the lines around it hold the version you want, not both",
    );
  });

  it('in a Markdown body is an unresolved conflict too, and sync after the merge commits nothing of it', async () => {
    const dir = conflictedWorkspace();
    // Every conflict resolved to ours, but the body's `<<<<<<< HEAD` line left; the merge is committed.
    resolveEach(dir, META, (ours) => ours);
    resolveEach(dir, HYPOTHESIS, (ours, _theirs, open) => (ours.startsWith('Check') ? open + ours : ours));
    git(dir, 'commit', '-q', '-am', 'merge other');
    const before = commitCount(dir);
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--no-cache'], { cwd: dir });
    expect(sync.code).toBe(1);
    const bodyLine = readFileSync(join(dir, HYPOTHESIS), 'utf8').split('\n').indexOf('<<<<<<< HEAD') + 1;
    expect(errorsOf(sync.json.diagnostics)).toEqual([[HYPOTHESIS, bodyLine, 1, 'merge-conflict']]);
    expect(commitCount(dir)).toBe(before);
  });

  it('inside a block threadwork derives is a warning, and sync writes the block anew without it', async () => {
    const dir = exampleWorkspaceCopy();
    const METRICS = 'strategy/canvas/13-metrics.md';
    const before = readFileSync(join(dir, METRICS), 'utf8');
    const lines = before.split('\n');
    const inBlock = lines.indexOf('<!-- threadwork:begin metrics -->') + 3;
    writeFileSync(join(dir, METRICS), [...lines.slice(0, inBlock), '>>>>>>> other', ...lines.slice(inBlock)].join('\n'));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    expect(check.json.diagnostics.map((d) => [d.path, d.line, d.severity, d.rule])).toEqual([[METRICS, inBlock + 1, 'warning', 'merge-conflict']]);
    expect((await runJson(['sync'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, METRICS), 'utf8')).toBe(before);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('prose quoting seven < and a heading underline are still no conflict', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, HYPOTHESIS, 'Tests whether', 'Notes\n=======\n\n<<<<<<< is what git writes\n\nTests whether');
    const { code, json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    expect(json.diagnostics).toEqual([]);
    expect(code).toBe(0);
  });
});
