/**
 * Which of a segment's pains a particular company most likely feels. A pain earns a
 * point for each word it shares with the company's industry, and two for each cue of a
 * signal the company shows (a pain about audits for a company facing new regulation, a
 * pain about onboarding for one that is hiring). Ties keep the segment's own order,
 * which is the order its author ranked them in.
 */

import type { SignalType } from '../scoring/index.js';
import { words } from '../scoring/text.js';
import { clipPhrase, usableText } from './wording.js';

/** Words in a pain that a signal of each type makes more likely to be felt now. */
export const PAIN_CUES: Readonly<Record<SignalType, readonly string[]>> = {
  funding: ['growth', 'growing', 'scale', 'scaling', 'board', 'investor', 'investors', 'runway', 'burn', 'forecast', 'forecasting'],
  expansion: ['entity', 'entities', 'international', 'currency', 'currencies', 'region', 'regions', 'country', 'countries', 'locations', 'sites', 'consolidation'],
  hiring: ['hiring', 'headcount', 'onboarding', 'team', 'teams', 'staff', 'recruiting', 'people', 'turnover', 'training'],
  'new-product': ['launch', 'launches', 'product', 'release', 'releases', 'roadmap', 'feature', 'features'],
  regulatory: ['compliance', 'audit', 'audits', 'regulation', 'regulations', 'regulatory', 'reporting', 'controls', 'risk'],
  partnership: ['partner', 'partners', 'integration', 'integrations', 'channel', 'channels', 'ecosystem'],
  media: [],
};

/** Words too common to show a pain is about an industry. */
const STOP_WORDS = new Set(['and', 'or', 'the', 'of', 'for', 'a', 'an', 'in', 'b2b', 'b2c', 'services', 'company', 'companies']);

export const MAX_PAIN_HYPOTHESES = 3;

/**
 * Up to three pains, best-matched first, each cut to one short phrase. With no usable
 * segment pain, our materials' `top_problem` is the one hypothesis.
 */
export function painHypotheses(
  pains: readonly string[] | null | undefined,
  company: { industry?: string | null | undefined },
  signalTypes: readonly SignalType[],
  topProblem?: string | null,
): string[] {
  const industryWords = new Set(words(company.industry ?? '').filter((w) => !STOP_WORDS.has(w)));
  const cues = new Set(signalTypes.flatMap((type) => PAIN_CUES[type]));
  const scored = (pains ?? [])
    .map((pain) => usableText(pain))
    .filter((pain): pain is string => pain !== undefined)
    .map((pain, order) => {
      const painWords = new Set(words(pain));
      let score = 0;
      for (const w of painWords) {
        if (industryWords.has(w)) score += 1;
        if (cues.has(w)) score += 2;
      }
      return { pain: clipPhrase(pain, 18), score, order };
    })
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const hypotheses = [...new Set(scored.map((s) => s.pain))].slice(0, MAX_PAIN_HYPOTHESES);
  if (hypotheses.length > 0) return hypotheses;
  const fallback = usableText(topProblem);
  return fallback ? [clipPhrase(fallback, 18)] : [];
}
