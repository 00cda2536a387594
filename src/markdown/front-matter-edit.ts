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
 * present are removed with their lines; new keys are appended. A block map whose value
 * changed, and a block list of as many items as before, are edited the same way inside —
 * an agent setting `company.industry` or one action's `status` leaves every other line of
 * `company` or `actions` as written, comments included (`inside: false`: rewritten whole).
 * The body is not touched.
 */
export function replaceFrontMatter(text: string, data: Record<string, unknown>, options: { inside?: boolean } = {}): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.errors) throw new Error('replaceFrontMatter: the file has no valid front matter');
  const eol = lineEndingOf(text);
  // yamlText begins with the opening line's line break, so YAML offsets map onto the file.
  const yamlStart = (/^\uFEFF?---[ \t]*\r?\n/.exec(text)?.[0] ?? '').indexOf('\n');
  const doc = yamlPackage().parseDocument(fm.yamlText, YAML_OPTIONS);
  // The reader has already held the front matter to the alias limits (src/markdown/limits.ts).
  const current = (doc.toJS({ maxAliasCount: -1 }) ?? {}) as Record<string, unknown>;
  const root = yamlPackage().isMap(doc.contents) ? doc.contents : undefined;
  const yamlEnd = yamlStart + fm.yamlText.length;
  const spliced = (inside: boolean): string => {
    const edit: Edit = { text, yamlStart, eol, splices: [], inside };
    editMap(edit, root, current, data, { at: yamlEnd, indent: 0 });
    let out = text;
    for (const { from, to, insert } of edit.splices.sort((a, b) => b.from - a.from)) out = out.slice(0, from) + insert + out.slice(to);
    return out;
  };
  const whole = spliced(false);
  if (options.inside === false) return whole;
  // Edited inside, the file must read as the one with each changed key rewritten whole
  // (an anchor, a merge key or a comment placed oddly may make it differ): else that one.
  const inside = spliced(true);
  return inside === whole || isDeepStrictEqual(parseFrontMatter(inside).data, parseFrontMatter(whole).data) ? inside : whole;
}

interface Splice {
  from: number;
  to: number;
  insert: string;
}

interface Edit {
  text: string;
  /** Where the YAML's offsets start in `text`. */
  yamlStart: number;
  eol: string;
  splices: Splice[];
  /** Whether a changed block collection is edited inside (editInside) or rewritten whole. */
  inside: boolean;
}

type Range = [number, number, number];
type RangedNode = { range?: Range | null } | null | undefined;

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The pairs of `map` edited from `before` to `after`; new keys are inserted at `append.at`, indented by `append.indent`. */
function editMap(edit: Edit, map: unknown, before: Record<string, unknown>, after: Record<string, unknown>, append: { at: number; indent: number }): void {
  const { isMap, isScalar } = yamlPackage();
  const pairs = isMap(map) ? map.items : [];
  for (const pair of pairs) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const keyNode = pair.key as RangedNode;
    if (!keyNode?.range) continue;
    const from = edit.yamlStart + keyNode.range[0];
    const to = contentEnd(edit, from, edit.yamlStart + ((pair.value as RangedNode)?.range?.[1] ?? keyNode.range[1]));
    if (!Object.hasOwn(after, key)) edit.splices.push({ from: lineStart(edit.text, from), to: lineEnd(edit.text, to), insert: '' });
    else if (!isDeepStrictEqual(before[key], after[key]) && !(edit.inside && editInside(edit, pair.value, before[key], after[key], from))) {
      edit.splices.push(commentKept(edit, from, to, indented(renderPair(key, after[key], keepsFlow(pair.value, after[key]), edit.eol), from - lineStart(edit.text, from), edit.eol)));
    }
  }
  const added = Object.keys(after).filter((key) => !Object.hasOwn(before, key));
  if (added.length === 0) return;
  const pad = ' '.repeat(append.indent);
  edit.splices.push({ from: append.at, to: append.at, insert: added.map((key) => `${pad}${indented(renderPair(key, after[key], false, edit.eol), append.indent, edit.eol)}${edit.eol}`).join('') });
}

/**
 * Edits a changed value inside, when it is a block map (still a map) or a block list of as
 * many items, each item a value edited inside or one unchanged; false when it must be
 * rewritten whole (a flow collection, a scalar, a list grown or shrunk, a type changed).
 */
function editInside(edit: Edit, node: unknown, before: unknown, after: unknown, keyFrom: number): boolean {
  const { isMap, isSeq } = yamlPackage();
  if (isMap(node) && !node.flow && isPlainMap(before) && isPlainMap(after) && node.items.length > 0) {
    const first = node.items[0]!.key as RangedNode;
    if (!first?.range) return false;
    const keyAt = edit.yamlStart + first.range[0];
    // Only a map on lines of its own (`company:` then its keys below): one on the key's line has no indentation to add keys at.
    if (lineStart(edit.text, keyAt) <= keyFrom) return false;
    const end = contentEnd(edit, keyAt, edit.yamlStart + (node.range?.[1] ?? first.range[1]));
    editMap(edit, node, before, after, { at: lineEnd(edit.text, end), indent: keyAt - lineStart(edit.text, keyAt) });
    return true;
  }
  if (isSeq(node) && !node.flow && Array.isArray(before) && Array.isArray(after) && before.length === after.length && node.items.length === before.length) {
    const items = node.items.map((item, i) => ({ item, i })).filter(({ i }) => !isDeepStrictEqual(before[i], after[i]));
    // All or nothing: an item that cannot be edited inside makes the list rewritten whole, never half.
    const plans = items.map(({ item, i }) => () => editInside(edit, item, before[i], after[i], keyFrom));
    const mark = edit.splices.length;
    for (const plan of plans) {
      if (!plan()) {
        edit.splices.length = mark;
        return false;
      }
    }
    return true;
  }
  return false;
}

