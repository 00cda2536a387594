import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount } from './helpers/git.js';
import { read, replaceInFile } from './helpers/testdir.js';

/**
 * Text copied from a web page, a word processor, a CRM's rich-text field or a chat client
 * carries no-break spaces (U+00A0) and zero-width spaces that cannot be seen. Where YAML's
 * syntax has a space — after `key:`, in the indentation, after a list item's `-` — the
 * parser read such a line as one without a key ("a line without `key:`" at column 1, of a
 * line that plainly has one) or as indented wrongly (said of the line below, naming the
 * wrong keys); in meta.json, JSON.parse's "Unexpected token ' '" was put at the end of the
 * file. Each is now one error at the character, naming it and what to type instead.
 */

const HYPOTHESIS = 'threads/sales/meridian-pay/2-hypothesis.md';
const LEARNING = 'threads/sales/brightcart/6-learning.md';
const META = 'threads/sales/meridian-pay/meta.json';
const COPIED = 'text copied from a web page, a document or a CRM carries such characters';

async function errors(dir: string, command: 'check' | 'sync'): Promise<string[]> {
  const { json } = await runJson<{ diagnostics: Diagnostic[] }>([command], { cwd: dir });
  return json.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`);
}

describe('a no-break space or a full-width colon in the place of YAML syntax', () => {
  it('is one error at the character, naming it, in check and sync alike, and the file is held untouched', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, HYPOTHESIS, 'initial_confidence: 0.55', 'initial_confidence:\u00a00.55');
    replaceInFile(dir, LEARNING, '  - assumption: A7\n', '\u00a0\u00a0- assumption: A7\n');
    replaceInFile(dir, 'threads/sales/harbor-lending/6-learning.md', 'outcome: closed-won', 'outcome\uff1a closed-won');
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', '  - assumption: A1', '  -\u00a0assumption: A1');
    const written = [HYPOTHESIS, LEARNING].map((f) => read(dir, f));
    const expected = [
      `${LEARNING}:12:1 yaml-syntax Invalid YAML: a no-break space (U+00A0) in the indentation, which YAML does not read as a space: expected ordinary spaces — retype the indentation (${COPIED})`,
      'threads/sales/harbor-lending/6-learning.md:2:8 yaml-syntax Invalid YAML: a full-width colon (：, U+FF1A) after `outcome`, which YAML does not read as a colon: expected `outcome: ` — an ASCII colon and a space',
      `${HYPOTHESIS}:3:20 yaml-syntax Invalid YAML: a no-break space (U+00A0) after \`initial_confidence:\`, which YAML does not read as a space, so it sees no key on this line: expected an ordinary space — retype the space after the colon (${COPIED})`,
    ];
    const check = await errors(dir, 'check');
    expect(check.filter((e) => !e.startsWith('threads/sales/northwind-payments/'))).toEqual(expected);
    expect(check.find((e) => e.startsWith('threads/sales/northwind-payments/'))).toMatch(/6-learning\.md:\d+:4 yaml-syntax Invalid YAML: a no-break space \(U\+00A0\) after the `-` of a list item, which YAML does not read as a space: expected `- ` with an ordinary space/);
    expect(await errors(dir, 'sync')).toEqual(check);
    expect([HYPOTHESIS, LEARNING].map((f) => read(dir, f))).toEqual(written);
    expect(commitCount(dir)).toBe(1);
  });

  it('says the other mistakes of the file too, at their own lines', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, HYPOTHESIS, 'tests: [A1, A5]\ninitial_confidence: 0.55', 'tests: [A1, A5\ninitial_confidence:\u00a00.55');
    expect(await errors(dir, 'check')).toEqual([
      `${HYPOTHESIS}:2:8 yaml-syntax Invalid YAML: a \`[\` opened here is never closed: expected \`]\` at the end of the list, on the same line`,
      `${HYPOTHESIS}:3:20 yaml-syntax Invalid YAML: a no-break space (U+00A0) after \`initial_confidence:\`, which YAML does not read as a space, so it sees no key on this line: expected an ordinary space — retype the space after the colon (${COPIED})`,
    ]);
  });

  it('inside a value is text, as YAML reads it: no error', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, HYPOTHESIS, 'statement: "A licence exam', 'statement: "A\u00a0licence\u200bexam');
    expect(await errors(dir, 'check')).toEqual([]);
  });
});

