import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { checkInProcess } from './helpers/check.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read, replaceInFile } from './helpers/testdir.js';

/**
 * A key written twice in one YAML map (a paste, a merge resolved by keeping both lines) was
 * reported as the parser's "Map keys must be unique": which key, and where the first one
 * is, the person had to find. meta.json's duplicate keys already said both; front matter
 * and YAML files now do too.
 */

const INPUT = 'threads/sales/meridian-pay/1-input.md';
const HARBOR = 'threads/sales/harbor-lending/1-input.md';

/*
 * Speed: each test works on a copy of the example prepared once for the file; the first
 * test's check is a real CLI run, the others ask check's own function for the JSON it
 * prints (the diagnostics are the subject, not the process).
 */

describe('a key twice in one YAML map', () => {
  it('names the key and the line of its first occurrence, at the second', async () => {
    const dir = exampleWorkspaceCopy();
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

describe('a key twice in a one-line map', () => {
  it('says where on the line the first is, and to delete the other entry, not "the other line"', async () => {
    const dir = exampleWorkspaceCopy();
    // Line 4: `extra: {a: 1, a: 2}`, the first `a` at column 9, the second at column 15.
    replaceInFile(dir, INPUT, 'date: 2026-10-06\n', 'date: 2026-10-06\nextra: {a: 1, a: 2}\n');
    const { code, json } = await checkInProcess(dir);
    expect(code).toBe(1);
    const syntax = json.diagnostics.filter((d) => d.rule === 'yaml-syntax');
    expect(syntax.map((d) => [d.path, d.line, d.column, d.message])).toEqual([
      [INPUT, 4, 15, 'Invalid YAML: duplicate key `a` (first at column 9 of this line): expected each key once in a map — keep the value you mean and delete the other `a: …` with its comma'],
    ]);
  });
});

describe('several keys twice in one file', () => {
  const reason = (key: string, line: number): string =>
    `Invalid YAML: duplicate key \`${key}\` (first on line ${line}): expected each key once in a map — keep the value you mean and delete the other line`;

  it('reports every one, each at its own line and column, in front matter as in a YAML file', async () => {
    const dir = exampleWorkspaceCopy();
    // Front matter: `date` (line 3) again on line 4, `signal` (line 5) on line 6, and in `company:` `industry` (line 15) on line 16.
    replaceInFile(dir, INPUT, 'date: 2026-10-06\n', 'date: 2026-10-06\ndate: 2026-10-07\n');
    replaceInFile(dir, INPUT, 'signal: Replied to touch 3 of the controller campaign asking for the Harbor audit story\n', 'signal: Replied\nsignal: Replied again\n');
    replaceInFile(dir, INPUT, '  industry: payments\n', '  industry: payments\n  industry: fintech\n');
    replaceInFile(dir, 'threadwork.config.yaml', 'company: Ledgerline\n', 'company: Ledgerline\ncompany: Ledgerline Inc\n');
    replaceInFile(dir, 'threadwork.config.yaml', 'git:\n  commit: true\n', 'git:\n  commit: true\n  commit: false\n');
    const { code, json } = await checkInProcess(dir);
    expect(code).toBe(1);
    const syntax = json.diagnostics.filter((d) => d.rule === 'yaml-syntax');
    const config = read(dir, 'threadwork.config.yaml').split('\n');
    const companyLine = config.indexOf('company: Ledgerline') + 1;
    const commitLine = config.indexOf('  commit: true') + 1;
    expect(syntax.map((d) => [d.path, d.line, d.column, d.message])).toEqual([
      [INPUT, 4, 1, reason('date', 3)],
      [INPUT, 6, 1, reason('signal', 5)],
      [INPUT, 16, 3, reason('industry', 15)],
      ['threadwork.config.yaml', companyLine + 1, 1, reason('company', companyLine)],
      ['threadwork.config.yaml', commitLine + 1, 3, reason('commit', commitLine)],
    ]);
  });

  it('reports every key twice in meta.json, each at its own line', async () => {
    const dir = exampleWorkspaceCopy();
    const META = 'threads/sales/meridian-pay/meta.json';
    replaceInFile(dir, META, '  "title": "Meridian Pay",\n', '  "title": "Meridian Pay",\n  "id": "meridian-pay",\n');
    replaceInFile(dir, META, '  "created": "2026-10-06",\n', '  "created": "2026-10-06",\n  "segment": "mid-market-fintech",\n');
    const lines = read(dir, META).split('\n');
    const { json } = await checkInProcess(dir);
    const duplicates = json.diagnostics.filter((d) => d.path === META);
    expect(duplicates.map((d) => [d.line, d.column, d.rule, d.message])).toEqual([
      [lines.indexOf('  "id": "meridian-pay",', 2) + 1, 3, 'json-syntax', expect.stringMatching(/^Invalid JSON: duplicate key "id" \(first on line 2\)/)],
      [lines.lastIndexOf('  "segment": "mid-market-fintech",') + 1, 3, 'json-syntax', expect.stringMatching(/^Invalid JSON: duplicate key "segment" \(first on line 6\)/)],
    ]);
  });
});
