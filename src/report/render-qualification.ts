import pc from 'picocolors';
import { formatFixed } from '../derive/format.js';
import { formatDiagnostic, printable } from '../diagnostics.js';
import { DEFER_MARGIN, barAsWritten, formatTotal } from '../scoring/qualification.js';
import { round3 } from '../scoring/numbers.js';
import type { DealQualification, QualifiedCriterion, SourcePlace } from './deal-qualification.js';
import { box, columns } from './terminal.js';

const MARK: Record<QualifiedCriterion['status'], string> = { met: pc.green('✓ met'), weak: pc.yellow('~ weak'), unknown: pc.yellow('? unknown'), missing: pc.red('✗ missing') };

/** `threadwork qualify`'s terminal view: the ICP fit, each criterion with its file and line, and the questions to ask next. */
export function renderQualification(q: DealQualification): string {
  const title = `Qualification · ${q.company ?? q.id}${q.segment ? ` · ${q.segment}` : ''}${q.pipelineStage ? ` · ${q.pipelineStage}` : ''}`;
  const sections = [box(title, [`deal ${q.deal}`, ...icpLines(q), '', ...qualificationLines(q)]), ...askLines(q)];
  return [...q.held.map(formatDiagnostic), ...sections].join('\n');
}

function icpLines(q: DealQualification): string[] {
  if (!q.icp) return [`${pc.bold('ICP fit')} —: ${q.icpMissing}`];
  const { icp } = q;
  const bars = [icp.thresholds.strong, icp.thresholds.good, icp.thresholds.weak];
  const components = (['fit', 'intent', 'reachability', 'freshness'] as const).map((c) => `${c} ${formatFixed(icp.components[c].value)}${icp.components[c].status === 'computed' ? '' : ` (${icp.components[c].status})`}`);
  const factors = icp.factors
    .filter((f) => f.status !== 'not-applicable')
    .map((f) => [`${f.component}.${f.name}`, f.value === null ? '—' : formatFixed(f.value), f.status === 'computed' ? printable(f.detail) : `${f.status}: ${printable(f.detail)}`, placeOf(f.source)]);
  return [
    `${pc.bold('ICP fit')} ${formatTotal(icp.score, bars)} ${icp.band}${icp.disqualifiers.matched.length ? ' (disqualified)' : ''} · ${components.join(' · ')}`,
    ...columns(factors, ['l', 'r', 'l', 'l']),
    ...icp.disqualifiers.matched.map((d) => `${pc.red('disqualified')} "${printable(d.disqualifier)}" (${d.field}: ${printable(d.value)}); score capped at 0.30`),
    ...(icp.missing.length ? [`missing: ${icp.missing.join(', ')}`] : []),
  ];
}

function qualificationLines(q: DealQualification): string[] {
  if (!q.qualification) return [`${pc.bold('Qualification')} —: ${q.qualificationMissing}`];
  const r = q.qualification;
  const total = formatTotal(r.total, [r.stage.threshold, round3(r.stage.threshold - DEFER_MARGIN)]);
  const written = r.decision && r.decision !== r.recommendation ? ` · ${r.path.slice(r.path.lastIndexOf('/') + 1)} says ${printable(r.decision)}` : '';
  const rows = r.criteria.map((c) => [c.label, MARK[c.status], c.status === 'missing' ? '' : formatFixed(c.score), c.status === 'missing' ? 'not written' : readingOf(c), placeOf(c.source)]);
  return [
    `${pc.bold(r.framework)} ${total} · ${r.recommendation} · threshold ${barAsWritten(r.stage.threshold)} for the ${r.stage.stage} stage${written}`,
    ...columns(rows, ['l', 'l', 'r', 'l', 'l']),
    ...(r.unrecognised.length ? [`not read (no ${r.framework} criterion): ${r.unrecognised.map(printable).join(', ')}`] : []),
    printable(r.reason),
  ];
}

function askLines(q: DealQualification): string[] {
  if (q.askNext.length === 0) return [];
  return [pc.bold('Ask next'), ...q.askNext.map((a) => `  ${a.criterion}: ${a.question}`)];
}

/** A value's place as `4-decision.md:6:3`: the section's first line names the folder, so each row stays short enough for a terminal. */
function placeOf(source: SourcePlace | null): string {
  return source ? pc.dim(`${printable(source.path.slice(source.path.lastIndexOf('/') + 1))}:${source.line}:${source.column}`) : '';
}

/**
 * What a criterion was read as, beside what was written when that says more (`none`, read
 * as none, once). An answer that starts with the word it was read as — `confirmed: the CFO
 * signs`, `Confirmed - Tom`, as the Stage 4 template suggests writing one — is shown as
 * written: "confirmed: confirmed: the CFO signs" said the reading twice.
 */
function readingOf(c: QualifiedCriterion): string {
  const value = printable(shown(c.value));
  const folded = value.trim().toLowerCase();
  if (folded === c.reading) return c.reading;
  return folded.startsWith(c.reading) && !/[\p{L}\p{N}]/u.test(folded.charAt(c.reading.length)) ? value.trim() : `${c.reading}: ${value}`;
}

/** A criterion's value as one short line: a list joined, a map as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 59)}…` : value;
  if (Array.isArray(value)) return value.map(shown).join(', ');
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}
