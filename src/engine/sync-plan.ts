import type { Goal } from '../schema/goal.js';
import { markerDiagnostic } from '../check/managed-blocks.js';
import type { ThreadMeta } from '../schema/meta.js';
import { createHash } from 'node:crypto';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { renderAssumptionsBlock, renderCampaignResultsBlock, renderGoalStateBlock, renderMetricsBlock } from '../derive/render-blocks.js';
import { experimentsSummary, renderExperimentsBlock } from '../derive/render-experiments.js';
import { assumptionsSummary, campaignResultsSummary, describeAssumptionChange, describeResultsChange, describeGoalChange, describeMetricsChanges, goalSummary, metricsSummary, summaryDiff, type BlockSummary, type SummaryChange } from '../derive/summaries.js';
import { lowerBoundBy } from '../derive/sorted.js';
import { readBackSummary } from '../derive/summary-read-back.js';
import type { ThreadFacts } from '../derive/thread-facts.js';
import { subgoalReached, type GoalState } from '../derive/goals.js';
import { addFrontMatterScalar } from '../markdown/front-matter-edit.js';
import { updateJsonObject } from '../markdown/json-edit.js';
import { appendBlock, blockContent, findManagedBlocks, replaceBlockContent } from '../markdown/managed-blocks.js';
import { bodyOffsetOf } from '../markdown/front-matter.js';
import { cutShortBeforeBlock } from './cut-short.js';
import { metaSideToWrite, openedTwiceConflict } from '../workspace/meta-conflict.js';
import { campaignResultRates, campaignSuggestions, nothingRecorded, type CampaignResults } from '../outreach/index.js';
import { planStrategy } from '../strategy/refresh.js';
import { generatedState } from '../strategy/generated-file.js';
import type { RenderMemo } from '../strategy/render-memo.js';
import type { UnmergedFiles } from '../markdown/conflict-markers.js';
import type { DerivedWorkspace } from '../derive/workspace.js';
import { marketingThreadFiles } from '../threads/open-marketing.js';
import { withdrawSuppressedApprovals } from '../campaigns/withdraw-approvals.js';
import { LAYOUT, SUPPRESSION_FILE } from '../workspace/layout.js';
import { mergedSuppressionConflict } from '../workspace/parse-file.js';
import { firstNonUtf8Byte, NOT_UTF8_STALE, notUtf8Message } from '../workspace/read-files.js';
import { metricTargetsOf, type WorkspaceModel } from '../workspace/model.js';
import type { SourceChange } from './changes.js';

/** One derived value that changes, for the dry-run output and the commit body. */
export interface DerivedChange {
  /** What it belongs to: an assumption id, a goal id, a thread path, `metrics`. */
  subject: string;
  kind: 'assumption' | 'goal' | 'thread' | 'metrics' | 'marketing' | 'strategy' | 'suppression';
  description: string;
  /**
   * What the line describes: a managed block (`strategy/canvas/13-metrics.md#metrics`), a
   * thread's `meta.json`, a subgoal's `reached` record (`goals/g.md#reached/SG1`), a file
   * regenerated or a thread opened (its path). A journal's commit message is rebuilt by it
   * when a later run describes the same thing again (engine/transaction.ts).
   */
  at: string;
}

/** A line as a describer makes it; planBlock adds what it describes. */
type Described = Omit<DerivedChange, 'at'>;

export interface FileEdit {
  path: string;
  /** null when the file is new. */
  before: string | null;
  after: string;
}

/** Per managed block (`path#name`): the hash of the content written and what it showed. */
export type DerivedSnapshot = Record<string, { hash: string; summary: BlockSummary }>;

export interface SyncPlan {
  edits: FileEdit[];
  /** New content threads: files created exclusively, like any thread. */
  creations: SourceChange[];
  changes: DerivedChange[];
  /** Damaged markers and strategy files that could not be rendered. */
  diagnostics: Diagnostic[];
  /** What every block shows after this plan, recorded for the next plan's before → after. */
  snapshot: DerivedSnapshot;
}

