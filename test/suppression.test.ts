import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignDraftCommand, campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { dueCommand } from '../src/cli/commands/due.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { connectMcp } from './helpers/mcp.js';
import { copyOfPrepared } from './helpers/prepared.js';
import { md, read, writeFiles } from './helpers/testdir.js';

/** The do-not-contact list never fails open (issue 11, item 4). */

const SUPPRESSION = 'threads/sales/campaigns/suppression.yaml';
const CAMPAIGN = 'threads/sales/campaigns/2027-01-12-controller-outbound';
const ACTIONS = `${CAMPAIGN}/5-actions.md`;
/** The replies below come in January 2027: recorded on a day after them, not before (a reply dated after today is refused). */
const ON_THE_DAY = { env: { THREADWORK_TODAY: '2027-01-20' } };

/*
 * Speed: the workspace below is built once per file and copied per test (copyOfPrepared),
 * and where a test is about what check, due, draft or reply answer rather than the process,
 * it runs the command's own function (src/cli/commands/*): the same JSON and exit code the
 * CLI prints. Each command keeps a real CLI run: check, due (--json and text), draft and
 * reply refusing on a broken list, reply's text and reply --json on a valid one; MCP is real.
 */

afterEach(() => {
  vi.unstubAllEnvs();
});

/** `threadwork check --json --dir <dir>`, without a process. */
const checkJson = <T>(dir: string): ReturnType<typeof commandJson<T>> => commandJson<T>(() => checkCommand({}, { dir, json: true }));

/** `threadwork due --date <date> --json --dir <dir>`, without a process. */
const dueJson = <T>(dir: string, date: string): ReturnType<typeof commandJson<T>> => commandJson<T>(() => dueCommand({ date }, { dir, json: true }));

/** `threadwork campaign draft <campaign> --json --dir <dir>` on `today`, without a process. */
function draftJson<T>(dir: string, campaign: string, today: string): ReturnType<typeof commandJson<T>> {
  vi.stubEnv('THREADWORK_TODAY', today);
  return commandJson<T>(() => campaignDraftCommand(campaign, { commit: true }, { dir, json: true }));
}

/** `threadwork campaign reply <campaign> <email> --text … --date … --json --dir <dir>` ON_THE_DAY, without a process. */
function replyJson<T>(dir: string, campaign: string, email: string, flags: { text: string; date: string }): ReturnType<typeof commandJson<T>> {
  vi.stubEnv('THREADWORK_TODAY', ON_THE_DAY.env.THREADWORK_TODAY);
  return commandJson<T>(() => campaignReplyCommand(campaign, email, { ...flags, commit: true }, { dir, json: true }));
}

/** The example workspace plus a campaign at Stage 5 starting 2027-01-12, and a suppression list. */
function workspaceWith(suppression: string | undefined): string {
  const dir = copyOfPrepared('campaign', campaignWorkspace);
  if (suppression !== undefined) writeFiles(dir, { [SUPPRESSION]: suppression });
  return dir;
}

/** The example workspace plus the campaign, uncommitted (built once per file). */
function campaignWorkspace(): string {
  const dir = exampleWorkspaceCopy();
  writeFiles(dir, {
    [`${CAMPAIGN}/meta.json`]: JSON.stringify({ id: '2027-01-12-controller-outbound', type: 'sales-campaign', title: 'Controller outbound', segment: 'mid-market-fintech', source: 'outbound', created: '2027-01-12' }),
    [`${CAMPAIGN}/1-input.md`]: md('goal: Meetings\nsegment: mid-market-fintech\ndate: 2027-01-12'),
    [`${CAMPAIGN}/2-hypothesis.md`]: md('tests: [A5]'),
    [`${CAMPAIGN}/3-implication.md`]: md('expected_meetings: 5'),
    [`${CAMPAIGN}/4-decision.md`]: md('decision: LAUNCH'),
    [ACTIONS]: md(
      [
        'sequence:',
        '  preset: five-touch-cold',
        '  start: 2027-01-12',
        'prospects:',
        '  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, title: Controller, status: active}',
        '  - {name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, title: CFO, status: active}',
        '  - {name: Alan Turing, email: alan@enigma.example, company: Enigma Pay, title: CFO, status: unsubscribed}',
      ].join('\n'),
    ),
  });
  return dir;
}

/** Grace is on the list under a different case: she must still be skipped. */
const VALID = ['# Addresses no campaign may contact.', 'suppressed:', '  # added by hand after a call', '  - email: Grace@Cobol.Example', '    reason: do-not-contact', '    date: 2027-01-10', ''].join('\n');

