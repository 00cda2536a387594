import fc from 'fast-check';
import { load } from 'js-yaml';
import { isDeepStrictEqual } from 'node:util';
import { MAX_YAML_DEPTH } from '../../src/markdown/limits.js';
import { DECLINED, readSimpleYaml } from '../../src/markdown/simple-yaml.js';
import { YAML_CORE_SCHEMA } from '../../src/markdown/yaml.js';

/**
 * Generated YAML for the differential test of the simple reader (simple-yaml.ts) against
 * js-yaml: documents shaped like front matter — block maps and lists, compact maps in
 * lists, flow lists and maps, every kind of scalar — written with the scalars and keys
 * where YAML is subtle, then often damaged (a character inserted or removed, a line
 * moved or indented otherwise), so that both what the reader reads and where it must
 * decline are exercised.
 */

/** js-yaml's value of `text` with the engine's schema, or `threw`. */
export function jsYaml(text: string): { value: unknown } | 'threw' {
  try {
    return { value: load(text, { schema: YAML_CORE_SCHEMA, maxDepth: MAX_YAML_DEPTH } as Parameters<typeof load>[1]) };
  } catch {
    return 'threw';
  }
}

/** Equal as values (-0, NaN, types) and in the order of their keys. */
export function sameYamlValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b) && JSON.stringify(keyOrder(a)) === JSON.stringify(keyOrder(b));
}

function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return typeof value === 'number' ? String(value) : value;
}

/** What the simple reader did with `text`: read it as js-yaml does, declined it, or disagreed (a failure). */
export function compareReaders(text: string): 'read' | 'declined' | { disagreement: string } {
  const fast = readSimpleYaml(text);
  if (fast === DECLINED) return 'declined';
  const reference = jsYaml(text);
  if (reference === 'threw') return { disagreement: `read ${JSON.stringify(fast)} where js-yaml throws` };
  if (!sameYamlValue(fast, reference.value)) return { disagreement: `read ${JSON.stringify(fast)}, js-yaml ${JSON.stringify(reference.value)}` };
  // Read in place, inside a longer text, it is the same.
  const inside = `---${text}---\nbody: x\t\r\n`;
  const inPlace = readSimpleYaml(inside, 3, 3 + text.length);
  if (!sameYamlValue(inPlace, fast)) return { disagreement: `read in place ${JSON.stringify(inPlace)}, alone ${JSON.stringify(fast)}` };
  return 'read';
}

/** Scalars where YAML 1.2's core schema, plain scalars and indicators are subtle. */
const TRICKY_SCALARS = [
  'null', 'Null', 'NULL', 'nULL', '~', 'true', 'True', 'TRUE', 'tRue', 'false', 'FALSE', 'yes', 'no', 'on', 'off', 'y',
  '0', '-0', '+0', '012', '-012', '0o14', '-0o14', '0x1F', '+0x1F', '0b101', '1_000', '1e3', '1E-3', '.5', '-.5', '+12', '1.', '.', '-', '+',
  '.inf', '-.inf', '+.INF', '.nan', '.NaN', '.NAN', 'inf', 'nan', '2026-03-01', '2026-03-01T10:00:00Z', '1:20', '12:30:45',
  'a: b', 'a:', 'a:b', 'a :b', ':a', ': a', '- x', '-x', '--', '---', '--- x', '...', '#x', 'a #b', 'a#b', 'C#', '?x', '? x', '!x', '!!str x',
  '[a]', '[a, b]', '{a}', '{a: b}', 'a, b', 'a]', 'a}', '&a x', '*a', '|', '>', '|-', '%x', '@x', '`x', '"x"', "'x'", 'x"y', "it's",
  'http://x.y/z?a=b#c', 'a\\b', 'em — dash', 'café', '日本', '😀', 'a  b', 'a\tb', ' a', 'a ', '"a', "'a", 'a"', '=', '<<',
];

const TRICKY_CHARS = [...' :#-[]{},"\'\\&*!|>%@`?~.\t\r\n\u0085\u00a0\u2028\ufeff\u0000\u001f\u007f\ud83d', 'é', '—'];

const scalarText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_SCALARS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9 ,.;'()/-]{0,24}$/) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TRICKY_CHARS, 'a', 'b', '1', ' '), { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')) },
);

const ESCAPES = ['\\\\', '\\"', '\\/', '\\n', '\\t', '\\r', '\\0', '\\x41', '\\u00e9', '\\a', '\\ ', '\\N', '\\_'];

/** A scalar as written in the document: plain words and numbers mostly, the tricky ones now and then. */

const scalar = fc.oneof(
  { weight: 30, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,20}$/) },
  { weight: 8, arbitrary: fc.oneof(fc.integer().map(String), fc.double({ noNaN: false }).map(String), fc.constantFrom('null', '~', 'True', 'FALSE', '012', '0o14', '0x1F', '.inf', '-.5', '1.', 'yes', '2026-03-01', '1:20', 'C#', 'a#b', '-x', 'a:b')) },
  { weight: 4, arbitrary: scalarText },
  { weight: 2, arbitrary: scalarText.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`) },
  { weight: 1, arbitrary: fc.tuple(scalarText, fc.constantFrom(...ESCAPES), scalarText).map(([a, e, b]) => `"${a.replace(/["\\]/g, '')}${e}${b.replace(/["\\]/g, '')}"`) },
  { weight: 2, arbitrary: scalarText.map((s) => `'${s.replace(/'/g, "''")}'`) },
  { weight: 1, arbitrary: scalarText.map((s) => `"${s}"`) },
  { weight: 1, arbitrary: scalarText.map((s) => `'${s}'`) },
);

