/**
 * A segment's triggers (`triggers:` in 04-segments.md; `Trigger: …` lines of the ICP
 * file's `problem_signals`) are the events that make that segment buy. A prospect's
 * signal matches a trigger when, for one of the trigger's alternatives, at least 75% of
 * its content words appear in the signal (stems, stop words left out — see `stems.ts`).
 *
 * Alternatives: a trigger is split on ` or ` and `;`; a later alternative without a verb
 * of its own inherits the first alternative's leading -ing word ("Launching a new
 * marketplace or a wholesale channel" → "launch new marketplac" | "launch wholesal
 * channel"). 75% lets one word of four differ ("Preparing for due diligence" matches
 * "Preparing for an acquisition's due diligence") while two- and three-word triggers
 * need every word.
 *
 * Before the words are compared, both texts fold the phrases that name one thing in many
 * words (`trigger-phrases.ts`): `CFO` and `VP of Finance` are one finance leader, `went
 * live` and `added` one provider taken into use.
 */

import { contentStems } from './stems.js';
import { normalizeText } from './text.js';
import { foldTriggerPhrases } from './trigger-phrases.js';

/** The share of an alternative's content words a signal must contain. */
export const TRIGGER_MATCH_SHARE = 0.75;

export interface TriggerMatch {
  trigger: string;
  /** The alternative's stems that the signal contains, of how many. */
  matched: number;
  of: number;
}

/** The trigger texts of an ICP's `problem_signals` (the lines written `Trigger: …`). */
export function triggersFromProblemSignals(problemSignals: readonly string[]): string[] {
  return problemSignals.flatMap((line) => {
    const m = /^\s*trigger\s*:\s*(.+)$/i.exec(line);
    return m ? [m[1]!.trim()] : [];
  });
}

const alternativesCache = new Map<string, string[][]>();

/** A trigger's alternatives as sets of stems; memoised (a sync scores every deal against the same few triggers). */
function alternatives(trigger: string): string[][] {
  let cached = alternativesCache.get(trigger);
  if (cached === undefined) {
    if (alternativesCache.size > 1_000) alternativesCache.clear();
    cached = alternativesUncached(trigger);
    alternativesCache.set(trigger, cached);
  }
  return cached;
}

function alternativesUncached(trigger: string): string[][] {
  const parts = trigger.split(/\s+or\s+|;/i).map((p) => p.trim()).filter(Boolean);
  const first = normalizeText(parts[0] ?? '').split(' ')[0] ?? '';
  const verb = first.endsWith('ing') ? contentStems(foldTriggerPhrases(parts[0]!))[0] : undefined;
  return parts.map((part, i) => {
    const stems = contentStems(foldTriggerPhrases(part));
    const ownVerb = normalizeText(part).split(' ')[0]?.endsWith('ing');
    return i > 0 && verb !== undefined && !ownVerb && !stems.includes(verb) ? [verb, ...stems] : stems;
  }).filter((s) => s.length > 0).map((s) => [...new Set(s)]);
}

/** The first trigger the signal text matches (best share first), or undefined. */
export function matchTrigger(signal: string, triggers: readonly string[]): TriggerMatch | undefined {
  const have = new Set(contentStems(foldTriggerPhrases(signal)));
  if (have.size === 0) return undefined;
  let best: TriggerMatch | undefined;
  for (const trigger of triggers) {
    for (const alt of alternatives(trigger)) {
      const matched = alt.filter((s) => have.has(s)).length;
      if (matched / alt.length >= TRIGGER_MATCH_SHARE && (!best || matched / alt.length > best.matched / best.of)) best = { trigger, matched, of: alt.length };
    }
  }
  return best;
}
