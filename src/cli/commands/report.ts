import { openWorkspace } from '../../api.js';
import { ThreadworkError } from '../../errors.js';
import { assumptionsReport, goalsReport, pipelineReport, winLossReport } from '../../report/data.js';
import { renderAssumptions, renderGoals, renderPipeline, renderWinLoss, type ReportFormat } from '../../report/render.js';
import { deriveWorkspace } from '../../sync/derive-all.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export const REPORTS = ['pipeline', 'winloss', 'goals', 'assumptions'] as const;

export async function reportCommand(name: string, flags: { md?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  if (!(REPORTS as readonly string[]).includes(name)) throw new ThreadworkError(`Unknown report ${JSON.stringify(name)}: expected one of ${REPORTS.join(', ')}`, 'unknown-report');
  const workspace = await openWorkspace(options.dir);
  const model = await workspace.load();
  const derived = deriveWorkspace(model);
  const format: ReportFormat = flags.md ? 'md' : 'terminal';
  if (name === 'pipeline') {
    const report = pipelineReport(model, derived);
    return { json: { report: 'pipeline', ...report }, text: renderPipeline(report, format), exitCode: 0 };
  }
  if (name === 'winloss') {
    const analysis = winLossReport(model, derived);
    return { json: { report: 'winloss', ...analysis }, text: renderWinLoss(analysis, format), exitCode: 0 };
  }
  if (name === 'goals') {
    const goals = goalsReport(model, derived);
    return { json: { report: 'goals', goals }, text: renderGoals(goals, format), exitCode: 0 };
  }
  const assumptions = assumptionsReport(model, derived);
  return { json: { report: 'assumptions', assumptions }, text: renderAssumptions(assumptions, format), exitCode: 0 };
}
