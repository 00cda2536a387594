/**
 * How wide text is on a terminal, and cutting it between whole characters (graphemes): for
 * the terminal reports (report/terminal.ts) and for the values quoted in diagnostics
 * (workspace/validate.ts, markdown/yaml.ts), which a UTF-16 slice cut inside an emoji.
 */

// eslint-disable-next-line no-control-regex -- ANSI colour codes are what we strip
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Characters a terminal draws two cells wide: Hangul Jamo, CJK (ideographs, kana, Hangul
 * syllables, their punctuation and symbols), fullwidth forms — Unicode's East Asian Wide and
 * Fullwidth blocks. Emoji are found by their property (emojiWide) rather than listed here.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f200, 0x1f251],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];
const emojiWide = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;
// Combining marks, joiners, variation selectors, format and control characters: no cell of their own.
const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\uFE00-\uFE0F]*$/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cells one user-perceived character takes: 2 for CJK and emoji, 0 for a lone mark, else 1. */
function graphemeWidth(grapheme: string): number {
  if (zeroWidth.test(grapheme)) return 0;
  const first = grapheme.codePointAt(0)!;
  return emojiWide.test(grapheme) || WIDE.some(([from, to]) => first >= from && first <= to) ? 2 : 1;
}

/** The text without its colour codes. */
export function withoutColour(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * Terminal cells the text takes, colour codes left out. Counting code points made a box
 * around a CJK title or an emoji wider in its border than in its body.
 */
export function visibleLength(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(withoutColour(text))) width += graphemeWidth(segment);
  return width;
}

/**
 * The text cut to at most `width` cells with `…` after it when it is longer than `width + 1`
 * cells, cut between whole characters (graphemes): a UTF-16 slice split an emoji's
 * surrogate pair into "�". Plain text (no colour codes).
 */
export function truncate(text: string, width: number): string {
  return visibleLength(text) <= width + 1 ? text : `${leadingCells(text, width)}…`;
}

/**
 * A value quoted in a diagnostic, at most `max` cells: a longer one is its first `max - 3`
 * cells and `…`, cut between whole characters. `slice(0, 37)` cut an emoji in two, and the
 * message showed "\ud83d" or "�" where the person had written 🚀.
 */
export function shortened(text: string, max = 40): string {
  return visibleLength(text) <= max ? text : `${leadingCells(text, max - 3)}…`;
}

/**
 * `text` cut at its start to `width` cells, `…` first (`…/acme-corp/6-learning.md`): the end
 * of a path, its thread and file, is what tells one from another. Cut between whole
 * characters, as truncate is (reversing the code points to cut the end split an accented
 * letter written with a combining mark from its mark).
 */
export function truncateStart(text: string, width: number): string {
  if (visibleLength(text) <= width) return text;
  const segments = Array.from(graphemes.segment(text), (s) => s.segment);
  let start = segments.length;
  let used = 0;
  while (start > 0 && used + graphemeWidth(segments[start - 1]!) <= width - 1) used += graphemeWidth(segments[--start]!);
  return `…${segments.slice(start).join('')}`;
}

/** The first graphemes of `text` that fit in `width` cells. */
function leadingCells(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const cells = graphemeWidth(segment);
    if (used + cells > width) break;
    out += segment;
    used += cells;
  }
  return out;
}

/**
 * `text` in lines of at most `width` cells, broken between words; a word wider than a line
 * is cut between whole characters. Plain text (no colour codes). Runs of spaces between
 * words are kept within a line and dropped where it breaks.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\S)(?=\s)|(?<=\s)(?=\S)/)) {
    if (/^\s+$/.test(word)) {
      if (line) line += word;
      continue;
    }
    if (visibleLength(line + word) <= width) {
      line += word;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    let rest = word;
    while (visibleLength(rest) > width) {
      const head = leadingCells(rest, width);
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = rest;
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
