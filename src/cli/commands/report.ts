import { openWorkspace } from '../../api.js';
import { formatDiagnostic, type Diagnostic } from '../../diagnostics.js';
import { assertReportName, type ReportData } from '../../report/build.js';
import { renderForecast } from '../../report/render-forecast.js';
import { renderAssumptions, renderGoals, renderPipeline, renderWinLoss, type ReportFormat } from '../../report/render.js';
import { renderCampaigns } from '../../report/campaigns.js';
import { servedBy, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { askServer } from '../../serve/client.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';

export async function reportCommand(name: string, flags: { md?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const report = assertReportName(name);
  // A process keeping the workspace warm (the MCP server) draws it, when one runs: the same report from its warm state.
  const served = await askServer(findWorkspaceRoot(options.dir), { op: 'report', name: report });
  const data = (served?.value as ReportData | undefined) ?? (await (await openWorkspace(options.dir)).report(report));
  const format = flags.md ? 'md' : 'terminal';
  return { json: { ...data, ...servedBy(served) }, text: withHeld(render(data, format), data.held, format), exitCode: 0 };
}

/**
 * The report counts what sync holds as sync does (at its last valid version), so it says
 * which files and threads those are, as sync and `score` do: in the terminal before the
 * report, in Markdown after it (a `--md` report starts at its heading).
 */
function withHeld(text: string, held: readonly Diagnostic[], format: ReportFormat): string {
  if (held.length === 0) return text;
  if (format === 'md') return [text.trimEnd(), '', ...held.map((d) => `- ⚠ ${formatDiagnostic(d)}`)].join('\n');
  return [...held.map(formatDiagnostic), text].join('\n');
}

function render(data: ReportData, format: ReportFormat): string {
  switch (data.report) {
    case 'pipeline':
      return renderPipeline(data, format, data.currency);
    case 'winloss':
      return renderWinLoss(data, format, data.currency);
    case 'goals':
      return renderGoals(data.goals, format, data.currency, data.deals);
    case 'assumptions':
      return renderAssumptions(data.assumptions, format);
    case 'forecast':
      return renderForecast(data, format, data.currency);
    case 'campaigns':
      return renderCampaigns(data.campaigns, format);
  }
}
