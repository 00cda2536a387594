/**
 * Drafts one touch for one prospect: the touch's template filled from the prospect,
 * the company's signals and industry, the segment's pains and our materials. Pure: the
 * caller passes `today` (signals older than SIGNAL_FRESH_DAYS are not mentioned).
 */

import type { SignalFacts } from '../scoring/index.js';
import { proofPoints, formatFee, peersPhrase, type DraftContext, type Materials } from './draft-context.js';
import type { DraftLanguage } from './draft-language.js';
import { DRAFT_TEMPLATES, FALLBACK_TEMPLATES, type DraftTemplate, type Sentence } from './draft-templates.js';
import { DRAFT_TEMPLATES_DE, FALLBACK_TEMPLATES_DE, germanGreeting } from './draft-templates-de.js';
import { companyCore, firstName } from './names.js';
import { painHypotheses } from './pain-hypotheses.js';
import { countWords } from './phrases.js';
import type { Channel } from './sequences.js';
import { readSignals, signalHooks, whyNow } from './signal-hooks.js';
import { clipPhrase, lowerFirst, settleEllipses, usableText } from './wording.js';

/** Email bodies stay under this many words and at most this many sentences (the greeting is not one). */
export const EMAIL_MAX_WORDS = 120;
export const EMAIL_MAX_SENTENCES = 5;
/**
 * The UVP's word budget. It is the one claim every draft makes, so it gets more room than
 * a pain or a proof point (18 and 20): a canvas UVP of one sentence usually fits whole.
 */
export const UVP_MAX_WORDS = 25;

export interface DraftInput {
  touch: { template: string; channel?: Channel | undefined };
  prospect: { name: string; email?: string | null | undefined; company: string; title?: string | null | undefined };
  company?: {
    industry?: string | null | undefined;
    employees?: number | null | undefined;
    revenue?: unknown;
    signals?: readonly (string | SignalFacts)[] | null | undefined;
  } | null;
  segment?: { name?: string | null | undefined; pains?: readonly string[] | null; triggers?: readonly string[] | null } | null;
  materials?: Materials | null;
  today: string;
  /** The language to write in (draftLanguage): English unless said. */
  language?: DraftLanguage | undefined;
}

export interface Personalization {
  hooks: string[];
  whyNow: string | null;
  painHypotheses: string[];
}

export interface Draft {
  subject: string;
  body: string;
  /** The channel the body is written for: the template's own channel. */
  channel: Channel;
  /** The template used: the touch's, or `fallback-<channel>` for a name we do not know. */
  template: string;
  /** The language it is written in. */
  language: DraftLanguage;
  personalization: Personalization;
}

/**
 * The channel a touch is drafted in: its template's own when threadwork knows the template,
 * else the touch's channel (its fallback template). The approval gates compare a draft with
 * it, to tell a draft written before the sequence was edited.
 */
export function draftedChannel(touch: DraftInput['touch']): Channel {
  return (knownTemplate(touch.template) ?? FALLBACK_TEMPLATES[touch.channel ?? 'email']).channel;
}

function knownTemplate(name: string): DraftTemplate | undefined {
  return Object.hasOwn(DRAFT_TEMPLATES, name) ? DRAFT_TEMPLATES[name] : undefined;
}

export function draftMessage(input: DraftInput): Draft {
  const { prospect, today } = input;
  const company = companyCore(prospect.company) ?? 'your team';
  const language = input.language ?? 'en';
  const signals = readSignals(input.company?.signals, today, input.segment?.triggers ?? []);
  // The hooks and the why-now are English sentences: a German draft leaves them out rather than mix languages.
  const inSentence = (text: string): string => (language === 'en' ? lowerFirst(text) : text);
  const hooks = language === 'en' ? signalHooks(signals, company) : [];
  const why = language === 'en' ? whyNow(signals, company) : null;
  const pains = painHypotheses(input.segment?.pains, input.company ?? {}, signals.map((s) => s.type), input.materials?.top_problem);
  const proof = proofPoints(input.materials?.proof);
  const industry = usableText(input.company?.industry);
  const uvp = usableText(input.materials?.uvp);
  const ctx: DraftContext = {
    first: firstName(prospect.name),
    fullName: usableText(prospect.name) ?? company,
    title: usableText(prospect.title),
    company,
    peers: peersPhrase(industry, company),
    hook: hooks[0],
    secondHook: hooks[1],
    whyNow: why ?? undefined,
    // After a colon English lower-cases the first word; German keeps it, as its nouns are capitalised ("Nachrüst-Sensorik").
    pain: pains[0] === undefined ? undefined : inSentence(pains[0]),
    uvp: uvp === undefined ? undefined : inSentence(clipPhrase(uvp, UVP_MAX_WORDS)),
    proof: proof[0],
    secondProof: proof[1],
    pilotFee: formatFee(input.materials?.pilot_fee),
    us: usableText(input.materials?.company),
  };
  const templates = language === 'de' ? DRAFT_TEMPLATES_DE : DRAFT_TEMPLATES;
  const known = Object.hasOwn(templates, input.touch.template) ? templates[input.touch.template] : undefined;
  const template = known ?? (language === 'de' ? FALLBACK_TEMPLATES_DE : FALLBACK_TEMPLATES)[input.touch.channel ?? 'email'];
  const output = template.render(ctx);
  const greeting = language === 'de' ? germanGreeting(ctx) : ctx.first ? `Hi ${ctx.first},` : 'Hi,';
  const body = output.kind === 'email' ? emailBody(greeting, output.paragraphs) : output.text;
  return {
    subject: settleEllipses(output.subject),
    body: settleEllipses(body),
    channel: template.channel,
    template: known ? input.touch.template : `fallback-${template.channel}`,
    language,
    personalization: { hooks, whyNow: why, painHypotheses: pains },
  };
}

/**
 * The greeting line (`Hi Dana,`, `Guten Tag Dana Weber,`), then the paragraphs. Optional sentences are dropped from the end while the
 * email is over EMAIL_MAX_WORDS or EMAIL_MAX_SENTENCES; every input phrase is already
 * clipped, so required sentences alone always fit.
 */
export function emailBody(greeting: string, paragraphs: readonly Sentence[][]): string {
  const kept = paragraphs.map((p) => p.filter((s): s is string | { optional: string } => Boolean(s)));
  const render = (): string => {
    const lines = kept.map((p) => p.map((s) => (typeof s === 'string' ? s : s.optional)).join(' ')).filter(Boolean);
    return [greeting, ...lines].join('\n\n');
  };
  const sentences = (): number => kept.reduce((n, p) => n + p.length, 0);
  while (countWords(render()) >= EMAIL_MAX_WORDS || sentences() > EMAIL_MAX_SENTENCES) {
    const p = kept.findLastIndex((para) => para.some((s) => typeof s !== 'string'));
    if (p < 0) break;
    const para = kept[p]!;
    para.splice(para.findLastIndex((s) => typeof s !== 'string'), 1);
  }
  return render();
}
