import { isDeepStrictEqual } from 'node:util';
import type { Document } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import { parseFrontMatter } from './front-matter.js';
import { YAML_OPTIONS } from './yaml.js';
import { lineEndingOf } from './line-ending.js';

/**
 * Sets top-level front-matter keys through the `yaml` Document API: comments, key
 * order and the formatting of untouched keys are kept; the body is not touched.
 */
export function setFrontMatterFields(text: string, fields: Record<string, unknown>): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.errors) throw new Error('setFrontMatterFields: the file has no valid front matter');
  const doc = yamlPackage().parseDocument(fm.yamlText.replace(/^\r?\n/, ''), YAML_OPTIONS);
  for (const [key, value] of Object.entries(fields)) doc.set(key, value);
  const eol = lineEndingOf(text);
  const yaml = doc.toString({ lineWidth: 0 }).replace(/\n/g, eol);
  return `${bomOf(text)}---${eol}${yaml}---${eol}${text.slice(fm.bodyOffset)}`;
}

/**
 * Sets one scalar in front matter by splicing its source range: every other byte of the
 * file — flow maps, spacing, comments — stays exactly as written. A value written as an
 * alias (`status: *on`) or left empty (`paused_until:`) is spliced too: only `*on` is
 * replaced (the anchor it names stays where it is), and an empty value gets the space
 * after its colon. When the key does not exist yet, falls back to the Document API for
 * that one insertion.
 */
export function setFrontMatterScalar(text: string, path: readonly (string | number)[], value: string | number | boolean): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.errors) throw new Error('setFrontMatterScalar: the file has no valid front matter');
  const { parseDocument, isScalar, isAlias } = yamlPackage();
  const doc = parseDocument(fm.yamlText, YAML_OPTIONS);
  const node = nodeAt(doc, path) as { range?: [number, number, number] } | undefined;
  const yamlStart = text.indexOf('\n');
  // An alias went to the Document API below, which rewrote the whole front matter: flow maps
  // written over two lines joined, the spaces before a comment collapsed.
  if (node && (isScalar(node) || isAlias(node)) && node.range) {
    const rendered = typeof value === 'string' && /^[\w@.+-]+$/.test(value) ? value : JSON.stringify(value);
    const from = yamlStart + node.range[0];
    // An empty value's range is a point, right after its colon: `paused_until:2026-12-12` would not parse.
    const gap = node.range[0] === node.range[1] && text[from - 1] === ':' ? ' ' : '';
    return text.slice(0, from) + gap + rendered + text.slice(yamlStart + node.range[1]);
  }
  const fresh = parseDocument(fm.yamlText.replace(/^\r?\n/, ''), YAML_OPTIONS);
  fresh.setIn(path, value);
  const eol = lineEndingOf(text);
  return `${bomOf(text)}---${eol}${fresh.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\r?\n/g, eol)}---${eol}${text.slice(fm.bodyOffset)}`;
}

/**
 * The node at `path`, following the aliases on the way: `getIn` stops at one, so a
 * subgoal written `- *sg` (its map anchored elsewhere) was no map to it, and the sync
 * that recorded it reached died with an internal error. The node itself is returned as
 * written, an alias included (`status: *on` is replaced, not what it names).
 */
function nodeAt(doc: Document, path: readonly (string | number)[]): unknown {
  const { isAlias, isCollection } = yamlPackage();
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (!isCollection(node)) return undefined;
    node = node.get(key, true);
  }
  return node;
}

/** A byte-order mark the file starts with (a Windows editor's): kept before a rewritten front matter. */
function bomOf(text: string): string {
  return text.startsWith('\uFEFF') ? '\uFEFF' : '';
}

/**
 * Replaces the whole front matter with `data` the way a careful person edits it: keys
 * whose value is unchanged stay byte for byte (comments, flow style, spacing); a changed
 * key is rewritten where it stands, in its former flow or block style; keys no longer
 * present are removed with their lines; new keys are appended. The body is not touched.
 */
export function replaceFrontMatter(text: string, data: Record<string, unknown>): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.errors) throw new Error('replaceFrontMatter: the file has no valid front matter');
  const eol = lineEndingOf(text);
  // yamlText begins with the opening line's line break, so YAML offsets map onto the file.
  const yamlStart = (/^\uFEFF?---[ \t]*\r?\n/.exec(text)?.[0] ?? '').indexOf('\n');
  const { parseDocument, isMap, isScalar } = yamlPackage();
  const doc = parseDocument(fm.yamlText, YAML_OPTIONS);
  const pairs = isMap(doc.contents) ? doc.contents.items : [];
  // The reader has already held the front matter to the alias limits (src/markdown/limits.ts).
  const current = (doc.toJS({ maxAliasCount: -1 }) ?? {}) as Record<string, unknown>;
  const splices: { from: number; to: number; insert: string }[] = [];
  for (const pair of pairs) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const keyNode = pair.key as { range?: [number, number, number] };
    const valueNode = pair.value as { range?: [number, number, number]; flow?: boolean } | null;
    if (!keyNode.range) continue;
    const from = yamlStart + keyNode.range[0];
    // A block collection's range ends after its last line break: stop before it.
    let to = yamlStart + (valueNode?.range?.[1] ?? keyNode.range[1]);
    while (to > from && (text[to - 1] === '\n' || text[to - 1] === '\r')) to--;
    if (!Object.hasOwn(data, key)) splices.push({ from: lineStart(text, from), to: lineEnd(text, to), insert: '' });
    else if (!isDeepStrictEqual(current[key], data[key])) splices.push({ from, to, insert: renderPair(key, data[key], valueNode?.flow === true, eol) });
  }
  const added = Object.keys(data).filter((key) => !Object.hasOwn(current, key));
  const yamlEnd = yamlStart + fm.yamlText.length;
  if (added.length > 0) splices.push({ from: yamlEnd, to: yamlEnd, insert: added.map((key) => `${renderPair(key, data[key], false, eol)}${eol}`).join('') });
  let out = text;
  for (const { from, to, insert } of splices.sort((a, b) => b.from - a.from)) out = out.slice(0, from) + insert + out.slice(to);
  return out;
}

