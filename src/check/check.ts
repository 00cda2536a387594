import { compareDiagnostics, hasErrors, START, type Diagnostic, type Position } from '../diagnostics.js';
import { bodyOffsetOf } from '../markdown/front-matter.js';
import { SECTION_PROSE, strategyContext, type MissingInput } from '../strategy/context.js';
import { missingInputDiagnostics, readCanvasTexts } from '../strategy/refresh.js';
import { isSlipOf } from '../schema/misspelt-keys.js';
import { LAYOUT, threadOf } from '../workspace/layout.js';
import { segmentsOf } from '../workspace/model.js';
import { hasValue } from '../workspace/parse-file.js';
import { formatDataPath } from '../workspace/validate.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { Locators } from './locators.js';
import { checkMetricTargets } from './metric-targets.js';
import { checkAutonomyGates } from './autonomy-gates.js';
import { checkApprovalRecords } from './sent-unapproved.js';
import { checkSentCounts } from './sent-count.js';
import { checkSharedProspects } from './shared-prospects.js';
import { sentTouchesOnce } from '../derive/sent-touches.js';
import { checkDecisions } from './decisions.js';
import { checkDrafts } from './draft-quality.js';
import { checkExperiments } from './experiments.js';
import { checkManagedBlocks } from './managed-blocks.js';
import { checkPipelineStages } from './pipeline-stages.js';
import { checkReferences, threadCount } from './references.js';
import { checkStageFrontMatter } from './stage-front-matter.js';
import { checkCopiedStageFiles } from './stage-file-copied.js';
import { checkStrategyNotGenerated } from './strategy-not-generated.js';
import { checkStrategyTemplates } from './strategy-render.js';

export interface CheckResult {
  ok: boolean;
  errors: number;
  warnings: number;
  files: number;
  threads: number;
  diagnostics: Diagnostic[];
}

/**
 * The threads whose own checks run (`checkModel`'s scope): a write is judged by the
 * errors in the files it writes, and a file in a thread is told only what the checks of
 * its own thread say — cross-checked against every other thread and file all the same (a
 * duplicate id, an unknown assumption). At 10,000 deals the checks of every thread cost a
 * served `deal new` most of its time.
 */
export type CheckScope = ReadonlySet<string>;

/**
 * All problems of a loaded workspace, sorted by file and position. Never prints. With a
 * scope, the per-thread checks of threads outside it are left out: the result is complete
 * for every file of the scope's threads and every file outside any thread, and says
 * nothing of the other threads' files (a whole check's counts are not its counts).
 * `locators`: those a cold check located its threads' findings in while it loaded
 * (check/early-checks.ts); reading the model's texts, as the default ones do.
 */
export function checkModel(model: WorkspaceModel, scope?: CheckScope, locators = new Locators((path) => model.text(path))): CheckResult {
  const inScope = scope ? (thread: string) => scope.has(thread) : () => true;
  // The drafts' sent touches, read by three checks below: one pass over the files, not three.
  const sent = sentTouchesOnce(model);
  const all = [
    ...model.diagnostics,
    ...checkReferences(model, locators, inScope, sent),
    ...checkDecisions(model, locators, inScope),
    ...checkPipelineStages(model, locators, inScope),
    ...checkDrafts(model),
    ...checkAutonomyGates(model, locators, sent),
    ...checkApprovalRecords(model, locators),
    ...checkSentCounts(model, locators, inScope),
    ...checkSharedProspects(model, locators, inScope, sent),
    ...strategyInputWarnings(model, locators),
    ...checkStageFrontMatter(model, inScope),
    ...checkCopiedStageFiles(model, inScope),
    ...checkExperiments(model, locators, inScope),
    ...checkManagedBlocks(model, inScope),
    ...checkStrategyTemplates(model),
    ...checkStrategyNotGenerated(model, locators),
    ...checkMetricTargets(model, locators),
  ];
  const diagnostics = (scope ? all.filter((d) => inScopePath(d.path, scope)) : all).sort(compareDiagnostics);
  return {
    ok: !hasErrors(diagnostics),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    files: model.files.size,
    threads: threadCount(model),
    diagnostics,
  };
}

