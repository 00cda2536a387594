/**
 * One row of a contact or lead list scored whole against a segment's profile: the
 * contact score (title match, seniority, email, LinkedIn) with the data's freshness,
 * the lead score (40 demographic + 60 behavioural points) and its band, the data
 * quality, the ICP score of the contact's company, and what is missing.
 *
 * The lead score's demographic points come from the ICP fit factors of the company —
 * company size (employees), industry, geography, each at its fit value — and the role:
 * the contact's title match against the persona titles (its seniority when the ICP
 * names no personas). Behavioural points come from engagement counts on the row.
 */

import type { CompanyFacts, SignalFacts } from './company.js';
import { scoreContact, type ContactScore } from './contact-score.js';
import { isValidEmail, scoreContactDataQuality, type DataQuality } from './data-quality.js';
import { scoreFreshness } from './freshness.js';
import type { IcpProfile } from './icp-profile.js';
import { scoreIcp, type IcpScore } from './icp-score.js';
import { missingLeadColumns } from './lead-columns.js';
import { employeesOf } from './numbers.js';
import { scoreLead, type DemographicInput, type LeadInputs, type LeadScore } from './lead-score.js';

export interface ContactRecord {
  name?: string | undefined;
  title?: string | undefined;
  email?: string | undefined;
  email_status?: string | undefined;
  linkedin?: string | undefined;
  company?: string | undefined;
  domain?: string | undefined;
  industry?: string | undefined;
  /** A number, or the text as written (data quality reports text that is not a number). */
  employees?: number | string | undefined;
  revenue?: string | number | undefined;
  geography?: string | undefined;
  technologies?: readonly string[] | undefined;
  signals?: readonly (string | SignalFacts)[] | undefined;
  data_date?: string | undefined;
  /** Engagement counts: opens, clicks and replies; site visits; downloads and webinars; social interactions. */
  email_engagements?: number | undefined;
  website_visits?: number | undefined;
  content_downloads?: number | undefined;
  social_engagements?: number | undefined;
}

export interface ContactRecordScore {
  contact: ContactScore & { freshness: number };
  lead: LeadScore;
  dataQuality: DataQuality;
  company: IcpScore;
  /**
   * What the row lacks, by the score it cost and the column to fill in: `data.email`,
   * `contact.email_status`, `lead.website_visits`. The company's own gaps
   * (`fit.revenue`, …) are not repeated here: they are in `company.missing`.
   */
  missing: string[];
}

/**
 * The lead score's inputs from what is already scored: company size, industry and
 * geography at their ICP fit factor values, the role at the contact's title match (its
 * seniority when the ICP names no personas), and the behaviour counts given.
 */
export function leadInputsFrom(company: IcpScore, contact: ContactScore, behaviour: LeadInputs['behaviour'] = {}): LeadInputs {
  const fit = (name: string): DemographicInput => {
    const factor = company.factors.find((f) => f.component === 'fit' && f.name === name);
    return factor?.status === 'computed' ? factor.value ?? 0 : undefined;
  };
  const role = contact.parts.find((p) => p.name === 'title_match');
  const seniority = contact.parts.find((p) => p.name === 'seniority');
  const roleLevel = role?.status === 'computed' ? role.value : role?.status === 'not-applicable' && seniority?.status === 'computed' ? seniority.value : undefined;
  return { demographic: { companySize: fit('employees'), industry: fit('industry'), geography: fit('geography'), role: roleLevel ?? undefined }, behaviour };
}

export function companyOfContact(record: ContactRecord): CompanyFacts {
  return {
    name: record.company ?? null,
    industry: record.industry ?? null,
    employees: employeesOf(record.employees),
    revenue: record.revenue,
    geography: record.geography ?? null,
    technologies: record.technologies ?? [],
    signals: record.signals ?? [],
  };
}

/** An address that is not one (`ana@@acme`) reads as the status `invalid` when no verifier said otherwise. */
export function scoreContactRecord(record: ContactRecord, profile: IcpProfile, options: { asOf: string | Date }): ContactRecordScore {
  const unusable = typeof record.email === 'string' && record.email.trim() !== '' && !isValidEmail(record.email);
  const emailStatus = record.email_status ?? (unusable ? 'invalid' : undefined);
  const company = scoreIcp({ company: companyOfContact(record), emailStatus, dataDate: record.data_date ?? null }, profile, { asOf: options.asOf });
  const contact = scoreContact({ name: record.name, title: record.title, email: record.email, emailStatus, linkedin: record.linkedin }, profile.personaTitles);
  const freshness = scoreFreshness(record.data_date ?? null, options.asOf).component.value;
  const lead = scoreLead(leadInputsFrom(company, contact, { email: record.email_engagements, website: record.website_visits, content: record.content_downloads, social: record.social_engagements }));
  const dataQuality = scoreContactDataQuality(record);
  const missing = [
    ...dataQuality.missing.map((f) => `data.${f}`),
    ...contact.missing.map((p) => `contact.${p}`),
    ...missingLeadColumns(lead, company).map((column) => `lead.${column}`),
  ];
  return { contact: Object.assign({}, contact, { freshness }), lead, dataQuality, company, missing: [...new Set(missing)] };
}
