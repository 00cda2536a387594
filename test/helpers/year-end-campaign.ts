import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';
import { exampleWorkspaceCopy } from './example.js';
import { preparedCopy } from './prepared.js';

export const ENV = { THREADWORK_TODAY: '2026-12-01' };
export const CAMPAIGN = 'threads/sales/campaigns/2026-11-02-year-end';

function stage(front: string, title: string): string {
  return `---\n${front}\n---\n\n# ${title}\n`;
}

/**
 * The example workspace with a campaign at Stage 5 and one prospect, Dana Reyes, whose
 * company carries the facts the ICP gate scores; `more` adds fields to her entry
 * (`, touches_done: 1`). Built once per test file for each `more` (on a copy of the campaign
 * a real `campaign new` opened, once per file, through the CLI) and copied for each caller,
 * who gets a folder of its own — or, given `dir` (a clone of the example), built there.
 */
export async function campaignWithProspect(more = '', dir?: string): Promise<string> {
  if (dir !== undefined) return withProspect(more, await openCampaign(dir));
  return preparedCopy(`year-end-campaign${more}`, async () => withProspect(more, await preparedCopy('year-end-campaign-opened', () => openCampaign(exampleWorkspaceCopy()))));
}

async function openCampaign(dir: string): Promise<string> {
  const opened = await runCli(['campaign', 'new', 'Year end', '-s', 'mid-market-fintech', '--date', '2026-11-02', '--dir', dir], { env: ENV });
  expect(opened.code, opened.stderr).toBe(0);
  return dir;
}

/** The campaign `campaign new` opened in `dir`, taken to Stage 5 with Dana as its prospect (`more` added to her entry). */
function withProspect(more: string, dir: string): string {
  const input = join(dir, CAMPAIGN, '1-input.md');
  writeFileSync(input, readFileSync(input, 'utf8').replace('goal: null', 'goal: "Ten calls"').replace(/target_list:\n(?: {2}.*\n)+/, 'target_list: "Forty controllers"\n'));
  writeFileSync(join(dir, CAMPAIGN, '2-hypothesis.md'), stage('tests: [A1]\ninitial_confidence: 0.4', 'Hypothesis'));
  writeFileSync(join(dir, CAMPAIGN, '3-implication.md'), stage('expected_meetings: 4\nresource_cost_hours: 12', 'Implication'));
  writeFileSync(join(dir, CAMPAIGN, '4-decision.md'), stage('decision: LAUNCH\nreasoning: "Cheap to run"', 'Decision'));
  writeFileSync(
    join(dir, CAMPAIGN, '5-actions.md'),
    stage(`sequence: {preset: five-touch-cold, start: 2026-11-02}\nprospects:\n  - {name: Dana Reyes, email: dana@northwind-pay.com, company: Northwind Payments, title: Controller, industry: payments, employees: 450, revenue: "$60M", geography: United States, technologies: [NetSuite, Stripe], signals: ["Series B, $40M"], email_status: verified, data_date: 2026-10-20, status: active${more}}`, 'Actions'),
  );
  return dir;
}


/**
 * `campaignWithProspect(more)` after a real `campaign draft` on ENV's day, which exits 0:
 * every touch drafted and committed, as a test that starts from the drafts needs it. Built
 * once per test file for each `more`, and copied for each caller.
 */
export function draftedCampaignWithProspect(more = ''): Promise<string> {
  return preparedCopy(`year-end-campaign-drafted${more}`, async () => {
    const dir = await campaignWithProspect(more);
    const drafted = await runCli(['campaign', 'draft', CAMPAIGN, '--dir', dir], { env: ENV });
    expect(drafted.code, drafted.stderr).toBe(0);
    return dir;
  });
}
