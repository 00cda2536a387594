/**
 * js-yaml (inside gray-matter) turns an unquoted `2026-03-01` into a Date while the
 * `yaml` package keeps it a string. Schemas see one shape: dates become ISO strings,
 * `YYYY-MM-DD` when the value has no time of day.
 */
export function normalizeYamlValue(value: unknown): unknown {
  if (value instanceof Date) return formatYamlDate(value);
  if (Array.isArray(value)) return value.map(normalizeYamlValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = normalizeYamlValue(inner);
    return out;
  }
  return value;
}

function formatYamlDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return String(date);
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
