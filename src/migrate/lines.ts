/**
 * The lines of a stage file's prose as the LeanOS method writes them: headings, labelled
 * lines (`Initial confidence: 60%`, `- **Contact:** Sarah Chen, CTO`), list items and
 * table rows. Code fences, HTML comments and managed blocks are skipped: what is in them
 * is not the thread's own statement. Pure: text in, lines out.
 */

import { tableCells } from './table-row.js';

export type ProseLine =
  | { kind: 'heading'; line: number; text: string; level: number; title: string }
  /** `Label: value`; an empty value makes it a caption for what follows (`Hypothesis validation:`). */
  | { kind: 'labelled'; line: number; text: string; label: string; value: string; item: boolean }
  | { kind: 'item'; line: number; text: string; value: string }
  | { kind: 'row'; line: number; text: string; cells: string[] }
  | { kind: 'paragraph'; line: number; text: string }
  | { kind: 'blank'; line: number; text: string };

const LIST = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+/;
/** `**Label:** value`, `**Label**: value`, `Label: value` — a label of at most eight words. */
const LABELLED = /^(\*\*|__)?([\p{L}\p{N}][^:*|\n]{0,60}?)\s*(?::\s*\1|\1\s*:)(?:\s+(.*))?$/u;
const MAX_LABEL_WORDS = 8;

/** Splits text (a whole stage file without front matter) into lines numbered from `firstLine`. */
export function proseLines(text: string, firstLine = 1): ProseLine[] {
  const out: ProseLine[] = [];
  let fence: string | null = null;
  let comment = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = firstLine + i;
    const text = raw.replace(/^\uFEFF/, '');
    const trimmed = text.trim();
    if (fence !== null) {
      if (trimmed.startsWith(fence)) fence = null;
      return;
    }
    if (comment) {
      if (trimmed.includes('-->')) comment = false;
      return;
    }
    const opening = /^(`{3,}|~{3,})/.exec(trimmed);
    if (opening) {
      fence = opening[1]!;
      return;
    }
    if (trimmed.startsWith('<!--')) {
      comment = !trimmed.includes('-->');
      return;
    }
    if (trimmed === '') return void out.push({ kind: 'blank', line, text });
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(trimmed);
    if (heading) return void out.push({ kind: 'heading', line, text, level: heading[1]!.length, title: heading[2]! });
    if (trimmed.startsWith('|')) {
      return void out.push({ kind: 'row', line, text, cells: tableCells(trimmed) });
    }
    const item = LIST.test(text);
    const rest = text.replace(LIST, '').trim();
    const labelled = LABELLED.exec(rest);
    if (labelled && labelled[2]!.trim().split(/\s+/).length <= MAX_LABEL_WORDS) {
      return void out.push({ kind: 'labelled', line, text, label: labelled[2]!.trim(), value: (labelled[3] ?? '').trim(), item });
    }
    if (item) return void out.push({ kind: 'item', line, text, value: rest });
    out.push({ kind: 'paragraph', line, text });
  });
  return out;
}

/** A label as a lookup key: `**Initial Confidence**` → `initial confidence`, `arr_potential` → `arr potential`. */
export function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[_*`]+/g, ' ')
    .replace(/\(s\)/g, 's')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
