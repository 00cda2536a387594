import type { Diagnostic } from '../diagnostics.js';
import type { Assumption, CanvasSection, CanvasSectionValue, Segment } from '../schema/canvas.js';
import type { Config } from '../schema/config.js';
import type { CurrencyWritten, Goal } from '../schema/goal.js';
import type { Icp } from '../schema/icp.js';
import type { ThreadMeta } from '../schema/meta.js';
import type { DraftValue, StageNumber, StageValue } from '../schema/stages.js';
import type { Suppression } from '../schema/suppression.js';
import { ThreadworkError } from '../errors.js';
import { nearestWord } from '../schema/misspelt-keys.js';
import { LAYOUT, SUPPRESSION_FILE, type THREAD_TYPE_BY_FAMILY, type ThreadFamily } from './layout.js';
import type { ParsedFile } from './parse-file.js';

export interface ThreadRecord {
  /** Folder path relative to the workspace root, e.g. `threads/sales/acme-corp`. */
  path: string;
  family: ThreadFamily;
  meta: ParsedFile | undefined;
  /** Index 0 is `1-input.md`; undefined where the stage file does not exist. */
  stages: (ParsedFile | undefined)[];
}

/** Everything read from a workspace: the parsed files and the indexes built from them. */
export interface WorkspaceModel {
  root: string;
  config: Config;
  files: Map<string, ParsedFile>;
  canvas: Map<CanvasSection, ParsedFile>;
  goals: Map<string, ParsedFile>;
  /**
   * Goal files saved under a name that is not `.md` (`goals/g-x.md.txt`), by the goal id
   * their name gives: not goals, but what an `unknown-goal` for that id points at.
   */
  misnamedGoals?: ReadonlyMap<string, string>;
  /**
   * A thread's meta.json saved under a name a desktop or an editor gave it (`meta (1).json`,
   * `meta.json.txt`), by the thread's folder: not read, but what its `thread-meta-missing` names.
   */
  misnamedMetas?: ReadonlyMap<string, string>;
  threads: Map<string, ThreadRecord>;
  /** Diagnostics found while reading (I/O errors, syntax, schema). */
  diagnostics: Diagnostic[];
  /** A file's text as the engine sees it: what a write in flight is about to put there, else the disk. */
  text(path: string): string | undefined;
  /**
   * The content hash the state keeps of a file as it is (content-hash.ts), taken when it was
   * read or from the parse cache: no read of the file. Undefined for a file not held.
   */
  hashOf?(path: string): string | undefined;
  /** Files whose current version cannot be read or does not validate (see engine/state.ts). */
  broken: ReadonlySet<string>;
  /**
   * Which thread records changed, on a model kept up to date file by file
   * (engine/live-model.ts): a derivation that saw the model at some point asks for the
   * threads changed since, instead of comparing every thread. Absent on a model built at once.
   */
  threadChanges?: ThreadChangeLog;
}

export interface ThreadChangeLog {
  /** The number of changes recorded so far. */
  readonly seq: number;
  /** The paths of the threads changed after the first `seq` changes (repeats possible), or undefined when that is no longer known. */
  since(seq: number): readonly string[] | undefined;
}

/*
 * Typed reads of the parsed model. parse-file.ts validates every file with the schema of
 * its kind and leaves `value` undefined when validation fails, so a defined `value` is
 * that schema's output: these accessors are the one place that says so (the casts
 * below), and the rest of the code reads values typed by file kind.
 */

/** A canvas section's validated front matter, or undefined when the file is missing or invalid. */
export function canvasValue<S extends CanvasSection>(model: WorkspaceModel, section: S): CanvasSectionValue<S> | undefined {
  return model.canvas.get(section)?.value as CanvasSectionValue<S> | undefined;
}

/**
 * The currency the workspace counts in: 11-pricing's `currency` (upper-cased), USD when it
 * names none or cannot be read. Every money figure is in it; a deal amount written in
 * another is left out of the sums (docs/file-formats.md, "Money").
 */
export function workspaceCurrency(model: WorkspaceModel): string {
  const written = canvasValue(model, '11-pricing')?.currency;
  return typeof written === 'string' ? written.toUpperCase() : 'USD';
}

/** A 13-metrics money target written in another currency than the workspace's. */
export interface TargetInOtherCurrency {
  key: string;
  currency: string;
}

/**
 * 13-metrics' targets as the figures are compared with them: a money target written in
 * another currency than the workspace's (`won_arr: "€500k"` where 11-pricing counts USD) is
 * left out — shown as no target, no deal's priority sized against it, the materials' deal
 * size taken from the pricing instead — and listed in `otherCurrency` (check warns at it:
 * amount-other-currency), as a goal's target in another currency is (docs/derivation.md).
 */
