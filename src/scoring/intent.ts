/**
 * Intent: buying signals on the company. Each recognised signal type has a weight; the
 * component is the strongest signal plus a small bonus for every further distinct type,
 * capped at 1. The strongest signal sets the level because one funding round says more
 * than five media mentions; the bonus rewards corroboration without letting a pile of
 * weak signals outrank a strong one. A repeated type (two funding signals) counts once.
 */

import { formatCount } from '../derive/format.js';
import type { SignalFacts } from './company.js';
import type { ComponentScore, ScoreFactor } from './factor.js';
import { clamp01, round3 } from './numbers.js';
import { keptPerText, normalizeText, presentText } from './text.js';
import { matchTrigger } from './triggers.js';

export type SignalType = 'funding' | 'expansion' | 'new-product' | 'hiring' | 'regulatory' | 'partnership' | 'media';

export const SIGNAL_WEIGHTS: Record<SignalType, number> = {
  funding: 0.9,
  expansion: 0.85,
  'new-product': 0.8,
  hiring: 0.75,
  regulatory: 0.7,
  partnership: 0.65,
  media: 0.6,
};

/**
 * A signal that matches one of the segment's own triggers counts as the type `trigger`,
 * weighed like the seed's strongest signal (funding, 0.90): the segment names it as the
 * event that makes it buy. A signal counts once — as a trigger when it matches one, else
 * as the keyword type it reads as. Each trigger counts as a type of its own (two signals
 * matching one trigger count once; two matching two triggers, as two types).
 */
export const TRIGGER_WEIGHT = SIGNAL_WEIGHTS.funding;

/** Added per distinct recognised signal type beyond the strongest. */
export const EXTRA_SIGNAL_BONUS = 0.05;

/**
 * Words that name each type, matched as whole words after normalising (`new_product`,
 * `New-Product` and `new product` are one phrase). Checked strongest type first, so
 * "funding to fund hiring" reads as funding.
 */
export const SIGNAL_KEYWORDS: Record<SignalType, readonly string[]> = {
  funding: ['funding', 'funded', 'raised', 'raise', 'fundraise', 'fundraising', 'investment', 'series a', 'series b', 'series c', 'series d', 'seed round', 'seed'],
  expansion: ['expansion', 'expanding', 'expands', 'expand', 'new office', 'new market', 'new markets', 'new region', 'relocation'],
  'new-product': ['new product', 'product launch', 'launch', 'launched', 'launches', 'new feature'],
  hiring: ['hiring', 'hires', 'hire', 'hired', 'appointed', 'appoints', 'new hire', 'job posting', 'job postings', 'recruiting', 'open roles', 'headcount growth'],
  regulatory: ['regulatory', 'regulation', 'regulations', 'compliance', 'audit', 'new law', 'mandate'],
  partnership: ['partnership', 'partnerships', 'partner', 'partnered', 'alliance'],
  media: ['media', 'media presence', 'press', 'press release', 'news', 'pr', 'mention', 'mentions', 'award', 'podcast', 'conference talk'],
};

const TYPES_BY_WEIGHT = (Object.keys(SIGNAL_WEIGHTS) as SignalType[]).sort((a, b) => SIGNAL_WEIGHTS[b] - SIGNAL_WEIGHTS[a]);

/** Each type's keywords normalised and padded once, as `containsPhrase` compares them. */
const PADDED_KEYWORDS = TYPES_BY_WEIGHT.map((type) => ({ type, keywords: SIGNAL_KEYWORDS[type].map((k) => ` ${normalizeText(k)} `) }));

/**
 * The signal type a label names (`Series B raised` → funding), or undefined: whole-word
 * phrases, as `containsPhrase` matches them, with the label normalised once (a sync
 * classifies every deal's signals against 60 keywords).
 */
export const classifySignal: (label: string) => SignalType | undefined = keptPerText(classifySignalUncached);

