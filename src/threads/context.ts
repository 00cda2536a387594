import type { ThreadMeta } from '../schema/meta.js';

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
  employees: number | null;
  revenue: number | string | null;
  geography: string | null;
  technologies: string[];
  signals: unknown[];
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
