import { scoringContext } from '../derive/thread-scores.js';
import { accountKeys, duplicateGroups, groupDuplicates, mergeRecords, resolveIcpThresholds, scoreAccountDataQuality, scoreIcp, type DataQuality, type DuplicateGroup, type IcpBandThresholds, type IcpScore } from '../scoring/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { domainOf } from '../schema/domain.js';
import { LAYOUT } from '../workspace/layout.js';
import { unknownSegment, type WorkspaceModel } from '../workspace/model.js';
import { refuseControlInId } from '../workspace/slug.js';
import { ACCOUNT_COLUMNS, meantColumns, prospectOf, type Account, type AccountRow, type LeftOutValue } from './read.js';

export interface RankedAccount {
  rank: number;
  row: number;
  /** Every row merged into this one, in file order (one row when it had no duplicate). */
  rows: number[];
  name: string;
  domain: string | null;
  score: number;
  band: IcpScore['band'];
  components: Record<string, number | null>;
  missing: string[];
  /** The disqualifiers the account matched: its score is capped at 0.30. */
  disqualified: { disqualifier: string; field: string; value: string }[];
  dataQuality: number;
  dataQualityDetail: DataQuality;
  /** Values of its rows that could not be read, scored as missing, each with its row and why. */
  leftOut: RowLeftOut[];
  detail: IcpScore;
}

export interface RowLeftOut extends LeftOutValue {
  row: number;
}

export interface AccountRanking {
  segment: string;
  /** Whether the generated ICP file was used (else the segment's own filters). */
  icpFile: boolean;
  asOf: string;
  ranked: RankedAccount[];
  /** Groups of rows merged as one account (same domain or company name): the rows (first kept) and the keys they shared. */
  duplicates: DuplicateGroup[];
  rejected: { row: number; error: string }[];
  /** The list's columns the score does not read, as written (`Owner Notes`), in the order met: see `unreadColumns`. */
  ignoredColumns: string[];
  /** For each ignored column one or two slips from a column that is read, that column. */
  columnsMeant: Record<string, string>;
  /** Where a report's footer starts (`Grand Totals (123 records)`), the list read up to it; null when it has none. */
  reportFooter: ReportFooter | null;
  /** The errors of the files the ICP profile comes from, when one is broken: the scores use its last valid version. */
  diagnostics: Diagnostic[];
  /** The bars of the ICP bands the scores were put in (the ICP file's `scoring.thresholds`, else the defaults). */
  thresholds: IcpBandThresholds;
}

/**
 * The errors of the files a segment's ICP profile is read from — `04-segments.md` and the
 * segment's ICP file. A broken one is held at its last valid version, as for sync, so
 * a hand edit with a mistake in it would otherwise score as if it had never been made.
 */
export function profileDiagnostics(model: WorkspaceModel, segmentId: string): Diagnostic[] {
  const sources = new Set([`${LAYOUT.canvas}/04-segments.md`, `${LAYOUT.icp}/${segmentId}-icp.yaml`]);
  return model.diagnostics.filter((d) => d.severity === 'error' && sources.has(d.path) && model.broken.has(d.path));
}

/**
 * Ranks an account list against a segment's ICP, best first; bad rows are set aside with
 * their row number, and duplicates (same domain, or the same company name once legal
 * suffixes are dropped) are merged into one row and reported.
 */
export function rankAccounts(model: WorkspaceModel, segmentId: string, rows: readonly AccountRow[], asOf: string): AccountRanking {
  refuseControlInId('segment', segmentId);
  const context = scoringContext(model).profiles.get(segmentId);
  if (!context) {
    throw unknownSegment(model, segmentId);
  }
  const valid = rows.flatMap((r) => (r.account ? [{ row: r.row, value: r.account }] : []));
  const leftOutOfRows = leftOutByRow(rows);
  const groups = groupDuplicates(valid, accountKeys);
  const scored = groups.map(({ members }) => {
    const account = mergeRecords(members.map((m) => m.value)) as Account;
    const detail = scoreIcp(prospectOf(account), context.profile, { asOf });
    const components = Object.fromEntries(Object.entries(detail.components).map(([k, c]) => [k, c.value]));
    const unreadable = leftOutOfGroup(leftOutOfRows, members, account);
    const quality = withLeftOut(scoreAccountDataQuality(account, asOf), unreadable);
    const disqualified = detail.disqualifiers.matched.map(({ disqualifier, field, value }) => ({ disqualifier, field, value }));
    return { rank: 0, row: members[0]!.row, rows: members.map((m) => m.row), name: account.name, domain: shownDomain(account.domain), score: detail.score, band: detail.band, components, missing: detail.missing, disqualified, dataQuality: quality.score, dataQualityDetail: quality, leftOut: unreadable, detail };
  });
  scored.sort((a, b) => b.score - a.score || a.row - b.row);
  scored.forEach((s, i) => (s.rank = i + 1));
  return {
    segment: segmentId,
    icpFile: context.icp !== null,
    asOf,
    ranked: scored,
    duplicates: duplicateGroups(groups),
    rejected: rows.flatMap((r) => (r.error ? [{ row: r.row, error: r.error }] : [])),
    ...ignoredColumnsWithMeant(rows, ACCOUNT_COLUMNS),
    reportFooter: reportFooterOf(rows),
    diagnostics: profileDiagnostics(model, segmentId),
    thresholds: resolveIcpThresholds(context.profile.thresholds),
  };
}

