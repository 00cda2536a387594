import { afterEach, describe, expect, it, vi } from 'vitest';
import { scoreCommand } from '../src/cli/commands/score.js';
import {
  groupDuplicates,
  accountKeys,
  contactKeys,
  isValidEmail,
  mergeRecords,
  normalizeCompanyName,
  normalizeDomain,
  scoreAccountDataQuality,
  scoreContactDataQuality,
} from '../src/scoring/index.js';
import { REPO_ROOT, runCli } from './helpers/cli.js';
import { commandJson, commandText } from './helpers/in-process.js';
import { testdir } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';

interface ContactRanking {
  kind: 'contacts';
  ranked: {
    rank: number;
    row: number;
    rows: number[];
    name: string | null;
    email: string | null;
    title: string | null;
    domain: string | null;
    contactScore: number;
    leadScore: number;
    leadBand: string;
    dataQuality: number;
    companyScore: number;
    disqualified: { disqualifier: string; field: string; value: string }[];
    missing: string[];
    invalid: string[];
    leftOut: { row: number; field: string; detail: string }[];
    detail: { lead: { name: string; points: number }[] };
  }[];
  duplicates: { rows: number[]; kept: number; keys: string[] }[];
  rejected: { row: number; error: string }[];
}

interface AccountRanking {
  ranked: { rank: number; row: number; rows: number[]; name: string; domain: string | null; score: number; band: string; dataQuality: number; disqualified: { disqualifier: string; field: string }[]; leftOut: { row: number; field: string; detail: string }[]; technologies?: unknown }[];
  duplicates: { rows: number[]; kept: number; keys: string[] }[];
  rejected: { row: number; error: string }[];
}

const env = { THREADWORK_TODAY: '2026-11-22' };

/*
 * Speed: a CLI process costs one to two seconds on the loaded two-core machine. Where a
 * test is about the ranking, the tables or the notes rather than the process, it asks the
 * score command's own function for what `threadwork score` prints (commandJson for --json,
 * commandText for the terminal and --md) and exits with. The example contact list's text
 * and Markdown, and the refusal of both lists or neither on stderr, keep real CLI runs
 * (score.test.ts keeps the account list's).
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

interface ScoreArgs {
  /** An account list, or with `contacts` a contact list; relative to the CLI's folder (REPO_ROOT, the example workspace). */
  list: string;
  contacts?: boolean;
  md?: boolean;
  /** --dir; without it, the CLI's folder. */
  dir?: string;
  /** THREADWORK_TODAY pinned as `env` pins it; the tests that ran the CLI without it do not. */
  today?: boolean;
}

function scoreCall(args: ScoreArgs, json: boolean): () => ReturnType<typeof scoreCommand> {
  if (args.today !== false) vi.stubEnv('THREADWORK_TODAY', env.THREADWORK_TODAY);
  const list = args.list.startsWith('/') ? args.list : `${REPO_ROOT}${args.list}`;
  const flags = { segment: 'mid-market-fintech', ...(args.md ? { md: true } : {}), ...(args.contacts ? { contacts: list } : {}) };
  return () => scoreCommand(args.contacts ? undefined : list, flags, { dir: args.dir ?? REPO_ROOT, json });
}

/** `threadwork score <list> | --contacts <list> -s mid-market-fintech [--dir <dir>] --json`, without a process. */
const scoreJson = <T>(args: ScoreArgs): ReturnType<typeof commandJson<T>> => commandJson<T>(scoreCall(args, true));

/** `threadwork score … [--md]` as printed, without a process. */
const scoreText = (args: ScoreArgs): ReturnType<typeof commandText> => commandText(scoreCall(args, false));

