import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { yamlPackage } from '../markdown/yaml-package.js';
import { checkModel } from '../check/check.js';
import { ThreadworkError } from '../errors.js';
import { UNFILLED_BLOCK_MAX_LENGTH, unfilledFrontMatter } from '../markdown/front-matter.js';
import { mapStage, type LineReport } from '../migrate/map-stage.js';
import { migrationContext, stageHasFields } from '../migrate/context.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ThreadType } from '../schema/meta.js';
import { STAGE_FILES } from '../schema/stages.js';
import { writeChange, type SourceChange, type WriteProposal } from '../engine/changes.js';
import { classifyPath, LAYOUT, THREAD_TYPE_BY_FAMILY } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { bytesMatchText } from '../workspace/read-files.js';
import { endsLinesInLoneCr, lineEndingOf } from '../markdown/line-ending.js';

/** One line of the prose and what became of it; `line` counts in the migrated file, `bodyLine` in the file as it was. */
export interface MigratedLine extends LineReport {
  bodyLine: number;
}

export interface MigratedFile {
  path: string;
  thread: string;
  type: ThreadType;
  stage: number;
  /** The front matter written above the prose (only fields a line gave). */
  frontMatter: Record<string, unknown>;
  /** Every labelled line (and prospect-table row) of the prose, mapped or not. */
  lines: MigratedLine[];
  /** How many lines the front matter takes above the prose (in place of an empty block the file had, if any). */
  offset: number;
}

export interface MigrationResult {
  dryRun: boolean;
  files: MigratedFile[];
  /**
   * Stage files asked for and left as they are, with why. `blocked`: the file could not be
   * migrated as asked (not a stage file, not read, not UTF-8) — the command exits 1 for it
   * and writes nothing; not blocked: there is nothing to migrate (front matter already, a
   * free-form stage), or not yet (the file or its thread has errors: the rest goes ahead).
   * `errors`: the errors that skip it (its own, or its thread's), each at its file, line and
   * column; empty when it was skipped for anything else.
   */
  skipped: { path: string; reason: string; blocked: boolean; errors: Diagnostic[] }[];
  /** Labelled lines no field took (unmapped or ambiguous), across all files: each stays in the prose. */
  unmapped: number;
}

/**
 * Front matter for stage files written the LeanOS method's way — labelled lines, no front
 * matter — above the same prose, byte for byte. `paths` are workspace-relative files or
 * folders (already contained); none means every stage file without front matter (or with
 * an empty block, which the new one replaces). A file whose front matter holds anything is
 * skipped, so a second run changes nothing.
 */
export function proposeMigration(model: WorkspaceModel, paths: readonly string[], dryRun: boolean): WriteProposal<MigrationResult> {
  const targets = paths.length === 0 ? allStagePaths(model) : selectPaths(model, paths);
  const errors = errorsByPath(model);
  const files: MigratedFile[] = [];
  const skipped: MigrationResult['skipped'] = [];
  const changes: SourceChange[] = [];
  for (const path of targets) {
    const outcome = migrateFile(model, path, errors);
    if ('reason' in outcome) {
      if (paths.length > 0 || outcome.report) skipped.push({ path, reason: outcome.reason, blocked: outcome.blocked, errors: outcome.errors ?? [] });
      continue;
    }
    files.push(outcome.file);
    changes.push(writeChange(path, outcome.text));
  }
  const unmapped = files.reduce((n, f) => n + f.lines.filter((l) => l.status !== 'mapped').length, 0);
  const threads = [...new Set(files.map((f) => f.thread))];
  // A run with nothing to migrate, or one refusing a file it was asked for (exit 1), writes and commits nothing: not even the sync, whose commit would carry the person's uncommitted edits under migrate's name.
  const nothingToWrite = changes.length === 0 || skipped.some((s) => s.blocked);
  return {
    result: { dryRun, files, skipped, unmapped },
    changes: nothingToWrite ? [] : changes,
    nothingToWrite,
    summary: `migrate ${files.length} stage file${files.length === 1 ? '' : 's'} to front matter`,
    thread: threads.length === 1 ? threads[0] : undefined,
    details: files.map((f) => `${f.path}: ${Object.keys(f.frontMatter).length} field${Object.keys(f.frontMatter).length === 1 ? '' : 's'} from its labelled lines, ${f.lines.filter((l) => l.status !== 'mapped').length} left in the prose only`),
  };
}

type FileOutcome = { file: MigratedFile; text: string } | { reason: string; report: boolean; blocked: boolean; errors?: Diagnostic[] };

