import { isNullOrBoolean, resolvePlainScalar } from './core-scalars.js';

/**
 * A reader for the YAML that front matter is nearly always written in — block mappings
 * and sequences of one-line scalars, one-line flow lists and maps — that gives exactly
 * the value js-yaml gives with the engine's schema (yaml.ts), or declines. It declines
 * everything else, and everything it is not sure of: multi-line and block scalars,
 * anchors, aliases, tags, quoted keys, escapes other than the common ones, tabs, CRs,
 * duplicate keys, odd indentation, any character js-yaml refuses. js-yaml then reads the
 * text as before, and reports its problems as before.
 *
 * Why: js-yaml is general, and the general path costs: 20 µs of a 400-character front
 * matter, 1.3 s of every cold check at 10,000 deals (60,000 front matters), the largest
 * part of the parse. This reads the same text in a fraction of it. That it gives what
 * js-yaml gives is what test/simple-yaml.test.ts checks: on hand-written cases for each
 * construct and each reason to decline, on every front matter of the example and the
 * generated workspaces, and on thousands of generated and mutated texts.
 */

/** What readSimpleYaml returns for a text it does not read: js-yaml reads it. */
export const DECLINED: unique symbol = Symbol('declined');

/** Deeper than this, declined (js-yaml enforces the nesting limit, and names it). */
const MAX_NESTING = 32;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA = 44;

/** Thrown inside the reader to decline. */
class Decline {}
const DECLINE = new Decline();

/**
 * The value of `text.slice(from, to)` as js-yaml reads it, or DECLINED. Never throws.
 * Read in place: a front matter is read inside its file's text, not as a slice of it (a
 * sliced string cost every character read 1.6×).
 */
export function readSimpleYaml(text: string, from = 0, to = text.length): unknown {
  if (NOT_PLAIN.test(from === 0 && to === text.length ? text : text.slice(from, to))) return DECLINED;
  try {
    return new SimpleReader(text, from, to).document();
  } catch {
    // Declined — or a fault of this reader, which must never cost a file: js-yaml reads it.
    return DECLINED;
  }
}

/**
 * A character this reader does not take at face value: a tab, a CR, a control or
 * non-printable character js-yaml refuses, a surrogate, a byte-order mark, a Unicode line
 * separator. (A regular expression: a loop over the characters cost twice as much.)
 */
export const NOT_PLAIN = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/**
 * Reads one text. The lines that hold something (not blank, not a comment) are kept as
 * numbers — indentation, where the content starts and ends, the comments above it — and
 * read with a cursor: `line` is the next line to read, `at` the character after the last
 * inline value read (no tuple returned per value: this runs 60,000 times a cold check).
 */
class SimpleReader {
  private readonly indents: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Per line, the deepest indentation of a comment line just above it (-1: none); one more for the comments after the last. */
  private readonly commentsAbove: number[] = [];
  private line = 0;
  private at = 0;

  constructor(
    private readonly text: string,
    begin: number,
    stop: number,
  ) {
    let comments = -1;
    for (let from = begin; from <= stop; ) {
      let lineEnd = text.indexOf('\n', from);
      if (lineEnd < 0 || lineEnd > stop) lineEnd = stop;
      let start = from;
      while (start < lineEnd && text.charCodeAt(start) === SPACE) start++;
      if (start < lineEnd) {
        if (text.charCodeAt(start) === HASH) {
          // A comment line holds nothing, whatever its indentation (but see afterScalar).
          comments = Math.max(comments, start - from);
        } else {
          let end = lineEnd;
          while (text.charCodeAt(end - 1) === SPACE) end--;
          this.indents.push(start - from);
          this.starts.push(start);
          this.ends.push(end);
          this.commentsAbove.push(comments);
          comments = -1;
        }
      }
      from = lineEnd + 1;
    }
    this.commentsAbove.push(comments);
  }

  document(): unknown {
    // Nothing at all: js-yaml's (its value is undefined or null, depending on the blank lines).
    if (this.indents.length === 0) throw DECLINE;
    // A top-level list, an indented top level, a directive or a document marker: js-yaml's.
    if (this.indents[0] !== 0 || this.isItem(0)) throw DECLINE;
    const value = this.mapping(0, 1);
    if (this.line !== this.indents.length) throw DECLINE;
    return value;
  }

