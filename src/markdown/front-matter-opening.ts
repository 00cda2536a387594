import type { Position } from '../diagnostics.js';

/** A line of nothing but hyphens or dashes: an opening fence as typed, or as an editor's autocorrect left it (`---` → `—`). */
const DASH_LINE = /^[-\u2013\u2014]+[ \t]*$/;
/** The closing fence front matter takes (`---` or `...`). */
const CLOSING_LINE = /^(?:---|\.\.\.)[ \t]*$/;
/** A key as threadwork's front matter writes them (`outcome:`, `contact:`) — never a LeanOS label (`Deal outcome:`, `Priority:`). */
const THREADWORK_KEY = /^[a-z_][a-z0-9_]*:(?:[ \t]|$)/;
/** How far down a misplaced opening is looked for: a few blank lines an editor or a paste put above it. */
const MAX_LINES_ABOVE = 20;

export interface MisplacedOpening {
  position: Position;
  message: string;
}

/**
 * Front matter that is there but not where it is read: its opening fence below blank lines,
 * or not exactly `---` (`--`, `----`, `—`). Read as a file without front matter, a stage file
 * would count for nothing — a won deal's 6-learning.md reopening the deal — with no more than
 * a warning pointing at `migrate`, which would write a second block. Told apart from prose (a
 * thematic break, the LeanOS method's labelled lines) by what follows the fence: a lower-case
 * `key:` as threadwork writes them (comments and blank lines skipped), then a closing `---`.
 * Only called for a file whose first line is not `---`, so a valid file costs nothing.
 */
export function misplacedOpening(text: string): MisplacedOpening | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let fence = 0;
  while (fence < lines.length && fence <= MAX_LINES_ABOVE && lines[fence]!.trim() === '') fence++;
  const opening = lines[fence]?.replace(/\r$/, '');
  if (opening === undefined || !DASH_LINE.test(opening)) return undefined;
  const exact = opening.trimEnd() === '---';
  if (exact && fence === 0) return undefined;
  let next = fence + 1;
  while (next < lines.length && /^[ \t]*(?:#.*)?\r?$/.test(lines[next]!)) next++;
  if (next >= lines.length || !THREADWORK_KEY.test(lines[next]!)) return undefined;
  const closed = lines.slice(next + 1).some((line) => CLOSING_LINE.test(line.replace(/\r$/, '')));
  if (!closed) return undefined;
  const fenceLine = fence + 1;
  const typed = opening.trimEnd();
  const blanks = fence === 1 ? 'a blank line' : `${fence} blank lines`;
  const message = exact
    ? `Front matter not at the top: its \`---\` is on line ${fenceLine}, below ${blanks}, and front matter is read only from line 1 — as it is, nothing in it counts; expected the \`---\` on line 1: delete the ${fence === 1 ? 'blank line' : 'blank lines'} above it`
    : `Front matter opened with \`${typed}\`${fence > 0 ? ` on line ${fenceLine} (below ${blanks})` : ''}: expected exactly three hyphens, \`---\`${fence > 0 ? ', on line 1' : ''} — as it is, the file reads as having no front matter and nothing in it counts; write the line as \`---\`${fence > 0 ? ` and delete the ${fence === 1 ? 'blank line' : 'blank lines'} above it` : ''}`;
  // Blank lines above a `---` are fixed at line 1; a mistyped fence, at the fence.
  return { position: { line: exact ? 1 : fenceLine, column: 1 }, message };
}
