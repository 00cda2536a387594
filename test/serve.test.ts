import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadworkError } from '../src/errors.js';
import { askServer } from '../src/serve/client.js';
import { PROTOCOL, socketPath } from '../src/serve/protocol.js';
import { serveWorkspace, type ServableWorkspace, type ServedWorkspace } from '../src/serve/server.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';
import { copyOfPrepared } from './helpers/prepared.js';
import { replaceInFile, writeFiles } from './helpers/testdir.js';
import { campaignFiles } from './helpers/workspace.js';
import { waitFor, WatchProcess, type WatchLine } from './helpers/watch.js';

const LEARNING = 'threads/sales/brightcart/6-learning.md';
const COLD = { THREADWORK_NO_SERVER: '1' };
/**
 * The git environment the MCP helper starts its server with (helpers/git.ts: no user or
 * system config): the CLI asks with the same one, as a person's terminal and the server
 * their agent started share theirs. A server declines a CLI whose git environment differs.
 */
const SAME_GIT = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

/** A deal closed-won with an ARR: the assumptions, metrics and goal derived from it all move. */
const CAMPAIGN = 'threads/sales/campaigns/2027-01-12-month-end';
/** The day the campaign's outreach below is drafted, approved and replied to: the server and the CLI agree on it. */
const ON_THE_DAY = { THREADWORK_TODAY: '2027-01-14' };
const ADA_REPLY = ['--text', 'Sounds interesting, happy to talk next week', '--date', '2027-01-14'];
const adaDraft = (touch: number): string => `drafts/ada-at-analytical-example-touch-${touch}.md`;

/** The example workspace plus a committed campaign at Stage 5 with one prospect who passes every gate (built once per file). */
function campaignWorkspace(): string {
  return copyOfPrepared('campaign', () => {
    const dir = exampleWorkspaceCopy();
    const ada = ['  - name: Ada Lovelace', '    email: ada@analytical.example', '    company: Analytical Payments', '    title: Controller', '    industry: payments', '    employees: 500', '    email_status: verified', '    data_date: 2027-01-10', '    signals: [{type: funding, detail: Series B}, hiring 5 analysts]'];
    writeFiles(dir, campaignFiles(CAMPAIGN, '2027-01-12', ['sequence: {preset: five-touch-cold, start: 2027-01-12}', 'prospects:', ...ada].join('\n')));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'a campaign at Stage 5');
    return dir;
  });
}

function winTheDeal(dir: string): void {
  replaceInFile(dir, LEARNING, 'outcome: closed-lost', 'outcome: closed-won');
  replaceInFile(dir, LEARNING, 'arr: null', 'arr: 48000');
}

function withoutServed(json: Record<string, unknown>): Record<string, unknown> {
  const { served: _served, ...rest } = json;
  return rest;
}

/** A workspace whose every call fails with `error`. */
function failing(root: string, error: Error): ServableWorkspace {
  const fail = (): Promise<never> => Promise.reject(error);
  return { root, check: fail, sync: fail, report: fail, due: fail, createDeal: fail, createCampaign: fail, advance: fail, draftCampaign: fail, approveDrafts: fail, recordReply: fail };
}