export function metricTargetsOf(model: WorkspaceModel): { targets: Record<string, unknown>; otherCurrency: TargetInOtherCurrency[] } {
  const written = (canvasValue(model, '13-metrics')?.targets ?? {}) as Record<string, unknown> & { writtenCurrency?: Record<string, string> };
  const { writtenCurrency: named, ...targets } = written;
  if (!named) return { targets, otherCurrency: [] };
  const currency = workspaceCurrency(model);
  const otherCurrency = Object.entries(named).flatMap(([key, c]) => (c === currency ? [] : [{ key, currency: c }]));
  for (const { key } of otherCurrency) delete targets[key];
  return { targets, otherCurrency };
}

/**
 * A segment id the canvas does not define, refused with the ids it does, in the
 * same words by every command that takes one (deal and campaign new, score, strategy, a
 * thread list): with none defined yet, where to define one; with the segments file broken,
 * its first error, and the ids of the version held while it is (the segments commands read).
 */
export function unknownSegment(model: WorkspaceModel, written: string | readonly string[]): ThreadworkError {
  const segments = typeof written === 'string' ? [written] : written;
  const known = segmentsOf(model).map((s) => s.id);
  const broken = segmentsErrors(model);
  const slip = known.length === 0 && broken.length === 0 ? listKeySlip(model, '04-segments', 'segments') : undefined;
  const why = broken.length
    ? brokenSegmentsFile(model, broken[0]!, known)
    : slip
      ? `expected a segment defined in ${SEGMENTS_FILE} — none is read from it: \`${slip.field!}:\` at ${slip.path}:${slip.line}:${slip.column} looks like \`segments:\`, the key threadwork reads (it ignores \`${slip.field!}\`): rename it, then run the command again`
      : `expected ${known.length ? `one of ${known.join(', ')}` : `a segment defined in ${SEGMENTS_FILE} — none is defined yet: add one there (an item of \`segments:\` with its \`id\`), then run the command again`}`;
  const near = segments.length === 1 ? nearSegments(segments[0]!, known) : [];
  const meant = near.length === 1 ? near[0] : undefined;
  const details: Record<string, unknown> = segments.length === 1 ? { segment: segments[0], known: [...known] } : { known: [...known] };
  if (meant) details.meant = meant;
  if (broken.length) details.diagnostics = broken;
  else if (slip) details.diagnostics = [slip];
  return new ThreadworkError(`Unknown segment ${segments.map((s) => JSON.stringify(s)).join(', ')}: ${near.length ? `did you mean ${near.join(' or ')}? ` : ''}${why}`, 'unknown-segment', details);
}

/** Shortest start of a segment id taken as meaning it: fewer letters begin too many words. */
const SEGMENT_PREFIX_MIN = 3;

/**
 * The segments `written` is meant as: the one it is a slip of (`ecommerce_finance`,
 * `Mid-Market-Fintech`), as a thread or report names one; else every id it begins
 * (`saas` for `saas-scaleups`, `dtc` for `dtc-brands`) — a segment is typed by its first
 * word as a deal is (threads/resolve.ts), and a newcomer told only the whole list has to
 * find the one meant in it.
 */
export function nearSegments(written: string, known: readonly string[]): string[] {
  const slip = nearestWord(written, known);
  if (slip) return [slip];
  const start = written.trim().toLowerCase();
  if (start.length < SEGMENT_PREFIX_MIN) return [];
  return known.filter((id) => id.startsWith(start));
}

const SEGMENTS_FILE = `${LAYOUT.canvas}/04-segments.md`;

/**
 * The errors of a segments file that cannot be read as it is (invalid YAML, a schema error):
 * its segments are then those of its last valid version, held — saying "none is defined
 * yet", or only the held ids, sent the user to a file they had just filled in.
 */
function segmentsErrors(model: WorkspaceModel): Diagnostic[] {
  if (!model.broken.has(SEGMENTS_FILE)) return [];
  return model.diagnostics.filter((d) => d.path === SEGMENTS_FILE && d.severity === 'error');
}

/**
 * A top-level key of a canvas section that is a slip of its list's key (`segmentz:`,
 * `Segments:`, `assumption:`): check's `key-misspelt` warning there. The entries written
 * under it are read as none, and "none is defined yet: add one there" sent the user to add
 * what they had written.
 */
export function listKeySlip(model: WorkspaceModel, section: CanvasSection, key: string): Diagnostic | undefined {
  return model.canvas.get(section)?.diagnostics.find((d) => d.rule === 'key-misspelt' && d.field !== undefined && !/[.[]/.test(d.field) && nearestWord(d.field, [key]) === key);
}

function brokenSegmentsFile(model: WorkspaceModel, first: Diagnostic, known: readonly string[]): string {
  const held = model.canvas.get('04-segments')?.value === undefined
    ? 'it has no valid version to read segments from'
    : `its last valid version, used until it is fixed, defines ${known.length ? known.join(', ') : 'none'}`;
  return `${SEGMENTS_FILE} is broken — ${first.path}:${first.line}:${first.column} ${first.message.replace(/\.$/, '')} — and ${held}: fix it (\`threadwork check\` lists its errors), then run the command again`;
}

export function segmentsOf(model: WorkspaceModel): Segment[] {
  return canvasValue(model, '04-segments')?.segments ?? [];
}

export function assumptionsOf(model: WorkspaceModel): Assumption[] {
  return canvasValue(model, '10-assumptions')?.assumptions ?? [];
}

/**
 * The goals, in the order of their files' paths: the map's own order is the order the files
 * were read in, which a load on several workers does not fix — a commit message named two
 * goals' changes in either order from one run to the next.
 */
/**
 * The valid goals, in path order, each money figure written in another currency than the
 * workspace's marked `otherCurrency` (check: amount-other-currency): `target: "€500k"` in a
 * USD workspace is not 500,000 of the dollars the figures add, so the goal's state compares
 * nothing with it (derive/goals.ts). A goal with none is the parsed value itself.
 */
export function goalsOf(model: WorkspaceModel): Goal[] {
  const currency = workspaceCurrency(model);
  return [...model.goals.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).flatMap((file) => (file.value ? [withOtherCurrency(file.value as Goal, currency)] : []));
}

function withOtherCurrency(goal: Goal, currency: string): Goal {
  const other = (figure: CurrencyWritten): string | undefined => Object.values(figure.writtenCurrency ?? {}).find((named) => named !== currency);
  if (!goal.metrics.some(other) && !goal.subgoals.some(other)) return goal;
  const mark = <T extends CurrencyWritten>(figure: T): T => {
    const named = other(figure);
    return named ? Object.assign({}, figure, { otherCurrency: named }) : figure;
  };
  return Object.assign({}, goal, { metrics: goal.metrics.map(mark), subgoals: goal.subgoals.map(mark) });
}

export function metaOf(thread: ThreadRecord): ThreadMeta | undefined {
  return thread.meta?.value as ThreadMeta | undefined;
}

/**
 * Stage `stage` of a thread of `family`, validated: undefined when the thread is of
 * another family or the stage file is missing or invalid.
 */
export function stageValue<F extends ThreadFamily, N extends StageNumber>(thread: ThreadRecord, family: F, stage: N): StageValue<(typeof THREAD_TYPE_BY_FAMILY)[F], N> | undefined {
  if (thread.family !== family) return undefined;
  return thread.stages[stage - 1]?.value as StageValue<(typeof THREAD_TYPE_BY_FAMILY)[F], N> | undefined;
}

/** A segment's generated ICP (`research/customer/icp/{segment}-icp.yaml`), when it is valid. */
export function icpOf(model: WorkspaceModel, segmentId: string): Icp | undefined {
  return model.files.get(`${LAYOUT.icp}/${segmentId}-icp.yaml`)?.value as Icp | undefined;
}

/** The do-not-contact list as validated, or undefined when it is missing or invalid. */
export function suppressionValue(model: WorkspaceModel): Suppression | undefined {
  return model.files.get(SUPPRESSION_FILE)?.value as Suppression | undefined;
}

/** The workspace config a config file validated to, or undefined when it is invalid (the built-in defaults then apply). */
export function configValue(file: ParsedFile | undefined): Config | undefined {
  return file?.kind.kind === 'config' ? (file.value as Config | undefined) : undefined;
}

/** A draft file's validated front matter and body, or undefined for any other file or an invalid draft. */
export function draftValue(file: ParsedFile): DraftValue | undefined {
  return file.kind.kind === 'draft' ? (file.value as DraftValue | undefined) : undefined;
}

/** A thread's stage is its highest stage file present. */
export function stageOf(thread: ThreadRecord): number {
  for (let i = thread.stages.length - 1; i >= 0; i--) if (thread.stages[i]) return i + 1;
  return 0;
}
