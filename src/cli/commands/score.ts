import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { cell, formatFixed, table } from '../../derive/format.js';
import { formatDiagnostic, type Diagnostic } from '../../diagnostics.js';
import { ThreadworkError } from '../../errors.js';
import { bar, box, columns } from '../../report/terminal.js';
import { readAccounts } from '../../accounts/read.js';
import { readContacts } from '../../accounts/contacts.js';
import { refuseWhenNothingScored } from '../../accounts/nothing-scored.js';
import type { AccountRankingData, ReportFooter } from '../../accounts/rank.js';
import type { ContactRanking } from '../../accounts/rank-contacts.js';
import { CONTACT_FIELD_EXPECTED, LEAD_COLUMN_EXPECTED, type ContactField, type IcpBandThresholds, type LeadColumn } from '../../scoring/index.js';
import { formatTotal } from '../../scoring/qualification.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export async function scoreCommand(file: string | undefined, flags: { segment: string; md?: boolean; contacts?: string }, options: GlobalOptions): Promise<CommandOutcome> {
  if ((file === undefined) === (flags.contacts === undefined)) {
    throw new ThreadworkError('Give an account list (`threadwork score <accounts.csv> -s <segment>`) or a contact list (`threadwork score --contacts <contacts.csv> -s <segment>`), not both and not neither', 'invalid-arguments');
  }
  const workspace = await openWorkspace(options.dir);
  if (flags.contacts !== undefined) {
    const rows = readContacts(flags.contacts);
    const ranking = await workspace.scoreContacts(flags.segment, rows);
    refuseWhenNothingScored(ranking, { path: flags.contacts });
    return { json: ranking, text: withHeldNote(ranking, flags.md ? renderContactsMarkdown(ranking) : renderContactsTerminal(ranking)), exitCode: 0 };
  }
  const rows = readAccounts(file!);
  const ranking = await workspace.scoreAccounts(flags.segment, rows);
  refuseWhenNothingScored(ranking, { path: file! });
  return { json: ranking, text: withHeldNote(ranking, flags.md ? renderMarkdown(ranking) : renderTerminal(ranking)), exitCode: 0 };
}

/**
 * A broken 04-segments.md or ICP file is scored at its last valid version: its errors
 * come first, as check prints them, and a line says what the scores were made against.
 */
function withHeldNote(ranking: { icpFile: boolean; diagnostics: readonly Diagnostic[] }, text: string): string {
  if (!ranking.diagnostics.length) return text;
  const paths = [...new Set(ranking.diagnostics.map((d) => d.path))];
  const held = paths.map((path) =>
    path.endsWith('-icp.yaml') && !ranking.icpFile
      ? `${pc.yellow('held:')} ${path} has errors and no valid version: scored against the segment's filters until they are fixed`
      : `${pc.yellow('held:')} scored against the last valid version of ${path} (the one in HEAD) until its errors are fixed`,
  );
  return [...ranking.diagnostics.map(formatDiagnostic), ...held, text].join('\n');
}

const COMPONENTS = ['fit', 'intent', 'reachability', 'freshness'];

function rowsOf(rows: readonly number[]): string {
  return rows.length > 1 ? `${rows[0]} (+${rows.slice(1).join(', ')})` : String(rows[0]);
}

function duplicateLines(duplicates: readonly { rows: number[]; kept: number; keys: string[] }[]): string[] {
  return duplicates.map((d) => `rows ${d.rows.join(', ')} merged into row ${d.kept} (same ${d.keys.join('; ')})`);
}

