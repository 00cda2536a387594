import { join } from 'node:path';
import { today } from '../clock.js';
import { diagnostic, formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { composeMarkdown } from '../markdown/compose.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import { keyNestedTooDeep, MAX_YAML_DEPTH, YAML_LIMIT_RULE } from '../markdown/limits.js';
import { replaceFrontMatter } from '../markdown/front-matter-edit.js';
import { STAGE_FILES, stageSchemas } from '../schema/stages.js';
import { DERIVED_META_FIELDS } from '../schema/meta.js';
import { THREAD_TYPE_BY_FAMILY } from '../workspace/layout.js';
import { metaFieldsNotRead, whereMetaFieldComesFrom } from '../workspace/meta-fields-in-stage.js';
import { containedPath, isSymlink } from '../workspace/contain.js';
import { metaOf, segmentsOf, stageOf, type ThreadRecord, type WorkspaceModel } from '../workspace/model.js';
import { writeChange, writeRefused, type WriteProposal } from '../engine/changes.js';
import { threadTemplateContext } from './context.js';
import { refuseUnlessComplete } from './advance.js';
import { renderStageFile } from './create.js';
import { invalidMeta } from './invalid-meta.js';
import { lineEndingOf } from '../markdown/line-ending.js';
import { refuseUnlessVersion, stageVersion } from './stage-version.js';
import { patchFrontMatter } from './front-matter-patch.js';

export interface StageWrite {
  /** Thread folder, e.g. `threads/sales/acme-corp` (already resolved). */
  thread: string;
  /** 1 (input) to 6 (learning). */
  stage: number;
  /** The fields to set, merged onto what the stage holds (front-matter-patch.ts): a field left out is kept. */
  frontMatter: Record<string, unknown>;
  /** Fields to delete, as dotted paths (`contact.title`): the only way a write removes one. */
  remove?: readonly string[] | undefined;
  /** Markdown after the front matter. Omitted: the existing body is kept, or the template's for a new file. */
  body?: string | undefined;
  /** The file's version as read (read_thread's `version`): the write is refused when the file has changed since. */
  version?: string | undefined;
}

export interface StageWriteResult {
  thread: string;
  stage: number;
  path: string;
  created: boolean;
  /** false when the file already had exactly this content. */
  written: boolean;
  /** Warnings about the written file (errors refuse the write). */
  diagnostics: Diagnostic[];
  /** Each field `remove` named, with the value it held: what to write back to undo it. */
  removed: { field: string; value: unknown }[];
  /** The file's version as it is after the write: the `version` of the next write to it. */
  version: string;
}

/**
 * One stage file of a thread, written the way an agent should: the fields given are merged
 * onto the file's front matter and the file edited in place (unchanged keys keep their
 * formatting); a new one is the template, as advance opens it, with the fields merged in. The transaction validates it with the same parser and checks as `threadwork
 * check` — schema, references, the stage order — against the workspace as it would be,
 * and only a file with no error reaches the disk. A new stage is opened only as `advance`
 * opens it: once the stage before is complete (refuseUnlessComplete).
 */
export function proposeStageWrite(model: WorkspaceModel, input: StageWrite, asWritten: WorkspaceModel = model): WriteProposal<StageWriteResult> {
  const { thread: threadPath, stage } = input;
  const thread = model.threads.get(threadPath);
  if (!thread) throw new ThreadworkError(`Unknown thread ${threadPath}`, 'unknown-thread');
  const meta = metaOf(thread);
  // Derivation holds a meta.json broken on disk at its last valid version; a write is judged on the file as written, as advance judges it.
  if (!meta || model.broken.has(`${threadPath}/meta.json`)) throw invalidMeta(`Cannot write to ${threadPath}`, model, threadPath);
  if (!Number.isInteger(stage) || stage < 1 || stage > STAGE_FILES.length) {
    throw new ThreadworkError(`Invalid stage ${stage}: expected 1 (input) to 6 (learning)`, 'invalid-stage');
  }
  if (stage > 1 && !thread.stages[stage - 2]) throw stageOrder(thread, threadPath, stage);
  const path = containedPath(model.root, `${threadPath}/${STAGE_FILES[stage - 1]}`);
  const abs = join(model.root, path);
  if (isSymlink(abs)) throw new ThreadworkError(`Refused to write ${path}: it is a symbolic link`, 'path-refused', { path });
  refuseNestedTooDeep(path, input.frontMatter);
  refuseDerivedFields(path, thread, stage, input.frontMatter);
  const existing = model.text(path);
  refuseUnlessVersion(path, input.version, existing);
  // Opening a stage is advance's step, whichever tool takes it: the stage before must be
  // complete — its fields filled in, a deal's actions settled, a decision to act (not a
  // DEFER or a REJECT) before actions. Otherwise an agent closed a deal won with no decision
  // and its close still pending, counted in every figure.
  // Judged as written, as advance judges it (`asWritten`: the state's current model, not the derivation's, which holds a broken stage at its last valid version).
  if (stage > 1 && existing === undefined) refuseUnlessComplete(asWritten, threadPath, meta, stage - 1, `Cannot write ${STAGE_FILES[stage - 1]} of ${threadPath}`);
  // The front matter as the user wrote it, or as advance opens the stage: what the fields given are merged onto.
  const base = existing ?? templateText(model, input.thread, stage);
  const edited = editable(base);
  if (existing !== undefined) refuseUnreadable(path, existing);
  // A file without front matter (labelled lines, the LeanOS way) gets the one given; its text is kept whole as the body.
  const { data, removed } = patchFrontMatter(path, edited ? (parseFrontMatter(base).data ?? {}) : {}, input.frontMatter, input.remove);
  const text = edited ? rewrite(base, data, input.body, existing === undefined ? lineEndingOf(neighbourText(model, input)) : undefined) : fresh(input.body, data, existing!);
  return {
    result: { thread: threadPath, stage, path, created: existing === undefined, written: existing !== text, diagnostics: [], removed, version: stageVersion(text) },
    changes: existing === text ? [] : [writeChange(path, text)],
    summary: `write ${path}`,
    thread: threadPath,
    invalidCode: 'stage-invalid',
  };
}

/**
 * A stage written past the one the thread can open next. The refusal named only the missing
 * file and said "fill and advance the current one first": an agent asking for stage 5 of a
 * thread at stage 2 had to read the thread to learn which stage is current and which one it
 * may write. It names both, and `path` is the file to complete first.
 */
function stageOrder(thread: ThreadRecord, threadPath: string, stage: number): ThreadworkError {
  const current = stageOf(thread);
  const [file, missing, atFile] = [STAGE_FILES[stage - 1]!, STAGE_FILES[stage - 2]!, STAGE_FILES[current - 1]!];
  // A later stage file with this one's predecessor gone (deleted by hand): that file is what to restore.
  if (current >= stage) return new ThreadworkError(`Cannot write ${file} of ${threadPath}: ${missing} is missing, though the thread has ${atFile}; restore ${missing} (git keeps every version) first`, 'stage-order', { thread: threadPath, stage, path: `${threadPath}/${missing}` });
  return new ThreadworkError(
    `Cannot write ${file} of ${threadPath}: ${missing} does not exist yet; the thread is at ${atFile}. Stages open one at a time: complete ${atFile}, then write ${STAGE_FILES[current]}, which opens it (as \`threadwork advance ${threadPath}\` does)`,
    'stage-order',
    { thread: threadPath, stage, path: `${threadPath}/${atFile}` },
  );
}

/**
 * A front matter that does not parse has nothing to merge the fields onto. It was replaced by
 * the fields given, "git keeps the broken one" — but a broken file is never committed: what a
 * person had half-saved in their editor (a quote left open) was gone. Refused, nothing
 * written, with the errors at their place, the block as written and the file's version.
 */
function refuseUnreadable(path: string, existing: string): void {
  const parsed = parseFrontMatter(existing);
  // A block misplaced below the first line (bodyOffset 0) keeps the whole text as the body: nothing is lost there.
  if (!parsed.present || !parsed.errors || parsed.bodyOffset === 0) return;
  const diagnostics = parsed.errors.map((e) => diagnostic(path, e.position, 'error', e.rule, e.message));
  throw new ThreadworkError(
    `Refused to write ${path}: its front matter does not parse, so there is nothing to merge the fields onto, and writing over it would lose what is written there (a person may have the file open, half-saved); nothing was written\n${diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}\nFix the front matter at that place first — in the file, or ask the person editing it — then write again: the fields are merged onto it`,
    'front-matter-unreadable',
    { path, version: stageVersion(existing), frontMatter: existing.slice(0, parsed.bodyOffset), diagnostics },
  );
}

/**
 * A field sync derives into meta.json (`status`, `stage`, a score) given to write into a stage
 * that does not read it. It was written, with a warning that it has no effect: an agent
 * closing a deal with `status: closed-won` left the deal open and a dead line in a person's
 * file, and one that skims warnings took the write for done. Refused, nothing written, naming
 * each field and where its value comes from — an agent expects a value it sets to take effect,
 * and one that cannot is better refused than kept. Only the fields this write gives: the same
 * key a person wrote in the file stays theirs (a warning, as check gives it), and `remove`
 * takes it out.
 */
function refuseDerivedFields(path: string, thread: ThreadRecord, stage: number, frontMatter: Record<string, unknown>): void {
  const schema = stageSchemas[THREAD_TYPE_BY_FAMILY[thread.family]][stage - 1]!;
  const derived = metaFieldsNotRead(schema, Object.keys(frontMatter)).filter((key) => DERIVED_META_FIELDS.has(key));
  if (derived.length === 0) return;
  const each = derived.map((key) => `  \`${key}\`: ${whereMetaFieldComesFrom(key)}`).join('\n');
  const closing = derived.includes('status') && thread.family === 'deal' ? ' To close a deal, write `outcome` (closed-won, closed-lost or stalled) in 6-learning.md.' : '';
  throw new ThreadworkError(
    `Refused to write ${path}: ${derived.map((k) => `\`${k}\``).join(', ')} ${derived.length === 1 ? 'is' : 'are'} derived, not written — in a stage file ${derived.length === 1 ? 'it' : 'they'} would be read by nothing; nothing was written\n${each}\nLeave ${derived.length === 1 ? 'it' : 'them'} out of the front matter and write the fields ${derived.length === 1 ? 'it follows' : 'they follow'} from; the answer's sync says what moved.${closing}`,
    'derived-field',
    { path, field: derived[0]!, fields: derived },
  );
}

