import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from '../helpers/cli.js';
import { exampleWorkspace } from '../helpers/example.js';
import { git, gitEnv } from '../helpers/git.js';
import { connectMcp } from '../helpers/mcp.js';
import { WatchProcess } from '../helpers/watch.js';
import { figure, size, STRESS } from './support.js';

/**
 * Concurrency (issue 11, item 8.3): for a bounded time, four CLI writers (`deal new`
 * with distinct names, `advance`, `campaign reply`, `sync` — answered by the first MCP
 * server, as a CLI sync is while one runs), two MCP clients (`create_deal` +
 * `write_stage`, `sync`) and a watcher on one workspace. Afterwards:
 * every write that reported success is on disk and committed, every deal exists with its
 * files, no index.lock, a final sync writes nothing, check finds no error, and git
 * status is clean.
 */
const SECONDS = size('THREADWORK_CONCURRENCY_SECONDS', 8, 20);
const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
const PROSPECTS = ['ravi.shah@meridianpay.com', 'lucia.moreno@cobaltremit.com', 'hbrooks@tallyfi.com', 'sofia.marin@quaycredit.com', 'peter.novak@crestlend.com', 'dkim@parcelpay.io'];
const REPLIES = ['Out of office until Monday, back on the 12th.', 'Thanks, noted. Not right now, maybe next quarter.', 'Who else uses this?'];
/** Threads whose current stage is complete, so `advance` opens the next one (once). */
const ADVANCEABLE = ['fernway-home', 'cobalt-remit', 'meridian-pay', 'keel-neobank', 'oakline-outfitters'];

interface Tally {
  ops: number;
  ok: number;
  refused: number;
}

