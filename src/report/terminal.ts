import pc from 'picocolors';

import { visibleLength } from '../text-width.js';

export function pad(text: string, width: number, align: 'l' | 'r' = 'l'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return align === 'r' ? fill + text : text + fill;
}

/** A rounded box with a title, like a dashboard panel. */
export function box(title: string, lines: readonly string[]): string {
  const width = Math.max(visibleLength(title) + 4, ...lines.map(visibleLength)) + 2;
  const top = `╭─ ${pc.bold(title)} ${'─'.repeat(Math.max(0, width - visibleLength(title) - 3))}╮`;
  const body = lines.map((l) => `│ ${pad(l, width - 2)} │`);
  return [top, ...body, `╰${'─'.repeat(width)}╯`].join('\n');
}

/** Aligned columns; `align` per column. */
export function columns(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[]): string[] {
  // A value from a user's file may hold line breaks (a quoted CSV field): one line per row.
  rows = rows.map((r) => r.map((c) => c.replace(/\s*[\r\n]+\s*/g, ' ')));
  const widths = align.map((_, i) => Math.max(...rows.map((r) => visibleLength(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => pad(c, widths[i]!, align[i])).join('  ').trimEnd());
}

/** A horizontal bar scaled to `max`, `width` cells wide. */
export function bar(value: number, max: number, width = 20): string {
  const cells = max > 0 ? Math.round((value / max) * width) : 0;
  return pc.cyan('█'.repeat(cells)) + pc.dim('░'.repeat(width - cells));
}