/**
 * Front matter nested past what threadwork reads gets the refusal the reader gives such a
 * file (yaml-limit), before it is turned into YAML: thousands of levels overflowed the
 * stack there, answered as a bug. Placed at the file's start: the text was never made.
 */
function refuseNestedTooDeep(path: string, frontMatter: Record<string, unknown>): void {
  const field = keyNestedTooDeep(frontMatter);
  if (field === undefined) return;
  const diagnostic: Diagnostic = { path, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message: `YAML over a limit: nested more than ${MAX_YAML_DEPTH} levels deep (lists and maps)`, rule: YAML_LIMIT_RULE, field };
  throw writeRefused([diagnostic], 'stage-invalid', path);
}

/** Front matter as YAML between `---` lines, then the body, in the file's own line endings. */
function stageText(frontMatter: Record<string, unknown>, body: string, crlf: boolean): string {
  const text = composeMarkdown(frontMatter, body);
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
}

/** A file whose front matter cannot be parsed: the front matter given, then the given or kept body. */
function fresh(body: string | undefined, frontMatter: Record<string, unknown>, existing: string): string {
  const kept = body !== undefined ? separated(body) : existing.slice(parseFrontMatter(existing).bodyOffset);
  return stageText(frontMatter, kept, lineEndingOf(existing) === '\r\n');
}

