import type { HeadCount } from './numbers.js';
/**
 * The company facts the ICP scorers read. Structurally the Stage 1 `company` front matter
 * (src/schema/stages.ts), with every field optional because templates leave them empty.
 */

export interface SignalFacts {
  type: string;
  detail?: string | null | undefined;
  date?: string | null | undefined;
}

export interface CompanyFacts {
  name?: string | null | undefined;
  industry?: string | null | undefined;
  /** A count, or a band as a list exports it (`201-500`: numbers.ts headCount). */
  employees?: number | HeadCount | null | undefined;
  /** A number, a money string (`$10M`, `10M-50M`, `€5m`, `500k`) or `{min, max}`. */
  revenue?: unknown;
  geography?: string | null | undefined;
  technologies?: readonly string[] | null | undefined;
  /** `funding`, or `{type: funding, detail: Series B, date: 2026-01-10}`. */
  signals?: readonly (string | SignalFacts)[] | null | undefined;
}
