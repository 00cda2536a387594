/**
 * The ten touch templates of the built-in sequences, plus one fallback per channel for
 * template names we do not know. Email templates return sentences grouped in
 * paragraphs; a sentence marked optional is the first to go if the email would break
 * the length limits (see drafts.ts). Text from the canvas is always introduced by a
 * colon or parentheses, because a pain may be written as a noun ("manual month-end
 * close") or as a clause ("close takes ten days") and must read well either way.
 */

import type { Channel } from './sequences.js';
import type { DraftContext } from './draft-context.js';

/** A sentence, an optional sentence (dropped first when too long), or nothing. */
export type Sentence = string | { optional: string } | null | undefined | false;

export type TemplateOutput =
  | { kind: 'email'; subject: string; paragraphs: Sentence[][] }
  | { kind: 'text'; subject: string; text: string };

export interface DraftTemplate {
  channel: Channel;
  render(ctx: DraftContext): TemplateOutput;
}

const opt = (text: string | undefined | null): Sentence => (text ? { optional: text } : null);
const email = (subject: string, paragraphs: Sentence[][]): TemplateOutput => ({ kind: 'email', subject, paragraphs });
const painLine = (c: DraftContext): Sentence => c.pain && `A problem we often hear from ${c.peers}: ${c.pain}.`;
const uvpLine = (c: DraftContext): Sentence => c.uvp && `What we do${c.us ? ` at ${c.us}` : ''}: ${c.uvp}.`;
const proofLine = (c: DraftContext, proof = c.proof): Sentence => proof && `One result from a team much like ${c.company}: ${proof}.`;
const pilotLine = (c: DraftContext): string =>
  `Here is a low-risk way to test this at ${c.company}: a short pilot${c.pilotFee ? ` (${c.pilotFee})` : ''} on your own data, with results before any bigger commitment.`;

/** Subjects stay within 60 characters: the first candidate that fits wins. */
export function pickSubject(...candidates: (string | false | undefined)[]): string {
  return candidates.find((c): c is string => typeof c === 'string' && c.length > 0 && c.length <= 60) ?? 'A quick question';
}

export const DRAFT_TEMPLATES: Readonly<Record<string, DraftTemplate>> = {
  'cold-1-problem': {
    channel: 'email',
    render: (c) =>
      email(pickSubject(c.first && `${c.first}, a question about ${c.company}`, `A question about ${c.company}`), [
        [opt(c.hook)],
        [painLine(c), uvpLine(c)],
        [`Would a 20-minute call next week be worth it to see if this applies to ${c.company}?`],
      ]),
  },
  'cold-2-insight': {
    channel: 'email',
    render: (c) =>
      email(pickSubject(`An idea for ${c.company}`), [
        [c.whyNow ?? opt(c.hook)],
        [c.pain && `One pattern we keep seeing in ${c.peers}: ${c.pain}.`, opt(c.uvp && `What we do: ${c.uvp}.`)],
        ['Open to a short call to compare notes?'],
      ]),
  },
  'cold-3-case-study': {
    channel: 'email',
    render: (c) =>
      email(pickSubject(`A result worth a look for ${c.company}`, 'A result worth a look'), [
        // Touch 1 opened on the first hook: only a second signal is news here.
        [opt(c.secondHook)],
        c.proof ? [proofLine(c), `I think ${c.company} could see something similar.`] : [uvpLine(c)],
        [c.proof ? 'Worth 20 minutes to walk through how they did it?' : `Worth 20 minutes to see what it could look like at ${c.company}?`],
      ]),
  },
  'cold-4-value': {
    channel: 'email',
    render: (c) =>
      email(pickSubject(`A low-risk pilot for ${c.company}`, 'A low-risk pilot'), [
        [pilotLine(c)],
        [opt(c.uvp && `What you would test: ${c.uvp}.`), opt(c.secondProof && `Another team saw this: ${c.secondProof}.`)],
        ['Would you be open to a call this week to scope it?'],
      ]),
  },
  'cold-5-breakup': {
    channel: 'email',
    render: (c) =>
      email(pickSubject(c.first && `Closing the loop, ${c.first}`, `Closing the loop on ${c.company}`), [
        [c.pain && `I have written a few times about one problem at ${c.company}: ${c.pain}.`],
        ['I have not heard back, so I will assume the timing is not right and close my file.'],
        ['If that changes, just reply to this note and we can find a time.'],
      ]),
  },
  'follow-up-1-recap': {
    channel: 'email',
    render: (c) =>
      email(pickSubject(`A short recap for ${c.company}`, 'A short recap'), [
        [`A short recap of why I got in touch with ${c.company}.`],
        [c.pain && `The problem: ${c.pain}.`, c.uvp && `What we do: ${c.uvp}.`, opt(c.proof && `The evidence: ${c.proof}.`)],
        ['Would a short call this week help decide whether it is worth exploring?'],
      ]),
  },
  'follow-up-2-call': { channel: 'call', render: (c) => callScript(c) },
  'follow-up-3-value': {
    channel: 'email',
    render: (c) =>
      email(pickSubject(`Something useful for ${c.company}`, 'Something useful'), [
        [c.proof ? `Something that may be useful for ${c.company}: ${c.proof}.` : uvpLine(c)],
        [opt(c.whyNow)],
        [opt(c.pain && `It speaks to a problem we often hear: ${c.pain}.`)],
        ['Could we find 20 minutes next week to go through it?'],
      ]),
  },
  'follow-up-4-linkedin': { channel: 'linkedin', render: (c) => linkedinNote(c) },
  'follow-up-5-breakup': {
    channel: 'email',
    render: (c) =>
      email(pickSubject(`Closing the loop on ${c.company}`, 'Closing the loop'), [
        [`I do not want to keep filling your inbox, so this is my last note about ${c.company}.`],
        [c.pain && `If solving it (${c.pain}) becomes a priority, reply here and we will find a time.`, !c.pain && 'If the timing changes, reply here and we will find a time.'],
        [c.first ? `Thanks for reading, ${c.first}.` : 'Thanks for reading.'],
      ]),
  },
};

