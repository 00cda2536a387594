import type { DealInput } from '../schema/stages.js';
import { prospectFromDealInput, resolveIcpThresholds, scoreIcp, type IcpScore } from '../scoring/index.js';
import { readableSignals } from '../outreach/signal-text.js';
import type { ScoringContext } from './thread-scores.js';

export interface ProspectIcp {
  score: IcpScore;
  /** The segment ICP's `good` band threshold: where a company starts to be worth contacting. */
  good: number;
}

/**
 * The ICP score of a campaign prospect's company against its segment: the one place the
 * outreach gates call the ICP scorer. A prospect in 5-actions.md carries the company's
 * facts as its own fields (`industry`, `employees`, `revenue`, `geography`,
 * `technologies`, `signals`, `email_status`, `data_date`); they are read as a deal's
 * Stage 1 would be, so a prospect scores exactly as the same company would as a deal.
 * Null when the segment is unknown.
 */
export function scoreProspectCompany(context: ScoringContext, segmentId: string | null | undefined, prospect: Record<string, unknown>, asOf: string): ProspectIcp | null {
  const segment = segmentId ? context.profiles.get(segmentId) : undefined;
  if (!segment) return null;
  const text = (key: string): string | null => (typeof prospect[key] === 'string' && (prospect[key] as string).trim() ? (prospect[key] as string) : null);
  const input = {
    date: text('data_date'),
    contact: { name: text('name'), title: text('title'), email: text('email'), email_status: prospect.email_status, email_verified: prospect.email_verified },
    company: {
      name: text('company'),
      domain: text('domain'),
      industry: text('industry'),
      employees: prospect.employees ?? null, // a count or a band (`201-500`), read as a deal's Stage 1 is
      revenue: prospect.revenue ?? null,
      geography: text('geography'),
      technologies: Array.isArray(prospect.technologies) ? prospect.technologies.filter((t): t is string => typeof t === 'string') : [],
      signals: readableSignals(prospect.signals),
    },
  } as unknown as DealInput;
  return { score: scoreIcp(prospectFromDealInput(input), segment.profile, { asOf }), good: resolveIcpThresholds(segment.profile.thresholds).good };
}
