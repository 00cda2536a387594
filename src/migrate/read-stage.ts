/**
 * Reads a stage file's prose line by line: labelled lines through the rules of their
 * stage, headings and captions as context (the assumption or action that follows),
 * prospect tables, then what needs the whole file (an outcome written `Closed`, a cycle
 * in days, qualification criteria once the framework is known).
 */

import { formatCount } from '../derive/format.js';
import type { QUALIFICATION_FRAMEWORKS } from '../schema/stages.js';
import { PROSPECT_STATUSES } from '../schema/stages.js';
import { resolveCriterion } from '../scoring/frameworks.js';
import type { Collector, Labelled, Source } from './collector.js';
import { ARROW, ASSUMPTION_ID, DERIVED, touch } from './field-rules.js';
import { labelKey, type ProseLine } from './lines.js';
import { State, type MigrationContext } from './state.js';
import { RULES } from './stage-rules.js';
import { plainText, plainValue, readDate, readEnum, readVerdict } from './values.js';

/** Reads every line of a stage file's prose into the collector. */
export function readStageLines(lines: readonly ProseLine[], context: MigrationContext, c: Collector): void {
  const state = new State(context, c);
  const rules = RULES[context.type][context.stage - 1]!;
  const dispatch = (label: string, value: string, source: Labelled): void => {
    const key = labelKey(label);
    const id = ASSUMPTION_ID.exec(plainValue(label));
    if (id && id[2] === '' && /^[A-Z]{1,3}\d+$/.test(plainValue(label))) return assumptionLine(id[1]!, value, source, state);
    const rule = rules[key];
    if (rule) return rule(value, source, state);
    if (context.type === 'sales-campaign' && context.stage === 5 && /^day \d+$/.test(key)) return touch(value, source, state);
    state.leftovers.push(source);
  };

  let headingLabel: { label: string } | undefined;
  let table: { columns: string[] } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'row') table = undefined;
    if (line.kind === 'heading') {
      setContext(line.title, line, state);
      headingLabel = rules[labelKey(line.title)]?.simple && !ASSUMPTION_ID.test(plainValue(line.title)) ? { label: line.title } : undefined;
    } else if (line.kind === 'labelled') {
      headingLabel = undefined;
      if (line.value === '') setContext(line.label, line, state);
      else dispatch(line.label, line.value, line);
    } else if (line.kind === 'paragraph' && headingLabel) {
      // `## Source` then `Inbound email via contact form`: a heading that names a field, and its paragraph.
      const parts = [line.text.trim()];
      while (lines[i + 1]?.kind === 'paragraph') parts.push(lines[++i]!.text.trim());
      state.headed.push({ kind: 'labelled', line: line.line, text: line.text, label: headingLabel.label, value: parts.join(' '), item: false });
      headingLabel = undefined;
    } else if (line.kind === 'item') {
      headingLabel = undefined;
      if (/^alternatives?\b|^other options/.test(state.section) && rules.alternatives) state.c.push('alternatives', plainText(line.value), [line]);
    } else if (line.kind === 'row' && context.type === 'sales-campaign' && context.stage === 5) {
      table = prospectRow(line, table, state);
    } else if (line.kind !== 'blank') headingLabel = undefined;
  }
  // Labelled lines first: a heading's paragraph only fills what they left empty.
  c.weak = true;
  for (const source of state.headed) rules[labelKey(source.label)]?.(source.value, source, state);
  c.weak = false;
  finish(state);
}