describe('normalising for dedup', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['ACME Inc', 'acme'],
    ['The Acme Corporation', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme Holdings Pty. Ltd.', 'acme holdings'],
    ['Acme S.A.', 'acme'],
    ['Acme AG', 'acme'],
    ['Acme B.V.', 'acme'],
    ['Acme plc', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Société Générale SA', 'societe generale'],
    ['The Company', 'company'],
    ['Inc', 'inc'],
  ])('%j → %j', (name, key) => {
    expect(normalizeCompanyName(name)).toBe(key);
  });

  it('keeps companies whose names only share a suffix apart', () => {
    expect(normalizeCompanyName('Acme Ltd')).not.toBe(normalizeCompanyName('Acme Logistics Ltd'));
  });

  it.each([
    ['https://www.Acme.com/about', 'acme.com'],
    ['http://acme.com:8080', 'acme.com'],
    ['ACME.COM.', 'acme.com'],
    ['www.acme.co.uk', 'acme.co.uk'],
  ])('domain %j → %j', (raw, domain) => {
    expect(normalizeDomain(raw)).toBe(domain);
  });

  it('merges same email across case, never plus-addresses, and never two people at one company', () => {
    const rows = [
      { row: 2, value: { name: 'Ana Ruiz', email: 'Ana@Acme.com' } },
      { row: 3, value: { name: 'Ana Ruiz', email: 'ana@acme.com ' } },
      { row: 4, value: { name: 'Ana R', email: 'ana+crm@acme.com' } },
      { row: 5, value: { name: 'Ben Ode', email: 'ben@acme.com', domain: 'acme.com' } },
    ];
    const groups = groupDuplicates(rows, contactKeys);
    expect(groups.map((g) => g.members.map((m) => m.row))).toEqual([[2, 3], [4], [5]]);
    expect(groups[0]!.keys).toEqual(['email ana@acme.com']);
  });

  it('links accounts transitively through domain and name, and merges fields first non-empty wins', () => {
    const rows = [
      { row: 2, value: { name: 'Acme Inc.', domain: '', industry: 'Freight', technologies: [] as string[] } },
      { row: 3, value: { name: 'Acme Freight', domain: 'acme.com', industry: 'Logistics', technologies: ['Samsara'] } },
      { row: 4, value: { name: 'ACME LLC', domain: 'https://www.acme.com', industry: '', technologies: ['Motive'] } },
      { row: 5, value: { name: 'Beta', domain: 'beta.io', industry: 'Retail', technologies: [] as string[] } },
    ];
    const groups = groupDuplicates(rows, accountKeys);
    expect(groups.map((g) => g.members.map((m) => m.row))).toEqual([[2, 3, 4], [5]]);
    expect(groups[0]!.keys.sort()).toEqual(['company acme', 'domain acme.com']);
    expect(mergeRecords(groups[0]!.members.map((m) => m.value))).toEqual({ name: 'Acme Inc.', domain: 'acme.com', industry: 'Freight', technologies: ['Samsara'] });
  });
});

