import { isNullOrBoolean, resolvePlainScalar } from './core-scalars.js';
import { NOT_PLAIN, flowPlainEnd, keyEnd, plainEnd, quotedScalar, skipSpaces } from './simple-yaml.js';

/**
 * Where each value of a plain front matter is written, with the ranges the `yaml`
 * package gives its nodes — so that a diagnostic can be placed (simple-locate.ts)
 * without loading and running that package, which a cold check otherwise did for every
 * file with a warning to place: the package's first use (loading, compiling) cost more
 * than all the placing.
 *
 * The grammar is the simple reader's (simple-yaml.ts) less what placing would have to
 * think hard about: any `#` (comments move where a collection's range ends), a bare `-`
 * item, a text that is not one block mapping. Anything else is declined (undefined) and
 * the `yaml` package places it as before: test/simple-locate.test.ts compares the two on
 * every front matter of the example and generated workspaces and on generated texts.
 */
export type TreeNode = TreeMap | TreeSeq | TreeScalar;

/** Offsets into the text: `start` of the first character, `end` after the last one of the value. */
interface Ranged {
  start: number;
  end: number;
}

export interface TreeMap extends Ranged {
  kind: 'map';
  pairs: TreePair[];
}

export interface TreeSeq extends Ranged {
  kind: 'seq';
  items: TreeNode[];
}

export interface TreeScalar extends Ranged {
  kind: 'scalar';
  /** The scalar as the `yaml` package's `source` holds it: a plain one as written, a quoted one unescaped. */
  source: string;
  /** Read as null: `key:` with nothing after it (`empty`), `null`, `~`. */
  isNull: boolean;
  empty: boolean;
}

export interface TreePair {
  key: string;
  keyRange: Ranged;
  value: TreeNode;
}

const SPACE = 32;
const DASH = 45;
const QUOTE = 34;
const APOSTROPHE = 39;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA = 44;
const MAX_NESTING = 32;

class Decline {}
const DECLINE = new Decline();

/** The tree of `text`, or undefined when it is not plain enough to place by this scan. Never throws. */
export function simpleYamlTree(text: string): TreeMap | undefined {
  if (text.includes('#') || NOT_PLAIN.test(text)) return undefined;
  try {
    return new TreeReader(text).document();
  } catch {
    return undefined;
  }
}

/** SimpleReader's walk over the lines that hold something, building ranges instead of values. */
class TreeReader {
  private readonly indents: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private line = 0;
  /** After `key` or a quoted or flow value: the offset just past it. */
  private at = 0;

  constructor(private readonly text: string) {
    for (let from = 0; from <= text.length; ) {
      let lineEnd = text.indexOf('\n', from);
      if (lineEnd < 0) lineEnd = text.length;
      let start = from;
      while (start < lineEnd && text.charCodeAt(start) === SPACE) start++;
      if (start < lineEnd) {
        let end = lineEnd;
        while (text.charCodeAt(end - 1) === SPACE) end--;
        this.indents.push(start - from);
        this.starts.push(start);
        this.ends.push(end);
      }
      from = lineEnd + 1;
    }
  }

  document(): TreeMap {
    if (this.indents.length === 0 || this.indents[0] !== 0 || this.isItem(0)) throw DECLINE;
    const map = this.mapping(0, 1);
    if (this.line !== this.indents.length) throw DECLINE;
    return map;
  }

  private block(depth: number): TreeNode {
    const indent = this.indents[this.line]!;
    return this.isItem(this.line) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  private mapping(indent: number, depth: number): TreeMap {
    if (depth > MAX_NESTING) throw DECLINE;
    const map: TreeMap = { kind: 'map', start: this.starts[this.line]!, end: 0, pairs: [] };
    const seen = new Set<string>();
    while (this.line < this.indents.length) {
      const i = this.line;
      const lineIndent = this.indents[i]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent || this.isItem(i)) throw DECLINE;
      const end = this.ends[i]!;
      const keyStart = this.starts[i]!;
      const key = this.key(keyStart, end);
      if (seen.has(key)) throw DECLINE;
      seen.add(key);
      const keyRange = { start: keyStart, end: this.at };
      const rest = skipSpaces(this.text, this.at + 1, end);
      let value: TreeNode;
      if (rest === end) value = this.nested(indent, depth, true) ?? emptyScalar(end);
      else {
        value = this.inline(rest, end);
        this.afterScalar(indent);
      }
      map.pairs.push({ key, keyRange, value });
    }
    map.end = this.ends[this.line - 1]!;
    return map;
  }

  private sequence(indent: number, depth: number): TreeSeq {
    if (depth > MAX_NESTING) throw DECLINE;
    const list: TreeSeq = { kind: 'seq', start: this.starts[this.line]!, end: 0, items: [] };
    while (this.line < this.indents.length) {
      const i = this.line;
      const lineIndent = this.indents[i]!;
      if (lineIndent < indent || (lineIndent === indent && !this.isItem(i))) break;
      if (lineIndent > indent) throw DECLINE;
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      const rest = skipSpaces(this.text, start + 1, end);
      // A bare `-` (its null's range is the yaml package's own business) or `- - a`.
      if (rest === end) throw DECLINE;
      if (this.text.charCodeAt(rest) === DASH && (rest + 1 === end || this.text.charCodeAt(rest + 1) === SPACE)) throw DECLINE;
      if (keyEnd(this.text, rest, end) >= 0) {
        const column = indent + (rest - start);
        this.indents[i] = column;
        this.starts[i] = rest;
        list.items.push(this.mapping(column, depth + 1));
        continue;
      }
      list.items.push(this.inline(rest, end));
      this.afterScalar(indent);
    }
    list.end = this.ends[this.line - 1]!;
    return list;
  }

