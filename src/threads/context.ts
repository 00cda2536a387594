import type { ThreadMeta } from '../schema/meta.js';
import { currencySign } from '../schema/money.js';

/** The variables every thread template can use (strict rendering: nothing else exists). */
export interface ThreadTemplateContext {
  [key: string]: unknown;
  title: string;
  id: string;
  type: ThreadMeta['type'];
  segment: string | null;
  segment_name: string | null;
  source: string;
  date: string;
  goal_id: string | null;
  subgoal: string | null;
  stage: number;
  company: string;
  contact_name: string | null;
  contact_title: string | null;
  contact_email: string | null;
  /** Written into Stage 1's contact only when known (a campaign prospect's `email_status`). */
  contact_email_status: string | null;
  domain: string | null;
  signal: string | null;
  /** The company's facts, when the deal starts from a campaign prospect who had them (`campaign reply`); else null or empty. */
  industry: string | null;
  employees: number | string | null;
  revenue: number | string | null;
  geography: string | null;
  technologies: string[];
  signals: unknown[];
  /** The workspace's currency (`EUR`) and its sign (`€`), for the templates' money examples: set by renderStageFile. */
  currency?: string;
  currency_sign?: string;
}

/**
 * The template variables of the workspace's currency: `{currency: 'EUR', currency_sign: '€'}`,
 * so an example reads `"€36k"` where the workspace counts euros. A currency with no sign the
 * money reader knows (CHF) gets an empty sign: a plain `36k` counts in the workspace's
 * currency, where `36k CHF` would be no amount to it.
 */
export function currencyContext(currency: string): { currency: string; currency_sign: string } {
  return { currency, currency_sign: currencySign(currency) ?? '' };
}

export function threadTemplateContext(
  meta: ThreadMeta,
  stage: number,
  date: string,
  segmentName: string | null,
  extra: Partial<ThreadTemplateContext> = {},
): ThreadTemplateContext {
  return {
    title: meta.title,
    id: meta.id,
    type: meta.type,
    segment: meta.segment ?? null,
    segment_name: segmentName,
    source: meta.source,
    date,
    goal_id: meta.goal_id ?? null,
    subgoal: meta.subgoal ?? null,
    stage,
    company: meta.title,
    contact_name: null,
    contact_title: null,
    contact_email: null,
    contact_email_status: null,
    domain: null,
    signal: null,
    industry: null,
    employees: null,
    revenue: null,
    geography: null,
    technologies: [],
    signals: [],
    ...extra,
  };
}