function migrateFile(model: WorkspaceModel, path: string, errors: Map<string, Diagnostic[]>): FileOutcome {
  const kind = classifyPath(path);
  if (kind.kind === 'stage-misnamed') return { reason: `not a stage file name (stage-file-name): rename it to ${kind.expected}, then migrate it`, report: true, blocked: true };
  if (kind.kind !== 'stage') return { reason: `not a stage file (${STAGE_FILES.join(', ')} in a thread folder)`, report: true, blocked: true };
  // Only a file the scan read: never one reached through a symbolic link, nor a special file.
  if (!model.files.has(path)) return { reason: 'not a file threadwork reads (a symbolic link, a special file, or in an ignored folder)', report: true, blocked: true };
  const text = model.text(path);
  if (text === undefined) return { reason: 'cannot be read', report: true, blocked: true };
  const unfilled = unfilledFrontMatter(text);
  if (!unfilled) return { reason: 'already has front matter: nothing to migrate', report: false, blocked: false };
  if (endsLinesInLoneCr(text)) return { reason: 'its lines end in a lone carriage return (CR, as classic Mac OS saved text), read as one line: re-save it with LF (or CRLF) line endings, then migrate it', report: true, blocked: false };
  if (text.includes('\uFFFD') && !bytesMatchText(model.root, path, text)) return { reason: 'not valid UTF-8: left byte for byte as it is', report: true, blocked: true };
  // Skipped, not refused: the rest of the workspace is migrated (docs/migrate.md), and this file once the errors are fixed.
  const own = errors.get(path);
  if (own) return { reason: `has ${own.length} error${own.length === 1 ? '' : 's'} (run \`threadwork check\`): fix ${own.length === 1 ? 'it' : 'them'} first`, report: true, blocked: false, errors: own };
  // A write into a thread with an error elsewhere (a stage-order gap) is refused whole, so the file waits for its thread.
  const elsewhere = [...errors.keys()].filter((p) => p !== path && p.startsWith(`${kind.thread}/`));
  if (elsewhere.length > 0) return { reason: `its thread has errors in ${elsewhere.join(', ')} (run \`threadwork check\`): fix them first`, report: true, blocked: false, errors: elsewhere.flatMap((p) => errors.get(p)!) };
  const type = THREAD_TYPE_BY_FAMILY[kind.family];
  if (!stageHasFields(type, kind.stage)) return { reason: `${STAGE_FILES[kind.stage - 1]} of a ${type} thread is free-form: no field to migrate`, report: true, blocked: false };
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const prose = unfilled.prose.replace(/^\uFEFF/, '');
  const mapping = mapStage(prose, migrationContext(model, kind.thread, type, kind.stage));
  // An empty block above the prose is replaced; with no labelled line to fill it, the file is left as it is.
  if (unfilled.blockLines > 0 && Object.keys(mapping.frontMatter).length === 0) return { reason: 'its front matter is empty and no labelled line of it maps to a field: nothing to migrate', report: false, blocked: false };
  const eol = lineEndingOf(prose);
  const yaml = Object.keys(mapping.frontMatter).length === 0 ? '' : yamlPackage().stringify(mapping.frontMatter, { lineWidth: 0 });
  const block = `---\n${yaml}---\n`.replace(/\n/g, eol);
  const offset = block.split(eol).length - 1;
  const file: MigratedFile = {
    path,
    thread: kind.thread,
    type,
    stage: kind.stage,
    frontMatter: mapping.frontMatter,
    lines: mapping.lines.map((l) => ({ ...l, line: l.line + offset, bodyLine: l.line + unfilled.blockLines })),
    offset,
  };
  return { file, text: bom + block + prose };
}

/** Every stage file of the workspace that carries no front matter fields: none, or an empty block. */
function allStagePaths(model: WorkspaceModel): string[] {
  const out: string[] = [];
  for (const thread of model.threads.values()) {
    for (const [i, stage] of thread.stages.entries()) {
      if (!stage || !stageHasFields(THREAD_TYPE_BY_FAMILY[thread.family], i + 1)) continue;
      const text = stage.bodyOffset <= UNFILLED_BLOCK_MAX_LENGTH ? model.text(stage.path) : undefined;
      if (text !== undefined && unfilledFrontMatter(text)) out.push(stage.path);
    }
  }
  return out.sort();
}

/** The stage files named, or under the folders named (contained paths, relative to the root). */
function selectPaths(model: WorkspaceModel, paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const path of paths) {
    const abs = join(model.root, path);
    if (!existsSync(abs)) throw new ThreadworkError(`No such file or folder: ${path}`, 'invalid-arguments', { path });
    if (statSync(abs).isDirectory()) {
      const prefix = path === '.' || path === '' ? '' : `${path.replace(/\/+$/, '')}/`;
      const under = allStagePaths(model).filter((p) => p.startsWith(prefix));
      if (under.length === 0 && !prefix.startsWith(`${LAYOUT.threads}/`) && prefix !== '' && prefix !== `${LAYOUT.threads}/`) {
        throw new ThreadworkError(`${path} holds no thread: stage files live under ${LAYOUT.threads}/`, 'invalid-arguments', { path });
      }
      for (const p of under) out.add(p);
    } else out.add(path);
  }
  return [...out].sort();
}

/** How many errors `check` finds in each file: a file with errors is not migrated until they are fixed. */
function errorsByPath(model: WorkspaceModel): Map<string, Diagnostic[]> {
  const byPath = new Map<string, Diagnostic[]>();
  for (const d of checkModel(model).diagnostics) if (d.severity === 'error') byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  return byPath;
}
