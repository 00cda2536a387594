import fc from 'fast-check';

/**
 * Mutations of workspace files for the property-based fuzz suite: what editors, agents,
 * crashes and people do to front matter, YAML, JSON and Markdown bodies. Each mutation
 * is data (so fast-check can print and shrink it) applied by `applyMutation`.
 */
export type Mutation =
  | { op: 'delete-line'; at: number }
  | { op: 'insert-line'; at: number; line: string }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; at: number; with: number }
  | { op: 'wrong-type'; at: number; value: string }
  | { op: 'semantic'; at: number; pick: number }
  | { op: 'unicode'; at: number; text: string }
  | { op: 'truncate'; byte: number }
  | { op: 'unclose' }
  | { op: 'bom' }
  | { op: 'crlf' }
  | { op: 'tabs' }
  | { op: 'anchors'; at: number; bomb: number }
  | { op: 'nesting'; at: number; depth: number; flow: boolean }
  | { op: 'marker'; at: number; snippet: string }
  | { op: 'byte'; at: number; value: number }
  | { op: 'empty' }
  | { op: 'json'; path: number; value: string };

const WRONG_VALUES = [
  '[1, 2]', '{a: 1}', '12345', '-1', '0', '1.5', 'true', 'false', 'null', '~', '""', "''", '"\\u0000"', '2026-13-45', '2026-02-30',
  '.nan', '.inf', '1e999', '!!binary aGk=', "!!js/function 'x'", '*missing', '|', '>-', '[', '{', '"unterminated', 'yes', 'NO', '0x1F',
  '[QUALIFY]', '{min: "$abc"}', "'💥'", 'a: b: c', '- x', '@reserved', '`tick`', '%TAG', '!custom 1',
];

const NEW_LINES = [
  'extra_key: value', 'decision: MAYBE', 'outcome: closed-won', 'id: other', 'type: marketing', 'segment: nowhere', 'goal_id: g-nope',
  'tests: [A99]', 'tests: []', 'stage: 9', 'arr: -5', 'prior: 2', 'created: yesterday', 'date: 2026-01-01', 'status: validated',
  '  - id: A1', '- dangling', 'key with space: 1', '"quoted": x', '? complex', ': novalue', '---', '...', '# comment', '',
  'suppressed: nope', 'company: {name: X}', 'validations: [{assumption: A1, status: validated}]',
];

const MARKERS = [
  '<!-- threadwork:begin assumptions -->', '<!-- threadwork:end assumptions -->', '<!-- threadwork:begin metrics -->\nfake\n<!-- threadwork:end metrics -->',
  '<!-- threadwork:end state -->\n<!-- threadwork:begin state -->', '<!-- threadwork:begin state -->\n<!-- threadwork:begin state -->', '<!-- threadwork:begin results -->',
  '<!-- threadwork:begin x -->y<!-- threadwork:end x -->', '<!-- threadwork:generated sha256=0000000000000000000000000000000000000000000000000000000000000000 -->',
  '<!-- threadwork:begin assumptions --><!-- threadwork:end metrics -->', '<!--', '-->', '<!-- threadwork:begin -->',
];

/** Valid-looking replacements for enum-ish values: mutations that pass validation and move derived values. */
const SEMANTIC: Record<string, string[]> = {
  decision: ['QUALIFY', 'DEFER', 'REJECT'],
  outcome: ['closed-won', 'closed-lost', 'stalled'],
  status: ['validated', 'partial', 'invalidated', 'pending', 'in_progress', 'completed', 'replied', 'unsubscribed', 'draft', 'approved'],
  strategic_value: ['high', 'medium', 'low'],
  source: ['inbound', 'outbound', 'referral'],
  prior: ['0.1', '0.5', '0.9'],
  arr: ['1000', '48000', '250000'],
  closed: ['2026-01-31', '2026-12-01'],
  created: ['2025-06-01', '2026-03-15'],
  date: ['2026-02-02', '2026-10-10'],
  target: ['1', '10', '1000000'],
  segment: ['mid-market-fintech', 'ecommerce-finance'],
  company: ['Testco'],
};

