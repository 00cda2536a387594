/**
 * An ICP's disqualifiers (`disqualifiers:` in the ICP file or a canvas segment) applied
 * to a company. Each disqualifier is read by the first rule that recognises its wording:
 *
 * | wording | field | disqualified when |
 * |---|---|---|
 * | `Fewer than N employees` (`less than`, `under`, `below`, `<`) | employees | employees < N |
 * | `More than N employees` (`over`, `above`, `>`) | employees | employees > N |
 * | `Revenue under $5M` / `Less than $5M revenue` (`ARR`, `turnover`) | revenue | the whole revenue range < N |
 * | `Revenue over $1B` / `More than $1B in revenue` | revenue | the whole revenue range > N |
 * | `Industry outside A, B` (`industries other than`, `not in`) | industry | the industry matches none of A, B |
 * | `Headquartered outside A, B` (`based`, `located`, `outside`) | geography | the geography matches none of A, B |
 * | `Uses X` / `Using X` / `Runs on X` / `Technology: X` | technologies | a technology matches X |
 * | `Industry: X` / `Geography: X` | that field | the field matches X as free text (below) |
 * | anything else | industry, geography, each technology | free text (below) |
 *
 * Free text: every content word of the disqualifier (stems, stop words out, see
 * `stems.ts`) occurs in the field — "Food distributors" disqualifies the industry
 * "Food distribution"; or the field is a phrase of two words or more all of which the
 * disqualifier names — "Food & beverage distributors" disqualifies "Food distribution"
 * too, while a one-word industry "Logistics" is not disqualified by "Logistics companies
 * with fewer than 10 trucks". A disqualifier with a negation (`no`, `not`, `without`,
 * `non`) is never read as free text: it would mean the opposite.
 *
 * A rule whose field is absent cannot decide: the disqualifier is listed as `unchecked`.
 */

import { parseMoney, parseMoneyRange } from '../derive/money.js';
import type { CompanyFacts } from './company.js';
import { technologyMatches } from './fit.js';
import { geographyMatches } from './regions.js';
import { contentStems } from './stems.js';
import { normalizeText, phrasesOverlap, presentText } from './text.js';

/** A disqualified company's composite is capped here: below the default `weak` band (0.40), so it reads `poor`. */
export const DISQUALIFIED_CAP = 0.3;

export type DisqualifierField = 'employees' | 'revenue' | 'industry' | 'geography' | 'technologies';

export interface DisqualifierMatch {
  disqualifier: string;
  field: DisqualifierField;
  /** The company's value that matched, as text. */
  value: string;
  detail: string;
}

export interface DisqualifierCheck {
  matched: DisqualifierMatch[];
  /** Disqualifiers whose field the company has no value for: they could not decide. */
  unchecked: { disqualifier: string; field: DisqualifierField }[];
}

type Verdict = { field: DisqualifierField; hit: { value: string; detail: string } | null | 'unknown' };

const LESS = String.raw`(?:fewer than|less than|under|below|<)`;
const MORE = String.raw`(?:more than|greater than|over|above|>)`;
const NUMBER = String.raw`([\d][\d,.]*\s*k?)`;
const PEOPLE = String.raw`(?:employees|employee|staff|people|ftes?|headcount)`;
const MONEY = String.raw`([$€£]?\s*[\d][\d,.]*\s*(?:k|m|mm|b|bn)?)`;
const REVENUE = String.raw`(?:revenue|arr|turnover|sales)`;
const NEGATION = /\b(no|not|non|without|never|lacks?|lacking|except)\b/;

export function checkDisqualifiers(company: CompanyFacts, disqualifiers: readonly string[]): DisqualifierCheck {
  const matched: DisqualifierMatch[] = [];
  const unchecked: DisqualifierCheck['unchecked'] = [];
  for (const disqualifier of disqualifiers) {
    const text = presentText(disqualifier);
    if (text === undefined) continue;
    const verdict = readDisqualifier(text, company);
    if (!verdict) continue;
    if (verdict.hit === 'unknown') unchecked.push({ disqualifier: text, field: verdict.field });
    else if (verdict.hit) matched.push({ disqualifier: text, field: verdict.field, ...verdict.hit });
  }
  return { matched, unchecked };
}

function count(raw: string): number {
  const t = raw.trim().toLowerCase().replace(/,/g, '');
  return t.endsWith('k') ? Number(t.slice(0, -1).trim()) * 1000 : Number(t);
}

