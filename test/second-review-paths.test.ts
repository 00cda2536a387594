import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseContacts, readContacts } from '../src/accounts/contacts.js';
import { parseAccounts, readAccounts } from '../src/accounts/read.js';
import { openWorkspace } from '../src/api.js';
import { advanceCommand } from '../src/cli/commands/advance.js';
import { campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { scoreIntent } from '../src/scoring/intent.js';
import { matchTrigger } from '../src/scoring/triggers.js';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { commandJson, commandJsonAsCli } from './helpers/in-process.js';

/*
 * What a second new-user review met in campaigns, score and history: values written where
 * the user looks but counted elsewhere, and answers that said less than they knew.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
const TODAY = { THREADWORK_TODAY: '2026-12-01' };
type JsonError = { ok: false; error: { code: string; message: string } & Record<string, unknown> };

function editFile(dir: string, path: string, edit: (text: string) => string): void {
  const file = join(dir, path);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

describe("a campaign's links written in Stage 1 only", () => {
  it('is warned about at the Stage 1 key, naming what meta.json counts instead', async () => {
    const dir = exampleWorkspaceCopy();
    editFile(dir, `${CAMPAIGN}/meta.json`, (t) => t.replace(/ {2}"goal_id": "g-fintech-beachhead",\n {2}"subgoal": "SG1",\n/, ''));
    editFile(dir, `${CAMPAIGN}/1-input.md`, (t) => t.replace('segment: mid-market-fintech', 'segment: ecommerce-finance'));
    const result = await (await openWorkspace(dir)).check();
    const warnings = result.diagnostics.filter((d) => d.rule === 'campaign-links-disagree');
    expect(warnings).toMatchObject([
      {
        path: `${CAMPAIGN}/1-input.md`,
        line: 3,
        column: 10,
        severity: 'warning',
        message: 'Campaign Stage 1 names goal `g-fintech-beachhead` but its meta.json names none: the campaign counts toward no goal; expected `"goal_id": "g-fintech-beachhead"` in meta.json, the link the goals count (or `goal_id: null` here)',
      },
      {
        path: `${CAMPAIGN}/1-input.md`,
        line: 4,
        message: 'Campaign Stage 1 names segment `ecommerce-finance` but its meta.json names `mid-market-fintech`, the one counted: the campaign counts toward `mid-market-fintech`; expected the same segment in both — `segment: mid-market-fintech` here if the campaign moved to it, or `"segment": "ecommerce-finance"` in meta.json if it did not',
      },
    ]);
    expect(result.ok).toBe(true);
  });

  it('is not warned about in the example, where both files agree', async () => {
    const result = await (await openWorkspace(exampleWorkspaceCopy())).check();
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('campaign-links-disagree');
  });

  it("still gives the deal a positive reply opens the goal Stage 1 declares, when meta.json names none", async () => {
    const dir = exampleWorkspaceCopy();
    editFile(dir, `${CAMPAIGN}/meta.json`, (t) => t.replace(/ {2}"goal_id": "g-fintech-beachhead",\n {2}"subgoal": "SG1",\n/, ''));
    vi.stubEnv('THREADWORK_TODAY', TODAY.THREADWORK_TODAY);
    const reply = await commandJson<{ deal: { path: string } }>(() => campaignReplyCommand(CAMPAIGN, 'hbrooks@tallyfi.com', { text: 'Yes, happy to talk next week', commit: true }, { dir, json: true }));
    expect(reply.code).toBe(0);
    expect(reply.json.deal.path).toBe('threads/sales/tallyfi');
    const meta = JSON.parse(readFileSync(join(dir, 'threads/sales/tallyfi/meta.json'), 'utf8')) as Record<string, unknown>;
    expect(meta).toMatchObject({ goal_id: 'g-fintech-beachhead', segment: 'mid-market-fintech', source: 'campaign:2026-09-15-fintech-controller-outbound' });
  });

  it('is shown by the check command as a warning with its place', async () => {
    const dir = exampleWorkspaceCopy();
    editFile(dir, `${CAMPAIGN}/1-input.md`, (t) => t.replace('goal_id: g-fintech-beachhead', 'goal_id: g-arr-500k-2026'));
    const { code, stdout } = await runCli(['check'], { cwd: dir, env: TODAY });
    expect(code).toBe(0);
    expect(stdout).toContain(`${CAMPAIGN}/1-input.md:3:10 warning Campaign Stage 1 names goal \`g-arr-500k-2026\` but its meta.json names \`g-fintech-beachhead\``);
  });
});

describe('advance past a decision not to act', () => {
  const KEEL = 'threads/sales/keel-neobank';

  it('is refused for a DEFER, naming its revisit and the decision that would act, nothing written', async () => {
    const dir = exampleWorkspaceCopy();
    const answer = await commandJsonAsCli<JsonError>(() => advanceCommand('keel-neobank', { commit: true }, { dir, json: true }));
    expect(answer.code).toBe(1);
    expect(answer.json.error).toMatchObject({ code: 'decision-not-to-act', thread: KEEL, decision: 'DEFER', revisit: '2027-01-15', path: `${KEEL}/4-decision.md`, line: 2, column: 11 });
    expect(answer.json.error.message).toBe(
      `Cannot advance ${KEEL}: 4-decision.md decides DEFER (${KEEL}/4-decision.md:2:11), and 5-actions.md follows a decision to act — a DEFER waits for its revisit (2027-01-15: \`threadwork due\` lists it then) and is decided again there. To act on the deal now, change \`decision\` to QUALIFY in 4-decision.md and advance again`,
    );
    expect(existsSync(join(dir, KEEL, '5-actions.md'))).toBe(false);
  });

  it('is refused for a REJECT by the CLI process, and goes ahead once the decision is QUALIFY', async () => {
    const dir = exampleWorkspaceCopy();
    editFile(dir, `${KEEL}/4-decision.md`, (t) => t.replace('decision: DEFER', 'decision: REJECT'));
    const refused = await runCli(['advance', 'keel-neobank'], { cwd: dir, env: TODAY });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error: Cannot advance threads/sales/keel-neobank: 4-decision.md decides REJECT');
    expect(refused.stderr).toContain('a REJECT ends the deal at Stage 4, where it counts as rejected');
    expect(existsSync(join(dir, KEEL, '5-actions.md'))).toBe(false);
    editFile(dir, `${KEEL}/4-decision.md`, (t) => t.replace('decision: REJECT', 'decision: QUALIFY'));
    const acted = await commandJsonAsCli<{ created: string }>(() => advanceCommand('keel-neobank', { commit: true }, { dir, json: true }));
    expect(acted.code).toBe(0);
    expect(acted.json.created).toBe(`${KEEL}/5-actions.md`);
  });
});

describe('score: signals that plainly name a trigger', () => {
  const FINTECH_TRIGGERS = ['A new funding round or a new payment provider going live', 'An audit finding or a qualified opinion on cash controls', 'A new controller or VP of Finance in the first 90 days'];

  it('match it however the role or the event is worded', () => {
    expect(matchTrigger('new CFO hired', FINTECH_TRIGGERS)).toMatchObject({ trigger: FINTECH_TRIGGERS[2], matched: 2, of: 2 });
    expect(matchTrigger('Appointed a Head of Finance', FINTECH_TRIGGERS)).toMatchObject({ trigger: FINTECH_TRIGGERS[2] });
    expect(matchTrigger('added Adyen as a new payment provider', FINTECH_TRIGGERS)).toMatchObject({ trigger: FINTECH_TRIGGERS[0], matched: 4, of: 4 });
    expect(matchTrigger('Checkout.com went live as their new payment provider', FINTECH_TRIGGERS)).toMatchObject({ trigger: FINTECH_TRIGGERS[0] });
  });

  it('do not match when only the folded words agree', () => {
    expect(matchTrigger('Hired 20 engineers', FINTECH_TRIGGERS)).toBeUndefined();
    expect(matchTrigger('New CTO joined from Stripe', FINTECH_TRIGGERS)).toBeUndefined();
    expect(matchTrigger('Added a new office in Austin', FINTECH_TRIGGERS)).toBeUndefined();
  });

  // A bare "controller" leads finance (the example's trigger says "a new controller"); a controller of something else does not.
  it('read a new controller as a new finance leader, but not a credit, data or machine controller', () => {
    expect(matchTrigger('New Controller joined in October', FINTECH_TRIGGERS)).toMatchObject({ trigger: FINTECH_TRIGGERS[2] });
    expect(matchTrigger('Hiring a financial controller', FINTECH_TRIGGERS)).toMatchObject({ trigger: FINTECH_TRIGGERS[2] });
    expect(matchTrigger('Hiring a credit controller', FINTECH_TRIGGERS)).toBeUndefined();
    expect(matchTrigger('Appointed a new data controller under GDPR', FINTECH_TRIGGERS)).toBeUndefined();
    expect(matchTrigger('New PLC controller firmware rolled out', FINTECH_TRIGGERS)).toBeUndefined();
  });

  it('count two triggers as two reasons to buy, one trigger twice as one', () => {
    const two = scoreIntent(['New CFO hired in March', 'Audit finding on cash reconciliation'], FINTECH_TRIGGERS);
    expect(two.component.value).toBe(0.95);
    const same = scoreIntent(['New CFO hired in March', 'New VP of Finance appointed'], FINTECH_TRIGGERS);
    expect(same.component.value).toBe(0.9);
    expect(same.factors[1]?.detail).toContain('repeats that trigger, counted once');
  });

  it('are scored by the score command, and a signal that counts for nothing is named under the table', async () => {
    const dir = exampleWorkspaceCopy();
    const csv = join(dir, 'accounts.csv');
    writeFileSync(
      csv,
      [
        'company,domain,industry,employees,revenue,geography,technologies,signals',
        'Tallyfi,tallyfi.com,payments,400,$60M,United States,"NetSuite, Stripe",new CFO hired',
        'Zeta Pay,zetapay.com,payments,500,$80M,United States,NetSuite,Moved to a bigger building',
      ].join('\n'),
    );
    const { code, stdout } = await runCli(['score', csv, '--segment', 'mid-market-fintech'], { cwd: dir, env: { ...TODAY, NO_COLOR: '1' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Tallyfi +0\.\d\d +\S+ +\S+ +0\.88 +0\.90 /);
    expect(stdout).toContain('not counted Zeta Pay (row 3): "Moved to a bigger building" matches none of the segment\'s 3 triggers and no signal type\n');
    expect(stdout).not.toContain('not counted Tallyfi');
  });
});

describe('score: columns the list has that the score does not read', () => {
  it('are named under the ranking as the file writes them, and `# Employees` is read as employees', async () => {
    const dir = exampleWorkspaceCopy();
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, ['Company Name,Website,Industry,# Employees,Annual Revenue ($),Country,Owner Notes,Lead Source,', 'Tallyfi,tallyfi.com,payments,400,$60M,United States,called twice,webinar,'].join('\n'));
    const { code, stdout } = await runCli(['score', csv, '--segment', 'mid-market-fintech'], { cwd: dir, env: { ...TODAY, NO_COLOR: '1' } });
    expect(code).toBe(0);
    expect(stdout).toContain('ignored Owner Notes, Lead Source — these columns are not read by the score (docs/scoring.md lists the columns it reads)');
    const scored = await scoreAccountsOf(dir, csv);
    expect(scored.ignoredColumns).toEqual(['Owner Notes', 'Lead Source']);
    expect(scored.ranked[0]?.factors.find((f) => f.name === 'employees')).toMatchObject({ status: 'computed', value: 1 });
    expect(scored.ranked[0]?.factors.find((f) => f.name === 'revenue')).toMatchObject({ status: 'computed', value: 1 });
  });

  it('are named for a contact list and a JSON list too, and none when every column is read', async () => {
    const dir = exampleWorkspaceCopy();
    const contacts = join(dir, 'contacts.csv');
    writeFileSync(contacts, ['First Name,Last Name,Job Title,Email,Company,Favourite Colour', 'Ann,Lee,CFO,ann@tallyfi.com,Tallyfi,teal'].join('\n'));
    const workspace = await openWorkspace(dir);
    expect((await workspace.scoreContacts('mid-market-fintech', readContacts(contacts))).ignoredColumns).toEqual(['Favourite Colour']);
    const json = join(dir, 'accounts.json');
    writeFileSync(json, JSON.stringify([{ name: 'Tallyfi', employees: 400, crm_id: 'A-1' }, { name: 'Quay', stage: 'lead' }]));
    expect((await scoreAccountsOf(dir, json)).ignoredColumns).toEqual(['crm_id', 'stage']);
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, ['name,domain,employees', 'Tallyfi,tallyfi.com,400'].join('\n'));
    expect((await scoreAccountsOf(dir, plain)).ignoredColumns).toEqual([]);
  });
});

async function scoreAccountsOf(dir: string, file: string): Promise<{ ignoredColumns: string[]; ranked: { factors: { name: string; status: string; value: number | null }[] }[] }> {
  const workspace = await openWorkspace(dir);
  return workspace.scoreAccounts('mid-market-fintech', readAccounts(file));
}

describe('a campaign closed while prospects are still in its sequence', () => {
  it('is warned about at `closed`, naming them; prospects whose sequence ended are not', async () => {
    const dir = exampleWorkspaceCopy();
    editFile(dir, `${CAMPAIGN}/5-actions.md`, (t) =>
      t
        .replace('company: Tallyfi, title: Controller, status: replied,', 'company: Tallyfi, title: Controller, status: active, touches_done: 2,')
        .replace('company: ParcelPay, title: Controller, status: completed,', 'company: ParcelPay, title: Controller, status: queued,')
        // Every touch sent: nothing was cut off for her.
        .replace('company: Quay Credit, title: Head of Accounting, status: meeting,', 'company: Quay Credit, title: Head of Accounting, status: active, touches_done: 5,'),
    );
    const result = await (await openWorkspace(dir)).check();
    const warnings = result.diagnostics.filter((d) => d.rule === 'closed-mid-sequence');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ path: `${CAMPAIGN}/6-learning.md`, severity: 'warning' });
    expect(warnings[0]?.message).toMatch(/^Campaign closed on 2026-\d\d-\d\d with 2 prospects still in its sequence \(Hannah Brooks, Daniel Kim\): closing stops their touches/);
    const line = readFileSync(join(dir, CAMPAIGN, '6-learning.md'), 'utf8').split('\n').findIndex((l) => l.startsWith('closed:')) + 1;
    expect(warnings[0]?.line).toBe(line);
  });

  /* The fourth review: a prospect on the suppression list was named as still in the sequence. */
  it('does not name a prospect on the suppression list, who is in no sequence — and sees the list change', async () => {
    const dir = exampleWorkspaceCopy();
    editFile(dir, `${CAMPAIGN}/5-actions.md`, (t) =>
      t
        .replace('company: Tallyfi, title: Controller, status: replied,', 'company: Tallyfi, title: Controller, status: active, touches_done: 2,')
        .replace('company: ParcelPay, title: Controller, status: completed,', 'company: ParcelPay, title: Controller, status: queued,'),
    );
    const ws = await openWorkspace(dir, { warm: true });
    const before = (await ws.check()).diagnostics.find((d) => d.rule === 'closed-mid-sequence');
    expect(before?.message).toMatch(/with 2 prospects still in its sequence \(Hannah Brooks, Daniel Kim\)/);
    const email = /name: Daniel Kim, email: ([^,\s]+)/.exec(readFileSync(join(dir, CAMPAIGN, '5-actions.md'), 'utf8'))![1]!;
    writeFileSync(join(dir, 'threads/sales/campaigns/suppression.yaml'), `suppressed:\n  - {email: ${email.toUpperCase()}, reason: asked, date: 2026-10-01}\n`);
    // A warm workspace checks again after the list changed alone: the warning follows it.
    const after = (await ws.check()).diagnostics.find((d) => d.rule === 'closed-mid-sequence');
    expect(after?.message).toMatch(/with 1 prospect still in its sequence \(Hannah Brooks\)/);
    await ws.close();
  });

  it('is not warned about in the example, whose prospects all left the sequence before it closed', async () => {
    const result = await (await openWorkspace(exampleWorkspaceCopy())).check();
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('closed-mid-sequence');
  });
});

