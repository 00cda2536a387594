/**
 * Fit: how closely the company matches the ICP's firmographics and technographics.
 * Five factors — industry, employees, revenue, technologies, geography — each 0–1.
 * Fit is their plain mean over the factors that could be computed: a factor whose data
 * is missing (or that the ICP sets no target for) is left out and the rest renormalised,
 * so a company with no revenue on file is judged on what is known rather than marked 0.
 */

import { parseRevenueRange, writtenCurrency, type RevenueRange } from '../schema/money.js';
import type { CompanyFacts } from './company.js';
import type { ComponentScore, ScoreFactor } from './factor.js';
import type { IcpProfile } from './icp-profile.js';
import { headCountRange, renormalisedMean, round3 } from './numbers.js';
import { describeRange, hasBounds, matchOpenRange, matchRange, RANGE_SCORE, type TargetRange, type ValueRange } from './range-match.js';
import { industryMatches } from './industry-match.js';
import { geographyMatches } from './regions.js';
import { keptPerPair, normalizeText, presentText } from './text.js';

export interface FitResult {
  component: ComponentScore;
  factors: ScoreFactor[];
}

/**
 * `otherCurrency`: whether the company's revenue names another currency than the profile's
 * (`revenueInAnotherCurrency`), when the caller has asked already — scoreIcp asks once per
 * deal for its disqualifiers too, and parsing the revenue twice was half the question's cost.
 */
export function scoreFit(company: CompanyFacts, profile: IcpProfile, otherCurrency?: boolean): FitResult {
  const factors = [
    listFactor('industry', presentText(company.industry), profile.industries, industryMatches),
    // A count is a range of one; a band (`201-500`) is matched by overlap, as a revenue range is.
    rangeFactor('employees', headCountRange(company.employees), company.employees, profile.employees),
    revenueInOtherCurrency(company, profile, otherCurrency) ?? rangeFactor('revenue', parseRevenueRange(company.revenue), company.revenue, profile.revenue),
    technologyFactor(company.technologies ?? [], profile.technologies),
    listFactor('geography', presentText(company.geography), profile.geography, geographyMatches),
  ];
  const computed = factors.filter((f) => f.status === 'computed');
  const mean = renormalisedMean(computed.map((f) => ({ weight: 1, value: f.value })));
  const component: ComponentScore =
    mean === null
      ? { value: 0, status: 'missing', detail: 'no fit factor could be computed; fit counts 0' }
      : { value: round3(mean), status: 'computed', detail: `mean of ${computed.length} of 5 factors (${computed.map((f) => f.name).join(', ')})` };
  return { component, factors };
}

function factor(name: string, status: ScoreFactor['status'], value: number | null, detail: string): ScoreFactor {
  return { component: 'fit', name, status, value, detail };
}

function listFactor(
  name: string,
  value: string | undefined,
  targets: readonly string[],
  matches: (value: string, target: string) => boolean,
): ScoreFactor {
  if (targets.length === 0) return factor(name, 'not-applicable', null, `the ICP lists no ${name}`);
  if (value === undefined) return factor(name, 'missing', null, `no ${name} on file`);
  const hit = targets.find((target) => matches(value, target));
  return hit !== undefined
    ? factor(name, 'computed', 1, `"${value}" matches "${hit}"`)
    : factor(name, 'computed', 0, `"${value}" is not among ${targets.map((t) => `"${t}"`).join(', ')}`);
}


function rangeFactor(name: string, value: (ValueRange & Pick<RevenueRange, 'open'>) | undefined, raw: unknown, target: TargetRange | undefined): ScoreFactor {
  if (!hasBounds(target)) return factor(name, 'not-applicable', null, `the ICP sets no ${name} range`);
  if (value === undefined) {
    const unread = raw !== null && raw !== undefined && raw !== '';
    return factor(name, 'missing', null, unread ? `could not read ${name} ${JSON.stringify(raw)}` : `no ${name} on file`);
  }
  const open = value.open;
  const fit = open ? matchOpenRange(value, open, target) : matchRange(value, target);
  const described = open === 'below' ? `≤ ${describeRange({ min: value.max, max: value.max })}` : describeRange(value);
  return factor(name, 'computed', RANGE_SCORE[fit], `${described} is ${fit} for ${describeRange(target)}`);
}

/**
 * The revenue factor of a company whose revenue is written in another currency than the
 * workspace's: missing, saying so — compared as written, `€2M` was read as $2M against a
 * dollar range. No exchange rate is applied, as none is applied to a deal's amounts.
 */
function revenueInOtherCurrency(company: CompanyFacts, profile: IcpProfile, otherCurrency = hasBounds(profile.revenue) && revenueInAnotherCurrency(company, profile)): ScoreFactor | undefined {
  if (!hasBounds(profile.revenue) || !otherCurrency) return undefined;
  return factor('revenue', 'missing', null, `revenue ${JSON.stringify(company.revenue)} is in ${writtenCurrency(company.revenue)}, not the workspace's ${profile.currency}: not compared with the ICP's range (no exchange rate is applied; write it in ${profile.currency} to compare it)`);
}

/** Whether the company's revenue names a currency other than the profile's (the workspace's). */
export function revenueInAnotherCurrency(company: CompanyFacts, profile: Pick<IcpProfile, 'currency'>): boolean {
  const written = profile.currency === undefined ? undefined : writtenCurrency(company.revenue);
  return written !== undefined && written !== profile.currency!.toUpperCase();
}

function technologyFactor(technologies: readonly string[], targets: readonly string[]): ScoreFactor {
  if (targets.length === 0) return factor('technologies', 'not-applicable', null, 'the ICP lists no technologies');
  const used = technologies.map(presentText).filter((t): t is string => t !== undefined);
  if (used.length === 0) return factor('technologies', 'missing', null, 'no technologies on file');
  const present = targets.filter((target) => used.some((tech) => technologyMatches(tech, target)));
  return factor(
    'technologies',
    'computed',
    round3(present.length / targets.length),
    `${present.length} of ${targets.length} ICP technologies present${present.length ? ` (${present.join(', ')})` : ''}`,
  );
}

/** `C++` and `C#` must not both read as `c`; `Node.js` and `nodejs` are one technology. */
function technologyKey(value: string): string {
  return normalizeText(value.replace(/\+/g, ' plus ').replace(/#/g, ' sharp '));
}

/** Whether two technology names name one technology (either contains the other); kept per pair. */
export const technologyMatches: (a: string, b: string) => boolean = keptPerPair(technologyMatchesUncached);

function technologyMatchesUncached(a: string, b: string): boolean {
  const ka = technologyKey(a);
  const kb = technologyKey(b);
  if (!ka || !kb) return false;
  return ka.replace(/ /g, '') === kb.replace(/ /g, '') || ` ${ka} `.includes(` ${kb} `) || ` ${kb} `.includes(` ${ka} `);
}
