import type { RuleId, Severity } from './diagnostics-catalog.js';

export type { RuleId } from './diagnostics-catalog.js';

/**
 * One problem found in the workspace, pointing at a file and a range in it. Lines and
 * columns are 1-based; the end is exclusive (the position just after the offending text,
 * as in unist/vfile-message), and equals the start when only a point is known.
 */
export interface Diagnostic {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  message: string;
  /** One of the rules in src/diagnostics-catalog.ts (docs/rules.md). */
  rule: RuleId;
  /** For a rule that points at a key: the offending field as a data path (`contact.email`, `actions[2].status`). */
  field?: string;
}

export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  /** Exclusive. */
  end: Position;
}

export const START: Position = { line: 1, column: 1 };

/** How a broken file's `derived-held` warning ends: what releases the hold (strategy/icp-conflict.ts says it anew for a generated ICP file). */
export const HELD_FILE_ADVICE = 'Fix the file to release the hold; threadwork will not commit it while it is broken';

/** The 1-based line and column of a 0-based offset into `text`. */
export function positionAtOffset(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** A character named as Unicode names it in a message: `U+0007`. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Whether `text` holds a C0 or C1 control character (a line break, a tab, an escape code): no id, name or path argument does. */
export function hasControlCharacter(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(text);
}

/**
 * Why an argument with control characters is refused, each one named once, in the order
 * met: "it contains control characters (U+000A, U+0009)". A line break pasted at the end of
 * an id, or a terminal's escape code, cannot be seen in the echoed value; the code point
 * says which character to look for.
 */
export function controlCharactersIn(text: string): string {
  const found = [...new Set(text.match(CONTROL_CHARACTERS) ?? [])];
  return `it contains control characters (${found.map((c) => codePointLabel(c.codePointAt(0)!)).join(', ')})`;
}

export function isRange(at: Position | Range): at is Range {
  return 'start' in at;
}

/**
 * A diagnostic at a point or over a range. `field` names the key it points at, when it
 * points at one.
 */
export function diagnostic(
  path: string,
  at: Position | Range,
  severity: Diagnostic['severity'],
  rule: RuleId,
  message: string,
  field?: string,
): Diagnostic {
  const { start, end } = isRange(at) ? at : { start: at, end: at };
  const found: Diagnostic = { path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity, message, rule };
  if (field !== undefined && field !== '') found.field = field;
  return found;
}

/** `path:line:col severity message (rule)` — the format editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.path)}:${d.line}:${d.column} ${d.severity} ${printable(d.message)} (${d.rule})`;
}

/**
 * Text for a `path:line:col` line: each control character (a newline, a terminal's escape
 * code in a folder name) written escaped, as JSON writes it — a diagnostic stays one line,
 * and a terminal is never sent an escape code from a file or folder name.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what it escapes
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column;
}

/** Each diagnostic once, in the order first given: two judgements of one file may find the same problem. */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = formatDiagnostic(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
