import { MAX_ALIAS_EXPANSION, MAX_YAML_DEPTH } from './limits.js';

/**
 * What aliases did to a parsed value. js-yaml hands back an aliased collection as the
 * same object each time it is named (`b: [*a, *a]` holds `a` twice), so a small text can
 * stand for an enormous tree (a "billion laughs" document) or even a cycle (`a: &a [*a]`).
 */
export type AliasShape =
  | { problem: undefined; shared: boolean; added: number }
  | { problem: 'cycle' | 'expansion' | 'depth'; shared: boolean; added: number };

interface Measure {
  size: number;
  height: number;
}

const BUSY: Measure = { size: Number.NaN, height: Number.NaN };

/**
 * Measures the tree a parsed value stands for without expanding it: how many values the
 * repeated (aliased) objects add, and how deep the expanded tree is. Stops at the first
 * limit passed, so a bomb costs only as much as its text: each distinct object is
 * visited once, and recursion never goes deeper than `maxDepth`.
 */
export function measureAliases(value: unknown, maxAdded = MAX_ALIAS_EXPANSION, maxDepth = MAX_YAML_DEPTH): AliasShape {
  const memo = new Map<object, Measure>();
  let shared = false;
  let added = 0;
  let problem: AliasShape['problem'];
  const walk = (node: unknown, level: number): Measure | undefined => {
    if (node === null || typeof node !== 'object') {
      if (level <= maxDepth) return { size: 1, height: 1 };
      problem = 'depth';
      return undefined;
    }
    const known = memo.get(node);
    if (known === BUSY) {
      problem = 'cycle';
      return undefined;
    }
    if (known) {
      shared = true;
      added += known.size;
      if (added > maxAdded) problem = 'expansion';
      else if (level + known.height - 1 > maxDepth) problem = 'depth';
      return problem ? undefined : known;
    }
    if (level > maxDepth) {
      problem = 'depth';
      return undefined;
    }
    memo.set(node, BUSY);
    let size = 1;
    let height = 1;
    for (const inner of Array.isArray(node) ? node : Object.values(node)) {
      const m = walk(inner, level + 1);
      if (!m) return undefined;
      size += m.size;
      if (m.height + 1 > height) height = m.height + 1;
    }
    const measure = { size, height };
    memo.set(node, measure);
    return measure;
  };
  walk(value, 1);
  return { problem, shared, added } as AliasShape;
}

/**
 * Copies a parsed value into a plain tree: an object named by several aliases becomes
 * a copy at each place, as in the text, so no two places share (and mutate) one object.
 * A `Date` (which the YAML 1.2 core schema never produces, but a YAML 1.1 reader did
 * for an unquoted `2026-03-01`) becomes its ISO string, `YYYY-MM-DD` without a time of
 * day. Call only on a value `measureAliases` passed: the copy is as large as the tree.
 */
export function normalizeYamlValue(value: unknown): unknown {
  if (value instanceof Date) return formatYamlDate(value);
  if (Array.isArray(value)) return value.map(normalizeYamlValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      // A `__proto__` key is data, as js-yaml keeps it, not the copy's prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: normalizeYamlValue(inner), enumerable: true, writable: true, configurable: true });
      else out[key] = normalizeYamlValue(inner);
    }
    return out;
  }
  return value;
}

function formatYamlDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return String(date);
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
