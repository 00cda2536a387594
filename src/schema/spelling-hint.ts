import type * as z from 'zod';
import { nearestWord } from './misspelt-keys.js';

/**
 * An allowed value written in another case or with other separators (`strategic_value:
 * High`, `decision: qualify`, `outcome: Closed Won`, `source: Inbound`): values are written
 * as the schema lists them, and "expected one of high, medium, low (got "High")" made the
 * person look twice for the difference. Names the spelling to write, when exactly one value
 * matches; else the one value that has the word written (`outcome: won`: closed-won); else
 * the value another word stands for (`status: done`: completed); else the value one or two slips away (`win_rte`), when there is one. One place for every
 * enum: a file's field, a list's column, a command's option.
 */
export function spellingHint(value: string, options: readonly string[]): string {
  const loose = (text: string): string => text.toLowerCase().replace(/[\s_-]+/g, '');
  const matches = options.filter((option) => loose(option) === loose(value));
  if (matches.length === 1) return ` — write ${value.trim()} as ${matches[0]}`;
  // A value written as the one word that tells it apart (`outcome: won` for closed-won).
  const words = (text: string): string[] => text.toLowerCase().split(/[\s_-]+/);
  const wordOf = options.filter((option) => words(option).includes(loose(value)) && loose(value) !== '');
  if (wordOf.length === 1) return ` — did you mean ${wordOf[0]}?`;
  // Another word for the value (`status: done`), where the field has that value.
  const meant = SAID_FOR[loose(value)];
  if (meant !== undefined && options.includes(meant)) return ` — did you mean ${meant}?`;
  // One or two slips from a value (`win_rte`, `compelted`): named as a misspelt key is.
  const near = nearestWord(value.trim(), options);
  return near === undefined ? '' : ` — did you mean ${near}?`;
}

/**
 * The words people write for an allowed value, none of them a slip of it: a step `done`, a
 * decision `go`, a validation `confirmed`. `status: done` was "expected one of pending,
 * in_progress, completed, blocked, cancelled" with no hint, on the first step a person
 * ticked off. Keyed as `loose` writes them; named only where the field allows the value.
 */
const SAID_FOR: Readonly<Record<string, string>> = {
  done: 'completed',
  finished: 'completed',
  todo: 'pending',
  notstarted: 'pending',
  planned: 'pending',
  started: 'in_progress',
  ongoing: 'in_progress',
  doing: 'in_progress',
  wip: 'in_progress',
  skipped: 'cancelled',
  dropped: 'cancelled',
  go: 'QUALIFY',
  nogo: 'REJECT',
  postponed: 'DEFER',
  later: 'DEFER',
  confirmed: 'validated',
  proven: 'validated',
  disproven: 'invalidated',
  refuted: 'invalidated',
  partly: 'partial',
  partially: 'partial',
  mixed: 'partial',
};

/**
 * The fixed values an issue's field allows: an enum's, or those of the enums among a union's
 * alternatives (`source`: inbound, outbound, … or campaign:{id}), which zod reports as the
 * union's failure with each alternative's own issue — an enum in a union got no hint.
 */
export function allowedValues(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'invalid_value') return issue.values.filter((option): option is string => typeof option === 'string');
  if (issue.code !== 'invalid_union') return [];
  return issue.errors.flatMap((branch) => branch.filter((inner) => inner.path.length === 0).flatMap(allowedValues));
}

/** A path written with `\` as it is written in a workspace: with `/`, and no `/` at the end. */
export function withForwardSlashes(path: string): string {
  return path.replace(/\\+/g, '/').replace(/\/+$/, '');
}