  /** The block under `key:` or `-` with nothing after it, or undefined (a null). */
  private nested(indent: number, depth: number, isKey: boolean): TreeNode | undefined {
    const below = ++this.line;
    if (below < this.indents.length) {
      const belowIndent = this.indents[below]!;
      if (belowIndent > indent || (isKey && belowIndent === indent && this.isItem(below))) {
        if (!isKey && this.isItem(below)) throw DECLINE;
        return this.block(depth + 1);
      }
      if (!isKey && belowIndent < indent && this.isItem(below)) throw DECLINE;
    }
    return undefined;
  }

  private afterScalar(indent: number): void {
    const next = ++this.line;
    if (next < this.indents.length && this.indents[next]! > indent) throw DECLINE;
  }

  private isItem(i: number): boolean {
    const start = this.starts[i]!;
    return this.text.charCodeAt(start) === DASH && (start + 1 === this.ends[i] || this.text.charCodeAt(start + 1) === SPACE);
  }

  private key(at: number, end: number): string {
    const colon = keyEnd(this.text, at, end);
    if (colon < 0) throw DECLINE;
    const key = this.text.slice(at, colon);
    if (key === '__proto__' || isNullOrBoolean(key)) throw DECLINE;
    this.at = colon;
    return key;
  }

  private inline(at: number, end: number): TreeNode {
    const c = this.text.charCodeAt(at);
    let node: TreeNode;
    if (c === QUOTE || c === APOSTROPHE) node = this.quoted(at, end);
    else if (c === OPEN_BRACKET) node = this.flowSequence(at, end);
    else if (c === OPEN_BRACE) node = this.flowMapping(at, end);
    else {
      const stop = plainEnd(this.text, at, end);
      if (stop === undefined) throw DECLINE;
      return plainScalar(this.text, at, stop);
    }
    // After a quoted or flow value nothing may follow (a comment was declined already).
    if (this.at !== end) throw DECLINE;
    return node;
  }

  private quoted(at: number, end: number): TreeScalar {
    const read = quotedScalar(this.text, at, end);
    if (read === undefined) throw DECLINE;
    this.at = read.end;
    return { kind: 'scalar', start: at, end: read.end, source: read.value, isNull: false, empty: false };
  }

  private flowSequence(at: number, end: number): TreeSeq {
    const text = this.text;
    const list: TreeSeq = { kind: 'seq', start: at, end: 0, items: [] };
    let i = skipSpaces(text, at + 1, end);
    if (text.charCodeAt(i) === CLOSE_BRACKET) {
      list.end = this.at = i + 1;
      return list;
    }
    for (;;) {
      list.items.push(this.flowScalar(i, end));
      i = skipSpaces(text, this.at, end);
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACKET) {
        list.end = this.at = i + 1;
        return list;
      }
      if (c !== COMMA || i >= end) throw DECLINE;
      i = skipSpaces(text, i + 1, end);
    }
  }

  private flowMapping(at: number, end: number): TreeMap {
    const text = this.text;
    const map: TreeMap = { kind: 'map', start: at, end: 0, pairs: [] };
    const seen = new Set<string>();
    let i = skipSpaces(text, at + 1, end);
    if (text.charCodeAt(i) === CLOSE_BRACE) {
      map.end = this.at = i + 1;
      return map;
    }
    for (;;) {
      const key = this.key(i, end);
      if (seen.has(key)) throw DECLINE;
      seen.add(key);
      const keyRange = { start: i, end: this.at };
      map.pairs.push({ key, keyRange, value: this.flowScalar(skipSpaces(text, this.at + 1, end), end) });
      i = skipSpaces(text, this.at, end);
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACE) {
        map.end = this.at = i + 1;
        return map;
      }
      if (c !== COMMA || i >= end) throw DECLINE;
      i = skipSpaces(text, i + 1, end);
    }
  }

  /** As SimpleReader.flowScalar: a plain one runs to the next `,`, `]` or `}`. */
  private flowScalar(at: number, end: number): TreeScalar {
    const text = this.text;
    if (at >= end) throw DECLINE;
    const c = text.charCodeAt(at);
    if (c === QUOTE || c === APOSTROPHE) return this.quoted(at, end);
    const stop = flowPlainEnd(text, at, end);
    if (stop === undefined) throw DECLINE;
    this.at = stop.next;
    return plainScalar(text, at, stop.end);
  }
}

function plainScalar(text: string, start: number, end: number): TreeScalar {
  const source = text.slice(start, end);
  return { kind: 'scalar', start, end, source, isNull: resolvePlainScalar(source) === null, empty: false };
}

/** `key:` with nothing after it: the `yaml` package's empty plain scalar, read as null. */
function emptyScalar(at: number): TreeScalar {
  return { kind: 'scalar', start: at, end: at, source: '', isNull: true, empty: true };
}