export interface PlanOptions {
  /**
   * The paths an interrupted transaction meant to write (its journal): a content thread it
   * began to open (its meta.json written, a stage file not yet) is finished.
   */
  resume?: ReadonlySet<string>;
  /** Files with a cross-file error (engine/transaction.ts): never edited, like a broken file. */
  invalid?: ReadonlySet<string>;
  /**
   * The text in `HEAD` of block files whose text on disk differs from it (an uncommitted
   * hand edit, a `--no-commit` run): a change's "before" is what the commit's diff shows,
   * so it is read from these rather than from the disk (docs/derivation.md).
   */
  committed?: ReadonlyMap<string, string>;
  /** What the segments' strategy rendered to before (strategy/render-memo.ts); none: every segment is rendered. */
  strategyMemo?: RenderMemo | undefined;
  /** While a merge or rebase is stopped: the sides git's index holds of each unmerged file (git/unmerged.ts). */
  unmerged?: UnmergedFiles | undefined;
}

/**
 * Compares derived content with the files as the engine sees them and returns the edits
 * that make them equal. Pure but for reading through `model.text`; writes nothing.
 * A broken file is never edited (its own diagnostics and the `derived-held` warning say
 * why), and `previous` — what the blocks showed when they were last written — gives each
 * change its "before".
 */
