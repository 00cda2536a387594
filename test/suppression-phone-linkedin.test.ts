import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../src/outreach/prospect-id.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * A prospect reached only by call is known by their phone (outreach/prospect-id.ts), and the
 * suppression list may name them by it. A phone was compared as its digits with a leading `+`
 * kept, so `(415) 555-0100` or `001 415 555 0100` on the list did not stop the prospect written
 * `+1 415 555 0100`: `due` still listed the call to someone who asked not to be contacted. And
 * the duplicate check compared addresses only, so a profile or phone listed twice went unsaid.
 */
const FACTS = 'company: Northwind Payments, title: Controller, industry: payments, employees: 450, revenue: "$60M", geography: United States, technologies: [NetSuite, Stripe], signals: ["Series B, $40M"], data_date: 2026-10-20, status: active';
const SUPPRESSION = 'threads/sales/campaigns/suppression.yaml';

async function callCampaign(phone: string, suppressed: readonly string[]): Promise<string> {
  const dir = await campaignWithProspect();
  writeFileSync(join(dir, CAMPAIGN, '5-actions.md'), `---\nsequence:\n  start: 2026-11-25\n  touches:\n    - {day: 0, channel: call, template: follow-up-2-call}\nprospects:\n  - {name: Dana Reyes, phone: "${phone}", ${FACTS}}\n---\n\n# Actions\n`);
  writeFileSync(join(dir, SUPPRESSION), `suppressed:\n${suppressed.map((entry) => `  - {${entry}, reason: do-not-contact, date: 2026-11-20}\n`).join('')}`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'a call campaign and a suppression list');
  return dir;
}

interface Due {
  due: { prospect: { phone?: string }; touch: number; channel: string }[];
}
interface Check {
  diagnostics: { path: string; line: number; column: number; rule: string; message: string }[];
}

describe('a phone as one key', () => {
  it.each([
    ['011 44 20 7946 0000', '+442079460000'],
    ['011-49-30-1234-5678', '+493012345678'],
    ['001 415 555 0100', '+14155550100'],
    // 011 with no country code after it is a national number: Johannesburg's, Delhi's, Sapporo's area code.
    ['011 234 5678', '0112345678'],
    ['011 2345 6789', '01123456789'],
  ])('%s is %s', (written, key) => {
    expect(normalizePhone(written)).toBe(key);
  });
});

describe('a phone on the suppression list', () => {
  it('lists the call when the list names someone else', async () => {
    const dir = await callCampaign('+1 415 555 0100', ['phone: "+1 415 555 0199"']);
    expect((await runJson<Due>(['due', '--dir', dir], { env: ENV })).json.due.map((d) => d.channel)).toEqual(['call']);
  });

  it.each([
    ['(415) 555-0100', '+1 415 555 0100'],
    ['001 415 555 0100', '+1 415 555 0100'],
    ['+1 415 555 0100', '(415) 555-0100'],
    ['020 7946 0000', '+44 20 7946 0000'],
    // 011 is the international prefix dialled from North America, as 00 is elsewhere.
    ['011 44 20 7946 0000', '+44 20 7946 0000'],
    ['+44 20 7946 0000', '011 44 20 7946 0000'],
  ])('%s on the list stops the prospect written %s', async (listed, written) => {
    const dir = await callCampaign(written, [`phone: "${listed}"`]);
    expect((await runJson<Due>(['due', '--dir', dir], { env: ENV })).json.due).toEqual([]);
  });

  it('is a duplicate when listed twice in two spellings, as is a LinkedIn profile: a warning at the second', async () => {
    const dir = await callCampaign('+1 415 555 0100', [
      'phone: "+1 415 555 0100"',
      'linkedin: "https://www.linkedin.com/in/Dana-Reyes/"',
      'phone: "001 415 555 0100"',
      'linkedin: "linkedin.com/in/dana-reyes"',
    ]);
    const check = await runJson<Check>(['check', '--dir', dir], { env: ENV });
    expect(check.json.diagnostics.filter((d) => d.rule === 'duplicate-suppression').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${SUPPRESSION}:4:13 Duplicate suppression entry \`001 415 555 0100\`: already listed on line 2. Keep one entry per phone number, or taking it off the list by hand leaves the other`,
      `${SUPPRESSION}:5:16 Duplicate suppression entry \`linkedin.com/in/dana-reyes\`: already listed on line 3. Keep one entry per LinkedIn profile, or taking it off the list by hand leaves the other`,
    ]);
  });
});
