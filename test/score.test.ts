import { describe, expect, it, vi } from 'vitest';
import { scoreCommand } from '../src/cli/commands/score.js';
import { strategyCommand } from '../src/cli/commands/strategy.js';
import { runCli, runJson } from './helpers/cli.js';
import { commandJson, type InProcessAnswer } from './helpers/in-process.js';
import { md, testdir } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';
import { gitInit } from './helpers/git.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeWindows1252 } from '../src/accounts/windows-1252.js';
import { REVENUE_EXPECTED, revenueProblems } from '../src/schema/money.js';

interface Ranking {
  segment: string;
  ranked: { rank: number; row: number; name: string; score: number; band: string; components: Record<string, number | null>; missing: string[]; factors: { component: string; status: string; detail: string }[]; dataQualityFields: { field: string; status: string; detail: string }[] }[];
  rejected: { row: number; error: string }[];
}

/*
 * Speed: a CLI process costs about a second on a loaded two-core machine. Where a test is
 * about the ranking or the refusal rather than the process, it asks the score command's
 * own function (commandJson gives what `score … --json` prints and exits with). What the
 * process prints — its text, its Markdown, an error on stderr with nothing on stdout, and
 * exit 1 — and how it reads its argv (a path relative to its folder, `-s`, an empty
 * argument) keep real CLI runs.
 */

/** What `threadwork score <list> -s mid-market-fintech --dir <dir> --json` (or `score --contacts <list> …`) prints and exits with, without a process; `today` pins THREADWORK_TODAY as the CLI tests' env does. */
async function scoreJson<T = Ranking>(list: string, dir: string, options: { contacts?: boolean; today?: string } = {}): Promise<InProcessAnswer<T>> {
  if (options.today) vi.stubEnv('THREADWORK_TODAY', options.today);
  try {
    const flags = { segment: 'mid-market-fintech', ...(options.contacts ? { contacts: list } : {}) };
    return await commandJson<T>(() => scoreCommand(options.contacts ? undefined : list, flags, { dir, json: true }));
  } finally {
    vi.unstubAllEnvs();
  }
}

const TODAY = '2026-11-22';
const SHOWN = (answer: InProcessAnswer<unknown>): string => JSON.stringify(answer.json);

