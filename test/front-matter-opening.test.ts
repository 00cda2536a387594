import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount } from './helpers/git.js';

/**
 * A won deal's 6-learning.md with a blank line pasted above its `---`, or its opening typed
 * `--`: read as a stage file without front matter, it counted for nothing — `check` gave a
 * warning and exit 0 pointing at `migrate` (which would write a second block), and `sync`
 * reopened the deal and committed its ARR out of the metrics. It is an error at its place,
 * the thread is held at HEAD, nothing is written or committed, and a file of the LeanOS
 * method's labelled lines under a thematic break is still only the migrate warning.
 */

const LEARNING = 'threads/sales/northwind-payments/6-learning.md';

async function stageDiagnostics(dir: string): Promise<string[]> {
  const result = await (await openWorkspace(dir)).check({ cache: false });
  return result.diagnostics.filter((d) => d.path === LEARNING).map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);
}

describe('front matter whose opening fence is not a `---` on line 1', () => {
  it('is an error at its place, and sync holds the won deal rather than reopening it', async () => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, LEARNING);
    const written = readFileSync(file, 'utf8');
    const pasted = `\n${written}`;
    writeFileSync(file, pasted);
    const result = await (await openWorkspace(dir)).check({ cache: false });
    expect(result.diagnostics.filter((d) => d.path === LEARNING).map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`)).toEqual([
      '1:1 error front-matter-opening Front matter not at the top: its `---` is on line 2, below a blank line, and front matter is read only from line 1 — as it is, nothing in it counts; expected the `---` on line 1: delete the blank line above it',
    ]);
    const commits = commitCount(dir);
    const sync = await runJson<{ ok: boolean; written: string[]; diagnostics: Diagnostic[] }>(['sync', '--json'], { cwd: dir });
    expect(sync.json.ok).toBe(false);
    expect(sync.json.written).toEqual([]);
    expect(sync.json.diagnostics.filter((d) => d.path === LEARNING).map((d) => d.rule)).toEqual(['front-matter-opening', 'derived-held']);
    expect(commitCount(dir)).toBe(commits);
    expect(readFileSync(file, 'utf8')).toBe(pasted);
  });

  it('names a fence typed with two, four or a dash, at its line', async () => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, LEARNING);
    const written = readFileSync(file, 'utf8');
    for (const fence of ['--', '----', '\u2014']) {
      writeFileSync(file, written.replace(/^---\n/, `${fence}\n`));
      expect(await stageDiagnostics(dir)).toEqual(['1:1 error front-matter-opening']);
    }
    writeFileSync(file, written.replace(/^---\n/, '\n--\n'));
    const result = await (await openWorkspace(dir)).check({ cache: false });
    expect(result.diagnostics.filter((d) => d.path === LEARNING).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:1 Front matter opened with `--` on line 2 (below a blank line): expected exactly three hyphens, `---`, on line 1 — as it is, the file reads as having no front matter and nothing in it counts; write the line as `---` and delete the blank line above it',
    ]);
  });

  it('leaves labelled lines under a thematic break to the migrate warning', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, LEARNING), '\n---\nDeal outcome: Closed won\nARR: $42,000\n---\n\nWhat we learned.\n');
    expect(await stageDiagnostics(dir)).toEqual(['1:1 warning stage-front-matter-missing']);
  });
});