/** Whether a file's diagnostics belong to a scoped check: a file of one of its threads, or of no thread. */
function inScopePath(path: string, scope: CheckScope): boolean {
  const thread = threadOf(path.split('/'))?.thread;
  return thread === undefined || scope.has(thread);
}

/** For segments whose strategy was generated: what the canvas lacks that the generated files needed. */
function strategyInputWarnings(model: WorkspaceModel, locators: Locators): Diagnostic[] {
  const generated = segmentsOf(model).filter((s) => model.files.has(`${LAYOUT.icp}/${s.id}-icp.yaml`));
  if (generated.length === 0) return [];
  const texts = readCanvasTexts((path) => model.text(path));
  const broken = (path: string): boolean => {
    const file = model.files.get(path);
    return file !== undefined && !hasValue(file);
  };
  const missing = generated.flatMap((segment) => strategyContext(model, segment, texts, []).missing).filter((m) => !writtenMisspelt(model, m));
  return missingInputDiagnostics(missing, broken, (m) => missingInputPlace(model, locators, m));
}

/**
 * An input written under a key one slip off its own (`compnay:` for `company:`): the file's
 * `key-misspelt` warning, at that key, already says the value is not read and which key to
 * write; "your company name is missing" at 1:1 beside it sent the person looking for a key
 * they did write.
 */
function writtenMisspelt(model: WorkspaceModel, m: MissingInput): boolean {
  const slips = model.files.get(m.path)?.diagnostics.filter((d) => d.rule === 'key-misspelt' && d.field !== undefined);
  if (!slips?.length || m.key === SECTION_PROSE) return false;
  const path = missingInputDataPath(model, m);
  const name = path[path.length - 1];
  if (typeof name !== 'string') return false;
  const parent = path.slice(0, -1);
  const prefix = parent.length === 0 ? '' : `${formatDataPath(parent)}.`;
  return slips.some((d) => {
    if (!d.field!.startsWith(prefix)) return false;
    const written = d.field!.slice(prefix.length);
    return formatDataPath([...parent, written]) === d.field && isSlipOf(written, name);
  });
}

/**
 * Where a missing strategy input is to be filled in: the section's first line of prose for
 * text to write; the key for a key written empty (`uvp: ""`, `industry: []`), or the
 * nearest enclosing key that is written (the segment's `filters:` for a missing
 * `industry`). A top-level key not written at all has no line: the file's start.
 */
function missingInputPlace(model: WorkspaceModel, locators: Locators, m: MissingInput): { at: Position; field?: string } {
  if (m.key === SECTION_PROSE) {
    const text = model.text(m.path);
    return { at: text === undefined ? START : { line: text.slice(0, bodyOffsetOf(text)).split('\n').length, column: 1 } };
  }
  const data = model.files.get(m.path)?.value;
  const path = missingInputDataPath(model, m);
  if (path.length === 1 && !(isRecord(data) && Object.hasOwn(data, path[0]!))) return { at: START };
  return { at: locators.at(m.path, path), field: formatDataPath(path) };
}

/** The data path of a missing input's key, as far as the file has it (`segments[id]` by the segment's id), and the key itself. */
function missingInputDataPath(model: WorkspaceModel, m: MissingInput): (string | number)[] {
  const data = model.files.get(m.path)?.value;
  const path: (string | number)[] = [];
  let node: unknown = data;
  for (const part of m.key.split('.')) {
    const listed = /^(.+)\[(.+)\]$/.exec(part);
    const name = listed ? listed[1]! : part;
    node = isRecord(node) ? node[name] : undefined;
    path.push(name);
    if (listed) {
      const index = Array.isArray(node) ? node.findIndex((item) => isRecord(item) && item.id === listed[2]) : -1;
      if (index < 0) break;
      node = (node as unknown[])[index];
      path.push(index);
    }
  }
  return path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
