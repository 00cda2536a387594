/**
 * The breakdown every score carries, so a person can see why a number is what it is and
 * which inputs were absent. "Missing" is never silently 0: it is a status.
 */

export type IcpComponent = 'fit' | 'intent' | 'reachability' | 'freshness';

/**
 * - `computed`: scored from data that was there.
 * - `defaulted`: the data was absent and a documented default stands in (reachability, freshness).
 * - `missing`: the data was absent; the factor is left out of its average (Fit) or counts 0.
 * - `not-applicable`: the ICP sets no target for it (e.g. no industries listed); left out, not missing.
 */
export type FactorStatus = 'computed' | 'defaulted' | 'missing' | 'not-applicable';

export interface ScoreFactor {
  component: IcpComponent;
  /** `industry`, `employees`, `revenue`, `technologies`, `geography`, a signal type, `email_status`, `date`. */
  name: string;
  status: FactorStatus;
  /** 0–1, or null when missing or not applicable. */
  value: number | null;
  /** One line a person can read: what was compared with what. */
  detail: string;
}

export interface ComponentScore {
  /** The value the composite uses (0–1). */
  value: number;
  status: 'computed' | 'defaulted' | 'missing';
  detail: string;
}

/** `fit.revenue`, `reachability.email_status`: how missing inputs are listed. */
export function factorPath(factor: ScoreFactor): string {
  return `${factor.component}.${factor.name}`;
}
