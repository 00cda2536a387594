import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { MAX_ALIAS_EXPANSION, MAX_YAML_BYTES, MAX_YAML_DEPTH } from '../src/markdown/limits.js';
import { classifyPath, type FileKind } from '../src/workspace/layout.js';
import { parseFile } from '../src/workspace/parse-file.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * "Billion laughs": each key names a list of nine aliases of the previous one. With
 * `depth` keys the last stands for 9^depth values; the text stays a few hundred bytes.
 * Its lines are `a: &a [x,…]`, `b: &b [*a,…]`, … one per key.
 */
function aliasBomb(depth: number): string {
  const names = 'abcdefghijklmnop'.slice(0, depth).split('');
  return names.map((name, i) => `${name}: &${name} [${Array(9).fill(i === 0 ? 'x' : `*${names[i - 1]}`).join(',')}]\n`).join('');
}

/**
 * Where the limit is passed in a bomb whose first line is `firstLine`: the sizes the
 * aliases repeat are 10, 91, 820, 7381 …; the running total passes MAX_ALIAS_EXPANSION
 * at the first alias of some line.
 */
function bombLimitLine(firstLine: number): { line: number; column: number } {
  let size = 10;
  let added = 0;
  for (let line = 1; ; line++) {
    // Line `line` (0-based from the bomb's second line) holds 9 aliases of a value of `size`.
    if (added + size > MAX_ALIAS_EXPANSION) return { line: firstLine + line, column: 8 };
    added += 9 * size;
    size = 1 + 9 * size;
  }
}

const STAGE = 'threads/sales/acme/1-input.md';
const CONFIG = 'threadwork.config.yaml';
const ICP = 'research/customer/icp/mid-market-fintech-icp.yaml';
const META = 'threads/sales/acme/meta.json';

function parse(path: string, text: string): Diagnostic[] {
  return parseFile(path, classifyPath(path), text).diagnostics;
}