/** `A4: Enterprise customers prefer white-label → VALIDATED` (learning) or `A4: …` (hypothesis: a test). */
function assumptionLine(id: string, value: string, source: Labelled, state: State): void {
  const { stage } = state.context;
  if (stage === 2) return state.addTest(id, source);
  if (stage !== 6) return void state.leftovers.push(source);
  const parts = value.split(ARROW);
  if (parts.length < 2) {
    state.assumption = { id, statement: plainText(value), source };
    state.assumptionLines.push(source);
    return;
  }
  const verdict = parts[parts.length - 1]!;
  const statement = plainText(parts.slice(0, -1).join(' → '));
  const reading = readVerdict(verdict);
  if (!reading.ok) {
    const unclear = /challenged|inconclusive|unclear/i.test(verdict);
    return state.c.unmapped(source, `${plainValue(verdict)}: ${unclear ? 'partial or invalidated? Write VALIDATED, INVALIDATED or PARTIAL' : 'not a verdict threadwork counts (VALIDATED, INVALIDATED or PARTIAL)'}`, unclear ? 'ambiguous' : 'unmapped');
  }
  state.assumption = undefined;
  state.addValidation(id, reading.value, statement, [source]);
}

/** A heading or caption: the section it opens, the assumption it names (`### A4: …`), the action it starts. */
function setContext(title: string, source: Source, state: State): void {
  const plain = plainValue(title);
  state.section = labelKey(plain);
  if (/^action\b/i.test(plain)) state.endAction();
  const id = ASSUMPTION_ID.exec(plain);
  if (id && /^[A-Z]{1,3}\d+$/.test(id[1]!)) {
    if (state.context.stage === 2) state.addTest(id[1]!, source);
    state.assumption = { id: id[1]!, statement: id[2]!.trim() || id[1]!, source };
  } else state.assumption = undefined;
}

const PROSPECT_COLUMNS: Record<string, string> = { name: 'name', contact: 'name', prospect: 'name', email: 'email', 'e mail': 'email', company: 'company', account: 'company', title: 'title', role: 'title', status: 'status', started: 'started', start: 'started', 'start date': 'started' };

/** A row of a prospect table (`| Name | Email | Company | … |`): the header names the columns, each row is a prospect. */
function prospectRow(line: Extract<ProseLine, { kind: 'row' }>, table: { columns: string[] } | undefined, state: State): { columns: string[] } | undefined {
  if (!table) {
    const columns = line.cells.map((c) => PROSPECT_COLUMNS[labelKey(c)] ?? '');
    return ['name', 'email', 'company'].every((c) => columns.includes(c)) ? { columns } : { columns: [] };
  }
  if (table.columns.length === 0 || line.cells.every((c) => /^:?-+:?$/.test(c))) return table;
  // A row of more or fewer cells than the header has its values in the wrong columns: which cell is whose cannot be told.
  if (line.cells.length !== table.columns.length) {
    state.c.unmapped(line, `this row has ${line.cells.length} cells, the header ${table.columns.length}: which value is whose cannot be told (a pipe inside a value is written \\|)`);
    return table;
  }
  const prospect: Record<string, unknown> = {};
  const problems: string[] = [];
  table.columns.forEach((column, i) => {
    const cell = plainText(line.cells[i] ?? '');
    if (!column || !cell) return;
    if (column === 'status') {
      const status = readEnum(cell, PROSPECT_STATUSES);
      if (status.ok) prospect.status = status.value;
      else problems.push(status.reason);
    } else if (column === 'started') {
      const started = readDate(cell);
      if (started.ok) prospect.started = started.value;
      else problems.push(started.reason);
    } else prospect[column] = cell;
  });
  if (problems.length) state.c.unmapped(line, problems.join('; '));
  else state.c.push('prospects', prospect, [line]);
  return table;
}