/**
 * Whether a changed value is written in flow style: when it was (`tests: [A1, A2]`), except
 * a template's empty `[]` or `{}` filled with maps or lists — `signals: []` given three
 * signals is drawn a signal a block, as people write them, not as one line of braces.
 */
function keepsFlow(node: unknown, value: unknown): boolean {
  const { isCollection } = yamlPackage();
  if (!isCollection(node) || !node.flow) return false;
  const entries = Array.isArray(value) ? value : isPlainMap(value) ? Object.values(value) : [];
  return node.items.length > 0 || !entries.some((entry) => entry !== null && typeof entry === 'object');
}

/**
 * A value on one line with a comment after it (`signals: []   # from the call`) rewritten over
 * several lines: the comment stays on the key's line, where it was, not carried below the
 * value's last line onto another entry.
 */
function commentKept(edit: Edit, from: number, to: number, insert: string): Splice {
  const breakAt = insert.indexOf(edit.eol);
  const comment = /^[ \t]+#[^\r\n]*/.exec(edit.text.slice(to))?.[0];
  if (breakAt < 0 || comment === undefined || edit.text.slice(from, to).includes('\n')) return { from, to, insert };
  return { from, to: to + comment.length, insert: `${insert.slice(0, breakAt)}${comment}${insert.slice(breakAt)}` };
}

/** The end of a value's own text: a block collection's range runs past its last line break. */
function contentEnd(edit: Edit, from: number, to: number): number {
  let end = to;
  while (end > from && (edit.text[end - 1] === '\n' || edit.text[end - 1] === '\r')) end--;
  return end;
}

/** `rendered`'s lines after the first indented by `indent` spaces: it is written at a key that far in. */
function indented(rendered: string, indent: number, eol: string): string {
  return indent === 0 ? rendered : rendered.split(eol).join(`${eol}${' '.repeat(indent)}`);
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
  // Rewritten whole: the value is threadwork's own (a draft's `quality`), drawn afresh in block style.
  return replaceFrontMatter(text, Object.assign({}, current, { [key]: value }), { inside: false });
}

/** Removes top-level `keys` with their lines (replaceFrontMatter); every other byte stays as written. */
export function removeFrontMatterKeys(text: string, keys: readonly string[]): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.errors) throw new Error('removeFrontMatterKeys: the file has no valid front matter');
  const current = (yamlPackage().parseDocument(fm.yamlText, YAML_OPTIONS).toJS({ maxAliasCount: -1 }) ?? {}) as Record<string, unknown>;
  if (!keys.some((key) => key in current)) return text;
  return replaceFrontMatter(text, Object.fromEntries(Object.entries(current).filter(([key]) => !keys.includes(key))));
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

/**
 * Removes `key` from the map at `mapPath` (a prospect in a list, say) by splicing its entry
 * out: `, key: value` from a flow map, or the entry's lines (its comment included) from a
 * block map. Every other byte stays as written; the text is returned as it is when the key
 * is not there.
 */
export function removeFrontMatterScalar(text: string, mapPath: readonly (string | number)[], key: string): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.errors) throw new Error('removeFrontMatterScalar: the file has no valid front matter');
  const { parseDocument, isMap, isAlias, isScalar } = yamlPackage();
  const doc = parseDocument(fm.yamlText, YAML_OPTIONS);
  const written = nodeAt(doc, mapPath);
  const map = isAlias(written) ? written.resolve(doc) : written;
  if (!isMap(map)) throw new Error(`removeFrontMatterScalar: no map at ${mapPath.join('.')}`);
  const at = map.items.findIndex((item) => isScalar(item.key) && item.key.value === key);
  if (at < 0) return text;
  const yamlStart = text.indexOf('\n');
  type Ranged = { range?: [number, number, number] } | null | undefined;
  const startOf = (i: number): number | undefined => (map.items[i]?.key as Ranged)?.range?.[0];
  const endOf = (i: number): number | undefined => (map.items[i]?.value as Ranged)?.range?.[1] ?? (map.items[i]?.key as Ranged)?.range?.[1];
  const [from, to] = [startOf(at), endOf(at)];
  if (from === undefined || to === undefined) throw new Error('removeFrontMatterScalar: the entry has no source range');
  if (map.flow) {
    // `, key: value` after the entry before it; the first entry takes the separator after it instead.
    const previousEnd = at > 0 ? endOf(at - 1) : undefined;
    const nextStart = at === 0 ? startOf(at + 1) : undefined;
    if (previousEnd !== undefined) return text.slice(0, yamlStart + previousEnd) + text.slice(yamlStart + to);
    return text.slice(0, yamlStart + from) + text.slice(nextStart === undefined ? yamlStart + to : yamlStart + nextStart);
  }
  if (map.items.length === 1) throw new Error('removeFrontMatterScalar: the entry is the only one of its block map');
  // The first entry of a list item (`- revisit: …`): from its key to the next entry's key, so the `- ` stays.
  const keyLineStart = lineStart(text, yamlStart + from);
  const nextStart = startOf(at + 1);
  if (text.slice(keyLineStart, yamlStart + from).trim() !== '' && nextStart !== undefined) return text.slice(0, yamlStart + from) + text.slice(yamlStart + nextStart);
  // A block map's entry is its lines: from the key's line start to the end of the value's last line, comment included.
  let end = yamlStart + to;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const lineBreak = text.indexOf('\n', end);
  const cut = lineBreak === -1 ? text.length : lineBreak + 1;
  return text.slice(0, keyLineStart) + text.slice(cut);
}