describe('data quality', () => {
  it('scores a complete, valid contact 1 and lists nothing', () => {
    const q = scoreContactDataQuality({ name: 'Ana Ruiz', email: 'ana@acme.com', title: 'CFO', company: 'Acme', domain: 'acme.com', employees: '250', industry: 'Freight' });
    expect(q).toMatchObject({ score: 1, missing: [], invalid: [] });
  });

  it('weighs each field as documented: invalid email, one name, free mail, bad employees', () => {
    expect(scoreContactDataQuality({ name: 'Ana', email: 'ana@@acme', title: 'CFO', company: 'Acme', domain: 'acme.com', employees: 'lots', industry: 'Freight' })).toMatchObject({
      score: 0.575, // 0 email + 0.075 name + 0.15 title + 0.15 company + 0.10 domain + 0 employees + 0.10 industry
      invalid: ['email', 'employees'],
      missing: [],
    });
    const freeMail = scoreContactDataQuality({ name: 'Ana Ruiz', email: 'ana.ruiz@gmail.com' });
    expect(freeMail.fields.find((f) => f.field === 'email')).toMatchObject({ status: 'partial', value: 0.5 });
    expect(freeMail.missing).toEqual(['title', 'company', 'domain', 'employees', 'industry']);
    expect(freeMail.score).toBe(0.275);
  });

  it('reads the domain from a company email when no domain column is filled', () => {
    expect(scoreContactDataQuality({ email: 'ana@acme.com' }).fields.find((f) => f.field === 'domain')).toMatchObject({ status: 'ok' });
  });

  it.each([
    ['ana@acme.com', true],
    ['ana.ruiz+crm@acme.co.uk', true],
    ['ana@acme', false],
    ['ana@@acme.com', false],
    ['ana..ruiz@acme.com', false],
    ['ana ruiz@acme.com', false],
    ['@acme.com', false],
  ])('email syntax %j is %s', (email, valid) => {
    expect(isValidEmail(email)).toBe(valid);
  });

  it('scores accounts by their own fields', () => {
    expect(scoreAccountDataQuality({ name: 'Acme', domain: 'acme.com', industry: 'Freight', employees: 200, geography: 'US', revenue: '$20M', data_date: '2026-11-01' }).score).toBe(1);
    expect(scoreAccountDataQuality({ name: 'Acme', domain: 'not a domain', revenue: 'lots' })).toMatchObject({ score: 0.2, invalid: ['domain', 'revenue'] });
    expect(scoreAccountDataQuality({ name: 'Acme', data_date: '2026-02-30' }).invalid).toEqual(['data_date']);
    // A data date still to come is no date the data was gathered on, given the day scored as of.
    expect(scoreAccountDataQuality({ name: 'Acme', data_date: '2027-11-01' }, '2026-11-22').fields.find((f) => f.field === 'data_date')).toMatchObject({ status: 'invalid', detail: '2027-11-01 is after 2026-11-22, the day scored as of' });
    expect(scoreAccountDataQuality({ name: 'Acme', data_date: '2026-11-23' }, '2026-11-22').invalid).toEqual([]);
  });
});