function classifySignalUncached(label: string): SignalType | undefined {
  const text = normalizeText(label);
  if (!text) return undefined;
  const padded = ` ${text} `;
  return PADDED_KEYWORDS.find(({ keywords }) => keywords.some((keyword) => padded.includes(keyword)))?.type;
}

export interface IntentResult {
  component: ComponentScore;
  factors: ScoreFactor[];
}

/** `triggers`: the segment's triggers a signal is matched against (see `triggers.ts`). */
export function scoreIntent(signals: readonly (string | SignalFacts)[] | null | undefined, triggers: readonly string[] = []): IntentResult {
  const labelled = (signals ?? []).map(signalLabel).filter((s): s is SignalLabel => s !== undefined);
  if (labelled.length === 0) {
    return {
      component: { value: 0, status: 'missing', detail: 'no signals on file; intent counts 0' },
      factors: [{ component: 'intent', name: 'signals', status: 'missing', value: null, detail: 'no signals on file' }],
    };
  }
  const seen = new Map<string, number>();
  const factors: ScoreFactor[] = labelled.map(({ label, text, full }) => {
    const trigger = triggers.length ? matchTrigger(full, triggers) : undefined;
    if (trigger) {
      // Each of the segment's triggers is a type of its own: a new finance leader and an audit
      // finding are two reasons to buy, which corroborate each other as two types do.
      const key = `trigger\0${trigger.trigger}`;
      const repeat = seen.has(key);
      seen.set(key, TRIGGER_WEIGHT);
      const how = `${trigger.matched} of ${trigger.of} words`;
      return { component: 'intent', name: 'trigger', status: 'computed', value: TRIGGER_WEIGHT, detail: repeat ? `"${full}" matches the trigger "${trigger.trigger}" (${how}); repeats that trigger, counted once` : `"${full}" matches the trigger "${trigger.trigger}" (${how})` };
    }
    const type = classifySignal(text);
    if (!type) {
      const why = triggers.length ? `matches none of the segment's ${formatCount(triggers.length, 'trigger')} and no signal type` : 'is not a known signal type';
      return { component: 'intent', name: label, status: 'not-applicable', value: null, detail: `"${triggers.length ? full : text}" ${why}; not counted` };
    }
    const repeat = seen.has(type);
    seen.set(type, SIGNAL_WEIGHTS[type]);
    return {
      component: 'intent',
      name: type,
      status: 'computed',
      value: SIGNAL_WEIGHTS[type],
      detail: repeat ? `"${text}" repeats ${type}; counted once` : `"${text}" reads as ${type}`,
    };
  });
  if (seen.size === 0) return { component: { value: 0, status: 'computed', detail: 'no recognised signal type' }, factors };
  const strongest = Math.max(...seen.values());
  const value = round3(clamp01(strongest + EXTRA_SIGNAL_BONUS * (seen.size - 1)));
  const detail = seen.size === 1 ? `strongest signal ${strongest}` : `strongest signal ${strongest} + ${EXTRA_SIGNAL_BONUS} × ${formatCount(seen.size - 1, 'further type')}, capped at 1`;
  return { component: { value, status: 'computed', detail }, factors };
}

interface SignalLabel {
  label: string;
  /** What the keyword types are read from: the type, or type and detail when the type says nothing known. */
  text: string;
  /** What triggers are matched against: the type and the detail together. */
  full: string;
}

/** The text a signal is classified by: its type, or its detail when the type says nothing known. */
function signalLabel(signal: string | SignalFacts): SignalLabel | undefined {
  if (typeof signal === 'string') {
    const text = presentText(signal);
    return text === undefined ? undefined : { label: text, text, full: text };
  }
  const type = presentText(signal?.type);
  if (type === undefined) return undefined;
  const detail = presentText(signal.detail);
  const text = classifySignal(type) === undefined && detail !== undefined ? `${type}: ${detail}` : type;
  return { label: type, text, full: detail !== undefined ? `${type}: ${detail}` : type };
}
