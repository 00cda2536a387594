import { ThreadworkError } from '../errors.js';
import { scoringContext } from '../derive/thread-scores.js';
import { scoreIcp, type IcpScore } from '../scoring/index.js';
import { segmentsOf, type WorkspaceModel } from '../workspace/model.js';
import { prospectOf, type AccountRow } from './read.js';

export interface RankedAccount {
  rank: number;
  row: number;
  name: string;
  domain: string | null;
  score: number;
  band: IcpScore['band'];
  components: Record<string, number | null>;
  missing: string[];
  detail: IcpScore;
}

export interface AccountRanking {
  segment: string;
  /** Whether the generated ICP file was used (else the segment's own filters). */
  icpFile: boolean;
  asOf: string;
  ranked: RankedAccount[];
  rejected: { row: number; error: string }[];
}

/** Ranks an account list against a segment's ICP, best first; bad rows are set aside with their row number. */
export function rankAccounts(model: WorkspaceModel, segmentId: string, rows: readonly AccountRow[], asOf: string): AccountRanking {
  const context = scoringContext(model).profiles.get(segmentId);
  if (!context) {
    const known = segmentsOf(model).map((s) => s.id);
    throw new ThreadworkError(`Unknown segment ${JSON.stringify(segmentId)}: expected one of ${known.join(', ') || '(none defined in 04-segments.md)'}`, 'unknown-segment', { known });
  }
  const scored = rows.flatMap((r) => {
    if (!r.account) return [];
    const detail = scoreIcp(prospectOf(r.account), context.profile, { asOf });
    const components = Object.fromEntries(Object.entries(detail.components).map(([k, c]) => [k, c.value]));
    return [{ rank: 0, row: r.row, name: r.account.name, domain: r.account.domain ?? null, score: detail.score, band: detail.band, components, missing: detail.missing, detail }];
  });
  scored.sort((a, b) => b.score - a.score || a.row - b.row);
  scored.forEach((s, i) => (s.rank = i + 1));
  return {
    segment: segmentId,
    icpFile: context.icp !== null,
    asOf,
    ranked: scored,
    rejected: rows.flatMap((r) => (r.error ? [{ row: r.row, error: r.error }] : [])),
  };
}

/** A ranking as plain data: each account's factor list instead of the whole scoring detail. */
export function rankingData(ranking: AccountRanking) {
  return { ...ranking, ranked: ranking.ranked.map(({ detail, ...rest }) => ({ ...rest, factors: detail.factors })) };
}
export type AccountRankingData = ReturnType<typeof rankingData>;
