import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * A value holding `: ` (`signal: Re: Demo request`, `title: Note: a: b`) is the commonest
 * YAML mistake in hand-written front matter. It was reported in the parser's words,
 * "Nested mappings are not allowed in compact mappings", once per colon; it now names the
 * key whose value it is and shows how to write it. Likewise a key indented unlike the keys
 * after it, reported as "All mapping items must start at the same column" at each of them
 * (column 1 of the lines that were right): one error now names the two keys that disagree.
 */

const INPUT = 'threads/sales/brightcart/1-input.md';

describe('a `: ` inside a value', () => {
  it('is one error at the value, naming the key and saying to quote the value', async () => {
    const dir = exampleWorkspace();
    replaceInFile(dir, INPUT, 'signal: Demo request from the website after launching on Amazon and Walmart Marketplace in April', 'signal: Re: Demo request: Amazon');
    replaceInFile(dir, 'threadwork.config.yaml', 'company: Ledgerline', 'company: Ledgerline: reconciliation');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'yaml-syntax').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${INPUT}:4:9 Invalid YAML: a \`: \` inside the value of \`signal\`, which YAML reads as a second key: expected the value in quotes — \`signal: "Re: Demo request: Amazon"\``,
      'threadwork.config.yaml:3:10 Invalid YAML: a `: ` inside the value of `company`, which YAML reads as a second key: expected the value in quotes — `company: "Ledgerline: reconciliation"`',
    ]);
  });
});

describe('a key indented differently from the keys around it', () => {
  it('is one error, naming the two keys that disagree and how far each is indented', async () => {
    const dir = exampleWorkspace();
    // `contact:` on line 5; `name` (line 6) indented 3 spaces, `title`, `email`, `linkedin` 2.
    replaceInFile(dir, INPUT, '  name: Elena Park\n', '   name: Elena Park\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path === INPUT).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      '7:1 yaml-syntax Invalid YAML: `title` is indented 2 spaces and `name` on line 6 above it 3 spaces: expected the keys of one map at the same column — indent them alike',
    ]);
  });
});
