import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../bench/generate.js';
import { CORE_SCALAR_TYPES, resolvePlainScalar } from '../src/markdown/core-scalars.js';
import { parseFrontMatter } from '../src/markdown/front-matter.js';
import { DECLINED, readSimpleYaml } from '../src/markdown/simple-yaml.js';
import { readYaml } from '../src/markdown/yaml.js';
import { compareReaders, sameYamlValue } from './helpers/yaml-docs.js';
import { simpleYamlSuite } from './reliability/simple-yaml.js';

const REPO = join(import.meta.dirname, '..');

/** What the simple reader gives, checked against js-yaml (alone and in place) when it reads. */
function read(text: string): unknown {
  const outcome = compareReaders(text);
  if (typeof outcome === 'object') throw new Error(outcome.disagreement);
  return readSimpleYaml(text);
}

describe('the simple YAML reader reads what front matter is written in, as js-yaml does', () => {
  it.each([
    ['scalars of every type', 'a: 1\nb: 0.5\nc: true\nd: null\ne: ~\nf: text with words\ng: 2026-03-01\nh: -12\ni: .inf\nj: 0x1F\nk: 1_000\nl: yes', { a: 1, b: 0.5, c: true, d: null, e: null, f: 'text with words', g: '2026-03-01', h: -12, i: Infinity, j: 31, k: '1_000', l: 'yes' }],
    ['quoted scalars', `a: "x: y # z"\nb: 'it''s'\nc: "say \\"hi\\" \\\\ \\n"\nd: ""\ne: "012"`, { a: 'x: y # z', b: "it's", c: 'say "hi" \\ \n', d: '', e: '012' }],
    ['comments and blank lines', '# top\na: 1 # one\n\n# more\nb: C# and #hash # real comment\nc:\n      # deeper, above a block\n  d: 1', { a: 1, b: 'C# and', c: { d: 1 } }],
    ['colons inside plain scalars', 'type: sales:lead-intake\nurl: http://x.example/a?b=c\ntime: 12:30', { type: 'sales:lead-intake', url: 'http://x.example/a?b=c', time: '12:30' }],
    ['flow lists and maps', 'tests: [A6, A12]\nnone: []\nrange: {min: 63000, max: 99000}\nmixed: [1, "two", \'three\', null]\nempty: {}', { tests: ['A6', 'A12'], none: [], range: { min: 63000, max: 99000 }, mixed: [1, 'two', 'three', null], empty: {} }],
    ['nested maps', 'contact:\n  name: Dana Rossi\n  title: Head of Finance\ncompany:\n    name: Alder\n    deep:\n      x: 1\nafter: 2', { contact: { name: 'Dana Rossi', title: 'Head of Finance' }, company: { name: 'Alder', deep: { x: 1 } }, after: 2 }],
    ['lists, indented or at the key', 'a:\n  - x\n  - 2\nb:\n- y\n-\n- z\nc: 3', { a: ['x', 2], b: ['y', null, 'z'], c: 3 }],
    ['maps in lists', 'actions:\n  - type: sales:qualify\n    status: completed\n    due: 2026-03-22\n  - type: sales:demo\n    tags: [a, b]\n    who:\n      name: Maya\nnext: 1', { actions: [{ type: 'sales:qualify', status: 'completed', due: '2026-03-22' }, { type: 'sales:demo', tags: ['a', 'b'], who: { name: 'Maya' } }], next: 1 }],
    ['an empty value', 'a:\nb: # nothing\nc: 1', { a: null, b: null, c: 1 }],
    ['keys that are words js-yaml would read as something else are declined, others kept', 'constructor: 1\ntoString: 2\nyes: 3\nno: 4', { constructor: 1, toString: 2, yes: 3, no: 4 }],
  ])('%s', (_name, yaml, expected) => {
    expect(read(`\n${yaml}\n`)).toEqual(expected);
  });

  it('leaves a text with nothing in it to js-yaml (undefined or null, by its blank lines)', () => {
    expect(readSimpleYaml('\n')).toBe(DECLINED);
    expect(readSimpleYaml('\n# only a comment\n\n')).toBe(DECLINED);
  });

  it.each([
    ['a tab', 'a: b\tc'],
    ['a CR', 'a: b\r\nc: d'],
    ['a control character', 'a: b\u0001'],
    ['a byte-order mark', 'a: \ufeffb'],
    ['a surrogate pair', 'a: 😀'],
    ['NEL and line separators', 'a: b\u0085c\nd: \u2028'],
    ['a multi-line plain scalar', 'a: first\n  second'],
    ['a multi-line quoted scalar', 'a: "first\n  second"'],
    ['a scalar with a deeper comment below it', 'a: first\n   # is this part of it?\nb: 2'],
    ['a block scalar', 'a: |\n  text'],
    ['a folded scalar', 'a: >-\n  text'],
    ['an anchor', 'a: &x 1\nb: *x'],
    ['a tag', 'a: !!str 1'],
    ['a directive', '%YAML 1.2\n---\na: 1'],
    ['a document marker', '--- a: 1'],
    ['a quoted key', '"a": 1'],
    ['a key with a space', 'a b: 1'],
    ['a key with a dot', 'a.b: 1'],
    ['a number as key', '1: x'],
    ['True as key (js-yaml makes it "true")', 'True: x'],
    ['NULL as key (js-yaml makes it "null")', 'NULL: x'],
    ['__proto__ as key', '__proto__: x'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a duplicate key in a flow map', 'a: {b: 1, b: 2}'],
    ['a complex key', '? a\n: b'],
    ['a key without a space after its colon', 'a:b'],
    ['a value that is a map', 'a: b: c'],
    ['a value ending in a colon', 'a: b:'],
    ['a nested list item', 'a:\n  - - x'],
    ['a list under a bare dash', 'a:\n -\n  - x\n -'],
    // Found by the stress run (seed 1102270788): js-yaml reads x as [null, {b: 1}].
    ['a bare dash followed by a list item further left', 't:\n  - x:\n     -\n  - b: 1'],
    ['a top-level list', '- a\n- b'],
    ['an indented top level', '  a: 1'],
    ['odd indentation', 'a:\n    b: 1\n  c: 2'],
    ['a line deeper than its scalar', 'a: 1\n  b: 2'],
    ['an unknown escape', 'a: "\\x41"'],
    ['a unicode escape', 'a: "\\u00e9"'],
    ['an unclosed quote', 'a: "b'],
    ['text after a closing quote', 'a: "b" c'],
    ['a comment glued to a quote', 'a: "b"#c'],
    ['a flow list over lines', 'a: [b,\n  c]'],
    ['a nested flow list', 'a: [[b]]'],
    ['an empty flow entry', 'a: [b,,c]'],
    ['a trailing comma', 'a: [b, c, ]'],
    ['a colon in a flow scalar', 'a: [b:c]'],
    ['a hash in a flow scalar', 'a: [b#c]'],
    ['an indicator first', 'a: @b'],
    ['a dash and a space first', 'a: - b'],
  ])('declines %s', (_name, yaml) => {
    expect(readSimpleYaml(`\n${yaml}\n`)).toBe(DECLINED);
  });

  it('resolves plain scalars exactly as the schema types do', () => {
    const byTypes = (text: string): unknown => {
      for (const type of CORE_SCALAR_TYPES) if (type.resolve(text)) return type.construct(text);
      return text;
    };
    const samples = ['', '~', 'null', 'Null', 'NULL', 'nULL', 'nul', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'no', 'x', '0', '-0', '012', '0o17', '0x1f', '1e3', '.5', '-.inf', '.NaN', '+', '-', '.'];
    for (const text of samples) expect(Object.is(resolvePlainScalar(text), byTypes(text)) || sameYamlValue(resolvePlainScalar(text), byTypes(text)), text).toBe(true);
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (text) => sameYamlValue(resolvePlainScalar(text), byTypes(text))),
      { numRuns: 2000, seed: 20261201 },
    );
  });
});

