import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../bench/generate.js';
import { parseFrontMatter } from '../src/markdown/front-matter.js';
import { YamlLocator, type DataPath } from '../src/markdown/locate.js';
import { SimpleLocator, locatorOf } from '../src/markdown/simple-locate.js';
import { yamlDocument } from './helpers/yaml-docs.js';

const REPO = join(import.meta.dirname, '..');

/**
 * Every path worth asking about in `value`: each key and item, a key that is not there,
 * an item past the end, a path that goes on below a scalar, a string index into a list.
 */
function pathsOf(value: unknown, at: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(at, [...at, 'not-there'], [...at, 7, 'x']);
  if (Array.isArray(value)) {
    out.push([...at, value.length], [...at, '0']);
    value.forEach((item, i) => pathsOf(item, [...at, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out);
  }
  return out;
}

/** Where the two locators disagree on `text`, or 'declined' when the simple one does not take it. */
function disagreement(text: string): string | 'declined' | undefined {
  const simple = SimpleLocator.of(text);
  if (!simple) return 'declined';
  const yaml = new YamlLocator(text);
  for (const path of pathsOf(parse(text, { uniqueKeys: false }) as unknown)) {
    for (const method of ['locate', 'locateRange', 'locateKey', 'writtenAt'] as const) {
      const expected = yaml[method](path as DataPath);
      const got = simple[method](path as DataPath);
      if (JSON.stringify(got) !== JSON.stringify(expected)) return `${method}(${JSON.stringify(path)}): ${JSON.stringify(got)}, the yaml package's ${JSON.stringify(expected)}`;
    }
  }
  return undefined;
}

describe('the simple locator places every diagnostic where the yaml package does', () => {
  it.each([
    ['scalars, nested maps and lists', '\na: 1\nb: text with words\nc:\n  d: x\n  e:\n    - 1\n    - two\nf:\n- y\n- z: 1\n  w: [a, "b", \'c\']\ng: {min: 1, max: 2}\n'],
    ['empty values and nulls', '\na:\nb: null\nc: ~\nd:\n  e:\nf:\n  - null\n  - ~\n'],
    ['quoted scalars and escapes', '\na: "x: y"\nb: \'it\'\'s\'\nc: "say \\"hi\\" \\n"\nd: ""\ne: "012"\n'],
    ['unicode before and after', '\nname: Zoë Müller\ncity: 東京\nnote: façade — “quoted” words\nlast: é\n'],
    ['blank lines and trailing spaces', '\n\na: 1   \n\n\nb:   \n  c: 2  \n\n'],
    ['a list at the key’s column, last', '\nactions:\n- type: sales:qualify\n  status: completed\n- type: sales:demo\n'],
    ['flow collections, empty and spaced', '\ntests: []\nrange: {}\nx: [ a , b ]\ny: { min: 1 , max: 2 }\n'],
    ['numbers as written', '\na: 12.000\nb: 0x1F\nc: 1e3\nd: -0\ne: 01712345678\n'],
    ['colons inside plain scalars', '\ntype: sales:lead-intake\nurl: http://x.example/a?b=c\n'],
    ['without a leading newline or a trailing one', 'a: 1\nb:\n  - c'],
  ])('%s', (_name, text) => {
    expect(disagreement(text)).toBeUndefined();
  });

  it.each([
    ['a comment', '\na: 1 # one\n'],
    ['a comment line', '\n# top\na: 1\n'],
    ['a quoted key', '\n"a": 1\n'],
    ['CRLF line endings', '\na: 1\r\nb: 2\r\n'],
    ['a tab', '\na:\tb\n'],
    ['a byte-order mark', '\ufeff\na: 1\n'],
    ['a flow map over lines', '\na: {b: 1,\n  c: 2}\n'],
    ['a block scalar', '\na: |\n  text\n'],
    ['a folded scalar', '\na: >-\n  text\n'],
    ['a multi-line plain scalar', '\na: first\n  second\n'],
    ['an anchor and an alias', '\na: &x 1\nb: *x\n'],
    ['a duplicate key', '\na: 1\na: 2\n'],
    ['a bare list item', '\na:\n  -\n  - b\n'],
    ['a top-level list', '\n- a\n'],
    ['JSON', '{"a": 1}'],
    ['a surrogate pair', '\na: 😀\n'],
  ])('leaves %s to the yaml package, which places it as before', (_name, text) => {
    expect(disagreement(text)).toBe('declined');
    const path = ['a'];
    const yaml = new YamlLocator(text);
    expect(locatorOf(text).locateRange(path)).toEqual(yaml.locateRange(path));
  });

  it('agrees on 4,000 generated front matters, often damaged, half of them without comments (seed 12), and places a fair share itself', () => {
    const seen = { placed: 0, declined: 0 };
    const withoutComments = yamlDocument.map((text) => text.replace(/ *#.*$/gm, ''));
    fc.assert(
      fc.property(fc.oneof(yamlDocument, withoutComments), (text) => {
        const found = disagreement(text);
        if (found === 'declined') seen.declined += 1;
        else if (found === undefined) seen.placed += 1;
        else throw new Error(`${JSON.stringify(text)}: ${found}`);
      }),
      { numRuns: 4000, seed: 12 },
    );
    expect(seen.placed).toBeGreaterThan(600);
  });
});

describe('on real workspaces', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Every front matter and YAML file of a workspace compared; the ones the simple locator declined. */
  function compareAll(root: string): { files: number; declined: string[] } {
    const declined: string[] = [];
    let files = 0;
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (name.startsWith('.') || name === 'node_modules' || name === 'dist') continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.md') || name.endsWith('.yaml')) {
          const text = readFileSync(path, 'utf8');
          const fm = name.endsWith('.md') ? parseFrontMatter(text) : { present: true, errors: undefined, yamlText: text };
          if (!fm.present || fm.errors) continue;
          files += 1;
          const found = disagreement(fm.yamlText);
          if (found === 'declined') declined.push(relative(root, path));
          else if (found !== undefined) throw new Error(`${relative(root, path)}: ${found}`);
        }
      }
    };
    for (const top of ['strategy', 'goals', 'threads', 'research', 'artifacts']) if (existsSync(join(root, top))) walk(join(root, top));
    return { files, declined };
  }

  it('places as the yaml package does in every file of the example workspace, most of them itself', () => {
    const { files, declined } = compareAll(REPO);
    expect(files).toBeGreaterThan(40);
    expect(declined.length).toBeLessThan(files / 2);
  });

  it('places every front matter of a generated workspace (the bench’s) itself, as the yaml package does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadwork-simple-locate-'));
    dirs.push(dir);
    generateWorkspace(dir, { deals: 120, seed: 3 });
    const { files, declined } = compareAll(dir);
    expect(files).toBeGreaterThan(700);
    expect(declined.filter((path) => path.startsWith('threads/') || path.startsWith('goals/'))).toEqual([]);
  });
});
