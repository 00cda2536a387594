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
 * | `Headquartered outside A, B` (any wording with `outside`) | geography | the geography matches none of A, B |
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
 * `non`, `except`, `outside`, `other than`) is never read as free text: it would mean
 * the opposite.
 *
 * A rule whose field is absent cannot decide: the disqualifier is listed as `unchecked`.
 */

import { parseMoney, parseRevenueRange } from '../schema/money.js';
import type { CompanyFacts } from './company.js';
import { technologyMatches } from './fit.js';
import { industryMatches } from './industry-match.js';
import { formatHeadCount, headCountRange } from './numbers.js';
import { geographyMatches } from './regions.js';
import { contentStems } from './stems.js';
import { keptPerPair, normalizeText, presentText } from './text.js';

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
const NEGATION = /\b(no|not|non|without|never|lacks?|lacking|except|outside|other than|beyond)\b/;
const FEWER_PEOPLE = new RegExp(`${LESS}\\s*${NUMBER}\\s*${PEOPLE}`);
const MORE_PEOPLE = new RegExp(`${MORE}\\s*${NUMBER}\\s*${PEOPLE}`);
const REVENUE_UNDER = [new RegExp(`${REVENUE}\\s*(?:of\\s*)?${LESS}\\s*${MONEY}`), new RegExp(`${LESS}\\s*${MONEY}\\s*(?:in\\s*|of\\s*)?(?:annual\\s*)?${REVENUE}`)];
const REVENUE_OVER = [new RegExp(`${REVENUE}\\s*(?:of\\s*)?${MORE}\\s*${MONEY}`), new RegExp(`${MORE}\\s*${MONEY}\\s*(?:in\\s*|of\\s*)?(?:annual\\s*)?${REVENUE}`)];

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

/** What a disqualifier's wording says to check: parsed once per text (memoised), applied to every company. */
type Rule =
  | { kind: 'employees'; bound: number; side: 'less' | 'more' }
  | { kind: 'revenue'; raw: string; side: 'less' | 'more' }
  | { kind: 'outside'; field: 'industry' | 'geography'; list: string[] }
  | { kind: 'uses'; list: string[] }
  | { kind: 'field-text'; field: 'industry' | 'geography'; phrase: string }
  | { kind: 'free-text' }
  | { kind: 'unreadable' };

const rules = new Map<string, Rule>();

function ruleOf(text: string): Rule {
  let rule = rules.get(text);
  if (rule === undefined) {
    if (rules.size > 1_000) rules.clear();
    rule = parseRule(text);
    rules.set(text, rule);
  }
  return rule;
}

function parseRule(text: string): Rule {
  const lower = text.toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = FEWER_PEOPLE.exec(lower))) return { kind: 'employees', bound: count(m[1]!), side: 'less' };
  if ((m = MORE_PEOPLE.exec(lower))) return { kind: 'employees', bound: count(m[1]!), side: 'more' };
  if ((m = REVENUE_UNDER[0]!.exec(lower) ?? REVENUE_UNDER[1]!.exec(lower))) return { kind: 'revenue', raw: m[1]!, side: 'less' };
  if ((m = REVENUE_OVER[0]!.exec(lower) ?? REVENUE_OVER[1]!.exec(lower))) return { kind: 'revenue', raw: m[1]!, side: 'more' };
  if ((m = /\bindustr(?:y|ies)\s+(?:outside(?: of)?|other than|not in|beyond)\s+(.+)$/i.exec(text))) return { kind: 'outside', field: 'industry', list: listOf(m[1]!) };
  if ((m = /(?:^|\s)outside(?: of)?\s+(.+)$/i.exec(text))) return { kind: 'outside', field: 'geography', list: listOf(m[1]!) };
  if ((m = /^(?:already\s+)?(?:uses|using|runs on|running|built on|technology|technologies|tech stack)\s*:?\s+(.+)$/i.exec(text))) return { kind: 'uses', list: listOf(m[1]!) };
  if ((m = /^(industry|geography|country|region)\s*:\s*(.+)$/i.exec(text))) return { kind: 'field-text', field: m[1]!.toLowerCase() === 'industry' ? 'industry' : 'geography', phrase: m[2]!.trim() };
  return NEGATION.test(normalizeText(text)) ? { kind: 'unreadable' } : { kind: 'free-text' };
}

function readDisqualifier(text: string, company: CompanyFacts): Verdict | undefined {
  const rule = ruleOf(text);
  switch (rule.kind) {
    case 'employees':
      return employees(company, rule.bound, rule.side);
    case 'revenue':
      return revenue(company, rule.raw, rule.side);
    case 'outside':
      return rule.field === 'industry' ? outside(company.industry, 'industry', rule.list, industryMatches) : outside(company.geography, 'geography', rule.list, geographyMatches);
    case 'uses':
      return usesTechnology(company, text, rule.list);
    case 'field-text': {
      const value = presentText(rule.field === 'industry' ? company.industry : company.geography);
      if (value === undefined) return { field: rule.field, hit: 'unknown' };
      return { field: rule.field, hit: freeTextMatch(rule.phrase, value) ? { value, detail: `${rule.field} "${value}" matches "${rule.phrase}"` } : null };
    }
    case 'unreadable':
      return undefined;
    case 'free-text': {
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
  }
}

/** A band disqualifies only when all of it is on the rule's side (`11-50` under 100; `51-200` not), as a revenue range does. */
function employees(company: CompanyFacts, bound: number, side: 'less' | 'more'): Verdict {
  const n = company.employees;
  const range = headCountRange(n);
  if (range === undefined || !Number.isFinite(bound)) return { field: 'employees', hit: 'unknown' };
  const hit = side === 'less' ? range.max < bound : range.min > bound;
  const value = formatHeadCount(range);
  return { field: 'employees', hit: hit ? { value, detail: `${value} employees is ${side === 'less' ? 'fewer' : 'more'} than ${bound}` } : null };
}

function revenue(company: CompanyFacts, raw: string, side: 'less' | 'more'): Verdict {
  const bound = parseMoney(raw.replace(/\s+/g, ''));
  const range = parseRevenueRange(company.revenue);
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

function usesTechnology(company: CompanyFacts, text: string, targets: readonly string[]): Verdict {
  const used = (company.technologies ?? []).map(presentText).filter((t): t is string => t !== undefined);
  if (used.length === 0) return { field: 'technologies', hit: 'unknown' };
  const hit = used.find((tech) => targets.some((target) => technologyMatches(tech, target)));
  return { field: 'technologies', hit: hit ? { value: hit, detail: `uses ${hit} (disqualifier "${text}")` } : null };
}

function listOf(raw: string): string[] {
  return raw.replace(/\(.*?\)/g, '').split(/\s*(?:,|;|\/|\bor\b)\s*/i).map((s) => s.trim().replace(/\.$/, '').replace(/^the\s+/i, '')).filter(Boolean);
}

/** Every content word of the disqualifier is in the value, or the value (2+ words) is wholly named by the disqualifier; kept per pair. */
export const freeTextMatch: (disqualifier: string, value: string) => boolean = keptPerPair(freeTextMatchUncached);

function freeTextMatchUncached(disqualifier: string, value: string): boolean {
  const want = [...new Set(contentStems(disqualifier))];
  const have = [...new Set(contentStems(value))];
  if (want.length === 0 || have.length === 0) return false;
  const haveSet = new Set(have);
  if (want.every((s) => haveSet.has(s))) return true;
  const wantSet = new Set(want);
  return have.length >= 2 && have.every((s) => wantSet.has(s));
}