describe('threadwork score', () => {
  it('ranks the bundled example account list and reports a value it cannot read with its row number, the row kept', async () => {
    const result = await runJson<Ranking>(['score', 'research/customer/lists/fintech-accounts-2026-11.csv', '--segment', 'mid-market-fintech'], { env: { THREADWORK_TODAY: '2026-11-22' } });
    expect(result.code, result.stderr).toBe(0);
    const { ranked, rejected } = result.json;
    expect(ranked.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ranked[0]!.name).toBe('Tallyfi');
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    expect(Object.keys(ranked[0]!.components).sort()).toEqual(['fit', 'freshness', 'intent', 'reachability']);
    expect(rejected).toEqual([]);
    const gridline = (ranked as unknown as { name: string; leftOut: unknown[] }[]).find((a) => a.name === 'Gridline Capital');
    expect(gridline?.leftOut).toEqual([{ row: 8, field: 'employees', detail: 'expected a number of employees or a band such as 480, 201-500 or 10,001+ (got "not sure")' }]);
    const md = await runCli(['score', 'research/customer/lists/fintech-accounts-2026-11.csv', '-s', 'mid-market-fintech', '--md']);
    expect(md.stdout).toMatch(/^## Accounts ranked against mid-market-fintech/m);
    expect(md.stdout).toContain('- Gridline Capital (row 8): employees: expected a number of employees or a band such as 480, 201-500 or 10,001+ (got "not sure")');
  });

  it('reads JSON lists, shows missing data in the breakdown, and never crashes on empty rows', async () => {
    const dir = workspace();
    const list = testdir({
      'accounts.json': JSON.stringify({ accounts: [{ name: 'Full', industry: 'payments', employees: 500, revenue: '$50M', technologies: ['Stripe'], signals: ['funding'], data_date: '2026-11-01', email_status: 'verified' }, { name: 'Bare' }, 'not an object', { domain: 'no-name.com' }] }),
    });
    const result = await scoreJson(`${list}/accounts.json`, dir, { today: TODAY });
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.ranked.map((a) => a.name)).toEqual(['Full', 'Bare']);
    expect(result.json.ranked[1]!.missing.length).toBeGreaterThan(0);
    expect(result.json.rejected.map((r) => r.row)).toEqual([3, 4]);
  });

  it('names the missing `name` column and the columns the row has, not a zod message', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'firm,domain,employees\nAcme,acme.com,400\n' });
    // No row has a name, so nothing is scored: the error lists each row.
    const result = await scoreJson<{ error: Ranking }>(`${list}/accounts.csv`, dir);
    expect(result.json.error.rejected).toEqual([{ row: 2, error: 'no `name` column (or JSON field): the company name is required; this row has `firm`, `domain`, `employees`' }]);
    const text = await runCli(['score', `${list}/accounts.csv`, '-s', 'mid-market-fintech', '--dir', dir]);
    expect(text.stderr).toContain('row 2: no `name` column');
    expect(text.stderr).not.toMatch(/received undefined/);
    // The columns as the file writes them, to be found in it — not as they are folded to be read (`firm_name`, `of_staff`).
    const written = testdir({ 'accounts.csv': 'Firm Name,Web Site,# of Staff\nAcme,acme.com,400\n' });
    const named = await scoreJson<{ error: Ranking }>(`${written}/accounts.csv`, dir);
    expect(named.json.error.rejected).toEqual([{ row: 2, error: 'no `name` column (or JSON field): the company name is required; this row has `Firm Name`, `Web Site`, `# of Staff`' }]);
  });

  it.each([
    [['nope.csv', '-s', 'mid-market-fintech'], /Cannot read/],
    [['research/customer/lists/fintech-accounts-2026-11.csv', '-s', 'space'], /Unknown segment "space"/],
  ])('fails clearly for %j', async (args, message) => {
    const result = await runCli(['score', ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ['semicolons (Excel in a European locale, with its BOM)', '\uFEFFName;Domain;Industry;Employees;Revenue;Geography;Technologies\r\nTallyfi;tallyfi.com;payments;480;$70M;United States;"NetSuite, Stripe"\r\nCorner Bakery;corner.com;retail;12;$1M;Canada;Excel\r\n'],
    ['tabs', 'name\tdomain\tindustry\temployees\trevenue\tgeography\ttechnologies\nTallyfi\ttallyfi.com\tpayments\t480\t$70M\tUnited States\tNetSuite; Stripe\nCorner Bakery\tcorner.com\tretail\t12\t$1M\tCanada\tExcel\n'],
  ])('reads a CSV separated by %s, as its header row is', async (_what, csv) => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': csv });
    const result = await scoreJson(`${list}/accounts.csv`, dir, { today: TODAY });
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.rejected).toEqual([]);
    expect(result.json.ranked.map((a) => [a.row, a.name])).toEqual([[2, 'Tallyfi'], [3, 'Corner Bakery']]);
    expect(result.json.ranked[0]!.components.fit).toBe(1);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('numbers a row by the line it starts on when a quoted value spans lines (%s)', async (_eol, eol) => {
    const dir = workspace();
    const csv = ['name,employees,signals', '"Acme, Inc.",400,"funding', 'hiring"', '', 'Beta,many,', 'Gamma,300,', ''].join(eol);
    const list = testdir({ 'accounts.csv': csv });
    const result = await scoreJson(`${list}/accounts.csv`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.ranked.map((a) => [a.row, a.name]).sort()).toEqual([[2, 'Acme, Inc.'], [5, 'Beta'], [6, 'Gamma']]);
    expect(result.json.rejected).toEqual([]);
    expect((result.json.ranked as unknown as { name: string; leftOut: { row: number }[] }[]).find((a) => a.name === 'Beta')?.leftOut).toEqual([{ row: 5, field: 'employees', detail: 'expected a number of employees or a band such as 480, 201-500 or 10,001+ (got "many")' }]);
  });

  it('reads columns whose headers differ only in case or spacing as one: the first non-empty value wins', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'Name,name,Industry,INDUSTRY,Employees\nAcme,,payments,,400\n,Beta,,lending,300\nGamma,Gamma Two,payments,retail,250\n' });
    const result = await scoreJson<Ranking & { ranked: { industry?: string }[] }>(`${list}/accounts.csv`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.rejected).toEqual([]);
    expect(result.json.ranked.map((a) => [a.row, a.name]).sort()).toEqual([[2, 'Acme'], [3, 'Beta'], [4, 'Gamma']]);
    const industries = result.json.ranked.map((a) => [a.name, (a as unknown as { factors: { name: string; detail: string }[] }).factors.find((f) => f.name === 'industry')?.detail]);
    expect(industries.sort()).toEqual([['Acme', expect.stringMatching(/^"payments"/)], ['Beta', expect.stringMatching(/^"lending"/)], ['Gamma', expect.stringMatching(/^"payments"/)]]);
  });

  it('reads the usual export spellings of the columns, as a contact list does (Company Name, Website, Country, Employee Count)', async () => {
    const dir = workspace();
    const list = testdir({
      'export.csv': 'Company Name,Website,Industry,Employee Count,Country,Tech Stack\nAcme,https://www.acme.com/,payments,400,United States,NetSuite; Stripe\n',
      'plain.csv': 'name,domain,industry,employees,geography,technologies\nAcme,acme.com,payments,400,United States,NetSuite; Stripe\n',
    });
    const exported = await scoreJson<{ ranked: (Ranking['ranked'][number] & { dataQuality: number })[]; rejected: Ranking['rejected'] }>(`${list}/export.csv`, dir, { today: TODAY });
    const plain = await scoreJson<{ ranked: (Ranking['ranked'][number] & { dataQuality: number })[]; rejected: Ranking['rejected'] }>(`${list}/plain.csv`, dir, { today: TODAY });
    expect(exported.code, SHOWN(exported)).toBe(0);
    expect(exported.json.rejected).toEqual([]);
    const pick = (r: typeof plain.json) => r.ranked.map((a) => ({ name: a.name, score: a.score, missing: a.missing, dataQuality: a.dataQuality }));
    expect(pick(exported.json)).toEqual(pick(plain.json));
    expect(pick(exported.json)[0]!.missing).not.toContain('fit.technologies');
  });

  it('reads the CRMs\' own headers — HubSpot, Salesforce, Pipedrive, Apollo — as the plain columns: a country abroad disqualifies, never goes unread', async () => {
    // The bundled example, whose ICP has the geography disqualifier (United States, United Kingdom).
    const dir = process.cwd();
    const list = testdir({
      'hubspot.csv': 'Company name,Company Domain Name,Industry,Number of Employees,Country/Region\nAcme,acme.com,payments,400,United States\nBeta,beta.de,payments,400,Germany\n',
      'salesforce.csv': 'Account Name,Website,Industry,Employees,Billing Country\nAcme,acme.com,payments,400,United States\nBeta,beta.de,payments,400,Germany\n',
      'pipedrive.csv': 'Organization - Name;Organization - Website;Organization - Industry;Organization - Number of employees;Organization - Country\nAcme;acme.com;payments;400;United States\nBeta;beta.de;payments;400;Germany\n',
      'apollo.csv': 'Company,Website,Industry,# Employees,Company Country\nAcme,acme.com,payments,400,United States\nBeta,beta.de,payments,400,Germany\n',
      'plain.csv': 'name,domain,industry,employees,geography\nAcme,acme.com,payments,400,United States\nBeta,beta.de,payments,400,Germany\n',
    });
    type Ranked = { ranked: (Ranking['ranked'][number] & { disqualified: { field: string }[] })[]; rejected: Ranking['rejected']; ignoredColumns: string[] };
    const pick = (r: Ranked) => r.ranked.map((a) => ({ name: a.name, score: a.score, missing: a.missing, disqualified: a.disqualified.map((d) => d.field) }));
    const plain = await scoreJson<Ranked>(`${list}/plain.csv`, dir, { today: TODAY });
    expect(pick(plain.json).find((a) => a.name === 'Beta')!.disqualified).toEqual(['geography']);
    for (const crm of ['hubspot', 'salesforce', 'pipedrive', 'apollo']) {
      const exported = await scoreJson<Ranked>(`${list}/${crm}.csv`, dir, { today: TODAY });
      expect(exported.code, SHOWN(exported)).toBe(0);
      expect({ crm, ignored: exported.json.ignoredColumns, ranked: pick(exported.json) }).toEqual({ crm, ignored: [], ranked: pick(plain.json) });
    }
  });

  it('stops quietly at a Salesforce report\'s footer (Grand Totals, confidentiality, copyright, generated by) and says so once', async () => {
    const dir = workspace();
    const footer = '"Grand Totals (2 records)","","700",""\n\n"Confidential Information - Do Not Distribute"\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n\n"Generated By:  Kim Lee  12/6/2026 9:14 AM"\n"Testco"\n';
    const list = testdir({
      'accounts.csv': `"Account Name","Industry","Employees","Billing Country"\n"Acme","payments","400","United States"\n"Beta","lending","300","United States"\n${footer}`,
      'contacts.csv': `"First Name","Last Name","Email","Title","Account Name","Employees"\n"Ana","Silva","ana@acme.com","CFO","Acme","400"\n"Bo","Lund","bo@beta.com","Controller","Beta","300"\n${footer}`,
    });
    for (const contacts of [false, true]) {
      const args = contacts ? ['score', '--contacts', `${list}/contacts.csv`] : ['score', `${list}/accounts.csv`];
      const result = await runJson<{ ranked: { name: string | null; row: number }[]; rejected: unknown[]; reportFooter: unknown }>([...args, '--segment', 'mid-market-fintech', '--dir', dir], { env: { THREADWORK_TODAY: TODAY } });
      expect(result.code, result.stderr).toBe(0);
      expect(result.json.ranked.map((a) => a.row).sort()).toEqual([2, 3]);
      expect(result.json.rejected).toEqual([]);
      expect(result.json.reportFooter).toEqual({ row: 4, text: 'Grand Totals (2 records)' });
      const text = await runCli([...args, '--segment', 'mid-market-fintech', '--dir', dir], { env: { THREADWORK_TODAY: TODAY } });
      expect(text.stdout).not.toContain('skipped');
      expect(text.stdout.split('\n').filter((line) => line.includes('footer'))).toEqual(['footer the list ends at row 4, a report\'s footer ("Grand Totals (2 records)"): it and the lines after it are not read']);
    }
  });

  it('reads the revenue cells CRMs and data providers export — "$10 mil.", "10 mil", "Under $1M", "> $1B", "$1M - $4M", "1M+" — and matches an open bound conservatively', async () => {
    const dir = workspace({
      'strategy/canvas/04-segments.md': md(`title: Segments
segments:
  - id: mid-market-fintech
    name: Mid-market fintech
    filters:
      revenue: {min: "$20M", max: "$500M"}
    disqualifiers: [Revenue under $5M]
`),
    });
    const list = testdir({
      'hubspot.csv': 'Company name,Annual Revenue\nMil,$10 mil.\nMilBare,10 mil\nUnder,Under $1M\nOver,> $1B\nBand,$1M - $4M\nPlus,1M+\nUnderInBand,Under $300M\nAboveInBand,Over $50M\n',
    });
    type Scored = { ranked: { name: string; factors: { name: string; detail: string }[]; disqualified: { field: string }[] }[]; rejected: { row: number; error: string }[] };
    const result = await runJson<Scored>(['score', `${list}/hubspot.csv`, '--segment', 'mid-market-fintech', '--dir', dir], { env: { THREADWORK_TODAY: TODAY } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.rejected).toEqual([]);
    const read = Object.fromEntries(result.json.ranked.map((a) => [a.name, [a.factors.find((f) => f.name === 'revenue')?.detail, a.disqualified.map((d) => d.field)]]));
    expect(read).toEqual({
      Mil: ['10M is close for 20M–500M', []],
      MilBare: ['10M is close for 20M–500M', []],
      // Under $1M is all under $5M: disqualified; 1M+ may be $100M, so it is not — and, judged at its bound, far.
      Under: ['≤ 1M is far for 20M–500M', ['revenue']],
      Over: ['≥ 1B is far for 20M–500M', []],
      Band: ['1M–4M is far for 20M–500M', ['revenue']],
      Plus: ['≥ 1M is far for 20M–500M', []],
      // A bound inside the band: the company may be in it, or not — close, never a full fit.
      UnderInBand: ['≤ 300M is close for 20M–500M', []],
      AboveInBand: ['≥ 50M is close for 20M–500M', []],
    });
  });

  it('reads a state column (HubSpot State/Region, Salesforce Billing State/Province) and a Pipedrive full address into the geography: an account abroad is placed out of the segment, one in Texas in', async () => {
    // The bundled example, whose ICP has the geography disqualifier (United States, United Kingdom).
    const dir = process.cwd();
    const list = testdir({
      'hubspot.csv': 'Company name,Industry,Number of Employees,State/Region\nAcme,payments,400,Texas\nBeta,payments,400,Bavaria\n',
      'salesforce.csv': 'Account Name,Industry,Employees,Billing State/Province,Billing Country\nAcme,payments,400,TX,\nBeta,payments,400,Ontario,\n',
      'pipedrive.csv': 'Organization - Name;Organization - Industry;Organization - Number of employees;Organization - Address\nAcme;payments;400;"350 Texas Ave, Houston, TX 77002"\nBeta;payments;400;"Hauptstrasse 1, 10115 Berlin, Germany"\n',
    });
    type Ranked = { ranked: (Ranking['ranked'][number] & { disqualified: { field: string; detail?: string }[] })[]; ignoredColumns: string[] };
    for (const crm of ['hubspot', 'salesforce', 'pipedrive']) {
      const exported = await scoreJson<Ranked>(`${list}/${crm}.csv`, dir, { today: TODAY });
      expect(exported.code, SHOWN(exported)).toBe(0);
      const placed = exported.json.ranked.map((a) => ({ name: a.name, disqualified: a.disqualified.map((d) => d.field), missing: a.missing.includes('fit.geography') }));
      expect({ crm, ignored: exported.json.ignoredColumns, placed }).toEqual({
        crm,
        ignored: [],
        placed: [
          { name: 'Acme', disqualified: [], missing: false },
          { name: 'Beta', disqualified: ['geography'], missing: false },
        ],
      });
    }
  });

  it('reads a Pipedrive address split into columns (Country, State/county, the rest) into the geography, in account and contact lists: an organisation in Germany is out of the segment', async () => {
    // The bundled example, whose ICP has the geography disqualifier (United States, United Kingdom).
    const dir = process.cwd();
    const parts = 'Street/road name;House number;City/town/village/locality;Region;State/county;ZIP/Postal code;Country';
    const list = testdir({
      'organizations.csv': `Organization - Name;Organization - Industry;Organization - Number of employees;${parts.split(';').map((p) => `Organization - Address - ${p}`).join(';')}\nAcme;payments;400;Texas Ave;350;Houston;Harris County;Texas;77002;United States\nBeta;payments;400;Hauptstrasse;1;Berlin;;Berlin;10115;Germany\n`,
      'people.csv': `Person - Name;Person - Email;Person - Job title;Organization - Name;Organization - Industry;Organization - Number of employees;${parts.split(';').map((p) => `Person - Postal address - ${p}`).join(';')}\nAna Silva;ana@acme.com;CFO;Acme;payments;400;Texas Ave;350;Houston;Harris County;Texas;77002;United States\nBo Lund;bo@beta.de;CFO;Beta;payments;400;Hauptstrasse;1;Berlin;;Berlin;10115;Germany\n`,
    });
    type Ranked = { ranked: { name?: string | null; company?: string | null; missing: string[]; disqualified: { field: string }[] }[]; ignoredColumns: string[] };
    for (const [file, contacts] of [['organizations.csv', false], ['people.csv', true]] as const) {
      const exported = await scoreJson<Ranked>(`${list}/${file}`, dir, { today: TODAY, contacts });
      expect(exported.code, SHOWN(exported)).toBe(0);
      const placed = exported.json.ranked.map((a) => ({ disqualified: a.disqualified.map((d) => d.field), missing: a.missing.some((m) => m.endsWith('geography')) }));
      expect({ file, ignored: exported.json.ignoredColumns, placed }).toEqual({
        file,
        ignored: [],
        placed: [
          { disqualified: [], missing: false },
          { disqualified: ['geography'], missing: false },
        ],
      });
    }
  });

  it('reads a JSON list\'s keys as a CSV file\'s headers (Company Name, Employee Count, Name and name as one), and names an unread key as written', async () => {
    const dir = workspace();
    const list = testdir({
      'export.json': JSON.stringify({ accounts: [{ 'Company Name': 'Acme', Website: 'https://www.acme.com/', Industry: 'payments', 'Employee Count': 400, Country: 'United States', 'Tech Stack': 'NetSuite; Stripe', 'Owner Email': 'kim@ours.example' }, { Name: 'n/a', name: 'Beta', INDUSTRY: 'lending', Employees: '300' }] }),
      'plain.json': JSON.stringify([{ name: 'Acme', domain: 'acme.com', industry: 'payments', employees: 400, geography: 'United States', technologies: 'NetSuite; Stripe' }, { name: 'Beta', industry: 'lending', employees: 300 }]),
    });
    type Scored = { ranked: (Ranking['ranked'][number] & { dataQuality: number })[]; rejected: Ranking['rejected']; ignoredColumns: string[] };
    const exported = await scoreJson<Scored>(`${list}/export.json`, dir, { today: TODAY });
    const plain = await scoreJson<Scored>(`${list}/plain.json`, dir, { today: TODAY });
    expect(exported.code, SHOWN(exported)).toBe(0);
    expect(exported.json.rejected).toEqual([]);
    const pick = (r: Scored) => r.ranked.map((a) => ({ name: a.name, score: a.score, missing: a.missing, dataQuality: a.dataQuality })).sort((a, b) => a.name.localeCompare(b.name));
    expect(pick(exported.json)).toEqual(pick(plain.json));
    expect(exported.json.ignoredColumns).toEqual(['Owner Email']);
  });

  it('names the column meant by a header one slip away (Revnue), reads Tech as the technologies, and names a refused row\'s column as the file writes it', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'Company,Industry,Employees,Revnue,Country,Tech,Owner Notes\nAcme,payments,400,$40M,United States,NetSuite,x\n,lending,300,,United States,,\n' });
    type Scored = Ranking & { ignoredColumns: string[]; columnsMeant: Record<string, string> };
    const result = await scoreJson<Scored>(`${list}/accounts.csv`, dir, { today: TODAY });
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.ignoredColumns).toEqual(['Revnue', 'Owner Notes']);
    expect(result.json.columnsMeant).toEqual({ Revnue: 'revenue' });
    expect(result.json.ranked[0]!.missing).not.toContain('fit.technologies');
    expect(result.json.rejected).toEqual([{ row: 3, error: 'Company: expected the company name (got "")' }]);
    const text = await runCli(['score', `${list}/accounts.csv`, '-s', 'mid-market-fintech', '--dir', dir], { env: { THREADWORK_TODAY: TODAY } });
    expect(text.stdout).toContain('Revnue (did you mean revenue?), Owner Notes — these columns are not read by the score');
  });

  it('reads Excel\'s separator line (sep=;) as the separator, not as the header: every row ranked at its own line', async () => {
    const dir = workspace();
    const list = testdir({
      'semicolons.csv': 'sep=;\r\nname;industry;employees;revenue\r\nAcme;payments;1.200;"$45,5M"\r\nBeta;lending;300;$20M\r\n',
      'quoted.csv': '\uFEFF"sep=,"\nname,industry,employees\nAcme,payments,"1,200"\n',
    });
    const semicolons = await scoreJson(`${list}/semicolons.csv`, dir, { today: TODAY });
    expect(semicolons.code, SHOWN(semicolons)).toBe(0);
    expect(semicolons.json.rejected).toEqual([]);
    expect(semicolons.json.ranked.map((a) => [a.row, a.name]).sort()).toEqual([[3, 'Acme'], [4, 'Beta']]);
    const quoted = await scoreJson(`${list}/quoted.csv`, dir, { today: TODAY });
    expect(quoted.json.ranked.map((a) => [a.row, a.name, a.missing.includes('fit.employees')])).toEqual([[3, 'Acme', false]]);
  });

  it('passes over rows with every field empty (the trailing `,,,`), as blank lines', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'name,employees,industry\nAcme,400,payments\n,,\n , ,\n' });
    const result = await scoreJson(`${list}/accounts.csv`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.ranked.map((a) => [a.row, a.name])).toEqual([[2, 'Acme']]);
    expect(result.json.rejected).toEqual([]);
  });

  it('reads an employee count with its thousands grouped (1.200, 1 200), and says what it got when it cannot — in the words check uses', async () => {
    const dir = workspace();
    const list = testdir({
      'accounts.csv': 'name;employees\nAcme;1.200\nBeta;1 200\nGamma;about 50\nDelta;1.5\nZeta;-5\nEta;300;x\n',
      'accounts.json': JSON.stringify([{ name: 'Epsilon', revenue: { min: '20M', max: '50M' } }, { name: 'Theta', revenue: '20M-50M' }]),
    });
    const result = await scoreJson<{ ranked: { name: string; factors: { name: string; detail: string }[]; leftOut: { row: number; field: string; detail: string }[] }[]; rejected: Ranking['rejected'] }>(`${list}/accounts.csv`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    const employees = Object.fromEntries(result.json.ranked.map((a) => [a.name, a.factors.find((f) => f.name === 'employees')?.detail]));
    expect(employees).toMatchObject({ Acme: '1.2k is in-range for 200–2k', Beta: '1.2k is in-range for 200–2k' });
    // A count that cannot be read is left out of its row, never read with its separator dropped; the row is scored without it.
    expect(result.json.ranked.flatMap((a) => a.leftOut).sort((a, b) => a.row - b.row)).toEqual([
      { row: 4, field: 'employees', detail: 'expected a number of employees or a band such as 480, 201-500 or 10,001+ (got "about 50")' },
      { row: 5, field: 'employees', detail: 'expected a whole number of employees (got "1.5")' },
      { row: 6, field: 'employees', detail: 'expected a number of employees, 0 or more (got "-5")' },
    ]);
    expect(result.json.rejected).toEqual([{ row: 7, error: 'expected 2 columns as in the header, got 3' }]);
    const json = await scoreJson<{ ranked: { name: string; leftOut: unknown[] }[]; rejected: Ranking['rejected'] }>(`${list}/accounts.json`, dir);
    expect(json.json.rejected).toEqual([]);
    expect(json.json.ranked.find((a) => a.name === 'Epsilon')?.leftOut).toEqual([{ row: 1, field: 'revenue', detail: `${REVENUE_EXPECTED} (got {"min":"20M","max":"50M"})` }]);
  });

  it('reads a head count written as a band, as LinkedIn and Apollo export company size: matched and disqualified by overlap', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'name,company_size\nBand Co,201-500\nSpaced Co,"1,001 to 5,000"\nTiny Co,11-50 employees\nStraddle Co,51-200\nHuge Co,"10,001+"\nBackwards Co,500-201\n' });
    const result = await scoreJson<{ ranked: { name: string; factors: { name: string; detail: string }[]; disqualified: unknown; leftOut: { row: number; field: string; detail: string }[] }[] }>(`${list}/accounts.csv`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    const byName = new Map(result.json.ranked.map((a) => [a.name, a]));
    const employees = (name: string): string | undefined => byName.get(name)?.factors.find((f) => f.name === 'employees')?.detail;
    expect(employees('Band Co')).toBe('201–500 is in-range for 200–2k');
    expect(employees('Spaced Co')).toBe('1k–5k is in-range for 200–2k');
    expect(employees('Huge Co')).toBe('≥ 10k is far for 200–2k');
    // The ICP disqualifies fewer than 100 and more than 4,000: only a band wholly on that side.
    expect(byName.get('Tiny Co')?.disqualified).toEqual([expect.objectContaining({ value: '11-50' })]);
    expect(byName.get('Huge Co')?.disqualified).toEqual([expect.objectContaining({ value: '10001+' })]);
    expect(byName.get('Straddle Co')?.disqualified).toEqual([]);
    expect(byName.get('Band Co')?.disqualified).toEqual([]);
    expect(byName.get('Backwards Co')?.leftOut).toEqual([{ row: 7, field: 'employees', detail: 'expected a number of employees or a band such as 480, 201-500 or 10,001+ (got "500-201")' }]);
  });

  it('leaves out a revenue it cannot read, saying what it got, and scores the row without it — never as unknown in silence', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'name,employees,revenue\nAcme,400,lots\nBeta,400,$45M\nGamma,400,10M-50M\n' });
    const result = await scoreJson<{ ranked: { name: string; leftOut: unknown[]; dataQualityFields: { field: string; status: string; detail: string }[] }[]; rejected: Ranking['rejected'] }>(`${list}/accounts.csv`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.ranked.map((a) => a.name).sort()).toEqual(['Acme', 'Beta', 'Gamma']);
    expect(result.json.rejected).toEqual([]);
    const acme = result.json.ranked.find((a) => a.name === 'Acme')!;
    expect(acme.leftOut).toEqual([{ row: 2, field: 'revenue', detail: `${REVENUE_EXPECTED} (got "lots")` }]);
    // Its data quality says the value was there but unusable, not that the list had none.
    expect(acme.dataQualityFields.find((f) => f.field === 'revenue')).toMatchObject({ status: 'invalid', detail: `${REVENUE_EXPECTED} (got "lots")` });
    const text = await runCli(['score', `${list}/accounts.csv`, '-s', 'mid-market-fintech', '--dir', dir]);
    expect(text.stdout).toContain(`invalid Acme (row 2): revenue: ${REVENUE_EXPECTED} (got "lots")`);
    expect(text.stdout).not.toContain('skipped');
  });

  /*
   * An account list's revenue had its own wording, not the one a deal's Stage 1 revenue is
   * told in: `> lots` (a band whose bound is no amount) and `CHF 40M` (a currency not read)
   * got the same "expected an amount or a range such as $45M, …", and a revenue of -5000000
   * was read as a negative revenue.
   */
  it('tells a revenue it cannot read in the words a deal\'s revenue is told, saying what is wrong with it', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.json': JSON.stringify([{ name: 'Band', revenue: '> lots' }, { name: 'Franc', revenue: 'CHF 40M' }, { name: 'Minus', revenue: -5000000 }, { name: 'Fine', revenue: '> $1B' }]) });
    const result = await scoreJson<{ ranked: { name: string; leftOut: unknown[] }[] }>(`${list}/accounts.json`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    const leftOut = Object.fromEntries(result.json.ranked.map((a) => [a.name, a.leftOut]));
    expect(leftOut.Band).toEqual([{ row: 1, field: 'revenue', detail: `${revenueProblems('> lots')[0]!.message} (got "> lots")` }]);
    expect(leftOut.Franc).toEqual([{ row: 2, field: 'revenue', detail: expect.stringContaining('expected an amount in a currency threadwork reads: CHF is not one') }]);
    expect(leftOut.Minus).toEqual([{ row: 3, field: 'revenue', detail: 'expected an amount of 0 or more (got -5000000)' }]);
    expect(leftOut.Fine).toEqual([]);
  });

  it('says every value it left out of a row, not only the first: the head count and the revenue both', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'name,employees,revenue\nAcme,many,lots\nBeta,400,$45M\n', 'contacts.csv': 'name,email,website_visits,content_downloads\nAna Ruiz,ana@acme.com,often,some\nBo Lind,bo@acme.com,4,3\n' });
    const result = await scoreJson<{ ranked: { name: string; leftOut: unknown[] }[]; rejected: Ranking['rejected'] }>(`${list}/accounts.csv`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.rejected).toEqual([]);
    expect(result.json.ranked.find((a) => a.name === 'Acme')?.leftOut).toEqual([
      { row: 2, field: 'employees', detail: 'expected a number of employees or a band such as 480, 201-500 or 10,001+ (got "many")' },
      { row: 2, field: 'revenue', detail: `${REVENUE_EXPECTED} (got "lots")` },
    ]);
    // The same rule in a contact list: the counts left out, the contact scored.
    const contacts = await scoreJson<{ ranked: { name: string; leftOut: unknown[]; invalid: string[] }[]; rejected: Ranking['rejected'] }>(`${list}/contacts.csv`, dir, { contacts: true });
    expect(contacts.json.rejected).toEqual([]);
    const ana = contacts.json.ranked.find((c) => c.name === 'Ana Ruiz')!;
    expect(ana.leftOut).toEqual([
      { row: 2, field: 'website_visits', detail: 'expected a number of website visits (got "often")' },
      { row: 2, field: 'content_downloads', detail: 'expected a number of content downloads (got "some")' },
    ]);
    expect(ana.invalid).toEqual(expect.arrayContaining(['website_visits', 'content_downloads']));
    const text = await runCli(['score', `${list}/accounts.csv`, '-s', 'mid-market-fintech', '--dir', dir]);
    expect(text.stdout).toContain('invalid Acme (row 2): employees: expected a number of employees or a band such as 480, 201-500 or 10,001+ (got "many")');
    expect(text.stdout).toContain(`invalid Acme (row 2): revenue: ${REVENUE_EXPECTED} (got "lots")`);
  });

  it('reads n/a, #N/A, unknown and - as an empty cell: never a disqualifying industry, never a skipped row', async () => {
    const dir = workspace();
    const list = testdir({
      'accounts.csv': 'name,industry,employees,geography,revenue\nBlank,,,,\nNa,n/a,N/A,N/A,n/a\nExcel,#N/A,#N/A,#N/A,#N/A\nWords,unknown, - ,?,not available\n',
      'contacts.csv': 'name,email,company,employees,website_visits\nAna Ruiz,ana@acme.com,Acme,n/a,n/a\n',
    });
    type Scored = Ranking['ranked'][number] & { dataQuality: number; disqualified: unknown[]; invalid: string[] };
    const result = await scoreJson<{ ranked: Scored[]; rejected: Ranking['rejected'] }>(`${list}/accounts.csv`, dir, { today: TODAY });
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.rejected).toEqual([]);
    const blank = result.json.ranked.find((a) => a.name === 'Blank')!;
    for (const name of ['Na', 'Excel', 'Words']) {
      const account = result.json.ranked.find((a) => a.name === name)!;
      expect(account.disqualified, name).toEqual([]);
      expect([account.score, account.missing, account.dataQuality], name).toEqual([blank.score, blank.missing, blank.dataQuality]);
    }
    const contacts = await scoreJson<{ ranked: Scored[]; rejected: Ranking['rejected'] }>(`${list}/contacts.csv`, dir, { contacts: true, today: TODAY });
    expect(contacts.json.rejected).toEqual([]);
    expect(contacts.json.ranked.map((c) => [c.row, c.invalid])).toEqual([[2, []]]);
  });

  it('leaves out a data_date that is no day of the calendar (2026-02-30, 2026-13-01) as it does 01/11/2026, in the words of check: never rolled over, the row scored as of no date', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'name,data_date\nGood,2026-11-01\nFeb,2026-02-30\nMonth,2026-13-01\nSlash,01/11/2026\n' });
    const result = await scoreJson<{ ranked: { name: string; leftOut: unknown[]; components: Record<string, number> }[]; rejected: Ranking['rejected'] }>(`${list}/accounts.csv`, dir, { today: TODAY });
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.rejected).toEqual([]);
    expect(Object.fromEntries(result.json.ranked.map((a) => [a.name, a.leftOut]))).toEqual({
      Good: [],
      Feb: [{ row: 3, field: 'data_date', detail: 'expected a real calendar date (got "2026-02-30")' }],
      Month: [{ row: 4, field: 'data_date', detail: 'expected a real calendar date (got "2026-13-01")' }],
      Slash: [{ row: 5, field: 'data_date', detail: 'expected a date such as 2026-03-01 — 01/11/2026 reads two ways, November 1 or January 11: write 2026-11-01 or 2026-01-11 (got "01/11/2026")' }],
    });
    // As of no date: freshness's default, the same as a row that has none.
    expect(result.json.ranked.find((a) => a.name === 'Feb')?.components.freshness).toBe(0.8);
  });

  // A list's data_date is read with blanks around it (` 2026-11-01`): they are not named as the fault of one that is no date.
  it('tells a JSON list\'s data_date written another way the day to write, not of the blanks it accepts', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.json': JSON.stringify([{ name: 'Spaced', data_date: ' 2026-11-01 ' }, { name: 'Dots', data_date: ' 01.11.2026' }]) });
    const result = await scoreJson<{ ranked: { name: string; leftOut: unknown[] }[]; rejected: Ranking['rejected'] }>(`${list}/accounts.json`, dir, { today: TODAY });
    expect(result.code, SHOWN(result)).toBe(0);
    expect(Object.fromEntries(result.json.ranked.map((a) => [a.name, a.leftOut]))).toEqual({
      Spaced: [],
      Dots: [{ row: 2, field: 'data_date', detail: 'expected a date such as 2026-03-01 — write 01.11.2026 as 2026-11-01 (got " 01.11.2026")' }],
    });
  });

  it('reads a JSON list saved with a byte order mark, and places a JSON syntax error at its line and column', async () => {
    const dir = workspace();
    const list = testdir({ 'bom.json': '\uFEFF[{"name": "Acme"}]', 'bad.json': '[\n  {"name": "A"},\n  {"name": "B",}\n]\n' });
    const bom = await scoreJson(`${list}/bom.json`, dir);
    expect(bom.code, SHOWN(bom)).toBe(0);
    expect(bom.json.ranked.map((a) => a.name)).toEqual(['Acme']);
    const bad = await scoreJson<{ ok: boolean; error: { code: string; message: string; path: string; line: number; column: number } }>(`${list}/bad.json`, dir);
    expect(bad.code).toBe(1);
    expect(bad.json.error).toEqual({ code: 'json-syntax', message: `Cannot parse ${list}/bad.json as JSON: line 3, column 15: a comma after the last entry: expected another "key": value after it, or no comma before the closing \`}\``, path: `${list}/bad.json`, line: 3, column: 15 });
  });

  it('an empty JSON list says a list was expected, not the object a meta.json holds', async () => {
    const dir = workspace();
    const list = testdir({ 'empty.json': '  \n' });
    const empty = await scoreJson<{ error: { message: string } }>(`${list}/empty.json`, dir);
    expect(empty.code).toBe(1);
    expect(empty.json.error.message).toBe(`Cannot parse ${list}/empty.json as JSON: line 1, column 1: the file is empty: expected a list of accounts or {"accounts": [...]}; an empty file is often a save cut short`);
  });

  // Node decodes TextDecoder('windows-1252') as Latin-1 since 20.18.3: a name came out with a C1 control character and `€45M` was refused.
  it('reads Windows-1252 as Windows-1252, not Latin-1: curly quotes, dashes and the euro sign', async () => {
    const dir = workspace();
    const list = testdir();
    writeFileSync(`${list}/ansi.csv`, Buffer.from('name,domain,industry,employees,revenue,geography\r\nO\x92Brien \x96 Payments,obrien.com,payments,300,\x8045M,United Kingdom\r\n', 'latin1'));
    const result = await scoreJson<{ ranked: { name: string; leftOut: { field: string }[] }[] }>(`${list}/ansi.csv`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.ranked[0]!.name).toBe('O’Brien – Payments');
    expect(result.json.ranked[0]!.leftOut.map((l) => l.field)).not.toContain('revenue');
  });

  it('decodes every byte Windows-1252 maps in 0x80–0x9F as WHATWG does, and keeps the five it leaves unassigned', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(bytes)).toBe('€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ');
    expect(decodeWindows1252(Buffer.from('Caf\xe9 \xa0\xff', 'latin1'))).toBe('Café \u00a0ÿ');
  });

  it('reads the encodings Excel saves a sheet in (Windows-1252, UTF-16), and refuses a workbook as not a list', async () => {
    const dir = workspace();
    const list = testdir();
    writeFileSync(`${list}/ansi.csv`, Buffer.from('name;geography\r\nCaf\xe9 Z\xfcrich AG;Germany\r\n', 'latin1'));
    writeFileSync(`${list}/unicode.txt`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\tgeography\r\nCafé Zürich AG\tGermany\r\n', 'utf16le')]));
    writeFileSync(`${list}/book.xlsx`, Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml', 'latin1'));
    for (const name of ['ansi.csv', 'unicode.txt']) {
      const result = await scoreJson(`${list}/${name}`, dir);
      expect(result.code, SHOWN(result)).toBe(0);
      expect(result.json.ranked.map((a) => a.name), name).toEqual(['Café Zürich AG']);
    }
    const book = await scoreJson<{ ok: boolean; error: { code: string; message: string; path: string } }>(`${list}/book.xlsx`, dir);
    expect(book.code).toBe(1);
    expect(book.json.error).toEqual({ code: 'csv-syntax', path: `${list}/book.xlsx`, message: `Cannot read ${list}/book.xlsx as a list: it is not text (a spreadsheet workbook such as .xlsx?); expected CSV or JSON: save the sheet as CSV UTF-8` });
  });

  it('says in words that the list does not exist, and names it in JSON', async () => {
    const dir = workspace();
    const list = testdir();
    const result = await scoreJson<{ ok: boolean; error: { code: string; message: string; path: string } }>(`${list}/nope.csv`, dir);
    expect(result.code).toBe(1);
    expect(result.json.error).toEqual({ code: 'read', message: `Cannot read ${list}/nope.csv: no such file (ENOENT)`, path: `${list}/nope.csv` });
  });

  it('refuses an empty path as a missing argument, never reading the current folder as the list', async () => {
    // `score ""` (an unset shell variable) said "Refused : it is a folder, not a regular file".
    const dir = workspace();
    for (const args of [[''], ['--contacts', '']]) {
      const result = await runJson<{ ok: boolean; error: { code: string; message: string } }>(['score', ...args, '-s', 'mid-market-fintech', '--dir', dir]);
      expect(result.code).toBe(1);
      expect(result.json.error).toEqual({ code: 'invalid-arguments', message: 'Missing list: expected the path of a CSV or JSON file (got an empty path)' });
    }
  });

  it.each([
    ['an empty file', 'accounts.csv', '', 'an empty file, or a header row alone): expected a header row and at least one row below it'],
    ['a header row alone', 'accounts.csv', 'name,domain,employees\r\n', 'an empty file, or a header row alone): expected a header row and at least one row below it'],
    ['an empty JSON list', 'accounts.json', '[]', 'an empty list): expected at least one row in the list'],
  ])('fails (exit 1, nothing-scored) on %s, saying it has no rows to score, as when every row is refused', async (_what, name, content, why) => {
    // It was ranked empty with exit 0 and, in JSON, nothing saying so: an agent read a failed
    // export as a list scored, while a list whose every row is refused fails.
    const dir = workspace();
    const list = testdir({ [name]: content });
    const message = `Nothing scored: ${list}/${name} has no rows to score (${why}`;
    // The process, for the account list: exit 1, nothing on stdout, the refusal on stderr, in the terminal and with --md.
    for (const md of [[], ['--md']]) {
      const result = await runCli(['score', `${list}/${name}`, '-s', 'mid-market-fintech', '--dir', dir, ...md]);
      expect(result.code, result.stdout).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
    }
    for (const contacts of [false, true]) {
      // The refusal is thrown before any text is made (exit 1, stdout empty, as above), with --md as without.
      for (const md of [false, true]) {
        const flags = { segment: 'mid-market-fintech', md, ...(contacts ? { contacts: `${list}/${name}` } : {}) };
        const answer = await commandJson<{ error: { message: string } }>(() => scoreCommand(contacts ? undefined : `${list}/${name}`, flags, { dir, json: false }));
        expect(answer.code, SHOWN(answer)).toBe(1);
        expect(answer.json.error.message).toContain(message);
      }
      const json = await scoreJson<{ ok: boolean; error: { code: string; message: string; path: string; rejected: unknown[] } }>(`${list}/${name}`, dir, { contacts });
      expect(json.code).toBe(1);
      expect(json.json).toEqual({ ok: false, error: { code: 'nothing-scored', message, path: `${list}/${name}`, rejected: [] } });
    }
  });

  it('fails (exit 1, nothing-scored) when every row of a list is refused, listing each, rather than an empty table and exit 0', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'domain,industry\nacme.com,payments\nbeta.com,lending\n', 'contacts.json': '[{"title": "CFO"}, {"title": "VP Finance"}]' });
    const rows = {
      'accounts.csv': [
        { row: 2, error: 'no `name` column (or JSON field): the company name is required; this row has `domain`, `industry`' },
        { row: 3, error: 'no `name` column (or JSON field): the company name is required; this row has `domain`, `industry`' },
      ],
    };
    const accounts = await scoreJson<{ ok: boolean; error: { code: string; message: string; path: string; rejected: unknown[] } }>(`${list}/accounts.csv`, dir);
    expect(accounts.code, SHOWN(accounts)).toBe(1);
    expect(accounts.json).toEqual({
      ok: false,
      error: {
        code: 'nothing-scored',
        // Refused for one reason, the rows are said once with it: an export of 2,000 rows printed 2,000 identical lines.
        message: `Nothing scored: each of the 2 rows of ${list}/accounts.csv was refused; fix them and score again:\n  rows 2–3: ${rows['accounts.csv'][0]!.error}`,
        path: `${list}/accounts.csv`,
        rejected: rows['accounts.csv'],
      },
    });
    const contacts = await scoreJson<{ ok: boolean; error: { code: string; rejected: { row: number }[] } }>(`${list}/contacts.json`, dir, { contacts: true });
    expect(contacts.code, SHOWN(contacts)).toBe(1);
    expect(contacts.json.error.code).toBe('nothing-scored');
    expect(contacts.json.error.rejected.map((r) => r.row)).toEqual([1, 2]);
    for (const md of [[], ['--md']]) {
      const human = await runCli(['score', `${list}/accounts.csv`, '-s', 'mid-market-fintech', '--dir', dir, ...md]);
      expect(human.code).toBe(1);
      expect(human.stdout).toBe('');
      expect(human.stderr).toContain(`Nothing scored: each of the 2 rows of ${list}/accounts.csv was refused; fix them and score again:\n  rows 2–3: no \`name\` column`);
    }
  });

  it('says when the ICP file it scores against has an error, and which version it used instead', async () => {
    const dir = workspace();
    gitInit(dir);
    expect((await commandJson(() => strategyCommand(['mid-market-fintech'], { commit: true }, { dir, json: true }))).code).toBe(0);
    const icp = `${dir}/research/customer/icp/mid-market-fintech-icp.yaml`;
    writeFileSync(icp, readFileSync(icp, 'utf8').replace(/^( +fit:) [\d.]+$/m, '$1 high'));
    const list = testdir({ 'accounts.csv': 'name,industry,employees\nAcme,payments,400\n' });
    const result = await scoreJson<Ranking & { diagnostics: { path: string; rule: string; severity: string }[] }>(`${list}/accounts.csv`, dir);
    expect(result.code, SHOWN(result)).toBe(0);
    expect(result.json.diagnostics).toEqual([expect.objectContaining({ path: 'research/customer/icp/mid-market-fintech-icp.yaml', rule: 'schema', severity: 'error' })]);
    const text = await runCli(['score', '--contacts', `${list}/accounts.csv`, '-s', 'mid-market-fintech', '--dir', dir]);
    expect(text.stdout).toMatch(/^research\/customer\/icp\/mid-market-fintech-icp\.yaml:\d+:\d+ error .*weights\.fit/m);
    expect(text.stdout).toContain('held: scored against the last valid version of research/customer/icp/mid-market-fintech-icp.yaml (the one in HEAD) until its errors are fixed');
  });

  it('reports a CSV with an unclosed quote as a whole', async () => {
    const list = testdir({ 'bad.csv': 'name,employees\n"Acme,50\n' });
    const result = await runCli(['score', `${list}/bad.csv`, '-s', 'mid-market-fintech']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot parse .*bad\.csv as CSV: .*[Qq]uote/);
  });
});

