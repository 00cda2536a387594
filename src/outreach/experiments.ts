/**
 * Campaign experiments: which variant of a touch each prospect gets, and what the
 * variant changes in a draft. Pure. The statistics are in experiment-analysis.ts.
 */
import { createHash } from 'node:crypto';
import type { Draft } from './draft-message.js';

export type ExperimentMetric = 'open_rate' | 'click_rate' | 'reply_rate' | 'meeting_rate';

export interface ExperimentVariant {
  id: string;
  split: number;
  subject?: string | null | undefined;
  opening?: string | null | undefined;
  call_to_action?: string | null | undefined;
  day?: number | null | undefined;
}

export interface ExperimentDesign {
  name: string;
  touch: number;
  metric?: ExperimentMetric | undefined;
  assumption?: string | null | undefined;
  supports?: string | null | undefined;
  content_opportunity?: { topic: string; priority?: string | undefined; slug?: string | undefined } | null | undefined;
  variants: readonly ExperimentVariant[];
}

/**
 * A number in [0, 1) that depends only on the campaign, the experiment and the
 * prospect's email (trimmed, lower-cased): the first 52 bits of their SHA-256. Adding or
 * removing other prospects never moves anyone; renaming the experiment reshuffles all.
 */
export function assignmentPoint(campaign: string, experiment: string, email: string): number {
  const digest = createHash('sha256').update(`${campaign}\n${experiment}\n${email.trim().toLowerCase()}`).digest('hex');
  return parseInt(digest.slice(0, 13), 16) / 2 ** 52;
}

/**
 * The variant a prospect gets: the one whose slice of [0, 1) — in the listed order, each
 * as wide as its split — holds the prospect's assignment point. With splits that do not
 * sum to 1 (reported by check), they are scaled to sum to 1.
 */
export function assignVariant(campaign: string, experiment: Pick<ExperimentDesign, 'name' | 'variants'>, email: string): ExperimentVariant | undefined {
  const total = experiment.variants.reduce((s, v) => s + (v.split > 0 ? v.split : 0), 0);
  if (!(total > 0)) return undefined;
  const point = assignmentPoint(campaign, experiment.name, email) * total;
  let edge = 0;
  for (const variant of experiment.variants) {
    edge += variant.split > 0 ? variant.split : 0;
    if (point < edge) return variant;
  }
  return experiment.variants.findLast((v) => v.split > 0);
}

/** Replaces `{first_name}` and `{company}` in a variant's text. */
function fill(text: string, prospect: { first: string | undefined; company: string }): string {
  return text.replace(/\{first_name\}/g, prospect.first ?? 'there').replace(/\{company\}/g, prospect.company);
}

/**
 * The draft with the variant's changes: its subject; its opening as the first paragraph
 * after the greeting; its call to action as the last paragraph (email bodies are a
 * greeting then paragraphs, the ask last). A LinkedIn note or a call script, one block
 * of text, takes an opening before it and a call to action after it.
 */
export function applyVariant(draft: Pick<Draft, 'subject' | 'body' | 'channel'>, variant: ExperimentVariant, prospect: { first: string | undefined; company: string }): { subject: string; body: string } {
  const subject = variant.subject?.trim() ? fill(variant.subject.trim(), prospect) : draft.subject;
  const opening = variant.opening?.trim() ? fill(variant.opening.trim(), prospect) : undefined;
  const ask = variant.call_to_action?.trim() ? fill(variant.call_to_action.trim(), prospect) : undefined;
  const [greeting, ...rest] = draft.body.split(/\n\n+/);
  if (draft.channel === 'email' && rest.length > 0) {
    // The ask replaces the last paragraph when there is one besides the opening; else it is added.
    const last = rest.length - 1;
    if (ask && last > 0) rest[last] = ask;
    else if (ask) rest.push(ask);
    if (opening) rest[0] = opening;
    return { subject, body: [greeting, ...rest].join('\n\n') };
  }
  return { subject, body: [opening, draft.body, ask].filter(Boolean).join('\n\n') };
}