/** A report footer's first row and its first cell, as written. */
export interface ReportFooter {
  row: number;
  text: string;
}

/** The footer row of a list, if it has one (the reader stops there: read.ts, reportFooter). */
export function reportFooterOf(rows: readonly { row: number; footer?: string }[]): ReportFooter | null {
  const footer = rows.find((r) => r.footer !== undefined);
  return footer ? { row: footer.row, text: footer.footer! } : null;
}

/**
 * The values left out of a group of merged rows that no row of it gave in a readable form
 * (a duplicate row's readable value fills the field), each with its row: shown as the
 * invalid values they were. A list left out (`signals`, `technologies`) is read as an empty
 * one, not as none: taken as given, a JSON signal with a date of no year (`0026-01-01`) cost
 * the account every signal with nothing said.
 */
export function leftOutOfGroup(leftOutByRow: ReadonlyMap<number, readonly LeftOutValue[]>, members: readonly { row: number }[], merged: object): RowLeftOut[] {
  const given = (value: unknown): boolean => value !== undefined && !(Array.isArray(value) && value.length === 0);
  return members.flatMap((m) => (leftOutByRow.get(m.row) ?? []).filter((l) => !given((merged as Record<string, unknown>)[l.field])).map((l) => ({ row: m.row, ...l })));
}

/** Each row's left-out values by its row number, looked up once per merged group. */
export function leftOutByRow(rows: readonly { row: number; leftOut?: readonly LeftOutValue[] }[]): Map<number, readonly LeftOutValue[]> {
  return new Map(rows.flatMap((r) => (r.leftOut?.length ? [[r.row, r.leftOut] as const] : [])));
}

/** The data quality with each left-out value's field as invalid, with why, not as missing: the list had a value there. */
export function withLeftOut(quality: DataQuality, leftOut: readonly LeftOutValue[]): DataQuality {
  if (leftOut.length === 0) return quality;
  const why = new Map(leftOut.map((l) => [l.field, l.detail]));
  const fields = quality.fields.map((f) => (why.has(f.field) && f.status === 'missing' ? { ...f, status: 'invalid' as const, detail: why.get(f.field)! } : f));
  return { ...quality, fields, missing: fields.filter((f) => f.status === 'missing').map((f) => f.field), invalid: fields.filter((f) => f.status === 'invalid').map((f) => f.field) };
}

/**
 * The domain as the score compared it (`https://www.Acme.com/` → `acme.com`), so that
 * --json agrees with the duplicates it merged; one that is no domain as written (the data
 * quality names it invalid).
 */
export function shownDomain(domain: string | null | undefined): string | null {
  if (!domain) return null;
  return domainOf(domain) ?? domain;
}

/**
 * Every column some row has that is not read, once each, in the order met; and the read
 * column each slip among them meant (`meantColumns`), judged once per column, not per row.
 */
export function ignoredColumnsWithMeant(rows: readonly { unread?: readonly string[] }[], known: ReadonlySet<string>): { ignoredColumns: string[]; columnsMeant: Record<string, string> } {
  const ignoredColumns = [...new Set(rows.flatMap((r) => r.unread ?? []))];
  return { ignoredColumns, columnsMeant: meantColumns(ignoredColumns, known) };
}


/** A ranking as plain data: each account's factor list instead of the whole scoring detail. */
export function rankingData(ranking: AccountRanking) {
  return { ...ranking, ranked: ranking.ranked.map(({ detail, dataQualityDetail, ...rest }) => ({ ...rest, factors: detail.factors, dataQualityFields: dataQualityDetail.fields, unchecked: detail.disqualifiers.unchecked })) };
}
export type AccountRankingData = ReturnType<typeof rankingData>;