/** For a template name we do not know: a plain draft in the touch's channel. */
export const FALLBACK_TEMPLATES: Readonly<Record<Channel, DraftTemplate>> = {
  email: {
    channel: 'email',
    render: (c) =>
      email(pickSubject(`A question about ${c.company}`), [
        [opt(c.hook)],
        [painLine(c), uvpLine(c)],
        [`Would a 20-minute call next week make sense for ${c.company}?`],
      ]),
  },
  call: { channel: 'call', render: (c) => callScript(c) },
  linkedin: { channel: 'linkedin', render: (c) => linkedinNote(c) },
};

/**
 * A call script is an outline to talk from, not prose to read: opener, reason, what to
 * find out, what to offer, the ask, and a voicemail. Two questions at most, like an email.
 */
function callScript(c: DraftContext): TemplateOutput {
  const hi = c.first ? `Hi ${c.first}` : 'Hi';
  const who = c.title ? `${c.fullName}, ${c.title} at ${c.company}` : `${c.fullName} at ${c.company}`;
  const lines = [
    `Call script: ${who}`,
    '',
    `1. Opener: "${hi}, I am calling from ${c.us ?? 'our team'} about a note I sent to ${c.company}. Do you have two minutes?"`,
    `2. Reason for calling: ${c.whyNow ?? c.hook ?? `ask what is changing at ${c.company} this quarter.`}`,
    `3. Discovery: confirm the problem${c.pain ? ` (${c.pain})` : ''}, how it is handled today and what it costs.`,
    `4. Value: ${c.uvp ? `${c.uvp}.` : 'what we do, in one sentence.'}${c.proof ? ` Proof: ${c.proof}.` : ''}`,
    '5. Ask: "Could we book 20 minutes this week to look at it properly?"',
    '',
    `Voicemail: "${hi}, this is ${c.us ?? 'our team'} about the note I sent to ${c.company}. I will follow up by email."`,
  ];
  return { kind: 'text', subject: pickSubject(`Call: ${c.fullName}, ${c.company}`, `Call: ${c.company}`, 'Call'), text: lines.join('\n') };
}

/** LinkedIn connection notes are capped at 300 characters; the hook is dropped first, then the peers line. */
export const LINKEDIN_NOTE_LIMIT = 300;

function linkedinNote(c: DraftContext): TemplateOutput {
  const hi = c.first ? `Hi ${c.first},` : 'Hi,';
  const close = `I sent you a note about ${c.company} and would be glad to connect here too.`;
  const peers = `I work with ${c.peers}${c.us ? ` at ${c.us}` : ''}.`;
  // The greeting on its own line: "Hi Dana, Congratulations" would read as one run-on sentence.
  const candidates = [[c.hook, peers, close], [peers, close], [close]].map((parts) => `${hi}\n${parts.filter(Boolean).join(' ')}`);
  const text = candidates.find((t) => t.length <= LINKEDIN_NOTE_LIMIT) ?? candidates[candidates.length - 1]!;
  return { kind: 'text', subject: pickSubject(c.first && `Connecting, ${c.first}`, `Connecting with ${c.company}`, 'Connecting'), text };
}