export function planSync(model: WorkspaceModel, derived: DerivedWorkspace, previous: DerivedSnapshot, options: PlanOptions = {}): SyncPlan {
  const plan: SyncPlan = { edits: [], creations: [], changes: [], diagnostics: [], snapshot: {} };
  const invalid = options.invalid;
  const editable = (path: string): boolean => !model.broken.has(path) && !invalid?.has(path);
  // A warm deriver says which threads changed since the last plan; only their metadata can need a write.
  const changed = derived.changedThreads;
  const threads = changed ? threadsAt(derived.threads, withUnwritableMeta(model, changed)) : derived.threads;
  for (const facts of threads) if (editable(`${facts.path}/meta.json`)) planMeta(model, facts, plan, options.committed);

  const assumptionsFile = model.canvas.get('10-assumptions');
  if (assumptionsFile && editable(assumptionsFile.path)) {
    const summary = assumptionsSummary(derived.assumptions);
    const block = { path: assumptionsFile.path, name: 'assumptions', content: renderAssumptionsBlock(derived.assumptions), summary };
    planBlock(model, plan, previous, options.committed, block, { subject: assumptionsFile.path, kind: 'strategy' }, (diff) =>
      diff.flatMap((d) => {
        const description = describeAssumptionChange(d.key, d.before, d.after);
        return description === undefined ? [] : [{ subject: d.key, kind: 'assumption' as const, description }];
      }),
    );
  }
  const metricsFile = model.canvas.get('13-metrics');
  if (metricsFile && editable(metricsFile.path)) {
    const { targets } = metricTargetsOf(model);
    const summary = metricsSummary(derived.overall, derived.bySegment, targets);
    planBlock(model, plan, previous, options.committed, { path: metricsFile.path, name: 'metrics', content: renderMetricsBlock(derived.overall, derived.bySegment, targets), summary }, { subject: 'metrics', kind: 'metrics' }, (diff, known) =>
      describeMetricsChanges(diff, known).map((description) => ({ subject: 'metrics', kind: 'metrics' as const, description })),
    );
  }
  for (const state of derived.goals) {
    const file = model.goals.get(state.id);
    if (!file || !editable(file.path)) continue;
    const reached = planReached(model, file.path, file.value as Goal | undefined, state, plan);
    planBlock(model, plan, previous, options.committed, { path: file.path, name: 'state', content: renderGoalStateBlock(state), summary: goalSummary(state) }, { subject: state.id, kind: 'goal' }, (diff, known) => {
      const description = describeGoalChange(state.id, diff, known);
      return description === undefined ? [] : [{ subject: state.id, kind: 'goal', description }];
    });
    // After the state's own line: `history` of the goal leads with what its state did.
    plan.changes.push(...reached);
  }
  for (const facts of threads) {
    if (facts.meta.type !== 'sales-campaign' || facts.stage < 6 || !facts.campaignResults) continue;
    const results = facts.campaignResults as CampaignResults;
    const learningPath = `${facts.path}/6-learning.md`;
    if (!editable(learningPath)) continue;
    const suggestions = campaignSuggestions(results);
    const rates = campaignResultRates(results);
    const recorded = !nothingRecorded(results);
    const summary = campaignResultsSummary(rates, suggestions, recorded);
    const thread = { subject: facts.path, kind: 'thread' } as const;
    planBlock(model, plan, previous, options.committed, { path: learningPath, name: 'results', content: renderCampaignResultsBlock(rates, suggestions, recorded), summary }, thread, (diff) => [
      { subject: facts.path, kind: 'thread', description: describeResultsChange(facts.path, diff, summary.rules!) },
    ]);
    if (facts.experiments.length) {
      planBlock(model, plan, previous, options.committed, { path: learningPath, name: 'experiments', content: renderExperimentsBlock(facts.experiments), summary: experimentsSummary(facts.experiments) }, thread, (diff) =>
        diff.map((d) => ({ subject: facts.path, kind: 'thread' as const, description: `${facts.path} experiment ${d.key}: ${d.before ?? '—'} → ${d.after ?? '—'}` })),
      );
    }
  }
  // Generated strategy files follow the canvas: unedited ones are regenerated, edited ones
  // reported as stale. While a file they are generated from is broken, they are held as they are.
  // A segment's ICP file git left conflicted, both sides as threadwork generated them, is no
  // source: nothing in it is a person's, and it is regenerated with the rest (it used to hold
  // every generated file, the merge's markers in them, until resolved by hand).
  const strategySourceBroken = [...model.broken].some((p) => p.startsWith(`${LAYOUT.canvas}/`) || (p.startsWith(`${LAYOUT.icp}/`) && !generatedOnBothSides(model, p, options.unmerged)) || p === LAYOUT.config);
  if (!strategySourceBroken) {
    const strategy = planStrategy(model, derived.assumptions, (path) => model.text(path), { onlyExisting: true, memo: options.strategyMemo, unmerged: options.unmerged });
    plan.diagnostics.push(...strategy.diagnostics);
    for (const write of strategy.writes) {
      plan.edits.push(write);
      plan.changes.push({ subject: write.path, kind: 'strategy', description: `regenerated ${write.path} (the canvas or a template it is made from changed)`, at: write.path });
    }
  }
  planOpenedTwice(model, plan, editable);
  planSuppressionMerged(model, plan, editable);
  planSuppressedWithdrawn(model, plan);
  for (const opening of derived.marketing) {
    const existing = model.threads.get(`${LAYOUT.marketing}/${opening.slug}`);
    const exists = existing !== undefined;
    // The assumption's proof thread opened under its statement before it was reworded (here, or by the other side of a merge): the same event, not opened again.
    if (!exists && opening.assumption !== undefined && proofThreadOf(model, opening.assumption)) continue;
    // An existing thread is the user's, but for the files an interrupted run meant to create in it.
    if (exists && !options.resume) continue;
    try {
      const files = marketingThreadFiles(model, derived, opening, (existing?.meta?.value as ThreadMeta | undefined)?.created).filter((f) => !exists || (options.resume!.has(f.path) && model.text(f.path) === undefined));
      if (files.length === 0) continue;
      plan.creations.push(...files);
      if (exists) continue; // the opening was already reported by the run that began it
      plan.changes.push({ subject: `${LAYOUT.marketing}/${opening.slug}`, kind: 'marketing', description: `opened ${LAYOUT.marketing}/${opening.slug} (${opening.reason})`, at: `${LAYOUT.marketing}/${opening.slug}` });
    } catch (error) {
      // One thread that cannot be opened (a broken template override) must not stop the sync.
      plan.diagnostics.push(diagnostic(`${LAYOUT.marketing}/${opening.slug}`, { line: 1, column: 1 }, 'error', 'marketing-open', `Cannot open the content thread: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  return plan;
}

/**
 * The proof thread already opened for an assumption, under whatever statement it had then:
 * the folder is named `{id}-{statement}` and titled `Proof: {statement}`, so a reworded
 * statement (a typo fixed, one side of a merge) names a new folder for the same event, and
 * each rewording opened one more thread.
 */
function proofThreadOf(model: WorkspaceModel, assumption: string): string | undefined {
  const prefix = `${LAYOUT.marketing}/${assumption.toLowerCase()}-`;
  for (const [path, thread] of model.threads) {
    if (!path.startsWith(prefix)) continue;
    const title = (thread.meta?.value as ThreadMeta | undefined)?.title;
    if (typeof title === 'string' && title.startsWith('Proof: ')) return path;
  }
  return undefined;
}

/**
 * A content thread both sides of a merge opened for the same event (workspace/meta-conflict.ts):
 * its 1-input.md written once, with the sources of both, git's markers gone.
 */
function planOpenedTwice(model: WorkspaceModel, plan: SyncPlan, editable: (path: string) => boolean): void {
  for (const thread of model.threads.values()) {
    const input = thread.family === 'marketing' ? thread.stages[0] : undefined;
    if (!input?.diagnostics.some((d) => d.rule === 'merge-conflict') || !editable(input.path)) continue;
    const before = model.text(input.path);
    const resolved = before === undefined ? undefined : openedTwiceConflict(before);
    if (!resolved) continue;
    plan.edits.push({ path: input.path, before: before!, after: resolved.merged });
    plan.changes.push({ subject: thread.path, kind: 'marketing', description: `${input.path}: opened on both sides of the merge for the same event — one thread, citing the sources of both`, at: input.path });
  }
}

/**
 * The do-not-contact list both sides of a merge added to (outreach/suppression-conflict.ts):
 * written once, with the entries of both, git's markers gone — never one side's alone.
 */
function planSuppressionMerged(model: WorkspaceModel, plan: SyncPlan, editable: (path: string) => boolean): void {
  const file = model.files.get(SUPPRESSION_FILE);
  if (!file?.diagnostics.some((d) => d.rule === 'merge-conflict' && d.severity === 'warning') || !editable(file.path)) return;
  const before = model.text(file.path);
  const resolved = before === undefined ? undefined : mergedSuppressionConflict(file.path, before);
  if (!resolved) return;
  plan.edits.push({ path: file.path, before: before!, after: resolved.merged });
  const added = resolved.added.length ? `, ${resolved.added.join(', ')} added from the other side` : '';
  plan.changes.push({ subject: file.path, kind: 'suppression', description: `${file.path}: both sides of the merge added to the do-not-contact list — written with the entries of both${added}`, at: file.path });
}

/**
 * Approved drafts to an address on the do-not-contact list — added by hand, or by a merge —
 * or to a prospect marked unsubscribed by hand in their campaign's 5-actions.md, withdrawn as
 * `campaign reply` withdraws an unsubscribe's (campaigns/withdraw-approvals.ts):
 * each named, and committed with the list. Read from the list as planSuppressionMerged
 * leaves it on disk: a list still in conflict is no list, and withdraws nothing yet.
 */
function planSuppressedWithdrawn(model: WorkspaceModel, plan: SyncPlan): void {
  const { withdrawn, changes } = withdrawSuppressedApprovals(model);
  changes.forEach((change, i) => {
    const { path, who, why } = withdrawn[i]!;
    const reason = why === 'suppressed' ? `is on the do-not-contact list (${SUPPRESSION_FILE})` : `is marked unsubscribed in ${path.slice(0, path.lastIndexOf('/drafts/'))}/5-actions.md`;
    plan.edits.push({ path, before: model.text(path)!, after: change.content });
    plan.changes.push({ subject: path, kind: 'suppression', description: `${path}: approval withdrawn — ${who} ${reason}; set to status skipped, not to be sent`, at: path });
  });
}

/**
 * The thread's meta.json as derived. Its change is described from HEAD's version where
 * `committed` gives one (a journal's commit finished after the workspace moved): the line
 * then says what the commit's diff shows, not what an uncommitted write left.
 */
function planMeta(model: WorkspaceModel, facts: ThreadFacts, plan: SyncPlan, committed: ReadonlyMap<string, string> | undefined): void {
  const deal = facts.meta.type === 'sales-deal';
  const wanted: Record<string, unknown> = {
    stage: facts.stage,
    status: facts.status,
    pipeline_stage: deal ? facts.pipelineStage : null,
    updated: facts.updated || null,
    close_probability: deal ? facts.closeProbability : null,
    cycle_time_days: facts.cycleDays,
    icp_match_score: deal ? facts.icpMatchScore : null,
    qualification_score: deal ? facts.qualificationScore : null,
    priority: deal ? facts.priority : null,
    lead_score: deal ? facts.leadScore : null,
    lead_band: deal ? facts.leadBand : null,
    contact_score: deal ? facts.contactScore : null,
  };
  const current = facts.meta as Record<string, unknown>;
  // A merge conflict over derived fields alone (workspace/meta-conflict.ts): the file was read as its side above
  // the `=======`, which is written anew with them, git's markers gone, even where that side's values are right.
  const conflicted = model.threads.get(facts.path)?.meta?.diagnostics.some((d) => d.rule === 'merge-conflict') === true;
  // Compared field by field first: a sync compares every thread, and nearly all are as wanted.
  let same = !conflicted;
  for (const key in wanted) if ((current[key] ?? null) !== wanted[key]) same = false;
  if (same) return;
  const differing = Object.entries(wanted).filter(([key, value]) => (current[key] ?? null) !== value);
  const path = `${facts.path}/meta.json`;
  const before = model.text(path);
  if (before === undefined || !decodesExactly(model, path, before, plan)) return;
  // The side the file was read as: ours, or of a content thread opened on both sides the earlier one.
  const side = conflicted ? metaSideToWrite(before) : before;
  if (side === undefined) return;
  const after = updateJsonObject(side, wanted);
  if (after === before) return;
  plan.edits.push({ path, before, after });
  if (conflicted) {
    const moved = differing.filter(([key]) => key !== 'updated');
    const values = moved.length ? `: ${moved.map(([k, v]) => `${k} ${formatValue(current[k])} → ${formatValue(v)}`).join(', ')}` : '';
    plan.changes.push({ subject: facts.path, kind: 'thread', description: `${path}: merge conflict in derived values resolved, derived again from the merged stage files${values}`, at: path });
    return;
  }
  const atHead = committed?.has(path) ? committedMeta(committed.get(path)!) : undefined;
  const from = atHead ?? current;
  const moved = atHead ? Object.entries(wanted).filter(([key, value]) => (atHead[key] ?? null) !== value) : differing;
  // `updated` follows nearly every other move, and says nothing beside it; alone, it is what changed.
  const others = moved.filter(([key]) => key !== 'updated');
  const shown = others.length ? others : moved;
  if (shown.length === 0) return; // back to what HEAD has: the commit's diff shows nothing of it
  plan.changes.push({ subject: facts.path, kind: 'thread', description: `${facts.path} ${shown.map(([k, v]) => `${k} ${formatValue(from[k])} → ${formatValue(v)}`).join(', ')}`, at: path });
}

/** HEAD's meta.json as an object; {} when it is not one (git had a broken version, or none: ''). */
function committedMeta(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Records in the goal file the day each subgoal first reaches its target (`reached:` on the
 * subgoal, the state's as-of date, spliced in: every other byte stays as written), so that
 * it stays reached when its value falls — a pipeline subgoal, whose deals leave it when they
 * close (docs/derivation.md). A subgoal completed only by its record needs none. A goal
 * planned ahead (its `created` after the as-of date) has begun nothing yet: a day before it
 * is no day one of its milestones was reached (check: `reached-before-created`), so none is
 * recorded until the goal starts, the subgoal judged on its value meanwhile. A target in another
 * currency than the workspace's is reached by no figure (check: amount-other-currency).
 */
function planReached(model: WorkspaceModel, path: string, goal: Goal | undefined, state: GoalState, plan: SyncPlan): DerivedChange[] {
  if (!goal || state.asOf < goal.created.slice(0, 10)) return [];
  const fresh = state.subgoals.flatMap((sg, i) => (goal.subgoals[i]?.id === sg.id && goal.subgoals[i].reached === undefined && !sg.otherCurrency && subgoalReached(sg.metric, sg.current, sg.target) ? [i] : []));
  if (fresh.length === 0) return [];
  const before = model.text(path);
  if (before === undefined || !decodesExactly(model, path, before, plan)) return [];
  const after = fresh.reduce((text, i) => addFrontMatterScalar(text, ['subgoals', i], 'reached', state.asOf), before);
  plan.edits.push({ path, before, after });
  return fresh.map((i) => ({ subject: state.id, kind: 'goal', description: `${state.id} ${state.subgoals[i]!.id} reached ${state.asOf} (recorded in ${path})`, at: `${path}#reached/${state.subgoals[i]!.id}` }));
}

interface Block {
  path: string;
  name: string;
  content: string;
  summary: BlockSummary;
}

/**
 * Plans one managed block's rewrite and describes it. Every block rewritten gets at least
 * one line: when `describe` finds nothing that moved in the summaries (a block edited by
 * hand back to other text, a summary recorded by an earlier version), `owner` names it as
 * rewritten, so a commit body never leaves out a file the commit changes.
 */
function planBlock(
  model: WorkspaceModel,
  plan: SyncPlan,
  previous: DerivedSnapshot,
  committed: ReadonlyMap<string, string> | undefined,
  block: Block,
  owner: Pick<DerivedChange, 'subject' | 'kind'>,
  describe: (diff: SummaryChange[], known: boolean) => Described[],
): void {
  const key = `${block.path}#${block.name}`;
  plan.snapshot[key] = { hash: hashOf(block.content), summary: block.summary };
  // A second block of the same file (a campaign's results and experiments) edits what the first one left.
  const pending = plan.edits.find((e) => e.path === block.path);
  const before = pending ? pending.after : model.text(block.path);
  if (before === undefined || (!pending && !decodesExactly(model, block.path, before, plan))) return;
  const bodyOffset = bodyOffsetOf(before);
  const scan = findManagedBlocks(before, bodyOffset);
  const problems = scan.problems.filter((p) => p.name === block.name);
  if (problems.length > 0) {
    for (const p of problems) plan.diagnostics.push(markerDiagnostic(block.path, p));
    delete plan.snapshot[key];
    return;
  }
  const found = scan.blocks.get(block.name);
  const cutShort = found ? undefined : cutShortBeforeBlock(block.path, before, committed?.get(block.path), block.name);
  if (cutShort) {
    plan.diagnostics.push(cutShort);
    delete plan.snapshot[key];
    return;
  }
  const after = found ? replaceBlockContent(before, found, block.content) : appendBlock(before, block.name, block.content);
  if (after === before) return;
  if (pending) pending.after = after;
  else plan.edits.push({ path: block.path, before, after });
  // What the block showed: as committed when the file differs from HEAD (the commit's diff
  // starts there), else as on disk. The recorded summary is the "before" only if that block
  // still holds what was recorded.
  const recorded = previous[key];
  const onDisk = found ? blockContent(before, found) : null;
  // A file new to the commit (HEAD has none: '') showed nothing but an empty block (init's
  // templates): a block a copy brought along is another goal's, no "before" of this one.
  const shown = committed?.get(block.path) === '' ? (onDisk?.trim() === '' ? onDisk : null) : (shownBefore(committed?.get(block.path), block.name) ?? onDisk);
  const kept = recorded && shown !== null && recorded.hash === hashOf(shown.replace(/\r\n/g, '\n').trim()) ? recorded.summary : undefined;
  // Not recorded here (a fresh clone, a new worktree, an edit by hand or a pull since): what
  // the block shows — the committed block — is read back, so only what moved is named.
  // An empty block (as init's templates leave them) showed nothing: every value it gets is new.
  const blank = shown !== null && shown.trim() === '';
  const was = kept ? withKeysReadBack(kept, block, shown) : shown === null ? undefined : blank ? nothingShown(block.summary) : readBackSummary(block.name, shown);
  // A block that is there but could not be read back showed something unknown: "?", never
  // "—", which says it showed nothing.
  const diff = summaryDiff(was, block.summary).map((d) => (was === undefined && shown !== null && d.before === undefined ? { key: d.key, before: UNKNOWN, after: d.after } : d));
  // Led by its subject (a goal id, `metrics`) unless the path names it already: `history` finds a line by its subject.
  const lead = block.path.startsWith(owner.subject) ? '' : `${owner.subject} `;
  // A block holding git's markers (committed with them, `git commit -a`) showed two versions: no value before to name.
  if (was === undefined && shown !== null && shown.includes('<<<<<<<')) {
    plan.changes.push({ subject: owner.subject, kind: owner.kind, description: `${lead}${block.path}: ${block.name} block written anew over git's conflict markers, what it showed before unknown${nowShows(diff)}`, at: key });
    return;
  }
  const described = describe(diff, was !== undefined && !blank).map((c): DerivedChange => ({ subject: c.subject, kind: c.kind, description: c.description, at: key }));
  plan.changes.push(...(described.length ? described : [{ subject: owner.subject, kind: owner.kind, description: `${lead}${block.path}: ${block.name} block ${blockAction(shown === null, blank, committed?.has(block.path) === true && shown !== null && hashOf(shown) === hashOf(block.content))}${Object.keys(block.summary).length ? '' : `: no ${block.name} yet`}`, at: key }]));
}

/** What a block rewritten over unknown values shows now, without arrows: its first values (the commit's diff has the rest). */
function nowShows(diff: readonly SummaryChange[]): string {
  const values = diff.filter((d) => d.after !== undefined).map((d) => `${d.key} ${d.after}`);
  if (values.length === 0) return '';
  return `; now ${values.slice(0, NOW_SHOWN).join(', ')}${values.length > NOW_SHOWN ? ', …' : ''}`;
}

const NOW_SHOWN = 4;

/**
 * A recorded summary, with the keys it lacks (recorded by an earlier version that did not
 * summarise a goal's targets) read back from the block as shown: a target that did not
 * move is then not said to be new.
 */
function withKeysReadBack(kept: BlockSummary, block: Block, shown: string | null): BlockSummary {
  if (shown === null || Object.keys(block.summary).every((key) => key in kept)) return kept;
  return { ...readBackSummary(block.name, shown), ...kept };
}

/**
 * The content of block `name` in a file's committed text; null when the committed file has
 * no such block (or one whose markers are damaged), undefined when no committed text is given.
 */
function shownBefore(text: string | undefined, name: string): string | null | undefined {
  if (text === undefined) return undefined;
  const found = findManagedBlocks(text, bodyOffsetOf(text)).blocks.get(name);
  return found ? blockContent(text, found) : null;
}

/**
 * What a rewrite with no value of its own moving did to the block, as the commit shows it:
 * made it where the file had none, filled in an empty one (init's templates leave them
 * empty), replaced text edited by hand, or — that edit not committed — put back what HEAD
 * has (the commit then holds no change of it).
 */
function blockAction(missing: boolean, blank: boolean, asCommitted: boolean): string {
  if (missing) return 'added';
  if (asCommitted) return 'restored as committed';
  return blank ? 'written' : 'rewritten';
}

/** The summary of a block that shows nothing: every value `—`, as a value not there is shown. */
function nothingShown(summary: BlockSummary): BlockSummary {
  return Object.fromEntries(Object.keys(summary).map((key) => [key, NOTHING]));
}

const NOTHING = '—';

/** The "before" of a value a block showed when what it showed was not recorded. */
const UNKNOWN = '?';

/** Blocks are compared by their content, trimmed and with LF endings, as written. */
function hashOf(content: string): string {
  return createHash('sha1').update(content.replace(/\r\n/g, '\n').trim()).digest('base64');
}

/**
 * A file is edited only if its text is exactly what is on disk: one with invalid UTF-8
 * decodes with U+FFFD in place of the bad bytes, and writing it back would change them.
 */
function decodesExactly(model: WorkspaceModel, path: string, text: string, plan: SyncPlan): boolean {
  if (!text.includes('\uFFFD')) return true;
  const bad = firstNonUtf8Byte(model.root, path, text);
  if (!bad) return true;
  if (!plan.diagnostics.some((d) => d.path === path && d.rule === 'not-utf8')) {
    plan.diagnostics.push(diagnostic(path, { line: bad.line, column: bad.column }, 'warning', 'not-utf8', notUtf8Message(path, bad.byte, NOT_UTF8_STALE)));
  }
  return false;
}

function formatValue(value: unknown): string {
  return value === undefined || value === null ? '—' : String(value);
}

/**
 * The threads at `paths`, in path order. The derived list is in path order: each is found by
 * binary search, not the 10,000 threads of a watch cycle compared one by one.
 */
/**
 * The threads changed, and those whose meta.json is not valid UTF-8 (`not-utf8`): such a
 * file is never written, so its derived fields may stay stale long after the change that
 * moved them — planned again at every run, a warm one too, each says so (`not in sync`)
 * instead of `in sync`, until the file is re-saved as UTF-8.
 */
function withUnwritableMeta(model: WorkspaceModel, changed: ReadonlySet<string>): ReadonlySet<string> {
  const unwritable = model.diagnostics.filter((d) => d.rule === 'not-utf8' && d.path.endsWith('/meta.json'));
  if (unwritable.length === 0) return changed;
  return new Set([...changed, ...unwritable.map((d) => d.path.slice(0, -'/meta.json'.length))]);
}

function threadsAt(threads: readonly ThreadFacts[], paths: ReadonlySet<string>): ThreadFacts[] {
  const found: ThreadFacts[] = [];
  for (const path of [...paths].sort()) {
    const at = lowerBoundBy(threads, path, (t) => t.path);
    if (threads[at]?.path === path) found.push(threads[at]);
  }
  return found;
}

/** A file git left conflicted whose sides (git's index's) are both as threadwork generated them, untouched since. */
function generatedOnBothSides(model: WorkspaceModel, path: string, unmerged: UnmergedFiles | undefined): boolean {
  const sides = unmerged?.get(path);
  return sides !== undefined && generatedState(model.text(path), sides).state === 'unedited';
}
