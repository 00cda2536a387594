import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import type { Diagnostic } from '../src/diagnostics.js';

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-12-01' };
const MATERIAL = 'artifacts/sales/mid-market-fintech/materials/one-pager.md';
const ICP = 'research/customer/icp/mid-market-fintech-icp.yaml';

/** `path` with `marker` inserted as its line `line` (1-based), as a conflict resolved part-way leaves it. */
function withMarkerAt(dir: string, path: string, line: number, marker: string): string {
  const lines = readFileSync(join(dir, path), 'utf8').split('\n');
  lines.splice(line - 1, 0, marker);
  const text = lines.join('\n');
  writeFileSync(join(dir, path), text);
  return text;
}

describe('a generated file with one marker line of a conflict resolved part-way', () => {
  it('a sales material: sync keeps it byte for byte and names the marker at its line, not nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const text = withMarkerAt(dir, MATERIAL, 12, '>>>>>>> other');
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dir', dir, '--no-cache'], { env });
    const found = sync.json.diagnostics.filter((d) => d.path === MATERIAL);
    expect(found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual(['12:1 warning strategy-stale']);
    expect(found[0]!.message).toBe(
      "Git's marker `>>>>>>> other` (line 12) is still in this generated file without the rest of its conflict — resolved part-way: kept as it is. Delete this line and check that the lines around it hold the version you want, not both, or run `threadwork strategy --force` to regenerate it",
    );
    expect(readFileSync(join(dir, MATERIAL), 'utf8')).toBe(text);
  });

  it('prose quoting seven `<` is no marker: nothing is said of it', async () => {
    const dir = exampleWorkspaceCopy();
    withMarkerAt(dir, MATERIAL, 12, '<<<<<<< is how git marks a conflict, in our training notes');
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dir', dir, '--no-cache'], { env });
    expect(sync.json.diagnostics.filter((d) => d.path === MATERIAL && d.rule === 'strategy-stale' && d.line === 12)).toEqual([]);
  });

  it('`threadwork strategy` keeps it and says where the marker is', async () => {
    const dir = exampleWorkspaceCopy();
    const text = withMarkerAt(dir, MATERIAL, 12, '<<<<<<< HEAD');
    const run = await runJson<{ files: { path: string; action: string }[]; diagnostics?: Diagnostic[] }>(['strategy', 'mid-market-fintech', '--dir', dir, '--no-commit'], { env });
    expect(run.json.files.find((f) => f.path === MATERIAL)?.action).toBe('kept-edited');
    expect(readFileSync(join(dir, MATERIAL), 'utf8')).toBe(text);
  });

  it('the ICP file is data: its marker is the merge-conflict error at its line, as before', async () => {
    const dir = exampleWorkspaceCopy();
    withMarkerAt(dir, ICP, 5, '=======');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir, '--no-cache'], { env });
    expect(check.json.diagnostics.filter((d) => d.path === ICP && d.rule === 'merge-conflict').map((d) => `${d.line}:${d.column} ${d.severity}`)).toEqual(['5:1 error']);
  });
});