const small = fc.nat({ max: 10_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete-line' as const), at: small }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert-line' as const), at: small, line: fc.oneof(fc.constantFrom(...NEW_LINES), fc.string({ unit: 'grapheme', maxLength: 30 })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), at: small }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), at: small, with: small }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('wrong-type' as const), at: small, value: fc.constantFrom(...WRONG_VALUES) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('semantic' as const), at: small, pick: small }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('unicode' as const), at: small, text: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('truncate' as const), byte: small }) },
  { weight: 2, arbitrary: fc.constant({ op: 'unclose' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'tabs' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('anchors' as const), at: small, bomb: fc.nat({ max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nesting' as const), at: small, depth: fc.integer({ min: 1, max: 5000 }), flow: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('marker' as const), at: small, snippet: fc.constantFrom(...MARKERS) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('byte' as const), at: small, value: fc.nat({ max: 255 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'empty' as const }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('json' as const), path: small, value: fc.constantFrom('null', '1', '"x"', '[]', '{}', 'true', '"2026-01-01"', '-0.5', '"sales-deal"', '"A1"', 'DELETE', 'DUP') }) },
);

/** The region a line mutation works in: the front matter of a Markdown file, else the whole file. */
function region(text: string, path: string): { start: number; end: number } {
  if (path.endsWith('.md') && text.startsWith('---\n')) {
    const close = text.indexOf('\n---', 3);
    if (close > 0) return { start: 4, end: close + 1 };
  }
  return { start: 0, end: text.length };
}

function lineStarts(text: string, start: number, end: number): number[] {
  const starts = [start];
  for (let i = text.indexOf('\n', start); i >= 0 && i + 1 < end; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function editLine(text: string, path: string, at: number, edit: (line: string, lines: string[], i: number) => string[]): string {
  const { start, end } = region(text, path);
  const lines = text.slice(start, end).split('\n');
  if (lines.length === 0) return text;
  const i = at % lines.length;
  const replaced = edit(lines[i]!, lines, i);
  return text.slice(0, start) + [...lines.slice(0, i), ...replaced, ...lines.slice(i + 1)].join('\n') + text.slice(end);
}

/** The lines in the region that look like `key: value` (possibly indented or in a list). */
function keyLines(text: string, path: string): { offset: number; key: string; valueStart: number; valueEnd: number }[] {
  const { start, end } = region(text, path);
  const found: { offset: number; key: string; valueStart: number; valueEnd: number }[] = [];
  for (const s of lineStarts(text, start, end)) {
    const e = text.indexOf('\n', s) < 0 ? text.length : Math.min(text.indexOf('\n', s), end);
    const line = text.slice(s, e);
    const m = /^(\s*(?:- )?"?)([A-Za-z_][\w-]*)"?:\s*(.*?),?$/.exec(line);
    if (m && m[3]) found.push({ offset: s, key: m[2]!, valueStart: s + line.length - m[3].length - (line.endsWith(',') ? 1 : 0), valueEnd: s + line.length - (line.endsWith(',') ? 1 : 0) });
  }
  return found;
}

export function applyMutation(original: Buffer, path: string, mutation: Mutation): Buffer {
  const text = original.toString('utf8');
  const at = (n: number, length: number): number => (length === 0 ? 0 : n % (length + 1));
  switch (mutation.op) {
    case 'delete-line':
      return Buffer.from(editLine(text, path, mutation.at, () => []));
    case 'insert-line':
      return Buffer.from(editLine(text, path, mutation.at, (line) => [mutation.line, line]));
    case 'duplicate-line':
      return Buffer.from(editLine(text, path, mutation.at, (line) => [line, line]));
    case 'swap-lines':
      return Buffer.from(editLine(text, path, mutation.at, (line, lines, i) => {
        const j = mutation.with % lines.length;
        if (j === i) return [line];
        const other = lines[j]!;
        lines[j] = line;
        return [other];
      }));
    case 'wrong-type':
    case 'semantic': {
      const keys = keyLines(text, path);
      if (keys.length === 0) return Buffer.from(`${text}\n`);
      const target = keys[mutation.at % keys.length]!;
      let value: string;
      if (mutation.op === 'wrong-type') value = mutation.value;
      else {
        const choices = SEMANTIC[target.key];
        if (choices) value = choices[mutation.pick % choices.length]!;
        else if (/^-?\d+(\.\d+)?$/.test(text.slice(target.valueStart, target.valueEnd))) value = String(mutation.pick % 100);
        else value = JSON.stringify(text.slice(target.valueStart, target.valueEnd).replace(/^"|"$/g, '') + ` ${mutation.pick}`);
        if (path.endsWith('.json') && !/^-?\d/.test(value) && !value.startsWith('"')) value = JSON.stringify(value);
      }
      return Buffer.from(text.slice(0, target.valueStart) + value + text.slice(target.valueEnd));
    }
    case 'unicode': {
      const i = at(mutation.at, text.length);
      return Buffer.from(text.slice(0, i) + mutation.text + text.slice(i));
    }
    case 'truncate':
      // "Saved half-way": cut at a byte, possibly inside a UTF-8 sequence.
      return original.subarray(0, at(mutation.byte, original.length - 1));
    case 'unclose': {
      const { start, end } = region(text, path);
      if (start === 0) return Buffer.from(`---\n${text}`);
      return Buffer.from(text.slice(0, end) + text.slice(end).replace(/^---\r?\n?/, ''));
    }
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), original]);
    case 'crlf':
      return Buffer.from(text.replace(/\r?\n/g, '\r\n'));
    case 'tabs':
      return Buffer.from(text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2)));
    case 'anchors': {
      const lines = ['anchored: &a [x, y, z]', 'aliased: *a'];
      if (mutation.bomb > 0) {
        lines.push('b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]');
        for (let i = 1; i <= mutation.bomb; i++) lines.push(`b${i}: &b${i} [${Array(9).fill(`*b${i - 1}`).join(', ')}]`);
      }
      return Buffer.from(editLine(text, path, mutation.at, (line) => (line.startsWith(' ') || line.startsWith('-') ? [line] : [...lines, line])));
    }
    case 'nesting': {
      const deep = mutation.flow ? `deep: ${'['.repeat(mutation.depth)}1${']'.repeat(mutation.depth)}` : `deep:\n${Array.from({ length: Math.min(mutation.depth, 400) }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')} 1`;
      if (path.endsWith('.json')) return Buffer.from(text.replace(/^\{/, `{"deep": ${'['.repeat(mutation.depth)}1${']'.repeat(mutation.depth)},`));
      return Buffer.from(editLine(text, path, mutation.at, (line) => (line.startsWith(' ') || line.startsWith('-') ? [line] : [deep, line])));
    }
    case 'marker': {
      const { end } = region(text, path);
      const bodyStart = path.endsWith('.md') ? end : 0;
      // Into the body, at a line start; in block files also over an existing marker.
      const starts = lineStarts(text, bodyStart, text.length);
      const markers = [...text.matchAll(/<!-- threadwork:(?:begin|end) [\w-]+ -->/g)];
      if (markers.length > 0 && mutation.at % 3 === 0) {
        const m = markers[mutation.at % markers.length]!;
        const what = mutation.at % 2 === 0 ? '' : `${m[0]}\n${m[0]}`;
        return Buffer.from(text.slice(0, m.index) + what + text.slice(m.index + m[0].length));
      }
      const i = starts[mutation.at % starts.length] ?? text.length;
      return Buffer.from(`${text.slice(0, i)}${mutation.snippet}\n${text.slice(i)}`);
    }
    case 'byte': {
      if (original.length === 0) return Buffer.from([mutation.value]);
      const copy = Buffer.from(original);
      copy[mutation.at % copy.length] = mutation.value;
      return copy;
    }
    case 'empty':
      return Buffer.alloc(0);
    case 'json': {
      if (!path.endsWith('.json')) return Buffer.from(editLine(text, path, mutation.path, (line) => [line, `json_like: ${mutation.value}`]));
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return original;
      }
      const keys = Object.keys(data);
      const key = keys[mutation.path % Math.max(1, keys.length)] ?? 'id';
      // A value nested thousands deep (an earlier `nesting` mutation) overflows JSON.stringify's
      // stack: such a file is left as the earlier mutations made it.
      const serialized = (value: unknown): Buffer => {
        try {
          return Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
        } catch {
          return original;
        }
      };
      if (mutation.value === 'DELETE') {
        delete data[key];
        return serialized(data);
      }
      if (mutation.value === 'DUP') {
        try {
          return Buffer.from(text.replace(/^\{/, `{\n  ${JSON.stringify(key)}: ${JSON.stringify(data[key] ?? null)},`));
        } catch {
          return original;
        }
      }
      data[key] = JSON.parse(mutation.value);
      return serialized(data);
    }
  }
}
