import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advanceCommand } from '../src/cli/commands/advance.js';
import { campaignNewCommand } from '../src/cli/commands/campaign.js';
import { campaignApproveCommand, campaignDraftCommand, campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { dealNewCommand } from '../src/cli/commands/deal.js';
import { socketPath } from '../src/serve/protocol.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { commandJsonAsCli } from './helpers/in-process.js';
import { connectMcp } from './helpers/mcp.js';
import { ADA_REPLY, adaDraft, alive, CAMPAIGN, campaignWorkspace, COLD, coldSync, ON_THE_DAY, SAME_GIT, sameWrite } from './helpers/serve.js';
import { waitFor } from './helpers/watch.js';

/*
 * The CLI's writes answered by a running MCP server, and when the CLI leaves a command to
 * itself: served and cold, each a real CLI process, from folders below the top as a shell
 * names them. The reads are in serve-mcp-reads.test.ts. A cold sync from the top folder,
 * checking the fixed point, is the command's own function (helpers/serve.ts).
 */
/*
 * The cold reference of a write is the command's own function in this process, run from the
 * folder the served CLI process ran in (`dir`, as the CLI takes its working folder), with
 * THREADWORK_NO_SERVER=1 as the cold CLI run had it: a CLI process costs one to two seconds
 * on the loaded two-core machine, and the served side of each write stays a real process.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

const coldWrite = (call: (options: { dir: string; json: true }) => Promise<{ json: unknown; exitCode: 0 | 1 }>, dir: string, env: Record<string, string> = {}): ReturnType<typeof commandJsonAsCli<Record<string, unknown>>> =>
  commandJsonAsCli<Record<string, unknown>>(() => call({ dir, json: true }), { ...COLD, ...env }).finally(() => vi.unstubAllEnvs());

describe('the CLI answered by a running MCP server', () => {
  it('opens a deal and a campaign and advances a thread from the server’s warm workspace, as cold: the same files, derived changes and tree, one commit each', async () => {
    const servedDir = exampleWorkspaceCopy();
    const coldDir = exampleWorkspaceCopy();
    const mcp = await connectMcp(servedDir);
    // The thread named from a folder below the top, as a shell completes it there: the server's own folder is another.
    // Each write as typed (the served CLI process) and as its command's function (the cold reference).
    type Cold = (options: { dir: string; json: true }) => Promise<{ json: unknown; exitCode: 0 | 1 }>;
    const writes: { args: string[]; from: string; cold: Cold }[] = [
      {
        args: ['deal', 'new', 'Globex Payments', '--segment', 'mid-market-fintech', '--date', '2026-11-18', '--contact', 'Ana Ruiz'],
        from: '.',
        cold: (o) => dealNewCommand('Globex Payments', { segment: 'mid-market-fintech', date: '2026-11-18', contact: 'Ana Ruiz' }, o),
      },
      { args: ['campaign', 'new', 'Controllers Q1', '--segment', 'mid-market-fintech', '--date', '2026-11-18'], from: '.', cold: (o) => campaignNewCommand('Controllers Q1', { segment: 'mid-market-fintech', date: '2026-11-18' }, o) },
      { args: ['advance', './meridian-pay'], from: 'threads/sales', cold: (o) => advanceCommand('./meridian-pay', {}, o) },
    ];
    for (const { args, from, cold: coldCommand } of writes) {
      const commits = commitCount(servedDir);
      const served = await runJson<Record<string, unknown>>(args, { cwd: join(servedDir, from), env: SAME_GIT });
      const cold = await coldWrite(coldCommand, join(coldDir, from));
      expect(served.code, served.stderr).toBe(0);
      expect(cold.code, JSON.stringify(cold.json)).toBe(0);
      expect(served.json.served).toEqual({ pid: mcp.pid });
      expect(cold.json.served).toBeUndefined();
      expect(sameWrite(served.json)).toEqual(sameWrite(cold.json));
      expect(commitCount(servedDir)).toBe(commits + 1);
      expect(git(servedDir, 'rev-parse', 'HEAD^{tree}')).toBe(git(coldDir, 'rev-parse', 'HEAD^{tree}'));
    }
    // The server's state took its own writes in: a served sync after them writes nothing, and so does a cold one.
    expect((await runJson<{ written: string[] }>(['sync'], { cwd: servedDir, env: SAME_GIT })).json).toMatchObject({ written: [], served: { pid: mcp.pid } });
    expect((await coldSync<{ written: string[] }>(servedDir)).json.written).toEqual([]);
  }, 120_000);

  it('drafts a campaign, approves its drafts and records a reply from the server’s warm workspace, as cold: the same files, derived changes and tree, one commit each', async () => {
    const servedDir = campaignWorkspace();
    const coldDir = campaignWorkspace();
    const mcp = await connectMcp(servedDir, ON_THE_DAY);
    // The campaign and the drafts named from folders below the top, as a shell completes them there: the server's own folder is another.
    type Cold = (options: { dir: string; json: true }) => Promise<{ json: unknown; exitCode: 0 | 1 }>;
    const writes: { args: string[]; from: string; cold: Cold }[] = [
      { args: ['campaign', 'draft', './2027-01-12-month-end'], from: 'threads/sales/campaigns', cold: (o) => campaignDraftCommand('./2027-01-12-month-end', {}, o) },
      // The drafts as the cold reference names them from the top: the API reads a draft's path from the process's own folder.
      { args: ['campaign', 'approve', adaDraft(1), `./${adaDraft(2)}`], from: CAMPAIGN, cold: (o) => campaignApproveCommand([`${CAMPAIGN}/${adaDraft(1)}`, `${CAMPAIGN}/${adaDraft(2)}`], {}, { ...o, dir: coldDir }) },
      {
        args: ['campaign', 'reply', '.', 'ada@analytical.example', ...ADA_REPLY],
        from: CAMPAIGN,
        cold: (o) => campaignReplyCommand('.', 'ada@analytical.example', { text: ADA_REPLY[1]!, date: ADA_REPLY[3]! }, o),
      },
    ];
    for (const { args, from, cold: coldCommand } of writes) {
      const commits = commitCount(servedDir);
      const served = await runJson<Record<string, unknown>>(args, { cwd: join(servedDir, from), env: { ...SAME_GIT, ...ON_THE_DAY } });
      const cold = await coldWrite(coldCommand, join(coldDir, from), ON_THE_DAY);
      expect(served.code, served.stderr).toBe(0);
      expect(cold.code, JSON.stringify(cold.json)).toBe(0);
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
    expect((await coldSync<{ written: string[] }>(servedDir, ON_THE_DAY)).json.written).toEqual([]);
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

