import { today } from '../clock.js';
import type { AssumptionState } from '../derive/assumptions.js';
import { deriveGoal, type GoalState } from '../derive/goals.js';
import { forecastRuns } from './forecast.js';
import { cents } from '../schema/money.js';
import { configuredStageRank, DERIVED_PIPELINE_STAGES, type ThreadFacts } from '../derive/thread-facts.js';
import { deriveWorkspace, type DerivedWorkspace } from '../derive/workspace.js';
import { goalsOf, workspaceCurrency, type WorkspaceModel } from '../workspace/model.js';
import { writtenAmounts } from '../check/deal-currency.js';
import { analyzeWinLoss, type WinLossAnalysis, type WinLossDeal } from '../outreach/index.js';

export interface PipelineStageRow {
  stage: string;
  probability: number;
  count: number;
  value: number;
  weighted: number;
  /** false on a row of a stage the engine derived that `pipeline.stages` lacks: its deals count at probability 0. Absent otherwise. */
  configured?: false;
}

export interface FunnelRow {
  stage: string;
  reached: number;
  /** Share of the deals that reached the previous stage and went on to this one: exact (2 of 3 is 0.666…); the text prints a whole percent. */
  conversion: number | null;
}

export interface PipelineReport {
  stages: PipelineStageRow[];
  /** wonArr leaves out the wonWithoutArr wins recorded without their ARR (check: won-without-arr). */
  closed: { won: number; wonArr: number; wonWithoutArr: number; lost: number; stalled: number; parked: number };
  funnel: FunnelRow[];
  /**
   * withoutValue: open deals with no `arr_potential`, counted at 0 in value and weighted (said
   * so, as wins without ARR are); otherCurrency: open deals whose `arr_potential` is written in
   * another currency than the workspace's, counted at 0 too (check: amount-other-currency) —
   * they have an amount, just not one the sums add, so they are not among withoutValue.
   */
  totals: { open: number; value: number; weighted: number; withoutValue: number; otherCurrency: number };
  winRate: number | null;
  avgCycleDays: number | null;
  medianCycleDays: number | null;
}

export function pipelineReport(model: WorkspaceModel, derived: DerivedWorkspace = deriveWorkspace(model)): PipelineReport {
  const deals = derived.threads.filter((t) => t.meta.type === 'sales-deal');
  const names = model.config.pipeline.stages.map((s) => s.name);
  const stageRow = (stage: string, probability: number): PipelineStageRow => {
    const open = deals.filter((t) => t.status === 'open' && t.pipelineStage === stage);
    // Summed in cents deal by deal, as the totals are (figure-sums.ts): the rows add up to
    // them, and the JSON keeps the amounts as written; the text rounds them (render.ts).
    const valueCents = open.reduce((a, t) => a + cents(t.arrPotential ?? 0), 0);
    const weightedCents = open.reduce((a, t) => a + cents((t.arrPotential ?? 0) * probability), 0);
    return { stage, probability, count: open.length, value: valueCents / 100, weighted: weightedCents / 100 };
  };
  const stages = model.config.pipeline.stages.filter((s) => s.name !== 'closed-won').map((s) => stageRow(s.name, s.probability));
  // An open deal at a stage the config lacks (taken out, or renamed) counts at 0 (check:
  // pipeline-stage-unconfigured): in a row of its own, marked, never left out of the rows.
  const unconfigured = DERIVED_PIPELINE_STAGES.filter((stage) => !names.includes(stage) && deals.some((t) => t.status === 'open' && t.pipelineStage === stage));
  for (const stage of unconfigured) stages.push({ ...stageRow(stage, 0), configured: false });
  // A stage the config lacks ranks as the last configured stage a deal passes before it.
  const rank = configuredStageRank(names);
  const funnel = names.map((stage, i) => {
    const reached = deals.filter((t) => rank(t.reachedStage) >= i).length;
    return { stage, reached, conversion: null as number | null };
  });
  funnel.forEach((row, i) => {
    const previous = funnel[i - 1];
    row.conversion = previous && previous.reached > 0 ? row.reached / previous.reached : null;
  });
  // The derivation's figures, as 13-metrics shows them: exact (metrics.ts), so the JSON
  // keeps them as they are and the text rounds them once (render.ts). Campaigns add nothing
  // to the deal figures read here.
  const figures = derived.overall;
  return {
    stages,
    closed: { won: figures.won, wonArr: figures.won_arr, wonWithoutArr: figures.won_without_arr, lost: figures.lost, stalled: figures.stalled, parked: figures.parked },
    funnel,
    totals: { open: figures.open, value: figures.pipeline_value, weighted: figures.weighted_pipeline, ...openDealsCountedAsZero(model, deals) },
    winRate: figures.win_rate,
    avgCycleDays: figures.avg_cycle_days,
    medianCycleDays: figures.median_cycle_days,
  };
}