/** The same list with `reason` written twice in Grace's entry (line 6). */
const DUPLICATED = ['# Addresses no campaign may contact.', 'suppressed:', '  # added by hand after a call', '  - email: Grace@Cobol.Example', '    reason: do-not-contact', '    reason: unsubscribed', '    date: 2027-01-10', ''].join('\n');

interface Due {
  due: { campaign: string; prospect: { email: string }; touch: number; due: string }[];
}
interface Failure {
  ok: false;
  error: { code: string; message: string; path: string; diagnostics: { path: string; line: number; column: number; rule: string; message: string }[] };
}
interface Diagnostics {
  diagnostics: { path: string; line: number; column: number; rule: string; message: string; severity: string }[];
}

function files(dir: string, rel: string): string[] {
  return existsSync(join(dir, rel)) ? readdirSync(join(dir, rel)).sort() : [];
}

describe('an invalid suppression list stops everything that contacts people', () => {
  it('a list valid in HEAD and broken on disk still fails closed: it is never held at its committed version', async () => {
    const dir = workspaceWith(VALID);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'a valid list');
    writeFiles(dir, { [SUPPRESSION]: DUPLICATED });
    const due = await dueJson<Failure>(dir, '2027-01-12');
    expect(due.code).toBe(1);
    expect(due.json.error.code).toBe('suppression-invalid');
    const mcp = await connectMcp(dir);
    const answer = await mcp.call('due_touches', { date: '2027-01-12' });
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain('suppression-invalid');
  });

  it('a duplicated key: check reports it at its line and column; due, draft and reply refuse and write nothing', async () => {
    const dir = workspaceWith(DUPLICATED);

    const check = await runJson<Diagnostics>(['check', '--dir', dir]);
    expect(check.code).toBe(1);
    expect(check.json.diagnostics.filter((d) => d.path === SUPPRESSION).map((d) => [d.line, d.column, d.severity, d.rule])).toEqual([[6, 5, 'error', 'yaml-syntax']]);
    expect(check.json.diagnostics.find((d) => d.path === SUPPRESSION)!.message).toMatch(/^Invalid YAML: duplicate key `reason` \(first on line 5\)/);

    const due = await runJson<Failure>(['due', '--date', '2027-01-12', '--dir', dir]);
    expect(due.code).toBe(1);
    expect(due.json.ok).toBe(false);
    expect(due.json).not.toHaveProperty('due');
    expect(due.json.error.code).toBe('suppression-invalid');
    const listed = due.json.error.message.split('\n').slice(1);
    expect(listed).toHaveLength(1);
    // Each problem as `check` prints it: `path:line:col severity message (rule)`.
    expect(listed[0]).toMatch(/^ {2}threads\/sales\/campaigns\/suppression\.yaml:6:5 error Invalid YAML: duplicate key `reason` \(first on line 5\).* \(yaml-syntax\)$/);
    expect(due.json.error.diagnostics.map((d) => [d.path, d.line, d.column, d.rule])).toEqual([[SUPPRESSION, 6, 5, 'yaml-syntax']]);

    const dueText = await runCli(['due', '--date', '2027-01-12', '--dir', dir]);
    expect(dueText.code).toBe(1);
    expect(dueText.stdout).toBe('');
    expect(dueText.stderr).toContain(`error: ${SUPPRESSION} is invalid, so no touch is listed as due`);
    expect(dueText.stderr).toContain(`\n  ${SUPPRESSION}:6:5 error Invalid YAML: duplicate key \`reason\` (first on line 5)`);
    expect(dueText.stderr).toMatch(/\(yaml-syntax\)\n?$/);
    expect(dueText.stderr).not.toMatch(/ada@analytical/);

    const draft = await runJson<Failure>(['campaign', 'draft', '2027-01-12-controller-outbound', '--dir', dir], { env: { THREADWORK_TODAY: '2027-01-12' } });
    expect(draft.code).toBe(1);
    expect(draft.json.error.code).toBe('suppression-invalid');
    expect(draft.json.error.message).toContain(`${SUPPRESSION}:6:5 error Invalid YAML`);
    expect(existsSync(join(dir, CAMPAIGN, 'drafts'))).toBe(false);

    const actionsBefore = read(dir, ACTIONS);
    const unsubscribe = await runJson<Failure>(['campaign', 'reply', '2027-01-12-controller-outbound', 'ada@analytical.example', '--text', 'Please remove me from your mailing list.', '--date', '2027-01-13', '--dir', dir], ON_THE_DAY);
    expect(unsubscribe.code).toBe(1);
    expect(unsubscribe.json.error.code).toBe('suppression-invalid');
    expect(unsubscribe.json.error.message).toContain(`${SUPPRESSION}:6:5 error Invalid YAML`);
    expect(read(dir, SUPPRESSION)).toBe(DUPLICATED);
    expect(read(dir, ACTIONS)).toBe(actionsBefore);
    expect(files(dir, `${CAMPAIGN}/replies`)).toEqual([]);

    // Fixed: due works again and skips the suppressed address, whatever its case.
    writeFiles(dir, { [SUPPRESSION]: VALID });
    const fixed = await dueJson<Due>(dir, '2027-01-12');
    expect(fixed.code).toBe(0);
    expect(fixed.json.due.map((d) => [d.campaign, d.prospect.email, d.touch, d.due])).toEqual([[CAMPAIGN, 'ada@analytical.example', 1, '2027-01-12']]);
    const checkFixed = await checkJson<Diagnostics>(dir);
    expect(checkFixed.json.diagnostics.filter((d) => d.path === SUPPRESSION)).toEqual([]);
  });

  it('schema errors: wrong types, an entry without email, an email that is not an address — each at its line', async () => {
    const text = [
      'suppressed:', //                     1
      '  - email: not-an-address', //       2
      '    reason: unsubscribed', //        3
      '    date: 2027-01-10', //            4
      '  - reason: bounced', //             5
      '    date: 2027-01-10', //            6
      '  - email: ok@example.com', //       7
      '    reason: [a, b]', //              8
      '    date: 2027-01-10', //            9
      '',
    ].join('\n');
    const dir = workspaceWith(text);
    const check = await checkJson<Diagnostics>(dir);
    expect(check.code).toBe(1);
    const found = check.json.diagnostics.filter((d) => d.path === SUPPRESSION).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);
    expect(found).toEqual([
      '2:12 schema Invalid `suppressed[0].email`: expected an email address such as ada@example.com (got "not-an-address")',
      '5:5 schema Missing `suppressed[1].email`: expected an email address such as ada@example.com (or, for someone without one, `linkedin` or `phone`)',
      '8:13 schema Invalid `suppressed[2].reason`: expected text (got ["a","b"])',
    ]);
    const due = await dueJson<Failure>(dir, '2027-01-12');
    expect(due.code).toBe(1);
    expect(due.json.error.message.split('\n').slice(1).map((l) => l.trim().split(' ')[0])).toEqual([`${SUPPRESSION}:2:12`, `${SUPPRESSION}:5:5`, `${SUPPRESSION}:8:13`]);
  });

  it('an entry added by hand without its date, or with a date that is not text, says a date is expected, as for every date', async () => {
    const text = ['suppressed:', '  - email: grace@cobol.example', '    reason: do-not-contact', '  - email: alan@enigma.example', '    reason: do-not-contact', '    date: 20270110', ''].join('\n');
    const dir = workspaceWith(text);
    const check = await checkJson<Diagnostics>(dir);
    expect(check.code).toBe(1);
    expect(check.json.diagnostics.filter((d) => d.path === SUPPRESSION).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:5 Missing `suppressed[0].date`: expected a date such as 2026-03-01',
      '6:11 Invalid `suppressed[1].date`: expected a date such as 2026-03-01 — write 20270110 as 2027-01-10 (got 20270110)',
    ]);
  });

  it('an empty file or a misspelt key is not an empty list', async () => {
    for (const [text, says] of [
      ['', 'Empty file: expected YAML `suppressed:`'],
      ['supressed:\n  - email: grace@cobol.example\n    reason: unsubscribed\n    date: 2027-01-10\n', 'Missing `suppressed`'],
    ] as const) {
      const dir = workspaceWith(text);
      const due = await dueJson<Failure>(dir, '2027-01-12');
      expect(due.code).toBe(1);
      expect(due.json.error.code).toBe('suppression-invalid');
      expect(due.json.error.message).toContain(`${SUPPRESSION}:1:1 error ${says}`);
    }
  });

  it('a missing file is an empty list: nobody unsubscribed yet', async () => {
    const dir = workspaceWith(undefined);
    const due = await dueJson<Due>(dir, '2027-01-12');
    expect(due.code).toBe(0);
    expect(due.json.due.map((d) => d.prospect.email)).toEqual(['ada@analytical.example', 'grace@cobol.example']);
  });
});