simpleYamlSuite('simple YAML reader against js-yaml', 4000, 20_261_201);

describe('on real workspaces', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Every front matter of a workspace: read by the simple reader (and as js-yaml reads it), and how many it declined. */
  function frontMatters(root: string): { files: number; declined: string[] } {
    const declined: string[] = [];
    let files = 0;
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (name.startsWith('.') || name === 'node_modules' || name === 'dist') continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.md')) {
          const text = readFileSync(path, 'utf8');
          const fm = parseFrontMatter(text);
          if (!fm.present || fm.errors) continue;
          files += 1;
          const outcome = compareReaders(fm.yamlText);
          if (typeof outcome === 'object') throw new Error(`${relative(root, path)}: ${outcome.disagreement}`);
          if (outcome === 'declined') declined.push(relative(root, path));
        }
      }
    };
    for (const top of ['strategy', 'goals', 'threads', 'research', 'artifacts']) if (existsSync(join(root, top))) walk(join(root, top));
    return { files, declined };
  }

  it('reads every front matter of the example workspace', () => {
    const { files, declined } = frontMatters(REPO);
    expect(files).toBeGreaterThan(40);
    expect(declined).toEqual([]);
  });

  it('reads every thread file of a generated workspace (the bench’s), as js-yaml does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadwork-simple-yaml-'));
    dirs.push(dir);
    generateWorkspace(dir, { deals: 120, seed: 3 });
    const { files, declined } = frontMatters(dir);
    expect(files).toBeGreaterThan(700);
    expect(declined.filter((path) => path.startsWith('threads/'))).toEqual([]);
  });

  it('is what readYaml answers with, in place inside a file', () => {
    const text = '---\ntitle: x\ntests: [A1]\n---\n# Body\n\tnot YAML\n';
    expect(readYaml(text, 'Front matter', 3, 25)).toEqual({ value: { title: 'x', tests: ['A1'] } });
    // A declined text goes to js-yaml, whose problems keep their positions.
    expect(readYaml('\na: 1\na: 2\n').problems?.[0]).toMatchObject({ rule: 'yaml-syntax', position: { line: 3 } });
  });
});
