import pc from 'picocolors';
import { EXPERIMENT_ALIGN, experimentHeader, experimentRows } from '../derive/render-experiments.js';
import { cell, formatNumber, formatPercent, table } from '../derive/format.js';
import { NOT_RECORDED, NOT_TRACKED, nothingRecordedAdvice } from '../derive/render-blocks.js';
import type { DerivedWorkspace } from '../derive/workspace.js';
import { metricLabel, type ExperimentAnalysis } from '../outreach/experiment-analysis.js';
import { campaignResultRates, campaignSuggestions, nothingRecorded, type CampaignRates, type CampaignResults, type CampaignSuggestion } from '../outreach/results.js';
import { box, columns } from './terminal.js';
import { emptyReport } from './render.js';
import { NO_CAMPAIGNS } from './empty-sentences.js';

export interface CampaignReportRow {
  path: string;
  id: string;
  title: string;
  status: string;
  stage: number;
  segment: string | null;
  /** The Stage 6 totals' rates (src/outreach/results.ts); null before Stage 6 results. */
  rates: CampaignRates | null;
  /**
   * The result rules the Stage 6 totals trigger (an emergency stop on a spam complaint, a
   * pause on bounces, low opens or replies, scale up), critical first: the same list sync
   * writes into 6-learning.md's results block. Empty before Stage 6 results.
   */
  rules: CampaignSuggestion[];
  /** Whether the Stage 6 totals record a count beyond `sent` (nothingRecorded): false before anyone filled them in. */
  recorded: boolean;
  experiments: ExperimentAnalysis[];
}

/** Every campaign thread: its rates, the rules they trigger, and its experiments, judged (docs/experiments.md). */
export function campaignsReport(derived: DerivedWorkspace): CampaignReportRow[] {
  return derived.threads
    .filter((t) => t.meta.type === 'sales-campaign')
    .map((t) => {
      const results = t.campaignResults as CampaignResults | null;
      return {
        path: t.path,
        id: t.meta.id,
        title: t.meta.title,
        status: t.status,
        stage: t.stage,
        segment: t.meta.segment ?? null,
        rates: results ? campaignResultRates(results) : null,
        rules: results ? campaignSuggestions(results) : [],
        recorded: results ? !nothingRecorded(results) : false,
        experiments: t.experiments,
      };
    });
}

const RATE_HEADER = ['campaign', 'status', 'sent', 'delivered', 'open', 'click', 'reply', 'bounce', 'meeting', 'experiments'];

function rateRow(c: CampaignReportRow): string[] {
  const r = c.rates;
  const winners = c.experiments.map((e) => `${e.name}: ${e.winner ? `${e.winner} wins` : e.status}`).join(', ');
  // Messages sent and nothing else entered (onlySentRecorded): delivered and the rates said
  // "not recorded", as the campaign's results block says them, rather than 0%, a bare dash,
  // or `sent − bounced` of a `bounced` nobody entered.
  const unrecorded = r !== null && !c.recorded && r.sent > 0;
  const rate = (value: number | null | undefined): string => (unrecorded || (value == null && r && r.sent > 0) ? NOT_RECORDED : formatPercent(value));
  // Opens and clicks "not tracked" are said of recorded results only: with nothing recorded nothing is tracked (campaignResultRates).
  const open = r && c.recorded && !r.opensTracked ? NOT_TRACKED : rate(r?.openRate);
  const click = r && c.recorded && !r.clicksTracked ? NOT_TRACKED : rate(r?.clickRate);
  return [c.id, c.status, formatNumber(r?.sent), unrecorded ? NOT_RECORDED : formatNumber(r?.delivered), open, click, rate(r?.replyRate), rate(r?.bounceRate), rate(r?.meetingRate), winners || '—'];
}

/** Each campaign with results: the rules its totals trigger, or that none does (so a quiet campaign reads as checked, not forgotten). */
function ruleRows(campaigns: readonly CampaignReportRow[]): { campaign: string; severity: string; rule: string; message: string }[] {
  return campaigns
    .filter((c) => c.rates)
    .flatMap((c) => (c.rules.length ? c.rules.map((r) => ({ campaign: c.id, severity: r.severity, rule: r.rule, message: r.message })) : [{ campaign: c.id, severity: '—', rule: '—', message: c.recorded ? 'No rule fires on these results.' : nothingRecordedAdvice(c.rates?.sent ?? 0, 'in 6-learning.md') }]));
}

const SEVERITY_COLOUR: Record<string, (text: string) => string> = { critical: pc.red, high: pc.yellow, medium: pc.yellow, info: pc.cyan };

export function renderCampaigns(campaigns: readonly CampaignReportRow[], format: 'terminal' | 'md'): string {
  if (campaigns.length === 0) return emptyReport('Campaigns', NO_CAMPAIGNS, format);
  const tested = campaigns.flatMap((c) => c.experiments.map((e) => ({ campaign: c.id, e })));
  const rules = ruleRows(campaigns);
  if (format === 'md') {
    return [
      '## Campaigns',
      '',
      table(RATE_HEADER, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'], campaigns.map((c) => rateRow(c).map(cell))),
      '',
      ...(rules.length ? ['### Rules triggered', '', table(['campaign', 'severity', 'rule', 'what to do'], ['l', 'l', 'l', 'l'], rules.map((r) => [r.campaign, r.severity, r.rule, r.message].map(cell))), ''] : []),
      ...tested.flatMap(({ campaign, e }) => [`### ${campaign} · ${e.name}`, '', `Touch ${e.touch}, ${metricLabel(e.metric)}${e.assumption ? `, tests ${e.assumption}` : ''}.`, '', table(experimentHeader(e), EXPERIMENT_ALIGN, experimentRows(e)), '', cell(e.verdict), '']),
    ].join('\n');
  }
  const overview = box('Campaigns', columns([RATE_HEADER.map((h) => pc.dim(h)), ...campaigns.map(rateRow)], ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'], { headed: true }));
  const triggered = rules.length
    ? [box('Rules triggered', columns([['campaign', 'severity', 'rule', 'what to do'].map((h) => pc.dim(h)), ...rules.map((r) => [r.campaign, (SEVERITY_COLOUR[r.severity] ?? pc.dim)(r.severity), r.rule, r.message])], ['l', 'l', 'l', 'l'], { headed: true }))]
    : [];
  const experiments = tested.map(({ campaign, e }) => {
    const colour = e.status === 'winner' ? pc.green : e.status === 'no-results' ? pc.dim : pc.yellow;
    return box(`${campaign} · ${e.name} (touch ${e.touch}, ${metricLabel(e.metric)})`, [...columns([experimentHeader(e).map((h) => pc.dim(h)), ...experimentRows(e)], EXPERIMENT_ALIGN, { headed: true }), '', colour(e.verdict)]);
  });
  return [overview, ...triggered, ...experiments].join('\n');
}