function readDisqualifier(text: string, company: CompanyFacts): Verdict | undefined {
  const lower = text.toLowerCase();
  let m: RegExpExecArray | null;

  if ((m = new RegExp(`${LESS}\\s*${NUMBER}\\s*${PEOPLE}`).exec(lower))) return employees(company, count(m[1]!), 'less');
  if ((m = new RegExp(`${MORE}\\s*${NUMBER}\\s*${PEOPLE}`).exec(lower))) return employees(company, count(m[1]!), 'more');

  if ((m = new RegExp(`${REVENUE}\\s*(?:of\\s*)?${LESS}\\s*${MONEY}`).exec(lower) ?? new RegExp(`${LESS}\\s*${MONEY}\\s*(?:in\\s*|of\\s*)?(?:annual\\s*)?${REVENUE}`).exec(lower))) {
    return revenue(company, m[1]!, 'less');
  }
  if ((m = new RegExp(`${REVENUE}\\s*(?:of\\s*)?${MORE}\\s*${MONEY}`).exec(lower) ?? new RegExp(`${MORE}\\s*${MONEY}\\s*(?:in\\s*|of\\s*)?(?:annual\\s*)?${REVENUE}`).exec(lower))) {
    return revenue(company, m[1]!, 'more');
  }

  if ((m = /\bindustr(?:y|ies)\s+(?:outside(?: of)?|other than|not in|beyond)\s+(.+)$/i.exec(text))) {
    return outside(company.industry, 'industry', listOf(m[1]!), phrasesOverlap);
  }
  if ((m = /^(?:(?:headquartered|based|located|hq)\s+)?(?:outside(?: of)?)\s+(.+)$/i.exec(text))) {
    return outside(company.geography, 'geography', listOf(m[1]!), geographyMatches);
  }

  if ((m = /^(?:already\s+)?(?:uses|using|runs on|running|built on|technology|technologies|tech stack)\s*:?\s+(.+)$/i.exec(text))) {
    return usesTechnology(company, text, m[1]!);
  }
  if ((m = /^(industry|geography|country|region)\s*:\s*(.+)$/i.exec(text))) {
    const field = m[1]!.toLowerCase() === 'industry' ? 'industry' : 'geography';
    const value = presentText(field === 'industry' ? company.industry : company.geography);
    if (value === undefined) return { field, hit: 'unknown' };
    return { field, hit: freeTextMatch(m[2]!, value) ? { value, detail: `${field} "${value}" matches "${m[2]!.trim()}"` } : null };
  }

  if (NEGATION.test(normalizeText(text))) return undefined;
  const fields: [DisqualifierField, string | undefined][] = [
    ['industry', presentText(company.industry)],
    ['geography', presentText(company.geography)],
    ...(company.technologies ?? []).map((t): [DisqualifierField, string | undefined] => ['technologies', presentText(t)]),
  ];
  for (const [field, value] of fields) {
    if (value !== undefined && freeTextMatch(text, value)) return { field, hit: { value, detail: `${field} "${value}" matches "${text}"` } };
  }
  return { field: 'industry', hit: null };
}

function employees(company: CompanyFacts, bound: number, side: 'less' | 'more'): Verdict {
  const n = company.employees;
  if (typeof n !== 'number' || !Number.isFinite(n) || !Number.isFinite(bound)) return { field: 'employees', hit: 'unknown' };
  const hit = side === 'less' ? n < bound : n > bound;
  return { field: 'employees', hit: hit ? { value: String(n), detail: `${n} employees is ${side === 'less' ? 'fewer' : 'more'} than ${bound}` } : null };
}

function revenue(company: CompanyFacts, raw: string, side: 'less' | 'more'): Verdict {
  const bound = parseMoney(raw.replace(/\s+/g, ''));
  const range = parseMoneyRange(company.revenue);
  if (bound === undefined || range === undefined) return { field: 'revenue', hit: 'unknown' };
  const hit = side === 'less' ? range.max < bound : range.min > bound;
  const value = typeof company.revenue === 'string' || typeof company.revenue === 'number' ? String(company.revenue) : `${range.min}-${range.max}`;
  return { field: 'revenue', hit: hit ? { value, detail: `revenue ${value} is ${side === 'less' ? 'under' : 'over'} ${raw.trim()}` } : null };
}

function outside(raw: string | null | undefined, field: DisqualifierField, list: string[], matches: (value: string, target: string) => boolean): Verdict {
  const value = presentText(raw);
  if (value === undefined) return { field, hit: 'unknown' };
  return { field, hit: list.some((target) => matches(value, target)) ? null : { value, detail: `${field} "${value}" is outside ${list.join(', ')}` } };
}

function usesTechnology(company: CompanyFacts, text: string, raw: string): Verdict {
  const used = (company.technologies ?? []).map(presentText).filter((t): t is string => t !== undefined);
  if (used.length === 0) return { field: 'technologies', hit: 'unknown' };
  const targets = listOf(raw);
  const hit = used.find((tech) => targets.some((target) => technologyMatches(tech, target)));
  return { field: 'technologies', hit: hit ? { value: hit, detail: `uses ${hit} (disqualifier "${text}")` } : null };
}

function listOf(raw: string): string[] {
  return raw.replace(/\(.*?\)/g, '').split(/\s*(?:,|;|\/|\bor\b)\s*/i).map((s) => s.trim().replace(/\.$/, '')).filter(Boolean);
}

/** Every content word of the disqualifier is in the value, or the value (2+ words) is wholly named by the disqualifier. */
export function freeTextMatch(disqualifier: string, value: string): boolean {
  const want = [...new Set(contentStems(disqualifier))];
  const have = [...new Set(contentStems(value))];
  if (want.length === 0 || have.length === 0) return false;
  const haveSet = new Set(have);
  if (want.every((s) => haveSet.has(s))) return true;
  const wantSet = new Set(want);
  return have.length >= 2 && have.every((s) => wantSet.has(s));
}
