import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignDraftCommand, campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { dueCommand } from '../src/cli/commands/due.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { REPO_ROOT, runCli } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { commandJson, commandText } from './helpers/in-process.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { connectMcp } from './helpers/mcp.js';
import { preparedCopySync } from './helpers/prepared.js';
import { dealNewInProcess } from './helpers/threads.js';
import { workspace } from './helpers/workspace.js';

const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';

/*
 * Speed: a CLI process costs one to two seconds on the loaded two-core machine. Where a
 * test is about what due, campaign reply, campaign draft, check or report answer rather
 * than the process, it runs the commands' own functions (commandJson: the JSON and exit
 * code `… --json` prints), with `env` (THREADWORK_TODAY) pinned as the CLI run had it.
 * Each command keeps real CLI runs for its printed text, its refusals on stderr and exit 1:
 * due, sync, campaign draft and reply, the campaigns and win/loss reports; MCP is real.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

function inProcess<T>(command: () => Promise<{ json: unknown; exitCode: 0 | 1 }>, env: Record<string, string> = {}): ReturnType<typeof commandJson<T>> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return commandJson<T>(command);
}

/** `threadwork due --date <date> --json --dir <dir>`, without a process. */
const dueJson = <T>(dir: string, date: string): ReturnType<typeof commandJson<T>> => inProcess<T>(() => dueCommand({ date }, { dir, json: true }));

/** `threadwork check --json --dir <dir>`, without a process. */
const checkJson = <T>(dir: string, env: Record<string, string> = {}): ReturnType<typeof commandJson<T>> => inProcess<T>(() => checkCommand({}, { dir, json: true }), env);

/** `threadwork campaign reply <campaign> <email> --text … [--date …] --json --dir <dir>`, without a process. */
const replyJson = <T>(dir: string, campaign: string, email: string, flags: { text: string; date?: string }, env: Record<string, string> = {}): ReturnType<typeof commandJson<T>> =>
  inProcess<T>(() => campaignReplyCommand(campaign, email, { ...flags, commit: true }, { dir, json: true }), env);

/** `threadwork campaign draft <campaign> --json --dir <dir>`, without a process. */
const draftJson = <T>(dir: string, campaign: string, env: Record<string, string> = {}): ReturnType<typeof commandJson<T>> =>
  inProcess<T>(() => campaignDraftCommand(campaign, { commit: true }, { dir, json: true }), env);

/** `threadwork report <name> --json --dir <dir>`, without a process. */
const reportJson = <T = Record<string, unknown>>(name: string, dir: string): ReturnType<typeof commandJson<T>> => inProcess<T>(() => reportCommand(name, {}, { dir, json: true }));

/** A git repository holding the campaign; built once per file for each prospects/learning pair, a copy per test. */
function campaignWorkspace(prospects: string, learning?: string): string {
  return preparedCopySync(JSON.stringify([prospects, learning]), () => buildCampaignWorkspace(prospects, learning));
}

function buildCampaignWorkspace(prospects: string, learning?: string): string {
  const files: Record<string, string> = {
    [`${CAMPAIGN}/meta.json`]: JSON.stringify({ id: '2026-01-26-month-end', type: 'sales-campaign', title: 'Month end', segment: 'mid-market-fintech', source: 'outbound', created: '2026-01-26' }),
    [`${CAMPAIGN}/1-input.md`]: md('goal: Meetings\nsegment: mid-market-fintech\ndate: 2026-01-26'),
    [`${CAMPAIGN}/2-hypothesis.md`]: md('tests: [A1]'),
    [`${CAMPAIGN}/3-implication.md`]: md('expected_meetings: 5'),
    [`${CAMPAIGN}/4-decision.md`]: md('decision: LAUNCH'),
    [`${CAMPAIGN}/5-actions.md`]: md(`sequence:\n  preset: five-touch-cold\n  start: 2026-01-26\nprospects:\n${prospects}`),
  };
  if (learning) files[`${CAMPAIGN}/6-learning.md`] = learning;
  const dir = workspace(files);
  gitInit(dir);
  return dir;
}

const PROSPECTS = [
  '  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, title: Controller, status: active}',
  '  - {name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, title: CFO, status: active, started: 2026-01-29}',
  '  - {name: Alan Turing, email: alan@enigma.example, company: Enigma Pay, status: replied}',
  '  - {name: Edsger Dijkstra, email: edsger@shortest.example, company: Shortest Path, status: bounced}',
].join('\n');

interface Due {
  due: { campaign: string; prospect: { email: string }; touch: number; due: string; overdue: boolean }[];
}

