/**
 * The value at a path of keys inside parsed data (`['actions', 2, 'status']`), or undefined
 * where the path leaves the objects. zod issues and the schemas' field lists give paths in
 * this form; validation, the MCP argument checks and stage advancement all read the value an
 * issue names.
 */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