describe('a valid suppression list', () => {
  it('drafts skip suppressed and unsubscribed prospects', async () => {
    const dir = workspaceWith(VALID);
    const draft = await draftJson<{ drafts: { path: string; prospect: string }[] }>(dir, '2027-01-12-controller-outbound', '2027-01-12');
    expect(draft.code).toBe(0);
    expect([...new Set(draft.json.drafts.map((d) => d.prospect))]).toEqual(['ada@analytical.example']);
    expect(files(dir, `${CAMPAIGN}/drafts`)).toEqual([1, 2, 3, 4, 5].map((n) => `ada-at-analytical-example-touch-${n}.md`));
  });

  it('a positive reply from an unsubscribed or suppressed prospect is recorded, keeps them unsubscribed and opens no deal', async () => {
    const dir = workspaceWith(VALID);
    const threadsBefore = files(dir, 'threads/sales');

    const alan = await replyJson<{ classification: { category: string }; status: { before: string; after: string }; deal: unknown; doNotContact: boolean; suppressed: boolean; written: string[] }>(dir, '2027-01-12-controller-outbound', 'alan@enigma.example', { text: 'Sounds good, happy to chat on Tuesday.', date: '2027-01-14' });
    expect(alan.code).toBe(0);
    expect(alan.json).toMatchObject({ classification: { category: 'positive' }, status: { before: 'unsubscribed', after: 'unsubscribed' }, deal: null, doNotContact: true, suppressed: false });
    expect(alan.json.written).toEqual([`${CAMPAIGN}/replies/2027-01-14-alan-at-enigma-example.md`]);

    const grace = await replyJson<{ classification: { category: string }; status: { before: string; after: string }; deal: unknown; doNotContact: boolean }>(dir, '2027-01-12-controller-outbound', 'grace@cobol.example', { text: 'Sounds good, happy to chat on Tuesday.', date: '2027-01-14' });
    expect(grace.code).toBe(0);
    expect(grace.json).toMatchObject({ classification: { category: 'positive' }, status: { before: 'active', after: 'unsubscribed' }, deal: null, doNotContact: true });
    expect(read(dir, ACTIONS)).toContain('  - {name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, title: CFO, status: unsubscribed}\n');
    expect(read(dir, ACTIONS)).toContain('  - {name: Alan Turing, email: alan@enigma.example, company: Enigma Pay, title: CFO, status: unsubscribed}\n');

    expect(files(dir, 'threads/sales')).toEqual(threadsBefore);
    expect(existsSync(join(dir, 'threads/sales/enigma-pay'))).toBe(false);
    expect(existsSync(join(dir, 'threads/sales/cobol-lending'))).toBe(false);

    const text = await runCli(['campaign', 'reply', '2027-01-12-controller-outbound', 'alan@enigma.example', '--text', 'Yes, Tuesday works.', '--date', '2027-01-15', '--dir', dir], ON_THE_DAY);
    expect(text.stdout).toContain('do not contact alan@enigma.example unsubscribed before: the reply is recorded, the status stays unsubscribed and no deal is opened');
  });

  it('an unsubscribe is appended, keeping the comments and order of the file', async () => {
    const dir = workspaceWith(VALID);
    const result = await runJson<{ suppressed: boolean; written: string[] }>(['campaign', 'reply', '2027-01-12-controller-outbound', 'Ada@Analytical.example', '--text', 'Please remove me from your mailing list.', '--date', '2027-01-13', '--dir', dir], ON_THE_DAY);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.suppressed).toBe(true);
    expect(result.json.written).toContain(SUPPRESSION);
    expect(read(dir, SUPPRESSION)).toBe(`${VALID}  - email: ada@analytical.example\n    reason: unsubscribed\n    date: 2027-01-13\n    campaign: 2027-01-12-controller-outbound\n`);
    const due = await dueJson<Due>(dir, '2027-01-20');
    expect(due.json.due).toEqual([]);
  });

  it('an unsubscribe leaves every existing line byte for byte, and follows the style of the last entry', async () => {
    // Entries written by hand as one-line maps, a comment after the list and no final line break.
    const handWritten = ['# Addresses no campaign may contact.', 'suppressed:', '  - {email: grace@cobol.example, reason: asked,  date: 2027-01-10}   # on the phone', '  - {email: "bob@island.example", reason: do-not-contact, date: 2027-01-11}', '# end of list'].join('\n');
    const dir = workspaceWith(handWritten);
    const result = await replyJson<{ suppressed: boolean }>(dir, '2027-01-12-controller-outbound', 'ada@analytical.example', { text: 'Please remove me', date: '2027-01-13' });
    expect(result.code).toBe(0);
    expect(result.json.suppressed).toBe(true);
    const lines = handWritten.split('\n');
    expect(read(dir, SUPPRESSION)).toBe([...lines.slice(0, 4), '  - {email: ada@analytical.example, reason: unsubscribed, date: 2027-01-13, campaign: 2027-01-12-controller-outbound}', lines[4]].join('\n'));
    const check = await checkJson<Diagnostics>(dir);
    expect(check.json.diagnostics.filter((d) => d.path === SUPPRESSION)).toEqual([]);
  });
});
