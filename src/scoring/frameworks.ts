/**
 * Qualification frameworks and their criteria, with the aliases people write as keys
 * in a Stage 4 `criteria:` map (`Economic Buyer`, `EB`, `pain`). Keys are matched after
 * folding case and punctuation to underscores, so `need-payoff`, `Need Payoff` and
 * `need_payoff` are one key. Single letters (`M`, `C`) are not aliases: in MEDDPICC two
 * criteria start with C.
 */

import type { QUALIFICATION_FRAMEWORKS } from '../schema/stages.js';

export type QualificationFramework = (typeof QUALIFICATION_FRAMEWORKS)[number];

export interface Criterion {
  key: string;
  /** How a recommendation names it. */
  label: string;
  aliases: readonly string[];
}

const c = (key: string, label: string, ...aliases: string[]): Criterion => ({ key, label, aliases });

const MEDDIC_CORE = {
  metrics: c('metrics', 'metrics', 'metric', 'kpis', 'kpi', 'success_metrics'),
  economicBuyer: c('economic_buyer', 'economic buyer', 'eb', 'buyer', 'budget_holder', 'economic_decision_maker'),
  decisionCriteria: c('decision_criteria', 'decision criteria', 'dc', 'criteria', 'buying_criteria'),
  decisionProcess: c('decision_process', 'decision process', 'dp', 'process', 'buying_process'),
  identifyPain: c('identify_pain', 'identified pain', 'pain', 'implicate_pain', 'implicate_the_pain', 'identified_pain'),
  champion: c('champion', 'champion', 'coach', 'internal_champion'),
};

/** Criteria in the order the framework's acronym spells them. */
export const FRAMEWORK_CRITERIA: Record<QualificationFramework, readonly Criterion[]> = {
  BANT: [
    c('budget', 'budget', 'money', 'funds', 'budget_confirmed'),
    c('authority', 'authority', 'decision_maker', 'decision_makers', 'dm', 'economic_buyer', 'eb'),
    c('need', 'need', 'needs', 'pain', 'problem', 'business_need'),
    c('timeline', 'timeline', 'timing', 'timeframe', 'time_frame', 'time', 'urgency'),
  ],
  MEDDIC: [
    MEDDIC_CORE.metrics,
    MEDDIC_CORE.economicBuyer,
    MEDDIC_CORE.decisionCriteria,
    MEDDIC_CORE.decisionProcess,
    MEDDIC_CORE.identifyPain,
    MEDDIC_CORE.champion,
  ],
  MEDDPICC: [
    MEDDIC_CORE.metrics,
    MEDDIC_CORE.economicBuyer,
    MEDDIC_CORE.decisionCriteria,
    MEDDIC_CORE.decisionProcess,
    c('paper_process', 'paper process', 'pp', 'procurement', 'procurement_process', 'legal_process', 'paperwork'),
    MEDDIC_CORE.identifyPain,
    MEDDIC_CORE.champion,
    c('competition', 'competition', 'competitors', 'competitor', 'competitive_landscape'),
  ],
  SPIN: [
    c('situation', 'situation', 'current_situation', 'context'),
    c('problem', 'problem', 'problems', 'pain'),
    c('implication', 'implication', 'implications', 'impact'),
    c('need_payoff', 'need-payoff', 'needpayoff', 'need_pay_off', 'payoff', 'need'),
  ],
  SANDLER: [
    c('pain', 'pain', 'problem', 'need', 'identify_pain'),
    c('budget', 'budget', 'money'),
    c('decision', 'decision', 'decision_process', 'decision_maker', 'authority', 'dm'),
  ],
  CHALLENGER: [
    c('teach', 'teach', 'teaching', 'commercial_teaching', 'insight'),
    c('tailor', 'tailor', 'tailoring', 'tailored', 'personalisation', 'personalization'),
    c('take_control', 'take control', 'control', 'taking_control'),
  ],
};

/** `Economic Buyer` → `economic_buyer`, `need-payoff` → `need_payoff`. */
export function criterionKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Each framework's written keys resolved before, by key: a check of 10,000 deals resolves
 * 60,000 keys, nearly all of them the same few. Bounded: emptied when full.
 */
const RESOLVED = new Map<string, Criterion | null>();
const RESOLVED_MAX = 4096;

/** The criterion a written key names in this framework, or undefined. */
export function resolveCriterion(framework: QualificationFramework, key: string): Criterion | undefined {
  const memo = `${framework}\0${key}`;
  let criterion = RESOLVED.get(memo);
  if (criterion === undefined) {
    if (RESOLVED.size >= RESOLVED_MAX) RESOLVED.clear();
    const folded = criterionKey(key);
    criterion = FRAMEWORK_CRITERIA[framework].find((c) => c.key === folded || c.aliases.includes(folded)) ?? null;
    RESOLVED.set(memo, criterion);
  }
  return criterion ?? undefined;
}

/** `meddpicc`, `Sandler` → the framework; undefined for a name we do not know. */
export function parseFramework(name: string): QualificationFramework | undefined {
  const upper = name.trim().toUpperCase();
  return Object.hasOwn(FRAMEWORK_CRITERIA, upper) ? (upper as QualificationFramework) : undefined;
}
