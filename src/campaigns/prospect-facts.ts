import { isRealDate } from '../clock.js';
import { readableSignals } from '../outreach/index.js';
import { isHeadCountBand } from '../schema/head-count.js';

/** A company's facts as a deal's Stage 1 `company` holds them (schema/stages.ts `companySchema`). */
export interface CompanyFacts {
  industry: string | null;
  /** A count, or a band as written (`201-500`), as a Stage 1 holds it. */
  employees: number | string | null;
  revenue: number | string | null;
  geography: string | null;
  technologies: string[];
  signals: (string | { type: string; detail?: string; date?: string })[];
}

/**
 * The company facts a campaign prospect carries in 5-actions.md (its `industry`,
 * `employees`, `revenue`, `geography`, `technologies`, `signals`), in the form a deal's
 * Stage 1 accepts: the deal a reply opens starts from what the campaign already knew,
 * and scores as the prospect did. Prospects are free-form, so a value the deal schema
 * would refuse (a fractional headcount, a signal without text) is left out rather than
 * making the new deal invalid.
 */
export function prospectCompanyFacts(prospect: Record<string, unknown>): CompanyFacts {
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const { employees, revenue, technologies } = prospect;
  return {
    industry: text(prospect.industry),
    employees: typeof employees === 'number' && Number.isInteger(employees) && employees >= 0 ? employees : typeof employees === 'string' && isHeadCountBand(employees) ? employees.trim() : null,
    revenue: typeof revenue === 'number' && Number.isFinite(revenue) && revenue >= 0 ? revenue : text(revenue),
    geography: text(prospect.geography),
    technologies: Array.isArray(technologies) ? technologies.map(text).filter((t): t is string => t !== null) : [],
    // A typed signal keeps its type, detail and date (when it is a real date); one without a type is its text.
    signals: readableSignals(prospect.signals).map((s) =>
      typeof s === 'string' ? s : s.type ? { type: s.type, ...(s.detail ? { detail: s.detail } : {}), ...(s.date && isRealDate(s.date) ? { date: s.date } : {}) } : (s.detail ?? ''),
    ).filter((s) => s !== ''),
  };
}