describe("a campaign's results in the sync's changes (watch, the commit body, history)", () => {
  const resultsLines = (changes: readonly { description: string }[]): string[] => changes.map((c) => c.description).filter((d) => d.startsWith(`${CAMPAIGN} results:`));

  it('name the figures that moved, and a rule only when it starts or stops firing', async () => {
    const dir = exampleWorkspaceCopy();
    const workspace = await openWorkspace(dir);
    // Records what the blocks show as this version summarises them (a summary recorded by an
    // older version names the rules alone: the first line after an upgrade names only them).
    expect((await workspace.sync()).written).toEqual([]);
    editFile(dir, `${CAMPAIGN}/6-learning.md`, (t) => t.replace('  spam_complaints: 0\n', '  spam_complaints: 1\n'));
    // One complaint in 231 delivered rounds to 0%: only the rule moved.
    expect(resultsLines((await workspace.sync()).changes)).toEqual([`${CAMPAIGN} results: rules no rule fires → spam-complaint`]);
    // The rule still fires: more replies are the reply rate moving, not a new complaint.
    editFile(dir, `${CAMPAIGN}/6-learning.md`, (t) => t.replace('  replied: 14\n', '  replied: 30\n'));
    expect(resultsLines((await workspace.sync()).changes)).toEqual([`${CAMPAIGN} results: reply rate 6% → 13%`]);
    // A second complaint: what the rule found moved, and the line says so.
    editFile(dir, `${CAMPAIGN}/6-learning.md`, (t) => t.replace('  spam_complaints: 1\n', '  spam_complaints: 2\n'));
    expect(resultsLines((await workspace.sync()).changes)).toEqual([`${CAMPAIGN} results: spam complaint rate 0% → 1%, spam-complaint: 1 spam complaint → 2 spam complaints`]);
  });
});

