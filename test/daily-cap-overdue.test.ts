import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { campaignFiles, workspace } from './helpers/workspace.js';

/*
 * On a day with an overdue touch, `due` counts it today (it goes out on the first day it
 * still can) while the approve gate counted it on the day it was planned: with a cap of 2,
 * `due` put Ada's overdue touch and Cara's today and spread Dan's to tomorrow, yet all three
 * were approved for today. The cap now counts an unsent touch whose day has passed today,
 * by the one rule `due` lists it by (sendDay).
 */
const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';
const TODAY = { THREADWORK_TODAY: '2026-01-26' };
const prospect = (name: string, email: string, company: string, started = '') => `  - name: ${name}
    email: ${email}
    company: ${company}
    title: Controller
    industry: payments
    employees: 500
    email_status: verified
    data_date: 2026-01-20
    signals: [{type: funding, detail: Series B}, hiring 5 analysts]${started ? `\n    started: ${started}` : ''}`;
const draft = (email: string): string => `${CAMPAIGN}/drafts/${email.replace('@', '-at-').replace(/\./g, '-')}-touch-1.md`;

describe('the daily cap on a day with an overdue touch', () => {
  it('counts the overdue touch today, as `due` does: the touch `due` spreads to tomorrow is refused for today', async () => {
    const prospects = [prospect('Ada Lovelace', 'ada@analytical.example', 'Analytical Payments', '2026-01-23'), prospect('Cara Dune', 'cara@mando.example', 'Mando Payments'), prospect('Dan Brown', 'dan@code.example', 'Code Payments')].join('\n');
    const dir = workspace({
      'threadwork.config.yaml': 'company: Testco\nautonomy:\n  daily_caps: {email: 2}\n',
      ...campaignFiles(CAMPAIGN, '2026-01-20', `sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n${prospects}`),
    });
    gitInit(dir);
    const drafted = await runCli(['campaign', 'draft', '2026-01-26-month-end', '--dir', dir], { env: TODAY });
    expect(drafted.code, drafted.stdout + drafted.stderr).toBe(0);

    const due = await runJson<{ due: { prospect: { email: string }; overdue: boolean; sendOn: string }[] }>(['due', '--json', '--dir', dir], { env: TODAY });
    expect(due.json.due.map((d) => [d.prospect.email, d.overdue, d.sendOn])).toEqual([
      ['ada@analytical.example', true, '2026-01-26'],
      ['cara@mando.example', false, '2026-01-26'],
      ['dan@code.example', false, '2026-01-27'],
    ]);

    const all = await runJson<{ ok: boolean; error?: { failures?: { path: string; gate: string; message: string }[] } }>(['campaign', 'approve', draft('ada@analytical.example'), draft('cara@mando.example'), draft('dan@code.example'), '--json', '--dir', dir], { env: TODAY });
    expect(all.code).toBe(1);
    expect(all.json.error?.failures?.map((f) => [f.path, f.gate])).toEqual([[draft('dan@code.example'), 'daily-cap']]);
    expect(all.json.error?.failures?.[0]?.message).toContain('email touch 3 of 3 from (default sender) on 2026-01-26, over the cap of 2');

    // The two `due` keeps for today are approved; Dan's goes out on the day `due` names.
    expect((await runCli(['campaign', 'approve', draft('ada@analytical.example'), draft('cara@mando.example'), '--dir', dir], { env: TODAY })).code).toBe(0);
    const check = await runCli(['check', '--dir', dir], { env: TODAY });
    expect(check.code, check.stdout).toBe(0);
  });
});
