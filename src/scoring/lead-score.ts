/**
 * Lead score, 0–100: demographic points (who they are, up to 40) plus behavioural
 * points (what they did, up to 60), banded cold / warm / MQL / SQL.
 *
 * Demographic inputs are levels: `true` (10 points), `false` (0) or a number 0–1
 * (`0.5` → 5 points). Behavioural inputs are either a level `{ level: 0.4 }` or a plain
 * number, which is a count of engagements and earns points linearly up to a saturation
 * count (5 email engagements earn the full 15). Levels are wrapped so that `1` can only
 * mean one engagement, never "full marks".
 */

import { formatCount } from '../derive/format.js';
import { clamp01, roundHalfUp } from './numbers.js';

export type DemographicInput = boolean | number | null | undefined;
export type BehaviourInput = number | { level: number } | null | undefined;

export interface LeadInputs {
  demographic?: {
    companySize?: DemographicInput;
    industry?: DemographicInput;
    geography?: DemographicInput;
    role?: DemographicInput;
  };
  behaviour?: {
    /** Opens, clicks and replies together. */
    email?: BehaviourInput;
    /** Site visits (pricing and demo pages count like any other). */
    website?: BehaviourInput;
    /** Downloads, webinars attended, case studies read. */
    content?: BehaviourInput;
    /** Likes, comments, follows, messages. */
    social?: BehaviourInput;
  };
}

type DemographicName = keyof NonNullable<LeadInputs['demographic']>;
type BehaviourName = keyof NonNullable<LeadInputs['behaviour']>;

export const DEMOGRAPHIC_POINTS: Record<DemographicName, number> = { companySize: 10, industry: 10, geography: 10, role: 10 };
export const BEHAVIOUR_POINTS: Record<BehaviourName, number> = { email: 15, website: 20, content: 15, social: 10 };
/** Engagements after which a behaviour earns its full points. */
export const BEHAVIOUR_SATURATION: Record<BehaviourName, number> = { email: 5, website: 10, content: 3, social: 5 };

export type LeadBand = 'cold' | 'warm' | 'mql' | 'sql';

export interface LeadPart {
  name: DemographicName | BehaviourName;
  group: 'demographic' | 'behavioural';
  max: number;
  points: number;
  status: 'computed' | 'missing';
  detail: string;
}

export interface LeadScore {
  /** Whole points 0–100; the band is read from this rounded value. */
  score: number;
  band: LeadBand;
  demographic: number;
  behavioural: number;
  parts: LeadPart[];
  missing: string[];
}

/** cold 0–30, warm 31–60, MQL 61–80, SQL 81–100. */
export function leadBand(score: number): LeadBand {
  if (score <= 30) return 'cold';
  if (score <= 60) return 'warm';
  if (score <= 80) return 'mql';
  return 'sql';
}

export function scoreLead(inputs: LeadInputs): LeadScore {
  const demographic = (Object.keys(DEMOGRAPHIC_POINTS) as DemographicName[]).map((name) =>
    demographicPart(name, inputs.demographic?.[name]),
  );
  const behavioural = (Object.keys(BEHAVIOUR_POINTS) as BehaviourName[]).map((name) => behaviourPart(name, inputs.behaviour?.[name]));
  const parts = [...demographic, ...behavioural];
  const sum = (list: LeadPart[]): number => list.reduce((total, p) => total + p.points, 0);
  const score = roundHalfUp(sum(parts), 0);
  return {
    score,
    band: leadBand(score),
    demographic: round2(sum(demographic)),
    behavioural: round2(sum(behavioural)),
    parts,
    missing: parts.filter((p) => p.status === 'missing').map((p) => p.name),
  };
}

function demographicPart(name: DemographicName, input: DemographicInput): LeadPart {
  const max = DEMOGRAPHIC_POINTS[name];
  if (typeof input === 'boolean') return part(name, 'demographic', max, input ? max : 0, 'computed', input ? 'matches' : 'does not match');
  if (typeof input === 'number' && Number.isFinite(input)) {
    const level = clamp01(input);
    return part(name, 'demographic', max, round2(max * level), 'computed', `level ${level}`);
  }
  return part(name, 'demographic', max, 0, 'missing', 'not known');
}

function behaviourPart(name: BehaviourName, input: BehaviourInput): LeadPart {
  const max = BEHAVIOUR_POINTS[name];
  if (typeof input === 'number' && Number.isFinite(input)) {
    const count = Math.max(0, input);
    const saturation = BEHAVIOUR_SATURATION[name];
    return part(name, 'behavioural', max, round2(max * Math.min(1, count / saturation)), 'computed', `${formatCount(count, 'engagement')}; full points at ${saturation}`);
  }
  if (input && typeof input === 'object' && typeof input.level === 'number' && Number.isFinite(input.level)) {
    const level = clamp01(input.level);
    return part(name, 'behavioural', max, round2(max * level), 'computed', `level ${level}`);
  }
  return part(name, 'behavioural', max, 0, 'missing', 'no activity recorded');
}

/** One part, as a literal (eslint.config.js says why not a spread of a base). */
function part(name: LeadPart['name'], group: LeadPart['group'], max: number, points: number, status: LeadPart['status'], detail: string): LeadPart {
  return { name, group, max, points, status, detail };
}

function round2(value: number): number {
  return roundHalfUp(value, 2);
}