describe('a no-break space or a zero-width space outside a string in meta.json', () => {
  it.each([
    ['after a key\'s colon', '  "stage": 3,', '  "stage":\u00a03,', '10:11 json-syntax Invalid JSON: a no-break space (U+00A0)'],
    ['in the indentation', '  "stage": 3,', '\u00a0 "stage": 3,', '10:1 json-syntax Invalid JSON: a no-break space (U+00A0)'],
    ['after a comma', '  "stage": 3,', '  "stage": 3,\u200b', '10:14 json-syntax Invalid JSON: a zero-width space (U+200B)'],
  ])('%s is one error at the character, naming it', async (_case, from, to, start) => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, META, from, to);
    expect(await errors(dir, 'check')).toEqual([`${META}:${start} outside any string, which JSON does not read as a space: expected an ordinary space — retype it (${COPIED})`]);
  });

  it('inside a string is text: no error', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, META, '"title": "Meridian Pay"', '"title": "Meridian\u00a0Pay"');
    expect(await errors(dir, 'check')).toEqual([]);
  });
});

/**
 * A value pasted with an invisible character in it is valid but for it: `tests: [A1]` with a
 * zero-width space after `A1` was told "expected an assumption id such as A1 (got "A1")" —
 * the value shown looked like the example. The character is named, shown escaped, and the
 * value to write given.
 */
describe('a value holding an invisible character', () => {
  it('names the character, shows it escaped and says what to write', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, HYPOTHESIS, 'tests: [A1, A5]', 'tests: [A1\u200b, A5]');
    replaceInFile(dir, 'threads/sales/meridian-pay/1-input.md', 'email: ravi.shah@meridianpay.com', 'email: ravi.shah@meridian\u200bpay.com');
    replaceInFile(dir, META, '"segment": "mid-market-fintech"', '"segment": "mid-market-fintech\u00a0"');
    const schema = (await errors(dir, 'check')).filter((e) => e.includes(' schema '));
    expect(schema).toEqual([
      'threads/sales/meridian-pay/1-input.md:8:10 schema Invalid `contact.email`: expected an email address such as name@company.com, or nothing — it holds a zero-width space (U+200B), which cannot be seen (copied text carries such characters): write ravi.shah@meridianpay.com (got "ravi.shah@meridian\\u200bpay.com")',
      `${HYPOTHESIS}:2:9 schema Invalid \`tests[0]\`: expected an assumption id such as A1 or H12 — it holds a zero-width space (U+200B), which cannot be seen (copied text carries such characters): write A1 (got "A1\\u200b")`,
      `${META}:5:14 schema Invalid \`segment\`: expected a lower-case kebab-case slug such as "mid-market-fintech" — it holds a no-break space (U+00A0), which cannot be seen (copied text carries such characters): write mid-market-fintech (got "mid-market-fintech\\u00a0")`,
    ]);
  });
});

/**
 * A key pasted with an invisible character in it (`outcome` then a no-break space, before
 * its colon) is another key to YAML, ignored as a field of the person's: the warning said
 * "Unknown key `outcome `: expected `outcome`", two names that look the same, "(a typo?)".
 */
describe('a key holding an invisible character', () => {
  it('names the character and says to delete it', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, LEARNING, 'outcome: closed-lost', 'outcome\u00a0: closed-lost');
    replaceInFile(dir, HYPOTHESIS, 'statement:', 'statement\u200b:');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'key-misspelt').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${LEARNING}:2:1 Unknown key \`outcome\` with a no-break space (U+00A0) in it, which cannot be seen (copied text carries such characters): expected \`outcome\` — threadwork ignores the key as written, so its value has no effect; delete the character`,
      `${HYPOTHESIS}:4:1 Unknown key \`statement\` with a zero-width space (U+200B) in it, which cannot be seen (copied text carries such characters): expected \`statement\` — threadwork ignores the key as written, so its value has no effect; delete the character`,
    ]);
  });
});