describe('threadwork due', () => {
  it.each([
    ['2026-01-26', [['ada@analytical.example', 1, '2026-01-26']]],
    ['2026-01-29', [['ada@analytical.example', 1, '2026-01-26'], ['grace@cobol.example', 1, '2026-01-29']]],
  ])('lists the touches due on %s across month ends, skipping stopped prospects', async (date, expected) => {
    const dir = campaignWorkspace(PROSPECTS);
    const result = await dueJson<Due>(dir, date);
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    expect(result.json.due.map((d) => [d.prospect.email, d.touch, d.due])).toEqual(expected);
  });

  it('moves to the next touch once one is done, and touch 2 of a Jan 29 start falls in February', async () => {
    const dir = campaignWorkspace('  - {name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, status: active, started: 2026-01-29, touches_done: 1}');
    const result = await dueJson<Due>(dir, '2026-02-01');
    expect(result.json.due.map((d) => [d.touch, d.due])).toEqual([[2, '2026-02-01']]);
  });
});

describe('threadwork due on a campaign whose 5-actions.md is broken', () => {
  it('lists nothing for it from the committed version (where an unsubscribe just written would not be), and says which file holds it', async () => {
    const dir = campaignWorkspace(PROSPECTS);
    const actions = `${CAMPAIGN}/5-actions.md`;
    // Ada is marked unsubscribed by hand; a typo on the next line breaks the file.
    writeFiles(dir, {
      [actions]: read(dir, actions)
        .replace('title: Controller, status: active}', 'title: Controller, status: unsubscribed}')
        .replace('email: grace@cobol.example', 'email: grace at cobol.example'),
    });
    const result = await dueJson<Due & { held: { campaign: string; path: string; line: number; column: number; message: string }[] }>(dir, '2026-01-29');
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    expect(result.json.due).toEqual([]);
    expect(result.json.held).toEqual([{ campaign: CAMPAIGN, path: actions, line: 7, column: 33, message: expect.stringContaining('expected an email address') }]);
    const text = await runCli(['due', '--date', '2026-01-29', '--dir', dir]);
    // The line names the error, as check would, not only where it is.
    expect(text.stdout).toContain(`held  ${CAMPAIGN}: ${actions}:7:33 error ${result.json.held[0]!.message} — nothing is listed for this campaign until it is fixed\n`);
  });
});

/**
 * A campaign with a cross-file error (an unknown segment) is held by sync at HEAD, none of
 * its changes committed; `due` listed its touches from the files on disk with no word about
 * it. It now lists nothing for it, as for a misnamed stage file, and names the error.
 */
describe('threadwork due on a campaign sync holds for a cross-file error', () => {
  it('lists nothing for it and names the error that holds it, in the CLI and the MCP tool', async () => {
    const dir = campaignWorkspace(PROSPECTS);
    const meta = `${CAMPAIGN}/meta.json`;
    writeFiles(dir, { [meta]: read(dir, meta).replace('"segment":"mid-market-fintech"', '"segment":"mid-market-fintch"') });
    const sync = await runCli(['sync', '--dry-run', '--dir', dir]);
    expect(sync.stdout).toContain(`values derived from ${CAMPAIGN} are held at its version in HEAD, because of the error at ${meta}:1:`);
    const result = await dueJson<Due & { held: { campaign: string; path: string; line: number; column: number; message: string }[] }>(dir, '2026-01-29');
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    expect(result.json.due).toEqual([]);
    expect(result.json.held).toEqual([{ campaign: CAMPAIGN, path: meta, line: 1, column: expect.any(Number), message: expect.stringContaining('Unknown segment `mid-market-fintch`') }]);
    // due's text without a process (through the CLI: the test above).
    const text = await commandText(() => dueCommand({ date: '2026-01-29' }, { dir, json: false }));
    expect(text.stdout).toContain(`held  ${CAMPAIGN}: ${meta}:1:${result.json.held[0]!.column} error ${result.json.held[0]!.message} — nothing is listed for this campaign until it is fixed\n`);
    const mcp = await connectMcp(dir);
    expect(await mcp.ok('due_touches', { date: '2026-01-29' })).toEqual(result.json);
  });
});

