import { positionAtOffset } from '../diagnostics.js';
import type { ConflictSpan } from '../markdown/conflict-markers.js';
import { bodyOffsetOf } from '../markdown/front-matter.js';
import { markersOnOwnLines } from '../markdown/managed-blocks.js';
import type { FileKind } from './layout.js';

/**
 * The managed blocks sync writes into a file of this kind (engine/sync-plan.ts): content
 * derived from the threads, never anything a person wrote.
 */
export function derivedBlockNames(kind: FileKind): readonly string[] {
  if (kind.kind === 'canvas') return kind.section === '10-assumptions' ? ['assumptions'] : kind.section === '13-metrics' ? ['metrics'] : [];
  if (kind.kind === 'goal') return ['state'];
  if (kind.kind === 'stage' && kind.family === 'campaign' && kind.stage === 6) return ['results', 'experiments'];
  return [];
}

/**
 * The derived blocks holding every one of the file's merge conflicts, or undefined when a
 * conflict lies anywhere else (front matter, prose, a marker line of a block). Two people who
 * each closed a deal and synced both rewrote the metrics, assumption and goal blocks, so
 * merging their work stops on those blocks every time; there is no version to choose in
 * them — sync computes the block again from the merged threads — and holding the whole
 * file as broken kept the merge's figures from being derived at all.
 *
 * Only markers found without a Markdown parse count (a body with a code fence is left to
 * the plain error): the file is parsed before remark is loaded.
 */
export function derivedBlocksHoldingConflicts(text: string, kind: FileKind, conflicts: readonly ConflictSpan[]): string[] | undefined {
  const each = derivedBlockOfEachConflict(text, kind, conflicts);
  if (!each || each.some((name) => name === undefined)) return undefined;
  return [...new Set(each as string[])];
}

/**
 * The derived block each conflict lies in (undefined for one outside every derived block), or
 * undefined when the file has no derived block to tell: a file whose other conflicts are a
 * person's choice says which of them sync replaces anyway.
 */
export function derivedBlockOfEachConflict(text: string, kind: FileKind, conflicts: readonly ConflictSpan[]): (string | undefined)[] | undefined {
  const names = derivedBlockNames(kind);
  if (names.length === 0) return undefined;
  const bodyOffset = bodyOffsetOf(text);
  const markers = markersOnOwnLines(text.slice(bodyOffset), bodyOffset);
  if (!markers) return undefined;
  const lineOf = (offset: number): number => positionAtOffset(text, offset).line;
  const blocks = names.flatMap((name) => {
    const begins = markers.filter((m) => m.name === name && m.kind === 'begin');
    const ends = markers.filter((m) => m.name === name && m.kind === 'end');
    // A block whose markers are damaged is not one sync rewrites (check says so apart).
    return begins.length === 1 && ends.length === 1 && begins[0]!.end < ends[0]!.start ? [{ name, first: lineOf(begins[0]!.start), last: lineOf(ends[0]!.start) }] : [];
  });
  return conflicts.map((conflict) => blocks.find((b) => b.first < conflict.openLine && conflict.closeLine < b.last)?.name);
}
