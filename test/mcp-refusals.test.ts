import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { runJson } from './helpers/cli.js';
import { connectMcp, type McpSession } from './helpers/mcp.js';
import { read, testdir } from './helpers/testdir.js';

function snapshot(dir: string, folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(join(dir, folder)).map((f) => [f, read(dir, `${folder}/${f}`)]));
}

const head = (dir: string): string => git(dir, 'rev-parse', 'HEAD').trim();

/**
 * One example workspace and one server on it for the tests below that only read or are
 * refused, each checking that it left the disk and git as they were: starting a server is
 * not what they check (mcp.test.ts does). A test that writes has a workspace of its own.
 */
let untouched: Promise<{ dir: string; mcp: McpSession }> | undefined;
function servedUntouched(): Promise<{ dir: string; mcp: McpSession }> {
  if (!untouched) {
    const dir = exampleWorkspaceCopy();
    untouched = connectMcp(dir).then((mcp) => ({ dir, mcp }));
  }
  return untouched;
}

/*
 * The MCP server's refusals: a stage write, a path or thread argument, a resource it will not
 * serve, each named in the terms of the tools; and docs/mcp.md against what it serves. What it
 * serves and writes is in mcp.test.ts.
 */
describe('threadwork mcp refuses', () => {
  it('refuses an invalid stage write with diagnostics naming each field, and leaves the disk and git untouched', async () => {
    const { dir, mcp } = await servedUntouched();
    const thread = 'threads/sales/oakline-outfitters';
    const before = snapshot(dir, thread);
    const headBefore = head(dir);

    const invalid = await mcp.call<{ ok: false; error: { code: string; path: string; diagnostics: { path: string; line: number; column: number; field?: string; message: string; rule: string }[] } }>('write_stage', {
      thread,
      stage: 2,
      front_matter: { tests: ['A1', 'A99'], initial_confidence: 1.7 },
    });
    expect(invalid.isError).toBe(true);
    expect(invalid.data.error.code).toBe('stage-invalid');
    const diagnostics = invalid.data.error.diagnostics;
    expect(diagnostics.every((d) => d.path === `${thread}/2-hypothesis.md` && d.line > 1)).toBe(true);
    expect(diagnostics.find((d) => d.rule === 'schema')).toMatchObject({ field: 'initial_confidence' });
    expect(diagnostics.some((d) => d.message.includes('A99'))).toBe(true);
    expect(invalid.text).toContain(`${thread}/2-hypothesis.md:`);

    const noSuchStage = await mcp.call('write_stage', { thread: 'brightcart', stage: 7, front_matter: {} });
    expect(noSuchStage.isError).toBe(true);
    expect(noSuchStage.text).toMatch(/stage/);
    const skipping = await mcp.call<{ error: { code: string; path: string } }>('write_stage', { thread: 'cobalt-remit', stage: 6, front_matter: { outcome: 'closed-won' } });
    expect(skipping.isError && skipping.data.error.code).toBe('stage-order');
    // It said only "fill and advance the current one first": which stage is current, and which one may be written, the agent had to find out.
    expect(skipping.text).toContain('the thread is at 2-hypothesis.md. Stages open one at a time: complete 2-hypothesis.md, then write 3-implication.md, which opens it (as the `advance` tool, "thread": "threads/sales/cobalt-remit" does)');
    expect(skipping.data.error.path).toBe('threads/sales/cobalt-remit/2-hypothesis.md');
    const ended = await mcp.call<{ error: { code: string; path: string } }>('advance', { thread: 'harbor-lending' });
    expect(ended.data.error).toMatchObject({ code: 'last-stage', path: 'threads/sales/harbor-lending/6-learning.md' });
    expect(ended.text).toContain('threads/sales/harbor-lending is closed (closed-won on 2026-09-24), in 6-learning.md: nothing to advance to');

    expect(snapshot(dir, thread)).toEqual(before);
    expect(head(dir)).toBe(headBefore);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // And the server is still there.
    expect((await mcp.ok<{ ok: boolean }>('check')).ok).toBe(true);
  });

  // Front matter nested thousands of levels deep overflowed the stack while being turned into
  // YAML: `internal` ("a threadwork bug"). It is the refusal a file nested past the limit gets.
  it('refuses front matter nested deeper than threadwork reads as stage-invalid (yaml-limit), never an internal error', async () => {
    const { dir, mcp } = await servedUntouched();
    const thread = 'threads/sales/oakline-outfitters';
    const before = snapshot(dir, thread);
    const headBefore = head(dir);
    let deep: unknown = 'x';
    for (let i = 0; i < 2000; i++) deep = i % 2 ? [deep] : { a: deep };
    for (const front_matter of [{ company: deep }, { signal: 'Asked for pricing', company: { technologies: deep } }]) {
      const refused = await mcp.call<{ ok: false; error: { code: string; diagnostics: { path: string; field?: string; message: string; rule: string }[] } }>('write_stage', { thread, stage: 1, front_matter });
      expect(refused.isError, refused.text).toBe(true);
      expect(refused.data.error.code, refused.text).toBe('stage-invalid');
      expect(refused.data.error.diagnostics).toEqual([expect.objectContaining({ path: `${thread}/1-input.md`, rule: 'yaml-limit', field: 'company', message: 'YAML over a limit: nested more than 100 levels deep (lists and maps)' })]);
    }
    expect(snapshot(dir, thread)).toEqual(before);
    expect(head(dir)).toBe(headBefore);
    expect(mcp.stderr()).not.toContain('internal error');
  });

  // A signal longer than the front matter threadwork reads was told "Template …/1-input.md.hbs
  // renders an invalid 1-input.md" (template-invalid): the bundled template blamed for an argument.
  it('refuses a create_deal argument too long for the stage file as the write it is, not as a broken template', async () => {
    const { dir, mcp } = await servedUntouched();
    const headBefore = head(dir);
    const refused = await mcp.call<{ ok: false; error: { code: string; message: string; diagnostics: { path: string; rule: string }[] } }>('create_deal', { company: 'Longwind', segment: 'ecommerce-finance', signal: 'x'.repeat(1_100_000) });
    expect(refused.isError).toBe(true);
    expect(refused.data.error.code, refused.text).toBe('write-invalid');
    expect(refused.data.error.message).toMatch(/^Refused to write threads\/sales\/longwind\/1-input\.md: 1 error; nothing was written/);
    expect(refused.data.error.message).not.toContain('emplate');
    expect(refused.data.error.diagnostics).toEqual([expect.objectContaining({ path: 'threads/sales/longwind/1-input.md', rule: 'yaml-limit' })]);
    expect(head(dir)).toBe(headBefore);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  /*
   * The fourth review: write_stage opening each next stage with empty front matter walked a
   * new deal to closed-won — no signal, no decision, its close still pending — and the win
   * was counted in the metrics and the goal. Opening a stage is advance's step, with its gate.
   */
  it('opens a new stage only as advance does: the stage before complete, its actions settled, nothing written otherwise', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const headBefore = head(dir);
    const created = await mcp.ok<{ result: { path: string } }>('create_deal', { company: 'Skip Ahead', segment: 'mid-market-fintech', goal: 'g-arr-500k-2026' });
    const thread = created.result.path;
    const afterCreate = head(dir);
    expect(afterCreate).not.toBe(headBefore);
    const empty = await mcp.call<{ error: { code: string; message: string; stage: number; missing: { field: string }[] } }>('write_stage', { thread, stage: 2, front_matter: {} });
    expect(empty.isError).toBe(true);
    expect(empty.data.error).toMatchObject({ code: 'stage-incomplete', stage: 1 });
    expect(empty.data.error.message).toMatch(new RegExp(`^Cannot write 2-hypothesis\\.md of ${thread}: 1-input\\.md is not complete`));
    // The same fields advance asks for.
    const advanced = await mcp.call<{ error: { code: string; missing: { field: string }[] } }>('advance', { thread });
    expect(advanced.data.error.code).toBe('stage-incomplete');
    expect(empty.data.error.missing.map((m) => m.field)).toEqual(advanced.data.error.missing.map((m) => m.field));
    expect(readdirSync(join(dir, thread)).sort()).toEqual(['1-input.md', 'meta.json']);

    // A deal whose actions are still pending records no learning, however it is asked.
    const oakline = 'threads/sales/oakline-outfitters';
    const learning = await mcp.call<{ error: { code: string; missing: { field: string }[] } }>('write_stage', { thread: oakline, stage: 6, front_matter: { outcome: 'closed-won', closed: '2026-12-01', arr: 90000 } });
    expect(learning.isError).toBe(true);
    expect(learning.data.error.code).toBe('stage-incomplete');
    expect(learning.data.error.missing.every((m) => /^actions\[\d+\]\.status$/.test(m.field))).toBe(true);
    expect(readdirSync(join(dir, oakline))).not.toContain('6-learning.md');
    expect(head(dir)).toBe(afterCreate);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses every path that leads out of the workspace, symbolic links included, and goes on serving', async () => {
    const dir = exampleWorkspaceCopy();
    const outside = testdir({ 'secret.csv': 'name,industry\nLeak Inc,payments\n', 'evil/meta.json': read(dir, 'threads/sales/oakline-outfitters/meta.json'), 'evil/1-input.md': read(dir, 'threads/sales/oakline-outfitters/1-input.md') });
    symlinkSync(join(outside, 'evil'), join(dir, 'threads/sales/evil'));
    mkdirSync(join(dir, 'research/lists'), { recursive: true });
    symlinkSync(join(outside, 'secret.csv'), join(dir, 'research/lists/accounts.csv'));
    const mcp = await connectMcp(dir);

    const refusals = [
      await mcp.call<{ error: { code: string } }>('read_thread', { thread: '../../etc' }),
      await mcp.call<{ error: { code: string } }>('read_thread', { thread: `${dir}/threads/sales/oakline-outfitters` }),
      await mcp.call<{ error: { code: string } }>('read_thread', { thread: 'threads/sales/evil' }),
      await mcp.call<{ error: { code: string } }>('write_stage', { thread: 'evil', stage: 2, front_matter: { tests: ['A1'] } }),
      await mcp.call<{ error: { code: string } }>('score_accounts', { segment: 'mid-market-fintech', file: '../secret.csv' }),
      await mcp.call<{ error: { code: string } }>('score_accounts', { segment: 'mid-market-fintech', file: join(outside, 'secret.csv') }),
      await mcp.call<{ error: { code: string } }>('score_accounts', { segment: 'mid-market-fintech', file: 'research/lists/accounts.csv' }),
      await mcp.call<{ error: { code: string } }>('history', { subject: 'threads/../../etc' }),
    ];
    for (const [i, r] of refusals.entries()) {
      expect(r.isError, `call ${i}: ${r.text}`).toBe(true);
      expect(['path-refused', 'invalid-thread'], `call ${i}: ${r.text}`).toContain(r.data.error.code);
    }
    expect(readdirSync(join(outside, 'evil')).sort()).toEqual(['1-input.md', 'meta.json']);
    await expect(mcp.client.readResource({ uri: 'threadwork://threads/sales/evil' })).rejects.toThrow(/Refused/);
    await expect(mcp.client.readResource({ uri: 'threadwork://canvas/..%2F..%2Fetc' })).rejects.toThrow(/Unknown canvas section/);
    await expect(mcp.client.readResource({ uri: 'threadwork://goals/..%2Fthreadwork.config' })).rejects.toThrow(/Unknown goal "\.\.%2Fthreadwork\.config"/);

    // Arguments the input schema refuses are tool errors too, and the server serves on.
    // With the envelope every tool error has (code, message naming the tool), not the SDK's text alone.
    const badSegment = await mcp.call<{ ok: boolean; error: { code: string; message: string; tool: string } }>('create_deal', { company: 'Acme', segment: 42 });
    expect(badSegment.isError).toBe(true);
    expect(badSegment.text).toMatch(/segment/);
    expect(badSegment.data).toMatchObject({ ok: false, error: { code: 'invalid-arguments', tool: 'create_deal' } });
    expect(badSegment.data.error.message).toMatch(/^Invalid arguments for create_deal: [\s\S]*segment/);
    expect(badSegment.text).not.toMatch(/MCP error/);
    const noSuchTool = await mcp.call<{ error: { code: string; tool: string } }>('delete_everything', {});
    expect(noSuchTool.isError).toBe(true);
    expect(noSuchTool.data.error).toMatchObject({ code: 'unknown-tool', tool: 'delete_everything' });
    // A tool's day is a day: refused as `--date` refuses it (invalid-date), the server serving on.
    const expected: Record<string, RegExp> = { '2026-02-30': /expected a real calendar date/, '0000-01-01': /expected a date from 1900-01-01 to 2200-12-31/ };
    for (const date of ['2026-11-06T10:00Z', '2026-02-30', 'tomorrow', '0000-01-01']) {
      const badDate = await mcp.call<{ error: { code: string } }>('due_touches', { date });
      expect(badDate.isError, date).toBe(true);
      expect(badDate.data.error.code, date).toBe('invalid-date');
      expect(badDate.text, date).toMatch(expected[date] ?? /expected a date such as 2026-03-01/);
    }
    const inline = await mcp.ok<{ ranked: { name: string }[] }>('score_accounts', { segment: 'mid-market-fintech', accounts: [{ name: 'Inline Co', industry: 'payments', employees: 400 }] });
    expect(inline.ranked.map((a) => a.name)).toEqual(['Inline Co']);
  });

  it('refuses a thread argument with ".." or leading out of threads/ in every thread-taking tool, naming it as given', async () => {
    const { dir, mcp } = await servedUntouched();
    const campaign = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
    // Each of these stays inside the workspace, so the boundary check alone normalised it to another path.
    const cases: [string, RegExp][] = [
      ['threads/../x', /"\.\." segments are not accepted in a thread argument/],
      ['threads/sales/../sales/oakline-outfitters', /"\.\." segments are not accepted in a thread argument/],
      [`threads/sales/campaigns/../campaigns/${campaign.split('/').pop()}`, /"\.\." segments are not accepted in a thread argument/],
      ['strategy/canvas', /it leads outside threads\/; a thread is a folder there/],
    ];
    const calls: [string, (thread: string) => Record<string, unknown>][] = [
      ['advance', (thread) => ({ thread })],
      ['read_thread', (thread) => ({ thread })],
      ['history', (subject) => ({ subject })],
      ['write_stage', (thread) => ({ thread, stage: 2, front_matter: { tests: ['A1'] } })],
      ['draft_campaign', (campaign) => ({ campaign })],
      ['record_reply', (campaign) => ({ campaign, email: 'ana@example.com', text: 'Not now', date: '2026-11-06' })],
    ];
    const commits = commitCount(dir);
    for (const [thread, why] of cases) {
      for (const [tool, args] of calls) {
        const answer = await mcp.call<{ error: { code: string; message: string; path: string } }>(tool, args(thread));
        expect(answer.isError, `${tool} ${thread}: ${answer.text}`).toBe(true);
        expect(answer.data.error, `${tool} ${thread}`).toMatchObject({ code: 'path-refused', path: thread });
        expect(answer.data.error.message, `${tool} ${thread}`).toContain(`Refused path ${JSON.stringify(thread)}`);
        expect(answer.data.error.message, `${tool} ${thread}`).toMatch(why);
      }
    }
    expect(commitCount(dir)).toBe(commits);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    await expect(mcp.client.readResource({ uri: 'threadwork://threads/sales%2F..%2Fsales%2Foakline-outfitters' })).rejects.toThrow(/Refused path "threads\/sales\/\.\.\/sales\/oakline-outfitters": "\.\." segments/);
    // A plain path and a bare id are served as before.
    expect(await mcp.ok<{ path: string }>('read_thread', { thread: 'oakline-outfitters' })).toMatchObject({ path: 'threads/sales/oakline-outfitters' });
    expect(mcp.stderr()).not.toMatch(/internal error/);
  });

  it('answers a refused or unknown resource with invalid params (-32602) naming the path and why, never internal error', async () => {
    const dir = exampleWorkspaceCopy();
    const outside = testdir({ 'secret.md': '---\nid: g-secret\n---\n', 'evil/meta.json': read(dir, 'threads/sales/oakline-outfitters/meta.json') });
    symlinkSync(join(outside, 'evil'), join(dir, 'threads/sales/evil'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'goals/g-leak.md'));
    // A link that stays inside the workspace passes the boundary check; the reader refuses it all the same.
    symlinkSync('g-fintech-beachhead.md', join(dir, 'goals/g-alias.md'));
    const mcp = await connectMcp(dir);
    const failure = async (uri: string): Promise<{ code: unknown; message: string; data: unknown }> => {
      try {
        await mcp.client.readResource({ uri });
      } catch (error) {
        return error as { code: unknown; message: string; data: unknown };
      }
      throw new Error(`${uri} was read`);
    };

    const cases: [string, string, RegExp][] = [
      ['threadwork://threads/..%2F..%2Fetc%2Fpasswd', 'path-refused', /Refused path "threads\/\.\.\/\.\.\/etc\/passwd": "\.\." segments are not accepted in a thread argument/],
      ['threadwork://threads/sales%2F..%2F..%2F..%2Fetc', 'path-refused', /Refused path "threads\/sales\/\.\.\/\.\.\/\.\.\/etc": "\.\." segments are not accepted in a thread argument/],
      ['threadwork://threads/sales/evil', 'path-refused', /Refused path "threads\/sales\/evil": a symbolic link on the way points outside the workspace/],
      ['threadwork://threads/%2Fetc%2Fpasswd', 'invalid-thread', /Refused thread "threads\/etc\/passwd": expected a thread folder inside threads\//],
      ['threadwork://goals/g-leak', 'path-refused', /Refused path "goals\/g-leak\.md": a symbolic link on the way points outside the workspace/],
      ['threadwork://goals/g-alias', 'path-refused', /Refused path "goals\/g-alias\.md": it is a symbolic link: the workspace never reads through one/],
      ['threadwork://threads/sales/nobody', 'unknown-thread', /Unknown thread "threads\/sales\/nobody"/],
      ['threadwork://goals/g-nothing', 'unknown-goal', /Unknown goal "g-nothing": expected one of g-arr-500k-2026, g-fintech-beachhead/],
      ['threadwork://canvas/99-nothing', 'not-found', /Unknown canvas section "99-nothing"/],
      ['threadwork://schemas/nothing.json', 'not-found', /Unknown schema "nothing\.json"/],
      // `..` as sent, before a URL resolves it: refused, never served as the path it leads to (fourth review).
      ['threadwork://threads/sales/x/../northwind-payments', 'path-refused', /Refused path "threads\/sales\/x\/\.\.\/northwind-payments": "\.\." segments are not accepted in a thread argument/],
      ['threadwork://threads/../../etc/passwd', 'path-refused', /Refused path "threads\/\.\.\/\.\.\/etc\/passwd": "\.\." segments are not accepted in a thread argument/],
      ['threadwork://threads/sales/%2E%2E/northwind-payments', 'path-refused', /Refused path "threads\/sales\/\.\.\/northwind-payments"/],
      ['threadwork://goals/../threads/sales/brightcart', 'path-refused', /Refused path "goals\/\.\.\/threads\/sales\/brightcart": "\.\." segments are not accepted in a resource URI/],
      // A malformed escape is the client's error, named: not a URIError answered as a bug.
      ['threadwork://threads/sales/%E0%A4%A', 'invalid-thread', /Invalid thread "threads\/sales\/%E0%A4%A": a malformed percent-escape/],
      ['not a uri', 'invalid-arguments', /Invalid resource URI "not a uri": expected a URI such as threadwork:\/\/threads\/sales\/acme-corp/],
    ];
    for (const [uri, code, message] of cases) {
      const error = await failure(uri);
      expect(error.code, `${uri}: ${error.message}`).toBe(-32602);
      expect(error.message, uri).toMatch(message);
      expect(error.data, uri).toMatchObject({ code });
    }
    expect((await failure('threadwork://goals/g-leak')).data).toEqual({ code: 'path-refused', path: 'goals/g-leak.md' });
    // Still serving, and the file behind the link was never read into an answer.
    expect(await mcp.resource('threadwork://goals/g-fintech-beachhead')).toBe(read(dir, 'goals/g-fintech-beachhead.md'));
    expect(mcp.stderr()).not.toMatch(/internal error/);
  });
});

describe('MCP tool errors name tools and arguments, not CLI commands and flags', () => {
  it('words each refusal in the terms of the tools, the code unchanged', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir, { THREADWORK_TODAY: '2026-11-20' });
    const campaign = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['read_thread', { thread: 'nobody' }, 'unknown-thread', 'create one with the `create_deal` tool'],
      ['advance', { thread: 'nobody' }, 'unknown-thread', 'create one with the `create_deal` tool'],
      ['create_deal', { company: 'Keel Neobank', segment: 'mid-market-fintech', commit: false }, 'thread-exists', 'continue it with the `advance` tool, "thread": "threads/sales/keel-neobank"'],
      ['create_deal', { company: 'Zed Co', segment: 'mid-market-fintech', subgoal: 'SG1', commit: false }, 'subgoal-without-goal', 'the `subgoal` argument SG1 needs the `goal` argument'],
      ['history', { subject: 'a1' }, 'unknown-thread', 'Ids are case-sensitive: the `history` tool, "subject": "A1"'],
      ['record_reply', { campaign, email: 'ravi.shah@meridianpay.com', text: 'Not now', date: '2026-01-02', commit: false }, 'reply-before-start', 'Give the `date` argument the day the reply arrived'],
    ];
    for (const [tool, args, code, wording] of cases) {
      const answer = await mcp.call<{ error: { code: string; message: string } }>(tool, args);
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(true);
      expect(answer.data.error.code, tool).toBe(code);
      expect(answer.data.error.message, tool).toContain(wording);
      expect(answer.text, tool).toContain(wording);
      expect(answer.text, tool).not.toMatch(/`threadwork |(^|\s)--[a-z]/m);
    }
  });
});

/**
 * Errors were reworded for the tools, but the diagnostics a tool answers with (`check`,
 * `sync`, `read_thread`, a write's sync) kept the CLI's: "Run `threadwork migrate …`" told
 * an agent to run a command it has no shell for, where `migrate_stages` does it. Every
 * diagnostic and reason the engine writes is answered in the tools' terms; the files as
 * written (front matter, meta, bodies) are never reworded; the CLI keeps its own words.
 */
describe('MCP answers name tools, not CLI commands, in their diagnostics', () => {
  const STAGE = 'threads/sales/cobalt-remit/2-hypothesis.md';
  const MIGRATE_HINT = 'Run the `migrate_stages` tool, "paths": ["threads/sales/cobalt-remit/2-hypothesis.md"] to write it';

  it('points at migrate_stages for a stage written as labelled lines, in check and read_thread', async () => {
    const dir = exampleWorkspaceCopy();
    // A stage file the LeanOS method's way, whose prose quotes a command: the user's words stay theirs.
    writeFileSync(join(dir, STAGE), '# Hypothesis — Cobalt Remit\n\nTests: A5, A6\nInitial confidence: 0.45\nStatement: A new CFO will buy in her first 90 days (ask `threadwork sync` first)\n');
    const mcp = await connectMcp(dir, { THREADWORK_TODAY: '2026-11-20' });
    type Diagnostics = { diagnostics: { path: string; rule: string; message: string }[] };
    const hint = (answer: Diagnostics): string | undefined => answer.diagnostics.find((d) => d.path === STAGE && d.rule === 'stage-front-matter-missing')?.message;
    const checked = await mcp.ok<Diagnostics>('check');
    expect(hint(checked)).toContain(MIGRATE_HINT);
    expect(JSON.stringify(checked)).not.toContain('`threadwork ');
    const thread = await mcp.ok<Diagnostics & { stages: ({ body: string | null } & Diagnostics)[] }>('read_thread', { thread: 'cobalt-remit' });
    expect(hint(thread)).toContain(MIGRATE_HINT);
    expect(hint(thread.stages[1]!)).toContain(MIGRATE_HINT);
    expect(thread.stages[1]!.body).toContain('(ask `threadwork sync` first)');
    // The same diagnostic from the CLI keeps the command.
    const cli = await runJson<Diagnostics>(['check', '--dir', dir], { env: { THREADWORK_TODAY: '2026-11-20' } });
    expect(hint(cli.json)).toContain(`Run \`threadwork migrate ${STAGE}\` to write it`);
  });
});

describe('docs/mcp.md', () => {
  it('names the folder argument as a tool takes it when a name makes no folder name, and takes it for a campaign too', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    for (const [tool, args] of [
      ['create_deal', { company: '😀', segment: 'mid-market-fintech' }],
      ['create_campaign', { name: '😀', segment: 'mid-market-fintech', date: '2026-11-02' }],
    ] as const) {
      const refused = await mcp.call<{ error: { code: string; message: string } }>(tool, args);
      expect(refused.isError, tool).toBe(true);
      expect(refused.data.error.code, tool).toBe('invalid-name');
      expect(refused.data.error.message, tool).toContain('the `slug` argument, e.g. "slug": "acme-japan"');
      expect(refused.text, tool).not.toContain('--slug');
    }
    const campaign = await mcp.ok<{ result: { path: string } }>('create_campaign', { name: '😀', slug: 'emoji-outbound', segment: 'mid-market-fintech', date: '2026-11-02', commit: false });
    expect(campaign.result.path).toBe('threads/sales/campaigns/2026-11-02-emoji-outbound');
  });

  // docs/mcp.md's tool sections had drifted from what the server lists: advance's answer
  // `version`, write_stage's `version` sources and approve_draft's digest were told to an
  // agent but not to the person reading the docs. Each section opens with the description
  // the server lists, and each argument's row starts with the one the agent is given.
  it('opens each tool section with the description tools/list gives, and each argument row with its listed description', async () => {
    const { mcp } = await servedUntouched();
    const { tools } = await mcp.client.listTools();
    const doc = readFileSync(new URL('../docs/mcp.md', import.meta.url), 'utf8');
    for (const tool of tools) {
      const section = doc.split(`### \`${tool.name}\``)[1]?.split('\n### ')[0] ?? '';
      expect(section.trim().split('\n\n')[0], tool.name).toBe(tool.description);
      for (const [argument, schema] of Object.entries((tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>)) {
        const row = section.split('\n').find((line) => line.startsWith(`| \`${argument}\` |`));
        const cell = row?.split(' | ').slice(2).join(' | ').replace(/ \|$/, '').replace(/\\\|/g, '|') ?? '';
        expect(cell.startsWith(schema.description ?? ''), `${tool.name} ${argument}: ${cell}`).toBe(true);
      }
    }
  });

  it('documents every tool and every argument the server accepts', async () => {
    const { TOOL_INPUTS } = await import('../src/mcp/inputs.js');
    const doc = readFileSync(new URL('../docs/mcp.md', import.meta.url), 'utf8');
    for (const [tool, shape] of Object.entries(TOOL_INPUTS)) {
      const section = doc.split(`### \`${tool}\``)[1]?.split('\n### ')[0];
      expect(section, `docs/mcp.md has no section for ${tool}`).toBeDefined();
      for (const argument of Object.keys(shape)) expect(section, `${tool}: argument ${argument}`).toContain(`| \`${argument}\` |`);
    }
  });
});
