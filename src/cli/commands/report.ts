import { openWorkspace } from '../../api.js';
import { assertReportName, type ReportData } from '../../report/build.js';
import { renderForecast } from '../../report/render-forecast.js';
import { renderAssumptions, renderGoals, renderPipeline, renderWinLoss, type ReportFormat } from '../../report/render.js';
import { renderCampaigns } from '../../report/campaigns.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export async function reportCommand(name: string, flags: { md?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const report = await (await openWorkspace(options.dir)).report(assertReportName(name));
  return { json: report, text: render(report, flags.md ? 'md' : 'terminal'), exitCode: 0 };
}

function render(data: ReportData, format: ReportFormat): string {
  switch (data.report) {
    case 'pipeline':
      return renderPipeline(data, format);
    case 'winloss':
      return renderWinLoss(data, format);
    case 'goals':
      return renderGoals(data.goals, format);
    case 'assumptions':
      return renderAssumptions(data.assumptions, format);
    case 'forecast':
      return renderForecast(data, format);
    case 'campaigns':
      return renderCampaigns(data.campaigns, format);
  }
}