/**
 * Every deal thread of the workspace, linked to a goal or not: what the pipeline report counts.
 * A goal's report sets its own linked deals against it, so the two reports' numbers are read apart.
 */
export function dealCount(derived: DerivedWorkspace): number {
  return derived.threads.filter((t) => t.meta.type === 'sales-deal').length;
}

/** Goals as of today (the files hold them as of the latest activity; a report is live), forecasts included. */
export function goalsReport(model: WorkspaceModel, derived: DerivedWorkspace = deriveWorkspace(model), asOf = today()): GoalState[] {
  const runs = forecastRuns(model, derived, asOf);
  return goalsOf(model).map((g) => deriveGoal(g, derived.threads, asOf, runs.get(g.id)?.forecast ?? null));
}

export function assumptionsReport(_model: WorkspaceModel, derived: DerivedWorkspace): AssumptionState[] {
  return derived.assumptions;
}

/** Win/loss from closed deal threads: the analysis of src/outreach/winloss.ts on what the threads record. */
export function winLossReport(model: WorkspaceModel, derived: DerivedWorkspace = deriveWorkspace(model), minDeals?: number): WinLossAnalysis {
  const deals: WinLossDeal[] = derived.threads.flatMap((t) => {
    if (t.meta.type !== 'sales-deal' || (t.status !== 'closed-won' && t.status !== 'closed-lost')) return [];
    const thread = model.threads.get(t.path);
    const input = (thread?.stages[0]?.value ?? {}) as { company?: { industry?: string | null; revenue?: unknown }; contact?: { title?: string | null } };
    const learning = (thread?.stages[5]?.value ?? {}) as { loss_reason?: string | null };
    const revenue = input.company?.revenue;
    return [
      {
        path: t.path,
        outcome: t.status,
        arr: t.arr,
        cycleDays: t.cycleDays,
        segment: t.meta.segment ?? null,
        source: t.meta.source.startsWith('campaign:') ? 'campaign' : t.meta.source.startsWith('thread:') ? 'thread' : t.meta.source,
        industry: input.company?.industry ?? null,
        revenue: typeof revenue === 'number' || typeof revenue === 'string' ? revenue : null,
        lossReason: learning.loss_reason ?? null,
        contacts: input.contact?.title ? [{ title: input.contact.title }] : [],
        qualificationScore: t.qualificationScore,
      },
    ];
  });
  return analyzeWinLoss(deals, { minDeals: minDeals ?? model.config.winloss.min_deals });
}

/**
 * The open deals the pipeline counts at 0, told apart: those that write no `arr_potential`,
 * and those that write one in another currency than the workspace's (left out of the sums,
 * thread-facts.ts inCurrency). Only a deal whose facts give no value is read again.
 */
function openDealsCountedAsZero(model: WorkspaceModel, deals: readonly ThreadFacts[]): { withoutValue: number; otherCurrency: number } {
  const currency = workspaceCurrency(model);
  let withoutValue = 0;
  let otherCurrency = 0;
  for (const deal of deals) {
    if (deal.status !== 'open' || deal.arrPotential !== null) continue;
    const thread = model.threads.get(deal.path);
    const foreign = thread !== undefined && writtenAmounts(thread).some((a) => a.key === 'arr_potential' && a.currency !== currency);
    if (foreign) otherCurrency++;
    else withoutValue++;
  }
  return { withoutValue, otherCurrency };
}
