import { scoringContext } from '../derive/thread-scores.js';
import { contactKeys, duplicateGroups, groupDuplicates, mergeRecords, resolveIcpThresholds, scoreContactRecord, type ContactRecord, type ContactRecordScore, type DuplicateGroup, type IcpBandThresholds } from '../scoring/index.js';
import { isFutureDataDate } from '../scoring/freshness.js';
import { unknownSegment, type WorkspaceModel } from '../workspace/model.js';
import { refuseControlInId } from '../workspace/slug.js';
import { CONTACT_COLUMNS, type ContactRow } from './contacts.js';
import { ignoredColumnsWithMeant, leftOutByRow, leftOutOfGroup, profileDiagnostics, reportFooterOf, shownDomain, withLeftOut, type ReportFooter, type RowLeftOut } from './rank.js';
import type { Diagnostic } from '../diagnostics.js';

export interface RankedContact {
  rank: number;
  /** The row kept (the first of its duplicates). */
  row: number;
  /** Every row merged into this one, in file order (one row when it had no duplicate). */
  rows: number[];
  name: string | null;
  title: string | null;
  email: string | null;
  company: string | null;
  domain: string | null;
  contactScore: number;
  seniority: ContactRecordScore['contact']['seniority'];
  freshness: number;
  leadScore: number;
  leadBand: ContactRecordScore['lead']['band'];
  dataQuality: number;
  companyScore: number;
  companyBand: ContactRecordScore['company']['band'];
  /** The disqualifiers the contact's company matched (its ICP score is capped). */
  disqualified: { disqualifier: string; field: string; value: string }[];
  missing: string[];
  invalid: string[];
  /** Values of its rows that could not be read, scored as missing, each with its row and why. */
  leftOut: RowLeftOut[];
  detail: {
    contact: ContactRecordScore['contact']['parts'];
    lead: ContactRecordScore['lead']['parts'];
    dataQuality: ContactRecordScore['dataQuality']['fields'];
  };
}

export interface ContactRanking {
  kind: 'contacts';
  segment: string;
  icpFile: boolean;
  asOf: string;
  ranked: RankedContact[];
  /** Groups of rows merged as one contact: the rows (first kept) and the keys they shared. */
  duplicates: DuplicateGroup[];
  rejected: { row: number; error: string }[];
  /** The list's columns the score does not read, as written, in the order met. */
  ignoredColumns: string[];
  /** For each ignored column one or two slips from a column that is read, that column. */
  columnsMeant: Record<string, string>;
  /** Where a report's footer starts (`Grand Totals (123 records)`), the list read up to it; null when it has none. */
  reportFooter: ReportFooter | null;
  /** The errors of the files the ICP profile comes from, when one is broken (see `profileDiagnostics`). */
  diagnostics: Diagnostic[];
  /** The bars of the ICP bands the companies were put in (see AccountRanking). */
  thresholds: IcpBandThresholds;
}

/**
 * Scores a contact list against a segment: duplicates merged (same email, or the same
 * name at the same company) and reported by row, then ranked by lead score, contact
 * score, data quality, and row.
 */
export function rankContacts(model: WorkspaceModel, segmentId: string, rows: readonly ContactRow[], asOf: string): ContactRanking {
  refuseControlInId('segment', segmentId);
  const context = scoringContext(model).profiles.get(segmentId);
  if (!context) {
    throw unknownSegment(model, segmentId);
  }
  const valid = rows.flatMap((r) => (r.contact ? [{ row: r.row, value: r.contact }] : []));
  const leftOutOfRows = leftOutByRow(rows);
  const groups = groupDuplicates(valid, contactKeys);
  const ranked: RankedContact[] = groups.map(({ members }) => {
    const record = mergeRecords(members.map((m) => m.value as Record<string, unknown>)) as ContactRecord;
    const s = scoreContactRecord(record, context.profile, { asOf });
    const leftOut = leftOutOfGroup(leftOutOfRows, members, record);
    const quality = withLeftOut(s.dataQuality, leftOut);
    return {
      rank: 0,
      row: members[0]!.row,
      rows: members.map((m) => m.row),
      name: record.name ?? null,
      title: record.title ?? null,
      email: record.email ?? null,
      company: record.company ?? null,
      domain: shownDomain(record.domain),
      contactScore: s.contact.score,
      seniority: s.contact.seniority,
      freshness: s.contact.freshness,
      leadScore: s.lead.score,
      leadBand: s.lead.band,
      dataQuality: quality.score,
      companyScore: s.company.score,
      companyBand: s.company.band,
      disqualified: s.company.disqualifiers.matched.map(({ disqualifier, field, value }) => ({ disqualifier, field, value })),
      missing: s.missing,
      // A data date still to come is scored as no date (freshness's default): said here, as any value scored without.
      invalid: [...new Set([...quality.invalid, ...leftOut.map((l) => l.field), ...(record.data_date && isFutureDataDate(record.data_date, asOf) ? ['data_date'] : [])])],
      leftOut,
      detail: { contact: s.contact.parts, lead: s.lead.parts, dataQuality: quality.fields },
    };
  });
  ranked.sort((a, b) => b.leadScore - a.leadScore || b.contactScore - a.contactScore || b.dataQuality - a.dataQuality || a.row - b.row);
  ranked.forEach((c, i) => (c.rank = i + 1));
  return {
    kind: 'contacts',
    segment: segmentId,
    icpFile: context.icp !== null,
    asOf,
    ranked,
    duplicates: duplicateGroups(groups),
    rejected: rows.flatMap((r) => (r.error ? [{ row: r.row, error: r.error }] : [])),
    ...ignoredColumnsWithMeant(rows, CONTACT_COLUMNS),
    reportFooter: reportFooterOf(rows),
    diagnostics: profileDiagnostics(model, segmentId),
    thresholds: resolveIcpThresholds(context.profile.thresholds),
  };
}
