import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * A key written twice in one YAML map (a paste, a merge resolved by keeping both lines) was
 * reported as the parser's "Map keys must be unique": which key, and where the first one
 * is, the person had to find. meta.json's duplicate keys already said both; front matter
 * and YAML files now do too.
 */

const INPUT = 'threads/sales/meridian-pay/1-input.md';
const HARBOR = 'threads/sales/harbor-lending/1-input.md';


describe('a key twice in one YAML map', () => {
  it('names the key and the line of its first occurrence, at the second', async () => {
    const dir = exampleWorkspace();
    // Line 3 `date:`, line 4 its copy; in a nested map, `industry:` on lines 13 and 14.
    replaceInFile(dir, INPUT, 'date: 2026-10-06\n', 'date: 2026-10-06\ndate: 2026-10-07\n');
    replaceInFile(dir, HARBOR, '  industry: lending\n', '  industry: lending\n  industry: fintech\n');
    replaceInFile(dir, 'threadwork.config.yaml', 'company:', 'company: Ledgerline\ncompany:');
    const { code, json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(code).toBe(1);
    const syntax = json.diagnostics.filter((d) => d.rule === 'yaml-syntax');
    expect(syntax.map((d) => [d.path, d.line, d.column, d.rule, d.message])).toEqual([
      [HARBOR, 14, 3, 'yaml-syntax', 'Invalid YAML: duplicate key `industry` (first on line 13): expected each key once in a map — keep the value you mean and delete the other line'],
      [INPUT, 4, 1, 'yaml-syntax', 'Invalid YAML: duplicate key `date` (first on line 3): expected each key once in a map — keep the value you mean and delete the other line'],
      ['threadwork.config.yaml', expect.any(Number), 1, 'yaml-syntax', expect.stringMatching(/^Invalid YAML: duplicate key `company` \(first on line \d+\): expected each key once in a map/)],
    ]);
  });
});
