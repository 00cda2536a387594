import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { copyOfPrepared } from './helpers/prepared.js';

const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
const ENV = { THREADWORK_TODAY: '2026-12-01' };

/*
 * Speed: a CLI process costs about a second on a loaded two-core machine. Where a test is
 * about what campaign reply answers rather than the process, it runs the command's own
 * function (src/cli/commands/campaign-outreach.ts) in this process on ENV's day: the same
 * JSON and exit code. Each test keeps the real CLI run it starts from (and every text and
 * stderr check); the example workspaces are built once per file and copied.
 */

afterEach(() => {
  vi.unstubAllEnvs();
});

/** `threadwork campaign reply <campaign> <email> --text … [--date …] --json --dir <dir>` on ENV's day, without a process. */
function replyJson<T>(dir: string, email: string, flags: { text: string; date?: string }): ReturnType<typeof commandJson<T>> {
  vi.stubEnv('THREADWORK_TODAY', ENV.THREADWORK_TODAY);
  return commandJson<T>(() => campaignReplyCommand(CAMPAIGN, email, { ...flags, commit: true }, { dir, json: true }));
}

/** The example workspace with one more prospect, at Northwind Payments — a company the example already has a deal with (source outbound): a copy of one made once per file. */
function workspaceWithNorthwindProspect(): string {
  return copyOfPrepared('northwind-prospect', withNorthwindProspect);
}

