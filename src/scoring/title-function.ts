/**
 * A title read as a level and a function: `VP, Finance`, `Head of Finance`, `Finance
 * Director` and `CFO` all lead finance, at different levels. Keywords alone gave a persona
 * `CFO` nothing for any of them (no word in common), and a persona `VP Finance` the same
 * 0.4 for its `Finance Director` as for a `Finance Analyst` or a `VP Sales`.
 *
 * Only the leaders of a function are compared so (director, VP, C-level: `Head of` reads as
 * director): a `Finance Analyst` or a `Finance Manager` is in the function but does not lead
 * it, and is left to the keyword match. A chief title names its function (`CFO` → finance).
 */

import { seniorityOf, type Seniority } from './seniority.js';

/** The levels that lead a function, from the top. */
const LEADER_LEVEL: Partial<Record<Seniority, number>> = { 'c-level': 3, vp: 2, director: 1 };

/** The function a chief title names, in the word a title spells it with. */
const CHIEF_FUNCTION: Record<string, string> = { cfo: 'finance', cto: 'technology', coo: 'operations', cmo: 'marketing', cio: 'it', cro: 'sales', cpo: 'product', ciso: 'security', chro: 'hr' };

/** Words that name one function (`Financial` is finance, `Engineering` the CTO's). */
const SAME_FUNCTION: Record<string, string> = { financial: 'finance', engineering: 'technology', tech: 'technology', revenue: 'sales', people: 'hr' };

/** Words that say a level or dress a title, not what function it leads. */
const LEVEL_WORDS = new Set(['vp', 'svp', 'evp', 'avp', 'director', 'head', 'chief', 'officer', 'senior', 'executive', 'global', 'group', 'regional', 'deputy', 'associate', 'assistant', 'interim', 'acting', 'president', 'lead', 'leader', 'founder', 'cofounder', 'co', 'directeur', 'fundador', 'cofundador', 'fondateur', 'cofondateur']);

/**
 * Titles of the company's leader, or chief titles that name no one function (`CSO`: sales,
 * strategy or security); `general` of a Spanish `Director General` or French `Directeur
 * général`, the chief executive, leads no function called "general".
 */
const COMPANY_LEADER_WORDS = new Set(['ceo', 'cso', 'cdo', 'cco', 'managing', 'partner', 'owner', 'general', 'gerente', 'gerant', 'consejero', 'delegado', 'pdg']);

export interface LeadingTitle {
  level: number;
  functions: ReadonlySet<string>;
}

/** A title's level and the functions it leads; undefined when it leads none (an analyst, a manager, a CEO, whose role is the whole company). */
export function leadingTitle(title: string, keywords: ReadonlySet<string>): LeadingTitle | undefined {
  const seniority = seniorityOf(title);
  const level = seniority === undefined ? undefined : LEADER_LEVEL[seniority];
  if (level === undefined) return undefined;
  const functions = new Set<string>();
  for (const word of keywords) {
    const fn = CHIEF_FUNCTION[word] ?? (LEVEL_WORDS.has(word) || COMPANY_LEADER_WORDS.has(word) ? undefined : (SAME_FUNCTION[word] ?? word));
    if (fn !== undefined) functions.add(fn);
  }
  return functions.size > 0 ? { level, functions } : undefined;
}

/** What a leader of the persona's function scores, by how many levels apart the two are: the same level in other words, one level, two. */
export const SAME_FUNCTION_SCORES: readonly number[] = [0.9, 0.7, 0.5];

/**
 * The score of a title that leads the persona's function (every function the persona names
 * is one the title leads), by the distance between their levels; 0 when either leads none
 * or they lead different functions.
 */
export function sameFunctionScore(title: LeadingTitle | undefined, persona: LeadingTitle | undefined): number {
  if (!title || !persona) return 0;
  if (![...persona.functions].every((fn) => title.functions.has(fn))) return 0;
  return SAME_FUNCTION_SCORES[Math.abs(title.level - persona.level)] ?? 0;
}

/**
 * Whether both titles lead a function and the title leads none the persona leads (`VP Sales`
 * for `VP Finance`): the words they share say only the level, so they are no partial match.
 */
export function leadsAnotherFunction(title: LeadingTitle | undefined, persona: LeadingTitle | undefined): boolean {
  return title !== undefined && persona !== undefined && ![...persona.functions].some((fn) => title.functions.has(fn));
}

const APART = ['at the same level', 'one level apart', 'two levels apart'];

/** Why a title scored as a leader of the persona's function: `leads finance one level apart`. */
export function sameFunctionReason(title: LeadingTitle, persona: LeadingTitle): string {
  return `leads ${[...persona.functions].join(' and ')} ${APART[Math.abs(title.level - persona.level)] ?? ''}`.trim();
}
