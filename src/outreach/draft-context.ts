/**
 * Everything a draft template may say about one prospect, resolved once: names,
 * the best hook and why-now, the best-matched pain, and our own claims, each already
 * cut to a phrase that fits a sentence. Absent pieces are undefined, and templates
 * leave out the sentence that needed them, so no draft ever shows an empty slot.
 */

import { clipPhrase, lowerFirst, usableText, wholePhrase } from './wording.js';

export interface DraftContext {
  /** First name, or undefined when the prospect's name is blank. */
  first: string | undefined;
  fullName: string;
  title: string | undefined;
  /** The company as a sentence names it (legal suffixes dropped). */
  company: string;
  /** `fintech teams like Acme`, or `teams like Acme` without an industry. */
  peers: string;
  hook: string | undefined;
  /**
   * The hook of a second kind of signal, for a later touch that opens on one: the prospect
   * read the first in touch 1, and "Congratulations on the Series B" twice reads as a mail merge.
   */
  secondHook: string | undefined;
  whyNow: string | undefined;
  pain: string | undefined;
  uvp: string | undefined;
  proof: string | undefined;
  secondProof: string | undefined;
  pilotFee: string | undefined;
  /** Our company's name, when the materials give it. */
  us: string | undefined;
}

export interface Materials {
  uvp?: string | null | undefined;
  top_problem?: string | null | undefined;
  proof?: readonly string[] | null | undefined;
  pilot_fee?: string | number | null | undefined;
  /** Our company's name. */
  company?: string | null | undefined;
}

/** `5000` → `$5,000`; text such as `€5k` or `$5,000 credited on signing` is kept as written. */
export function formatFee(fee: unknown): string | undefined {
  if (typeof fee === 'number') return Number.isFinite(fee) && fee > 0 ? `$${fee.toLocaleString('en-US')}` : undefined;
  const text = usableText(fee);
  return text ? clipPhrase(text, 8) : undefined;
}

/** The proof points that can be quoted, each cut to one short phrase. */
export function proofPoints(proof: readonly string[] | null | undefined): string[] {
  return (proof ?? [])
    .map((p) => usableText(p))
    .filter((p): p is string => p !== undefined)
    .map((p) => clipPhrase(p, 20));
}

/** An industry longer than four words is left out rather than cut: `financial services and… teams` reads as a mistake. */
export function peersPhrase(industry: string | undefined, company: string): string {
  const kind = industry === undefined ? undefined : wholePhrase(industry, 4);
  return kind ? `${lowerFirst(kind)} teams like ${company}` : `teams like ${company}`;
}
