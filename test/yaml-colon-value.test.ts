import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * A value holding `: ` (`signal: Re: Demo request`, `title: Note: a: b`) is the commonest
 * YAML mistake in hand-written front matter. It was reported in the parser's words,
 * "Nested mappings are not allowed in compact mappings", once per colon; it now names the
 * key whose value it is and shows how to write it.
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
