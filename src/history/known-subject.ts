import { ThreadworkError } from '../errors.js';
import { goalIdSchema } from '../schema/common.js';
import { LAYOUT } from '../workspace/layout.js';
import { assumptionsOf, type WorkspaceModel } from '../workspace/model.js';

/**
 * Refuses an assumption or goal id the workspace does not define, for a history that
 * found no commit naming it: "No recorded changes" would read as "nothing happened to
 * it" when the id is a typo. An id with recorded changes is shown even once removed
 * from the canvas or goals/, so this is asked only when there are none.
 */
export function requireKnownSubject(model: WorkspaceModel, subject: string): void {
  if (subject.startsWith('g-')) {
    const known = goalIds(model);
    if (known.includes(subject)) return;
    throw new ThreadworkError(`Unknown goal ${JSON.stringify(subject)}: expected ${known.length ? `one of ${known.join(', ')}` : `a goal in ${LAYOUT.goals}/ (none are defined)`}; no threadwork commit names it either`, 'unknown-goal', { goal: subject, known });
  }
  const known = assumptionsOf(model).map((a) => a.id);
  if (known.includes(subject)) return;
  throw new ThreadworkError(
    `Unknown assumption ${JSON.stringify(subject)}: expected ${known.length ? `one of ${known.join(', ')}` : `an assumption in ${LAYOUT.canvas}/10-assumptions.md (none are defined)`}; no threadwork commit names it either`,
    'unknown-assumption',
    { assumption: subject, known },
  );
}

/**
 * An unknown thread whose name is an assumption or goal id in another case (`a1` for A1,
 * `G-First-Customers` for g-first-customers): ids are case-sensitive, so history read it
 * as a thread; the error says which id was meant (and `meant` carries it).
 */
export function withMeantSubject(model: WorkspaceModel, subject: string, error: ThreadworkError): ThreadworkError {
  const lower = subject.toLowerCase();
  const assumption = assumptionsOf(model).find((a) => a.id.toLowerCase() === lower)?.id;
  const goal = assumption === undefined ? goalIds(model).find((id) => id.toLowerCase() === lower) : undefined;
  const meant = assumption ?? goal;
  if (meant === undefined || meant === subject) return error;
  const what = assumption !== undefined ? 'assumption' : 'goal';
  return new ThreadworkError(`${error.message}; did you mean the ${what} ${meant}? Ids are case-sensitive: \`threadwork history ${meant}\``, error.code, { ...error.details, meant });
}

/** The goals by their files' names, those that are goal ids: `goals/G-Fintech.md` is no goal a command can be pointed at, so is never offered as one. */
function goalIds(model: WorkspaceModel): string[] {
  return [...model.goals.keys()].filter((id) => goalIdSchema.safeParse(id).success).sort();
}
