import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { connectMcp, type McpSession } from './helpers/mcp.js';
import { writeFiles } from './helpers/testdir.js';

interface ErrorEnvelope {
  ok: false;
  error: { code: string; message: string; path?: string; [detail: string]: unknown };
}

/**
 * One example workspace and one server on it, per server environment, for every test below
 * that writes only input files of its own (lists under research/lists/, each named for its
 * test) and commits nothing: starting a server is not what they check (mcp.test.ts does). A
 * test that changes what the others read has a workspace and server of its own.
 */
const served = new Map<string, Promise<{ dir: string; mcp: McpSession }>>();
function servedExample(env: Record<string, string> = {}): Promise<{ dir: string; mcp: McpSession }> {
  const key = JSON.stringify(env);
  let session = served.get(key);
  if (!session) {
    const dir = exampleWorkspaceCopy();
    served.set(key, (session = connectMcp(dir, env).then((mcp) => ({ dir, mcp }))));
  }
  return session;
}

/**
 * The MCP server is the API with a protocol around it (docs/mcp.md): given the same input,
 * a tool answers what its command prints with --json — the same error code, the same
 * message, the same details.
 */
describe('an MCP tool and its CLI command, given the same input', () => {
  it('name an account or contact list that cannot be read as it was given, relative to the workspace, never by its absolute path', async () => {
    const { dir, mcp } = await servedExample();
    mkdirSync(join(dir, 'research/lists'), { recursive: true });
    writeFiles(dir, { 'research/lists/bad.json': '[\n  {"name": "A",}\n]\n', 'research/lists/book.xlsx': 'PK\u0003\u0004\u0000\u0000' });
    for (const file of ['research/lists/bad.json', 'research/lists/book.xlsx', 'research/lists/nope.csv', 'research/lists']) {
      for (const [tool, flag] of [['score_accounts', []], ['score_contacts', ['--contacts']]] as const) {
        const cli = await runJson<ErrorEnvelope>(['score', ...flag, file, '-s', 'mid-market-fintech'], { cwd: dir });
        const answer = await mcp.call<ErrorEnvelope>(tool, { segment: 'mid-market-fintech', file });
        expect(cli.code, `${file}: ${cli.stdout}`).toBe(1);
        expect(answer.isError, file).toBe(true);
        expect(answer.data.error.path, `${tool} ${file}`).toBe(file);
        expect(answer.data.error.message, `${tool} ${file}`).toContain(` ${file}`);
        expect(answer.text, `${tool} ${file}`).not.toContain(dir);
        expect(answer.data, `${tool} ${file}`).toEqual(cli.json);
      }
    }
  });

  it('answer a segment, goal or subgoal id in the wrong case or form with the ids the workspace has, not a format error', async () => {
    const { dir, mcp } = await servedExample();
    const accounts = 'research/customer/lists/fintech-accounts-2026-11.csv';
    const contacts = 'research/customer/lists/fintech-contacts-2026-11.csv';
    const pairs: [string, Record<string, unknown>, string[]][] = ['Mid-Market-Fintech', 'mid market fintech'].flatMap((segment): [string, Record<string, unknown>, string[]][] => [
      ['create_deal', { company: 'Zeta Co', segment, commit: false }, ['deal', 'new', 'Zeta Co', '--segment', segment]],
      ['create_campaign', { name: 'Zeta push', segment, commit: false }, ['campaign', 'new', 'Zeta push', '--segment', segment]],
      ['score_accounts', { segment, file: accounts }, ['score', accounts, '--segment', segment]],
      ['score_contacts', { segment, file: contacts }, ['score', '--contacts', contacts, '--segment', segment]],
      ['generate_strategy', { segments: [segment] }, ['strategy', segment]],
    ]);
    const printed = await Promise.all(pairs.map(([, , command]) => runJson<ErrorEnvelope>(command, { cwd: dir })));
    for (const [i, [tool, args, command]] of pairs.entries()) {
      const cli = printed[i]!;
      const answer = await mcp.call<ErrorEnvelope>(tool, args);
      expect(cli.json.error.code, command.join(' ')).toBe('unknown-segment');
      expect(answer.isError, command.join(' ')).toBe(true);
      expect(answer.data, command.join(' ')).toEqual(cli.json);
      expect(answer.text, command.join(' ')).toContain('expected one of mid-market-fintech, ecommerce-finance');
    }
    // list_threads has no command; it answers as creating a thread in that segment does, not with an empty list.
    const created = printed[0]!.json;
    const listedMid = await mcp.call<ErrorEnvelope>('list_threads', { segment: 'Mid-Market-Fintech' });
    expect(listedMid.isError).toBe(true);
    expect(listedMid.data.error).toEqual(created.error);
    // A segment near none: the same error without the one meant.
    const listedFar = await mcp.call<ErrorEnvelope>('list_threads', { segment: 'saas' });
    expect(listedFar.isError).toBe(true);
    const { meant: _meant, ...withoutMeant } = created.error as typeof created.error & { meant?: string };
    expect(listedFar.data.error).toEqual({ ...withoutMeant, message: 'Unknown segment "saas": expected one of mid-market-fintech, ecommerce-finance', segment: 'saas' });
    expect((await mcp.ok<{ threads: unknown[] }>('list_threads', { segment: 'ecommerce-finance' })).threads.length).toBeGreaterThan(0);
    const goals = [['G-Fintech-Beachhead', undefined], ['g-fintech-beachhead', 'sg1']] as const;
    const goalsPrinted = await Promise.all(goals.map(([goal, subgoal]) => runJson<ErrorEnvelope>(['deal', 'new', 'Zeta Co', '--segment', 'mid-market-fintech', '--goal', goal, ...(subgoal ? ['--subgoal', subgoal] : []), '--no-commit'], { cwd: dir })));
    for (const [i, [goal, subgoal]] of goals.entries()) {
      const cli = goalsPrinted[i]!;
      const answer = await mcp.call<ErrorEnvelope>('create_deal', { company: 'Zeta Co', segment: 'mid-market-fintech', goal, subgoal, commit: false });
      expect(cli.json.error.code, goal).toBe(subgoal ? 'unknown-subgoal' : 'unknown-goal');
      expect(answer.data, `${goal} ${subgoal}`).toEqual(cli.json);
    }
  }, 120_000);

  it('refuse a list whose every row is refused, as nothing-scored with each row, file or inline', async () => {
    const { dir, mcp } = await servedExample();
    writeFiles(dir, { 'research/lists/no-names.csv': 'domain,industry\nacme.com,payments\nbeta.com,lending\n' });
    const cli = await runJson<ErrorEnvelope>(['score', 'research/lists/no-names.csv', '-s', 'mid-market-fintech'], { cwd: dir });
    const answer = await mcp.call<ErrorEnvelope>('score_accounts', { segment: 'mid-market-fintech', file: 'research/lists/no-names.csv' });
    expect(cli.code).toBe(1);
    expect(cli.json.error.code).toBe('nothing-scored');
    expect(answer.isError).toBe(true);
    expect(answer.data).toEqual(cli.json);
    const inline = await mcp.call<ErrorEnvelope>('score_accounts', { segment: 'mid-market-fintech', accounts: [{ company_size: 'lots' }] });
    expect(inline.isError).toBe(true);
    expect(inline.data.error).toEqual({
      code: 'nothing-scored',
      message: 'Nothing scored: the one account given was refused; fix it and score again:\n  row 1: no `name` column (or JSON field): the company name is required; this row has `company_size`',
      rejected: [{ row: 1, error: 'no `name` column (or JSON field): the company name is required; this row has `company_size`' }],
    });
  });

  it('refuse a list with no rows at all as nothing-scored too, file or inline', async () => {
    const { dir, mcp } = await servedExample();
    writeFiles(dir, { 'research/lists/header-only.csv': 'name,domain\n' });
    for (const [tool, flag] of [['score_accounts', []], ['score_contacts', ['--contacts']]] as const) {
      const cli = await runJson<ErrorEnvelope>(['score', ...flag, 'research/lists/header-only.csv', '-s', 'mid-market-fintech'], { cwd: dir });
      expect(cli.code).toBe(1);
      expect(cli.json.error).toMatchObject({ code: 'nothing-scored', path: 'research/lists/header-only.csv', rejected: [] });
      expect((await mcp.call<ErrorEnvelope>(tool, { segment: 'mid-market-fintech', file: 'research/lists/header-only.csv' })).data, tool).toEqual(cli.json);
    }
    const accounts = await mcp.call<ErrorEnvelope>('score_accounts', { segment: 'mid-market-fintech', accounts: [] });
    expect(accounts.isError).toBe(true);
    expect(accounts.data.error).toEqual({ code: 'nothing-scored', message: 'Nothing scored: no account was given (an empty list): expected at least one', rejected: [] });
    const contacts = await mcp.call<ErrorEnvelope>('score_contacts', { segment: 'mid-market-fintech', contacts: [] });
    expect(contacts.data.error).toMatchObject({ code: 'nothing-scored', message: 'Nothing scored: no contact was given (an empty list): expected at least one' });
  });

  it('score inline accounts as the command scores the same rows in a file: a bad value left out, an export spelling read', async () => {
    const rows = [
      { company: 'Acme Payments', industry: 'payments', employees: '1,200', geography: 'United States' },
      { name: 'Beta Lending', employees: 'lots' },
      { organization: 'Gamma Pay', employees: 300, technologies: 'NetSuite; Stripe' },
    ];
    const env = { THREADWORK_TODAY: '2026-11-22' };
    const { dir, mcp } = await servedExample(env);
    writeFiles(dir, { 'research/lists/inline.json': JSON.stringify(rows) });
    const cli = await runJson<{ ranked: { name: string; leftOut: unknown[] }[]; rejected: { row: number }[] }>(['score', 'research/lists/inline.json', '-s', 'mid-market-fintech'], { cwd: dir, env });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.json.ranked.map((a) => a.name).sort()).toEqual(['Acme Payments', 'Beta Lending', 'Gamma Pay']);
    expect(cli.json.rejected).toEqual([]);
    expect(cli.json.ranked.find((a) => a.name === 'Beta Lending')?.leftOut).toEqual([{ row: 2, field: 'employees', detail: 'expected a number of employees or a band such as 480, 201-500 or 10,001+ (got "lots")' }]);
    const answer = await mcp.call('score_accounts', { segment: 'mid-market-fintech', accounts: rows });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.data).toEqual(cli.json);
  });

  it('skip a row that is not an object, inline as in a file, instead of refusing the whole list', async () => {
    const rows = [{ name: 'Acme Payments', industry: 'payments', employees: 1200 }, 5, 'Beta Lending', null];
    const env = { THREADWORK_TODAY: '2026-11-22' };
    const { dir, mcp } = await servedExample(env);
    writeFiles(dir, { 'research/lists/mixed.json': JSON.stringify(rows) });
    for (const [tool, flag, key] of [['score_accounts', [], 'accounts'], ['score_contacts', ['--contacts'], 'contacts']] as const) {
      const cli = await runJson<{ ranked: unknown[]; rejected: { row: number; error: string }[] }>(['score', ...flag, 'research/lists/mixed.json', '-s', 'mid-market-fintech'], { cwd: dir, env });
      expect(cli.code, cli.stdout).toBe(0);
      expect(cli.json.rejected.map((r) => r.row)).toEqual([2, 3, 4]);
      const answer = await mcp.call(tool, { segment: 'mid-market-fintech', [key]: rows });
      expect(answer.isError, answer.text).toBe(false);
      expect(answer.data, tool).toEqual(cli.json);
    }
  });

  it('answer an address that is not one as the command does: invalid-email for a contact, the prospects there are for a reply', async () => {
    const { dir, mcp } = await servedExample();
    const campaign = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
    const [deal, reply] = await Promise.all([
      runJson<ErrorEnvelope>(['deal', 'new', 'Zeta Co', '--segment', 'mid-market-fintech', '--email', 'zeta at zeta.com', '--no-commit'], { cwd: dir }),
      runJson<ErrorEnvelope>(['campaign', 'reply', campaign, 'Ravi.Shah@meridianpay', '--text', 'Thanks, not now', '--no-commit'], { cwd: dir }),
    ]);
    expect(deal.json.error.code).toBe('invalid-email');
    expect(reply.json.error.code).toBe('unknown-prospect');
    expect(reply.json.error.message).toContain('expected one of ravi.shah@meridianpay.com');
    // The prospects there are, as data an agent retries with — not only in the message's words.
    expect(reply.json.error).toMatchObject({ path: `${campaign}/5-actions.md`, email: 'Ravi.Shah@meridianpay', known: expect.arrayContaining(['ravi.shah@meridianpay.com', 'lucia.moreno@cobaltremit.com']) });
    expect(reply.json.error.known).toHaveLength(8);
    const created = await mcp.call<ErrorEnvelope>('create_deal', { company: 'Zeta Co', segment: 'mid-market-fintech', contact_email: 'zeta at zeta.com', commit: false });
    expect(created.data).toEqual(deal.json);
    const recorded = await mcp.call<ErrorEnvelope>('record_reply', { campaign, email: 'Ravi.Shah@meridianpay', text: 'Thanks, not now', commit: false });
    expect(recorded.data).toEqual(reply.json);
  });

  it('answer a deal given as the campaign with not-a-campaign, what a campaign is and its path, in draft and reply alike', async () => {
    const { dir, mcp } = await servedExample();
    const deal = 'threads/sales/cobalt-remit';
    const [draft, reply] = await Promise.all([
      runJson<ErrorEnvelope>(['campaign', 'draft', 'cobalt-remit', '--no-commit'], { cwd: dir }),
      runJson<ErrorEnvelope>(['campaign', 'reply', 'cobalt-remit', 'lucia.moreno@cobaltremit.com', '--text', 'Thanks, not now', '--no-commit'], { cwd: dir }),
    ]);
    for (const cli of [draft, reply]) {
      expect(cli.code, cli.stdout).toBe(1);
      expect(cli.json.error).toEqual({ code: 'not-a-campaign', message: `Not a campaign thread: ${deal} (expected threads/sales/campaigns/{date}-{name})`, path: deal });
    }
    expect((await mcp.call<ErrorEnvelope>('draft_campaign', { campaign: 'cobalt-remit', commit: false })).data).toEqual(draft.json);
    expect((await mcp.call<ErrorEnvelope>('record_reply', { campaign: 'cobalt-remit', email: 'lucia.moreno@cobaltremit.com', text: 'Thanks, not now', commit: false })).data).toEqual(reply.json);
  });

  it('refuse an argument the tool does not take, as the command refuses an unknown option, and write nothing', async () => {
    const dir = exampleWorkspaceCopy();
    // A derived field lost by hand: a real sync writes it back; a dry run does not.
    const metaPath = join(dir, 'threads/sales/keel-neobank/meta.json');
    const { status: _status, ...meta } = JSON.parse(readFileSync(metaPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
    const before = readFileSync(metaPath, 'utf8');
    const head = git(dir, 'rev-parse', 'HEAD');
    const cli = await runJson<ErrorEnvelope>(['sync', '--dryRun'], { cwd: dir });
    expect(cli.code).toBe(1);
    expect(cli.json.error.code).toBe('invalid-arguments');
    const mcp = await connectMcp(dir);
    // `dryRun` for `dry_run`: ignored, it ran a real sync and committed it.
    const synced = await mcp.call<ErrorEnvelope>('sync', { dryRun: true });
    expect(synced.isError, synced.text).toBe(true);
    expect(synced.data.error).toMatchObject({ code: 'invalid-arguments', tool: 'sync' });
    expect(synced.data.error.message).toContain('"dryRun"');
    expect(synced.data.error.message).toContain('dry_run, commit');
    // `contactEmail` for `contact_email`: ignored, the deal was opened without the address.
    const created = await mcp.call<ErrorEnvelope>('create_deal', { company: 'Zeta Co', segment: 'mid-market-fintech', contactEmail: 'ada@zeta.com' });
    expect(created.data.error).toMatchObject({ code: 'invalid-arguments', tool: 'create_deal' });
    expect(created.data.error.message).toContain('"contactEmail"');
    expect(readFileSync(metaPath, 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'threads/sales/zeta-co'))).toBe(false);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    // The tools' input schemas say so to a client that reads them.
    const tools = (await mcp.client.listTools()).tools;
    expect(tools.find((t) => t.name === 'sync')!.inputSchema).toMatchObject({ additionalProperties: false });
  });

  it('answer a report name that is not one with unknown-report and the reports there are, not an input-schema error', async () => {
    const { dir, mcp } = await servedExample();
    for (const name of ['Pipeline', 'win-loss']) {
      const cli = await runJson<ErrorEnvelope>(['report', name], { cwd: dir });
      expect(cli.code, cli.stdout).toBe(1);
      expect(cli.json.error).toMatchObject({ code: 'unknown-report', known: ['pipeline', 'winloss', 'goals', 'assumptions', 'forecast', 'campaigns'] });
      const answer = await mcp.call<ErrorEnvelope>('report', { name });
      expect(answer.isError, name).toBe(true);
      expect(answer.data, name).toEqual(cli.json);
    }
    // The tool still lists the names in its input schema, for a client that reads it.
    const tools = (await mcp.client.listTools()).tools;
    expect(JSON.stringify(tools.find((t) => t.name === 'report')!.inputSchema)).toContain('campaigns');
  });
  it('answer a date that is not a day with invalid-date and the words of --date, in every tool that takes one', async () => {
    const { dir, mcp } = await servedExample();
    const campaign = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
    const pairs: [string, Record<string, unknown>, string[]][] = [
      ['due_touches', {}, ['due']],
      ['create_deal', { company: 'Zeta Co', segment: 'mid-market-fintech', commit: false }, ['deal', 'new', 'Zeta Co', '--segment', 'mid-market-fintech', '--no-commit']],
      ['create_campaign', { name: 'Zeta push', segment: 'mid-market-fintech', commit: false }, ['campaign', 'new', 'Zeta push', '--segment', 'mid-market-fintech', '--no-commit']],
      ['record_reply', { campaign, email: 'ravi.shah@meridianpay.com', text: 'Thanks, not now', commit: false }, ['campaign', 'reply', campaign, 'ravi.shah@meridianpay.com', '--text', 'Thanks, not now', '--no-commit']],
    ];
    for (const date of ['2026-02-30', 'tomorrow', '2026-11-06T10:00Z']) {
      for (const [tool, args, command] of pairs) {
        const cli = await runJson<ErrorEnvelope>([...command, '--date', date], { cwd: dir });
        expect(cli.json.error, `${command.join(' ')} --date ${date}`).toMatchObject({ code: 'invalid-date' });
        const answer = await mcp.call<ErrorEnvelope>(tool, { ...args, date });
        expect(answer.isError, `${tool} ${date}`).toBe(true);
        expect(answer.data, `${tool} ${date}`).toEqual(cli.json);
      }
    }
  });

  it('refuse a thread argument with ".." in the same words, whether it leads outside the workspace or not', async () => {
    const { dir, mcp } = await servedExample();
    for (const thread of ['../../etc', 'threads/../../etc', 'threads/../x']) {
      for (const [tool, args, command] of [
        ['advance', { thread }, ['advance', thread]],
        ['history', { subject: thread }, ['history', thread]],
      ] as const) {
        const cli = await runJson<ErrorEnvelope>([...command], { cwd: dir });
        const answer = await mcp.call<ErrorEnvelope>(tool, args);
        expect(cli.json.error, `${command.join(' ')}: ${cli.stdout}`).toMatchObject({ code: 'path-refused', path: thread });
        expect(answer.isError, `${tool} ${thread}`).toBe(true);
        expect(answer.data, `${tool} ${thread}`).toEqual(cli.json);
      }
    }
  });

  it('answer a goal that is not there with unknown-goal and the goals there are, as a resource read and as a tool', async () => {
    const { dir, mcp } = await servedExample();
    const tool = await mcp.call<ErrorEnvelope>('create_deal', { company: 'Zeta Co', segment: 'mid-market-fintech', goal: 'g-nope', commit: false });
    const cli = await runJson<ErrorEnvelope>(['deal', 'new', 'Zeta Co', '--segment', 'mid-market-fintech', '--goal', 'g-nope', '--no-commit'], { cwd: dir });
    expect(tool.data).toEqual(cli.json);
    expect(tool.data.error).toMatchObject({ code: 'unknown-goal', goal: 'g-nope', known: ['g-arr-500k-2026', 'g-fintech-beachhead'] });
    for (const id of ['g-nope', 'G-Nope']) {
      const read = await mcp.client.readResource({ uri: `threadwork://goals/${id}` }).then(
        () => undefined,
        (error: unknown) => error as { code: number; message: string; data: Record<string, unknown> },
      );
      expect(read?.code, id).toBe(-32602);
      const { message, ...details } = tool.data.error;
      expect(read?.data, id).toEqual({ ...details, goal: id });
      expect(read?.message, id).toContain(message.replace('"g-nope"', JSON.stringify(id)));
    }
  });

  it('refuse a thread argument with a control character with the same code and words', async () => {
    const { dir, mcp } = await servedExample();
    for (const thread of ['threads/sales/acme\u0001corp', 'acme\u0001corp']) {
      for (const [tool, args, command] of [
        ['advance', { thread }, ['advance', thread]],
        ['read_thread', { thread }, ['history', thread]],
      ] as const) {
        const cli = await runJson<ErrorEnvelope>([...command], { cwd: dir });
        const answer = await mcp.call<ErrorEnvelope>(tool, args);
        expect(cli.code, `${command.join(' ')}: ${cli.stdout}`).toBe(1);
        expect(answer.isError, `${tool} ${JSON.stringify(thread)}`).toBe(true);
        expect(answer.data, `${tool} ${JSON.stringify(thread)}`).toEqual(cli.json);
      }
    }
  });
});
