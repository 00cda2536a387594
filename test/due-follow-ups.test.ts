import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { dueCommand } from '../src/cli/commands/due.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitInit } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { connectMcp } from './helpers/mcp.js';
import { copyOfPrepared } from './helpers/prepared.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { campaignFiles, dealMeta, workspace } from './helpers/workspace.js';

const CAMPAIGN = 'threads/sales/campaigns/2026-01-20-month-end';

/*
 * Speed: a CLI process costs about a second on a loaded two-core machine. Where a test is
 * about what due or check answers rather than the process, it runs the command's own
 * function (src/cli/commands/*) in this process, with THREADWORK_TODAY as the CLI run had
 * it: the same JSON and exit code. due keeps real CLI runs for its JSON and its text in the
 * first, the cap and the held-deal tests, check for the first DEFER test. The follow-up
 * workspace is built and git-initialised once per file and copied.
 */

afterEach(() => {
  vi.unstubAllEnvs();
});

/** `threadwork due --date <date> --json --dir <dir>` (with `env` set), without a process. */
function dueJson<T>(dir: string, date: string, env: Record<string, string> = {}): ReturnType<typeof commandJson<T>> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return commandJson<T>(() => dueCommand({ date }, { dir, json: true }));
}

/** `threadwork check --json --dir <dir>` (with `env` set), without a process. */
function checkJson<T>(dir: string, env: Record<string, string> = {}): ReturnType<typeof commandJson<T>> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return commandJson<T>(() => checkCommand({}, { dir, json: true }));
}

interface DueJson {
  date: string;
  due: { prospect: { email: string }; touch: number; due: string; overdue: boolean; sender: string | null; defaultSender: boolean; sendOn: string | null; spread: boolean; channel: string }[];
  followUps: { kind: string; date: string; overdue: boolean; thread: string; prospect: { email: string } | null; note: string }[];
  spread: { sender: string | null; defaultSender: boolean; channel: string; cap: number; count: number; days: { date: string; touches: number }[] }[];
  heldFollowUps: { thread: string; path: string; line: number; column: number; message: string }[];
}