/** A write's JSON as cold and served runs agree on it: all but who answered and the commit's id (its time differs). */
function sameWrite(json: Record<string, unknown>): unknown {
  const { served: _served, commit, sync, ...rest } = json as Record<string, unknown> & { commit: Record<string, unknown>; sync: Record<string, unknown> };
  const { commit: _id, ...committed } = commit;
  const { commit: _syncCommit, ...synced } = sync;
  return { ...rest, commit: committed, sync: synced };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the CLI answered by a running MCP server', () => {
  it('check and sync are answered from the server’s warm workspace, exactly as they are cold', async () => {
    const servedDir = exampleWorkspaceCopy();
    const coldDir = exampleWorkspaceCopy();
    const mcp = await connectMcp(servedDir);
    expect(mcp.pid).toBeTypeOf('number');
    expect(mcp.stderr()).toContain('`threadwork check`, `sync`, `report`, `due`, `deal new`, `campaign new`, `advance`, `campaign draft`, `campaign approve` and `campaign reply` in this workspace are answered from here');

    const check = await runJson(['check'], { cwd: servedDir, env: SAME_GIT });
    expect(check.json.served).toEqual({ pid: mcp.pid });
    const coldCheck = await runJson(['check'], { cwd: servedDir, env: COLD });
    expect(coldCheck.json.served).toBeUndefined();
    expect(withoutServed(check.json)).toEqual(coldCheck.json);

    // The same edit in two copies: one synced by the CLI through the server, one cold.
    winTheDeal(servedDir);
    winTheDeal(coldDir);
    const synced = await runJson<Record<string, unknown> & { commit: { committed: boolean } }>(['sync'], { cwd: servedDir, env: SAME_GIT });
    const coldSynced = await runJson<Record<string, unknown>>(['sync'], { cwd: coldDir, env: COLD });
    expect(synced.json.served).toEqual({ pid: mcp.pid });
    expect(synced.json.commit.committed).toBe(true);
    const comparable = (json: Record<string, unknown>): unknown => {
      const { root: _root, commit, served: _served, ...rest } = json as Record<string, unknown> & { commit: { paths: string[] } };
      return { ...rest, paths: [...commit.paths].sort() };
    };
    expect(comparable(synced.json)).toEqual(comparable(coldSynced.json));
    expect(git(servedDir, 'rev-parse', 'HEAD^{tree}')).toBe(git(coldDir, 'rev-parse', 'HEAD^{tree}'));

    // The fixed point: a cold sync after the served one writes and commits nothing.
    const commits = commitCount(servedDir);
    const again = await runJson<{ written: string[]; commit: unknown }>(['sync'], { cwd: servedDir, env: COLD });
    expect(again.json.written).toEqual([]);
    expect(commitCount(servedDir)).toBe(commits);
  }, 120_000);

  it('draws every report from the server’s warm workspace, as it is drawn cold: the same JSON, the same text', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    // A broken stage: the reports count its thread as sync holds it, and say so (held).
    replaceInFile(dir, 'threads/sales/cobalt-remit/2-hypothesis.md', 'tests:', 'tests: [A5\nbroken:');
    for (const name of ['pipeline', 'winloss', 'goals', 'assumptions', 'forecast', 'campaigns']) {
      const served = await runJson<Record<string, unknown>>(['report', name], { cwd: dir, env: SAME_GIT });
      const cold = await runJson<Record<string, unknown>>(['report', name], { cwd: dir, env: COLD });
      expect(served.json.served, name).toEqual({ pid: mcp.pid });
      expect(withoutServed(served.json), name).toEqual(cold.json);
      expect((cold.json.held as unknown[]).length, name).toBeGreaterThan(0);
      // The text is rendered by the CLI from the data either way: two reports show it, in both formats.
      for (const format of name === 'pipeline' || name === 'goals' ? [[], ['--md']] : []) {
        const servedText = await runCli(['report', name, ...format], { cwd: dir, env: SAME_GIT });
        const coldText = await runCli(['report', name, ...format], { cwd: dir, env: COLD });
        expect(servedText.stdout, `${name} ${format.join('')}`).toBe(coldText.stdout);
        expect(servedText.code).toBe(coldText.code);
      }
    }
  }, 240_000);

  it('lists the touches due from the server’s warm workspace, as they are listed cold; an impossible date refused as cold', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    for (const date of [[], ['--date', '2026-03-02']]) {
      const served = await runJson<Record<string, unknown>>(['due', ...date], { cwd: dir, env: SAME_GIT });
      const cold = await runJson<Record<string, unknown>>(['due', ...date], { cwd: dir, env: COLD });
      expect(served.json.served, date.join(' ')).toEqual({ pid: mcp.pid });
      expect(withoutServed(served.json)).toEqual(cold.json);
      expect((await runCli(['due', ...date], { cwd: dir, env: SAME_GIT })).stdout).toBe((await runCli(['due', ...date], { cwd: dir, env: COLD })).stdout);
    }
    const impossible = await runJson<{ error: { code: string; message: string } }>(['due', '--date', '2026-02-30'], { cwd: dir, env: SAME_GIT });
    const coldImpossible = await runJson<{ error: { code: string; message: string } }>(['due', '--date', '2026-02-30'], { cwd: dir, env: COLD });
    expect(impossible.code).toBe(1);
    expect(impossible.json).toEqual(coldImpossible.json);
  }, 120_000);

  it('opens a deal and a campaign and advances a thread from the server’s warm workspace, as cold: the same files, derived changes and tree, one commit each', async () => {
    const servedDir = exampleWorkspaceCopy();
    const coldDir = exampleWorkspaceCopy();
    const mcp = await connectMcp(servedDir);
    // The thread named from a folder below the top, as a shell completes it there: the server's own folder is another.
    const writes: { args: string[]; from: string }[] = [
      { args: ['deal', 'new', 'Globex Payments', '--segment', 'mid-market-fintech', '--date', '2026-11-18', '--contact', 'Ana Ruiz'], from: '.' },
      { args: ['campaign', 'new', 'Controllers Q1', '--segment', 'mid-market-fintech', '--date', '2026-11-18'], from: '.' },
      { args: ['advance', './meridian-pay'], from: 'threads/sales' },
    ];
    for (const { args, from } of writes) {
      const commits = commitCount(servedDir);
      const served = await runJson<Record<string, unknown>>(args, { cwd: join(servedDir, from), env: SAME_GIT });
      const cold = await runJson<Record<string, unknown>>(args, { cwd: join(coldDir, from), env: COLD });
      expect(served.code, served.stderr).toBe(0);
      expect(served.json.served).toEqual({ pid: mcp.pid });
      expect(cold.json.served).toBeUndefined();
      expect(sameWrite(served.json)).toEqual(sameWrite(cold.json));
      expect(commitCount(servedDir)).toBe(commits + 1);
      expect(git(servedDir, 'rev-parse', 'HEAD^{tree}')).toBe(git(coldDir, 'rev-parse', 'HEAD^{tree}'));
    }
    // The server's state took its own writes in: a served sync after them writes nothing, and so does a cold one.
    expect((await runJson<{ written: string[] }>(['sync'], { cwd: servedDir, env: SAME_GIT })).json).toMatchObject({ written: [], served: { pid: mcp.pid } });
    expect((await runJson<{ written: string[] }>(['sync'], { cwd: servedDir, env: COLD })).json.written).toEqual([]);
  }, 120_000);

  it('drafts a campaign, approves its drafts and records a reply from the server’s warm workspace, as cold: the same files, derived changes and tree, one commit each', async () => {
    const servedDir = campaignWorkspace();
    const coldDir = campaignWorkspace();
    const mcp = await connectMcp(servedDir, ON_THE_DAY);
    // The campaign and the drafts named from folders below the top, as a shell completes them there: the server's own folder is another.
    const writes: { args: string[]; from: string }[] = [
      { args: ['campaign', 'draft', './2027-01-12-month-end'], from: 'threads/sales/campaigns' },
      { args: ['campaign', 'approve', adaDraft(1), `./${adaDraft(2)}`], from: CAMPAIGN },
      { args: ['campaign', 'reply', '.', 'ada@analytical.example', ...ADA_REPLY], from: CAMPAIGN },
    ];
    for (const { args, from } of writes) {
      const commits = commitCount(servedDir);
      const served = await runJson<Record<string, unknown>>(args, { cwd: join(servedDir, from), env: { ...SAME_GIT, ...ON_THE_DAY } });
      const cold = await runJson<Record<string, unknown>>(args, { cwd: join(coldDir, from), env: { ...COLD, ...ON_THE_DAY } });
      expect(served.code, served.stderr).toBe(0);
      expect(served.json.served, args.join(' ')).toEqual({ pid: mcp.pid });
      expect(cold.json.served).toBeUndefined();
      expect(sameWrite(served.json)).toEqual(sameWrite(cold.json));
      expect(commitCount(servedDir)).toBe(commits + 1);
      expect(git(servedDir, 'rev-parse', 'HEAD^{tree}')).toBe(git(coldDir, 'rev-parse', 'HEAD^{tree}'));
    }
    // The same reply again: recorded before, nothing written or committed, served as cold.
    const commits = commitCount(servedDir);
    const again = await runJson<Record<string, unknown>>(['campaign', 'reply', CAMPAIGN, 'ada@analytical.example', ...ADA_REPLY], { cwd: servedDir, env: { ...SAME_GIT, ...ON_THE_DAY } });
    expect(again.json).toMatchObject({ alreadyRecorded: true, served: { pid: mcp.pid } });
    expect(commitCount(servedDir)).toBe(commits);
    // A draft that does not exist is refused by the server as cold, named as the person typed it from the campaign's folder.
    const missing = ['campaign', 'approve', adaDraft(9)];
    const refused = await runJson(missing, { cwd: join(servedDir, CAMPAIGN), env: { ...SAME_GIT, ...ON_THE_DAY } });
    expect(refused.code).toBe(1);
    expect(refused.json).toEqual((await runJson(missing, { cwd: join(coldDir, CAMPAIGN), env: { ...COLD, ...ON_THE_DAY } })).json);
    // The server's state took its own writes in: a served sync after them writes nothing, and so does a cold one.
    expect((await runJson<{ written: string[] }>(['sync'], { cwd: servedDir, env: { ...SAME_GIT, ...ON_THE_DAY } })).json).toMatchObject({ written: [], served: { pid: mcp.pid } });
    expect((await runJson<{ written: string[] }>(['sync'], { cwd: servedDir, env: { ...COLD, ...ON_THE_DAY } })).json.written).toEqual([]);
    expect(commitCount(servedDir)).toBe(commits);
  }, 180_000);

  it('leaves a campaign write to the CLI when its git identity is not the server’s: the commit carries the CLI’s', async () => {
    const dir = campaignWorkspace();
    const mcp = await connectMcp(dir, ON_THE_DAY);
    const agent = { ...SAME_GIT, ...ON_THE_DAY, GIT_AUTHOR_NAME: 'Agent Smith', GIT_AUTHOR_EMAIL: 'agent@example.com' };
    const drafted = await runJson(['campaign', 'draft', CAMPAIGN], { cwd: dir, env: agent });
    expect(drafted.code, drafted.stderr).toBe(0);
    expect(drafted.json.served).toBeUndefined();
    expect(git(dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe('Agent Smith <agent@example.com>');
    const approved = await runJson(['campaign', 'approve', `${CAMPAIGN}/${adaDraft(1)}`], { cwd: dir, env: agent });
    expect(approved.json.served).toBeUndefined();
    expect(git(dir, 'log', '-1', '--format=%an').trim()).toBe('Agent Smith');
    // With the server's environment the next write is served, and committed as the server commits.
    const replied = await runJson(['campaign', 'reply', CAMPAIGN, 'ada@analytical.example', ...ADA_REPLY], { cwd: dir, env: { ...SAME_GIT, ...ON_THE_DAY } });
    expect(replied.json.served).toEqual({ pid: mcp.pid });
    expect(git(dir, 'log', '-1', '--format=%an').trim()).toBe('Test Person');
  }, 60_000);

  it('leaves a write to the CLI when its git identity is not the server’s: the commit carries the CLI’s', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const agent = { ...SAME_GIT, GIT_AUTHOR_NAME: 'Agent Smith', GIT_AUTHOR_EMAIL: 'agent@example.com' };
    const created = await runJson(['deal', 'new', 'Globex Payments', '--segment', 'mid-market-fintech', '--date', '2026-11-18'], { cwd: dir, env: agent });
    expect(created.code, created.stderr).toBe(0);
    expect(created.json.served).toBeUndefined();
    expect(git(dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe('Agent Smith <agent@example.com>');
    // With the server's environment the next write is served, and committed as the server commits.
    const advanced = await runJson(['advance', 'meridian-pay'], { cwd: dir, env: SAME_GIT });
    expect(advanced.json.served).toEqual({ pid: mcp.pid });
    expect(git(dir, 'log', '-1', '--format=%an').trim()).toBe('Test Person');
  });

  it('runs the command itself when the server would not answer it as this run would: another day, --no-cache, THREADWORK_NO_SERVER', async () => {
    const dir = exampleWorkspaceCopy();
    await connectMcp(dir);
    const anotherDay = await runJson(['check'], { cwd: dir, env: { ...SAME_GIT, THREADWORK_TODAY: '2026-12-30' } });
    expect(anotherDay.code).toBe(0);
    expect(anotherDay.json.served).toBeUndefined();
    const noCache = await runJson(['sync', '--no-cache'], { cwd: dir, env: SAME_GIT });
    expect(noCache.json.served).toBeUndefined();
    expect((await runJson(['check'], { cwd: dir, env: COLD })).json.served).toBeUndefined();
    // And the server still answers the next run that asks.
    expect((await runJson(['check'], { cwd: dir, env: SAME_GIT })).json.served).toBeDefined();
  });

  it('steps over the socket of a killed server; the next server takes it over; a second live server leaves it to the first', async () => {
    const dir = exampleWorkspaceCopy();
    const where = (await socketPath(dir))!;
    const first = await connectMcp(dir);
    process.kill(first.pid!, 'SIGKILL');
    await waitFor(() => !alive(first.pid!), 'the killed server to be gone');
    expect(existsSync(where.path)).toBe(true); // left behind: nothing removed it

    const check = await runJson(['check'], { cwd: dir, env: SAME_GIT });
    expect(check.code).toBe(0);
    expect(check.json.served).toBeUndefined();
    expect(check.json.diagnostics).toEqual([]);

    const second = await connectMcp(dir);
    const third = await connectMcp(dir);
    expect(third.stderr()).not.toContain('are answered from here');
    expect((await runJson(['check'], { cwd: dir, env: SAME_GIT })).json.served).toEqual({ pid: second.pid });
    expect((await runJson(['check'], { cwd: dir, env: SAME_GIT })).json.served).toEqual({ pid: second.pid });
  });
});

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
      expect(withoutServed(check.json)).toEqual((await runJson(['check'], { cwd: dir, env: COLD })).json);

      // The same edit in two copies: the watcher's copy synced through the CLI straight after the save (before or after
      // the watcher's own cycle for it — either way once), the other cold.
      const commits = commitCount(dir);
      winTheDeal(dir);
      winTheDeal(coldDir);
      const synced = await runJson<{ served?: { pid: number } }>(['sync'], { cwd: dir });
      expect(synced.json.served).toEqual({ pid: watch.pid });
      await runJson(['sync'], { cwd: coldDir, env: COLD });
      await waitFor(() => commitCount(dir) === commits + 1, 'the change committed');
      expect(git(dir, 'rev-parse', 'HEAD^{tree}')).toBe(git(coldDir, 'rev-parse', 'HEAD^{tree}'));
      // Served and cold, the fixed point: nothing left to write or commit.
      expect((await runJson<{ written: string[] }>(['sync'], { cwd: dir })).json.written).toEqual([]);
      expect((await runJson<{ written: string[] }>(['sync'], { cwd: dir, env: COLD })).json.written).toEqual([]);
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
      expect((await runJson<{ written: string[] }>(['sync'], { cwd: dir, env: COLD })).json.written).toEqual([]);
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
      expect((await runJson<{ written: string[] }>(['sync'], { cwd: dir, env: { ...COLD, ...ON_THE_DAY } })).json.written).toEqual([]);
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

/** One request on a raw connection: the reply line after the hello. */
async function rawRequest(path: string, request: unknown): Promise<unknown> {
  const { createConnection } = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.setEncoding('utf8');
    let text = '';
    socket.on('data', (chunk: string) => {
      text += chunk;
      const lines = text.split('\n');
      if (lines.length === 2) socket.write(`${typeof request === 'string' ? request : JSON.stringify(request)}\n`);
      if (lines.length >= 3) {
        socket.destroy();
        resolve(JSON.parse(lines[1]!));
      }
    });
    socket.on('error', reject);
  });
}
