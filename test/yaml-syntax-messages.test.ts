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

describe("the parser's other riddles", () => {
  it('an unclosed quote or list, a line of text without `key:`, a reserved first character: each says what to write', async () => {
    const dir = exampleWorkspace();
    replaceInFile(dir, INPUT, '  name: Elena Park\n', '  name: "Elena Park\n');
    replaceInFile(dir, 'threads/sales/meridian-pay/1-input.md', 'date: 2026-10-06\n', 'date: 2026-10-06\nRavi replied to the case study\n');
    replaceInFile(dir, 'threads/sales/harbor-lending/1-input.md', '  technologies: [', '  technologies: [Excel, ');
    replaceInFile(dir, 'threads/sales/harbor-lending/1-input.md', ']\n', '\n');
    replaceInFile(dir, 'threads/sales/keel-neobank/1-input.md', 'source: ', 'source: @');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const messages = json.diagnostics.filter((d) => d.rule === 'yaml-syntax').map((d) => `${d.path}:${d.line} ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^threads\/sales\/brightcart\/1-input\.md:6 Invalid YAML: a " opened here is never closed: expected the closing " at the end of the value$/),
      expect.stringMatching(/^threads\/sales\/harbor-lending\/1-input\.md:\d+ Invalid YAML: a `\[` opened here is never closed: expected `\]` at the end of the list, on the same line$/),
      expect.stringMatching(/^threads\/sales\/keel-neobank\/1-input\.md:2 Invalid YAML: a value starting with `@`, which YAML reserves: expected the value in quotes \("@…"\)$/),
      expect.stringMatching(/^threads\/sales\/meridian-pay\/1-input\.md:4 Invalid YAML: a line without `key:` — expected `key: value` \(text belongs below the closing `---`, or in quotes as the value of a key\)$/),
    ]);
  });
});
