import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import type { Position, Range } from '../diagnostics.js';
import { parseYamlDocument } from './front-matter.js';

export type DataPath = readonly PropertyKey[];

/** What places a diagnostic in a YAML text: YamlLocator, or SimpleLocator (simple-locate.ts) for plain front matter. */
export interface Locator {
  locate(path: DataPath): Position;
  locateRange(path: DataPath): Range;
  locateKey(path: DataPath): Range;
  /** The text of the scalar at `path` as written (`01712345678`, where the value read is 1712345678); undefined if no scalar is there. */
  writtenAt(path: DataPath): string | undefined;
}

/**
 * Finds where a data path (as in a zod issue) is written in a YAML or JSON text, so a
 * diagnostic lands on the offending key or value instead of line 1. A path that ends at
 * a missing key points at the map that should hold it.
 */
export class YamlLocator implements Locator {
  private readonly doc: Document;
  private readonly lineCounter: LineCounter;

  constructor(
    private readonly text: string,
    /** Added to every line: the line in the file where `text` starts, minus one. */
    private readonly lineOffset = 0,
  ) {
    ({ doc: this.doc, lineCounter: this.lineCounter } = parseYamlDocument(text));
  }

  locate(path: DataPath): Position {
    const { isMap, isPair, isSeq } = yamlPackage();
    let node: unknown = this.doc.contents;
    let position = this.positionOf(node) ?? { line: this.lineOffset + 1, column: 1 };
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, key));
        if (!pair) return position;
        const keyPosition = this.positionOf(pair.key) ?? position;
        if (nothingWritten(pair.value)) {
          // `key:` with nothing after it: the key is the thing to look at (`key: null` has its value's place).
          node = pair.value;
          position = keyPosition;
          continue;
        }
        node = pair.value;
        position = this.positionOf(node) ?? keyPosition;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item === undefined) return position;
        node = item;
        position = this.positionOf(item) ?? position;
      } else {
        return position;
      }
    }
    return position;
  }

  /**
   * Like `locate` (same start), with the end of what it points at (exclusive): the whole
   * value, or the key of a `key:` without a value. A path that stops early (a missing key
   * or item) points at the first line of the map or list that should hold it.
   */
  locateRange(path: DataPath): Range {
    const { isMap, isPair, isSeq } = yamlPackage();
    let node: unknown = this.doc.contents;
    let target: unknown = node;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, key));
        if (!pair) return this.firstLineOf(target);
        const empty = nothingWritten(pair.value);
        node = pair.value;
        target = empty || !this.rangeOf(pair.value) ? (this.rangeOf(pair.key) ? pair.key : target) : pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item === undefined) return this.firstLineOf(target);
        node = item;
        if (this.rangeOf(item)) target = item;
      } else {
        return this.firstLineOf(target);
      }
    }
    const range = this.rangeOf(target);
    if (!range) return this.firstLineOf(target);
    return { start: this.positionAt(range[0]), end: this.positionAt(this.trimEnd(range[0], range[1])) };
  }

  /** The range of the key that ends `path` (`outcom` in `outcom: closed-won`), not of its value; as `locateRange` when there is no such key. */
  locateKey(path: DataPath): Range {
    const { isMap, isPair, isSeq } = yamlPackage();
    let node: unknown = this.doc.contents;
    for (const [index, key] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, key));
        if (!pair) break;
        const range = index === path.length - 1 ? this.rangeOf(pair.key) : undefined;
        if (range) return { start: this.positionAt(range[0]), end: this.positionAt(this.trimEnd(range[0], range[1])) };
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
      } else break;
    }
    return this.locateRange(path);
  }

  /** The text of the scalar at `path` as written (`01712345678`, where the value read is 1712345678); undefined if no scalar is there. */
  writtenAt(path: DataPath): string | undefined {
    const { isMap, isPair, isScalar, isSeq } = yamlPackage();
    let node: unknown = this.doc.contents;
    for (const key of path) {
      if (isMap(node)) node = node.items.find((item) => isPair(item) && keyMatches(item.key, key))?.value;
      else if (isSeq(node) && typeof key === 'number') node = node.items[key];
      else return undefined;
    }
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  }

  private rangeOf(node: unknown): readonly [number, number, number] | undefined {
    return (node as Node | null | undefined)?.range ?? undefined;
  }

  private firstLineOf(node: unknown): Range {
    const range = this.rangeOf(node);
    if (!range) {
      const start = { line: this.lineOffset + 1, column: 1 };
      return { start, end: start };
    }
    const text = this.parsedText();
    const newline = text.indexOf('\n', range[0]);
    const lineEnd = newline < 0 ? text.length : newline;
    return { start: this.positionAt(range[0]), end: this.positionAt(this.trimEnd(range[0], Math.min(range[1], lineEnd))) };
  }

  /** A value's range can end after the newline and spaces that follow it; the diagnostic ends at its last character. */
  private trimEnd(start: number, end: number): number {
    const text = this.parsedText();
    let e = end;
    while (e > start && /\s/.test(text[e - 1] ?? '')) e -= 1;
    return e;
  }

  /** The text the offsets of the nodes refer to: without a byte-order mark, when it was stripped before parsing. */
  private parsedText(): string {
    const stripped = this.text.charCodeAt(0) === 0xfeff && (this.doc.range?.[2] ?? this.text.length) === this.text.length - 1;
    return stripped ? this.text.slice(1) : this.text;
  }

  private positionAt(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line: line + this.lineOffset, column: col };
  }

  private positionOf(node: unknown): Position | undefined {
    const range = (node as Node | null | undefined)?.range;
    if (!range) return undefined;
    const { line, col } = this.lineCounter.linePos(range[0]);
    return { line: line + this.lineOffset, column: col };
  }
}

/** `key:` with nothing after it — not `key: null` or `key: ~`, a value written where it can be pointed at. */
function nothingWritten(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const { isScalar } = yamlPackage();
  return isScalar(value) && value.value === null && (value.range === undefined || value.range === null || value.range[0] === value.range[1]);
}

function keyMatches(key: unknown, wanted: PropertyKey): boolean {
  const value = yamlPackage().isScalar(key) ? key.value : key;
  return String(value) === String(wanted);
}