function deal(id: string, decision: string): Record<string, string> {
  const path = `threads/sales/${id}`;
  return {
    [`${path}/meta.json`]: dealMeta(id),
    [`${path}/1-input.md`]: md(`source: inbound\ndate: 2026-01-05\nsignal: Asked for a demo\ncontact: {name: Pat Doe}\ncompany: {name: ${id}}`),
    [`${path}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.5'),
    [`${path}/3-implication.md`]: md('arr_potential: 30000\nstrategic_value: medium'),
    [`${path}/4-decision.md`]: md(decision),
  };
}

/** The follow-up workspace, committed: a copy of one built once per file (per config). */
function followUpWorkspace(config = 'company: Testco\n'): string {
  return copyOfPrepared(`follow-ups ${config}`, () => builtFollowUpWorkspace(config));
}

function builtFollowUpWorkspace(config: string): string {
  const prospects = [
    '  - {name: Nora Nurture, email: nora@later.example, company: Later Co, status: nurture, revisit: 2026-01-26}',
    '  - {name: Nick Notyet, email: nick@later.example, company: Later Co, status: nurture, revisit: 2026-03-01}',
    '  - {name: Olga Away, email: olga@away.example, company: Away Pay, status: active, started: 2026-01-26, paused_until: 2026-01-24}',
    '  - {name: Omar Longgone, email: omar@away.example, company: Away Pay, status: active, started: 2026-01-26, paused_until: 2026-01-10}',
  ].join('\n');
  const dir = workspace({
    'threadwork.config.yaml': config,
    ...campaignFiles(CAMPAIGN, '2026-01-20', `sequence: {preset: five-touch-cold, start: 2026-01-20}\nprospects:\n${prospects}`),
    ...deal('deferred-overdue', 'decision: DEFER\nframework: BANT\nreasoning: Budget frozen until the audit is over\nrevisit: 2026-01-20'),
    ...deal('deferred-later', 'decision: DEFER\nframework: BANT\nreasoning: Next fiscal year\nrevisit: 2026-06-01'),
    ...deal('qualified', 'decision: QUALIFY\nframework: BANT\nreasoning: Fits\nrevisit: 2026-01-10'),
  });
  gitInit(dir);
  return dir;
}

describe('threadwork due: follow-ups alongside touches', () => {
  // A DEFER revisit printed "who —" although the deal's Stage 1 names its contact: whom to call back was in the file.
  it("names a DEFER revisit's contact from Stage 1, with their email, in the JSON and the text", async () => {
    const dir = followUpWorkspace();
    const input = 'threads/sales/deferred-overdue/1-input.md';
    writeFiles(dir, { [input]: read(dir, input).replace('contact: {name: Pat Doe}', 'contact: {name: Pat Doe, email: pat@deferred.example, title: CFO}') });
    const result = await runJson<DueJson>(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const revisit = result.json.followUps.find((f) => f.kind === 'defer-revisit');
    expect(revisit?.prospect).toEqual({ name: 'Pat Doe', email: 'pat@deferred.example', company: 'deferred-overdue' });
    const text = await runCli(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(text.stdout).toMatch(/defer-revisit\s+deferred-overdue\s+Pat Doe <pat@deferred\.example>/);
  });

  it('lists DEFER revisits, nurture revisits and out-of-office returns on or before the day, overdue marked', async () => {
    const dir = followUpWorkspace();
    const result = await runJson<DueJson>(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.followUps.map((f) => [f.kind, f.date, f.overdue, f.thread.split('/').pop(), f.prospect?.email ?? null])).toEqual([
      ['defer-revisit', '2026-01-20', true, 'deferred-overdue', null],
      ['out-of-office-return', '2026-01-24', true, '2026-01-20-month-end', 'olga@away.example'],
      ['nurture-revisit', '2026-01-26', false, '2026-01-20-month-end', 'nora@later.example'],
    ]);
    expect(result.json.followUps[0]!.note).toMatch(/Budget frozen until the audit is over/);
    // Touches: the nurture prospects get none; the two active ones are due on their start day.
    expect(result.json.due.map((d) => d.prospect.email)).not.toContain('nora@later.example');

    const text = await runCli(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(text.stdout).toMatch(/Follow-ups/);
    expect(text.stdout).toMatch(/2026-01-20 overdue\s+defer-revisit\s+deferred-overdue/);
    // A deal's contact written with a name alone is named so, as a person to call back:
    // "Pat Doe <(no contact detail)>" read as an address that was broken.
    expect(text.stdout).toMatch(/defer-revisit\s+deferred-overdue\s+Pat Doe\s+Revisit/);
    expect(text.stdout).not.toContain('<(no contact detail)>');
    expect(text.stdout).toMatch(/2026-01-26\s+nurture-revisit/);
  });

  it('a nurture revisit later on is listed from its day', async () => {
    const dir = followUpWorkspace();
    const result = await dueJson<DueJson>(dir, '2026-03-02');
    const kinds = result.json.followUps.map((f) => `${f.kind}:${f.prospect?.email ?? f.thread.split('/').pop()}:${f.overdue}`);
    expect(kinds).toContain('nurture-revisit:nick@later.example:true');
    expect(kinds).not.toContain('out-of-office-return:olga@away.example:true'); // listed for a week after the return only
  });
});

/**
 * A DEFER is a decision until its revisit date: `due` brings it back then. One written
 * without `revisit` was forgotten — `due` never listed it and `check` said nothing.
 */
describe('a DEFER decision without a revisit date', () => {
  it('is a check warning at the decision, saying what to write; one with a date, or decided again at Stage 5, is not', async () => {
    const { [`${CAMPAIGN}/5-actions.md`]: _actions, ...campaignAtStage4 } = campaignFiles(CAMPAIGN, '2026-01-20', 'prospects: []');
    const dir = workspace({
      ...deal('deferred-forever', 'decision: DEFER\nframework: BANT\nreasoning: Not now'),
      ...deal('deferred-dated', 'decision: DEFER\nframework: BANT\nreasoning: Next year\nrevisit: 2026-06-01'),
      ...deal('went-on', 'decision: DEFER\nframework: BANT\nreasoning: Then they called back'),
      'threads/sales/went-on/5-actions.md': md('actions:\n  - {type: sales:demo, status: pending}'),
      ...campaignAtStage4,
      [`${CAMPAIGN}/4-decision.md`]: md('decision: DEFER\nreasoning: After the holidays'),
    });
    // On or after the deals' creation (dealMeta: 2026-03-01): a deal opened on a day to come is an error (date-in-future).
    const check = await runJson<{ ok: boolean; diagnostics: { path: string; line: number; column: number; rule: string; severity: string; field?: string; message: string }[] }>(['check', '--dir', dir], { env: { THREADWORK_TODAY: '2026-03-01' } });
    const found = check.json.diagnostics.filter((d) => d.rule === 'defer-without-revisit');
    expect(found.map((d) => [d.path, d.line, d.column, d.severity, d.field])).toEqual([
      [`${CAMPAIGN}/4-decision.md`, 2, 11, 'warning', 'decision'],
      ['threads/sales/deferred-forever/4-decision.md', 2, 11, 'warning', 'decision'],
    ]);
    expect(found[1]!.message).toBe('DEFER without a `revisit` date: `due` lists a DEFER on its revisit date, so this one is never brought back. Add `revisit: YYYY-MM-DD` below `decision`, the day to decide again');
    expect(check.json.ok).toBe(true);
  });
});

/**
 * A prospect set to `status: nurture` by hand without `revisit` was forgotten as a DEFER
 * without one was: nurture stops the sequence, `due` lists the prospect only at the revisit
 * date, and `check` said nothing.
 */
describe('a nurture prospect without a revisit date', () => {
  it('is a check warning at its status, saying what to write; one with a date is not', async () => {
    const prospects = [
      '  - {name: Nora Nurture, email: nora@later.example, company: Later Co, status: nurture, revisit: 2026-03-01}',
      '  - {name: Nell Forgotten, email: nell@later.example, company: Later Co, status: nurture}',
    ].join('\n');
    const dir = workspace(campaignFiles(CAMPAIGN, '2026-01-20', `sequence: {preset: five-touch-cold, start: 2026-01-20}\nprospects:\n${prospects}`));
    const check = await runJson<{ ok: boolean; diagnostics: { path: string; line: number; column: number; rule: string; severity: string; field?: string; message: string }[] }>(['check', '--dir', dir], { env: { THREADWORK_TODAY: '2026-01-26' } });
    const found = check.json.diagnostics.filter((d) => d.rule === 'nurture-without-revisit');
    expect(found.map((d) => [d.path, d.line, d.severity, d.field])).toEqual([[`${CAMPAIGN}/5-actions.md`, 5, 'warning', 'prospects[1].status']]);
    expect(read(dir, `${CAMPAIGN}/5-actions.md`).split('\n')[4]!.slice(found[0]!.column - 1)).toMatch(/^nurture\}/);
    expect(found[0]!.message).toBe('Prospect `nell@later.example` is in nurture without a `revisit` date: nurture stops the sequence and `due` lists the prospect again on its revisit date, so this one is never brought back. Add `revisit: YYYY-MM-DD`, the day to contact them again');
    expect(check.json.ok).toBe(true);
  });
});

/*
 * A preset misspelt (`follow-upp`) with the template's touches deleted left the campaign
 * with no sequence: `due` said "Nothing due" for every day and `check` said nothing.
 */
describe('a campaign sequence with no touch', () => {
  it('is a check warning at the preset, naming the one meant; a known preset, or touches, are not', async () => {
    const prospect = '  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, status: active}';
    const other = 'threads/sales/campaigns/2026-01-21-known';
    const dir = workspace({
      ...campaignFiles(CAMPAIGN, '2026-01-20', `sequence:\n  preset: follow-upp\n  start: 2026-01-20\nprospects:\n${prospect}`),
      ...campaignFiles(other, '2026-01-21', `sequence:\n  preset: Follow-Up\n  start: 2026-01-21\nprospects:\n${prospect}`),
    });
    gitInit(dir);
    const check = await runJson<{ ok: boolean; diagnostics: { path: string; line: number; column: number; rule: string; severity: string; field?: string; message: string }[] }>(['check', '--dir', dir], { env: { THREADWORK_TODAY: '2026-01-26' } });
    const found = check.json.diagnostics.filter((d) => d.rule === 'sequence-empty');
    expect(found.map((d) => [d.path, d.line, d.column, d.severity, d.field])).toEqual([[`${CAMPAIGN}/5-actions.md`, 3, 11, 'warning', 'sequence.preset']]);
    expect(found[0]!.message).toBe('Unknown sequence preset `follow-upp` (did you mean follow-up?) and no `touches`: the campaign has no touch to send, so `due` lists none and `campaign draft` writes none; expected `preset` one of five-touch-cold, follow-up, or `touches` listed');
    expect(check.json.ok).toBe(true);
    // The campaign with the known preset is due; the misspelt one, as the warning says, is not.
    const due = await dueJson<DueJson>(dir, '2026-01-26');
    expect((due.json.due as (DueJson['due'][number] & { campaign: string })[]).map((d) => d.campaign)).toEqual([other]);
  });
});

describe("a campaign's DEFER revisit date", () => {
  it('that is no date is a schema error at the value, as a deal one is, not a DEFER silently never listed', async () => {
    const { [`${CAMPAIGN}/5-actions.md`]: _actions, ...campaignAtStage4 } = campaignFiles(CAMPAIGN, '2026-01-20', 'prospects: []');
    const dir = workspace({ ...campaignAtStage4, [`${CAMPAIGN}/4-decision.md`]: md('decision: DEFER\nreasoning: After the holidays\nrevisit: next quarter') });
    // check through the CLI: the test above.
    const check = await checkJson<{ diagnostics: { path: string; line: number; column: number; rule: string; message: string }[] }>(dir, { THREADWORK_TODAY: '2026-01-26' });
    expect(check.code).toBe(1);
    expect(check.json.diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      `${CAMPAIGN}/4-decision.md:4:10 schema Invalid \`revisit\`: expected a date such as 2026-03-01 (got "next quarter")`,
    ]);
  });
});

