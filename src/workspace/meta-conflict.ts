import { isDeepStrictEqual } from 'node:util';
import { conflictSides } from '../markdown/conflict-markers.js';
import { DERIVED_META_FIELDS } from '../schema/meta.js';

/**
 * What a merge conflict in a thread's meta.json is over, in words for its message. Two people
 * who touched one deal conflict there on what each sync derived (stage, status, dates and
 * scores) next to what a person wrote (title, created, goal): only the latter needs a choice,
 * and the plain "keep the lines you want" left the person to guess which values matter. Empty
 * when the two sides cannot both be read as JSON (the plain message is all there is to say).
 */
export function metaConflictAdvice(text: string): string {
  const sides = conflictSides(text);
  const ours = sides && readObject(sides.ours);
  const theirs = sides && readObject(sides.theirs);
  if (!ours || !theirs) return '';
  const differing = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].filter((key) => !isDeepStrictEqual(ours[key], theirs[key]));
  const derived = differing.filter((key) => DERIVED_META_FIELDS.has(key));
  const written = differing.filter((key) => !DERIVED_META_FIELDS.has(key));
  const names = (keys: string[]): string => keys.map((key) => `\`${key}\``).join(', ');
  const value = (side: Record<string, unknown>, key: string): string => (key in side ? `\`${JSON.stringify(side[key])}\`` : 'none');
  const choose = written.map((key) => `\`${key}\` (${value(ours, key)} above the \`=======\`, ${value(theirs, key)} below)`).join(', ');
  if (written.length === 0 && derived.length > 0) return `; only derived values differ (${names(derived)}), which sync recomputes from the stage files: keep either side's lines, delete the three marker lines and run \`threadwork sync\``;
  if (derived.length === 0) return choose ? `; the sides differ in ${choose}` : '';
  return `; choose ${choose}; ${names(derived)} ${derived.length > 1 ? 'are' : 'is'} derived — either side's value will do, sync recomputes ${derived.length > 1 ? 'them' : 'it'}`;
}

function readObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
