import { conflictSides } from '../markdown/conflict-markers.js';
import { YAML_OPTIONS } from '../markdown/yaml.js';
import { yamlPackage } from '../markdown/yaml-package.js';
import { prospectId } from './prospect-id.js';
import type { Suppression, SuppressionEntry } from '../schema/suppression.js';

/**
 * The do-not-contact list both sides of a merge added to (two teammates each recorded an
 * unsubscribe, or added one by hand): git stops on it, since both appended after the same
 * last entry. There is no version to choose — a list resolved by keeping one side would let
 * the other side's unsubscribed addresses be contacted again — so it is read, and `sync`
 * writes it, as our side with each entry only their side lists appended after our last
 * one, as their side wrote it (its comments and style kept). Our side's lines stay byte for
 * byte. Undefined (a version to choose by hand) unless both sides are valid block lists and
 * the result reads back as exactly our entries and then theirs not ours.
 */
export function suppressionConflictMerged(text: string, read: (side: string) => Suppression | undefined): { merged: string; added: string[] } | undefined {
  const sides = conflictSides(text);
  if (!sides) return undefined;
  const ours = read(sides.ours);
  const theirs = read(sides.theirs);
  if (!ours || !theirs) return undefined;
  const known = new Set(ours.suppressed.map(entryId));
  const extra = theirs.suppressed.map((entry, index) => ({ entry, index })).filter(({ entry }) => !known.has(entryId(entry)));
  if (extra.length === 0) return { merged: sides.ours, added: [] };
  const oursItems = itemLines(sides.ours);
  const theirsItems = itemLines(sides.theirs);
  const last = oursItems?.at(-1);
  if (!last || !theirsItems || theirsItems.length !== theirs.suppressed.length) return undefined;
  const appended = extra.map(({ index }) => sides.theirs.slice(theirsItems[index]!.start, theirsItems[index]!.end)).join('');
  const head = sides.ours.slice(0, last.end);
  const merged = `${head}${head.endsWith('\n') ? '' : '\n'}${appended}${sides.ours.slice(last.end)}`;
  const check = read(merged);
  const wanted = [...ours.suppressed, ...extra.map(({ entry }) => entry)].map(entryId);
  if (!check || check.suppressed.map(entryId).join('\n') !== wanted.join('\n')) return undefined;
  return { merged, added: extra.map(({ entry }) => entryId(entry)) };
}

const entryId = (entry: SuppressionEntry): string => prospectId(entry);

/** Each item of a block `suppressed:` list as whole lines: from its line's start to the end of its last line. */
function itemLines(text: string): { start: number; end: number }[] | undefined {
  const { parseDocument, isSeq } = yamlPackage();
  const list = parseDocument(text, YAML_OPTIONS).get('suppressed', true);
  if (!isSeq(list) || list.flow) return undefined;
  const lines: { start: number; end: number }[] = [];
  for (const item of list.items as ({ range?: [number, number, number] } | null)[]) {
    if (!item?.range) return undefined;
    const start = text.lastIndexOf('\n', item.range[0] - 1) + 1;
    const newline = text.indexOf('\n', Math.max(item.range[1] - 1, item.range[0]));
    lines.push({ start, end: newline < 0 ? text.length : newline + 1 });
  }
  return lines;
}