/** The file a new stage takes its line endings from, as advance does: the stage before it, or for a first stage the thread's meta.json. */
function neighbourText(model: WorkspaceModel, input: StageWrite): string {
  return (input.stage > 1 ? model.text(`${input.thread}/${STAGE_FILES[input.stage - 2]}`) : undefined) ?? model.text(`${input.thread}/meta.json`) ?? '';
}

function editable(text: string): boolean {
  const fm = parseFrontMatter(text);
  return fm.present && !fm.errors;
}

/**
 * An existing file is edited, not regenerated: unchanged keys keep their comments and
 * formatting, and the body stays byte for byte unless a new one is given (a body the
 * agent gives is set off by a blank line, in the file's own line endings).
 */
function rewrite(existing: string, data: Record<string, unknown>, body: string | undefined, newFileEol: string | undefined): string {
  const edited = replaceFrontMatter(existing, data);
  if (body === undefined && newFileEol === undefined) return edited;
  const eol = newFileEol ?? lineEndingOf(existing);
  const withBody = body === undefined ? edited : edited.slice(0, parseFrontMatter(edited).bodyOffset) + separated(body);
  const ended = withBody.endsWith('\n') ? withBody : `${withBody}\n`;
  return eol === '\r\n' ? ended.replace(/\r?\n/g, '\r\n') : ended;
}

function separated(body: string): string {
  return body === '' || body.startsWith('\n') || body.startsWith('\r\n') ? body : `\n${body}`;
}

/** The stage file as advance opens it: the template, front matter and body. */
function templateText(model: WorkspaceModel, threadPath: string, stage: number): string {
  const meta = metaOf(model.threads.get(threadPath)!)!;
  const segmentName = segmentsOf(model).find((s) => s.id === meta.segment)?.name ?? null;
  return renderStageFile(model, meta, stage, threadTemplateContext(meta, stage, today(), segmentName), `${threadPath}/${STAGE_FILES[stage - 1]}`);
}
