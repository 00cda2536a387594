/**
 * The ICP composite score of a prospect (a company and the contact we would reach):
 *
 *   score = Fit·0.35 + Intent·0.35 + Reachability·0.20 + Freshness·0.10
 *
 * with the weights taken from the ICP file's `scoring.weights` when given. Missing data
 * is explicit: Fit renormalises over the factors it could compute; Reachability and
 * Freshness fall back to documented defaults; Fit and Intent with no data at all count
 * 0 (a record we know nothing about must not rank as a good match). Every absent input
 * is listed in `missing`.
 *
 * The ICP is applied whole: a company that matches one of the profile's disqualifiers
 * has its composite capped at `DISQUALIFIED_CAP` (0.30, band `poor` with the default
 * thresholds) and the result names the disqualifier, field and value; signals that
 * match one of the segment's triggers count as intent (`triggers.ts`).
 */

import type { CompanyFacts } from './company.js';
import { checkDisqualifiers, DISQUALIFIED_CAP, type DisqualifierCheck } from './disqualifiers.js';
import { factorPath, type ComponentScore, type IcpComponent, type ScoreFactor } from './factor.js';
import { revenueInAnotherCurrency, scoreFit } from './fit.js';
import { scoreFreshness } from './freshness.js';
import type { IcpProfile } from './icp-profile.js';
import {
  icpBand,
  resolveIcpThresholds,
  resolveIcpWeights,
  type IcpBand,
  type IcpBandThresholds,
  type IcpWeights,
} from './icp-weights.js';
import { scoreIntent } from './intent.js';
import { clamp01, round3 } from './numbers.js';
import { scoreReachability, type EmailStatusInput } from './reachability.js';

export interface IcpProspect {
  company: CompanyFacts;
  /** The contact's email verification status (`verified`, `catch-all`, …) or a boolean. */
  emailStatus?: EmailStatusInput;
  /** When the data was gathered or last confirmed (`YYYY-MM-DD`). */
  dataDate?: string | null | undefined;
}

export interface IcpScoreOptions {
  /** The date freshness is measured against. Passed in: scoring never reads the clock. */
  asOf: string | Date;
  /** Override the profile's (the ICP file's) weights. */
  weights?: Partial<IcpWeights> | undefined;
  /** Override the profile's (the ICP file's) band thresholds. */
  thresholds?: Partial<IcpBandThresholds> | undefined;
}

export interface WeightedComponent extends ComponentScore {
  /** The weight used, after scaling all four to sum to 1. */
  weight: number;
}

export interface IcpScore {
  score: number;
  band: IcpBand;
  components: Record<IcpComponent, WeightedComponent>;
  factors: ScoreFactor[];
  /** `fit.revenue`, `reachability.email_status`, …: inputs that were absent (missing or defaulted). */
  missing: string[];
  /** The ICP's disqualifiers the company matched (each with the field and value), and those it had no data to check. */
  disqualifiers: DisqualifierCheck;
  /** The composite before a matched disqualifier capped it at `DISQUALIFIED_CAP` (equal to `score` when none matched). */
  uncapped: number;
}

export function scoreIcp(prospect: IcpProspect, profile: IcpProfile, options: IcpScoreOptions): IcpScore {
  const weights = resolveIcpWeights({ ...profile.weights, ...options.weights });
  const thresholds = resolveIcpThresholds({ ...profile.thresholds, ...options.thresholds });
  // Asked once: the fit's revenue factor and the disqualifiers' revenue rules both depend on it.
  const otherCurrency = revenueInAnotherCurrency(prospect.company, profile);
  const parts = {
    fit: scoreFit(prospect.company, profile, otherCurrency),
    intent: scoreIntent(prospect.company.signals, profile.triggers ?? []),
    reachability: scoreReachability(prospect.emailStatus),
    freshness: scoreFreshness(prospect.dataDate, options.asOf),
  };
  const names = Object.keys(parts) as IcpComponent[];
  const components = Object.fromEntries(
    names.map((name) => [name, Object.assign({}, parts[name].component, { weight: round3(weights[name]) })]),
  ) as Record<IcpComponent, WeightedComponent>;
  const uncapped = round3(clamp01(names.reduce((sum, name) => sum + weights[name] * parts[name].component.value, 0)));
  // A revenue in another currency cannot decide a revenue rule: it is unchecked, as a revenue not on file is.
  const comparable = otherCurrency ? Object.assign({}, prospect.company, { revenue: undefined }) : prospect.company;
  const disqualifiers = checkDisqualifiers(comparable, profile.disqualifiers ?? []);
  const score = disqualifiers.matched.length > 0 ? Math.min(uncapped, DISQUALIFIED_CAP) : uncapped;
  const factors = names.flatMap((name) => parts[name].factors);
  const missing = factors.filter((f) => f.status === 'missing' || f.status === 'defaulted').map(factorPath);
  return { score, band: icpBand(score, thresholds), components, factors, missing, disqualifiers, uncapped };
}
