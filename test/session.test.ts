import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../src/api.js';
import { WorkspaceSession } from '../src/engine/session.js';
import { SYNC_ONLY, type SyncResult } from '../src/engine/transaction.js';
import { REPO_ROOT, runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * A warm workspace (engine/session.ts) keeps one state between calls and reads again only
 * what the file events named since the call before. These tests hold it to the cold
 * engine's answers — the same edits made to two copies of one workspace, one synced warm,
 * one cold — and check that it got there from the events, not by reading everything.
 */

process.env.THREADWORK_TODAY = '2026-11-20';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const ws of opened.splice(0)) await ws.close();
});

async function warm(dir: string): Promise<Workspace> {
  const ws = await openWorkspace(dir, { warm: true });
  opened.push(ws);
  return ws;
}

/** Every file sync reads or writes, by path: what the two copies must agree on. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(dir, path), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** What a sync did, without what differs between two repositories (commit ids). */
function outcome(result: SyncResult): unknown {
  return {
    written: [...result.written].sort(),
    changes: result.changes,
    diagnostics: result.diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.rule}`).sort(),
    triggers: [...result.triggers].sort(),
    committed: result.commit?.committed ?? false,
    paths: result.commit?.committed ? [...result.commit.paths].sort() : [],
    uncommitted: result.uncommitted,
    uncommittedDeleted: result.uncommittedDeleted,
  };
}

const LEARNING = 'threads/sales/brightcart/6-learning.md';

describe('a warm workspace', () => {
  it('syncs each outside edit as a cold sync does, from the file events alone', async () => {
    const warmDir = exampleWorkspaceCopy();
    const coldDir = exampleWorkspaceCopy();
    const session = new WorkspaceSession(warmDir);
    opened.push(session);
    const cold = await openWorkspace(coldDir);
    const sync = async (): Promise<[unknown, unknown]> => [outcome((await session.transaction(() => SYNC_ONLY)).sync!), outcome(await cold.sync())];
    const [warmFirst, coldFirst] = await sync();
    expect(warmFirst).toEqual(coldFirst);

    const edits: [string, (dir: string) => void][] = [
      // Prose moves nothing derived: sync commits nothing and names the file uncommitted (the first edit: git's answer to the session may not be in yet).
      ['a line of prose', (dir) => replaceInFile(dir, LEARNING, 'Lost after three months', 'Lost after four months')],
      ['a deal won', (dir) => replaceInFile(dir, LEARNING, 'outcome: closed-lost', 'outcome: closed-won')],
      ['its ARR', (dir) => replaceInFile(dir, LEARNING, 'arr: null', 'arr: 48000')],
      ['a stage saved half-way', (dir) => writeFileSync(join(dir, 'threads/sales/cobalt-remit/2-hypothesis.md'), '---\ntests: [A5, A6\ninitial_conf')],
      ['the stage finished', (dir) => writeFileSync(join(dir, 'threads/sales/cobalt-remit/2-hypothesis.md'), '---\ntests: [A5]\ninitial_confidence: 0.6\nstatement: A new CFO buys in her first 90 days\n---\n\n# Hypothesis\n')],
      ['a stage deleted', (dir) => rmSync(join(dir, 'threads/sales/harbor-lending/6-learning.md'))],
      ['a thread folder removed', (dir) => rmSync(join(dir, 'threads/sales/fernway-home'), { recursive: true })],
      ['a thread folder added', (dir) => {
        mkdirSync(join(dir, 'threads/sales/new-co'));
        writeFileSync(join(dir, 'threads/sales/new-co/meta.json'), readFileSync(join(dir, 'threads/sales/cobalt-remit/meta.json'), 'utf8').replaceAll('cobalt-remit', 'new-co').replace(/"title": "[^"]*"/, '"title": "New Co"'));
        writeFileSync(join(dir, 'threads/sales/new-co/1-input.md'), readFileSync(join(dir, 'threads/sales/cobalt-remit/1-input.md')));
      }],
    ];
    for (const [what, edit] of edits) {
      edit(warmDir);
      edit(coldDir);
      const before = session.refreshes;
      const [warmResult, coldResult] = await sync();
      expect(warmResult, what).toEqual(coldResult);
      expect(tree(warmDir), what).toEqual(tree(coldDir));
      // Read from the events: not one full reconcile after the load.
      expect(session.refreshes, what).toEqual({ full: before.full, fromEvents: before.fromEvents + 1 });
    }
    // The fixed point, warm as cold: nothing written, nothing committed.
    const [again] = await sync();
    expect(again).toMatchObject({ written: [], committed: false });
  });

  it('syncs on change only when a file changed since the last transaction: not for the echo of its own writes, nor a save of the same bytes', async () => {
    const dir = exampleWorkspaceCopy();
    const session = new WorkspaceSession(dir);
    opened.push(session);
    expect((await session.syncOnChange())?.sync, 'the first call always syncs').toBeDefined();
    expect(await session.syncOnChange()).toBeNull();
    writeFileSync(join(dir, LEARNING), readFileSync(join(dir, LEARNING)));
    expect(await session.syncOnChange()).toBeNull();
    replaceInFile(dir, LEARNING, 'outcome: closed-lost', 'outcome: closed-won');
    // A read in between brings the change in; the next sync still answers it.
    await session.read(() => undefined);
    const synced = await session.syncOnChange();
    expect(synced?.changed).toEqual([LEARNING]);
    expect(synced?.commit?.committed).toBe(true);
    expect(synced?.sync?.written.length).toBeGreaterThan(0);
    // The echo of those writes: nothing changed since.
    expect(await session.syncOnChange()).toBeNull();

    // A write refused after it brought an edit in (its proposal throws) leaves that edit to the next sync.
    replaceInFile(dir, LEARNING, 'arr: null', 'arr: 48000');
    await expect(session.transaction(() => {
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect((await session.syncOnChange())?.changed).toEqual([LEARNING]);
  });

  it('reads from the events alone what another process wrote and committed (the CLI’s commit moves git’s index)', async () => {
    const dir = exampleWorkspaceCopy();
    const session = new WorkspaceSession(dir);
    opened.push(session);
    await session.transaction(() => SYNC_ONLY);
    replaceInFile(dir, 'threads/sales/cobalt-remit/2-hypothesis.md', 'tests: [A5, A6]', 'tests: [A5]');
    git(dir, 'commit', '-q', '-am', 'cobalt-remit tests A5 only');
    const before = session.refreshes;
    const tests = await session.read(({ model }) => model.threads.get('threads/sales/cobalt-remit')?.stages[1]?.value);
    expect(session.refreshes).toEqual({ full: before.full, fromEvents: before.fromEvents + 1 });
    expect(tests).toMatchObject({ tests: ['A5'] });
  });

  it('reads everything again when the events since the last call may have overflowed the kernel’s queue (a checkout), and lists what the checkout left', async () => {
    const dir = exampleWorkspaceCopy();
    // The checkout below makes a few dozen events: as many as half the kernel's queue would be, for this test.
    const session = new WorkspaceSession(dir, { overflowAt: 10 });
    opened.push(session);
    await session.transaction(() => SYNC_ONLY);
    git(dir, 'checkout', '-q', '-b', 'other');
    rmSync(join(dir, 'threads/sales/brightcart'), { recursive: true });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'drop brightcart');
    git(dir, 'checkout', '-q', '-');
    git(dir, 'checkout', '-q', 'other');
    const before = session.refreshes;
    const threads = await session.read(({ model }) => [...model.threads.keys()].sort());
    expect(session.refreshes.full).toBe(before.full + 1);
    const coldThreads = [...(await (await openWorkspace(dir)).load()).threads.keys()].sort();
    expect(threads).toEqual(coldThreads);
    expect(threads).not.toContain('threads/sales/brightcart');
  });

  it('takes calls made at once in turn: both writes committed, then nothing left to sync', async () => {
    const dir = exampleWorkspaceCopy();
    const ws = await warm(dir);
    const commits = commitCount(dir);
    const [a, b] = await Promise.all([ws.createDeal({ company: 'Alpha Co', segment: 'mid-market-fintech' }), ws.createDeal({ company: 'Beta Co', segment: 'mid-market-fintech' })]);
    expect([a.commit?.committed, b.commit?.committed]).toEqual([true, true]);
    expect(commitCount(dir)).toBe(commits + 2);
    expect((await ws.listThreads()).map((t) => t.path)).toEqual(expect.arrayContaining(['threads/sales/alpha-co', 'threads/sales/beta-co']));
    const after = await ws.sync();
    expect(after.written).toEqual([]);
    expect(after.commit?.committed ?? false).toBe(false);
  });

  it('answers a check as a cold check does, after an edit made by another process', async () => {
    const dir = exampleWorkspaceCopy();
    const ws = await warm(dir);
    expect((await ws.check()).errors).toBe(0);
    // A stage saved with an unknown assumption id; the cold answer is the real CLI's.
    replaceInFile(dir, 'threads/sales/cobalt-remit/2-hypothesis.md', 'tests: [A5, A6]', 'tests: [A5, A99]');
    const warmCheck = await ws.check();
    const coldCheck = await runCli(['check', '--json', '--no-cache', '--dir', dir], { env: { THREADWORK_TODAY: '2026-11-20' } });
    const coldJson = JSON.parse(coldCheck.stdout) as { errors: number; diagnostics: { path: string; rule: string; line: number }[] };
    expect(warmCheck.errors).toBeGreaterThan(0);
    expect(warmCheck.diagnostics.map((d) => `${d.path}:${d.line} ${d.rule}`)).toEqual(coldJson.diagnostics.map((d) => `${d.path}:${d.line} ${d.rule}`));
  });

  it('reports as a cold report does — held threads at HEAD, named — after edits made outside', async () => {
    const dir = exampleWorkspaceCopy();
    const ws = await warm(dir);
    const cold = await openWorkspace(dir);
    await ws.sync();
    expect(await ws.report('pipeline')).toEqual(await cold.report('pipeline'));
    // A win, and a thread put in error (an unknown assumption): sync holds it at HEAD, and so must the report.
    replaceInFile(dir, LEARNING, 'outcome: closed-lost', 'outcome: closed-won');
    replaceInFile(dir, 'threads/sales/cobalt-remit/2-hypothesis.md', 'tests: [A5, A6]', 'tests: [A5, A99]');
    for (const name of ['pipeline', 'winloss', 'assumptions'] as const) {
      const [warmReport, coldReport] = [await ws.report(name), await cold.report(name)];
      expect(warmReport, name).toEqual(coldReport);
      expect(warmReport.held.map((d) => d.path), name).toContain('threads/sales/cobalt-remit/2-hypothesis.md');
    }
  });

  it('never keeps the process alive: a script that forgets close() still exits', () => {
    const dir = exampleWorkspaceCopy();
    const script = `const { openWorkspace } = await import(${JSON.stringify(join(REPO_ROOT, 'dist/index.js'))}); const ws = await openWorkspace(${JSON.stringify(dir)}, { warm: true }); console.log((await ws.listThreads()).length);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, THREADWORK_TODAY: '2026-11-20' } });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(Number(run.stdout.trim())).toBeGreaterThan(0);
    // Its cookies (watch/change-feed.ts) are gone with their events: the folder is left empty.
    const cookies = join(dir, '.git/threadwork-cookies');
    expect(statSync(cookies).isDirectory()).toBe(true);
    expect(readdirSync(cookies)).toEqual([]);
  });
});