describe("a content thread's DEFER revisit date", () => {
  it('that is no date is a schema error at the value, as a deal one is; a date is listed by due on its day', async () => {
    const dir = exampleWorkspaceCopy();
    const piece = 'threads/marketing/how-northwind-payments-closed-may-in-four-days';
    writeFiles(dir, {
      [`${piece}/2-hypothesis.md`]: md('statement: A CFO reads a four-day close as the case for switching'),
      [`${piece}/3-implication.md`]: md('effort: two days'),
      [`${piece}/4-decision.md`]: md('decision: DEFER\nformat: case-study\nreasoning: After the customer approves the quotes\nrevisit: soon'),
    });
    const check = await checkJson<{ diagnostics: { path: string; line: number; column: number; rule: string; message: string }[] }>(dir, { THREADWORK_TODAY: '2026-11-20' });
    expect(check.code).toBe(1);
    expect(check.json.diagnostics.filter((d) => d.path.startsWith(piece)).map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      `${piece}/4-decision.md:5:10 schema Invalid \`revisit\`: expected a date such as 2026-03-01 (got "soon")`,
    ]);
    writeFiles(dir, { [`${piece}/4-decision.md`]: md('decision: DEFER\nformat: case-study\nreasoning: After the customer approves the quotes\nrevisit: 2026-12-01') });
    const due = await dueJson<{ followUps: { kind: string; thread: string; date: string }[] }>(dir, '2026-12-01', { THREADWORK_TODAY: '2026-11-20' });
    expect(due.json.followUps.filter((f) => f.thread === piece).map((f) => [f.kind, f.date])).toEqual([['defer-revisit', '2026-12-01']]);
  });
});

