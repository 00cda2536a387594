import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/check/check.js';
import { today } from '../src/clock.js';
import { engineIdentity } from '../src/engine/cache.js';
import { ThreadworkError } from '../src/errors.js';
import { gitContext } from '../src/git/git.js';
import { askServer } from '../src/serve/client.js';
import { PROTOCOL, socketPath } from '../src/serve/protocol.js';
import { serveWorkspace, type ServableWorkspace, type ServedWorkspace } from '../src/serve/server.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';
import { ADA_REPLY, adaDraft, CAMPAIGN, campaignWorkspace, coldCheck, coldSync, ON_THE_DAY, SAME_GIT, winTheDeal, withoutServed } from './helpers/serve.js';
import { waitFor, WatchProcess, type WatchLine } from './helpers/watch.js';

/*
 * The CLI answered by a running watcher (each served answer a real CLI process; the cold
 * reference the command's own function, helpers/serve.ts), and the served workspace's
 * protocol in process. The MCP server's answers are in serve-mcp-reads.test.ts and
 * serve-mcp-writes.test.ts.
 */
/** A workspace whose every call fails with `error`. */
function failing(root: string, error: Error): ServableWorkspace {
  const fail = (): Promise<never> => Promise.reject(error);
  return { root, check: fail, sync: fail, report: fail, due: fail, qualify: fail, createDeal: fail, createCampaign: fail, advance: fail, draftCampaign: fail, approveDrafts: fail, recordReply: fail };
}

