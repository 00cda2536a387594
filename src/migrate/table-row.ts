/**
 * The cells of a Markdown table row, read as GitHub-flavoured Markdown does: `\|` is a
 * pipe inside a cell, not a column break (`X \| Y Labs` is one company). A pipe inside an
 * inline code span does not break the cell either: a value written in backticks is one
 * value. Splitting on every `|` shifted the columns and wrote one cell's half in the next
 * column's field.
 */
export function tableCells(row: string): string[] {
  const trimmed = row.trim();
  const cells: string[] = [];
  let cell = '';
  let i = 0;
  while (i < trimmed.length) {
    const char = trimmed[i]!;
    if (char === '\\' && trimmed[i + 1] === '|') {
      cell += '|';
      i += 2;
    } else if (char === '`') {
      const span = codeSpan(trimmed, i);
      cell += span.replace(/\\\|/g, '|');
      i += span.length;
    } else if (char === '|') {
      cells.push(cell);
      cell = '';
      i += 1;
    } else {
      cell += char;
      i += 1;
    }
  }
  cells.push(cell);
  // The pipes that open and close the row bound it: they make no empty first or last cell.
  if (trimmed.startsWith('|')) cells.shift();
  if (cells.length > 0 && endsWithBreak(trimmed)) cells.pop();
  return cells.map((c) => c.trim());
}

/** The code span opening at `start` (a run of backticks up to the same run), or the run alone when nothing closes it. */
function codeSpan(text: string, start: number): string {
  const fence = /^`+/.exec(text.slice(start))![0];
  const close = text.indexOf(fence, start + fence.length);
  return close === -1 ? fence : text.slice(start, close + fence.length);
}

/** Whether the row ends with a column break: a final `|` not escaped by a backslash. */
function endsWithBreak(row: string): boolean {
  if (!row.endsWith('|') || row.length < 2) return row === '|';
  const backslashes = /\\*$/.exec(row.slice(0, -1))![0].length;
  return backslashes % 2 === 0;
}