describe('threadwork due never lists a touch already sent', () => {
  it('reads a draft with status sent as the touch done, before touches_done is updated', async () => {
    const dir = followUpWorkspace();
    const olga = (date: string): Promise<DueJson['due']> => dueJson<DueJson>(dir, date).then((r) => r.json.due.filter((d) => d.prospect.email === 'olga@away.example'));
    expect((await olga('2026-01-26')).map((d) => d.touch)).toEqual([1]);
    writeFiles(dir, { [`${CAMPAIGN}/drafts/olga-at-away-example-touch-1.md`]: md('status: sent\nprospect: {name: Olga Away, email: OLGA@away.example, company: Away Pay}\ntouch: 1\nchannel: email\nsubject: Hello', '\nHi Olga, sent.\n') });
    expect(await olga('2026-01-26')).toEqual([]);
    expect((await olga('2026-01-29')).map((d) => [d.touch, d.due])).toEqual([[2, '2026-01-29']]);
  });

  it('reads each campaign\'s sent drafts, and each prospect\'s sender, from that campaign only', async () => {
    const other = 'threads/sales/campaigns/2026-01-20-second-push';
    const olga = (sender: string) => `  - {name: Olga Away, email: olga@away.example, company: Away Pay${sender}}`;
    const dir = workspace({
      'threadwork.config.yaml': 'company: Testco\n',
      ...campaignFiles(CAMPAIGN, '2026-01-20', `sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n${olga(', sender: ana@testco.example')}`),
      ...campaignFiles(other, '2026-01-20', `sender: bo@testco.example\nsequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n${olga('')}`),
      [`${CAMPAIGN}/drafts/olga-at-away-example-touch-1.md`]: md('status: sent\nprospect: {name: Olga Away, email: OLGA@away.example, company: Away Pay}\ntouch: 1\nchannel: email\nsubject: Hello', '\nHi Olga, sent.\n'),
    });
    gitInit(dir);
    const due = async (date: string) => ((await dueJson<DueJson>(dir, date)).json.due as (DueJson['due'][number] & { campaign: string })[]).map((d) => [d.campaign, d.touch, d.sender]);
    // The touch sent in the first campaign is done there only: the second still owes its own.
    expect(await due('2026-01-26')).toEqual([[other, 1, 'bo@testco.example']]);
    expect(await due('2026-01-29')).toEqual([
      [other, 1, 'bo@testco.example'],
      [CAMPAIGN, 2, 'ana@testco.example'],
    ]);
  });
});