describe('the CLI answered by a running watcher', () => {
  it('check and sync are answered from the watcher’s state as they are cold; its cycles and the served sync commit each change once', async () => {
    const dir = exampleWorkspaceCopy();
    const coldDir = exampleWorkspaceCopy();
    const watch = new WatchProcess(dir);
    try {
      await watch.ready();
      expect(watch.lines.find((l) => l.event === 'ready')?.serving).toBe(true);
      const check = await runJson(['check'], { cwd: dir });
      expect(check.json.served).toEqual({ pid: watch.pid });
      expect(withoutServed(check.json)).toEqual((await coldCheck(dir)).json);

      // The same edit in two copies: the watcher's copy synced through the CLI straight after the save (before or after
      // the watcher's own cycle for it — either way once), the other cold.
      const commits = commitCount(dir);
      winTheDeal(dir);
      winTheDeal(coldDir);
      const synced = await runJson<{ served?: { pid: number } }>(['sync'], { cwd: dir });
      expect(synced.json.served).toEqual({ pid: watch.pid });
      await coldSync(coldDir);
      await waitFor(() => commitCount(dir) === commits + 1, 'the change committed');
      expect(git(dir, 'rev-parse', 'HEAD^{tree}')).toBe(git(coldDir, 'rev-parse', 'HEAD^{tree}'));
      // Served and cold, the fixed point: nothing left to write or commit.
      expect((await runJson<{ written: string[] }>(['sync'], { cwd: dir })).json.written).toEqual([]);
      expect((await coldSync<{ written: string[] }>(dir)).json.written).toEqual([]);
      expect(commitCount(dir)).toBe(commits + 1);
    } finally {
      expect(await watch.stop()).toBe(0);
    }
    expect(existsSync((await socketPath(dir))!.path)).toBe(false);
  }, 120_000);

  it('opens a deal the CLI asks for, commits it once and prints a served line for it', async () => {
    const dir = exampleWorkspaceCopy();
    const watch = new WatchProcess(dir);
    try {
      await watch.ready();
      const commits = commitCount(dir);
      const created = await runJson<{ served?: { pid: number }; files: string[]; commit: { commit: string } }>(['deal', 'new', 'Globex Payments', '--segment', 'mid-market-fintech', '--date', '2026-11-18'], { cwd: dir });
      expect(created.code, created.stderr).toBe(0);
      expect(created.json.served).toEqual({ pid: watch.pid });
      await waitFor(() => watch.lines.some((l) => l.event === 'cycle' && l.kind === 'served'), 'the served line', () => watch.describe());
      const line = watch.lines.find((l) => l.event === 'cycle' && l.kind === 'served');
      expect(line).toMatchObject({ command: 'deal new', trigger: created.json.files, commit: { committed: true, commit: created.json.commit.commit } });
      expect(line?.changes).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'threads/sales/globex-payments' })]));
      expect(commitCount(dir)).toBe(commits + 1);
      // The state took the write in: nothing is left to write or commit, served or cold.
      expect((await runJson<{ written: string[] }>(['sync'], { cwd: dir })).json.written).toEqual([]);
      expect((await coldSync<{ written: string[] }>(dir)).json.written).toEqual([]);
      expect(commitCount(dir)).toBe(commits + 1);
    } finally {
      expect(await watch.stop()).toBe(0);
    }
  }, 60_000);

  it('drafts, approves and records a reply the CLI asks for, commits each once and prints a served line for each', async () => {
    const dir = campaignWorkspace();
    const watch = new WatchProcess(dir, [], ON_THE_DAY);
    try {
      await watch.ready();
      const commits = commitCount(dir);
      const served = (command: string): WatchLine | undefined => watch.lines.find((l) => l.event === 'cycle' && l.kind === 'served' && l.command === command);
      const drafted = await runJson<{ served?: { pid: number }; drafts: { path: string }[]; commit: { commit: string } }>(['campaign', 'draft', CAMPAIGN], { cwd: dir, env: ON_THE_DAY });
      expect(drafted.code, drafted.stderr).toBe(0);
      expect(drafted.json.served).toEqual({ pid: watch.pid });
      await waitFor(() => served('campaign draft') !== undefined, 'the served draft line', () => watch.describe());
      expect(served('campaign draft')).toMatchObject({ trigger: drafted.json.drafts.map((d) => d.path), commit: { committed: true, commit: drafted.json.commit.commit } });

      const approved = await runJson<{ served?: { pid: number }; commit: { commit: string } }>(['campaign', 'approve', adaDraft(1)], { cwd: join(dir, CAMPAIGN), env: ON_THE_DAY });
      expect(approved.json.served).toEqual({ pid: watch.pid });
      await waitFor(() => served('campaign approve') !== undefined, 'the served approve line', () => watch.describe());
      expect(served('campaign approve')).toMatchObject({ trigger: [`${CAMPAIGN}/${adaDraft(1)}`], commit: { committed: true, commit: approved.json.commit.commit } });

      const replied = await runJson<{ served?: { pid: number }; written: string[]; commit: { commit: string } }>(['campaign', 'reply', CAMPAIGN, 'ada@analytical.example', ...ADA_REPLY], { cwd: dir, env: ON_THE_DAY });
      expect(replied.json.served).toEqual({ pid: watch.pid });
      await waitFor(() => served('campaign reply') !== undefined, 'the served reply line', () => watch.describe());
      expect(served('campaign reply')).toMatchObject({ trigger: replied.json.written, commit: { committed: true, commit: replied.json.commit.commit } });
      // The reply opened a deal: its derived changes are in the line, as in a cycle of the watcher's own.
      expect(served('campaign reply')?.changes).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'threads/sales/analytical-payments' })]));
      expect(commitCount(dir)).toBe(commits + 3);
      // The state took the writes in: nothing is left to write or commit, served or cold.
      expect((await runJson<{ written: string[] }>(['sync'], { cwd: dir, env: ON_THE_DAY })).json.written).toEqual([]);
      expect((await coldSync<{ written: string[] }>(dir, ON_THE_DAY)).json.written).toEqual([]);
      expect(commitCount(dir)).toBe(commits + 3);
    } finally {
      expect(await watch.stop()).toBe(0);
    }
  }, 90_000);

  it('leaves the CLI to an MCP server already serving the workspace, and says so', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const watch = new WatchProcess(dir, [], {}, { text: true });
    try {
      await watch.ready();
      expect(watch.text.find((l) => l.startsWith('watching '))).not.toContain('answered from this watcher');
      expect((await runJson(['check'], { cwd: dir, env: SAME_GIT })).json.served).toEqual({ pid: mcp.pid });
    } finally {
      expect(await watch.stop()).toBe(0);
    }
  }, 120_000);
});