const brief = (d: Diagnostic): string => `${d.line}:${d.column} ${d.rule}`;

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('parsing limits (src/markdown/limits.ts)', () => {
  describe.each([
    { name: 'front matter', path: STAGE, wrap: (yaml: string) => `---\n${yaml}---\nbody\n`, first: 2 },
    { name: 'the config', path: CONFIG, wrap: (yaml: string) => `company: Acme\n${yaml}`, first: 2 },
    { name: 'an ICP file', path: ICP, wrap: (yaml: string) => `segment: mid-market-fintech\n${yaml}`, first: 2 },
  ])('in $name', ({ path, wrap, first }) => {
    it('an alias bomb of depth 9 is a yaml-limit diagnostic at the alias that passes the limit, in well under a second', () => {
      const { result, ms } = timed(() => parse(path, wrap(aliasBomb(9))));
      const at = bombLimitLine(first);
      expect(result.map(brief)).toEqual([`${at.line}:${at.column} yaml-limit`]);
      expect(at.line).toBe(first + 4); // `e: &e [*d, …]`: 10 + 90 + 819 + 7380 values so far, then 7381 more
      expect(result[0]!.message).toMatch(/^YAML over a limit: with \*d, aliases repeat 15,670 values, more than the 10,000 allowed/);
      expect(ms).toBeLessThan(500);
    });

    it('depth 8 (which used to pass, expanded, in seconds) is refused too; depth 4 (8,289 values repeated) is read', () => {
      expect(parse(path, wrap(aliasBomb(8))).map((d) => d.rule)).toEqual(['yaml-limit']);
      expect(parse(path, wrap(aliasBomb(4))).filter((d) => d.rule.startsWith('yaml'))).toEqual([]);
    });

    it('an alias inside the value its anchor names (a cycle) is a yaml-limit diagnostic at that alias', () => {
      expect(parse(path, wrap('loop: &l [1, [2, *l]]\n')).map(brief)).toEqual([`${first}:18 yaml-limit`]);
    });

    it('an alias with no anchor is a yaml-syntax diagnostic at the alias', () => {
      const result = parse(path, wrap('fine: 1\nbad: [1, *nope]\n'));
      expect(result.map(brief)).toEqual([`${first + 1}:10 yaml-syntax`]);
      expect(result[0]!.message).toBe('Invalid YAML: alias *nope has no anchor &nope before it');
    });

    it('a flow list nested 2,250 deep is a yaml-limit diagnostic on its line, not a stack overflow', () => {
      const { result, ms } = timed(() => parse(path, wrap(`fine: 1\ndeep: ${'['.repeat(2250)}${']'.repeat(2250)}\n`)));
      expect(result.map((d) => `${d.line} ${d.rule}`)).toEqual([`${first + 1} yaml-limit`]);
      expect(result[0]!.message).toBe(`YAML over a limit: nested more than ${MAX_YAML_DEPTH} levels deep (lists and maps)`);
      expect(ms).toBeLessThan(500);
    });

    it('a block structure nested past the limit is a yaml-limit diagnostic where it passes it', () => {
      let deep = '';
      for (let level = 0; level < MAX_YAML_DEPTH + 20; level++) deep += `${' '.repeat(level)}k${level}:\n`;
      const result = parse(path, wrap(deep));
      expect(result.map((d) => `${d.line} ${d.rule}`)).toEqual([`${first + MAX_YAML_DEPTH - 1} yaml-limit`]);
    });

    it('nesting past the limit only once aliases are written out is a yaml-limit diagnostic at the alias', () => {
      const half = MAX_YAML_DEPTH - 40;
      const yaml = `a0: &a0 ${'['.repeat(half)}1${']'.repeat(half)}\na1: ${'['.repeat(half)}*a0${']'.repeat(half)}\n`;
      expect(parse(path, wrap(yaml)).map(brief)).toEqual([`${first + 1}:${5 + half} yaml-limit`]);
    });

    it(`more than ${MAX_YAML_BYTES} bytes is a yaml-limit diagnostic at line 1`, () => {
      const result = parse(path, wrap(`big: "${'é'.repeat(MAX_YAML_BYTES / 2)}"\n`));
      expect(result.map(brief)).toEqual(['1:1 yaml-limit']);
      expect(result[0]!.message).toMatch(/is 1,048,\d{3} bytes, more than the 1 MiB \(1,048,576 bytes\) threadwork reads$/);
    });
  });

  it('a Markdown body past the size limit is fine: only the front matter counts', () => {
    const text = `---\nsource: inbound\n---\n${'prose '.repeat(MAX_YAML_BYTES / 4)}\n`;
    expect(parse(STAGE, text).filter((d) => d.rule === 'yaml-limit')).toEqual([]);
  });

  describe('meta.json', () => {
    const meta = readFileSync(new URL('../threads/sales/brightcart/meta.json', import.meta.url), 'utf8');

    it('with a UTF-8 byte-order mark parses, and a schema error in it is still located on its line', () => {
      expect(parse(META, `\uFEFF${meta}`)).toEqual([]);
      const broken = `\uFEFF${meta.replace(/"segment": "[^"]*"/, '"segment": 12')}`;
      const line = broken.slice(0, broken.indexOf('"segment"')).split('\n').length;
      expect(parse(META, broken).map((d) => `${d.line} ${d.rule} ${d.field}`)).toEqual([`${line} schema segment`]);
    });

    it('nested past the depth limit is a yaml-limit diagnostic, larger than the size limit too', () => {
      const deep = `{\n  "id": "acme",\n  "deep": ${'['.repeat(5000)}${']'.repeat(5000)}\n}\n`;
      expect(parse(META, deep).map(brief)).toEqual([`3:${11 + MAX_YAML_DEPTH - 2} yaml-limit`]);
      expect(parse(META, `{"pad": "${'x'.repeat(MAX_YAML_BYTES)}"}`).map(brief)).toEqual(['1:1 yaml-limit']);
    });
  });

  it('a YAML file with a byte-order mark parses, positions as an editor shows them', () => {
    expect(parse(CONFIG, '\uFEFFcompany: Acme\n')).toEqual([]);
    expect(parse(CONFIG, '\uFEFFcompany: [1\n').map(brief)).toEqual(['1:10 yaml-syntax']);
  });

  it('an exception while parsing a file is a parse-failed diagnostic on that file, not a crash', () => {
    const kind = { kind: 'stage', family: 'no-such-family', stage: 1 } as unknown as FileKind;
    const parsed = parseFile(STAGE, kind, '---\nsource: inbound\n---\n');
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics.map(brief)).toEqual(['1:1 parse-failed']);
    expect(parsed.diagnostics[0]!.message).toMatch(/^Cannot parse file: TypeError: /);
  });
});