describe('threadwork score --contacts', () => {
  it('scores the example contact list: merged duplicates by row, lead band, data quality, what is missing', async () => {
    const result = await scoreJson<ContactRanking>({ list: 'research/customer/lists/fintech-contacts-2026-11.csv', contacts: true });
    expect(result.code).toBe(0);
    const { ranked, duplicates } = result.json;
    expect(duplicates).toEqual([{ rows: [2, 4], kept: 2, keys: expect.arrayContaining(['email maya.okafor@tallyfi.com']) }]);
    expect(ranked).toHaveLength(5);
    const maya = ranked[0]!;
    expect(maya).toMatchObject({ rank: 1, row: 2, rows: [2, 4], name: 'Maya Okafor', leadBand: 'mql', domain: 'tallyfi.com', dataQuality: 1 });
    // The first non-empty value wins: row 2's 2 downloads (10 of 15 points at 3), not row 4's 1.
    expect(maya.detail.lead.find((p) => p.name === 'content')!.points).toBe(10);
    expect(maya.leadScore).toBeGreaterThan(60);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.leadScore).toBeGreaterThanOrEqual(ranked[i]!.leadScore);
    const priya = ranked.find((c) => c.name === 'Priya')!;
    expect(priya.invalid).toEqual(['email', 'employees']);
    expect(priya.dataQuality).toBeLessThan(0.6);
    const lumen = ranked.find((c) => c.email === 'treasury@lumenpayments.com')!;
    expect(lumen.missing).toContain('data.name');
    expect(lumen.disqualified).toEqual([expect.objectContaining({ field: 'geography', value: 'Canada' })]);
    // Sam Lee's row has an address and no email_status: the status is what is missing, not the address.
    const sam = ranked.find((c) => c.name === 'Sam Lee')!;
    expect(sam.email).toBe('sam.lee@gmail.com');
    expect(sam.missing).toContain('contact.email_status');
    expect(sam.missing).not.toContain('contact.email');
    expect(sam.missing).not.toContain('data.email');
    // No engagement counts on Sam's row: the columns to fill in, not the lead score's part names.
    expect(sam.missing).toEqual(expect.arrayContaining(['lead.email_engagements', 'lead.website_visits', 'lead.content_downloads', 'lead.social_engagements']));
    for (const c of ranked) expect(c.missing.filter((m) => /^lead\.(email|website|content|social|companySize|role)$/.test(m)), c.name ?? c.email ?? '').toEqual([]);

    const text = await runCli(['score', '--contacts', 'research/customer/lists/fintech-contacts-2026-11.csv', '-s', 'mid-market-fintech'], { env });
    expect(text.stdout).toMatch(/Maya Okafor/);
    expect(text.stdout).toMatch(/rows 2, 4 merged into row 2/);
    expect(text.stdout).toMatch(/^missing Sam Lee: .*contact\.email_status \(expected the address's verification result, such as verified, valid, catch-all, risky or invalid\)/m);
    expect(text.stdout).not.toMatch(/contact\.email\b(?!_status)/);
    expect(text.stdout).toMatch(/^missing Sam Lee: .*lead\.email_engagements \(expected a count of email opens, clicks and replies; full points at 5\)/m);
    expect(text.stdout).not.toMatch(/lead\.(email|website|companySize|role)\b(?!_)/);
    // An unusable value is named with what was wrong with it, as the JSON's detail says: "invalid employees" alone did not.
    const priyaLine = text.stdout.split('\n').find((l) => l.startsWith('missing Priya:'));
    expect(priyaLine).toMatch(/^missing Priya: invalid email \("[^"]+" is not a valid email address\), invalid employees \("[^"]+" is not a number of employees\), /);
    const md = await runCli(['score', '--contacts', 'research/customer/lists/fintech-contacts-2026-11.csv', '-s', 'mid-market-fintech', '--md'], { env });
    expect(md.stdout).toMatch(/^## Contacts scored against mid-market-fintech/m);
    expect(md.stdout).toMatch(/\| 1 \| 2 \(\+4\) \| Maya Okafor \|/);
  });

  it('reads JSON contact lists, sets aside rows with neither name nor email by row number, and leaves out a count it cannot read', async () => {
    const dir = workspace();
    const list = testdir({ 'contacts.json': JSON.stringify({ contacts: [{ name: 'Ana Ruiz', email: 'ana@x.io', website_visits: 'many' }, { title: 'CFO' }, { email: 'ben@y.io' }] }) });
    const result = await scoreJson<ContactRanking>({ list: `${list}/contacts.json`, contacts: true, dir });
    expect(result.code).toBe(0);
    expect(result.json.ranked.map((c) => c.row).sort()).toEqual([1, 3]);
    expect(result.json.rejected).toEqual([{ row: 2, error: 'expected a name or an email (columns `name`, `first_name`/`last_name` or `email`)' }]);
    expect(result.json.ranked.find((c) => c.row === 1)?.leftOut).toEqual([{ row: 1, field: 'website_visits', detail: 'expected a number of website visits (got "many")' }]);
  });

  it('reads counts as the account list does: 1.200 is twelve hundred employees, and 1,5 engagements is no count (never 15)', async () => {
    const dir = workspace();
    const list = testdir({
      'contacts.csv': 'name;title;email;company;employees;industry;geography;email_engagements\nAna Silva;CFO;ana@acme.com;Acme;1.200;payments;United States;2\nBo Li;CFO;bo@beta.com;Beta;1200;payments;United States;2\nCy Do;CFO;cy@gamma.com;Gamma;1200;payments;United States;1,5\n',
      'accounts.csv': 'name;employees\nDelta;1,5\nEpsilon;15\n',
    });
    const result = await scoreJson<ContactRanking>({ list: `${list}/contacts.csv`, contacts: true, dir });
    expect(result.code).toBe(0);
    const ana = result.json.ranked.find((c) => c.name === 'Ana Silva')!;
    const bo = result.json.ranked.find((c) => c.name === 'Bo Li')!;
    expect(ana.leadScore).toBe(bo.leadScore);
    expect(ana.invalid).toEqual([]);
    expect(ana.detail.lead.find((p) => p.name === 'companySize')!.points).toBe(bo.detail.lead.find((p) => p.name === 'companySize')!.points);
    expect(result.json.rejected).toEqual([]);
    expect(result.json.ranked.find((c) => c.name === 'Cy Do')?.leftOut).toEqual([{ row: 4, field: 'email_engagements', detail: 'expected a number of email engagements (got "1,5")' }]);
    const accounts = await scoreJson<AccountRanking>({ list: `${list}/accounts.csv`, dir });
    expect(accounts.json.rejected).toEqual([]);
    expect(accounts.json.ranked.find((a) => a.name === 'Delta')?.leftOut).toEqual([{ row: 2, field: 'employees', detail: 'expected a number of employees or a band such as 480, 201-500 or 10,001+ (got "1,5")' }]);
  });

  it('reads a CRM\'s contact export as the plain columns: HubSpot\'s engagement counts, Salesforce\'s Mailing Country, Pipedrive\'s Person - …', async () => {
    const dir = workspace();
    const list = testdir({
      'hubspot.csv': 'First Name,Last Name,Email,Job Title,Company Name,Country/Region,Marketing emails opened,Number of Sessions,Number of Form Submissions\nAna,Silva,ana@acme.com,CFO,Acme,United States,4,7,2\n',
      'salesforce.csv': 'First Name,Last Name,Email,Title,Account Name,Mailing Country,Email Opens,Visits,Downloads\nAna,Silva,ana@acme.com,CFO,Acme,United States,4,7,2\n',
      'pipedrive.csv': 'Person - Name;Person - Email;Person - Job title;Person - Organization;Organization - Country;Email opens;Visits;Downloads\nAna Silva;ana@acme.com;CFO;Acme;United States;4;7;2\n',
      'plain.csv': 'name,email,title,company,geography,email_engagements,website_visits,content_downloads\nAna Silva,ana@acme.com,CFO,Acme,United States,4,7,2\n',
    });
    const pick = (r: ContactRanking & { ignoredColumns: string[] }) => ({ ignored: r.ignoredColumns, ranked: r.ranked.map((c) => ({ name: c.name, leadScore: c.leadScore, missing: c.missing })) });
    const plain = await scoreJson<ContactRanking & { ignoredColumns: string[] }>({ list: `${list}/plain.csv`, contacts: true, dir });
    expect(plain.json.ranked[0]!.missing).not.toContain('lead.email_engagements');
    for (const crm of ['hubspot', 'salesforce', 'pipedrive']) {
      const exported = await scoreJson<ContactRanking & { ignoredColumns: string[] }>({ list: `${list}/${crm}.csv`, contacts: true, dir });
      expect({ crm, ...pick(exported.json) }).toEqual({ crm, ...pick(plain.json) });
    }
  });

  it('refuses both an account list and --contacts, or neither', async () => {
    for (const args of [['score', '-s', 'mid-market-fintech'], ['score', 'a.csv', '--contacts', 'b.csv', '-s', 'mid-market-fintech']]) {
      const result = await runCli(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/not both and not neither/);
    }
  });
});

describe('threadwork score (accounts): duplicates merged and reported by row', () => {
  it('merges the same company under suffix variants and the same domain into one ranked row', async () => {
    const list = testdir({
      'accounts.csv': [
        'name,domain,industry,employees,revenue,geography,technologies,signals,data_date,email_status',
        'Tallyfi Inc.,tallyfi.com,payments,480,$70M,United States,NetSuite; Stripe,funding,2026-11-02,verified',
        'Crest Lending,crestlend.com,lending,300,45M,United States,NetSuite,regulatory,2026-10-15,verified',
        'TALLYFI LLC,,,,,,Adyen,hiring,,',
        'Tally Finance,https://www.tallyfi.com/,payments,,,,,,,',
        'Crest Lending GmbH,,lending,,,,,,,',
      ].join('\n'),
    });
    const result = await scoreJson<AccountRanking>({ list: `${list}/accounts.csv` });
    expect(result.code).toBe(0);
    const { ranked, duplicates } = result.json;
    expect(ranked.map((a) => [a.name, a.rows])).toEqual([
      ['Tallyfi Inc.', [2, 4, 5]],
      ['Crest Lending', [3, 6]],
    ]);
    expect(duplicates).toEqual([
      { rows: [2, 4, 5], kept: 2, keys: expect.arrayContaining(['company tallyfi', 'domain tallyfi.com']) },
      { rows: [3, 6], kept: 3, keys: ['company crest lending'] },
    ]);
    const text = await scoreText({ list: `${list}/accounts.csv` });
    expect(text.stdout).toMatch(/rows 2, 4, 5 merged into row 2/);
    const md = await scoreText({ list: `${list}/accounts.csv`, md: true });
    expect(md.stdout).toMatch(/### Duplicates merged/);
  });

  it('caps and names a disqualified account in the ranking', async () => {
    const result = await scoreJson<AccountRanking>({ list: 'research/customer/lists/fintech-accounts-2026-11.csv' });
    const lumen = result.json.ranked.find((a) => a.name === 'Lumen Payments')!;
    expect(lumen.score).toBeLessThanOrEqual(0.3);
    expect(lumen.disqualified).toEqual([expect.objectContaining({ field: 'geography' })]);
  });
});

describe('threadwork score: values with line breaks or pipes keep the tables whole', () => {
  const csv = 'name,title,email,company,industry\n"Maya Okafor","VP\nFinance",maya@tallyfi.com,"Tallyfi | Payments",payments\nDev Raman,CFO,dev@crest.com,Crest,lending\n';

  it('--md escapes the pipe and folds the line break, so every row has the header\'s columns', async () => {
    const dir = workspace();
    const list = testdir({ 'contacts.csv': csv, 'accounts.csv': 'name,industry\n"Tallyfi | Payments","pay\nments"\n' });
    for (const args of [{ list: `${list}/contacts.csv`, contacts: true }, { list: `${list}/accounts.csv` }]) {
      const md = await scoreText({ ...args, md: true, dir, today: false });
      expect(md.code).toBe(0);
      const rows = md.stdout.split('\n').filter((line) => line.startsWith('|'));
      const columnsOf = (line: string): number => line.split(/(?<!\\)\|/).length;
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) expect(columnsOf(row), row).toBe(columnsOf(rows[0]!));
      expect(md.stdout).toContain('Tallyfi \\| Payments');
    }
  });

  it('the terminal table keeps each contact on one line', async () => {
    const dir = workspace();
    const list = testdir({ 'contacts.csv': csv });
    const text = await scoreText({ list: `${list}/contacts.csv`, contacts: true, dir, today: false });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Maya Okafor +VP Finance +Tallyfi \| Payments/);
    const boxLines = text.stdout.split('\n').filter((line) => line.startsWith('│'));
    expect(new Set(boxLines.map((line) => line.length)).size).toBe(1);
  });

  it('the notes under the table (disqualified, missing) name a company or contact on one line too', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'name,geography\n"Beta\nCorp","Ger\nmany"\n', 'contacts.csv': 'name,email\n"Maya\nOkafor",maya@tallyfi.com\n' });
    // The example workspace's ICP has the geography disqualifier.
    const text = await scoreText({ list: `${list}/accounts.csv` });
    expect(text.stdout).toContain(' Beta Corp: "Headquartered outside United States, United Kingdom" (geography: Ger many); capped at 0.30');
    const md = await scoreText({ list: `${list}/accounts.csv`, md: true });
    expect(md.stdout).toContain('- Beta Corp: "Headquartered outside United States, United Kingdom" (geography: Ger many); score capped at 0.30');
    const contacts = await scoreText({ list: `${list}/contacts.csv`, contacts: true, dir, today: false });
    expect(contacts.stdout).toMatch(/missing\S* Maya Okafor: /);
    expect(contacts.stdout).not.toContain('Maya\nOkafor');
  });
});