describe('threadwork campaign reply, draft and the suppression list', () => {
  it('a positive reply opens a deal once; an unsubscribe is suppressed everywhere; a negated "interested" is negative', async () => {
    const dir = campaignWorkspace(PROSPECTS);
    const positive = await replyJson<{ classification: { category: string }; deal: { path: string } }>(dir, '2026-01-26-month-end', 'ada@analytical.example', { text: 'Sounds good, happy to chat on Tuesday.', date: '2026-01-28' });
    expect(positive.code, JSON.stringify(positive.json)).toBe(0);
    expect(positive.json.classification.category).toBe('positive');
    expect(positive.json.deal.path).toBe('threads/sales/analytical-payments');
    expect(JSON.parse(read(dir, 'threads/sales/analytical-payments/meta.json'))).toMatchObject({ source: 'campaign:2026-01-26-month-end', segment: 'mid-market-fintech' });
    const again = await replyJson<{ deal: { path: string; existing?: boolean } }>(dir, '2026-01-26-month-end', 'ada@analytical.example', { text: 'Yes, Tuesday at 10 works.' });
    expect(again.json.deal).toMatchObject({ path: 'threads/sales/analytical-payments', existing: true });

    const negative = await replyJson<{ classification: { category: string } }>(dir, '2026-01-26-month-end', 'alan@enigma.example', { text: 'Not interested, thanks.' });
    expect(negative.json.classification.category).toBe('negative');

    const unsubscribe = await replyJson<{ classification: { category: string }; suppressed: boolean }>(dir, '2026-01-26-month-end', 'grace@cobol.example', { text: 'Please remove me from your mailing list.' });
    expect(unsubscribe.json).toMatchObject({ classification: { category: 'unsubscribe' }, suppressed: true });
    expect(read(dir, 'threads/sales/campaigns/suppression.yaml')).toContain('grace@cobol.example');
    expect(read(dir, `${CAMPAIGN}/5-actions.md`)).toContain('{name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, title: CFO, status: unsubscribed, started: 2026-01-29}');

    // The suppression list holds in another campaign too.
    writeFiles(dir, { 'threads/sales/campaigns/2026-02-02-other/meta.json': JSON.stringify({ id: '2026-02-02-other', type: 'sales-campaign', title: 'Other', segment: 'mid-market-fintech', source: 'outbound', created: '2026-02-02' }) });
    for (const [i, stage] of ['1-input', '2-hypothesis', '3-implication', '4-decision'].entries()) writeFiles(dir, { [`threads/sales/campaigns/2026-02-02-other/${stage}.md`]: md(i === 0 ? 'date: 2026-02-02' : 'tests: []') });
    writeFiles(dir, { 'threads/sales/campaigns/2026-02-02-other/5-actions.md': md('sequence: {preset: five-touch-cold, start: 2026-02-02}\nprospects:\n  - {name: Grace Hopper, email: GRACE@cobol.example, company: Cobol Lending, status: queued}') });
    const due = await dueJson<Due>(dir, '2026-02-02');
    expect(due.json.due.filter((d) => d.prospect.email.toLowerCase() === 'grace@cobol.example')).toEqual([]);
    expect(readdirSync(join(dir, CAMPAIGN, 'replies'))).toHaveLength(4);
  });

  it('writes one draft per prospect and touch, all status draft and graded; keeps them on a second run; check flags a broken one', async () => {
    const dir = campaignWorkspace(PROSPECTS);
    const result = await draftJson<{ drafts: { path: string; action: string; grade: string; ready: boolean }[]; skipped: { prospect: string; kind: string; reason: string }[] }>(dir, '2026-01-26-month-end', { THREADWORK_TODAY: '2026-01-26' });
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    // Alan replied and Edsger's address bounced: their sequence is over, as `due` says, so they get no drafts, and the output says why.
    expect(result.json.drafts).toHaveLength(2 * 5);
    expect(result.json.skipped).toEqual([
      { prospect: 'alan@enigma.example', kind: 'sequence-stopped', reason: 'alan@enigma.example replied (status replied)' },
      { prospect: 'edsger@shortest.example', kind: 'sequence-stopped', reason: 'edsger@shortest.example bounced: the address does not take mail (status bounced)' },
    ]);
    for (const draft of result.json.drafts) {
      const text = read(dir, draft.path);
      expect(text).toMatch(/^---\nstatus: draft\n/);
      expect(text).not.toMatch(/\{\{|\}\}/);
    }
    const again = await draftJson<{ drafts: { action: string }[] }>(dir, '2026-01-26-month-end');
    expect(new Set(again.json.drafts.map((d) => d.action))).toEqual(new Set(['kept']));
    const first = result.json.drafts[0]!.path;
    writeFiles(dir, { [first]: read(dir, first).replace(/\n\n[\s\S]*$/, '\n\nhello {{first_name}}, we sell things.\n') });
    const check = await checkJson<{ diagnostics: { path: string; rule: string }[] }>(dir);
    expect(check.json.diagnostics).toContainEqual(expect.objectContaining({ path: first, rule: 'draft-not-ready' }));
    expect(existsSync(join(dir, CAMPAIGN, 'drafts'))).toBe(true);
  });

  it('counts one draft as "1 draft", not "1 drafts"', async () => {
    const dir = campaignWorkspace('  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, title: Controller, status: active, touches_done: 4}');
    const result = await runCli(['campaign', 'draft', '2026-01-26-month-end', '--dir', dir], { env: { THREADWORK_TODAY: '2026-01-26' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^1 draft, [01] ready; 4 touches already sent, not drafted\. /m);
  });

  it("check reads the reply records: a bad date is an error at its line and column, the records campaign reply writes pass", async () => {
    const dir = campaignWorkspace(PROSPECTS);
    // Grace's sequence starts on 2026-01-29: a reply cannot be dated before it (reply-before-start).
    const written = await replyJson<{ recorded: string }>(dir, '2026-01-26-month-end', 'grace@cobol.example', { text: 'Out of office until February 9.', date: '2026-01-29' });
    expect(written.code, JSON.stringify(written.json)).toBe(0);
    // A record written before `campaign reply --date` was checked, and one edited by hand.
    const old = `${CAMPAIGN}/replies/yesterday-ada-at-analytical-example.md`;
    const edited = `${CAMPAIGN}/replies/2026-01-27-alan-at-enigma-example.md`;
    writeFiles(dir, {
      [old]: md('email: ada@analytical.example\ndate: yesterday\ncategory: neutral\nconfidence: 0.5\nmatched: []\nreason: No phrase', '\n> Thanks, will read it.\n'),
      [edited]: md('email: alan@enigma.example\ndate: 2026-01-27\ncategory: out-of-office\nreturns: 2026-02-30\nreason: Away', '\n> Away until the 30th.\n'),
    });
    const check = await checkJson<{ diagnostics: { path: string; line: number; column: number; rule: string; severity: string; field?: string; message: string }[] }>(dir);
    expect(check.code).toBe(1);
    const errors = check.json.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.path, d.line, d.column, d.field])).toEqual(
      expect.arrayContaining([
        [old, 3, 7, 'date'],
        [edited, 5, 10, 'returns'],
      ]),
    );
    expect(errors.find((d) => d.path === old)!.message).toContain('expected a date such as 2026-03-01 (got "yesterday")');
    expect(errors.find((d) => d.path === edited)!.message).toContain('expected a real calendar date (got "2026-02-30")');
    expect(new Set(errors.map((d) => d.path))).toEqual(new Set([old, edited]));
    expect(check.json.diagnostics.filter((d) => d.path === written.json.recorded)).toEqual([]);
  });

  it('a reply dated after today is a date-in-future error at its date, in check and in campaign reply, as every date recorded as done', async () => {
    const env = { THREADWORK_TODAY: '2026-02-01' };
    const dir = campaignWorkspace(PROSPECTS);
    const future = `${CAMPAIGN}/replies/2027-01-28-ada-at-analytical-example.md`;
    const tomorrow = `${CAMPAIGN}/replies/2026-02-02-alan-at-enigma-example.md`;
    writeFiles(dir, {
      [future]: md('email: ada@analytical.example\ndate: 2027-01-28\ncategory: neutral\nconfidence: 0.5\nmatched: []\nreason: No phrase', '\n> Thanks, will read it.\n'),
      // One day after today passes, as for a close date: a colleague east of here is already on the next day.
      [tomorrow]: md('email: alan@enigma.example\ndate: 2026-02-02\ncategory: neutral\nconfidence: 0.5\nmatched: []\nreason: No phrase', '\n> Noted.\n'),
    });
    const check = await checkJson<{ diagnostics: { path: string; line: number; column: number; rule: string; severity: string; field?: string; message: string }[] }>(dir, env);
    expect(check.code).toBe(1);
    const found = check.json.diagnostics.filter((d) => d.rule === 'date-in-future');
    expect(found.map((d) => [d.path, d.line, d.column, d.severity, d.field])).toEqual([[future, 3, 7, 'error', 'date']]);
    expect(found[0]!.message).toMatch(/^Reply date 2027-01-28 is after today \(2026-02-01\): expected the day it happened/);

    const refused = await replyJson<{ ok: boolean; error: { code: string; message: string } }>(dir, '2026-01-26-month-end', 'grace@cobol.example', { text: 'Sounds good, happy to chat on Tuesday.', date: '2027-01-29' }, env);
    expect(refused.code).toBe(1);
    // Refused as the date given, before a reply file is made to point at (test/date-options.test.ts).
    expect(refused.json.error.code).toBe('invalid-date');
    expect(refused.json.error.message).toBe('Invalid date "2027-01-29": after today (2026-02-01) — expected the day the reply came, today or before');
    expect(existsSync(join(dir, CAMPAIGN, 'replies/2027-01-29-grace-at-cobol-example.md'))).toBe(false);
    expect(read(dir, `${CAMPAIGN}/5-actions.md`)).toContain('email: grace@cobol.example, company: Cobol Lending, title: CFO, status: active');
    expect(existsSync(join(dir, 'threads/sales/cobol-lending'))).toBe(false);
  });

  it('a touches_done that is not a whole number is an error at its value, not read as 0 (which listed and drafted touch 1 again)', async () => {
    const dir = campaignWorkspace(['  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, title: Controller, status: active, touches_done: "two"}', '  - {name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, status: active, touches_done: -1}'].join('\n'));
    const check = await checkJson<{ diagnostics: { path: string; line: number; column: number; rule: string; severity: string; field?: string; message: string }[] }>(dir);
    expect(check.code).toBe(1);
    const errors = check.json.diagnostics.filter((d) => d.path === `${CAMPAIGN}/5-actions.md` && d.severity === 'error');
    expect(errors.map((d) => [d.line, d.column, d.field])).toEqual([
      [6, 136, 'prospects[0].touches_done'],
      [7, 108, 'prospects[1].touches_done'],
    ]);
    expect(errors[0]!.message).toContain('expected the number of touches already sent, a whole number from 0');
    const draft = await draftJson<{ ok: boolean; drafts?: unknown[] }>(dir, '2026-01-26-month-end', { THREADWORK_TODAY: '2026-01-26' });
    expect(draft.code).toBe(1);
    expect(existsSync(join(dir, CAMPAIGN, 'drafts'))).toBe(false);
  });

  it('refuses an unknown prospect, naming the ones it has', async () => {
    const dir = campaignWorkspace(PROSPECTS);
    const result = await runCli(['campaign', 'reply', '2026-01-26-month-end', 'nobody@example.com', '--text', 'hi', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No prospect nobody@example\.com .* expected one of ada@analytical\.example/);
  });
});

