import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/markdown/front-matter.js';
import { MCP_TOOLS } from '../src/mcp-tool-catalog.js';
import type { AssumptionState } from '../src/derive/assumptions.js';
import type { GoalState } from '../src/derive/goals.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';
import { read } from './helpers/testdir.js';

const DEAL = 'threads/sales/fjord-payments';

/** The six stages of a referral deal that closes won and validates A1 and A5. */
const STAGES: Record<number, Record<string, unknown>> = {
  1: {
    source: 'referral',
    date: '2026-10-01',
    signal: 'Harbor Lending introduced their peer at Fjord Payments after a board meeting',
    contact: { name: 'Ingrid Solberg', title: 'Controller', email: 'ingrid@fjordpayments.com' },
    company: { name: 'Fjord Payments', domain: 'fjordpayments.com', industry: 'payments', employees: 380, revenue: '$55M', geography: 'United States', technologies: ['NetSuite', 'Stripe', 'Adyen'] },
  },
  2: { tests: ['A1', 'A5'], initial_confidence: 0.7, statement: 'Three PSPs and a month-end of six days make the close the pain' },
  3: { arr_potential: 42000, strategic_value: 'high', resource_cost_hours: 40 },
  4: {
    decision: 'QUALIFY',
    framework: 'BANT',
    criteria: { budget: 'confirmed', authority: 'confirmed: the Controller signs', need: 'confirmed: six-day close', timeline: 'confirmed: before year end' },
    reasoning: 'The Controller owns the budget and the pain, and the year-end close is the deadline.',
  },
  5: {
    actions: [
      { type: 'sales:lead-intake', status: 'completed', completed: '2026-10-01', owner: 'Maya' },
      { type: 'sales:demo', status: 'completed', completed: '2026-10-08', owner: 'Jon' },
      { type: 'sales:close', status: 'completed', completed: '2026-11-14', owner: 'Sam' },
    ],
  },
  6: {
    outcome: 'closed-won',
    closed: '2026-11-14',
    arr: 42000,
    margin: 0.82,
    validations: [
      { assumption: 'A1', result: 'validated', evidence: 'Two accountants spent six days a month matching Stripe and Adyen' },
      { assumption: 'A5', result: 'validated', evidence: 'Year-end set the deadline; 44 days from referral to signature' },
    ],
  },
};

interface SyncAnswer {
  sync: { written: string[]; changes: { subject: string; description: string }[] } | null;
  commit: { committed: boolean; commit?: string; paths?: string[] } | null;
}

