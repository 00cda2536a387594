/**
 * How well a contact's title matches the persona titles of the ICP or segment.
 *
 * Both titles are reduced to keywords: lower case, stop words (`of`, `the`, `and`, …)
 * dropped, common long forms folded to their abbreviation (`Vice President` → `vp`,
 * `Chief Financial Officer` → `cfo`, `Sr.` → `senior`). Against each persona title:
 * - 1.0 — the same keywords (`VP of Engineering` = `VP Engineering`);
 * - 0.9 — every persona keyword is in the title, which says more (`Senior VP Engineering & Ops`);
 * - otherwise 0.8 × the share of persona keywords present (`Finance Manager` vs `VP Finance` → 0.4),
 *   but 0 for a leader of another function (`VP Sales` vs `VP Finance`: only the level in common);
 * - and at least, for a leader of the persona's function (title-function.ts), 0.9 at the
 *   same level in other words (`Finance Director` for `Head of Finance`), 0.7 one level
 *   apart (`VP Finance` for `CFO`), 0.5 two (`Director of Finance` for `CFO`).
 * The best persona wins.
 */

import { keptPerText, normalizeText } from './text.js';
import { leadingTitle, leadsAnotherFunction, sameFunctionReason, sameFunctionScore, type LeadingTitle } from './title-function.js';

const STOP_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'at', 'a', 'an', 'to', 'on']);

const LONG_FORMS: readonly (readonly [RegExp, string])[] = [
  // A title's feminine form is the same title (`Directora General` is the persona `Director
  // General`), and Spanish `Presidente` the French `Président`: folded first, so that
  // `vicepresidenta` and `vice-présidente` fold on to `vp` below.
  [/\bdirectora\b/g, 'director'],
  [/\bdirectrice\b/g, 'directeur'],
  [/\bgenerale\b/g, 'general'],
  [/\bpresident[ea]\b/g, 'president'],
  [/\bfundadora\b/g, 'fundador'],
  [/\bfondatrice\b/g, 'fondateur'],
  [/\bconsejera delegada\b/g, 'consejero delegado'],
  [/\bjefa\b/g, 'jefe'],
  [/\bgerante\b/g, 'gerant'],
  [/\bchief executive officer\b/g, 'ceo'],
  [/\bchief financial officer\b/g, 'cfo'],
  [/\bchief technology officer\b/g, 'cto'],
  [/\bchief technical officer\b/g, 'cto'],
  [/\bchief operating officer\b/g, 'coo'],
  [/\bchief marketing officer\b/g, 'cmo'],
  [/\bchief information security officer\b/g, 'ciso'],
  [/\bchief information officer\b/g, 'cio'],
  [/\bchief revenue officer\b/g, 'cro'],
  [/\bchief product officer\b/g, 'cpo'],
  [/\bsenior vice president\b/g, 'svp'],
  [/\bexecutive vice president\b/g, 'evp'],
  [/\bvice ?president\b/g, 'vp'],
  [/\bhuman resources\b/g, 'hr'],
  [/\bsr\b/g, 'senior'],
  [/\bjr\b/g, 'junior'],
  [/\bmgr\b/g, 'manager'],
  [/\bdir\b/g, 'director'],
  [/\beng\b/g, 'engineering'],
  [/\bops\b/g, 'operations'],
];

export function titleKeywords(title: string): Set<string> {
  let text = normalizeText(title);
  for (const [pattern, short] of LONG_FORMS) text = text.replace(pattern, short);
  return new Set(text.split(' ').filter((w) => w && !STOP_WORDS.has(w)));
}

export interface TitleMatch {
  value: number;
  /** The persona title that matched best, or undefined when nothing overlapped. */
  persona: string | undefined;
  /** Set when the score is the title's leading the persona's function (title-function.ts): what to say of it. */
  sameFunction?: string;
}

export const EXACT_TITLE = 1;
export const CONTAINS_TITLE = 0.9;
export const PARTIAL_TITLE_FACTOR = 0.8;

/**
 * Keywords kept per title: a sync of 10,000 deals matched the same few persona titles, and
 * the same common titles, 10,000 times each, twenty replacements a title.
 */
const keywordsOf = keptPerText<ReadonlySet<string>>(titleKeywords);

/** A title's level and function, kept per title as its keywords are. */
const leadingOf = keptPerText<LeadingTitle | undefined>((title) => leadingTitle(title, keywordsOf(title)));

export function matchTitle(title: string, personaTitles: readonly string[]): TitleMatch {
  const mine = keywordsOf(title);
  const myLead = leadingOf(title);
  let best: TitleMatch = { value: 0, persona: undefined };
  for (const persona of personaTitles) {
    const theirs = keywordsOf(persona);
    if (theirs.size === 0) continue;
    const shared = [...theirs].filter((w) => mine.has(w)).length;
    const theirLead = leadingOf(persona);
    // A leader of another function (`VP Sales` for `VP Finance`) shares the level word only: no partial match.
    let value = leadsAnotherFunction(myLead, theirLead) ? 0 : PARTIAL_TITLE_FACTOR * (shared / theirs.size);
    if (shared === theirs.size) value = shared === mine.size ? EXACT_TITLE : CONTAINS_TITLE;
    // A leader of the persona's function at another level or in other words (`Head of Finance` for `CFO`).
    const leads = sameFunctionScore(myLead, theirLead);
    if (leads > value && value < CONTAINS_TITLE) {
      if (leads > best.value) best = { value: leads, persona, sameFunction: sameFunctionReason(myLead!, theirLead!) };
      continue;
    }
    if (value > best.value) best = { value: Math.round(value * 1000) / 1000, persona };
  }
  return best;
}