function finish(state: State): void {
  const { c, context } = state;
  state.endAction();
  // Evidence written before its verdict line.
  for (const pending of state.pendingEvidence.splice(0)) {
    if (state.validations.some((v) => v.assumption === pending.assumption)) state.addEvidence(pending.assumption, pending.text, pending.source, pending.kind);
    else c.unmapped(pending.source, `no verdict for ${pending.assumption} (VALIDATED, INVALIDATED or PARTIAL) for this evidence to back`);
  }
  for (const v of state.validations) {
    const evidence = v.evidence?.text ?? v.statement;
    const note = v.evidence ? undefined : 'no Evidence line: the statement is recorded as the evidence — replace it with what showed it';
    c.push('validations', { assumption: v.assumption, result: v.result, evidence }, v.evidence ? [...v.sources, v.evidence.source] : v.sources, note);
  }
  for (const source of state.assumptionLines) {
    if (!state.validations.some((v) => v.sources.includes(source))) c.unmapped(source, 'no verdict for it: write `→ VALIDATED`, `→ INVALIDATED` or `→ PARTIAL` after the statement, or a `Status:` line below it');
  }
  if (state.touchProblem) {
    for (const slot of c.lists.get('sequence.touches') ?? []) for (const source of slot.lines) c.unmapped(source, 'a touch of the sequence could not be read, and a sequence with a touch missing would send the wrong thing: none of its touches is written');
    c.lists.delete('sequence.touches');
  }
  resolveOutcome(state);
  resolveCycle(state);
  for (const source of state.leftovers) {
    if (context.type === 'sales-deal' && context.stage === 4 && criterion(source, state)) continue;
    const key = labelKey(source.label);
    c.unmapped(source, DERIVED[key] ?? `no field of ${stageName(context)} is called "${plainValue(source.label)}": the line stays in the prose`);
  }
}

function stageName(context: MigrationContext): string {
  return `${['1-input', '2-hypothesis', '3-implication', '4-decision', '5-actions', '6-learning'][context.stage - 1]}.md (${context.type})`;
}

/** `Closed` alone is won only with an ARR above 0 and no loss reason: the method records outcomes as closed, lost or stalled. */
function resolveOutcome(state: State): void {
  const { c, outcomes } = state;
  if (outcomes.length === 0) return;
  const arr = c.get('arr');
  const lossReason = c.get('loss_reason');
  for (const o of outcomes) {
    if (o.value !== 'closed') {
      c.set('outcome', o.value, o.source);
      continue;
    }
    if (typeof arr === 'number' && arr > 0 && lossReason === undefined) c.set('outcome', 'closed-won', o.source, `"Closed" with ARR ${arr} and no loss reason: read as closed-won`);
    else c.unmapped(o.source, `"Closed" alone: won or lost? Write Closed won or Closed lost${typeof arr === 'number' && arr > 0 ? ' (a loss reason is given too)' : ' (no ARR above 0 says it was won)'}`, 'ambiguous');
  }
}

/** A cycle in days is the close date: threadwork counts the cycle from the thread's `created` date to `closed`. */
function resolveCycle(state: State): void {
  const cycle = state.cycle;
  if (!cycle) return;
  const { c, context } = state;
  if (!context.created) return c.unmapped(cycle.source, 'the thread\'s meta.json has no created date to count the days from');
  const start = new Date(`${context.created.slice(0, 10)}T00:00:00Z`);
  const closed = new Date(start.getTime() + cycle.days * 86_400_000).toISOString().slice(0, 10);
  const written = c.get('closed');
  if (written === undefined) return c.set('closed', closed, cycle.source, `${formatCount(cycle.days, 'day')} after the thread was created (${context.created.slice(0, 10)})`);
  if (written === closed) return void c.scalars.get('closed')!.lines.push(cycle.source);
  c.unmapped(cycle.source, `${formatCount(cycle.days, 'day')} from the thread's creation (${context.created.slice(0, 10)}) is ${closed}, but the close date says ${String(written)}: which holds?`, 'ambiguous');
}

/** A qualification criterion (`Budget: $42k confirmed`) once the file names its framework. */
function criterion(source: Labelled, state: State): boolean {
  const framework = state.c.get('framework');
  if (typeof framework !== 'string') return false;
  const found = resolveCriterion(framework as (typeof QUALIFICATION_FRAMEWORKS)[number], source.label);
  if (!found) return false;
  state.c.set(`criteria.${found.key}`, plainText(source.value), source);
  return true;
}

