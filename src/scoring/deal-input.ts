/**
 * Reads a deal's Stage 1 front matter (`1-input.md`) as scorer inputs. The schema has no
 * field for email verification, so the contact's `email_status` (a verifier's word) or
 * `email_verified` (a boolean) is read when someone added one.
 */

import type { DealInput } from '../schema/stages.js';
import { employeesOf } from './numbers.js';
import type { ContactFacts } from './contact-score.js';
import type { IcpProspect } from './icp-score.js';
import type { BehaviourInput, LeadInputs } from './lead-score.js';
import type { EmailStatusInput } from './reachability.js';

/** The deal's own `signal` (`deal new --signal`) counts as one more of the company's signals. */
export function prospectFromDealInput(input: DealInput): IcpProspect {
  const signal = typeof input.signal === 'string' && input.signal.trim() !== '' ? [input.signal.trim()] : [];
  // A band (`201-500`) is held as the text written; the scorers take it as a range.
  const employees = employeesOf(input.company.employees);
  const company = Object.assign({}, input.company, { employees }, signal.length ? { signals: [...(input.company.signals ?? []), ...signal] } : {});
  return { company, emailStatus: emailStatusOf(input.contact), dataDate: input.date };
}

export function contactFromDealInput(input: DealInput): ContactFacts {
  const { name, title, email, linkedin } = input.contact;
  return { name, title, email, linkedin, emailStatus: emailStatusOf(input.contact) };
}

function emailStatusOf(contact: Record<string, unknown>): EmailStatusInput {
  for (const key of ['email_status', 'email_verified']) {
    const value = contact[key];
    if (typeof value === 'string' || typeof value === 'boolean') return value;
  }
  return undefined;
}

/**
 * Engagement counts a deal's Stage 1 may carry for its lead score, as `engagement:
 * {email, website, content, social}` (counts, or `{level: 0–1}`); absent parts score 0.
 */
export function behaviourFromDealInput(input: DealInput): LeadInputs['behaviour'] {
  const block = (input as Record<string, unknown>).engagement;
  if (!block || typeof block !== 'object' || Array.isArray(block)) return {};
  const read = (value: unknown): BehaviourInput => {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (value && typeof value === 'object' && typeof (value as { level?: unknown }).level === 'number') return { level: (value as { level: number }).level };
    return undefined;
  };
  const e = block as Record<string, unknown>;
  return { email: read(e.email), website: read(e.website), content: read(e.content), social: read(e.social) };
}
