import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
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
    const dir = exampleWorkspaceCopy();
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
    const dir = exampleWorkspaceCopy();
    // `contact:` on line 5; `name` (line 6) indented 3 spaces, `title`, `email`, `linkedin` 2.
    replaceInFile(dir, INPUT, '  name: Elena Park\n', '   name: Elena Park\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path === INPUT).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      '7:3 yaml-syntax Invalid YAML: `title` is indented 2 spaces and `name` on line 6 above it 3 spaces: expected the keys of one map at the same column — indent them alike',
    ]);
  });
});

describe('a key indented by mistake under a comment line', () => {
  /**
   * Every template puts a comment above each key. A key indented by mistake below one was
   * reported by the parser at the comment line, which was then said to be "a line without
   * `key:`": the wrong line, and the wrong mistake. It is the key's indentation, at the key.
   */
  it('is one error at the key, naming the keys that disagree', async () => {
    const dir = exampleWorkspaceCopy();
    const hypothesis = 'threads/sales/brightcart/2-hypothesis.md';
    replaceInFile(dir, hypothesis, 'tests: [A4, A7]\ninitial_confidence: 0.5\n', 'tests: [A4, A7]\n# How likely it closes\n\n  initial_confidence: 0.5\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path === hypothesis).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      '5:3 yaml-syntax Invalid YAML: `initial_confidence` is indented 2 spaces and `tests` on line 2 above it 0 spaces: expected the keys of one map at the same column — indent them alike',
    ]);
  });
});

describe('a list item indented less than the item above it', () => {
  /**
   * `    - A4` then `   - A7`: the parser reads the second item as a key of the map the list
   * is in, and said "a list item where a key was expected", at column 1. The mistake is the
   * item's indentation: said at its `-`, with the item above it.
   */
  it('is one error at the `-`, naming the item above it and how far each is indented', async () => {
    const dir = exampleWorkspaceCopy();
    const hypothesis = 'threads/sales/brightcart/2-hypothesis.md';
    replaceInFile(dir, hypothesis, 'tests: [A4, A7]\n', 'tests:\n    - A4\n    # the pricing one\n   - A7\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path === hypothesis).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      '5:4 yaml-syntax Invalid YAML: a list item (`- A7`) indented 3 spaces and `- A4` on line 3 above it 4 spaces: expected the items of one list at the same column — indent them alike',
    ]);
  });
});

