import type { Position, Range } from '../diagnostics.js';
import { YamlLocator, type DataPath, type Locator } from './locate.js';
import { simpleYamlTree, type TreeMap, type TreeNode, type TreePair } from './simple-yaml-tree.js';

/**
 * The locator of a YAML text (or a JSON one): SimpleLocator when the text is plain enough,
 * else YamlLocator — the same positions either way, without loading the `yaml` package for
 * the front matter nearly every file is written in.
 */
export function locatorOf(text: string): Locator {
  return SimpleLocator.of(text) ?? new YamlLocator(text);
}

/** A key's range, as a target of locateRange. */
type Target = TreeNode | TreePair['keyRange'];

/**
 * YamlLocator's answers, read off simple-yaml-tree.ts's ranges instead of a `yaml`
 * Document: the same walk, method by method (locate.ts), on a text that tree accepts —
 * no comment, no tab, CR or byte-order mark, one block mapping at the top.
 */
export class SimpleLocator implements Locator {
  private lineStarts: number[] | undefined;

  private constructor(
    private readonly text: string,
    private readonly root: TreeMap,
  ) {}

  /** The locator of `text`, or undefined when the tree declines it (YamlLocator places it). */
  static of(text: string): SimpleLocator | undefined {
    const root = simpleYamlTree(text);
    return root ? new SimpleLocator(text, root) : undefined;
  }

  locate(path: DataPath): Position {
    let node: TreeNode | undefined = this.root;
    let position = this.positionAt(this.root.start);
    for (const key of path) {
      if (node?.kind === 'map') {
        const pair = pairOf(node, key);
        if (!pair) return position;
        node = pair.value;
        position = this.positionAt(node.kind === 'scalar' && node.empty ? pair.keyRange.start : node.start);
      } else if (node?.kind === 'seq' && typeof key === 'number') {
        const item: TreeNode | undefined = node.items[key];
        if (item === undefined) return position;
        node = item;
        position = this.positionAt(item.start);
      } else {
        return position;
      }
    }
    return position;
  }

  locateRange(path: DataPath): Range {
    let node: TreeNode | undefined = this.root;
    let target: Target = this.root;
    for (const key of path) {
      if (node?.kind === 'map') {
        const pair = pairOf(node, key);
        if (!pair) return this.firstLineOf(target);
        node = pair.value;
        target = node.kind === 'scalar' && node.empty ? pair.keyRange : node;
      } else if (node?.kind === 'seq' && typeof key === 'number') {
        const item: TreeNode | undefined = node.items[key];
        if (item === undefined) return this.firstLineOf(target);
        node = item;
        target = item;
      } else {
        return this.firstLineOf(target);
      }
    }
    return this.rangeOf(target.start, target.end);
  }

  locateKey(path: DataPath): Range {
    let node: TreeNode | undefined = this.root;
    for (const [index, key] of path.entries()) {
      if (node?.kind === 'map') {
        const pair = pairOf(node, key);
        if (!pair) break;
        if (index === path.length - 1) return this.rangeOf(pair.keyRange.start, pair.keyRange.end);
        node = pair.value;
      } else if (node?.kind === 'seq' && typeof key === 'number') {
        node = node.items[key];
      } else break;
    }
    return this.locateRange(path);
  }

  writtenAt(path: DataPath): string | undefined {
    let node: TreeNode | undefined = this.root;
    for (const key of path) {
      if (node?.kind === 'map') node = pairOf(node, key)?.value;
      else if (node?.kind === 'seq' && typeof key === 'number') node = node.items[key];
      else return undefined;
    }
    return node?.kind === 'scalar' ? node.source : undefined;
  }

  private firstLineOf(target: Target): Range {
    const newline = this.text.indexOf('\n', target.start);
    return this.rangeOf(target.start, Math.min(target.end, newline < 0 ? this.text.length : newline));
  }

  private rangeOf(start: number, end: number): Range {
    let e = end;
    while (e > start && /\s/.test(this.text[e - 1] ?? '')) e -= 1;
    return { start: this.positionAt(start), end: this.positionAt(e) };
  }

  /** As the `yaml` package's LineCounter: 1-based line and column (in UTF-16 units). */
  private positionAt(offset: number): Position {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function pairOf(map: TreeMap, key: PropertyKey): TreePair | undefined {
  const wanted = String(key);
  return map.pairs.find((pair) => pair.key === wanted);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
