import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { REPO_ROOT, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * docs/file-formats.md said "fields marked *fill later* may be empty (`""`, `null`)", yet
 * no field was marked, and `decision: ""` and the like are schema errors. What the doc says
 * of empty fields is what check does: each field it names refuses `""` and takes `null`.
 */
describe('what docs/file-formats.md says of empty stage fields', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/file-formats.md'), 'utf8');
  const intro = doc.slice(0, doc.indexOf('Common value forms'));

  it('marks no field it does not mark', () => {
    const marked = (doc.match(/fill later/g) ?? []).length;
    const said = (intro.match(/fill later/g) ?? []).length;
    // The words may be used only where the tables mark fields with them.
    expect(said === 0 || marked > said).toBe(true);
  });

  // Where each field named in the doc's sentence is written in the bundled example.
  const at: Record<string, [string, string]> = {
    decision: ['threads/sales/harbor-lending/4-decision.md', 'decision: QUALIFY'],
    strategic_value: ['threads/sales/harbor-lending/3-implication.md', 'strategic_value: high'],
    initial_confidence: ['threads/sales/harbor-lending/2-hypothesis.md', 'initial_confidence: 0.7'],
    revisit: ['threads/sales/harbor-lending/4-decision.md', 'revisit: null'],
    source: ['threads/sales/harbor-lending/1-input.md', 'source: referral'],
    date: ['threads/sales/harbor-lending/1-input.md', 'date: 2026-07-06'],
  };
  const named = [...intro.matchAll(/`(\w+): ""`/g)].map((m) => m[1]!);

  it('names the fields that refuse "" and are empty as null, and check agrees', async () => {
    expect(named).toEqual(Object.keys(at));
    expect(intro).toMatch(/write `null` or leave the key out/);
    const refused = exampleWorkspaceCopy();
    const empty = exampleWorkspaceCopy();
    for (const field of named) {
      const [file, line] = at[field]!;
      replaceInFile(refused, file, line, `${field}: ""`);
      replaceInFile(empty, file, line, `${field}: null`);
    }
    const no = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: refused });
    expect(new Set(no.json.diagnostics.filter((d) => d.rule === 'schema').map((d) => d.field))).toEqual(new Set(named));
    const yes = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: empty });
    expect(yes.json.diagnostics.filter((d) => d.rule === 'schema')).toEqual([]);
  });
});