describe("the parser's other riddles", () => {
  it('an unclosed quote or list, a line of text without `key:`, a reserved first character: each says what to write', async () => {
    const dir = exampleWorkspaceCopy();
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

describe('indentation and stray characters', () => {
  /**
   * A key indented unlike its neighbours was reported at column 1 of its line, or — one more
   * indented than the key above it — at the value above it, as a `: ` inside that value; the
   * lines under it were reported again as further mistakes. A list item under a key that has
   * a value, text after a closing quote, a stray `]` came out in the `yaml` package's own
   * words ("Unexpected scalar at node end", "Unexpected flow-seq-end token in YAML stream").
   * Each is now one error at the character to fix, saying what was expected.
   */
  it('each is one error at the misplaced key or character, saying what was expected', async () => {
    const dir = exampleWorkspaceCopy();
    const at = (thread: string): string => `threads/sales/${thread}/1-input.md`;
    replaceInFile(dir, at('brightcart'), '  title: VP Finance\n', ' title: VP Finance\n');
    replaceInFile(dir, at('meridian-pay'), '  title: Controller\n', '   title: Controller\n');
    replaceInFile(dir, at('harbor-lending'), '  title: VP Finance\n', '\ttitle: VP Finance\n');
    replaceInFile(dir, at('keel-neobank'), 'source: outbound\n', 'source: outbound\n- item\n');
    replaceInFile(dir, at('cobalt-remit'), 'date: 2026-10-20\n', 'date: "2026-10-20" (a Tuesday)\n');
    replaceInFile(dir, at('oakline-outfitters'), 'date: 2026-09-08\n', 'date: 2026-09-08\n]\n');
    replaceInFile(dir, at('northwind-payments'), '  title: Controller\n', '  title: Controller\n stray words\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    const messages = json.diagnostics.filter((d) => d.path.endsWith('/1-input.md')).map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`);
    const indentedUnlike = (key: string, spaces: string, above: string, aboveSpaces: string): string =>
      `Invalid YAML: \`${key}\` is indented ${spaces} and \`${above}\` on line 6 above it ${aboveSpaces}: expected the keys of one map at the same column — indent them alike`;
    expect(messages).toEqual([
      `${at('brightcart')}:7:2 yaml-syntax ${indentedUnlike('title', '1 space', 'name', '2 spaces')}`,
      `${at('cobalt-remit')}:3:20 yaml-syntax Invalid YAML: text after the end of a quoted or bracketed value: expected the line to end there — put the whole value inside the quotes or brackets (a comment starts with \` #\`)`,
      `${at('harbor-lending')}:7:1 yaml-syntax Invalid YAML: a tab as indentation: expected spaces — YAML indents with spaces only (replace the tab with two spaces per level)`,
      `${at('keel-neobank')}:3:1 yaml-syntax Invalid YAML: a list item (\`- …\`) where a key was expected: expected \`key: value\`, or the list under a key with nothing after its colon (\`key:\`, then \`  - item\` on the lines below)`,
      `${at('meridian-pay')}:7:4 yaml-syntax ${indentedUnlike('title', '3 spaces', 'name', '2 spaces')}`,
      `${at('northwind-payments')}:8:2 yaml-syntax Invalid YAML: a line without \`key:\` — expected \`key: value\` (text belongs below the closing \`---\`, or in quotes as the value of a key)`,
      `${at('oakline-outfitters')}:4:1 yaml-syntax Invalid YAML: a \`]\` that closes no \`[\`: expected a \`[\` where the list starts, or no \`]\``,
    ]);
  });
});

/**
 * A list item indented under a key that already has a value (`source: inbound`, then
 * `  - item`) is, to YAML, more of that value: `source` read as "inbound - item", and the
 * user was told the source was not one of the sources, at the key, with no word of the
 * list item. It is an indentation mistake, said at the list item.
 */
describe('a list item under a key that has a value', () => {
  it('is one error at the `-`, saying the value would swallow it and what to write', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, INPUT, 'source: inbound\n', 'source: inbound\n  - item\n');
    replaceInFile(dir, 'threads/sales/brightcart/2-hypothesis.md', 'tests: [A4, A7]\n', 'tests:\n  - A4\n    - A7\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path.startsWith('threads/sales/brightcart/') && d.severity === 'error').map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      `${INPUT}:3:3 yaml-syntax Invalid YAML: a list item (\`- item\`) indented under \`source: inbound\`, which YAML reads as more of that value ("inbound - item"): expected the list under a key with nothing after its colon (\`source:\`, then \`  - item\` on the lines below)`,
      'threads/sales/brightcart/2-hypothesis.md:4:5 yaml-syntax Invalid YAML: a list item (`- A7`) indented under `- A4`, which YAML reads as more of that value ("A4 - A7"): expected the items of one list at the same column — indent them alike',
    ]);
  });
});

/**
 * A tag (`!!binary`, `!!set`, `!secret`): threadwork reads the YAML core schema, which has
 * none of these. The error was js-yaml's own, "unknown tag !<tag:yaml.org,2002:binary>",
 * at the end of the line, saying neither what the tag was written as nor what to write.
 */
describe('a YAML tag threadwork does not read', () => {
  it('is one error at the tag, saying to remove it or quote the value', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, INPUT, 'signal: Demo request', 'signal: !!binary Demo request');
    replaceInFile(dir, 'threadwork.config.yaml', 'company: Ledgerline', 'company: !secret Ledgerline');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'yaml-syntax').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${INPUT}:4:9 Invalid YAML: a tag, \`!!binary\`, which threadwork does not read: expected a plain value — delete the tag, or put the whole value in quotes`,
      'threadwork.config.yaml:3:10 Invalid YAML: a tag, `!secret`, which threadwork does not read: expected a plain value — delete the tag, or put the whole value in quotes',
    ]);
  });
});

/**
 * A NUL character in front matter (a file half-written by a crashed program, or pasted
 * from a binary): js-yaml's "null byte is not allowed in input" came at line 1, at a column
 * counted from the start of the front matter — a place in the file where nothing is wrong.
 */
describe('a NUL character in front matter', () => {
  it('is one error at the character, saying what to do', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, INPUT, 'signal: Demo request', 'signal: Demo\u0000 request');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'yaml-syntax').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${INPUT}:4:13 Invalid YAML: a NUL character (byte 0), which is no text: expected text — delete it (was the file written by a program that crashed?)`,
    ]);
  });
});

/**
 * A control character in front matter (an escape code pasted from a terminal, `\u001b[31m`):
 * js-yaml's "the stream contains non-printable characters" came at the end of the line
 * and named neither the character nor what to do.
 */
describe('a control character in front matter', () => {
  it('is one error at the character, naming it', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, INPUT, 'signal: Demo request', 'signal: Demo\u001b[31m request');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'yaml-syntax').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${INPUT}:4:13 Invalid YAML: a control character (U+001B), which is no text: expected text — delete it (a terminal's colour codes are made of such characters)`,
    ]);
  });
});

/*
 * The fourth review: `name:` under `  - id: …` indented 5 spaces was told `id` stands at
 * 2 spaces (the spaces before its `- `) — following that advice gave the parser's raw
 * "All mapping items must start at the same column"; at 3 spaces, "Sequence item without -
 * indicator" at column 1, then errors on sound lines further down the list.
 */
describe('a key of a list item indented otherwise than the key after its dash', () => {
  it.each([2, 3, 5, 6])('at %i spaces is one error at the key, naming the column after the `- `', async (spaces) => {
    const dir = exampleWorkspaceCopy();
    const segments = 'strategy/canvas/04-segments.md';
    replaceInFile(dir, segments, '  - id: mid-market-fintech\n    name: Mid-market fintech\n', `  - id: mid-market-fintech\n${' '.repeat(spaces)}name: Mid-market fintech\n`);
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path === segments).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      `6:${spaces + 1} yaml-syntax Invalid YAML: \`name\` is indented ${spaces} spaces and \`id\` on line 5 above it stands at 4 spaces (after its \`- \`): expected the keys of one list item at the same column — indent \`name\` 4 spaces`,
    ]);
  });
});