describe('parsing limits through the CLI (`threadwork check --json`)', () => {
  interface CheckJson {
    ok: boolean;
    diagnostics: Diagnostic[];
  }

  /** Inserts `yaml` into the front matter of a stage file, after its `---` line. */
  function intoFrontMatter(dir: string, rel: string, yaml: string): number {
    const path = join(dir, rel);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^---\n/, `---\n${yaml}`));
    return 2;
  }

  /** Appends `yaml` to a YAML file; returns the line it starts on. */
  function append(dir: string, rel: string, yaml: string): number {
    const path = join(dir, rel);
    const text = readFileSync(path, 'utf8').replace(/\n*$/, '\n');
    writeFileSync(path, text + yaml);
    return text.split('\n').length;
  }

  it('an alias bomb of depth 9 in a stage file, the config and an ICP file: exit 1, a yaml-limit diagnostic on each, in seconds', async () => {
    const dir = exampleWorkspaceCopy();
    const stage = 'threads/sales/brightcart/1-input.md';
    const firsts = {
      [stage]: intoFrontMatter(dir, stage, aliasBomb(9)),
      [CONFIG]: append(dir, CONFIG, aliasBomb(9)),
      [ICP]: append(dir, ICP, aliasBomb(9)),
    };
    const start = performance.now();
    const { code, json } = await runJson<CheckJson>(['check'], { cwd: dir });
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(code).toBe(1);
    const limits = json.diagnostics.filter((d) => d.rule === 'yaml-limit').map((d) => `${d.path}:${d.line}:${d.column}`);
    expect(limits.sort()).toEqual(Object.entries(firsts).map(([path, first]) => {
      const at = bombLimitLine(first);
      return `${path}:${at.line}:${at.column}`;
    }).sort());
  }, 30_000);

  it('deep nesting: exit 1 with a yaml-limit diagnostic, not a stack overflow (exit 2)', async () => {
    const dir = exampleWorkspaceCopy();
    const stage = 'threads/sales/brightcart/2-hypothesis.md';
    intoFrontMatter(dir, stage, `deep: ${'['.repeat(2250)}${']'.repeat(2250)}\n`);
    let block = '';
    for (let level = 0; level < 300; level++) block += `${' '.repeat(level)}k${level}:\n`;
    const line = append(dir, ICP, block);
    const { code, json } = await runJson<CheckJson>(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.diagnostics.filter((d) => d.rule === 'yaml-limit').map((d) => `${d.path}:${d.line}`).sort()).toEqual([`${ICP}:${line + MAX_YAML_DEPTH - 1}`, `${stage}:2`].sort());
  }, 30_000);

  it('a meta.json with a byte-order mark: no error', async () => {
    const dir = exampleWorkspaceCopy();
    const meta = join(dir, 'threads/sales/brightcart/meta.json');
    writeFileSync(meta, `\uFEFF${readFileSync(meta, 'utf8')}`);
    const { code, json } = await runJson<CheckJson>(['check'], { cwd: dir });
    expect(json.diagnostics).toEqual([]);
    expect(code).toBe(0);
  }, 30_000);
});