// Every Markdown cell goes through `cell`: names, titles and companies come from a CSV,
// where a quoted value may hold a `|` or a line break that would cut the table row.
function renderMarkdown(r: AccountRankingData): string {
  return [
    `## Accounts ranked against ${r.segment}${r.icpFile ? '' : ' (segment filters; no ICP file generated yet)'}`,
    '',
    table(['#', 'row', 'account', 'score', 'band', ...COMPONENTS, 'data', 'missing'], ['r', 'r', 'l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'l'], r.ranked.map((a) => [String(a.rank), rowsOf(a.rows), a.name, bandScore(a.score, r.thresholds), fitBand(a.band, a.disqualified), ...COMPONENTS.map((c) => formatFixed(a.components[c])), formatFixed(a.dataQuality), a.missing.join(', ') || '—'].map(cell))),
    '',
    ...(r.ranked.some((a) => a.disqualified.length) ? ['### Disqualified', '', ...r.ranked.flatMap((a) => a.disqualified.map((d) => `- ${disqualifiedNote(a.name, d)}; score capped at 0.30`)), ''] : []),
    ...(fitlessLines(r).length ? ['### No fit', '', ...fitlessLines(r).map((l) => `- ${l}`), ''] : []),
    ...(invalidLines(r).length ? ['### Invalid values', '', ...invalidLines(r).map((l) => `- ${l}`), ''] : []),
    ...(uncountedLines(r).length ? ['### Signals not counted', '', ...uncountedLines(r).map((l) => `- ${l}`), ''] : []),
    ...(r.duplicates.length ? ['### Duplicates merged', '', ...duplicateLines(r.duplicates).map((l) => `- ${l}`), ''] : []),
    ...(r.rejected.length ? ['### Rows skipped', '', ...r.rejected.map((x) => `- row ${x.row}: ${x.error}`), ''] : []),
    ...(r.ignoredColumns.length ? ['### Columns not read', '', ignoredLine(r.ignoredColumns, r.columnsMeant), ''] : []),
    ...(r.reportFooter ? ['### Report footer', '', footerLine(r.reportFooter), ''] : []),
  ].join('\n');
}

/** Where the list stopped: said once, not a skipped row per footer line. */
function footerLine(footer: ReportFooter): string {
  return `the list ends at row ${footer.row}, a report's footer (${JSON.stringify(oneLine(footer.text))}): it and the lines after it are not read`;
}

/**
 * A name or value from the list as one line, for the notes under a table: a quoted CSV
 * field may hold a line break, which cut `disqualified Beta⏎Corp: …` in two.
 */
const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * The values an account was scored without, each with why (a data date still to come, a
 * domain that is none): the data column showed only a lower figure, and the reason was in
 * the JSON alone.
 */
const invalidLines = (r: AccountRankingData): string[] =>
  r.ranked.flatMap((a) => [
    ...a.dataQualityFields.filter((f) => f.status === 'invalid').map((f) => oneLine(`${a.name} (row ${a.leftOut.find((l) => l.field === f.field)?.row ?? rowsOf(a.rows)}): ${f.field}: ${f.detail}`)),
    ...leftOutBeyond(a.leftOut, a.dataQualityFields).map((l) => oneLine(`${a.name} (row ${l.row}): ${l.field}: ${l.detail}`)),
  ]);

/** The left-out values of fields the data quality does not weigh (`email_status` given as a number): named on their own line, as the others are by their data-quality field. */
const leftOutBeyond = (leftOut: readonly { row: number; field: string; detail: string }[], quality: readonly { field: string }[]): { row: number; field: string; detail: string }[] =>
  leftOut.filter((l) => !quality.some((f) => f.field === l.field));

/** The list's columns the score does not read, in one line: a `# Employees` or `Owner Notes` column was dropped without a word. */
const ignoredLine = (ignored: readonly string[], meant: Readonly<Record<string, string>>): string =>
  oneLine(`${ignored.map((column) => (Object.hasOwn(meant, column) ? `${column} (did you mean ${meant[column]}?)` : column)).join(', ')} — ${ignored.length === 1 ? 'this column is' : 'these columns are'} not read by the score (docs/scoring.md lists the columns it reads)`);

/** At most this many uncounted signals are listed under a table; --json has each one. */
const UNCOUNTED_SHOWN = 10;

/**
 * Signals that counted for nothing (no trigger matched, no signal type read): an account
 * whose only signal was one showed intent 0.00, and why was in --json alone.
 */
function uncountedLines(r: AccountRankingData): string[] {
  const all = r.ranked.flatMap((a) => a.factors.filter((f) => f.component === 'intent' && f.status === 'not-applicable').map((f) => oneLine(`${a.name} (row ${rowsOf(a.rows)}): ${f.detail.replace(/; not counted$/, '')}`)));
  return all.length > UNCOUNTED_SHOWN ? [...all.slice(0, UNCOUNTED_SHOWN), `… and ${all.length - UNCOUNTED_SHOWN} more (each in --json, under factors)`] : all;
}

const disqualifiedNote = (name: string, d: { disqualifier: string; field: string; value: string }): string => oneLine(`${name}: "${d.disqualifier}" (${d.field}: ${d.value})`);

/**
 * An ICP score beside its band: two decimals, or as many as keep it on its side of each
 * band's bar — with `strong: 0.7`, an account at 0.699 is good and read "0.70 good".
 */
const bandScore = (score: number, t: IcpBandThresholds): string => formatTotal(score, [t.strong, t.good, t.weak]);

const bandColour = (b: string): string => (b === 'strong' ? pc.green(b) : b === 'good' ? pc.cyan(b) : b === 'weak' ? pc.yellow(b) : pc.dim(b));

/**
 * The ICP band as --json holds it (`band`, `companyBand`), marked when a disqualifier capped
 * the score: the terminal said `disqualified` (or `disq.`) in its place and --md
 * `poor (disqualified)`, three names for one band. One label, in every output.
 */
const fitBand = (band: string, disqualified: readonly unknown[]): string => (disqualified.length ? `${band} (disqualified)` : band);
const fitBandColour = (band: string, disqualified: readonly unknown[]): string => (disqualified.length ? pc.red(fitBand(band, disqualified)) : bandColour(band));

const leadBandColour = (b: string): string => (b === 'sql' ? pc.green : b === 'mql' ? pc.cyan : b === 'warm' ? pc.yellow : pc.dim)(b.toUpperCase());

/**
 * Accounts scored with no fit factor to compute: every fit column the ICP uses empty on
 * the row. Fit counts 0 there, and the table's `0.00` read as a company that matches
 * nothing; the JSON named the fields (`missing`) and the text did not.
 */
function fitlessLines(r: AccountRankingData): string[] {
  return r.ranked.flatMap((a) => {
    const fit = a.factors.filter((f) => f.component === 'fit');
    if (fit.some((f) => f.status === 'computed')) return [];
    const absent = fit.filter((f) => f.status === 'missing').map((f) => f.name);
    const why = absent.length ? `no ${absent.join(', ')} on file` : 'the ICP sets no industry, size, revenue, technologies or geography to match';
    return [oneLine(`${a.name} (row ${rowsOf(a.rows)}): fit counts 0 — ${why}`)];
  });
}

/**
 * What each account was scored without (`intent.signals`, `reachability.email_status`), as
 * --md's `missing` column and --json's `missing` say: the terminal showed intent 0.00 and
 * reach 0.70 with no word that they stood for no signals and no verified email, not for
 * what the data said.
 */
const missingLines = (r: AccountRankingData): string[] =>
  r.ranked.filter((a) => a.missing.length).map((a) => oneLine(`${a.name} (row ${rowsOf(a.rows)}): ${a.missing.join(', ')}`));

function renderTerminal(r: AccountRankingData): string {
  const rows = columns(
    [['#', 'row', 'account', 'score', '', 'band', 'fit', 'intent', 'reach', 'fresh', 'data'].map((h) => pc.dim(h)), ...r.ranked.map((a) => [String(a.rank), rowsOf(a.rows), a.name, bandScore(a.score, r.thresholds), bar(a.score, 1, 10), fitBandColour(a.band, a.disqualified), ...COMPONENTS.map((c) => formatFixed(a.components[c])), formatFixed(a.dataQuality)])],
    ['r', 'r', 'l', 'r', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
    { headed: true, heading: 2 },
  );
  const disqualified = r.ranked.flatMap((a) => a.disqualified.map((d) => `${pc.red('disqualified')} ${disqualifiedNote(a.name, d)}; capped at 0.30`));
  const duplicates = duplicateLines(r.duplicates).map((l) => `${pc.yellow('duplicate')} ${l}`);
  const invalid = invalidLines(r).map((l) => `${pc.yellow('invalid')} ${l}`);
  const skipped = r.rejected.map((x) => `${pc.yellow('skipped')} row ${x.row}: ${x.error}`);
  const uncounted = uncountedLines(r).map((l) => `${pc.dim('not counted')} ${l}`);
  const ignored = r.ignoredColumns.length ? [`${pc.dim('ignored')} ${ignoredLine(r.ignoredColumns, r.columnsMeant)}`] : [];
  const fitless = fitlessLines(r).map((l) => `${pc.yellow('no fit')} ${l}`);
  const gaps = missingLines(r).map((l) => `${pc.dim('missing')} ${l}`);
  const footer = r.reportFooter ? [`${pc.dim('footer')} ${footerLine(r.reportFooter)}`] : [];
  return [box(`Accounts vs ${r.segment} ICP · ${r.ranked.length} ranked`, rows), ...disqualified, ...fitless, ...gaps, ...invalid, ...uncounted, ...duplicates, ...skipped, ...ignored, ...footer].join('\n');
}

/** What a contact row lacks, each contact or lead column with what belongs there: `email_status` or `website_visits` alone does not say what to write. */
function gapsOf(c: ContactRanking['ranked'][number]): string {
  const described = c.missing.map((entry) => {
    const expected = expectedIn(entry);
    return expected ? `${entry} (expected ${expected})` : entry;
  });
  // An unusable value says what is wrong with it, as `detail.dataQuality` does in JSON ("twelve hundred" is not a number of employees).
  const invalid = c.invalid.map((f) => {
    const why = c.detail.dataQuality.find((q) => q.field === f && q.status === 'invalid')?.detail ?? c.leftOut.find((l) => l.field === f)?.detail;
    return why ? `invalid ${f} (${oneLine(why)})` : `invalid ${f}`;
  });
  return [...invalid, ...described].join(', ');
}

/** What belongs in the column a `contact.<field>` or `lead.<column>` entry names. */
function expectedIn(entry: string): string | undefined {
  const [score, column = ''] = entry.split('.', 2);
  if (score === 'contact' && Object.hasOwn(CONTACT_FIELD_EXPECTED, column)) return CONTACT_FIELD_EXPECTED[column as ContactField];
  if (score === 'lead' && Object.hasOwn(LEAD_COLUMN_EXPECTED, column)) return LEAD_COLUMN_EXPECTED[column as LeadColumn];
  return undefined;
}

function renderContactsMarkdown(r: ContactRanking): string {
  return [
    `## Contacts scored against ${r.segment}${r.icpFile ? '' : ' (segment filters; no ICP file generated yet)'}`,
    '',
    table(
      ['#', 'row', 'contact', 'title', 'company', 'lead', 'band', 'contact score', 'data quality', 'company fit', 'missing'],
      ['r', 'r', 'l', 'l', 'l', 'r', 'l', 'r', 'r', 'r', 'l'],
      r.ranked.map((c) => [String(c.rank), rowsOf(c.rows), c.name ?? c.email ?? '—', c.title ?? '—', c.company ?? '—', String(c.leadScore), c.leadBand.toUpperCase(), formatFixed(c.contactScore), formatFixed(c.dataQuality), `${bandScore(c.companyScore, r.thresholds)} ${fitBand(c.companyBand, c.disqualified)}`, gapsOf(c) || '—'].map(cell)),
    ),
    '',
    ...(r.duplicates.length ? ['### Duplicates merged', '', ...duplicateLines(r.duplicates).map((l) => `- ${l}`), ''] : []),
    ...(r.rejected.length ? ['### Rows skipped', '', ...r.rejected.map((x) => `- row ${x.row}: ${x.error}`), ''] : []),
    ...(r.ignoredColumns.length ? ['### Columns not read', '', ignoredLine(r.ignoredColumns, r.columnsMeant), ''] : []),
    ...(r.reportFooter ? ['### Report footer', '', footerLine(r.reportFooter), ''] : []),
  ].join('\n');
}

function renderContactsTerminal(r: ContactRanking): string {
  const rows = columns(
    [
      ['#', 'row', 'contact', 'title', 'company', 'lead', 'band', 'contact', 'fresh', 'data', 'fit'].map((h) => pc.dim(h)),
      ...r.ranked.map((c) => [String(c.rank), rowsOf(c.rows), c.name ?? c.email ?? '—', c.title ?? '—', c.company ?? '—', String(c.leadScore), leadBandColour(c.leadBand), formatFixed(c.contactScore), formatFixed(c.freshness), formatFixed(c.dataQuality), `${bandScore(c.companyScore, r.thresholds)} ${fitBandColour(c.companyBand, c.disqualified)}`]),
    ],
    ['r', 'r', 'l', 'l', 'l', 'r', 'l', 'r', 'r', 'r', 'r'],
    { headed: true, heading: 2 },
  );
  const gaps = r.ranked.filter((c) => c.missing.length || c.invalid.length).map((c) => `${pc.dim('missing')} ${oneLine(c.name ?? c.email ?? `row ${c.row}`)}: ${gapsOf(c)}`);
  const duplicates = duplicateLines(r.duplicates).map((l) => `${pc.yellow('duplicate')} ${l}`);
  const skipped = r.rejected.map((x) => `${pc.yellow('skipped')} row ${x.row}: ${x.error}`);
  const ignored = r.ignoredColumns.length ? [`${pc.dim('ignored')} ${ignoredLine(r.ignoredColumns, r.columnsMeant)}`] : [];
  const footer = r.reportFooter ? [`${pc.dim('footer')} ${footerLine(r.reportFooter)}`] : [];
  return [box(`Contacts vs ${r.segment} · ${r.ranked.length} scored`, rows), ...gaps, ...duplicates, ...skipped, ...ignored, ...footer].join('\n');
}
