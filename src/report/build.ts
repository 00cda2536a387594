import type { DerivedWorkspace } from '../derive/workspace.js';
import type { Diagnostic } from '../diagnostics.js';
import { workspaceCurrency, type WorkspaceModel } from '../workspace/model.js';
import { today } from '../clock.js';
import { ThreadworkError } from '../errors.js';
import { nearestWord } from '../schema/misspelt-keys.js';
import { campaignsReport, type CampaignReportRow } from './campaigns.js';
import { forecastReport, type ForecastReport } from './forecast.js';
import { assumptionsReport, dealCount, goalsReport, pipelineReport, winLossReport, type PipelineReport } from './data.js';

export const REPORTS = ['pipeline', 'winloss', 'goals', 'assumptions', 'forecast', 'campaigns'] as const;
export type ReportName = (typeof REPORTS)[number];

/**
 * A report as data, tagged with its name: what `report --json` prints and the MCP `report`
 * tool returns. `held`: sync's `derived-held` warnings — the files and threads the report,
 * like sync, counts at their last valid version instead of as they are on disk.
 * `currency`: the one the workspace counts in (11-pricing), which every amount is in.
 */
export type ReportData = ReportBody & { currency: string; held: Diagnostic[] };

type ReportBody =
  | ({ report: 'pipeline' } & PipelineReport)
  | ({ report: 'winloss' } & ReturnType<typeof winLossReport>)
  | { report: 'goals'; goals: ReturnType<typeof goalsReport>; deals: number }
  | { report: 'assumptions'; assumptions: ReturnType<typeof assumptionsReport> }
  | ({ report: 'forecast' } & ForecastReport)
  | { report: 'campaigns'; campaigns: CampaignReportRow[] };

export function isReportName(name: string): name is ReportName {
  return (REPORTS as readonly string[]).includes(name);
}

export function assertReportName(name: string): ReportName {
  if (!isReportName(name)) {
    // A slip (`piplene`) or another case (`Pipeline`) names the report meant, as an unknown command does.
    const meant = nearestWord(name, REPORTS);
    throw new ThreadworkError(`Unknown report ${JSON.stringify(name)}: ${meant ? `did you mean ${meant}? ` : ''}expected one of ${REPORTS.join(', ')}`, 'unknown-report', { known: [...REPORTS], ...(meant ? { meant } : {}) });
  }
  return name;
}

export function buildReport(name: ReportName, model: WorkspaceModel, derived: DerivedWorkspace, held: Diagnostic[] = []): ReportData {
  return { ...reportBody(name, model, derived), currency: workspaceCurrency(model), held };
}

function reportBody(name: ReportName, model: WorkspaceModel, derived: DerivedWorkspace): ReportBody {
  switch (name) {
    case 'pipeline':
      return { report: 'pipeline', ...pipelineReport(model, derived) };
    case 'winloss':
      return { report: 'winloss', ...winLossReport(model, derived) };
    case 'goals':
      return { report: 'goals', goals: goalsReport(model, derived), deals: dealCount(derived) };
    case 'assumptions':
      return { report: 'assumptions', assumptions: assumptionsReport(model, derived) };
    case 'forecast':
      return { report: 'forecast', ...forecastReport(model, derived, today()) };
    case 'campaigns':
      return { report: 'campaigns', campaigns: campaignsReport(derived) };
  }
}
