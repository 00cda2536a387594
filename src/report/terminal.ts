import pc from 'picocolors';

import { truncate, visibleLength, withoutColour, wrapText } from '../text-width.js';

/** What a box adds around its lines: `│ ` and ` │`. */
const BOX_FRAME = 4;
/** The space between two columns. */
const GAP = 2;
/** Narrower than this, a report is laid out as if it had this width (and the terminal wraps it). */
const NARROWEST_OUTPUT = 40;
/** A column of words is never wrapped narrower than this. */
const NARROWEST_WRAPPED_COLUMN = 12;

// eslint-disable-next-line no-control-regex -- colour codes around a cell are what this takes apart
const STYLED = /^((?:\u001b\[[0-9;]*m)*)([^]*?)((?:\u001b\[[0-9;]*m)*)$/;

/**
 * The width terminal reports are fitted to: `COLUMNS` when set (as `ls` and most tools
 * read it), else the terminal's when stdout is one; none when the output goes to a pipe
 * or a file, where a line is never broken (a script reads whole rows). A box wider than
 * the terminal wrapped each of its lines onto the next and drew no box at all: every
 * report but the pipeline was 93–130 cells wide on the bundled example.
 */
export function outputWidth(): number | undefined {
  const set = Number(process.env.COLUMNS);
  const width = Number.isInteger(set) && set > 0 ? set : process.stdout.isTTY ? process.stdout.columns : undefined;
  return width ? Math.max(NARROWEST_OUTPUT, width) : undefined;
}

export function pad(text: string, width: number, align: 'l' | 'r' = 'l'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return align === 'r' ? fill + text : text + fill;
}

/**
 * A rounded box with a title, like a dashboard panel, no wider than outputWidth(): a longer
 * line is wrapped between words inside the box (tables come in fitted by columns()), a
 * longer title cut.
 */
export function box(title: string, lines: readonly string[]): string {
  const limit = outputWidth();
  const room = limit === undefined ? Infinity : limit - BOX_FRAME;
  // The top line is `╭─ ` title ` ─…╮`: the title takes at most the room less 4 cells.
  const shown = limit === undefined ? title : truncate(title, limit - BOX_FRAME - 5);
  const body = lines.flatMap((l) => (visibleLength(l) > room ? wrapCell(l, room) : [l]));
  const width = Math.max(visibleLength(shown) + 4, ...body.map(visibleLength)) + 2;
  const top = `╭─ ${pc.bold(shown)} ${'─'.repeat(Math.max(0, width - visibleLength(shown) - 3))}╮`;
  return [top, ...body.map((l) => `│ ${pad(l, width - 2)} │`), `╰${'─'.repeat(width)}╯`].join('\n');
}

/** How columns() may fit a table into outputWidth(). */
export interface ColumnFit {
  /** The column to wrap; by default the widest left-aligned column of words. */
  wrap?: number;
  /** The first row names the columns: a table that cannot fit is then laid out a record at a time (stacked()). */
  headed?: boolean;
  /** In that layout, the column that heads each record (by default the first). */
  heading?: number;
}

/**
 * Aligned columns; `align` per column. When the rows are wider than outputWidth() leaves
 * inside a box, one column of words is narrowed and its cells wrapped onto lines of their
 * own below the row, so that nothing is cut and the other columns stay aligned. A headed
 * table still too wide (ten columns of figures) is laid out a record at a time.
 */
export function columns(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[], fit: ColumnFit = {}): string[] {
  // A value from a user's file may hold line breaks (a quoted CSV field): one line per row.
  rows = rows.map((r) => r.map((c) => c.replace(/\s*[\r\n]+\s*/g, ' ')));
  const widths = align.map((_, i) => Math.max(...rows.map((r) => visibleLength(r[i] ?? ''))));
  const limit = outputWidth();
  const room = limit === undefined ? Infinity : limit - BOX_FRAME;
  const tableWidth = (): number => widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
  const narrowed = fit.wrap ?? widestColumnOfWords(rows, widths, align);
  if (tableWidth() > room && narrowed !== undefined) {
    widths[narrowed] = Math.max(Math.min(NARROWEST_WRAPPED_COLUMN, widths[narrowed]!), widths[narrowed]! - (tableWidth() - room));
  }
  if (tableWidth() > room && fit.headed && rows.length > 1) return stacked(rows, room, fit.heading ?? 0);
  return rows.flatMap((r) => {
    const cells = align.map((_, i) => {
      const text = r[i] ?? '';
      return i === narrowed && visibleLength(text) > widths[i]! ? wrapCell(text, widths[i]!) : [text];
    });
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, line) => cells.map((c, i) => pad(c[line] ?? '', widths[i]!, align[i])).join(' '.repeat(GAP)).trimEnd());
  });
}

/**
 * A headed table a record at a time: each row's heading cell on a line, then its other
 * named cells as `name value` pairs joined by ` · `, broken between pairs and indented. A
 * table of ten figures cut or wrapped column by column was no longer readable at 80 cells.
 */
function stacked(rows: readonly (readonly string[])[], room: number, heading: number): string[] {
  const [header = [], ...records] = rows;
  const indent = '  ';
  return records.flatMap((record) => {
    const pairs = record.flatMap((value, i) => {
      const name = withoutColour(header[i] ?? '');
      // A column without a name is a bar drawing the figures beside it: left out.
      return i !== heading && name && withoutColour(value).trim() ? [`${name} ${value}`] : [];
    });
    const lines: string[] = [];
    let line = '';
    for (const pair of pairs) {
      const joined = line ? `${line} · ${pair}` : pair;
      if (visibleLength(indent + joined) <= room) {
        line = joined;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      const parts = visibleLength(indent + pair) <= room ? [pair] : wrapCell(pair, room - indent.length);
      lines.push(...parts.slice(0, -1));
      line = parts.at(-1)!;
    }
    if (line) lines.push(line);
    return [...wrapCell(record[heading] ?? '', room), ...lines.map((l) => indent + l)];
  });
}

/** The left-aligned column that is widest among those holding words (a bar or an id is never broken). */
function widestColumnOfWords(rows: readonly (readonly string[])[], widths: readonly number[], align: readonly ('l' | 'r')[]): number | undefined {
  let widest: number | undefined;
  align.forEach((a, i) => {
    if (a !== 'l' || !rows.some((r) => /\S\s+\S/.test(withoutColour(r[i] ?? '')))) return;
    if (widest === undefined || widths[i]! > widths[widest]!) widest = i;
  });
  return widest;
}

/**
 * A cell's text wrapped to `width` cells. A cell coloured whole keeps its colour on every
 * line; one with colours inside is wrapped as plain text, since a colour opened on one
 * line and closed on the next would run into the box's border.
 */
function wrapCell(text: string, width: number): string[] {
  const [, open = '', inner = '', close = ''] = STYLED.exec(text) ?? [];
  if (withoutColour(inner) === inner) return wrapText(inner, width).map((line) => `${open}${line}${close}`);
  return wrapText(withoutColour(text), width);
}

/** A horizontal bar scaled to `max`, `width` cells wide. */
export function bar(value: number, max: number, width = 20): string {
  const cells = max > 0 ? Math.round((value / max) * width) : 0;
  return pc.cyan('█'.repeat(cells)) + pc.dim('░'.repeat(width - cells));
}
