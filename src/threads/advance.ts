import type * as z from 'zod';
import { checkModel } from '../check/check.js';
import { unreadLabelledFields, worthMigrating } from '../check/stage-front-matter.js';
import { Locators } from '../check/locators.js';
import { today } from '../clock.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { parseFrontMatter, UNFILLED_BLOCK_MAX_LENGTH, unfilledFrontMatter } from '../markdown/front-matter.js';
import { lineEndingOf } from '../markdown/line-ending.js';
import type { ThreadMeta } from '../schema/meta.js';
import { misspeltKeys } from '../schema/misspelt-keys.js';
import { STAGE_FILES, STAGES, stageSchemas } from '../schema/stages.js';
import { formatDataPath } from '../workspace/validate.js';
import { threadOf } from '../workspace/layout.js';
import { assumptionsOf, metaOf, segmentsOf, stageOf, type WorkspaceModel } from '../workspace/model.js';
import type { ParsedFile } from '../workspace/parse-file.js';
import { createChange, type WriteProposal } from '../engine/changes.js';
import { threadTemplateContext } from './context.js';
import { refuseUnlessActing } from './decision-to-act.js';
import { renderStageFile } from './create.js';
import { invalidMeta } from './invalid-meta.js';
import { missingFields, type MissingField } from './requirements.js';
import { isStageAsOpened } from './stage-as-opened.js';
import { stageVersion } from './stage-version.js';
import { valueAt } from '../value-at.js';

export interface AdvanceResult {
  thread: string;
  from: number;
  to: number;
  created: string;
  /** The created file's version (a hash of its bytes): write_stage's guard for the first write to it, without reading it again. */
  version: string;
}

/**
 * The next stage file of a thread, once the current one is complete. When it is not,
 * throws with exactly which fields are missing and nothing is written.
 *
 * `model` shows the files as they are (the state's current model, not the derivation's,
 * which holds a broken file at its last valid version): the stage is judged as written.
 * A stage with errors is refused with every error check reports in it; a valid one's
 * cross-file rules (an unknown assumption in `tests`) are checked by the transaction, with
 * the workspace as it would be (`builtOn`).
 */
export function proposeAdvance(model: WorkspaceModel, threadPath: string): WriteProposal<AdvanceResult> {
  const thread = model.threads.get(threadPath);
  if (!thread) throw new ThreadworkError(`Unknown thread ${threadPath}`, 'unknown-thread');
  const meta = metaOf(thread);
  if (!meta) throw invalidMeta(`Cannot advance ${threadPath}`, model, threadPath);
  const stage = stageOf(thread);
  if (stage === 0) throw new ThreadworkError(`Cannot advance ${threadPath}: it has no stage file; expected ${STAGE_FILES[0]}`, 'no-stage');
  // What an agent asking to advance a thread at its end wants is to close it: where that is done is named.
  if (stage === STAGES.length) throw lastStage(model, threadPath, meta.type, thread.stages[stage - 1]!);
  const current = thread.stages[stage - 1]!;
  refuseUnlessComplete(model, threadPath, meta, stage, `Cannot advance ${threadPath}`);
  const next = stage + 1;
  const target = `${threadPath}/${STAGE_FILES[next - 1]}`;
  const segmentName = segmentsOf(model).find((s) => s.id === meta.segment)?.name ?? null;
  // The new file follows the thread's line endings, as its current stage is written: a thread saved with CRLF (an editor on Windows) does not get one LF file among its CRLF ones.
  const text = inLineEnding(renderStageFile(model, meta, next, threadTemplateContext(meta, next, today(), segmentName), target), lineEndingOf(model.text(current.path) ?? ''));
  if (model.text(target) !== undefined) throw new ThreadworkError(`${target} already exists: nothing was changed`, 'stage-exists');
  return {
    result: { thread: threadPath, from: stage, to: next, created: target, version: stageVersion(text) },
    changes: [createChange(target, text)],
    summary: `open ${target}`,
    thread: threadPath,
    builtOn: { paths: [current.path], refuse: (problems) => stageInvalid(`Cannot advance ${threadPath}`, current.path, problems) },
  };
}

/**
 * The refusal to advance a thread at Stage 6. A learning file with errors is said to have
 * them, each as check prints it: the close it records is held (its last valid version
 * counts, or none), where "its learning counts from there" (or "its `outcome` there closes
 * the thread", its outcome written on a line with a bad date) told its owner the opposite.
 */
function lastStage(model: WorkspaceModel, threadPath: string, type: ThreadMeta['type'], learning: ParsedFile): ThreadworkError {
  const path = learning.path;
  const errors = errorsOf(model, path);
  if (errors.length === 0) return new ThreadworkError(lastStageMessage(threadPath, type, learning.value), 'last-stage', { thread: threadPath, path });
  const message = `${threadPath} is at its last stage (${STAGE_FILES[STAGES.length - 1]}): nothing to advance to — and that file has errors, so what it records is held (its last valid version counts) until they are fixed:\n${errors.map(formatDiagnostic).join('\n')}`;
  return new ThreadworkError(message, 'last-stage', { thread: threadPath, path, diagnostics: errors });
}