describe('an account list that is not valid CSV', () => {
  /**
   * csv-parse's own words reached the user, at the line where it stopped reading: a quote
   * opened on line 2 and never closed was "Quote Not Closed: the parsing is finished with an
   * opening quote at line 4". Each now names the line the broken row starts on (also as
   * `line` in --json) and says what was expected. Every error names its column too (also
   * `column` in --json): the quote inside an unquoted field, the text after a closing quote.
   */
  it('names the line and column of the problem and what was expected', async () => {
    const dir = workspace();
    const list = testdir({
      'unclosed.csv': 'name,domain,employees\n"Acme,acme.com,300\nBeta,beta.com,200\nGamma,g.com,100\n',
      'inside.csv': 'name,domain,employees\nBeta,beta.com,200\nAc"me,acme.com,300\n',
      'after.csv': 'name,domain\n"Acme" Inc,acme.com\n',
      // The quoted field spans two lines: the text after its closing quote is on the second.
      'after-multiline.csv': 'name,domain\nBeta,beta.com\n"Acme\nWest" Inc,acme.com\n',
      // The quote opens mid-row, after a good quoted field and a name with an accent: its column is where it opened.
      'midrow.csv': 'name,domain,employees\nAcme,acme.com,300\n"Zoë, Inc",zoe.com,"200\nGamma,g.com,100\n',
    });
    const errors: [string, number, number | undefined, string][] = [];
    for (const file of ['unclosed.csv', 'midrow.csv', 'inside.csv', 'after.csv', 'after-multiline.csv']) {
      const result = await scoreJson<{ error: { code: string; message: string; path: string; line: number; column?: number } }>(`${list}/${file}`, dir);
      expect(result.code).toBe(1);
      expect(result.json.error.code).toBe('csv-syntax');
      expect(result.json.error.path).toBe(`${list}/${file}`);
      errors.push([file, result.json.error.line, result.json.error.column, result.json.error.message.slice(`Cannot parse ${list}/`.length)]);
    }
    expect(errors).toEqual([
      ['unclosed.csv', 2, 1, 'unclosed.csv as CSV: line 2, column 1: a " opens a quoted field that is never closed: expected a closing " at the end of the field (a " inside it written twice, "")'],
      ['midrow.csv', 3, 20, 'midrow.csv as CSV: line 3, column 20: a " opens a quoted field that is never closed: expected a closing " at the end of the field (a " inside it written twice, "")'],
      ['inside.csv', 3, 3, 'inside.csv as CSV: line 3, column 3: a " inside the unquoted field `Ac`: expected the whole field in quotes, with each " inside it written twice ("Ac""…")'],
      ['after.csv', 2, 8, 'after.csv as CSV: line 2, column 8: text after the closing " of a quoted field: expected a , or the end of the line right after it (the whole field inside the quotes)'],
      ['after-multiline.csv', 4, 7, 'after-multiline.csv as CSV: line 4, column 7: text after the closing " of a quoted field: expected a , or the end of the line right after it (the whole field inside the quotes)'],
    ]);
  });
});