describe('a results block never recorded (a fresh clone)', () => {
  it('is read back, so only what moved is named', async () => {
    const dir = exampleWorkspaceCopy();
    rmSync(join(dir, '.git', 'threadwork-derived.json'), { force: true });
    editFile(dir, `${CAMPAIGN}/6-learning.md`, (t) => t.replace('  meetings: 6\n', '  meetings: 12\n'));
    const changes = (await (await openWorkspace(dir)).sync()).changes.map((c) => c.description);
    expect(changes).toContain(`${CAMPAIGN} results: meeting rate 3% → 5%`);
  });
});

describe('history of an assumption', () => {
  it('names as triggers the files that could move it, not a reply record committed beside them', async () => {
    const dir = exampleWorkspaceCopy();
    // A5's result in the campaign's learning edited (variant A now wins audit-subject, which supports B), not synced;
    // then a reply is recorded, whose commit takes the edit along.
    editFile(dir, `${CAMPAIGN}/6-learning.md`, (t) => t.replace('opened: 45,', 'opened: 62,').replace('B: {sent: 120, delivered: 116, opened: 62,', 'B: {sent: 120, delivered: 116, opened: 45,'));
    vi.stubEnv('THREADWORK_TODAY', TODAY.THREADWORK_TODAY);
    const reply = await commandJson<{ recorded: string }>(() => campaignReplyCommand(CAMPAIGN, 'hbrooks@tallyfi.com', { text: 'Not a priority for us this year, thanks', commit: true }, { dir, json: true }));
    expect(reply.code).toBe(0);
    const committed = git(dir, 'show', '--format=%B', '--no-patch', 'HEAD');
    expect(committed).toContain(`Threadwork-Trigger: ${reply.json.recorded}`);
    const history = await (await openWorkspace(dir)).history('A5');
    expect(history.entries[0]?.changes.join('\n')).toMatch(/^A5 /);
    expect(history.entries[0]?.triggers).toContain(`${CAMPAIGN}/6-learning.md`);
    expect(history.entries[0]?.triggers).not.toContain(reply.json.recorded);
  });

  it('says which commits outside threadwork changed it, newest first: its own entry, not another of the same file', async () => {
    const dir = exampleWorkspaceCopy();
    editFile(dir, 'strategy/canvas/10-assumptions.md', (t) => t.replace('    prior: 0.55\n', '    prior: 0.6\n'));
    git(dir, 'commit', '-qam', 'Raise the A5 prior after the board meeting');
    // The same file, another assumption: A5's trail does not list it, A1's does.
    editFile(dir, 'strategy/canvas/10-assumptions.md', (t) => t.replace('more than five days a month on reconciliation', 'more than four days a month on reconciliation'));
    git(dir, 'commit', '-qam', 'Reword A1');
    editFile(dir, 'goals/g-fintech-beachhead.md', (t) => `${t}\nNote from the offsite.\n`);
    git(dir, 'commit', '-qam', 'Offsite note');
    const history = await (await openWorkspace(dir)).history('A5');
    expect(history.outside).toEqual([expect.objectContaining({ subject: 'Raise the A5 prior after the board meeting' })]);
    expect((await (await openWorkspace(dir)).history('A1')).outside.map((c) => c.subject)).toEqual(['Reword A1']);
    expect((await (await openWorkspace(dir)).history('g-fintech-beachhead')).outside.map((c) => c.subject)).toEqual(['Offsite note']);
    const { code, stdout } = await runCli(['history', 'A5'], { cwd: dir, env: { ...TODAY, NO_COLOR: '1' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 commit outside threadwork changed A5 in strategy\/canvas\/10-assumptions\.md \(not described above: it carries no Threadwork-\* trailers\):\n {4}\S+ \S+ [0-9a-f]{10} Raise the A5 prior after the board meeting/);
  });
});

describe('score: the domain in its answer', () => {
  it('is the domain the score compared, as the duplicates were merged by it; one that is none stays as written', async () => {
    const workspace = await openWorkspace(exampleWorkspaceCopy());
    const accounts = await workspace.scoreAccounts('mid-market-fintech', parseAccounts([{ name: 'Acme', domain: 'https://www.Acme.com/about' }, { name: 'Beta', domain: 'not a domain' }]));
    expect(Object.fromEntries(accounts.ranked.map((a) => [a.name, a.domain]))).toEqual({ Acme: 'acme.com', Beta: 'not a domain' });
    const contacts = await workspace.scoreContacts('mid-market-fintech', parseContacts([{ name: 'Ana Ruiz', email: 'ana@acme.com', domain: 'WWW.acme.com' }]));
    expect(contacts.ranked[0]?.domain).toBe('acme.com');
  });
});