describe('the served workspace, in process', () => {
  const closing: (ServedWorkspace | Server)[] = [];
  afterEach(() => {
    for (const s of closing.splice(0)) s.close();
  });

  it('hands the command’s own refusal to the CLI, as it would be thrown cold', async () => {
    const root = exampleWorkspaceCopy();
    const refused = new ThreadworkError('The workspace lock is held by process 1', 'lock-timeout', { holder: 1 });
    const served = await serveWorkspace({ ...failing(root, new Error('not asked')), check: () => Promise.reject(refused) });
    closing.push(served!);
    const error = await askServer(root, { op: 'check' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThreadworkError);
    expect(error).toMatchObject({ code: 'lock-timeout', message: 'The workspace lock is held by process 1', details: { holder: 1 } });
    expect(served!.answered).toBe(0);
  });

  it('declines a request from another engine, and a failure that is not a refusal: the CLI then runs the command itself', async () => {
    const root = exampleWorkspaceCopy();
    const served = await serveWorkspace(failing(root, new Error('a bug')));
    closing.push(served!);
    expect(await askServer(root, { op: 'check' })).toBeUndefined();
    const reply = await rawRequest(served!.path, { protocol: PROTOCOL, engine: 'another', root, today: '2026-12-02', call: { op: 'check' } });
    expect(reply).toMatchObject({ ok: false, declined: expect.stringContaining('engine another') });
    const garbage = await rawRequest(served!.path, 'not json');
    expect(garbage).toEqual({ ok: false, declined: 'not a request' });
  });

  /*
   * A signal stops the process serving the workspace (a watcher, the MCP server): a CLI
   * command whose connection was accepted just before, its request sent just after, was
   * still run — a write made and committed by a process that had said it was stopping. It
   * is declined, never run: the CLI runs it itself once the process has let the workspace go.
   */
  it('declines, without running it, a request that arrives after the server was closed on a connection accepted before', async () => {
    const root = exampleWorkspaceCopy();
    let checked = 0;
    const served = await serveWorkspace({ ...failing(root, new Error('not asked')), check: () => Promise.resolve((checked += 1) as unknown as CheckResult) });
    closing.push(served!);
    const request = { protocol: PROTOCOL, engine: engineIdentity(), root, today: today(), git: gitContext(), call: { op: 'check' } };
    expect(await rawRequest(served!.path, request)).toEqual({ ok: true, value: 1 });
    const reply = await rawRequest(served!.path, request, () => served!.close());
    expect(reply).toEqual({ ok: false, declined: 'this process is stopping: the call was not run' });
    expect(checked).toBe(1);
    expect(served!.answered).toBe(1);
    expect(existsSync(served!.path)).toBe(false);
  });

  it('gives up on a server that accepts the connection and never says hello', async () => {
    const root = exampleWorkspaceCopy();
    const where = (await socketPath(root))!;
    mkdirSync(where.dir, { recursive: true });
    const silent = createServer(() => undefined);
    closing.push(silent);
    await new Promise<void>((resolve) => silent.listen(where.path, resolve));
    const started = performance.now();
    expect(await askServer(root, { op: 'check' })).toBeUndefined();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(900); // it did wait for the hello…
    expect(waited).toBeLessThan(10_000); // …and not for ever
  });
});

/** One request on a raw connection: the reply line after the hello (`onHello` runs once the hello came, before the request is sent). */
async function rawRequest(path: string, request: unknown, onHello: () => void = () => undefined): Promise<unknown> {
  const { createConnection } = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.setEncoding('utf8');
    let text = '';
    socket.on('data', (chunk: string) => {
      text += chunk;
      const lines = text.split('\n');
      if (lines.length === 2) onHello();
      if (lines.length === 2) socket.write(`${typeof request === 'string' ? request : JSON.stringify(request)}\n`);
      if (lines.length >= 3) {
        socket.destroy();
        resolve(JSON.parse(lines[1]!));
      }
    });
    socket.on('error', reject);
  });
}
