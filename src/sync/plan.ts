import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { parseTable } from '../derive/format.js';
import { renderAssumptionsBlock, renderCampaignResultsBlock, renderGoalStateBlock, renderMetricsBlock, formatGoalMetric } from '../derive/render-blocks.js';
import { campaignRates, campaignSuggestions, type CampaignResults } from '../outreach/index.js';
import type { ThreadFacts } from '../derive/thread-facts.js';
import { updateJsonObject } from '../markdown/json-edit.js';
import { appendBlock, blockContent, findManagedBlocks, replaceBlockContent } from '../markdown/managed-blocks.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { planStrategy } from '../strategy/refresh.js';
import type { DerivedWorkspace, MarketingOpening } from './derive-all.js';

/** One derived value that changes, for the dry-run output and the commit body. */
export interface DerivedChange {
  /** What it belongs to: an assumption id, a goal id, a thread path, `metrics`. */
  subject: string;
  kind: 'assumption' | 'goal' | 'thread' | 'metrics' | 'marketing' | 'strategy';
  description: string;
}

export interface FileEdit {
  path: string;
  /** null when the file is new. */
  before: string | null;
  after: string;
}

export interface SyncPlan {
  edits: FileEdit[];
  changes: DerivedChange[];
  /** New content threads to open (written by the runner from templates). */
  marketing: MarketingOpening[];
  /** Damaged markers and aggregates held back because a source is invalid. */
  diagnostics: Diagnostic[];
}

export type ReadText = (path: string) => string | undefined;

/**
 * Compares derived content with what is on disk and returns the edits that make them
 * equal. Reads through `readText` only; writes nothing.
 */
export function planSync(model: WorkspaceModel, derived: DerivedWorkspace, readText: ReadText): SyncPlan {
  const plan: SyncPlan = { edits: [], changes: [], marketing: [], diagnostics: [] };
  for (const facts of derived.threads) planMeta(model, facts, readText, plan);

  const invalidThreadFiles = [...model.threads.values()].flatMap((t) => [t.meta, ...t.stages]).filter((f) => f && f.value === undefined).map((f) => f!.path);
  const hold = (path: string, what: string, sources: string[]): boolean => {
    if (sources.length === 0) return false;
    plan.diagnostics.push(
      diagnostic(path, { line: 1, column: 1 }, 'warning', 'derived-held', `Not updated: the ${what} keeps its last good state until ${sources.slice(0, 3).join(', ')}${sources.length > 3 ? ` and ${sources.length - 3} more` : ''} ${sources.length === 1 ? 'is' : 'are'} fixed`),
    );
    return true;
  };

  const assumptionsFile = model.canvas.get('10-assumptions');
  if (assumptionsFile && !hold(assumptionsFile.path, 'assumptions block', [...invalidThreadFiles, ...(assumptionsFile.value ? [] : [assumptionsFile.path])])) {
    planBlock(assumptionsFile.path, 'assumptions', renderAssumptionsBlock(derived.assumptions), readText, plan, (old) => assumptionChanges(old, derived));
  }
  const metricsFile = model.canvas.get('13-metrics');
  if (metricsFile && !hold(metricsFile.path, 'metrics block', [...invalidThreadFiles, ...(metricsFile.value ? [] : [metricsFile.path])])) {
    const targets = ((metricsFile.value as { targets?: Record<string, unknown> }).targets ?? {}) as Record<string, unknown>;
    planBlock(metricsFile.path, 'metrics', renderMetricsBlock(derived.overall, derived.bySegment, targets), readText, plan, (old) => metricsChanges(old, derived));
  }
  for (const state of derived.goals) {
    const file = model.goals.get(state.id);
    if (!file || hold(file.path, 'goal state', invalidThreadFiles)) continue;
    planBlock(file.path, 'state', renderGoalStateBlock(state), readText, plan, (old) => goalChanges(old, state));
  }
  for (const facts of derived.threads) {
    if (facts.meta.type !== 'sales-campaign' || facts.stage < 6 || !facts.campaignResults) continue;
    const results = facts.campaignResults as CampaignResults;
    const learningPath = `${facts.path}/6-learning.md`;
    if (invalidThreadFiles.includes(learningPath)) continue;
    planBlock(learningPath, 'results', renderCampaignResultsBlock(campaignRates(results), campaignSuggestions(results)), readText, plan, () => [
      { subject: facts.path, kind: 'thread', description: `${facts.path} results: ${campaignSuggestions(results).map((s) => s.rule).join(', ') || 'no rule fires'}` },
    ]);
  }
  // Generated strategy files follow the canvas: unedited ones are regenerated, edited ones reported as stale.
  const strategy = planStrategy(model, derived.assumptions, readText, { onlyExisting: true });
  plan.diagnostics.push(...strategy.diagnostics);
  for (const write of strategy.writes) {
    plan.edits.push(write);
    plan.changes.push({ subject: write.path, kind: 'strategy', description: `regenerated ${write.path} (the canvas changed)` });
  }
  for (const opening of derived.marketing) {
    if (model.threads.has(`threads/marketing/${opening.slug}`)) continue;
    plan.marketing.push(opening);
    plan.changes.push({ subject: `threads/marketing/${opening.slug}`, kind: 'marketing', description: `opened threads/marketing/${opening.slug} (${opening.reason})` });
  }
  return plan;
}