describe('campaign results and win/loss', () => {
  it('derives the rates and flags a bounce rate over 5% after 20 sends as critical', async () => {
    const dir = campaignWorkspace(PROSPECTS, md('closed: 2026-03-01\nresults:\n  sent: 40\n  delivered: 37\n  opened: 20\n  clicked: 3\n  replied: 2\n  bounced: 3\n  unsubscribed: 0\n  spam_complaints: 0\n  meetings: 1\n  deals: 0'));
    // What sync writes, without a process (sync through the CLI: the held campaign's dry run above).
    const sync = await inProcess(() => syncCommand({ dryRun: false, commit: true }, { dir, json: true }));
    expect(sync.code, JSON.stringify(sync.json)).toBe(0);
    const learning = read(dir, `${CAMPAIGN}/6-learning.md`);
    expect(learning).toMatch(/\| bounce rate \| 8% \|/);
    expect(learning).toMatch(/\*\*critical\*\*/);
  });

  it('totals that cannot be (more delivered than sent, more opened than delivered) are errors at the count, not a 133% open rate', async () => {
    const dir = campaignWorkspace(PROSPECTS, md('closed: 2026-03-01\nresults:\n  sent: 40\n  delivered: 52\n  opened: 60\n  replied: 2\n  bounced: 3'));
    const check = await checkJson<{ diagnostics: { path: string; line: number; column: number; rule: string; severity: string; field?: string; message: string }[] }>(dir);
    expect(check.code).toBe(1);
    const found = check.json.diagnostics.filter((d) => d.rule === 'campaign-results');
    expect(found.map((d) => [d.path, d.line, d.column, d.severity, d.field])).toEqual([
      [`${CAMPAIGN}/6-learning.md`, 5, 14, 'error', 'results.delivered'],
      [`${CAMPAIGN}/6-learning.md`, 6, 11, 'error', 'results.opened'],
    ]);
    expect(found[0]!.message).toBe('52 delivered of 40 sent: expected at most the sent count less the 3 bounced (37)');
    expect(found[1]!.message).toBe('60 opened of 52 delivered: expected at most the delivered count (delivered is `delivered`, or sent − bounced)');
  });

  it('report campaigns lists the rules the results trigger, in JSON, the terminal and Markdown', async () => {
    // 3 of 40 bounced (7.5% over 5% after 20 sends) and one spam complaint: both critical stops.
    const dir = campaignWorkspace(PROSPECTS, md('closed: 2026-03-01\nresults:\n  sent: 40\n  delivered: 37\n  opened: 20\n  replied: 2\n  bounced: 3\n  spam_complaints: 1'));
    const report = await reportJson<{ campaigns: { id: string; rules: { rule: string; severity: string; message: string }[] }[] }>('campaigns', dir);
    expect(report.code, JSON.stringify(report.json)).toBe(0);
    expect(report.json.campaigns[0]!.rules.map((r) => `${r.severity} ${r.rule}`)).toEqual(['critical spam-complaint', 'critical high-bounce-rate']);
    expect(report.json.campaigns[0]!.rules[1]!.message).toBe('Bounce rate 7.5% over 5.0% after 40 sends: pause the campaign and verify the list before sending more.');
    const terminal = await runCli(['report', 'campaigns', '--dir', dir]);
    expect(terminal.stdout).toContain('Rules triggered');
    expect(terminal.stdout).toMatch(/2026-01-26-month-end +critical +spam-complaint +1 spam complaint: emergency stop\./);
    const markdown = await runCli(['report', 'campaigns', '--md', '--dir', dir]);
    expect(markdown.stdout).toContain('| 2026-01-26-month-end | critical | high-bounce-rate | Bounce rate 7.5% over 5.0% after 40 sends: pause the campaign and verify the list before sending more. |');
  });

  it('report campaigns says when no rule fires, and lists none before results', async () => {
    const quiet = campaignWorkspace(PROSPECTS, md('closed: 2026-03-01\nresults:\n  sent: 40\n  delivered: 40\n  opened: 20\n  replied: 2'));
    const report = await reportJson<{ campaigns: { rules: unknown[] }[] }>('campaigns', quiet);
    expect(report.json.campaigns[0]!.rules).toEqual([]);
    expect((await runCli(['report', 'campaigns', '--dir', quiet])).stdout).toMatch(/2026-01-26-month-end +— +— +No rule fires on these results\./);
    const running = campaignWorkspace(PROSPECTS);
    const before = await reportJson<{ campaigns: { rates: unknown; rules: unknown[] }[] }>('campaigns', running);
    expect(before.json.campaigns[0]).toMatchObject({ rates: null, rules: [] });
    // The terminal text of the second without a process (report campaigns through the CLI: the first, and the test above).
    const runningText = await commandText(() => reportCommand('campaigns', {}, { dir: running, json: false }));
    expect(runningText.code).toBe(0);
    expect(runningText.stdout).not.toContain('Rules triggered');
  });

  it('reports win/loss on the example: 3 closed deals, 2 won, average won ARR 39,000', async () => {
    const result = await reportJson<{ deals: number; won: number; lost: number; winRate: number; averageWonArr: number; lossReasons: { reason: string; deals: number }[] }>('winloss', REPO_ROOT);
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ deals: 3, won: 2, lost: 1, averageWonArr: 39000 });
    expect(result.json.winRate).toBeCloseTo(0.67, 2);
    // The reason as brightcart's 6-learning.md writes it, capitals kept, in the JSON, the terminal and the Markdown.
    const reason = 'Parent company IT required SOC 2 Type II before a pilot could access data';
    expect(result.json.lossReasons).toEqual([{ reason, deals: 1, share: 1 }]);
    const text = await runCli(['report', 'winloss']);
    expect(text.stdout).toContain(reason);
    const md = await runCli(['report', 'winloss', '--md']);
    expect(md.stdout).toMatch(/^## Win\/loss/m);
    expect(md.stdout).toContain(reason);
  });
});

