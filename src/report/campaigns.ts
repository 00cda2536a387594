import pc from 'picocolors';
import { EXPERIMENT_ALIGN, experimentHeader, experimentRows } from '../derive/render-experiments.js';
import { cell, formatNumber, formatPercent, table } from '../derive/format.js';
import type { DerivedWorkspace } from '../derive/workspace.js';
import { metricLabel, type ExperimentAnalysis } from '../outreach/experiment-analysis.js';
import { campaignRates, type CampaignRates, type CampaignResults } from '../outreach/results.js';
import { box, columns } from './terminal.js';

export interface CampaignReportRow {
  path: string;
  id: string;
  title: string;
  status: string;
  stage: number;
  segment: string | null;
  /** The Stage 6 totals' rates (src/outreach/results.ts); null before Stage 6 results. */
  rates: CampaignRates | null;
  experiments: ExperimentAnalysis[];
}

/** Every campaign thread: its rates and its experiments, judged (docs/experiments.md). */
export function campaignsReport(derived: DerivedWorkspace): CampaignReportRow[] {
  return derived.threads
    .filter((t) => t.meta.type === 'sales-campaign')
    .map((t) => ({
      path: t.path,
      id: t.meta.id,
      title: t.meta.title,
      status: t.status,
      stage: t.stage,
      segment: t.meta.segment ?? null,
      rates: t.campaignResults ? campaignRates(t.campaignResults as CampaignResults) : null,
      experiments: t.experiments,
    }));
}

const RATE_HEADER = ['campaign', 'status', 'sent', 'delivered', 'open', 'click', 'reply', 'bounce', 'meeting', 'experiments'];

function rateRow(c: CampaignReportRow): string[] {
  const r = c.rates;
  const winners = c.experiments.map((e) => `${e.name}: ${e.winner ? `${e.winner} wins` : e.status}`).join(', ');
  return [c.id, c.status, formatNumber(r?.sent), formatNumber(r?.delivered), formatPercent(r?.openRate), formatPercent(r?.clickRate), formatPercent(r?.replyRate), formatPercent(r?.bounceRate), formatPercent(r?.meetingRate), winners || '—'];
}

export function renderCampaigns(campaigns: readonly CampaignReportRow[], format: 'terminal' | 'md'): string {
  if (campaigns.length === 0) return format === 'md' ? '_No campaigns._\n' : 'No campaign threads.';
  const tested = campaigns.flatMap((c) => c.experiments.map((e) => ({ campaign: c.id, e })));
  if (format === 'md') {
    return [
      '## Campaigns',
      '',
      table(RATE_HEADER, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'], campaigns.map((c) => rateRow(c).map(cell))),
      '',
      ...tested.flatMap(({ campaign, e }) => [`### ${campaign} · ${e.name}`, '', `Touch ${e.touch}, ${metricLabel(e.metric)}${e.assumption ? `, tests ${e.assumption}` : ''}.`, '', table(experimentHeader(e), EXPERIMENT_ALIGN, experimentRows(e)), '', cell(e.verdict), '']),
    ].join('\n');
  }
  const overview = box('Campaigns', columns([RATE_HEADER.map((h) => pc.dim(h)), ...campaigns.map(rateRow)], ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
  const experiments = tested.map(({ campaign, e }) => {
    const colour = e.status === 'winner' ? pc.green : e.status === 'no-results' ? pc.dim : pc.yellow;
    return box(`${campaign} · ${e.name} (touch ${e.touch}, ${metricLabel(e.metric)})`, [...columns([experimentHeader(e).map((h) => pc.dim(h)), ...experimentRows(e)], EXPERIMENT_ALIGN), '', colour(e.verdict)]);
  });
  return [overview, ...experiments].join('\n');
}
