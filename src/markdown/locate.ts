import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Position } from '../diagnostics.js';
import { parseYamlDocument } from './front-matter.js';

export type DataPath = readonly PropertyKey[];

/**
 * Finds where a data path (as in a zod issue) is written in a YAML or JSON text, so a
 * diagnostic lands on the offending key or value instead of line 1. A path that ends at
 * a missing key points at the map that should hold it.
 */
export class YamlLocator {
  private readonly doc: Document;
  private readonly lineCounter: LineCounter;

  constructor(
    text: string,
    /** Added to every line: the line in the file where `text` starts, minus one. */
    private readonly lineOffset = 0,
  ) {
    ({ doc: this.doc, lineCounter: this.lineCounter } = parseYamlDocument(text));
  }

  locate(path: DataPath): Position {
    let node: unknown = this.doc.contents;
    let position = this.positionOf(node) ?? { line: this.lineOffset + 1, column: 1 };
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, key));
        if (!pair) return position;
        const keyPosition = this.positionOf(pair.key) ?? position;
        if (pair.value === null || pair.value === undefined || (isScalar(pair.value) && pair.value.value === null)) {
          // `key:` with nothing after it: the key is the thing to look at.
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

  private positionOf(node: unknown): Position | undefined {
    const range = (node as Node | null | undefined)?.range;
    if (!range) return undefined;
    const { line, col } = this.lineCounter.linePos(range[0]);
    return { line: line + this.lineOffset, column: col };
  }
}

function keyMatches(key: unknown, wanted: PropertyKey): boolean {
  const value = isScalar(key) ? key.value : key;
  return String(value) === String(wanted);
}