  /** The block collection that starts at the current line (a list when it opens with `- `). */
  private block(depth: number): unknown {
    const indent = this.indents[this.line]!;
    return this.isItem(this.line) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** A block mapping whose keys are at column `indent`, from the current line to the first line not its own. */
  private mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_NESTING) throw DECLINE;
    const map: Record<string, unknown> = {};
    const text = this.text;
    while (this.line < this.indents.length) {
      const i = this.line;
      const lineIndent = this.indents[i]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent || this.isItem(i)) throw DECLINE;
      const end = this.ends[i]!;
      const key = this.key(this.starts[i]!, end);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw DECLINE;
      const rest = skipSpaces(text, this.at + 1, end);
      if (rest === end || text.charCodeAt(rest) === HASH) map[key] = this.nested(indent, depth, true);
      else {
        map[key] = this.inline(rest, end);
        this.afterScalar(indent);
      }
    }
    return map;
  }

  /** A block sequence whose dashes are at column `indent`, from the current line. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_NESTING) throw DECLINE;
    const list: unknown[] = [];
    const text = this.text;
    while (this.line < this.indents.length) {
      const i = this.line;
      const lineIndent = this.indents[i]!;
      if (lineIndent < indent || (lineIndent === indent && !this.isItem(i))) break;
      if (lineIndent > indent) throw DECLINE;
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      const rest = skipSpaces(text, start + 1, end);
      if (rest === end || text.charCodeAt(rest) === HASH) {
        list.push(this.nested(indent, depth, false));
        continue;
      }
      if (text.charCodeAt(rest) === DASH && (rest + 1 === end || text.charCodeAt(rest + 1) === SPACE)) throw DECLINE; // `- - a`
      if (keyEnd(text, rest, end) >= 0) {
        // `- key: value`: a mapping whose keys are at the column of this first key.
        const column = indent + (rest - start);
        this.indents[i] = column;
        this.starts[i] = rest;
        list.push(this.mapping(column, depth + 1));
        continue;
      }
      list.push(this.inline(rest, end));
      this.afterScalar(indent);
    }
    return list;
  }

  /**
   * The value of an entry written with nothing after its `key:` or `-` on the current
   * line: the block on the lines below when they are indented further (or, for a key, a
   * list at the key's own column), else null.
   */
  private nested(indent: number, depth: number, isKey: boolean): unknown {
    const below = ++this.line;
    if (below < this.indents.length) {
      const belowIndent = this.indents[below]!;
      if (belowIndent > indent || (isKey && belowIndent === indent && this.isItem(below))) {
        // A list right under a bare `-`: js-yaml reads `-\n  -\n-` as one list of two, not two items.
        if (!isKey && this.isItem(below)) throw DECLINE;
        return this.block(depth + 1);
      }
      // A bare `-` followed by a list item further left: js-yaml takes that item into this
      // list (`t:\n  - x:\n     -\n  - b` reads x as [null, "b"]), whatever its indentation.
      if (!isKey && belowIndent < indent && this.isItem(below)) throw DECLINE;
    }
    return null;
  }

  /**
   * Past a one-line value on the current line. A next line indented further than the
   * entry would continue the value (a multi-line scalar) or be an error: declined either
   * way, a comment line included.
   */
  private afterScalar(indent: number): void {
    const next = ++this.line;
    if ((next < this.indents.length && this.indents[next]! > indent) || this.commentsAbove[next]! > indent) throw DECLINE;
  }

  /** Whether line `i` is a list item (`-` then a space, or `-` alone). */
  private isItem(i: number): boolean {
    const start = this.starts[i]!;
    return this.text.charCodeAt(start) === DASH && (start + 1 === this.ends[i] || this.text.charCodeAt(start + 1) === SPACE);
  }

  /**
   * The key at `at` (letters, digits, `_`, `-`; a letter or `_` first) followed by `:` and
   * a space or the line's end; `this.at` is left at its colon. Declined when js-yaml would
   * make it another string (`True:` is the key "true", `NULL:` the key "null").
   */
  private key(at: number, end: number): string {
    const colon = keyEnd(this.text, at, end);
    if (colon < 0) throw DECLINE;
    const key = this.text.slice(at, colon);
    if (key === '__proto__' || isNullOrBoolean(key)) throw DECLINE;
    this.at = colon;
    return key;
  }

  /** A value written on the line, from `at` to `end` (trailing spaces already cut). */
  private inline(at: number, end: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    let value: unknown;
    if (c === QUOTE || c === APOSTROPHE) value = this.quoted(at, end);
    else if (c === OPEN_BRACKET) value = this.flowSequence(at, end);
    else if (c === OPEN_BRACE) value = this.flowMapping(at, end);
    else return resolvePlainScalar(blockPlain(text, at, end));
    // After a quoted or flow value: only spaces and a comment may follow.
    if (this.at < end) {
      const next = skipSpaces(text, this.at, end);
      if (next === this.at || text.charCodeAt(next) !== HASH) throw DECLINE;
    }
    return value;
  }

  /** A quoted scalar that closes on its line; `this.at` is left after the closing quote. */
  private quoted(at: number, end: number): string {
    const read = quotedScalar(this.text, at, end);
    if (read === undefined) throw DECLINE;
    this.at = read.end;
    return read.value;
  }

  /** `[a, "b", 3]` on one line, scalars only; `this.at` is left after `]`. */
  private flowSequence(at: number, end: number): unknown[] {
    const text = this.text;
    const list: unknown[] = [];
    let i = skipSpaces(text, at + 1, end);
    if (text.charCodeAt(i) === CLOSE_BRACKET) {
      this.at = i + 1;
      return list;
    }
    for (;;) {
      list.push(this.flowScalar(i, end));
      i = skipSpaces(text, this.at, end);
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACKET) {
        this.at = i + 1;
        return list;
      }
      if (c !== COMMA || i >= end) throw DECLINE;
      i = skipSpaces(text, i + 1, end);
    }
  }

  /** `{a: 1, b: "x"}` on one line, plain keys and scalar values; `this.at` is left after `}`. */
  private flowMapping(at: number, end: number): Record<string, unknown> {
    const text = this.text;
    const map: Record<string, unknown> = {};
    let i = skipSpaces(text, at + 1, end);
    if (text.charCodeAt(i) === CLOSE_BRACE) {
      this.at = i + 1;
      return map;
    }
    for (;;) {
      const key = this.key(i, end);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw DECLINE;
      map[key] = this.flowScalar(skipSpaces(text, this.at + 1, end), end);
      i = skipSpaces(text, this.at, end);
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACE) {
        this.at = i + 1;
        return map;
      }
      if (c !== COMMA || i >= end) throw DECLINE;
      i = skipSpaces(text, i + 1, end);
    }
  }

  /**
   * A scalar inside a flow collection, quoted or plain; `this.at` is left after it. A
   * plain one runs to the next `,`, `]` or `}`; declined when it holds anything that would
   * make it more than words (a colon, a `#`, a bracket or brace), starts with an
   * indicator, or is empty (`[a,,b]`, `[a, ]`).
   */
  private flowScalar(at: number, end: number): unknown {
    if (at >= end) throw DECLINE;
    const c = this.text.charCodeAt(at);
    if (c === QUOTE || c === APOSTROPHE) return this.quoted(at, end);
    const plain = flowPlainEnd(this.text, at, end);
    if (plain === undefined) throw DECLINE;
    this.at = plain.next;
    return resolvePlainScalar(this.text.slice(at, plain.end));
  }
}