function planMeta(model: WorkspaceModel, facts: ThreadFacts, readText: ReadText, plan: SyncPlan): void {
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
  };
  const current = facts.meta as Record<string, unknown>;
  const differing = Object.entries(wanted).filter(([key, value]) => (current[key] ?? null) !== value);
  if (differing.length === 0) return;
  const path = `${facts.path}/meta.json`;
  const before = readText(path);
  if (before === undefined) return;
  const after = updateJsonObject(before, wanted);
  if (after === before) return;
  plan.edits.push({ path, before, after });
  const shown = differing.filter(([key]) => key !== 'updated');
  if (shown.length) plan.changes.push({ subject: facts.path, kind: 'thread', description: `${facts.path} ${shown.map(([k, v]) => `${k} ${formatValue(current[k])} → ${formatValue(v)}`).join(', ')}` });
}

function planBlock(path: string, name: string, content: string, readText: ReadText, plan: SyncPlan, describe: (oldContent: string | null) => DerivedChange[]): void {
  const before = readText(path);
  if (before === undefined) return;
  const bodyOffset = parseFrontMatter(before).bodyOffset;
  const scan = findManagedBlocks(before, bodyOffset);
  const problems = scan.problems.filter((p) => p.name === name);
  if (problems.length > 0) {
    for (const p of problems) plan.diagnostics.push(diagnostic(path, p.position, 'error', 'managed-block', `${p.message}. The file is left as it is.`));
    return;
  }
  const block = scan.blocks.get(name);
  const after = block ? replaceBlockContent(before, block, content) : appendBlock(before, name, content);
  if (after === before) return;
  plan.edits.push({ path, before, after });
  plan.changes.push(...describe(block ? blockContent(before, block) : null));
}

function assumptionChanges(old: string | null, derived: DerivedWorkspace): DerivedChange[] {
  const previous = new Map(parseTable(old ?? '').map((r) => [r[0], { confidence: r[3], status: r[4], n: r[5]?.split(' ')[0] }]));
  return derived.assumptions.flatMap((a) => {
    const was = previous.get(a.id);
    const confidence = a.confidence.toFixed(2);
    if (was && was.confidence === confidence && was.status === a.status && was.n === String(a.n)) return [];
    const from = was?.confidence ?? '—';
    return [{ subject: a.id, kind: 'assumption' as const, description: `${a.id} confidence ${from} → ${confidence} (${a.status}, n=${a.n})` }];
  });
}

function metricsChanges(old: string | null, derived: DerivedWorkspace): DerivedChange[] {
  const previous = new Map(parseTable(old ?? '').map((r) => [r[0], r[1]]));
  const current = parseTable(renderMetricsBlock(derived.overall, [], {}));
  const moved = current.filter((r) => previous.get(r[0]!) !== r[1]).map((r) => `${r[0]} ${previous.get(r[0]!) ?? '—'} → ${r[1]}`);
  return moved.length ? [{ subject: 'metrics', kind: 'metrics', description: `metrics: ${moved.join('; ')}` }] : [];
}

function goalChanges(old: string | null, state: DerivedWorkspace['goals'][number]): DerivedChange[] {
  const rows = parseTable(old ?? '');
  const previousStatus = /\*\*Status:\*\* ([a-z-]+)/.exec(old ?? '')?.[1];
  const parts: string[] = [];
  for (const sg of state.subgoals) {
    const now = `${formatGoalMetric(sg.metric, sg.current ?? 0)}/${formatGoalMetric(sg.metric, sg.target)}`;
    const was = rows.find((r) => r[0] === sg.id)?.[2];
    if (was !== now) parts.push(`${sg.id} ${was ?? '—'} → ${now}`);
  }
  for (const m of state.metrics) {
    const now = formatGoalMetric(m.name, m.current);
    const was = rows.find((r) => r[0] === m.name)?.[1];
    if (was !== now) parts.push(`${m.name} ${was ?? '—'} → ${now}`);
  }
  if (previousStatus !== state.status) parts.push(`status ${previousStatus ?? '—'} → ${state.status}`);
  return [{ subject: state.id, kind: 'goal', description: `${state.id} ${parts.length ? parts.join('; ') : 'state refreshed'}` }];
}

function formatValue(value: unknown): string {
  return value === undefined || value === null ? '—' : String(value);
}