describe('concurrent writers on one workspace', () => {
  it(`4 CLI writers, 2 MCP clients and a watcher for ${SECONDS} s: no lost write, a clean fixed point`, async () => {
    const dir = exampleWorkspace();
    const env = gitEnv();
    const watch = new WatchProcess(dir, [], env);
    await watch.ready();
    const [agentA, agentB] = await Promise.all([connectMcp(dir), connectMcp(dir)]);
    const deadline = Date.now() + SECONDS * 1000;
    const tallies: Record<string, Tally> = {};
    const tally = (name: string): Tally => (tallies[name] ??= { ops: 0, ok: 0, refused: 0 });
    /** Paths a successful write reported, to be found on disk and in HEAD at the end. */
    const written = new Set<string>();
    const deals = new Set<string>();
    const crashes: string[] = [];

    const loop = async (name: string, op: (i: number) => Promise<void>): Promise<void> => {
      for (let i = 0; Date.now() < deadline; i++) {
        tally(name).ops++;
        await op(i);
      }
    };
    const cli = async (name: string, args: string[]): Promise<Record<string, unknown> | undefined> => {
      const result = await runJson<Record<string, unknown>>([...args, '--dir', dir], { env });
      if (result.code === 0) {
        tally(name).ok++;
        return result.json;
      }
      if (result.code === 1) tally(name).refused++;
      else crashes.push(`${args.join(' ')} exited ${result.code}: ${result.stderr}`);
      return undefined;
    };

    await Promise.all([
      loop('cli deal new', async (i) => {
        const done = await cli('cli deal new', ['deal', 'new', `Concurrent Cli ${i}`, '--segment', 'mid-market-fintech', '--date', '2026-10-01']);
        const path = (done?.path ?? (done?.result as { path?: string } | undefined)?.path) as string | undefined;
        if (done) {
          expect(path, JSON.stringify(done)).toBeTruthy();
          deals.add(path!);
        }
      }),
      loop('cli advance', async (i) => {
        const done = await cli('cli advance', ['advance', ADVANCEABLE[i % ADVANCEABLE.length]!]);
        if (typeof done?.created === 'string') written.add(done.created);
      }),
      loop('cli campaign reply', async (i) => {
        const done = await cli('cli campaign reply', ['campaign', 'reply', CAMPAIGN, PROSPECTS[i % PROSPECTS.length]!, '--text', `${REPLIES[i % REPLIES.length]} (${i})`, '--date', '2026-10-02']);
        if (typeof done?.recorded === 'string') written.add(done.recorded);
      }),
      loop('cli sync', async () => {
        await cli('cli sync', ['sync']);
      }),
      loop('mcp create_deal + write_stage', async (i) => {
        const created = await agentA.call<{ result: { path: string } }>('create_deal', { company: `Concurrent Agent ${i}`, segment: 'ecommerce-finance', date: '2026-10-03' });
        if (created.isError) {
          tally('mcp create_deal + write_stage').refused++;
          return;
        }
        tally('mcp create_deal + write_stage').ok++;
        deals.add(created.data.result.path);
        // Stage 1 filled in first: a stage is opened only once the one before is complete, as advance opens it.
        const input = await agentA.call<{ result: { path: string } }>('write_stage', { thread: created.data.result.path, stage: 1, front_matter: { source: 'inbound', date: '2026-10-03', signal: `Agent ${i} asked for a demo`, contact: { name: `Contact ${i}` }, company: { name: `Concurrent Agent ${i}` } } });
        if (input.isError) {
          crashes.push(`write_stage 1 refused: ${input.text}`);
          return;
        }
        written.add(input.data.result.path);
        const stage = await agentA.call<{ result: { path: string } }>('write_stage', { thread: created.data.result.path, stage: 2, front_matter: { tests: ['A1'], initial_confidence: 0.55 } });
        if (stage.isError) crashes.push(`write_stage refused: ${stage.text}`);
        else written.add(stage.data.result.path);
      }),
      loop('mcp sync', async () => {
        const answer = await agentB.call('sync');
        if (answer.isError) crashes.push(`mcp sync failed: ${answer.text}`);
        else tally('mcp sync').ok++;
      }),
    ]);
    expect(await watch.stop()).toBe(0);

    const ops = Object.values(tallies).reduce((sum, t) => sum + t.ops, 0);
    for (const [name, t] of Object.entries(tallies)) figure('concurrency', `${name}: ops / ok / refused`, `${t.ops} / ${t.ok} / ${t.refused}`);
    figure('concurrency', `writer ops in ${SECONDS} s (+ ${watch.cycles().length} watch cycles)`, ops);
    figure('concurrency', 'deals created', deals.size);
    expect(crashes).toEqual([]);
    expect(watch.lines.filter((l) => l.event === 'error')).toEqual([]);

    // No lost write: every deal and every reported file is on disk, committed, unchanged since.
    const lost: string[] = [];
    for (const deal of deals) for (const file of ['meta.json', '1-input.md']) written.add(`${deal}/${file}`);
    for (const path of written) {
      if (!existsSync(join(dir, path))) lost.push(`${path}: missing`);
      else if (git(dir, 'ls-tree', '--name-only', 'HEAD', '--', path).trim() !== path) lost.push(`${path}: not committed`);
    }
    for (const deal of deals) if (deal.includes('concurrent-agent')) expect(readFileSync(join(dir, deal, '2-hypothesis.md'), 'utf8')).toMatch(/tests:.*A1/s);
    figure('concurrency', 'lost writes', lost.length);
    expect(lost).toEqual([]);
    expect(deals.size).toBeGreaterThanOrEqual(STRESS ? 6 : 2);
    expect(tallies['cli campaign reply']!.ok).toBeGreaterThan(0);

    expect(existsSync(join(dir, '.git/index.lock'))).toBe(false);
    // Checked by a process of its own, not answered by a server still running: what is on disk, read cold.
    const cold = { ...env, THREADWORK_NO_SERVER: '1' };
    const final = await runJson<{ written: string[] }>(['sync', '--dir', dir], { env: cold });
    expect(final.json.written, final.json.written.length ? git(dir, 'show', '--stat', '--format=%B', 'HEAD') + git(dir, 'diff', 'HEAD~1', '--', ...final.json.written) : '').toEqual([]);
    const check = await runJson<{ errors: number; diagnostics: unknown[] }>(['check', '--dir', dir], { env: cold });
    expect(check.json.errors, JSON.stringify(check.json.diagnostics)).toBe(0);
    const dirty = git(dir, 'status', '--porcelain', '--untracked-files=all');
    figure('concurrency', 'dirty paths at the end', dirty.split('\n').filter(Boolean).length);
    expect(dirty).toBe('');
  }, STRESS ? 300_000 : 60_000);
});