/* What the MCP server serves and writes for an agent. Its refusals, and docs/mcp.md against it, are in mcp-refusals.test.ts. */
describe('threadwork mcp', () => {
  it('lists every tool, with input schemas from the file schemas, and serves canvas, goals, threads and schemas as resources', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(Object.keys(MCP_TOOLS).sort());
    const createDeal = tools.find((t) => t.name === 'create_deal')!;
    const properties = createDeal.inputSchema.properties as Record<string, { pattern?: string; anyOf?: unknown[] }>;
    expect(createDeal.inputSchema.required).toEqual(['company', 'segment']);
    // A segment or goal is checked against the workspace, which lists the ids it has (test/mcp-agrees-with-cli.test.ts).
    expect(properties.segment!.pattern).toBeUndefined();
    expect(properties.goal!.pattern).toBeUndefined();
    expect((tools.find((t) => t.name === 'list_threads')!.inputSchema.properties as Record<string, { pattern?: string }>).segment!.pattern).toBeUndefined();
    expect(properties.source!.anyOf).toHaveLength(3);
    expect(tools.find((t) => t.name === 'read_thread')!.annotations?.readOnlyHint).toBe(true);

    const { resources } = await mcp.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('threadwork://canvas/04-segments');
    expect(uris).toContain('threadwork://goals/g-fintech-beachhead');
    expect(uris).toContain('threadwork://threads/sales/harbor-lending');
    expect(uris).toContain('threadwork://schemas/deal-2-hypothesis.schema.json');

    expect(await mcp.resource('threadwork://canvas/04-segments')).toBe(read(dir, 'strategy/canvas/04-segments.md'));
    const thread = JSON.parse(await mcp.resource('threadwork://threads/sales/harbor-lending'));
    expect(thread).toMatchObject({ path: 'threads/sales/harbor-lending', stage: 6, derived: { status: 'closed-won' } });
    expect(thread.stages.map((s: { schema: string }) => s.schema)).toEqual(['deal-1-input', 'deal-2-hypothesis', 'deal-3-implication', 'deal-4-decision', 'deal-5-actions', 'deal-6-learning'].map((n) => `${n}.schema.json`));
    const schema = JSON.parse(await mcp.resource('threadwork://schemas/deal-2-hypothesis.schema.json'));
    expect(schema.properties.tests).toBeDefined();
  });

  it('completes the thread, goal, canvas and schema resources: by path, and a bare name by its folder', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const complete = async (uri: string, name: string, value: string): Promise<string[]> => (await mcp.client.complete({ ref: { type: 'ref/resource', uri }, argument: { name, value } })).completion.values;
    expect(await complete('threadwork://threads/{+path}', 'path', 'sales/b')).toEqual(['sales/brightcart']);
    expect(await complete('threadwork://threads/{+path}', 'path', 'sales/campaigns/')).toEqual(['sales/campaigns/2026-09-15-fintech-controller-outbound']);
    // A name alone finds its folder; `campaigns` is a family's folder, no thread.
    expect(await complete('threadwork://threads/{+path}', 'path', 'north')).toEqual(['sales/northwind-payments']);
    expect(await complete('threadwork://threads/{+path}', 'path', 'sales/')).not.toContain('sales/campaigns');
    expect(await complete('threadwork://threads/{+path}', 'path', 'marketing/')).toHaveLength(2);
    expect(await complete('threadwork://goals/{id}', 'id', 'g-f')).toEqual(['g-fintech-beachhead']);
    expect(await complete('threadwork://canvas/{section}', 'section', '04')).toEqual(['04-segments']);
    expect(await complete('threadwork://schemas/{file}', 'file', 'deal-2')).toEqual(['deal-2-hypothesis.schema.json']);
    // Each value completed reads.
    expect(JSON.parse(await mcp.resource('threadwork://threads/sales/brightcart'))).toMatchObject({ path: 'threads/sales/brightcart' });
  });

  it('creates a deal, writes all six stages, syncs, and reads back the derived assumption confidence and goal state', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const assumption = async (id: string): Promise<AssumptionState> => (await mcp.ok<{ assumptions: AssumptionState[] }>('report', { name: 'assumptions' })).assumptions.find((a) => a.id === id)!;
    const goal = async (): Promise<GoalState> => (await mcp.ok<{ goals: GoalState[] }>('report', { name: 'goals' })).goals.find((g) => g.id === 'g-fintech-beachhead')!;
    const a1Before = await assumption('A1');
    const goalBefore = await goal();
    const wonBefore = goalBefore.metrics.find((m) => m.name === 'won_count')!.current as number;
    const commitsBefore = commitCount(dir);

    const created = await mcp.ok<{ result: { path: string; files: string[] } } & SyncAnswer>('create_deal', {
      company: 'Fjord Payments',
      segment: 'mid-market-fintech',
      goal: 'g-fintech-beachhead',
      subgoal: 'SG2',
      source: 'referral',
      date: '2026-10-01',
    });
    expect(created.result.path).toBe(DEAL);
    expect(created.commit).toMatchObject({ committed: true });
    expect(created.commit!.paths).toEqual(expect.arrayContaining([`${DEAL}/meta.json`, `${DEAL}/1-input.md`]));

    let last: SyncAnswer | undefined;
    for (const stage of [1, 2, 3, 4, 5, 6]) {
      const written = await mcp.ok<{ result: { path: string; written: boolean } } & SyncAnswer>('write_stage', { thread: 'fjord-payments', stage, front_matter: STAGES[stage] });
      expect(written.result.path).toMatch(new RegExp(`^${DEAL}/${stage}-`));
      expect(written.commit, `stage ${stage}`).toMatchObject({ committed: true });
      expect(git(dir, 'status', '--porcelain', '--', DEAL)).toBe('');
      last = written;
    }
    // The Stage 6 write itself carried the learning into the canvas and the goal, in its own commit.
    const descriptions = last!.sync!.changes.map((c) => c.description).join('\n');
    expect(descriptions).toMatch(/A1 confidence \d\.\d\d → \d\.\d\d/);
    expect(last!.commit!.paths).toEqual(expect.arrayContaining([`${DEAL}/6-learning.md`, 'strategy/canvas/10-assumptions.md', 'goals/g-fintech-beachhead.md']));
    expect(commitCount(dir)).toBe(commitsBefore + 7);

    // A sync after all that finds the fixed point.
    const sync = await mcp.ok<{ written: string[]; commit: unknown }>('sync');
    expect(sync.written).toEqual([]);
    expect(sync.commit).toBeNull();

    const a1 = await assumption('A1');
    expect(a1.n).toBe(a1Before.n + 1);
    expect(a1.validated).toBe(a1Before.validated + 1);
    expect(a1.confidence).toBeGreaterThan(a1Before.confidence);
    expect(read(dir, 'strategy/canvas/10-assumptions.md')).toContain(`| ${a1.confidence.toFixed(2)} |`);

    const goalAfter = await goal();
    expect(goalAfter.metrics.find((m) => m.name === 'won_count')!.current).toBe(wonBefore + 1);
    expect(goalAfter.subgoals.find((s) => s.id === 'SG2')!.threads).toContain(DEAL);
    const goalFile = await mcp.resource('threadwork://goals/g-fintech-beachhead');
    expect(goalFile).toContain(`| won_count | ${wonBefore + 1} | 6 |`);

    const thread = await mcp.ok<{ stage: number; derived: { status: string; arr: number }; stages: { exists: boolean }[] }>('read_thread', { thread: DEAL });
    expect(thread.stage).toBe(6);
    expect(thread.derived).toMatchObject({ status: 'closed-won', arr: 42000 });
    expect(thread.stages.every((s) => s.exists)).toBe(true);
    const history = await mcp.ok<{ entries: { triggers: string[] }[] }>('history', { subject: 'A1' });
    expect(history.entries[0]!.triggers).toContain(`${DEAL}/6-learning.md`);
  });

  it('runs a campaign for an agent: create, write, draft behind the quality gate, due touches, a positive reply opening a deal', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const created = await mcp.ok<{ result: { path: string } }>('create_campaign', { name: 'Year-end controllers', segment: 'mid-market-fintech', date: '2026-11-02', goal: 'g-fintech-beachhead', subgoal: 'SG1' });
    const campaign = created.result.path;
    expect(campaign).toBe('threads/sales/campaigns/2026-11-02-year-end-controllers');
    const stages: Record<string, unknown>[] = [
      { goal: 'Ten meetings before year-end', goal_id: 'g-fintech-beachhead', segment: 'mid-market-fintech', date: '2026-11-02', target_list: { source: 'Funding signals', count: 2, criteria: 'NetSuite and three PSPs' } },
      { tests: ['A5'], initial_confidence: 0.5, statement: 'Year-end makes the close urgent' },
      { expected_meetings: 2, expected_pipeline: 80000, resource_cost_hours: 6, strategic_value: 'medium' },
      { decision: 'LAUNCH', reasoning: 'Seasonal timing and a ready story' },
      {
        sequence: { preset: 'five-touch-cold' },
        prospects: [
          { name: 'Nora Lind', email: 'nora@tidepay.com', company: 'Tidepay', title: 'Controller', status: 'active', started: '2026-11-02', signals: [{ type: 'funding', detail: 'Series B in October' }] },
          { name: 'Omar Haddad', email: 'omar@ledgerline.com', company: 'Ledgerline', title: 'VP Finance', status: 'active', started: '2026-11-02' },
        ],
      },
    ];
    for (const [i, front_matter] of stages.entries()) await mcp.ok('write_stage', { thread: campaign, stage: i + 1, front_matter });

    const drafted = await mcp.ok<{ result: { drafts: { path: string; grade: string; ready: boolean }[] }; commit: { committed: boolean } }>('draft_campaign', { campaign });
    expect(drafted.result.drafts).toHaveLength(10);
    expect(drafted.commit.committed).toBe(true);
    expect(git(dir, 'status', '--porcelain')).toBe('');

    const due = await mcp.ok<{ due: { prospect: { email: string }; campaign: string }[] }>('due_touches', { date: '2026-11-05' });
    expect(due.due.filter((d) => d.campaign === campaign).map((d) => d.prospect.email).sort()).toEqual(['nora@tidepay.com', 'omar@ledgerline.com']);

    const reply = await mcp.ok<{ result: { classification: { category: string }; deal: { path: string } | null }; commit: { committed: boolean; paths: string[] } }>('record_reply', {
      campaign,
      email: 'nora@tidepay.com',
      text: 'Yes, happy to talk next week. Thursday works.',
      date: '2026-11-06',
    });
    expect(reply.result.classification.category).toBe('positive');
    expect(reply.result.deal?.path).toBe('threads/sales/tidepay');
    expect(reply.commit.paths).toEqual(expect.arrayContaining([`${campaign}/5-actions.md`, 'threads/sales/tidepay/meta.json']));
    expect(JSON.parse(read(dir, 'threads/sales/tidepay/meta.json'))).toMatchObject({ source: `campaign:${campaign.split('/').pop()}` });
    const dueAfter = await mcp.ok<{ due: { prospect: { email: string } }[] }>('due_touches', { date: '2026-11-09' });
    const emails = dueAfter.due.map((d) => d.prospect.email);
    expect(emails).toContain('omar@ledgerline.com');
    expect(emails).not.toContain('nora@tidepay.com');

    const ranked = await mcp.ok<{ ranked: { name: string; score: number }[] }>('score_accounts', { segment: 'mid-market-fintech', file: 'research/customer/lists/fintech-accounts-2026-11.csv' });
    expect(ranked.ranked.length).toBeGreaterThan(3);
    const contacts = await mcp.ok<{ ranked: { name: string; rows: number[]; leadBand: string }[]; duplicates: { rows: number[] }[] }>('score_contacts', { segment: 'mid-market-fintech', file: 'research/customer/lists/fintech-contacts-2026-11.csv' });
    expect(contacts.ranked[0]).toMatchObject({ name: 'Maya Okafor', rows: [2, 4], leadBand: 'mql' });
    expect(contacts.duplicates.map((d) => d.rows)).toEqual([[2, 4]]);
    const inlineContacts = await mcp.ok<{ ranked: { name: string; dataQuality: number }[]; rejected: { row: number }[] }>('score_contacts', { segment: 'mid-market-fintech', contacts: [{ first_name: 'Ana', last_name: 'Ruiz', email: 'ana@ruiz.io' }, { title: 'CFO' }] });
    expect(inlineContacts.ranked.map((c) => c.name)).toEqual(['Ana Ruiz']);
    expect(inlineContacts.rejected.map((r) => r.row)).toEqual([2]);
    const strategy = await mcp.ok<{ written: string[]; commit: unknown }>('generate_strategy', {});
    expect(strategy.written).toEqual([]);
  });

  it('two clients writing to the same workspace at once lose nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const [a, b] = await Promise.all([connectMcp(dir), connectMcp(dir)]);
    const work = (mcp: typeof a, prefix: string) =>
      Promise.all(
        [1, 2, 3].map(async (n) => {
          const company = `${prefix} Bank ${n}`;
          const created = await mcp.ok<{ result: { path: string } }>('create_deal', { company, segment: 'mid-market-fintech', date: '2026-11-02' });
          await mcp.ok('write_stage', { thread: created.result.path, stage: 1, front_matter: { ...STAGES[1], company: { name: company, industry: 'payments' } } });
          await mcp.ok('advance', { thread: created.result.path });
          await mcp.ok('write_stage', { thread: created.result.path, stage: 2, front_matter: { tests: ['A1'], initial_confidence: 0.6 } });
          return created.result.path;
        }),
      );
    const paths = (await Promise.all([work(a, 'Alpha'), work(b, 'Beta')])).flat();
    expect(paths.sort()).toEqual(['alpha-bank-1', 'alpha-bank-2', 'alpha-bank-3', 'beta-bank-1', 'beta-bank-2', 'beta-bank-3'].map((id) => `threads/sales/${id}`));
    for (const path of paths) {
      expect(parseFrontMatter(readFileSync(join(dir, path, '2-hypothesis.md'), 'utf8')).data).toEqual({ tests: ['A1'], initial_confidence: 0.6, statement: null });
      expect(JSON.parse(read(dir, `${path}/meta.json`))).toMatchObject({ stage: 2, status: 'open' });
    }
    // Everything written is committed, and the workspace is at its fixed point.
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect((await a.ok<{ written: string[] }>('sync', { dry_run: true })).written).toEqual([]);
    const open = (await b.ok<{ threads: { path: string }[] }>('list_threads', { status: 'open', type: 'sales-deal' })).threads.map((t) => t.path);
    expect(open).toEqual(expect.arrayContaining(paths));
    const a1 = (await a.ok<{ assumptions: AssumptionState[] }>('report', { name: 'assumptions' })).assumptions.find((x) => x.id === 'A1')!;
    expect(a1.testedBy).toEqual(expect.arrayContaining(paths));
    expect(() => execFileSync('git', ['fsck', '--no-progress'], { cwd: dir, stdio: 'pipe' })).not.toThrow();
  });
});

/**
 * A tool's error passed the CLI's wording through: an unknown thread said "create one with
 * `threadwork deal new`", a taken name "continue it with `threadwork advance …`", a subgoal
 * alone "--subgoal SG1 needs --goal". An agent has no shell: it is told the tool and the
 * argument instead, with the same code.
 */