/**
 * Why a thread at Stage 6 has nothing to advance to, and what ends it: a deal's `outcome`, a
 * campaign's `closed` date, a content thread's `published` date. One already ended is said to
 * be, with how and when: telling its owner that setting `outcome` closes it (the advice for a
 * learning file still open) read as if the close had not been taken.
 */
function lastStageMessage(threadPath: string, type: ThreadMeta['type'], learning: unknown): string {
  const last = STAGE_FILES[STAGES.length - 1];
  const value = (learning ?? {}) as Record<string, unknown>;
  const written = (key: string): string | undefined => (typeof value[key] === 'string' && value[key] ? (value[key] as string) : undefined);
  const ended =
    type === 'sales-deal'
      ? written('outcome') && `closed (${written('outcome')}${written('closed') ? ` on ${written('closed')}` : ''})`
      : type === 'sales-campaign'
        ? written('closed') && `closed on ${written('closed')}`
        : written('published') && `published on ${written('published')}`;
  if (ended) return `${threadPath} is ${ended}, in ${last}: nothing to advance to — its learning counts from there`;
  const how =
    type === 'sales-deal' ? 'its `outcome` there (closed-won, closed-lost or stalled) closes the thread' : type === 'sales-campaign' ? 'its `closed` date there closes the campaign' : 'its `published` date there ends the thread';
  return `${threadPath} is at its last stage (${last}): nothing to advance to; ${how}`;
}

/**
 * The gate between a stage and the next, whichever tool opens the next (`advance`, or
 * `write_stage` creating it): `stage` has no error, every field the next builds on is
 * filled in, a deal's actions are settled before its learning, and a decision not to act
 * (DEFER, REJECT) opens no actions. Throws with exactly what is missing; `refused` starts
 * the message (`Cannot advance threads/sales/acme`).
 */
export function refuseUnlessComplete(model: WorkspaceModel, threadPath: string, meta: ThreadMeta, stage: number, refused: string): void {
  const current = model.threads.get(threadPath)!.stages[stage - 1]!;
  if (current.diagnostics.some((d) => d.severity === 'error')) throw stageInvalid(refused, current.path, errorsOf(model, current.path));
  const missing = withMisspeltKeys(
    locatedWhereWritten(model, current.path, [...missingFields(meta.type, stage, current.value as Record<string, unknown>), ...openActions(meta, stage, current.value)]),
    stageSchemas[meta.type][stage - 1]!,
    current.value,
    current.diagnostics,
  );
  if (missing.length > 0) {
    // A file written as labelled lines (no front matter, or an empty block) may state them: nothing in it is read until it is migrated.
    const unfilled = current.bodyOffset <= UNFILLED_BLOCK_MAX_LENGTH ? unfilledFrontMatter(model.text(current.path) ?? '') : undefined;
    // Said only when migrate would write something, as check warns only then: an empty block above prose with no labelled line (a template's, an agent's write_stage with `{}`) is a stage to write, not to migrate.
    const migrates = unfilled !== undefined && worthMigrating(unfilled, unreadLabelledFields(model, threadPath, meta.type, stage, unfilled));
    const unread = unfilled && migrates ? `\n${current.path} has ${unfilled.blockLines > 0 ? 'an empty front matter block' : 'no front matter'}, so none of its lines is read: \`threadwork migrate ${current.path}\` writes the fields its labelled lines give.` : '';
    // What an agent needs to write the stage next: its version (write_stage's guard) and, where `tests` is to be filled, the assumption ids it takes.
    const text = model.text(current.path);
    const details = { thread: threadPath, stage, path: current.path, missing, ...(text === undefined ? {} : { version: stageVersion(text) }), ...knownFor(model, missing) };
    const fillIn = missing.map((m) => fillInLine(current.path, m)).join('\n');
    if (isStageAsOpened(model, threadPath, meta, stage)) {
      throw new ThreadworkError(
        `${refused}: ${STAGE_FILES[stage - 1]} is as advance opened it — nothing is written in it yet. Write its fields in ${current.path} (or \`write_stage\` with stage ${stage} through MCP), first:\n${fillIn}${noAssumptionYet(details)}`,
        'stage-not-written',
        details,
      );
    }
    throw new ThreadworkError(`${refused}: ${STAGE_FILES[stage - 1]} is not complete. Fill in:\n${fillIn}${unread}${noAssumptionYet(details)}`, 'stage-incomplete', details);
  }
  if (stage === 4) {
    const { line, column } = new Locators((p) => model.text(p)).at(current.path, ['decision']);
    refuseUnlessActing(threadPath, meta, current.value as Record<string, unknown>, refused, { path: current.path, line, column });
  }
}

/** `tests` to fill in while the canvas defines no assumption: no id would do, so what to add first. */
function noAssumptionYet(details: { known?: string[] }): string {
  return details.known?.length === 0 ? '\nstrategy/canvas/10-assumptions.md defines no assumption yet, so `tests` has no id to name: add one there first (an item of `assumptions:` with its `id`, `statement` and `prior`).' : '';
}

