/**
 * Seniority from a job title, highest level first: a `CEO & Founder` is C-level, a
 * `VP, Head of Sales` is VP. Titles are matched by whole words after normalising
 * (`Sr. Director` → `sr director`), so `Director` matches but `Directory Admin` does not.
 */

import { containsPhrase, normalizeText, words } from './text.js';

export type Seniority = 'c-level' | 'vp' | 'director' | 'manager' | 'individual-contributor';

export const SENIORITY_SCORES: Record<Seniority, number> = {
  'c-level': 1,
  vp: 0.9,
  director: 0.8,
  manager: 0.6,
  'individual-contributor': 0.4,
};

/**
 * `managing director` is the chief executive's title in much of Europe, so it is
 * C-level; `president` is, unless it is `vice president`. Founders and owners decide
 * like C-level executives in the companies that have them.
 *
 * Spanish and French titles, in both genders, as contact lists and Stage 1 files from
 * Spain and France write them: a `Directora General` or a `Directeur général` is the chief
 * executive (a `Director General` read as a director, the `Directora` as nobody senior),
 * a `Président(e)`, `Fundador(a)`, `PDG` or French `Gérant(e)` leads the company, a
 * `Director(a)` or `Directeur/Directrice` is a director, a `Responsable`, `Jefe/Jefa` or
 * Spanish `Gerente` a manager. Accents are folded before matching (`général` → `general`).
 */
const C_LEVEL_WORDS = [
  'ceo', 'cfo', 'cto', 'coo', 'cmo', 'cio', 'cro', 'cpo', 'ciso', 'cso', 'cdo', 'chro', 'cco', 'chief', 'founder', 'cofounder', 'owner', 'president',
  'presidente', 'presidenta', 'fundador', 'fundadora', 'cofundador', 'cofundadora', 'fondateur', 'fondatrice', 'cofondateur', 'cofondatrice', 'pdg', 'gerant', 'gerante',
];
const C_LEVEL_PHRASES = [
  'managing director', 'managing partner',
  'director general', 'directora general', 'directeur general', 'directrice generale', 'director gerente', 'directora gerente', 'gerente general',
  'consejero delegado', 'consejera delegada',
];
const VP_WORDS = ['vp', 'svp', 'evp', 'avp'];
const VP_PHRASES = ['vice president', 'v p'];
const DIRECTOR_WORDS = ['director', 'head', 'dir', 'directora', 'directeur', 'directrice'];
const MANAGER_WORDS = ['manager', 'mgr', 'supervisor', 'responsable', 'jefe', 'jefa', 'gerente', 'encargado', 'encargada'];
const MANAGER_PHRASES = ['team lead', 'team leader'];
/**
 * The owner of a product, a process or a service is a role in a team (a Scrum `Product
 * Owner` is no executive), not the owner of the company: its `owner` does not make it C-level.
 */
const ROLE_OWNER_PHRASES = ['product owner', 'process owner', 'service owner', 'data owner', 'system owner', 'content owner', 'platform owner', 'project owner', 'application owner', 'account owner'];
/** An assistant to an executive is not that executive. */
const ASSISTANT_PHRASES = ['assistant to', 'executive assistant', 'personal assistant'];

export function seniorityOf(title: string): Seniority | undefined {
  const text = normalizeText(title);
  if (!text) return undefined;
  if (ASSISTANT_PHRASES.some((p) => containsPhrase(text, p))) return 'individual-contributor';
  // A chief of staff runs an executive's office; senior, but not an executive.
  if (containsPhrase(text, 'chief of staff')) return 'director';
  // Take `vice president` (`vicepresidenta`, `vice-présidente`) out before looking for `president`, and a role's `owner` before looking for the company's.
  const withoutVice = text.replace(/\bvice ?president[ea]?\b/g, 'vp');
  const tokens = new Set(words(withoutRoleOwners(withoutVice)));
  const has = (list: readonly string[]): boolean => list.some((w) => tokens.has(w));
  const hasPhrase = (list: readonly string[]): boolean => list.some((p) => containsPhrase(text, p));
  if (has(C_LEVEL_WORDS) || hasPhrase(C_LEVEL_PHRASES)) return 'c-level';
  if (has(VP_WORDS) || hasPhrase(VP_PHRASES)) return 'vp';
  if (has(DIRECTOR_WORDS)) return 'director';
  if (has(MANAGER_WORDS) || hasPhrase(MANAGER_PHRASES)) return 'manager';
  return 'individual-contributor';
}

/** `senior product owner` → `senior product`: the `owner` that would read as the company's taken out. */
function withoutRoleOwners(text: string): string {
  return ROLE_OWNER_PHRASES.reduce((t, phrase) => ` ${t} `.replaceAll(` ${phrase} `, ` ${phrase.split(' ')[0]} `).trim(), text);
}

export function seniorityScore(title: string): number | undefined {
  const level = seniorityOf(title);
  return level === undefined ? undefined : SENIORITY_SCORES[level];
}