/**
 * A `data_date` still to come (2027 for 2026, a typo) scored full freshness, 1, the
 * freshest data there is, with nothing said. It is now scored as no date (0.80, the
 * default) and said: an invalid value under the ranking, and in JSON the freshness
 * factor's status and detail and the data-quality field's.
 */
describe('a data date still to come', () => {
  it('does not count as fresh, and is named with the row and the day scored as of', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'name,industry,employees,data_date\nLater,payments,500,2027-11-01\nToday,payments,500,2026-11-22\n' });
    const env = { THREADWORK_TODAY: '2026-11-22' };
    const result = await scoreJson(`${list}/accounts.csv`, dir, { today: env.THREADWORK_TODAY });
    expect(result.code, SHOWN(result)).toBe(0);
    const later = result.json.ranked.find((a) => a.name === 'Later')!;
    expect(later.components.freshness).toBe(0.8);
    expect(later.factors.find((f) => f.component === 'freshness')).toMatchObject({ status: 'defaulted', detail: 'data date 2027-11-01 is after 2026-11-22, the day scored as of: no data is gathered on a day to come (a typo?); default 0.8' });
    expect(later.dataQualityFields.find((f) => f.field === 'data_date')).toMatchObject({ status: 'invalid', detail: '2027-11-01 is after 2026-11-22, the day scored as of' });
    expect(result.json.ranked.find((a) => a.name === 'Today')!.components.freshness).toBe(1);
    const text = await runCli(['score', `${list}/accounts.csv`, '-s', 'mid-market-fintech', '--dir', dir], { env });
    expect(text.stdout).toContain('invalid Later (row 2): data_date: 2027-11-01 is after 2026-11-22, the day scored as of');
  });
});