/**
 * A quoted scalar that closes on the line (before `end`): its value and the offset after
 * its closing quote; undefined when it closes on a later line, or never, or holds an
 * escape not read here.
 */
export function quotedScalar(text: string, at: number, end: number): { value: string; end: number } | undefined {
  const quote = text.charCodeAt(at);
  let out = '';
  let from = at + 1;
  for (let i = at + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      if (quote === APOSTROPHE && i + 1 < end && text.charCodeAt(i + 1) === APOSTROPHE) {
        out += text.slice(from, i + 1); // `''` is one `'`
        from = i + 2;
        i++;
        continue;
      }
      return { value: out + text.slice(from, i), end: i + 1 };
    }
    if (c === BACKSLASH && quote === QUOTE) {
      const escaped = i + 1 < end ? ESCAPES[text[i + 1]!] : undefined;
      if (escaped === undefined) return undefined;
      out += text.slice(from, i) + escaped;
      from = i + 2;
      i++;
    }
  }
  return undefined;
}

/**
 * A plain scalar inside a flow collection, from `at`: where it ends (`end`, trailing
 * spaces cut) and where reading goes on (`next`, at the `,`, `]` or `}` after it).
 * Undefined when it holds anything that would make it more than words (a colon, a `#`, a
 * bracket or brace), starts with an indicator, or is empty (`[a,,b]`, `[a, ]`).
 */