const KEYS = ['a', 'b', 'c', 'd', 'title', 'tests', 'arr', 'outcome', 'loss_reason', 'content-opportunity', '_x', 'A1', 'yes', 'constructor', 'toString'];
const ODD_KEYS = ['True', 'null', 'NULL', '__proto__', 'a b', 'a.b', '1', '-a', '"q"', "'q'", 'é', 'a:b', '[k]', '? k'];
const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });

const flowValue = fc.oneof(
  fc.array(scalar, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.array(fc.tuple(key, scalar), { maxLength: 3 }).map((entries) => `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
  fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
);

const comment = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('', '', '', ' # note', '  #x') }, { weight: 1, arbitrary: fc.constant('#x') });

interface Block {
  lines: (indent: number) => string[];
}

function indentOf(n: number): string {
  return ' '.repeat(Math.max(0, n));
}

const inlineValue = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 2, arbitrary: flowValue });

const block: fc.Memo<Block> = fc.memo((depth) => {
  const value = depth <= 1 ? inlineValue.map((v) => ({ inline: v })) : fc.oneof({ weight: 4, arbitrary: inlineValue.map((v) => ({ inline: v })) }, { weight: 2, arbitrary: block(depth - 1).map((b) => ({ nested: b })) }, { weight: 1, arbitrary: fc.constant({ inline: '' }) });
  const step = fc.constantFrom(2, 2, 2, 4, 1, 3);
  const entry = fc.tuple(key, value, step, comment);
  // Mostly with distinct keys (a duplicate is declined, and tells little more each time).
  const mapping = fc
    .oneof(
      { weight: 6, arbitrary: fc.uniqueArray(entry, { minLength: 1, maxLength: 5, selector: ([k]) => k }) },
      { weight: 1, arbitrary: fc.array(entry, { minLength: 1, maxLength: 5 }) },
    )
    .map((entries): Block => ({
      lines: (indent) =>
        entries.flatMap(([k, v, s, c]) =>
          'nested' in v ? [`${indentOf(indent)}${k}:${c}`, ...v.nested.lines(indent + s)] : [`${indentOf(indent)}${k}: ${v.inline}${v.inline === '' ? '' : c}`],
        ),
    }));
  if (depth <= 1) return mapping;
  const sequence = fc
    .tuple(fc.array(fc.oneof(value, block(depth - 1).map((b) => ({ compact: b }))), { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 2, 2, 1))
    .map(
      ([items, dashIndent]): Block => ({
        lines: (indent) =>
          items.flatMap((item) => {
            const dash = `${indentOf(indent + dashIndent)}-`;
            if ('inline' in item) return [item.inline === '' ? dash : `${dash} ${item.inline}`];
            if ('nested' in item) return [dash, ...item.nested.lines(indent + dashIndent + 2)];
            // A compact block: its first line after the dash, the rest at the column of its first key.
            const [first = '', ...rest] = item.compact.lines(indent + dashIndent + 2);
            return [`${dash} ${first.trimStart()}`, ...rest];
          }),
      }),
    );
  return fc.oneof({ weight: 3, arbitrary: mapping }, { weight: 1, arbitrary: sequence });
});

const mutation = fc.oneof(
  fc.tuple(fc.constant('insert' as const), fc.nat(), fc.constantFrom(...TRICKY_CHARS)),
  fc.tuple(fc.constant('delete' as const), fc.nat(), fc.constant('')),
  fc.tuple(fc.constant('indent' as const), fc.nat(), fc.constantFrom(' ', '  ', '   ')),
  fc.tuple(fc.constant('outdent' as const), fc.nat(), fc.constant('')),
  fc.tuple(fc.constant('duplicate' as const), fc.nat(), fc.constant('')),
  fc.tuple(fc.constant('comment' as const), fc.nat(), fc.constantFrom('# c', '   # c', '  #c')),
);

function mutate(text: string, [kind, at, what]: [string, number, string]): string {
  const lines = text.split('\n');
  const line = at % Math.max(1, lines.length);
  switch (kind) {
    case 'insert':
      return text.slice(0, at % (text.length + 1)) + what + text.slice(at % (text.length + 1));
    case 'delete':
      return text.length === 0 ? text : text.slice(0, at % text.length) + text.slice((at % text.length) + 1);
    case 'indent':
      lines[line] = what + lines[line];
      return lines.join('\n');
    case 'outdent':
      lines[line] = lines[line]!.replace(/^ /, '');
      return lines.join('\n');
    case 'duplicate':
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    default:
      lines.splice(line, 0, what);
      return lines.join('\n');
  }
}

/** A front matter's text as parseFrontMatter hands it over: from the opening line's break to the closing line. */
export const yamlDocument = fc
  .tuple(
    block(3),
    fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
    fc.constantFrom('', '\n', '\n# trailing\n', '\n\n'),
  )
  .map(([b, mutations, tail]) => mutations.reduce(mutate, `\n${b.lines(0).join('\n')}${tail}`));