/** The assumption ids of the canvas, when `tests` is among the fields to fill in: what it takes. */
function knownFor(model: WorkspaceModel, missing: readonly MissingField[]): { known?: string[] } {
  return missing.some((m) => m.field === 'tests') ? { known: assumptionsOf(model).map((a) => a.id) } : {};
}

/**
 * One field to fill in, at file:line:column as every place the CLI names (an editor or a
 * terminal opens it there): `  - signal (threads/sales/acme/1-input.md:8:1): what happened …`.
 * A field not written at all has no place to name.
 */
function fillInLine(path: string, m: MissingOrMisspelt): string {
  const at = m.line ? ` (${path}:${m.line}:${m.column ?? 1})` : '';
  const slip = m.misspelt ? ` — \`${m.misspelt.key}\` at ${path}:${m.misspelt.line}:${m.misspelt.column} looks like it: rename the key to \`${lastKey(m.field)}\`` : '';
  return `  - ${m.field}${at}: ${m.hint}${slip}`;
}

function inLineEnding(text: string, eol: '\r\n' | '\n'): string {
  return text.replace(/\r?\n/g, eol);
}

/**
 * A thread does not move on from a stage with errors: its next stage would build on them.
 * `path` is the file to fix (the diagnostics may name others too), and the message says
 * nothing was written: an agent was left to wonder whether its learning had gone in.
 */
function stageInvalid(refused: string, path: string, errors: Diagnostic[]): ThreadworkError {
  return new ThreadworkError(`${refused}: ${path} has errors; nothing was written. Fix them, then try again:\n${errors.map(formatDiagnostic).join('\n')}`, 'stage-invalid', { path, diagnostics: errors });
}

/**
 * Every error `check` reports in the file, its cross-file ones (an unknown assumption) with
 * its own (a wrong type): refusing with the file's own alone would hide the others until
 * they are fixed. Asked only of a stage that has errors; a valid one's cross-file errors
 * are the transaction's (`builtOn`).
 */
function errorsOf(model: WorkspaceModel, path: string): Diagnostic[] {
  const thread = threadOf(path.split('/'))?.thread;
  return checkModel(model, new Set(thread ? [thread] : [])).diagnostics.filter((d) => d.path === path && d.severity === 'error');
}

/** A missing field, with the key written almost as it (`sorce:` for `source:`) where there is one: the person did fill it in, under another name. */
type MissingOrMisspelt = MissingField & { misspelt?: { key: string; line: number; column: number } };

/**
 * Each missing field that a key of the stage looks like a slip of (check's `key-misspelt`),
 * with that key and where it is: "Fill in: source" alone sends the person to a line they
 * did fill in.
 */
function withMisspeltKeys(missing: MissingField[], schema: z.ZodType, value: unknown, diagnostics: readonly Diagnostic[]): MissingOrMisspelt[] {
  const misspelt = misspeltKeys(value, schema);
  if (misspelt.length === 0) return missing;
  return missing.map((m) => {
    const slip = misspelt.find(({ path, meant }) => formatDataPath([...path.slice(0, -1), meant]) === m.field);
    if (!slip) return m;
    const field = formatDataPath(slip.path);
    const at = diagnostics.find((d) => d.rule === 'key-misspelt' && d.field === field);
    return at ? { ...m, misspelt: { key: String(slip.path[slip.path.length - 1]), line: at.line, column: at.column } } : m;
  });
}

/**
 * Each missing field that is written with no value (`decision:`, as the stage's template
 * leaves it; a pending action's `status`) with its line and column, so an editor or an agent
 * goes straight to it; one not written at all has no place to name. The `at` path is dropped.
 */
function locatedWhereWritten(model: WorkspaceModel, path: string, missing: MissingField[]): MissingField[] {
  const locators = new Locators((p) => model.text(p));
  // The front matter as written, not as the schema reads it: a list left out is read as `[]`,
  // which has no place in the file (the locator would fall back to the first key's line).
  const written = parseFrontMatter(model.text(path) ?? '').data;
  return missing.map(({ at, ...field }) => {
    if (!at || valueAt(written, at) === undefined) return field;
    const { line, column } = locators.at(path, at);
    return { ...field, line, column };
  });
}

function lastKey(field: string): string {
  return field.slice(field.lastIndexOf('.') + 1);
}

/** Learning is recorded once the work is done: a deal's actions must all be settled first. */
function openActions(meta: ThreadMeta, stage: number, value: unknown): MissingField[] {
  if (meta.type !== 'sales-deal' || stage !== 5) return [];
  const actions = (value as { actions?: { type: string; status: string }[] }).actions ?? [];
  return actions.flatMap((a, i) =>
    a.status === 'pending' || a.status === 'in_progress'
      ? [{ field: `actions[${i}].status`, hint: `${a.type} is ${a.status}: mark it completed, cancelled or blocked before recording the learning`, at: ['actions', i, 'status'] }]
      : [],
  );
}