export function flowPlainEnd(text: string, at: number, end: number): { end: number; next: number } | undefined {
  const c = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  // A `-` before a flow indicator is one too (`[-]` is an error, not a list of "-").
  if (isIndicator(c, next, at + 1 >= end) || (c === DASH && (next === COMMA || next === CLOSE_BRACKET || next === CLOSE_BRACE || next === OPEN_BRACKET || next === OPEN_BRACE))) return undefined;
  let i = at;
  for (; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d === COMMA || d === CLOSE_BRACKET || d === CLOSE_BRACE) break;
    if (d === COLON || d === HASH || d === OPEN_BRACKET || d === OPEN_BRACE) return undefined;
  }
  let stop = i;
  while (stop > at && text.charCodeAt(stop - 1) === SPACE) stop--;
  return { end: stop, next: i };
}

/** Where the key at `at` ends (at its colon), or -1 when the text there is not `key:` + space or end. */
export function keyEnd(text: string, at: number, end: number): number {
  let i = at;
  const first = text.charCodeAt(i);
  if (!(isLetter(first) || first === 95)) return -1;
  for (i++; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === DASH)) break;
  }
  if (i >= end || text.charCodeAt(i) !== COLON) return -1;
  if (i + 1 < end && text.charCodeAt(i + 1) !== SPACE) return -1;
  return i;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at;
}

/**
 * A plain scalar in a block, from `at` to the line's end or its comment (` #`): the text,
 * unresolved. Declined where js-yaml would read more into it — an indicator first, `: `
 * inside or `:` last (a mapping), or nothing at all.
 */
function blockPlain(text: string, at: number, end: number): string {
  const stop = plainEnd(text, at, end);
  if (stop === undefined) throw DECLINE;
  return text.slice(at, stop);
}

/** Where blockPlain's scalar ends (before a comment, trailing spaces cut), or undefined where it declines. */
export function plainEnd(text: string, at: number, end: number): number | undefined {
  if (isIndicator(text.charCodeAt(at), text.charCodeAt(at + 1), at + 1 >= end)) return undefined;
  let stop = end;
  // A comment starts at a `#` after a space; the first character is not one (an indicator).
  for (let hash = text.indexOf('#', at); hash >= 0 && hash < end; hash = text.indexOf('#', hash + 1)) {
    if (text.charCodeAt(hash - 1) === SPACE) {
      stop = hash;
      break;
    }
  }
  while (stop > at && text.charCodeAt(stop - 1) === SPACE) stop--;
  for (let colon = text.indexOf(':', at); colon >= 0 && colon < stop; colon = text.indexOf(':', colon + 1)) {
    if (colon + 1 === stop || text.charCodeAt(colon + 1) === SPACE) return undefined;
  }
  return stop;
}

/**
 * Whether a plain scalar may not start with `c`: YAML's indicators (`-`, `?` and `:` only
 * before a space or the end, but declined here in any case for `?` and `:`).
 */
function isIndicator(c: number, next: number, atEnd: boolean): boolean {
  switch (c) {
    case DASH:
      return atEnd || next === SPACE;
    case 63: // ?
    case COLON:
    case COMMA:
    case OPEN_BRACKET:
    case CLOSE_BRACKET:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case QUOTE:
    case APOSTROPHE:
    case 37: // %
    case 64: // @
    case 96: // `
      return true;
    default:
      return false;
  }
}

/** The escapes read here; any other backslash sequence is js-yaml's. */
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };

