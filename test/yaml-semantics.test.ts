import { describe, expect, it } from 'vitest';
import { parseFrontMatter, parseYamlDocument } from '../src/markdown/front-matter.js';
import { replaceFrontMatter, setFrontMatterScalar } from '../src/markdown/front-matter-edit.js';
import { YamlLocator } from '../src/markdown/locate.js';
import { readYaml } from '../src/markdown/yaml.js';
import { classifyPath } from '../src/workspace/layout.js';
import { parseFile } from '../src/workspace/parse-file.js';

/**
 * One YAML (1.2, core schema) for reading (the fast js-yaml reader), locating (the `yaml`
 * Document behind YamlLocator) and editing (front-matter-edit.ts): each tricky scalar has
 * one value whichever of them looks at it.
 */
const SCALARS: { yaml: string; value: unknown }[] = [
  { yaml: '012', value: 12 },
  { yaml: '0o14', value: 12 },
  { yaml: '0x1F', value: 31 },
  { yaml: '1_000', value: '1_000' },
  { yaml: '1e3', value: 1000 },
  { yaml: '.5', value: 0.5 },
  { yaml: '+12', value: 12 },
  { yaml: 'yes', value: 'yes' },
  { yaml: 'no', value: 'no' },
  { yaml: 'on', value: 'on' },
  { yaml: '~', value: null },
  { yaml: 'null', value: null },
  { yaml: '2026-03-01', value: '2026-03-01' },
  { yaml: '2026-03-01T10:00:00Z', value: '2026-03-01T10:00:00Z' },
  { yaml: '"012"', value: '012' },
  { yaml: '.inf', value: Number.POSITIVE_INFINITY },
  { yaml: '-.inf', value: Number.NEGATIVE_INFINITY },
  { yaml: '.nan', value: Number.NaN },
  // Where js-yaml 4's own CORE_SCHEMA and the yaml package disagree: the yaml package wins.
  { yaml: '0b101', value: '0b101' },
  { yaml: '-.5', value: -0.5 },
  { yaml: '+0x1F', value: '+0x1F' },
  { yaml: '-0o14', value: '-0o14' },
  { yaml: '-012', value: -12 },
  { yaml: '1.', value: 1 },
  // YAML 1.1 sexagesimals and booleans are gone.
  { yaml: '1:20', value: '1:20' },
  { yaml: 'off', value: 'off' },
  { yaml: 'y', value: 'y' },
  { yaml: 'True', value: true },
  { yaml: 'FALSE', value: false },
  { yaml: 'tRue', value: 'tRue' },
  { yaml: "'yes'", value: 'yes' },
];

/** The value at `k` as the `yaml` Document (the one locating and editing use) resolves it. */
function documentValue(yamlText: string): unknown {
  const { doc } = parseYamlDocument(yamlText);
  expect(doc.errors).toEqual([]);
  return (doc.toJS() as Record<string, unknown>).k;
}

describe('one YAML 1.2 core semantics', () => {
  describe.each(SCALARS)('$yaml', ({ yaml, value }) => {
    const file = `---\ntitle: x\nk: ${yaml}\nlist: [${yaml}]\n---\nbody\n`;

    it('reads as the expected value (fast path: front matter, YAML file, suppression/config/ICP via parseFile)', () => {
      const fm = parseFrontMatter(file);
      expect(fm.errors).toBeUndefined();
      expect(fm.data!.k).toStrictEqual(value);
      expect(fm.data!.list).toStrictEqual([value]);
      expect(readYaml(`k: ${yaml}\n`).value).toStrictEqual({ k: value });
      const config = parseFile('threadwork.config.yaml', classifyPath('threadwork.config.yaml'), `company: Acme\nk: ${yaml}\n`);
      if (/^0[xo]/.test(yaml)) {
        // Read as YAML reads it, but no figure a workspace keeps is written in another base: an error at the value (non-decimal-numbers.ts).
        expect(config.value).toBeUndefined();
        expect(config.diagnostics).toContainEqual(expect.objectContaining({ rule: 'schema', line: 2, message: expect.stringContaining(`expected a number written in decimal: ${yaml} is`) }));
      } else {
        // A valid config keeps its data once, as its validated value (unknown keys kept).
        expect((config.value as Record<string, unknown>).k).toStrictEqual(value);
      }
    });

    it('the Document used to locate and edit resolves the same value', () => {
      expect(documentValue(parseFrontMatter(file).yamlText)).toStrictEqual(value);
    });

    it('locates the key and the value the reader read', () => {
      const locator = new YamlLocator(parseFrontMatter(file).yamlText);
      // A written `null` or `~` is a value with a place, located as any other (only `k:` with nothing after it points at the key).
      expect(locator.locate(['k'])).toEqual({ line: 3, column: 4 });
      expect(locator.locate(['list', 0])).toEqual({ line: 4, column: 8 });
    });

    it('as a key, is found by the locator under the key the reader read', () => {
      const keyed = `---\n${yaml}: here\n---\n`;
      const data = parseFrontMatter(keyed).data!;
      const keys = Object.keys(data);
      expect(keys).toHaveLength(1);
      expect(new YamlLocator(parseFrontMatter(keyed).yamlText).locate([keys[0]!])).toEqual({ line: 2, column: yaml.length + 3 });
    });

    it('editing sees the value unchanged: nothing is rewritten, and an edit elsewhere keeps it byte for byte', () => {
      const data = parseFrontMatter(file).data!;
      expect(replaceFrontMatter(file, data)).toBe(file);
      const edited = replaceFrontMatter(file, { ...data, title: 'y' });
      expect(edited).toBe(file.replace('title: x', 'title: y'));
      expect(parseFrontMatter(edited).data!.k).toStrictEqual(value);
      expect(parseFrontMatter(setFrontMatterScalar(file, ['title'], 'z')).data!.k).toStrictEqual(value);
    });
  });

  it('a quoted `"<<"` is an ordinary key for reading, locating and editing alike (a plain `<<`, YAML 1.1\'s merge key, is refused: yaml-merge-keys.test.ts)', () => {
    const file = '---\nbase: &base {x: 1}\nm:\n  "<<": *base\n  y: 2\n---\n';
    const fm = parseFrontMatter(file);
    expect(fm.data).toStrictEqual({ base: { x: 1 }, m: { '<<': { x: 1 }, y: 2 } });
    expect(parseYamlDocument(fm.yamlText).doc.toJS()).toStrictEqual(fm.data);
    expect(new YamlLocator(fm.yamlText).locate(['m', 'y'])).toEqual({ line: 5, column: 6 });
    expect(new YamlLocator(fm.yamlText).locate(['m', '<<'])).toEqual({ line: 4, column: 9 });
    expect(replaceFrontMatter(file, fm.data!)).toBe(file);
  });

  it('an object named by two aliases is read as two copies, not one shared object', () => {
    const fm = parseFrontMatter('---\nbase: &b {x: 1}\nn: [*b, *b]\n---\n');
    const n = fm.data!.n as { x: number }[];
    expect(n).toStrictEqual([{ x: 1 }, { x: 1 }]);
    expect(n[0]).not.toBe(n[1]);
    expect(n[0]).not.toBe(fm.data!.base);
  });

  it('tags outside the core schema are an error, not a Date or a Buffer', () => {
    const fm = parseFrontMatter('---\na: 1\nwhen: !!timestamp 2026-03-01\n---\n');
    expect(fm.errors?.[0]).toMatchObject({ rule: 'yaml-syntax', position: { line: 3 } });
  });
});