function withNorthwindProspect(): string {
  const dir = exampleWorkspaceCopy();
  const actions = join(dir, CAMPAIGN, '5-actions.md');
  const text = readFileSync(actions, 'utf8');
  writeFileSync(actions, text.replace(/( {2}- \{name: Daniel Kim[^\n]*\n)/, '$1  - {name: Nora West, email: nora@northwindpay.example, company: Northwind Payments, title: Controller, status: active, started: 2026-09-15}\n'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'a prospect at Northwind Payments');
  return dir;
}

interface Reply {
  recorded: string;
  deal: { path: string; existing?: true; taken?: string } | null;
  written: string[];
}

describe('campaign reply: a positive reply opens its own deal', () => {
  it('does not link a prospect to another deal whose folder the company name makes', async () => {
    const dir = workspaceWithNorthwindProspect();
    const before = readFileSync(join(dir, 'threads/sales/northwind-payments/meta.json'), 'utf8');
    const { code, json } = await runJson<Reply>(['campaign', 'reply', CAMPAIGN, 'nora@northwindpay.example', '--text', 'Yes, happy to chat on Tuesday'], { cwd: dir, env: ENV });
    expect(code).toBe(0);
    expect(json.deal).toMatchObject({ path: 'threads/sales/northwind-payments-2', taken: 'threads/sales/northwind-payments' });
    expect(json.deal).not.toHaveProperty('existing');
    expect(readFileSync(join(dir, 'threads/sales/northwind-payments/meta.json'), 'utf8')).toBe(before);
    const meta = JSON.parse(readFileSync(join(dir, 'threads/sales/northwind-payments-2/meta.json'), 'utf8')) as { source: string; title: string };
    expect(meta).toMatchObject({ source: 'campaign:2026-09-15-fintech-controller-outbound', title: 'Northwind Payments' });
    expect(readFileSync(join(dir, 'threads/sales/northwind-payments-2/1-input.md'), 'utf8')).toContain('nora@northwindpay.example');
    // A second positive reply finds that deal: it is this campaign's, for this contact.
    const again = await replyJson<Reply>(dir, 'nora@northwindpay.example', { text: 'Tuesday 10am works, send an invite', date: '2026-12-01' });
    expect(again.json.deal).toEqual({ path: 'threads/sales/northwind-payments-2', existing: true });
    // A deal that is this campaign's for this contact is the prospect's deal.
    const ravi = await replyJson<Reply>(dir, 'ravi.shah@meridianpay.com', { text: 'Yes, happy to chat on Tuesday' });
    expect(ravi.json.deal).toEqual({ path: 'threads/sales/meridian-pay', existing: true });
    expect(existsSync(join(dir, 'threads/sales/meridian-pay-2'))).toBe(false);
  });

  it('says so in the text output', async () => {
    const dir = workspaceWithNorthwindProspect();
    const text = await runCli(['campaign', 'reply', CAMPAIGN, 'nora@northwindpay.example', '--text', 'Yes, happy to chat on Tuesday'], { cwd: dir, env: ENV });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("opened deal threads/sales/northwind-payments-2 — threads/sales/northwind-payments is another deal's");
    expect(text.stdout).not.toContain('deal already open');
  });
});

describe('campaign reply: the same reply twice is recorded once', () => {
  it('writes nothing the second time and says it was already recorded', async () => {
    const dir = exampleWorkspaceCopy();
    const args = ['campaign', 'reply', CAMPAIGN, 'hbrooks@tallyfi.com', '--text', 'Not now, maybe next quarter.', '--date', '2026-11-20'];
    const first = await runJson<Reply & { alreadyRecorded: boolean }>(args, { cwd: dir, env: ENV });
    expect(first.code).toBe(0);
    expect(first.json.alreadyRecorded).toBe(false);
    const head = git(dir, 'rev-parse', 'HEAD');
    const again = await replyJson<Reply & { alreadyRecorded: boolean }>(dir, 'hbrooks@tallyfi.com', { text: 'Not now, maybe next quarter.', date: '2026-11-20' });
    expect(again.code).toBe(0);
    expect(again.json).toMatchObject({ alreadyRecorded: true, recorded: first.json.recorded, written: [], deal: null });
    expect(readdirSync(join(dir, CAMPAIGN, 'replies'))).toEqual(['2026-11-20-hbrooks-at-tallyfi-com.md']);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const text = await runCli(args, { cwd: dir, env: ENV });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`already recorded ${first.json.recorded}`);
    expect(text.stdout).toContain('Nothing was written');
    // Another text, or another day, is another reply.
    const other = await replyJson<Reply & { alreadyRecorded: boolean }>(dir, 'hbrooks@tallyfi.com', { text: 'Not now, maybe in Q2.', date: '2026-11-20' });
    expect(other.json).toMatchObject({ alreadyRecorded: false, recorded: `${CAMPAIGN}/replies/2026-11-20-hbrooks-at-tallyfi-com-2.md` });
  });
});

describe('campaign reply: a positive reply retried', () => {
  // An agent whose answer was lost retries: the deal the first call opened is its answer too,
  // where `deal: null` said no deal was opened for a reply classified positive.
  it('answers the deal the first call opened, as existing', async () => {
    const dir = workspaceWithNorthwindProspect();
    const first = await replyJson<Reply & { alreadyRecorded: boolean }>(dir, 'nora@northwindpay.example', { text: 'Yes, happy to chat on Tuesday', date: '2026-12-01' });
    expect(first.json.deal).toMatchObject({ path: 'threads/sales/northwind-payments-2' });
    const head = git(dir, 'rev-parse', 'HEAD');
    const again = await replyJson<Reply & { alreadyRecorded: boolean }>(dir, 'nora@northwindpay.example', { text: 'Yes, happy to chat on Tuesday', date: '2026-12-01' });
    expect(again.json).toMatchObject({ alreadyRecorded: true, written: [], deal: { path: 'threads/sales/northwind-payments-2', existing: true } });
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });
});

describe('campaign reply: not before the campaign started', () => {
  it('refuses a reply dated before the prospect was first contacted, naming the start date', async () => {
    const dir = exampleWorkspaceCopy();
    const head = git(dir, 'rev-parse', 'HEAD');
    const early = await runJson<{ ok: false; error: { code: string; message: string } }>(['campaign', 'reply', CAMPAIGN, 'hbrooks@tallyfi.com', '--text', 'Yes, happy to chat on Tuesday', '--date', '2020-01-01'], { cwd: dir, env: ENV });
    expect(early.code).toBe(1);
    expect(early.json.error.code).toBe('reply-before-start');
    expect(early.json.error.message).toContain('2026-09-15');
    expect(early.json.error.message).toContain('`started`');
    expect(existsSync(join(dir, CAMPAIGN, 'replies'))).toBe(false);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // The day before the start is refused; the start day itself is a reply like any other.
    const before = await runCli(['campaign', 'reply', CAMPAIGN, 'hbrooks@tallyfi.com', '--text', 'Yes, happy to chat on Tuesday', '--date', '2026-09-14'], { cwd: dir, env: ENV });
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('before the campaign started for hbrooks@tallyfi.com on 2026-09-15');
    const onTheDay = await replyJson<Reply>(dir, 'hbrooks@tallyfi.com', { text: 'Yes, happy to chat on Tuesday', date: '2026-09-15' });
    expect(onTheDay.code).toBe(0);
  });
});

describe('check: an address listed twice on the suppression list', () => {
  it('warns at the second entry, naming the line of the first', async () => {
    const dir = exampleWorkspaceCopy();
    const list = [
      '# Addresses no campaign may contact.',
      'suppressed:',
      '  - {email: grace@cobol.example, reason: unsubscribed, date: 2026-10-01}',
      '  - email: ada@analytical.example',
      '    reason: bounced',
      '    date: 2026-10-02',
      '  - {email: Grace@Cobol.example, reason: do-not-contact, date: 2026-10-03}',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'threads/sales/campaigns/suppression.yaml'), list);
    const check = await runJson<{ diagnostics: { path: string; line: number; rule: string; severity: string; message: string }[] }>(['check'], { cwd: dir, env: ENV });
    const found = check.json.diagnostics.filter((d) => d.rule === 'duplicate-suppression');
    expect(found).toEqual([expect.objectContaining({ path: 'threads/sales/campaigns/suppression.yaml', line: 7, severity: 'warning' })]);
    expect(found[0]!.message).toContain('already listed on line 3');
    expect(found[0]!.message).toContain('Grace@Cobol.example');
  });
});

/**
 * A blank --text (an unset shell variable, a paste that failed) was recorded as a reply,
 * classified neutral, and set the prospect to `replied`: their sequence stopped on a
 * message they never sent.
 */
describe('a blank reply', () => {
  it('is refused, naming what was expected, and nothing is written', async () => {
    const dir = exampleWorkspaceCopy();
    const head = git(dir, 'rev-parse', 'HEAD');
    // The empty one through the CLI (argv as typed), the others without a process.
    for (const text of ['', '   ', '\n\t\n']) {
      type Refusal = { error: { code: string; message: string } };
      const result = text === '' ? await runJson<Refusal>(['campaign', 'reply', CAMPAIGN, 'ravi.shah@meridianpay.com', '--text', text, '--dir', dir], { env: ENV }) : await replyJson<Refusal>(dir, 'ravi.shah@meridianpay.com', { text });
      expect(result.code, JSON.stringify(text)).toBe(1);
      expect(result.json.error).toEqual({ code: 'invalid-arguments', message: 'Missing reply text: --text is blank; expected the reply as received, e.g. --text "Happy to talk next week"' });
    }
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });
});
