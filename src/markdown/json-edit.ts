/**
 * Sets or removes top-level keys of a JSON object file, keeping the person's key order,
 * indentation and final newline. Existing keys keep their place; new keys are appended.
 */
export function updateJsonObject(text: string, fields: Record<string, unknown>): string {
  // A byte-order mark some editors write is kept, and kept out of the parser's way.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  if (bom) return bom + updateJsonObject(text.slice(1), fields);
  const data = JSON.parse(text) as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) delete data[key];
    else data[key] = value;
  }
  // A one-line file stays on one line; otherwise reuse the file's own indentation.
  const compact = !text.trim().includes('\n');
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = compact ? JSON.stringify(data) : JSON.stringify(data, null, indent).split('\n').join(eol);
  return text.endsWith('\n') || text.length === 0 ? `${body}${eol}` : body;
}
