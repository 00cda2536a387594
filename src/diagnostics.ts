/** One problem found in the workspace, pointing at a file, a line and a column (1-based). */
export interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  rule: string;
  /** For a schema error, the offending field as a data path (`contact.email`, `actions[2].status`). */
  field?: string;
}

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

export function diagnostic(
  path: string,
  position: Position,
  severity: Diagnostic['severity'],
  rule: string,
  message: string,
): Diagnostic {
  return { path, line: position.line, column: position.column, severity, message, rule };
}

/** `path:line:col severity message (rule)` — the format editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.path}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
