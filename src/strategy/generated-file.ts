import { createHash } from 'node:crypto';
import { conflictSides, findConflictMarkers, findStrayMarker, onlyLinesOf, type MergeSides } from '../markdown/conflict-markers.js';

/**
 * Generated files are guarded (SPEC principle 4): the first line records the hash of
 * what the engine wrote. If the rest of the file no longer has that hash, a person
 * edited it, and the engine leaves it alone unless forced.
 *
 *   Markdown: <!-- threadwork:generated sha256=… -->
 *   YAML:     # threadwork:generated sha256=…
 */
const MARKER = /^(?:<!-- threadwork:generated sha256=([0-9a-f]{64}) -->|# threadwork:generated sha256=([0-9a-f]{64}))\r?\n/;

export type GeneratedState =
  | { state: 'missing' }
  /** Written by the engine and not touched since: `recorded` is the hash of its content. */
  | { state: 'unedited'; recorded: string }
  /** Carries the marker but the content changed: a person edited it. */
  | { state: 'edited'; recorded: string }
  /** No marker at all: written by a person from scratch. */
  | { state: 'unmarked' }
  /** Left with git's conflict markers by a merge, a side of which was edited (or cannot be told to be generated): kept, and said so. */
  | { state: 'conflicted'; line: number; column?: number; stray?: string };

export function contentHash(content: string): string {
  return createHash('sha256').update(content.replace(/\r\n/g, '\n')).digest('hex');
}

/**
 * The line ending a file uses: CRLF when every line break in it is `\r\n` (an editor on
 * Windows, or git's `core.autocrlf`), LF otherwise. A generated file saved with CRLF
 * keeps CRLF when it is regenerated, and is not rewritten when only its line endings differ.
 */
export function uniformLineEnding(text: string): '\r\n' | '\n' {
  const crlf = text.split('\r\n').length - 1;
  const all = text.split('\n').length - 1;
  return crlf > 0 && crlf === all ? '\r\n' : '\n';
}

/** `text` with its line breaks as `ending`. */
export function withLineEnding(text: string, ending: '\r\n' | '\n'): string {
  const lf = text.replace(/\r\n/g, '\n');
  return ending === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}

/**
 * The file generating `content` at `path` writes over `existing`: the marker, and the line
 * endings `existing` uses (a file saved with CRLF stays CRLF; a new one is LF).
 */
export function asWritten(path: string, content: string, existing: string | undefined): string {
  return withLineEnding(withMarker(path, content), existing === undefined ? '\n' : uniformLineEnding(existing));
}

export function withMarker(path: string, content: string): string {
  const hash = contentHash(content);
  // A file whose front matter must come first (an agent skill's SKILL.md) carries the
  // marker as a YAML comment on the line after the opening `---`.
  if (content.startsWith('---\n') && path.endsWith('/SKILL.md')) return `---\n# threadwork:generated sha256=${hash}\n${content.slice(4)}`;
  const marker = path.endsWith('.yaml') || path.endsWith('.yml') ? `# threadwork:generated sha256=${hash}` : `<!-- threadwork:generated sha256=${hash} -->`;
  return `${marker}\n${content}`;
}

/**
 * A generated file git could not merge: two people each regenerated it from their own canvas.
 * When neither side was edited, it holds nothing a person wrote and is regenerated like any
 * unedited file — it used to read as unmarked, was never regenerated again, and its conflict
 * markers stayed in a sales material without a word. Otherwise it is kept and reported at its
 * first marker: regenerating could lose an edit.
 *
 * The sides are git's index's (`index`: stages 2 and 3, each whole as its commit had it) while
 * the merge is stopped and the file holds nothing but their lines: git merges the other side's
 * hunks around the conflict, so the sides read back from the file (each conflict's lines of one
 * side, with the lines around them) are rarely either file as written. Without the index (the
 * merge committed with the markers in, or no git), the sides read from the file are all there is.
 */
function mergedState(text: string, read: { ours: string; theirs: string }, index: MergeSides | undefined): GeneratedState {
  const whole = index?.ours !== undefined && index.theirs !== undefined && onlyLinesOf(text, [index.base, index.ours, index.theirs]) ? { ours: index.ours, theirs: index.theirs } : read;
  const ours = generatedState(whole.ours);
  if (ours.state === 'unedited' && generatedState(whole.theirs).state === 'unedited') return ours;
  return { state: 'conflicted', line: findConflictMarkers(text)?.openLine ?? 1 };
}

const FRONT_MATTER_MARKER = /^(---\r?\n)# threadwork:generated sha256=([0-9a-f]{64})\r?\n/;

/** `index`: the sides git's index holds of the file while a merge that stopped on it is under way (git/unmerged.ts). */
export function generatedState(existing: string | undefined, index?: MergeSides): GeneratedState {
  if (existing === undefined) return { state: 'missing' };
  const sides = conflictSides(existing);
  if (sides) return mergedState(existing, sides, index);
  const stray = strayMarkerIn(existing);
  if (stray) return stray;
  const inFrontMatter = FRONT_MATTER_MARKER.exec(existing);
  if (inFrontMatter) {
    const recorded = inFrontMatter[2]!;
    const content = inFrontMatter[1]! + existing.slice(inFrontMatter[0].length);
    return contentHash(content) === recorded ? { state: 'unedited', recorded } : { state: 'edited', recorded };
  }
  const match = MARKER.exec(existing);
  if (!match) return { state: 'unmarked' };
  const recorded = (match[1] ?? match[2])!;
  return contentHash(existing.slice(match[0].length)) === recorded ? { state: 'unedited', recorded } : { state: 'edited', recorded };
}

/**
 * A marker line left when the rest of its conflict was deleted (resolved part-way) in a
 * generated file: the hash line no longer matches, so it read as a hand edit and was kept
 * without a word — the marker committed into a sales material. Conflicted, at that line,
 * as the `merge-conflict` error names one in any other file.
 */
function strayMarkerIn(text: string): GeneratedState | undefined {
  // A YAML file (the ICP) is data throughout, where any marker line is git's, indented or not.
  const yaml = /^# threadwork:generated /.test(text);
  const stray = findStrayMarker(text, { indentedBefore: yaml ? Infinity : 0 });
  return stray && { state: 'conflicted', line: stray.line, column: stray.column, stray: stray.marker };
}
