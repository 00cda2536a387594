import { isDeepStrictEqual } from 'node:util';
import { conflictSides } from '../markdown/conflict-markers.js';
import { DERIVED_META_FIELDS } from '../schema/meta.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import { setFrontMatterFields } from '../markdown/front-matter-edit.js';

/** What the two sides of a meta.json git left conflicted differ in, each side read as JSON. */
interface MetaConflict {
  /** The side above the `=======` (with the lines git merged around the conflicts), as text. */
  oursText: string;
  ours: Record<string, unknown>;
  theirs: Record<string, unknown>;
  /** Differing fields sync derives from the stage files (DERIVED_META_FIELDS). */
  derived: string[];
  /** Differing fields a person wrote. */
  written: string[];
}

function metaConflict(text: string): MetaConflict | undefined {
  const sides = conflictSides(text);
  const ours = sides && readObject(sides.ours);
  const theirs = sides && readObject(sides.theirs);
  if (!ours || !theirs) return undefined;
  const differing = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].filter((key) => !isDeepStrictEqual(ours[key], theirs[key]));
  return { oursText: sides.ours, ours, theirs, derived: differing.filter((key) => DERIVED_META_FIELDS.has(key)), written: differing.filter((key) => !DERIVED_META_FIELDS.has(key)) };
}

const names = (keys: readonly string[]): string => keys.map((key) => `\`${key}\``).join(', ');

/**
 * A meta.json conflict whose sides differ only in fields sync derives — two people who each
 * moved the same deal and synced — has no version to choose: the file is read as the side
 * above the `=======` (every field a person wrote is the same on both) and sync writes the
 * derived fields anew into it. Undefined when a written field differs too, or a side is no JSON.
 */
export function derivedOnlyMetaConflict(text: string): { oursText: string; derived: string[] } | undefined {
  const conflict = metaConflict(text);
  return conflict && conflict.written.length === 0 && conflict.derived.length > 0 ? { oursText: conflict.oursText, derived: conflict.derived } : undefined;
}

/**
 * A content thread's meta.json both sides of a merge opened for the same event on different
 * days: sync opened `threads/marketing/{id}-…` (titled `Proof: …`) on each, so the sides differ
 * in the `created` each sync wrote, besides what sync derives. One thread, opened on the earlier
 * day: read as that side (`readAs`), its derived fields written anew. Undefined for any other
 * thread — a deal's `created` corrected by hand is a person's choice — or another written field differing.
 */
export function openedTwiceMetaConflict(text: string): { readAs: string; created: string; later: string } | undefined {
  const conflict = metaConflict(text);
  const sides = conflictSides(text);
  if (!conflict || !sides || conflict.written.length !== 1 || conflict.written[0] !== 'created') return undefined;
  const { ours, theirs } = conflict;
  if (typeof ours.title !== 'string' || !ours.title.startsWith('Proof: ') || ours.type !== 'marketing') return undefined;
  const [mine, other] = [ours.created, theirs.created];
  if (typeof mine !== 'string' || typeof other !== 'string' || !ISO_DAY.test(mine) || !ISO_DAY.test(other)) return undefined;
  return mine <= other ? { readAs: sides.ours, created: mine, later: other } : { readAs: sides.theirs, created: other, later: mine };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The warning's words for an openedTwiceMetaConflict. */
export function openedTwiceMetaWords(opened: { created: string; later: string }): string {
  return `both sides opened this content thread for the same event, on different days (\`created\` ${opened.created} and ${opened.later}): one thread, opened on the earlier day — \`threadwork sync\` writes meta.json with \`created\` ${opened.created}, its derived fields computed from the merged threads`;
}

/** The side of a conflicted meta.json sync writes the derived fields into: the one the file is read as. */
export function metaSideToWrite(text: string): string | undefined {
  return openedTwiceMetaConflict(text)?.readAs ?? conflictSides(text)?.ours;
}

/** The warning's words for a derivedOnlyMetaConflict: which fields, and what sync does with them. */
export function derivedMetaConflictWords(derived: readonly string[]): string {
  return `the sides differ only in ${names(derived)}, which threadwork derives from the stage files: no version to choose — \`threadwork sync\` writes meta.json anew with ${derived.length > 1 ? 'them' : 'it'} computed from the merged threads, keeping every field a person wrote`;
}

/**
 * What a merge conflict in a thread's meta.json is over, in words for its message. Two people
 * who touched one deal conflict there on what each sync derived (stage, status, dates and
 * scores) next to what a person wrote (title, created, goal): only the latter needs a choice,
 * and the plain "keep the lines you want" left the person to guess which values matter. Empty
 * when the two sides cannot both be read as JSON (the plain message is all there is to say).
 */
export function metaConflictAdvice(text: string): string {
  const conflict = metaConflict(text);
  if (!conflict) return '';
  const { ours, theirs, derived, written } = conflict;
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

/**
 * A content thread's `1-input.md` two clones both opened for the same event: each validated the
 * same assumption and synced, so each sync opened `threads/marketing/{id}-{statement}/` (the
 * same folder: its name is the assumption's) citing the evidence it had. git adds the two
 * files as one and stops on their `sources:` lists — one thread, for one event, whose two
 * versions differ only in which deals each side had heard of. When nothing else differs (the
 * other fields and the body alike) but the `date` each sync opened it on, it is that thread
 * opened twice: its text is the earlier side's (ours on the same day) with the sources of both. Undefined otherwise (a person's edit on either side is theirs to merge).
 */
export function openedTwiceConflict(text: string): { merged: string; sources: string[]; opened?: string } | undefined {
  const sides = conflictSides(text);
  if (!sides) return undefined;
  const ours = parseFrontMatter(sides.ours);
  const theirs = parseFrontMatter(sides.theirs);
  const mine = ours.data as Record<string, unknown> | undefined;
  const other = theirs.data as Record<string, unknown> | undefined;
  if (!mine || !other || ours.errors?.length || theirs.errors?.length) return undefined;
  if (sides.ours.slice(ours.bodyOffset) !== sides.theirs.slice(theirs.bodyOffset)) return undefined;
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(other)])];
  // Opened on different days, each sync wrote its own `date`: the thread was opened on the earlier.
  if (keys.some((key) => key !== 'sources' && key !== 'date' && !isDeepStrictEqual(mine[key], other[key]))) return undefined;
  const dates = [mine.date, other.date];
  if (!isDeepStrictEqual(dates[0], dates[1]) && !dates.every((date) => typeof date === 'string' && ISO_DAY.test(date))) return undefined;
  const lists = [mine.sources, other.sources];
  if (!lists.every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string'))) return undefined;
  const sources = [...new Set((lists as string[][]).flat())].sort();
  const differ = !isDeepStrictEqual(dates[0], dates[1]);
  const earlier = differ && (dates[1] as string) < (dates[0] as string) ? sides.theirs : sides.ours;
  return { merged: setFrontMatterFields(earlier, { sources }), sources, ...(differ ? { opened: [dates[0] as string, dates[1] as string].sort()[0]! } : {}) };
}

/** The warning's words for an openedTwiceConflict. */
export function openedTwiceWords(sources: readonly string[], opened?: string): string {
  const days = opened ? ` and the \`date\` each opened it on` : '';
  const kept = opened ? `, opened on the earlier day (${opened})` : '';
  return `both sides opened this content thread for the same event, differing only in the \`sources\` each had (${sources.length} in all)${days}: no version to choose — \`threadwork sync\` writes it with the sources of both${kept}`;
}
