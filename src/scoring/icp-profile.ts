/**
 * What a prospect is scored against, read from either an ICP file
 * (`research/customer/icp/{segment}-icp.yaml`) or a canvas segment's `filters`. The
 * scorers take this shape rather than either file's schema so both sources, and tests,
 * feed them the same way.
 */

import { parseMoney, parseMoneyRange } from '../schema/money.js';
import type { Segment } from '../schema/canvas.js';
import type { Icp } from '../schema/icp.js';
import { buildIcp } from '../strategy/icp.js';
import type { IcpBandThresholds, IcpWeights } from './icp-weights.js';
import type { TargetRange } from './range-match.js';
import { triggersFromProblemSignals } from './triggers.js';

export interface IcpProfile {
  industries: string[];
  employees?: TargetRange | undefined;
  revenue?: TargetRange | undefined;
  geography: string[];
  technologies: string[];
  /** Persona titles (economic buyer, technical buyer, end user) a contact's title is matched against. */
  personaTitles: string[];
  /** Disqualifiers: a company that matches one has its composite capped (see `disqualifiers.ts`). */
  disqualifiers?: string[] | undefined;
  /** The segment's triggers: signals that match one count as intent (see `triggers.ts`). */
  triggers?: string[] | undefined;
  weights?: Partial<IcpWeights> | undefined;
  thresholds?: Partial<IcpBandThresholds> | undefined;
  /**
   * The workspace's currency (an ISO code): a company revenue written in another (`€2M ARR`
   * in a USD workspace) is not compared with the revenue range nor a revenue disqualifier,
   * as a deal's amounts in another currency count in no figure. Unset: every revenue is compared.
   */
  currency?: string | undefined;
}

interface PersonaSet {
  economic_buyer?: { title: string } | undefined;
  technical_buyer?: { title: string } | undefined;
  end_user?: { title: string } | undefined;
}

/** The ICP's required and preferred technologies count alike: the share present is the factor. */
export function profileFromIcp(icp: Icp): IcpProfile {
  const f = icp.firmographics;
  return {
    industries: f.industry,
    employees: countRange(f.employees),
    revenue: moneyTarget(f.revenue),
    geography: f.geography,
    technologies: unique([...icp.technographics.required, ...icp.technographics.preferred]),
    personaTitles: personaTitles(icp.buyer_personas),
    disqualifiers: icp.disqualifiers,
    triggers: unique([...triggersFromProblemSignals(icp.problem_signals), ...stringList((icp as Record<string, unknown>).triggers)]),
    weights: icp.scoring.weights,
    thresholds: icp.scoring.thresholds,
  };
}

/**
 * A segment has no scoring block: its profile scores with the default weights and
 * thresholds. Its disqualifiers are the ones `threadwork strategy` would write into its
 * ICP file (the filters turned around, plus the segment's own `disqualifiers`).
 */
export function profileFromSegment(segment: Segment): IcpProfile {
  const f = segment.filters;
  return {
    industries: f.industry,
    employees: countRange(f.employees),
    revenue: moneyTarget(f.revenue),
    geography: f.geography,
    technologies: unique(f.tech_stack),
    personaTitles: personaTitles(segment.personas),
    disqualifiers: buildIcp(segment, []).disqualifiers,
    triggers: unique(segment.triggers),
  };
}

/**
 * An ICP revenue range: `{min: '$10M', max: '$50M'}`, `{min: 10000000}` (open above), or
 * a string such as `10M-50M`. Bounds are parsed one at a time because a range with one
 * bound is open on the other side, not a single value. `$10M+` reads as "at least".
 */
export function moneyTarget(value: unknown): TargetRange | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { min, max } = value as { min?: unknown; max?: unknown };
    const range = { min: parseMoney(min), max: parseMoney(max) };
    return range.min === undefined && range.max === undefined ? undefined : range;
  }
  if (typeof value === 'string' && value.trim().endsWith('+')) {
    const min = parseMoney(value.trim().slice(0, -1));
    return min === undefined ? undefined : { min };
  }
  return parseMoneyRange(value);
}

function countRange(range: { min?: number | undefined; max?: number | undefined } | undefined): TargetRange | undefined {
  if (!range || (range.min === undefined && range.max === undefined)) return undefined;
  return { min: range.min, max: range.max };
}

function personaTitles(personas: PersonaSet | undefined): string[] {
  if (!personas) return [];
  const titles = [personas.economic_buyer?.title, personas.technical_buyer?.title, personas.end_user?.title];
  return unique(titles.filter((t): t is string => typeof t === 'string' && t.trim() !== ''));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
