import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { YamlLocator } from '../markdown/locate.js';

/**
 * Validates parsed data against its schema and maps each zod issue to the line and
 * column of the offending key or value. The locator is built only when there is an
 * issue: positions cost a second parse, and almost every file has none.
 */
export function validateData<T extends z.ZodType>(
  schema: T,
  data: unknown,
  path: string,
  makeLocator: () => YamlLocator,
): { value: z.output<T> | undefined; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, diagnostics: [] };
  const locator = makeLocator();
  const diagnostics = result.error.issues.map((issue) => {
    return diagnostic(path, locator.locateRange(issue.path), 'error', 'schema', describeIssue(issue, data), formatDataPath(issue.path));
  });
  return { value: undefined, diagnostics };
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = issue.path.length ? `\`${formatDataPath(issue.path)}\`` : 'front matter';
  const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
  if (missing) return `Missing ${where}: ${issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')}`;
  const got = issue.code === 'invalid_type' ? '' : ` (got ${preview(valueAt(data, issue.path))})`;
  return `Invalid ${where}: ${issue.message.replace(/^Invalid input: /, '')}${got}`;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export function formatDataPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
