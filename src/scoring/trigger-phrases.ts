/**
 * Phrases that name one thing in many words, folded to one word before a signal is matched
 * against a segment's triggers (`triggers.ts`). A trigger says "A new controller or VP of
 * Finance"; a signal says "new CFO hired": both name a new finance leader, yet no stem of
 * `cfo` is one of `controller`. The same for the event words: "a new payment provider
 * going live" is what "added Adyen as a new payment provider" reports.
 *
 * Both sides are folded alike, so a fold can only make two texts that name the same thing
 * agree; the share of words a match needs (`TRIGGER_MATCH_SHARE`) is unchanged.
 *
 * - **Role families**: the leader of one function, however the title is written (`CFO`,
 *   `VP of Finance`, `Head of Finance`, `Financial Controller`, `Finance Director`…). A
 *   trigger about a new leader of a function is about whoever leads it. A controller of
 *   something else (`credit controller`, `data controller`) is none.
 * - **Going live**: `went live`, `rolled out`, `switched to`, `adopted`, `added`,
 *   `integrated`, `onboarded` — a tool or provider taken into use.
 * - **Joining**: `hired`, `appointed`, `joined`, `promoted to`, `named as` — a person new in a role,
 *   folded to `new`.
 */

import { keptPerText, normalizeText } from './text.js';

const LEADERS: Record<string, readonly string[]> = {
  financeleader: ['chief financial officer', 'cfo', 'finance chief', 'finance leader', 'finance lead', 'head of finance', 'finance head', 'vp of finance', 'vp finance', 'vice president of finance', 'vice president finance', 'svp finance', 'svp of finance', 'finance director', 'director of finance', 'financial controller', 'finance controller', 'group controller', 'controller', 'comptroller'],
  techleader: ['chief technology officer', 'chief technical officer', 'cto', 'head of engineering', 'vp of engineering', 'vp engineering', 'vice president of engineering', 'engineering director', 'director of engineering', 'engineering leader'],
  salesleader: ['chief revenue officer', 'cro', 'chief sales officer', 'head of sales', 'vp of sales', 'vp sales', 'vice president of sales', 'sales director', 'director of sales', 'sales leader'],
  marketingleader: ['chief marketing officer', 'cmo', 'head of marketing', 'vp of marketing', 'vp marketing', 'vice president of marketing', 'marketing director', 'director of marketing', 'marketing leader'],
  operationsleader: ['chief operating officer', 'coo', 'head of operations', 'vp of operations', 'vp operations', 'vice president of operations', 'operations director', 'director of operations'],
};

const EVENTS: Record<string, readonly string[]> = {
  golive: ['going live', 'goes live', 'gone live', 'went live', 'go live', 'live', 'rolled out', 'rolling out', 'rolls out', 'roll out', 'switched to', 'switching to', 'switches to', 'adopted', 'adopting', 'adopts', 'adopt', 'added', 'adding', 'adds', 'integrated', 'integrating', 'integrates', 'onboarded', 'onboarding', 'implemented', 'implementing'],
  // Someone hired or appointed is someone new in the role: the word a trigger says it with ("a new controller").
  new: ['hired', 'hires', 'hiring', 'hire', 'appointed', 'appoints', 'appointing', 'joined', 'joins', 'joining', 'promoted to', 'named as'],
};

/**
 * A bare "controller" is a finance leader — the head of accounting, in a mid-market company
 * often its top finance person, and the example's trigger says "a new controller". These
 * are not: a credit controller chases invoices (a junior role in the UK), a data controller
 * is the GDPR's term for whoever decides on personal data, and the rest are machines or
 * software. Each folds to a word of its own (the phrase without spaces), so "hiring a credit
 * controller" or "appointed a data controller" is no new finance leader.
 */
const OTHER_CONTROLLERS: readonly string[] = [
  'credit controller', 'credit controllers', 'data controller', 'data controllers', 'joint controller', 'joint controllers',
  'plc controller', 'motor controller', 'game controller', 'domain controller', 'ingress controller', 'air traffic controller',
  'storage controller', 'raid controller', 'memory controller',
];

const WORD_OF = new Map([
  ...Object.entries({ ...LEADERS, ...EVENTS }).flatMap(([word, phrases]) => phrases.map((phrase) => [normalizeText(phrase), word] as const)),
  ...OTHER_CONTROLLERS.map((phrase) => [normalizeText(phrase), normalizeText(phrase).replace(/ /g, '')] as const),
]);

/** One pass over the text, longest phrase first at each place, so `vp of finance` is taken before `finance` could be read alone. */
const PHRASES = new RegExp(
  `(?<= |^)(?:${[...WORD_OF.keys()].sort((a, b) => b.length - a.length).join('|')})(?= |$)`,
  'g',
);

/** The text normalised, each phrase above replaced by its one word. */
export const foldTriggerPhrases: (text: string) => string = keptPerText((text: string): string =>
  normalizeText(text.replace(/['’]s\b/g, '')).replace(PHRASES, (phrase) => WORD_OF.get(phrase)!),
);
