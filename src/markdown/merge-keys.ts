import type { Document, LineCounter, Node, Pair } from 'yaml';
import type { Position } from '../diagnostics.js';
import { yamlPackage } from './yaml-package.js';

/** The rule of a YAML 1.1 merge key (`<<: *base`), which threadwork's YAML 1.2 reader refuses. */
export const YAML_MERGE_KEY_RULE = 'yaml-merge-key';

export interface MergeKeyProblem {
  position: Position;
  message: string;
  rule: typeof YAML_MERGE_KEY_RULE;
}

/**
 * Every merge key of a document (parsed with merge keys off: yaml.ts's YAML_OPTIONS), each
 * at its `<<`. A merge key is a plain `<<` key, as in YAML 1.1; a quoted `"<<"` is an
 * ordinary key in both versions and stays one.
 *
 * Why refused, not merged: threadwork reads YAML 1.2, where `<<` is an ordinary key, so a
 * merge would silently read as a key named `<<` and the map would miss every merged value
 * (a schema error about a key that is plainly there, or a value quietly ignored). And the
 * engine edits front matter values in place (a prospect's status, a stage written by an
 * agent): a merged value has no place of its own to edit, and editing the anchor would
 * change every map that merges it.
 */
export function mergeKeyProblems(doc: Document, lineCounter: LineCounter): MergeKeyProblem[] {
  const { visit, isScalar } = yamlPackage();
  const problems: MergeKeyProblem[] = [];
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key;
      if (!isScalar(key) || key.value !== '<<' || (key.type !== undefined && key.type !== 'PLAIN')) return;
      const { line, col } = lineCounter.linePos(key.range?.[0] ?? 0);
      problems.push({ position: { line, column: col }, message: mergeKeyMessage(doc, pair), rule: YAML_MERGE_KEY_RULE });
    },
  });
  return problems;
}

/** What happened, why, and what to write instead: the keys the merge would have brought, and from where. */
function mergeKeyMessage(doc: Document, pair: Pair): string {
  const sources = mergeSources(doc, pair.value);
  const keys = [...new Set(sources.flatMap((s) => s.keys))];
  const anchors = sources.flatMap((s) => (s.anchor ? [`&${s.anchor}`] : []));
  const instead = keys.length ? `: write ${keys.map((k) => `\`${k}\``).join(', ')}${anchors.length ? ` (from ${anchors.join(', ')})` : ''} out in this map instead` : ': write the keys out in this map instead';
  return `Unsupported YAML merge key \`<<\`: threadwork reads YAML 1.2, which has no merge keys, so nothing would be merged${instead}`;
}

/** The maps a merge key's value names — one map or alias, or a list of them — with their keys. */
function mergeSources(doc: Document, value: unknown): { anchor: string | undefined; keys: string[] }[] {
  const { isAlias, isMap, isSeq, isScalar } = yamlPackage();
  const one = (node: unknown): { anchor: string | undefined; keys: string[] }[] => {
    const anchor = isAlias(node) ? node.source : undefined;
    const target = isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
    if (!isMap(target)) return [];
    return [{ anchor, keys: target.items.flatMap((item) => (isScalar(item.key) ? [String(item.key.value)] : [])) }];
  };
  return isSeq(value) ? value.items.flatMap(one) : one(value);
}
