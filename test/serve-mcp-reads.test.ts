import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';
import { replaceInFile } from './helpers/testdir.js';
import { COLD, coldCheck, coldDue, coldQualify, coldReport, coldSync, coldText, SAME_GIT, winTheDeal, withoutServed } from './helpers/serve.js';

/*
 * The CLI's reads (check, sync, report, due, qualify) answered by a running MCP server: each served
 * answer is a real CLI process asking it; the cold answer it must equal is the command's own
 * function with THREADWORK_NO_SERVER=1 (helpers/serve.ts). The writes it answers are in
 * serve-mcp-writes.test.ts, a watcher's answers in serve-watcher.test.ts.
 */
describe('the CLI answered by a running MCP server', () => {
  it('check and sync are answered from the server’s warm workspace, exactly as they are cold', async () => {
    const servedDir = exampleWorkspaceCopy();
    const coldDir = exampleWorkspaceCopy();
    const mcp = await connectMcp(servedDir);
    expect(mcp.pid).toBeTypeOf('number');
    expect(mcp.stderr()).toContain('`threadwork check`, `sync`, `report`, `due`, `qualify`, `deal new`, `campaign new`, `advance`, `campaign draft`, `campaign approve` and `campaign reply` in this workspace are answered from here');

    const check = await runJson(['check'], { cwd: servedDir, env: SAME_GIT });
    expect(check.json.served).toEqual({ pid: mcp.pid });
    const cold = await coldCheck(servedDir);
    expect(cold.json.served).toBeUndefined();
    expect(withoutServed(check.json)).toEqual(cold.json);

    // The same edit in two copies: one synced by the CLI through the server, one cold.
    winTheDeal(servedDir);
    winTheDeal(coldDir);
    const synced = await runJson<Record<string, unknown> & { commit: { committed: boolean } }>(['sync'], { cwd: servedDir, env: SAME_GIT });
    const coldSynced = await coldSync(coldDir);
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
    const again = await coldSync<{ written: string[]; commit: unknown }>(servedDir);
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
      const cold = await coldReport(dir, name);
      expect(served.json.served, name).toEqual({ pid: mcp.pid });
      expect(withoutServed(served.json), name).toEqual(cold.json);
      expect((cold.json.held as unknown[]).length, name).toBeGreaterThan(0);
      // The text is rendered by the CLI from the data either way: two reports show it, in both formats.
      for (const format of name === 'pipeline' || name === 'goals' ? [[], ['--md']] : []) {
        const servedText = await runCli(['report', name, ...format], { cwd: dir, env: SAME_GIT });
        const cold = await coldText(dir, { report: name, md: format.length > 0 });
        expect(servedText.stdout, `${name} ${format.join('')}`).toBe(cold.stdout);
        expect(servedText.code).toBe(cold.code);
      }
    }
  }, 240_000);

  it('lists the touches due from the server’s warm workspace, as they are listed cold; an impossible date refused as cold', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    for (const date of [[], ['--date', '2026-03-02']]) {
      const served = await runJson<Record<string, unknown>>(['due', ...date], { cwd: dir, env: SAME_GIT });
      const cold = await coldDue(dir, date[1]);
      expect(served.json.served, date.join(' ')).toEqual({ pid: mcp.pid });
      expect(withoutServed(served.json)).toEqual(cold.json);
      expect((await runCli(['due', ...date], { cwd: dir, env: SAME_GIT })).stdout).toBe((await coldText(dir, { due: date[1] })).stdout);
    }
    const impossible = await runJson<{ error: { code: string; message: string } }>(['due', '--date', '2026-02-30'], { cwd: dir, env: SAME_GIT });
    const coldImpossible = await coldDue(dir, '2026-02-30');
    expect(impossible.code).toBe(1);
    expect(impossible.json).toEqual(coldImpossible.json);
  }, 120_000);

  it('names a stage broken after the server loaded it as held at the one in HEAD, as cold does, and says so when it holds a version HEAD does not have', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const DECISION = 'threads/sales/keel-neobank/4-decision.md';
    // The server reads the workspace first: the break below is an edit it sees, holding the version it read.
    expect((await runJson<Record<string, unknown>>(['check'], { cwd: dir, env: SAME_GIT })).json.served).toEqual({ pid: mcp.pid });
    replaceInFile(dir, DECISION, 'criteria:', 'criteria: [\nbroken:');
    const served = await runJson<Record<string, unknown>>(['qualify', 'keel-neobank'], { cwd: dir, env: SAME_GIT });
    const cold = await coldQualify(dir, 'keel-neobank');
    expect(served.json.served).toEqual({ pid: mcp.pid });
    expect(withoutServed(served.json)).toEqual(cold.json);
    expect(JSON.stringify(cold.json.held)).toContain('its last valid version (the one in HEAD)');
    const report = await runJson<Record<string, unknown>>(['report', 'pipeline'], { cwd: dir, env: SAME_GIT });
    expect(withoutServed(report.json)).toEqual((await coldReport(dir, 'pipeline')).json);
    expect((await runCli(['check'], { cwd: dir, env: SAME_GIT })).stdout).toBe((await runCli(['check'], { cwd: dir, env: { ...SAME_GIT, ...COLD } })).stdout);

    // A valid edit the server read and no commit has, then broken: served holds that edit, cold holds HEAD's — and the words say which.
    replaceInFile(dir, DECISION, 'criteria: [\nbroken:', 'criteria:');
    replaceInFile(dir, DECISION, 'champion: Tom Okafor', 'champion: Tom Okafor (acting)');
    await runJson(['check'], { cwd: dir, env: SAME_GIT });
    replaceInFile(dir, DECISION, 'criteria:', 'criteria: [\nbroken:');
    const ahead = await runJson<Record<string, unknown>>(['qualify', 'keel-neobank'], { cwd: dir, env: SAME_GIT });
    expect(JSON.stringify(ahead.json.held)).toContain('its last valid version (the one seen before this edit, not yet committed)');
    expect(JSON.stringify((await coldQualify(dir, 'keel-neobank')).json.held)).toContain('its last valid version (the one in HEAD)');
  }, 120_000);

  it('qualifies a deal from the server’s warm workspace, as it is qualified cold; an unknown deal refused as cold', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    // A Stage 4 in error: the scores read its last valid version, and say so (held).
    replaceInFile(dir, 'threads/sales/keel-neobank/4-decision.md', 'criteria:', 'criteria: [\nbroken:');
    // Another deal's stage in error is no part of this deal's scores: served, its hold was listed too, cold it is not.
    replaceInFile(dir, 'threads/sales/cobalt-remit/2-hypothesis.md', 'tests:', 'tests: [A5\nbroken:');
    const served = await runJson<Record<string, unknown>>(['qualify', 'keel-neobank'], { cwd: dir, env: SAME_GIT });
    const cold = await coldQualify(dir, 'keel-neobank');
    expect(served.code).toBe(0);
    expect(served.json.served).toEqual({ pid: mcp.pid });
    expect(withoutServed(served.json)).toEqual(cold.json);
    expect((cold.json.held as { path: string }[]).map((d) => d.path)).toEqual(['threads/sales/keel-neobank/4-decision.md']);
    expect((served.json.qualification as { criteria: unknown[] }).criteria.length).toBeGreaterThan(0);
    // The text is rendered by the CLI from the data either way.
    const servedText = await runCli(['qualify', 'keel-neobank'], { cwd: dir, env: SAME_GIT });
    const coldText = await runCli(['qualify', 'keel-neobank'], { cwd: dir, env: { ...SAME_GIT, THREADWORK_NO_SERVER: '1' } });
    expect(servedText.stdout).toBe(coldText.stdout);
    expect(servedText.stdout).toContain('keel-neobank');

    const unknown = await runJson<{ error: { code: string } }>(['qualify', 'keel-neobnk'], { cwd: dir, env: SAME_GIT });
    const coldUnknown = await coldQualify(dir, 'keel-neobnk');
    expect(unknown.code).toBe(1);
    expect(unknown.json.error.code).toBe('unknown-thread');
    expect(unknown.json).toEqual(coldUnknown.json);
  }, 120_000);
});
