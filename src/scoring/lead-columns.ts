/**
 * The lead score of a contact-list row, as the list's columns name it. The lead score's
 * parts are named for `LeadInputs` (`email`, `website`, `companySize`, `role`), which on
 * a list are other columns: `email` is `email_engagements`, not the address. A row's
 * `missing` names the column to fill in, so a contact with an address on file is never
 * told `email` is missing.
 */

import type { IcpScore } from './icp-score.js';
import { BEHAVIOUR_SATURATION, type LeadPart, type LeadScore } from './lead-score.js';

/** The list columns the lead score reads. */
export type LeadColumn = 'employees' | 'industry' | 'geography' | 'title' | 'email_engagements' | 'website_visits' | 'content_downloads' | 'social_engagements';

/** The column each lead part reads on a contact list. */
export const LEAD_PART_COLUMNS: Record<LeadPart['name'], LeadColumn> = {
  companySize: 'employees',
  industry: 'industry',
  geography: 'geography',
  role: 'title',
  email: 'email_engagements',
  website: 'website_visits',
  content: 'content_downloads',
  social: 'social_engagements',
};

/** What belongs in each column, for a message about a missing one. */
export const LEAD_COLUMN_EXPECTED: Record<LeadColumn, string> = {
  employees: 'the number of employees, such as 480',
  industry: 'the company\'s industry, such as "payments"',
  geography: 'the company\'s country or region, such as "United States"',
  title: 'a job title such as "VP Finance"',
  email_engagements: `a count of email opens, clicks and replies; full points at ${BEHAVIOUR_SATURATION.email}`,
  website_visits: `a count of site visits; full points at ${BEHAVIOUR_SATURATION.website}`,
  content_downloads: `a count of downloads, webinars attended and case studies read; full points at ${BEHAVIOUR_SATURATION.content}`,
  social_engagements: `a count of likes, comments, follows and messages; full points at ${BEHAVIOUR_SATURATION.social}`,
};

/** The ICP fit factor each company part of the lead score is read from (`leadInputsFrom`). */
const FIT_FACTOR: Partial<Record<LeadPart['name'], string>> = { companySize: 'employees', industry: 'industry', geography: 'geography' };

/**
 * The columns whose absence cost the lead points, in part order. A company part is
 * missing either because the row lacks the data or because the ICP sets no target for
 * it; only the first is the row's to fill in (the second is the ICP's, as with the
 * contact score's title match), so it is left out.
 */
export function missingLeadColumns(lead: LeadScore, company: IcpScore): LeadColumn[] {
  return lead.parts
    .filter((p) => p.status === 'missing')
    .filter((p) => {
      const factor = FIT_FACTOR[p.name];
      return factor === undefined || company.factors.find((f) => f.component === 'fit' && f.name === factor)?.status !== 'not-applicable';
    })
    .map((p) => LEAD_PART_COLUMNS[p.name]);
}