describe('threadwork campaign reply: nurture, out-of-office and the deal it opens (#13)', () => {
  const GOAL_CAMPAIGN = 'threads/sales/campaigns/2026-01-05-q1-push';
  /** Built once per file, a copy per test. */
  const goalWorkspace = (): string => preparedCopySync('goal workspace', buildGoalWorkspace);
  function buildGoalWorkspace(): string {
    const prospects = [
      '  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, status: active, touches_done: 1}',
      '  - {name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, status: active, touches_done: 1}',
      '  - name: Alan Turing',
      '    email: alan.turing@gmail.com',
      '    company: Enigma Pay',
      '    status: active',
    ].join('\n');
    const dir = workspace({
      [`${GOAL_CAMPAIGN}/meta.json`]: JSON.stringify({ id: '2026-01-05-q1-push', type: 'sales-campaign', title: 'Q1 push', segment: 'mid-market-fintech', goal_id: 'g-first-customers', subgoal: 'SG1', source: 'outbound', created: '2026-01-05' }),
      [`${GOAL_CAMPAIGN}/1-input.md`]: md('goal: Meetings\nsegment: mid-market-fintech\ndate: 2026-01-05'),
      [`${GOAL_CAMPAIGN}/2-hypothesis.md`]: md('tests: [A1]'),
      [`${GOAL_CAMPAIGN}/3-implication.md`]: md('expected_meetings: 5'),
      [`${GOAL_CAMPAIGN}/4-decision.md`]: md('decision: LAUNCH'),
      [`${GOAL_CAMPAIGN}/5-actions.md`]: md(`sequence:\n  preset: five-touch-cold\n  start: 2026-01-05\nprospects:\n${prospects}`),
    });
    gitInit(dir);
    return dir;
  }
  interface Reply {
    classification: { category: string; revisit: string | null; returns: string | null; reason: string };
    status: { before: string; after: string };
    revisit: string | null;
    pausedUntil: string | null;
    deal: { path: string } | null;
  }
  const reply = (dir: string, email: string, text: string, date: string) => replyJson<Reply>(dir, '2026-01-05-q1-push', email, { text, date });

  it('a "not now, next quarter" sets the prospect to nurture with the revisit date, and due stops listing it', async () => {
    const dir = goalWorkspace();
    const result = await reply(dir, 'ada@analytical.example', 'Not now, maybe next quarter.', '2026-01-14');
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    expect(result.json).toMatchObject({ classification: { category: 'nurture', revisit: '2026-04-01' }, status: { before: 'active', after: 'nurture' }, revisit: '2026-04-01', pausedUntil: null, deal: null });
    expect(result.json.classification.reason).toContain('from "next quarter" (the first day of the next quarter)');
    // Only that prospect's entry changes, and only by its status and the new revisit.
    expect(read(dir, `${GOAL_CAMPAIGN}/5-actions.md`)).toContain('  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, status: nurture, touches_done: 1, revisit: 2026-04-01}\n  - {name: Grace Hopper,');
    const recorded = readdirSync(join(dir, GOAL_CAMPAIGN, 'replies'));
    expect(read(dir, `${GOAL_CAMPAIGN}/replies/${recorded[0]}`)).toMatch(/category: nurture\n[\s\S]*revisit: 2026-04-01\n/);
    const due = await dueJson<Due>(dir, '2026-01-08');
    expect(due.json.due.map((d) => d.prospect.email).sort()).toEqual(['alan.turing@gmail.com', 'grace@cobol.example']);
    const check = await checkJson<{ diagnostics: { severity: string }[] }>(dir);
    expect(check.json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a nurture reply without a date revisits 90 days later; the text output says the category, the date and why', async () => {
    const dir = goalWorkspace();
    const result = await runCli(['campaign', 'reply', '2026-01-05-q1-push', 'grace@cobol.example', '--text', "We're not ready yet.", '--date', '2026-01-14', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('nurture');
    expect(result.stdout).toContain('revisit 2026-04-14');
    expect(result.stdout).toContain('no date in the reply: revisit 90 days after it');
    expect(read(dir, `${GOAL_CAMPAIGN}/5-actions.md`)).toContain('status: nurture, touches_done: 1, revisit: 2026-04-14}');
  });

  it('an out-of-office with a return date pauses the sequence until then; the status stays', async () => {
    const dir = goalWorkspace();
    const result = await reply(dir, 'grace@cobol.example', 'Automatic reply: I am out of the office until 19 January.', '2026-01-06');
    expect(result.json).toMatchObject({ classification: { category: 'out-of-office', returns: '2026-01-19' }, status: { before: 'active', after: 'active' }, pausedUntil: '2026-01-19', revisit: null });
    expect(read(dir, `${GOAL_CAMPAIGN}/5-actions.md`)).toContain('{name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, status: active, touches_done: 1, paused_until: 2026-01-19}');
    // Touch 2 (Jan 8) and touch 3 (Jan 12) fall in the absence: nothing for Grace until the 19th, then touch 3.
    const before = await dueJson<Due>(dir, '2026-01-12');
    expect(before.json.due.map((d) => d.prospect.email)).not.toContain('grace@cobol.example');
    const back = await dueJson<Due>(dir, '2026-01-19');
    expect(back.json.due.filter((d) => d.prospect.email === 'grace@cobol.example').map((d) => [d.touch, d.due, d.overdue])).toEqual([[3, '2026-01-19', false]]);
  });

  it('an out-of-office without a date changes nothing in 5-actions.md; a block-style prospect gets its pause on its own line', async () => {
    const dir = goalWorkspace();
    const before = read(dir, `${GOAL_CAMPAIGN}/5-actions.md`);
    const none = await reply(dir, 'ada@analytical.example', 'I am on parental leave with no access to email.', '2026-01-06');
    expect(none.json).toMatchObject({ classification: { category: 'out-of-office', returns: null }, pausedUntil: null });
    expect(read(dir, `${GOAL_CAMPAIGN}/5-actions.md`)).toBe(before);
    await reply(dir, 'alan.turing@gmail.com', 'Out of office until Monday 12 January.', '2026-01-06');
    expect(read(dir, `${GOAL_CAMPAIGN}/5-actions.md`)).toContain('  - name: Alan Turing\n    email: alan.turing@gmail.com\n    company: Enigma Pay\n    status: active\n    paused_until: 2026-01-12\n');
  });

  // The pause went in between the value and its comment: `status: active\n    paused_until: 2026-01-12   # met at Money20/20`, the person's note moved onto a line it was not about.
  it('a block-style prospect whose last line ends in a comment keeps the comment on that line; the pause goes below it', async () => {
    const dir = goalWorkspace();
    const actions = `${GOAL_CAMPAIGN}/5-actions.md`;
    writeFiles(dir, { [actions]: read(dir, actions).replace('    company: Enigma Pay\n    status: active\n', '    company: Enigma Pay\n    status: active   # met at Money20/20\n') });
    const result = await reply(dir, 'alan.turing@gmail.com', 'Out of office until Monday 12 January.', '2026-01-06');
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    expect(read(dir, actions)).toContain('    company: Enigma Pay\n    status: active   # met at Money20/20\n    paused_until: 2026-01-12\n---');
  });

  it('the MCP tool answers with the category, the date and why, and writes the same as the CLI', async () => {
    const dir = goalWorkspace();
    // The reply came on 2026-12-11: a day to come before then would be refused (date-in-future).
    const mcp = await connectMcp(dir, { THREADWORK_TODAY: '2026-12-11' });
    const answer = await mcp.ok<{ result: Reply; commit: { committed: boolean } }>('record_reply', { campaign: '2026-01-05-q1-push', email: 'grace@cobol.example', text: 'Circle back after the holidays, please.', date: '2026-12-11' });
    expect(answer.result).toMatchObject({ classification: { category: 'nurture', revisit: '2027-01-04', returns: null }, status: { after: 'nurture' }, revisit: '2027-01-04' });
    expect(answer.result.classification.reason).toContain('revisit 2027-01-04 from "after the holidays" (the first Monday after 1 January)');
    expect(answer.commit.committed).toBe(true);
    expect(read(dir, `${GOAL_CAMPAIGN}/5-actions.md`)).toContain('status: nurture, touches_done: 1, revisit: 2027-01-04}');
  });

  it("a positive reply opens a deal that keeps the campaign's goal and subgoal and takes the domain from the address", async () => {
    const dir = goalWorkspace();
    const result = await reply(dir, 'ada@analytical.example', "Let's schedule a demo. Thursday?", '2026-01-14');
    expect(result.json.classification.category).toBe('positive');
    expect(result.json.deal?.path).toBe('threads/sales/analytical-payments');
    expect(JSON.parse(read(dir, 'threads/sales/analytical-payments/meta.json'))).toMatchObject({ source: 'campaign:2026-01-05-q1-push', segment: 'mid-market-fintech', goal_id: 'g-first-customers', subgoal: 'SG1' });
    expect(read(dir, 'threads/sales/analytical-payments/1-input.md')).toContain('  domain: "analytical.example"\n');
    // A free-mail address says nothing about the company: no domain.
    const freeMail = await reply(dir, 'alan.turing@gmail.com', 'Happy to meet on Thursday.', '2026-01-14');
    expect(freeMail.json.deal?.path).toBe('threads/sales/enigma-pay');
    expect(read(dir, 'threads/sales/enigma-pay/1-input.md')).toContain('  domain: null\n');
    expect(JSON.parse(read(dir, 'threads/sales/enigma-pay/meta.json'))).toMatchObject({ goal_id: 'g-first-customers', subgoal: 'SG1' });
    const check = await checkJson<{ diagnostics: { severity: string; message: string }[] }>(dir);
    expect(check.json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the deal a positive reply opens starts from the company facts the prospect entry had, and scores as the prospect did', async () => {
    const dir = goalWorkspace();
    const actions = `${GOAL_CAMPAIGN}/5-actions.md`;
    // Grace's entry with her company's facts, as a list provider gives them; a fractional headcount and an empty signal are not facts.
    const grace = [
      '  - name: Grace Hopper',
      '    email: grace@cobol.example',
      '    company: Cobol Lending',
      '    status: active',
      '    industry: lending',
      '    employees: 800',
      '    revenue: $60M',
      '    geography: United States',
      '    technologies: [NetSuite, Stripe]',
      '    signals: [{type: funding, detail: Series C, date: 2025-12-01}, hiring 5 analysts, {detail: ""}]',
    ].join('\n');
    writeFiles(dir, { [actions]: read(dir, actions).replace(/^ {2}- \{name: Grace Hopper.*$/m, grace) });
    const result = await reply(dir, 'grace@cobol.example', "Let's schedule a demo. Thursday?", '2026-01-14');
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    expect(result.json.deal?.path).toBe('threads/sales/cobol-lending');
    const input = read(dir, 'threads/sales/cobol-lending/1-input.md');
    expect(input).toContain('  industry: "lending"\n');
    expect(input).toContain('  employees: 800\n');
    expect(input).toContain('  revenue: "$60M"\n');
    expect(input).toContain('  geography: "United States"\n');
    expect(input).toContain('  technologies: ["NetSuite","Stripe"]\n');
    expect(input).toContain('  signals: [{"type":"funding","detail":"Series C","date":"2025-12-01"},"hiring 5 analysts"]\n');
    // Scored on those facts, the deal fits the segment (industry, size and revenue all inside its filters).
    const meta = JSON.parse(read(dir, 'threads/sales/cobol-lending/meta.json')) as { icp_match_score: number };
    expect(meta.icp_match_score).toBeGreaterThanOrEqual(0.6);
    const check = await checkJson<{ diagnostics: { path: string; severity: string }[] }>(dir);
    expect(check.json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("carries the prospect's email_status into the deal's contact: the address the gate scored as verified is not scored as unchecked", async () => {
    const dir = goalWorkspace();
    const actions = `${GOAL_CAMPAIGN}/5-actions.md`;
    const grace = ['  - name: Grace Hopper', '    email: grace@cobol.example', '    company: Cobol Lending', '    status: active', '    email_status: verified'].join('\n');
    writeFiles(dir, { [actions]: read(dir, actions).replace(/^ {2}- \{name: Grace Hopper.*$/m, grace) });
    const result = await reply(dir, 'grace@cobol.example', "Let's schedule a demo. Thursday?", '2026-01-14');
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    expect(read(dir, 'threads/sales/cobol-lending/1-input.md')).toContain('  email: "grace@cobol.example"\n  email_status: "verified"\n  linkedin: null\n');
    // No title, no LinkedIn, no persona titles to match (seniority, email and LinkedIn weights
    // renormalised over 0.60): the verified address alone, 1 × 0.20 / 0.60 — unchecked it was 0.70 × 0.20 / 0.60 = 0.23.
    expect(JSON.parse(read(dir, 'threads/sales/cobol-lending/meta.json'))).toMatchObject({ contact_score: 0.33 });
    // A deal opened by hand writes no such line.
    await dealNewInProcess(dir, 'Acme', ['-s', 'mid-market-fintech']);
    expect(read(dir, 'threads/sales/acme/1-input.md')).not.toContain('email_status');
  });
});