/** `key: value` as YAML, in flow style when the value was written that way, without a final line break. */
function renderPair(key: string, value: unknown, flow: boolean, eol: string): string {
  const { Document, isMap, isCollection } = yamlPackage();
  const doc = new Document({ [key]: value });
  const node = isMap(doc.contents) ? doc.contents.items[0]?.value : undefined;
  if (flow && isCollection(node)) node.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\r?\n$/, '').replace(/\r?\n/g, eol);
}

/**
 * Sets one top-level key to `value` (a map, a list …) with replaceFrontMatter: that key's
 * lines are rewritten where they stand, in their former flow or block style; every other
 * byte of the file stays as written.
 */
export function setFrontMatterKey(text: string, key: string, value: unknown): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.errors) throw new Error('setFrontMatterKey: the file has no valid front matter');
  // The other keys as replaceFrontMatter reads them, so that it finds them unchanged.
  const current = (yamlPackage().parseDocument(fm.yamlText, YAML_OPTIONS).toJS({ maxAliasCount: -1 }) ?? {}) as Record<string, unknown>;
  return replaceFrontMatter(text, Object.assign({}, current, { [key]: value }));
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  return next === -1 ? text.length : next + 1;
}

/**
 * Adds `key: value` to the map at `mapPath` (a prospect in a list, say) by splicing one
 * entry into its source: `, key: value` before a flow map's closing brace, or a line at
 * the block map's indentation after its last entry's line (its comment included). Every
 * other byte stays as written.
 * Sets the value in place when the key is already there.
 */
export function addFrontMatterScalar(text: string, mapPath: readonly (string | number)[], key: string, value: string | number | boolean): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.errors) throw new Error('addFrontMatterScalar: the file has no valid front matter');
  const { parseDocument, isMap, isAlias } = yamlPackage();
  const doc = parseDocument(fm.yamlText, YAML_OPTIONS);
  // A map named by an alias (`- *sg`) gets the entry where it is written, after its anchor.
  const written = nodeAt(doc, mapPath);
  const map = isAlias(written) ? written.resolve(doc) : written;
  if (!isMap(map)) throw new Error(`addFrontMatterScalar: no map at ${mapPath.join('.')}`);
  if (map.has(key)) return setFrontMatterScalar(text, [...mapPath, key], value);
  const yamlStart = text.indexOf('\n');
  const rendered = typeof value === 'string' && /^[\w@.+-]+$/.test(value) ? value : JSON.stringify(value);
  const last = map.items[map.items.length - 1];
  const lastEnd = (last?.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (last?.key as { range?: [number, number, number] } | undefined)?.range?.[1];
  if (map.flow) {
    const range = map.range;
    if (!range) throw new Error('addFrontMatterScalar: the map has no source range');
    if (lastEnd === undefined) {
      const close = yamlStart + text.slice(yamlStart + range[0], yamlStart + range[1]).lastIndexOf('}') + range[0];
      return `${text.slice(0, close)}${key}: ${rendered}${text.slice(close)}`;
    }
    const at = yamlStart + lastEnd;
    return `${text.slice(0, at)}, ${key}: ${rendered}${text.slice(at)}`;
  }
  const firstKey = map.items[0]?.key as { range?: [number, number, number] } | undefined;
  if (!firstKey?.range || lastEnd === undefined) throw new Error('addFrontMatterScalar: an empty block map');
  const keyAt = yamlStart + firstKey.range[0];
  const indent = keyAt - (text.lastIndexOf('\n', keyAt - 1) + 1);
  let at = yamlStart + lastEnd;
  while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
  // Past a comment that ends the last entry's line (`status: active   # met at Money20/20`): the
  // value's range stops before it, and the new line put there would carry the comment off.
  const lineBreak = text.indexOf('\n', at);
  if (lineBreak !== -1) at = text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
  const eol = lineEndingOf(text);
  return `${text.slice(0, at)}${eol}${' '.repeat(indent)}${key}: ${rendered}${text.slice(at)}`;
}