describe('threadwork due: daily caps spread touches over the next days', () => {
  it('keeps the cap on the day and moves the rest to the following days, saying so', async () => {
    const prospects = Array.from({ length: 5 }, (_, i) => `  - {name: P${i} Person, email: p${i}@many.example, company: Many ${i}}`).join('\n');
    const dir = workspace({
      'threadwork.config.yaml': 'company: Testco\nautonomy:\n  daily_caps: {email: 2}\n',
      // Every stage up to 5: a stage without its predecessor holds the campaign, and due lists nothing of it.
      ...campaignFiles(CAMPAIGN, '2026-01-20', `sender: ana@testco.example\nsequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n${prospects}`),
    });
    gitInit(dir);
    const result = await runJson<DueJson>(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.due.map((d) => [d.prospect.email, d.sendOn, d.spread])).toEqual([
      ['p0@many.example', '2026-01-26', false],
      ['p1@many.example', '2026-01-26', false],
      ['p2@many.example', '2026-01-27', true],
      ['p3@many.example', '2026-01-27', true],
      ['p4@many.example', '2026-01-28', true],
    ]);
    expect(result.json.due.every((d) => d.sender === 'ana@testco.example')).toBe(true);
    expect(result.json.spread).toEqual([
      { sender: 'ana@testco.example', defaultSender: false, channel: 'email', cap: 2, count: 5, days: [{ date: '2026-01-26', touches: 2 }, { date: '2026-01-27', touches: 2 }, { date: '2026-01-28', touches: 1 }] },
    ]);
    const text = await runCli(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(text.stdout).toMatch(/spread 5 email touches from ana@testco\.example exceed the cap of 2 per day: 2 on 2026-01-26, 2 on 2026-01-27, 1 on 2026-01-28/);
  });

  /*
   * A cap of 0 (a channel switched off) kept every touch on the day, under a note that
   * "3 email touches … exceed the cap of 0 per day: 3 on 2026-01-26", while the approve
   * gate refuses each of them on any day. No day is named now, and the note says why.
   */
  it('under a cap of 0 names no day for the touches, and says the cap must be raised', async () => {
    const prospects = Array.from({ length: 3 }, (_, i) => `  - {name: P${i} Person, email: p${i}@many.example, company: Many ${i}}`).join('\n');
    const dir = workspace({
      'threadwork.config.yaml': 'company: Testco\nautonomy:\n  daily_caps: {email: 0}\n',
      ...campaignFiles(CAMPAIGN, '2026-01-20', `sender: ana@testco.example\nsequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n${prospects}`),
    });
    gitInit(dir);
    const result = await runJson<DueJson>(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.due.map((d) => [d.prospect.email, d.sendOn, d.spread])).toEqual([
      ['p0@many.example', null, true],
      ['p1@many.example', null, true],
      ['p2@many.example', null, true],
    ]);
    expect(result.json.spread).toEqual([{ sender: 'ana@testco.example', defaultSender: false, channel: 'email', cap: 0, count: 3, days: [] }]);
    const text = await runCli(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(text.stdout).toContain('spread 3 email touches from ana@testco.example: the cap is 0 per day, so none can be approved on any day until it is raised (autonomy.daily_caps.email; null for no cap)');
    expect(text.stdout).not.toContain('3 on 2026-01-26');
  });

  it('under the default caps (200 emails) nothing moves', async () => {
    const dir = followUpWorkspace();
    const result = await dueJson<DueJson>(dir, '2026-01-26');
    expect(result.json.spread).toEqual([]);
    expect(result.json.due.every((d) => !d.spread && d.sendOn === '2026-01-26' && d.sender === null && d.defaultSender)).toBe(true);
  });

  // JSON is read by agents: the text's "(default sender)" in `sender` read as a mailbox named so.
  it('gives the shared default sender as data in JSON (sender null, defaultSender true), and by name in the text', async () => {
    const prospects = Array.from({ length: 2 }, (_, i) => `  - {name: P${i} Person, email: p${i}@many.example, company: Many ${i}}`).join('\n');
    const dir = workspace({
      'threadwork.config.yaml': 'company: Testco\nautonomy:\n  daily_caps: {email: 1}\n',
      ...campaignFiles(CAMPAIGN, '2026-01-20', `sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n${prospects}`),
    });
    gitInit(dir);
    const result = await runJson<DueJson>(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.due.map((d) => [d.sender, d.defaultSender, d.sendOn])).toEqual([
      [null, true, '2026-01-26'],
      [null, true, '2026-01-27'],
    ]);
    expect(result.json.spread).toEqual([{ sender: null, defaultSender: true, channel: 'email', cap: 1, count: 2, days: [{ date: '2026-01-26', touches: 1 }, { date: '2026-01-27', touches: 1 }] }]);
    const text = await runCli(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(text.stdout).toContain('spread 2 email touches from (default sender) exceed the cap of 1 per day: 1 on 2026-01-26, 1 on 2026-01-27 (autonomy.daily_caps.email)');
  });
});

describe('threadwork due: follow-ups stop where contactStop stops the sequence', () => {
  const OPEN = 'threads/sales/campaigns/2026-01-20-open';
  const CLOSED = 'threads/sales/campaigns/2026-01-20-closed';
  // Everyone is back from out of office on 2026-01-24, inside the week it is listed for.
  const away = (name: string, status: string, extra = ''): string => `  - {name: ${name} Away, email: ${name.toLowerCase()}@away.example, company: Away ${name}, status: ${status}, paused_until: 2026-01-24${extra}}`;

  function stopWorkspace(): string {
    const open = ['active', 'queued', 'replied', 'meeting', 'completed', 'unsubscribed', 'bounced'].map((s) => away(s.charAt(0).toUpperCase() + s.slice(1), s));
    open.push(away('Nurtured', 'nurture', ', revisit: 2026-01-25'), away('Listed', 'active'), away('Listednurture', 'nurture', ', revisit: 2026-01-25'));
    // Active, but every touch of the five-touch sequence sent: nothing to resume.
    open.push(away('Finished', 'active', ', touches_done: 5'));
    const closed = [away('Late', 'active'), away('Latenurture', 'nurture', ', revisit: 2026-01-25')];
    const dir = workspace({
      ...campaignFiles(OPEN, '2026-01-20', `sequence: {preset: five-touch-cold, start: 2026-01-20}\nprospects:\n${open.join('\n')}`),
      ...campaignFiles(CLOSED, '2026-01-20', `sequence: {preset: five-touch-cold, start: 2026-01-20}\nprospects:\n${closed.join('\n')}`),
      [`${CLOSED}/6-learning.md`]: md('closed: 2026-01-23'),
      'threads/sales/campaigns/suppression.yaml': 'suppressed:\n  - {email: LISTED@away.example, reason: unsubscribed, date: 2026-01-22}\n  - {email: listednurture@away.example, reason: unsubscribed, date: 2026-01-22}\n',
      // A DEFER that a later stage decided again: closed without going through Stage 5.
      ...deal('deferred-closed', 'decision: DEFER\nframework: BANT\nreasoning: Waiting\nrevisit: 2026-01-20'),
      'threads/sales/deferred-closed/6-learning.md': md('outcome: closed-lost\nclosed: 2026-01-22\nloss_reason: Went with a competitor'),
    });
    gitInit(dir);
    return dir;
  }

  /*
   * A nurture revisit in a closed campaign was left out: "try me again in April" vanished
   * when the three-week campaign was closed at Stage 6 — though closed-mid-sequence tells
   * whoever closes it to set `nurture` with a `revisit`, "which due lists". It is listed,
   * saying the campaign closed and what to do instead of setting the status back to active.
   */
  it('lists an out-of-office return only for a prospect due gets touches for, and a nurture revisit unless the prospect is suppressed', async () => {
    const dir = stopWorkspace();
    const result = await dueJson<DueJson>(dir, '2026-01-26');
    expect(result.code).toBe(0);
    const followUps = result.json.followUps.map((f) => `${f.kind}:${f.prospect?.email ?? f.thread.split('/').pop()}`);
    expect(followUps).toEqual(['out-of-office-return:active@away.example', 'out-of-office-return:queued@away.example', 'nurture-revisit:latenurture@away.example', 'nurture-revisit:nurtured@away.example']);
    expect(result.json.followUps.find((f) => f.prospect?.email === 'latenurture@away.example')?.note).toBe('Latenurture Away asked to be contacted later; the campaign closed on 2026-01-23, so write to them yourself (or add them to a new campaign), then set status to completed');
    // The same prospects `due` lists touches for: a return says the sequence resumes, so it must.
    const touched = new Set(result.json.due.map((d) => d.prospect.email));
    for (const f of result.json.followUps.filter((x) => x.kind === 'out-of-office-return')) expect(touched).toContain(f.prospect!.email);
    expect([...touched].sort()).toEqual(['active@away.example', 'queued@away.example']);
  });
});

/**
 * A deal sync holds — a cross-file error, a stage file under a wrong name — had its DEFER
 * revisit listed as if valid, with no word of the hold (a held campaign lists nothing and
 * is named in `held`). Its follow-up is now left out and the hold named in `heldFollowUps`.
 */
describe('threadwork due on a deal sync holds', () => {
  const DEFERRED = 'threads/sales/deferred-overdue';

  it('does not list the DEFER revisit of a deal with an unknown segment, and names the error, in the CLI and the MCP tool', async () => {
    const dir = followUpWorkspace();
    writeFiles(dir, { [`${DEFERRED}/meta.json`]: dealMeta('deferred-overdue', { segment: 'mid-market-fintch' }) });
    const result = await runJson<DueJson>(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.followUps.map((f) => f.thread)).not.toContain(DEFERRED);
    expect(result.json.heldFollowUps).toEqual([{ thread: DEFERRED, path: `${DEFERRED}/meta.json`, line: 5, column: expect.any(Number), message: expect.stringContaining('Unknown segment `mid-market-fintch`') }]);
    const text = await runCli(['due', '--date', '2026-01-26', '--dir', dir]);
    expect(text.stdout).toContain(`held  ${DEFERRED}: ${DEFERRED}/meta.json:5:${result.json.heldFollowUps[0]!.column} error ${result.json.heldFollowUps[0]!.message} — its follow-up is not listed until it is fixed`);
    expect(text.stdout).not.toMatch(/defer-revisit\s+deferred-overdue/);
    const mcp = await connectMcp(dir);
    expect(await mcp.ok('due_touches', { date: '2026-01-26' })).toEqual(result.json);
  });

  it('does not list it when the deal went on under a misnamed 5-Actions.md', async () => {
    const dir = followUpWorkspace();
    writeFiles(dir, { [`${DEFERRED}/5-Actions.md`]: md('actions: []') });
    const result = await dueJson<DueJson>(dir, '2026-01-26');
    expect(result.json.followUps.map((f) => f.kind)).toEqual(['out-of-office-return', 'nurture-revisit']);
    expect(result.json.heldFollowUps).toEqual([{ thread: DEFERRED, path: `${DEFERRED}/5-Actions.md`, line: 1, column: 1, message: expect.stringContaining('5-actions.md') }]);
  });

  it('names nothing when no deal is held', async () => {
    const result = await dueJson<DueJson>(followUpWorkspace(), '2026-01-26');
    expect(result.json.heldFollowUps).toEqual([]);
  });
});
