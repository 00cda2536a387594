/**
 * Reachability: can we get a message to this person? Read from the email verification
 * status an enrichment or verification tool reports. A missing or unreadable status
 * defaults to 0.70 — most addresses on file work, but nobody has checked — and the
 * breakdown says it was defaulted.
 */

import type { ComponentScore, ScoreFactor } from './factor.js';
import { lookup, normalizeText } from './text.js';

export type EmailStatusInput = string | boolean | null | undefined;

export const DEFAULT_REACHABILITY = 0.7;

/**
 * Verifier vocabularies differ (ZeroBounce says valid/catch-all/unknown, NeverBounce
 * valid/catchall/unknown/invalid, others deliverable/risky/undeliverable); these cover
 * the common words. `unverified` equals the missing default: it carries the same
 * knowledge — nobody checked.
 */
export const EMAIL_STATUS_SCORES: Record<string, number> = {
  verified: 1,
  valid: 1,
  deliverable: 1,
  unverified: DEFAULT_REACHABILITY,
  'not verified': DEFAULT_REACHABILITY,
  'catch all': 0.6,
  catchall: 0.6,
  'accept all': 0.6,
  unknown: 0.5,
  risky: 0.5,
  invalid: 0,
  undeliverable: 0,
  bounced: 0,
  bounce: 0,
  'do not mail': 0,
  spamtrap: 0,
};

export interface EmailStatusReading {
  value: number;
  /** false when the status was absent or not a word above, and the default stands in. */
  known: boolean;
  detail: string;
}

/** `true` reads as verified; `false` as unverified (not checked), not as invalid. */
export function readEmailStatus(status: EmailStatusInput): EmailStatusReading {
  if (status === true) return { value: 1, known: true, detail: 'email verified' };
  if (status === false) return { value: EMAIL_STATUS_SCORES.unverified!, known: true, detail: 'email not verified' };
  const key = typeof status === 'string' ? normalizeText(status) : '';
  if (!key) return { value: DEFAULT_REACHABILITY, known: false, detail: `no email status; default ${DEFAULT_REACHABILITY}` };
  const value = lookup(EMAIL_STATUS_SCORES, key);
  if (value === undefined) return { value: DEFAULT_REACHABILITY, known: false, detail: `unknown email status "${status}"; default ${DEFAULT_REACHABILITY}` };
  return { value, known: true, detail: `email status "${status}"` };
}

export interface ReachabilityResult {
  component: ComponentScore;
  factors: ScoreFactor[];
}

export function scoreReachability(status: EmailStatusInput): ReachabilityResult {
  const reading = readEmailStatus(status);
  const state = reading.known ? 'computed' : 'defaulted';
  return {
    component: { value: reading.value, status: state, detail: reading.detail },
    factors: [{ component: 'reachability', name: 'email_status', status: state, value: reading.value, detail: reading.detail }],
  };
}
