import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { WorkspaceWatcher } from '../src/watch/watcher.js';
import { recordJournal } from '../src/engine/journal.js';
import { runCli, runJson } from './helpers/cli.js';
import { commitCount, git, gitEnv, gitInit, lastCommitMessage, lastCommitPaths } from './helpers/git.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { dealMeta, GOAL, workspace } from './helpers/workspace.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { copyOfPrepared, preparedCopy } from './helpers/prepared.js';
import { waitFor } from './helpers/watch.js';
import { commandJson, commandText } from './helpers/in-process.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { historyCommand } from '../src/cli/commands/history.js';

const GOAL_LINK = { goal_id: 'g-first-customers', subgoal: 'SG1' };

/*
 * Speed: a CLI process costs about a second on a loaded two-core machine. Where a test is
 * about what a sync or history answers rather than the process or its text, it runs the
 * command's own function (src/cli/commands/*) in this process: the same JSON and exit code
 * the CLI prints. Each CLI behaviour checked here keeps at least one real CLI run.
 */

/** `threadwork sync --json --dir <dir>` (`dryRun`: --dry-run, `commit: false`: --no-commit), without a process. */
function syncJson<T = Record<string, unknown>>(dir: string, flags: { dryRun?: boolean; commit?: boolean } = {}): ReturnType<typeof commandJson<T>> {
  return commandJson<T>(() => syncCommand({ dryRun: flags.dryRun === true, commit: flags.commit !== false }, { dir, json: true }));
}

/** `threadwork sync --dir <dir>`'s printed text and exit code, without a process. */
function syncText(dir: string): ReturnType<typeof commandText> {
  return commandText(() => syncCommand({ dryRun: false, commit: true }, { dir, json: false }));
}

/** `threadwork history <subject> --json --dir <dir>`, without a process. */
function historyJson<T = Record<string, unknown>>(dir: string, subject: string): ReturnType<typeof commandJson<T>> {
  return commandJson<T>(() => historyCommand(subject, { dir, json: true }));
}

function stages(dir: string, thread: string, upTo: number, learning?: string): void {
  const files: Record<string, string> = {
    [`${thread}/1-input.md`]: md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\ncompany:\n  name: Acme'),
    [`${thread}/2-hypothesis.md`]: md('tests: [A1, A2]\ninitial_confidence: 0.5'),
    [`${thread}/3-implication.md`]: md('arr_potential: 40000\nstrategic_value: high'),
    [`${thread}/4-decision.md`]: md('decision: QUALIFY\nframework: BANT\nreasoning: fits'),
    [`${thread}/5-actions.md`]: md('actions:\n  - {type: sales:demo, status: completed, completed: 2026-03-20}\n  - {type: sales:pilot, status: completed, completed: 2026-04-10}'),
  };
  if (learning) files[`${thread}/6-learning.md`] = learning;
  writeFiles(dir, Object.fromEntries(Object.entries(files).filter(([path]) => Number(/(\d)-/.exec(path.split('/').pop()!)![1]) <= upTo)));
}

const wonLearning = (arr: number, result = 'validated'): string =>
  md(`outcome: closed-won\nclosed: 2026-05-01\narr: ${arr}\nmargin: 0.8\nvalidations:\n  - assumption: A1\n    result: ${result}\n    evidence: Close took six days before us\n  - assumption: A2\n    result: partial\n    evidence: Pilot ran 50 days`);

/**
 * A workspace where a sync closing acme (a won learning) was killed after its journal was
 * written: nothing of it committed yet. The journal is the one an uninterrupted run of the
 * same sync, in a twin workspace, would have recorded.
 */
async function killedWhileClosingAcme(): Promise<string> {
  const control = syncedWorkspace();
  writeFiles(control, { 'threads/sales/acme/6-learning.md': wonLearning(48000) });
  const uninterrupted = await (await openWorkspace(control)).sync();
  const dir = syncedWorkspace();
  writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(48000) });
  await recordJournal({ root: dir, message: lastCommitMessage(control), sources: [], paths: [...uninterrupted.written, ...uninterrupted.triggers] });
  return dir;
}

/** acme at Stage 5 and globex at Stage 3, committed as they are: a copy of one made once for the file. */
function syncedWorkspace(): string {
  return copyOfPrepared('synced', () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': dealMeta('acme', GOAL_LINK),
      'threads/sales/globex/meta.json': dealMeta('globex', { segment: 'ecommerce-finance' }),
    });
    stages(dir, 'threads/sales/acme', 5);
    stages(dir, 'threads/sales/globex', 3);
    gitInit(dir);
    return dir;
  });
}

/**
 * syncedWorkspace synced, then acme closed won (ARR 48000) and synced again: two threadwork
 * commits, the trail the history tests read. A copy of one made once for the file.
 */
function wonWorkspace(): Promise<string> {
  return preparedCopy('won', async () => {
    const dir = syncedWorkspace();
    const ws = await openWorkspace(dir);
    await ws.sync();
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(48000) });
    await ws.sync();
    return dir;
  });
}

describe('sync', () => {
  it('commits a segment change with the deals whose ICP scores it moved', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', GOAL_LINK) });
    writeFiles(dir, { 'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\ncompany:\n  name: Acme\n  industry: payments\n  employees: 400') });
    gitInit(dir);
    const ws = await openWorkspace(dir);
    await ws.sync();
    const before = JSON.parse(read(dir, 'threads/sales/acme/meta.json')).icp_match_score as number;
    // Only the segment's filters change: no aggregate moves, one deal's score does.
    writeFiles(dir, { 'strategy/canvas/04-segments.md': read(dir, 'strategy/canvas/04-segments.md').replace('employees: {min: 200, max: 2000}', 'employees: {min: 1000, max: 5000}') });
    const result = await ws.sync();
    expect(JSON.parse(read(dir, 'threads/sales/acme/meta.json')).icp_match_score).not.toBe(before);
    expect(result.changes.every((c) => c.kind === 'thread')).toBe(true);
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining(['strategy/canvas/04-segments.md', 'threads/sales/acme/meta.json']));
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it("names a win's ARR in the commit subject, and no ARR for a deal lost with one left in its learning", async () => {
    const dir = syncedWorkspace();
    const ws = await openWorkspace(dir);
    await ws.sync();
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(48000) });
    await ws.sync();
    expect(lastCommitMessage(dir).split('\n')[0]).toBe('threadwork: learning threads/sales/acme (closed-won, ARR 48000)');
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(48000).replace('outcome: closed-won', 'outcome: closed-lost') });
    expect((await ws.sync()).commit).toMatchObject({ committed: true });
    expect(lastCommitMessage(dir).split('\n')[0]).toBe('threadwork: learning threads/sales/acme (closed-lost)');
  });

  it('closing a deal moves the assumptions, metrics and goal in one commit, then reaches a fixed point', async () => {
    const dir = syncedWorkspace();
    const ws = await openWorkspace(dir);
    await ws.sync();
    const baseline = commitCount(dir);
    expect(read(dir, 'strategy/canvas/10-assumptions.md')).toMatch(/\| A1 \| .* \| 0\.60 \| 0\.60 \| testing \|/);

    writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(48000) });
    const result = await ws.sync();
    expect(result.commit).toMatchObject({ committed: true });
    expect(commitCount(dir)).toBe(baseline + 1);
    expect(lastCommitPaths(dir)).toEqual(['goals/g-first-customers.md', 'strategy/canvas/10-assumptions.md', 'strategy/canvas/13-metrics.md', 'threads/sales/acme/6-learning.md', 'threads/sales/acme/meta.json']);
    const message = lastCommitMessage(dir);
    expect(message.split('\n')[0]).toBe('threadwork: learning threads/sales/acme (closed-won, ARR 48000)');
    expect(message).toContain('A1 confidence 0.60 → 0.73 (testing, n=1)');
    // A2's evidence moved, its confidence as shown did not: said unchanged, never "0.50 → 0.50".
    expect(message).toContain('A2 confidence unchanged at 0.50 (testing, n=0 → 1)');
    expect(message).not.toMatch(/(\d\.\d\d) → \1 /);
    expect(message).toMatch(/^g-first-customers SG1 0\/1 → 1\/1; won_count 0 → 1; trajectory behind → ahead; as-of date 2026-04-10 → 2026-05-01; SG1 status in_progress → completed/m);
    expect(message).toMatch(/^Threadwork-Trigger: threads\/sales\/acme\/6-learning\.md$/m);
    expect(message).toMatch(/^Threadwork-Assumption: A1$/m);
    expect(message).toMatch(/^Threadwork-Goal: g-first-customers$/m);
    expect(JSON.parse(read(dir, 'threads/sales/acme/meta.json'))).toMatchObject({ stage: 6, status: 'closed-won', pipeline_stage: 'closed-won', close_probability: 1, cycle_time_days: 61, updated: '2026-05-01' });

    const again = await ws.sync();
    expect(again.written).toEqual([]);
    expect(again.commit).toBeNull();
    expect(commitCount(dir)).toBe(baseline + 1);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a deal at Stage 6 with no outcome yet still tests its assumptions; its outcome ends the test, and the commit says so', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', GOAL_LINK) });
    stages(dir, 'threads/sales/acme', 5);
    gitInit(dir);
    await syncJson(dir);
    const testing = /\| A1 \| .* \| 0\.60 \| 0\.60 \| testing \| .* \| testing in \[acme\]/;
    expect(read(dir, 'strategy/canvas/10-assumptions.md')).toMatch(testing);

    // advance as the workspace answers it (the CLI's advance is the API call: threads.test.ts runs it).
    await (await openWorkspace(dir)).advance('acme');
    expect(JSON.parse(read(dir, 'threads/sales/acme/meta.json'))).toMatchObject({ stage: 6, status: 'open' });
    expect(read(dir, 'strategy/canvas/10-assumptions.md')).toMatch(testing);
    expect(lastCommitMessage(dir)).not.toMatch(/^A1 /m);

    writeFiles(dir, { 'threads/sales/acme/6-learning.md': md('outcome: stalled\nclosed: 2026-05-01\nloss_reason: Budget frozen') });
    expect((await syncJson(dir)).code).toBe(0);
    expect(read(dir, 'strategy/canvas/10-assumptions.md')).toMatch(/\| A1 \| .* \| 0\.60 \| 0\.60 \| untested \| .* \| — \|/);
    // Only the status moved: the message says so, not "confidence 0.60 → 0.60".
    expect(lastCommitMessage(dir)).toMatch(/^A1 testing → untested \(confidence 0\.60, n=0\)$/m);
  });

  it('never commits what the user had staged for other work, and leaves it staged', async () => {
    const dir = syncedWorkspace();
    writeFiles(dir, { 'notes.txt': 'my staged work\n', 'threads/sales/acme/6-learning.md': wonLearning(48000) });
    git(dir, 'add', 'notes.txt');
    await (await openWorkspace(dir)).sync();
    expect(lastCommitPaths(dir)).not.toContain('notes.txt');
    expect(git(dir, 'status', '--porcelain')).toBe('A  notes.txt\n');
  });

  it('recomputes instead of counting: reopening a deal, correcting ARR, changing a result, deleting a thread', async () => {
    const dir = syncedWorkspace();
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(48000) });
    const ws = await openWorkspace(dir);
    await ws.sync();
    const wonArr = (): string => /\| won ARR \| ([^|]+) \|/.exec(read(dir, 'strategy/canvas/13-metrics.md'))![1]!.trim();
    const a1 = (): string => /\| A1 \| [^|]+ \| [^|]+ \| ([^|]+) \|/.exec(read(dir, 'strategy/canvas/10-assumptions.md'))![1]!.trim();
    expect(wonArr()).toBe('48,000');

    writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(52000) });
    await ws.sync();
    expect(wonArr()).toBe('52,000');
    await ws.sync(); // saved twice: still counted once
    expect(wonArr()).toBe('52,000');

    writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(52000, 'invalidated') });
    await ws.sync();
    expect(a1()).toBe('0.40');

    rmSync(join(dir, 'threads/sales/acme/6-learning.md'));
    const reopened = await ws.sync();
    expect(wonArr()).toBe('0');
    expect(a1()).toBe('0.60');
    expect(JSON.parse(read(dir, 'threads/sales/acme/meta.json'))).toMatchObject({ stage: 5, status: 'open', pipeline_stage: 'proposal', close_probability: 0.6 });
    expect(lastCommitPaths(dir)).toContain('threads/sales/acme/6-learning.md');
    expect(reopened.commit).toMatchObject({ committed: true });
    // The subject says the learning went, not that one was written (what history lists first).
    expect(lastCommitMessage(dir).split('\n')[0]).toBe('threadwork: learning removed from threads/sales/acme (reopened at stage 5)');

    rmSync(join(dir, 'threads/sales/globex'), { recursive: true });
    await ws.sync();
    expect(/\| open deals \| (\d+) \|/.exec(read(dir, 'strategy/canvas/13-metrics.md'))![1]).toBe('1');
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining(['threads/sales/globex/meta.json', 'threads/sales/globex/1-input.md']));
  });

  it('derives nothing for a thread whose 1-input.md is not there yet, and writes no stage 0 a meta.json check refuses', async () => {
    // A watcher can see a new deal's meta.json before its 1-input.md (test/thread-without-stage.test.ts has the rest).
    const dir = workspace({ 'threads/sales/fresh/meta.json': dealMeta('fresh') });
    gitInit(dir);
    const result = await (await openWorkspace(dir)).sync();
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['thread-stage-missing']);
    expect(read(dir, 'threads/sales/fresh/meta.json')).toBe(dealMeta('fresh'));
    const check = await (await openWorkspace(dir)).check();
    expect(check.diagnostics.filter((d) => d.path === 'threads/sales/fresh/meta.json' && d.rule === 'schema')).toEqual([]);
  });

  it('dry run reports before → after and writes nothing', async () => {
    const dir = syncedWorkspace();
    const before = commitCount(dir);
    const result = await syncJson(dir, { dryRun: true });
    expect(result.code).toBe(0);
    expect((result.json as { written: string[] }).written.length).toBeGreaterThan(0);
    expect((result.json as { changes: { description: string }[] }).changes.map((c) => c.description)).toEqual(expect.arrayContaining([expect.stringContaining('threads/sales/acme stage — → 5')]));
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(commitCount(dir)).toBe(before);
    const human = await runCli(['sync', '--dry-run', '--dir', dir]);
    expect(human.stdout).toMatch(/dry run: would write \d+ files/);
  });

  it('--no-commit writes but does not commit', async () => {
    const dir = syncedWorkspace();
    const before = commitCount(dir);
    const result = await runCli(['sync', '--no-commit', '--dir', dir]);
    expect(result.code).toBe(0);
    expect(commitCount(dir)).toBe(before);
    expect(git(dir, 'status', '--porcelain')).toMatch(/ M strategy\/canvas\/10-assumptions\.md/);
  });

  it('works in a repository with no commits yet', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme') });
    stages(dir, 'threads/sales/acme', 2);
    gitInit(dir, { commit: false });
    const result = await (await openWorkspace(dir)).sync();
    expect(result.commit).toMatchObject({ committed: true });
    expect(commitCount(dir)).toBe(1);
  });

  it('commits under the fallback identity when git has none', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme') });
    stages(dir, 'threads/sales/acme', 1);
    gitInit(dir, { commit: false, identity: false });
    const result = await runCli(['sync', '--dir', dir], { env: { ...gitEnv(), HOME: dir } });
    expect(result.code, result.stderr).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe('threadwork <threadwork@localhost>');
  });

  it('writes but does not commit during a merge, and says so', async () => {
    const dir = syncedWorkspace();
    writeFileSync(join(dir, '.git/MERGE_HEAD'), `${git(dir, 'rev-parse', 'HEAD')}`);
    const result = await runCli(['sync', '--dir', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/not committed: a merge is in progress/);
    expect(commitCount(dir)).toBe(1);
    // What it wrote is listed as left for the merge, not as sources "sync commits only…" (it committed nothing); so again with nothing to write.
    const listed = /⚠ \d+ files? differs? from HEAD and (is|are) not committed while a merge is in progress \(threadwork commits nothing until it is finished\): goals\/g-first-customers\.md, strategy\/canvas\/10-assumptions\.md/;
    expect(result.stdout).toMatch(listed);
    expect(result.stdout).not.toMatch(/source files? differs? from HEAD/);
    // Again without a process (the first run's text through the CLI).
    const again = await syncText(dir);
    expect(again.stdout).toMatch(listed);
    expect(again.stdout).toMatch(/in sync: nothing to write/);
  });

  // The message is all the user has to go on: it must name the step that commits the
  // files, and a later sync — which finds them written — is not that step.
  it('during a merge, tells the user to commit what it wrote with git, which a sync after the merge does not do', async () => {
    const dir = syncedWorkspace();
    writeFileSync(join(dir, '.git/MERGE_HEAD'), `${git(dir, 'rev-parse', 'HEAD')}`);
    // The merge through the CLI: the test above.
    const during = await syncJson<{ written: string[]; commit: { committed: boolean; message: string } }>(dir);
    expect(during.json.written.length).toBeGreaterThan(0);
    expect(during.json.commit).toMatchObject({ committed: false, reason: 'merge-in-progress' });
    expect(during.json.commit.message).toBe('a merge is in progress: the files were written but not committed; `git add` them, then `git commit`, which commits them as it finishes the merge: a later sync finds them written and commits nothing');
    rmSync(join(dir, '.git/MERGE_HEAD'));
    const after = await syncJson<{ written: string[]; commit: unknown; uncommitted: string[] }>(dir);
    expect(after.json).toMatchObject({ written: [], commit: null });
    expect(after.json.uncommitted).toEqual(expect.arrayContaining(during.json.written));
    expect(commitCount(dir)).toBe(1);
  });

  it('waits for a held index.lock, then commits', async () => {
    const dir = syncedWorkspace();
    writeFileSync(join(dir, '.git/index.lock'), '');
    const child = spawn(process.execPath, [join(__dirname, '../bin/threadwork.js'), 'sync', '--json', '--dir', dir], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    // Released only once the sync has written its files — it commits next, into the held lock — and a moment
    // after: a sync that did not wait for the lock would have given up by then (exited).
    await waitFor(() => git(dir, 'status', '--porcelain') !== '', 'the sync to write its files', () => stdout);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode, 'the sync gave up before the lock was released').toBeNull();
    rmSync(join(dir, '.git/index.lock'));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    expect(code, stdout).toBe(0);
    expect(JSON.parse(stdout).commit).toMatchObject({ committed: true });
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('reports a damaged managed block with its line and leaves that file alone', async () => {
    const dir = syncedWorkspace();
    const damaged = `${read(dir, 'strategy/canvas/10-assumptions.md')}\n<!-- threadwork:end assumptions -->\n\nNotes.\n<!-- threadwork:begin assumptions -->\n`;
    writeFiles(dir, { 'strategy/canvas/10-assumptions.md': damaged });
    const result = await syncJson(dir);
    expect(result.code).toBe(1);
    const diagnostics = (result.json as { diagnostics: { path: string; line: number; rule: string; message: string }[] }).diagnostics;
    expect(diagnostics).toContainEqual(expect.objectContaining({ path: 'strategy/canvas/10-assumptions.md', rule: 'managed-block', message: expect.stringMatching(/Swapped markers/) }));
    expect(read(dir, 'strategy/canvas/10-assumptions.md')).toBe(damaged);
    expect(read(dir, 'strategy/canvas/13-metrics.md')).toMatch(/threadwork:begin metrics/);
  });

  it('holds the aggregates at their last good state while a thread file is broken', async () => {
    const dir = syncedWorkspace();
    await (await openWorkspace(dir)).sync();
    const metrics = read(dir, 'strategy/canvas/13-metrics.md');
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': '---\noutcome: closed-won\narr: [\n---\n' });
    const result = await syncJson(dir);
    expect(result.code).toBe(1);
    expect(read(dir, 'strategy/canvas/13-metrics.md')).toBe(metrics);
    const rules = (result.json as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule);
    expect(rules).toEqual(expect.arrayContaining(['yaml-syntax', 'derived-held']));
  });

  it('opens a marketing thread for a content opportunity exactly once', async () => {
    const dir = syncedWorkspace();
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(48000).replace('validations:', 'content_opportunity:\n  topic: How Acme closes in two days\n  priority: high\nvalidations:') });
    const ws = await openWorkspace(dir);
    const first = await ws.sync();
    expect(first.written).toEqual(expect.arrayContaining(['threads/marketing/how-acme-closes-in-two-days/meta.json', 'threads/marketing/how-acme-closes-in-two-days/1-input.md']));
    const input = read(dir, 'threads/marketing/how-acme-closes-in-two-days/1-input.md');
    expect(input).toContain('threads/sales/acme');
    expect((await ws.sync()).written).toEqual([]);
    expect((await ws.check()).errors).toBe(0);
  });

  it('opens a proof thread for an assumption once validated, and says its confidence to two decimals as every report does', async () => {
    const dir = exampleWorkspaceCopy();
    // A1 stands at 0.80 on two results: with two results enough, it is validated.
    writeFiles(dir, { 'threadwork.config.yaml': read(dir, 'threadwork.config.yaml').replace('min_results: 3', 'min_results: 2') });
    const { json } = await syncJson<{ changes: { kind: string; description: string }[] }>(dir, { dryRun: true });
    const opened = json.changes.filter((c) => c.kind === 'marketing').map((c) => c.description);
    expect(opened).toEqual(expect.arrayContaining([expect.stringMatching(/^opened threads\/marketing\/a1-.* \(assumption A1 validated \(confidence 0\.80, n=2\)\)$/)]));
  });

  it('a run killed between a content thread\'s meta.json and its 1-input.md is finished by the next one', async () => {
    const learning = wonLearning(48000).replace('validations:', 'content_opportunity:\n  topic: How Acme closes in two days\n  priority: high\nvalidations:');
    const control = syncedWorkspace();
    writeFiles(control, { 'threads/sales/acme/6-learning.md': learning });
    const uninterrupted = await (await openWorkspace(control)).sync();
    const thread = 'threads/marketing/how-acme-closes-in-two-days';
    expect(uninterrupted.written).toContain(`${thread}/1-input.md`);

    // The interrupted run: its journal written, the thread's meta.json created, then killed.
    const dir = syncedWorkspace();
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': learning, [`${thread}/meta.json`]: read(control, `${thread}/meta.json`) });
    await recordJournal({ root: dir, message: lastCommitMessage(control), sources: [], paths: [...uninterrupted.written, ...uninterrupted.triggers] });
    const next = await (await openWorkspace(dir)).sync();
    expect(next.commit?.committed).toBe(true);
    expect(read(dir, `${thread}/1-input.md`)).toBe(read(control, `${thread}/1-input.md`));
    expect(lastCommitPaths(dir)).toContain(`${thread}/1-input.md`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // A content thread the user trimmed by hand is theirs: with no interrupted run, nothing is recreated.
    rmSync(join(dir, `${thread}/1-input.md`));
    expect((await (await openWorkspace(dir)).sync()).written).toEqual([]);
  });

  it('finishing an interrupted run commits a source changed since the kill with what it moved', async () => {
    const dir = await killedWhileClosingAcme();
    // After the kill, someone edits globex: the run finished now derives globex's meta.json from it.
    writeFiles(dir, { 'threads/sales/globex/3-implication.md': md('arr_potential: 90000\nstrategic_value: high') });
    const next = await (await openWorkspace(dir)).sync();
    expect(next.commit?.committed).toBe(true);
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining(['threads/sales/globex/meta.json', 'threads/sales/globex/3-implication.md', 'threads/sales/acme/6-learning.md']));
    const message = lastCommitMessage(dir);
    expect(message).toContain('Threadwork-Trigger: threads/sales/acme/6-learning.md');
    expect(message).toContain('Threadwork-Trigger: threads/sales/globex/3-implication.md');
    expect(message.match(/Threadwork-Trigger: threads\/sales\/acme\/6-learning\.md/g)).toHaveLength(1);
    // Nothing left behind: the derived meta.json is never committed without the source it came from.
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('with errors, the text summary shows no green ✓, written or not', async () => {
    const dir = syncedWorkspace();
    expect((await syncJson(dir)).code).toBe(0);
    writeFiles(dir, { 'threads/sales/acme/3-implication.md': md('arr_potential: [unclosed') });
    // The first run through the CLI, the second (the one after a failed write) without a process.
    for (const run of ['first', 'second']) {
      const result = run === 'first' ? await runCli(['sync', '--dir', dir]) : await syncText(dir);
      expect(result.code, run).toBe(1);
      expect(result.stdout, run).toMatch(/yaml-syntax/);
      expect(result.stdout, run).not.toContain('✓');
      expect(result.stdout.trimEnd().split('\n').pop(), run).toMatch(/^✗ .*1 error above/);
    }
  });

  it('a watcher started on an interrupted run finishes it in one commit, the one the run meant, as sync does', async () => {
    const dir = await killedWhileClosingAcme();
    const commits = commitCount(dir);
    const watcher = new WorkspaceWatcher(dir, { reconcileMs: 0 });
    await watcher.start();
    await watcher.stop();
    // Finished on the workspace as loaded: the learning and everything derived from it in
    // the run's own commit (the state was empty when it was finished: the learning went in
    // alone, and its derived files in a second commit).
    expect(commitCount(dir)).toBe(commits + 1);
    expect(lastCommitMessage(dir)).toContain('learning threads/sales/acme (closed-won, ARR 48000)');
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining(['threads/sales/acme/6-learning.md', 'threads/sales/acme/meta.json', 'strategy/canvas/13-metrics.md']));
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('the text output of a sync that finished an interrupted run says what it committed, not "nothing to write"', async () => {
    const dir = await killedWhileClosingAcme();
    const result = await runCli(['sync', '--dir', dir]);
    expect(result.code).toBe(0);
    const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 10);
    expect(result.stdout).toContain(`finished an interrupted write and committed it: ${commit}`);
    expect(result.stdout).not.toContain('in sync: nothing to write');
  });

  it('after finishing an interrupted run, commits as its triggers only the sources still uncommitted', async () => {
    const dir = await killedWhileClosingAcme();
    // The next command finishes acme's run and commits it, then makes its own commit.
    const ws = await openWorkspace(dir);
    await ws.createDeal({ company: 'Initech', segment: 'ecommerce-finance' });
    const [own, finished] = git(dir, 'log', '-2', '--format=%B%x00').split('\0');
    expect(finished).toContain('Threadwork-Trigger: threads/sales/acme/6-learning.md');
    expect(own).toMatch(/initech/i);
    // acme's learning went with the finished run: git's status from before it must not name it again.
    expect(own).not.toContain('threads/sales/acme/6-learning.md');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

/**
 * Every derived file a commit holds, with the line of its body that names it: a meta.json by
 * its thread, a goal by its id, the metrics by `metrics`, the assumptions by an id or the
 * file. Triggers (source files) are named by their trailers instead.
 */
function unnamedDerivedFiles(dir: string): string[] {
  const message = lastCommitMessage(dir);
  const [, ...rest] = message.split('\n');
  const body = rest.filter((line) => line && !/^Threadwork-[A-Za-z]+: /.test(line));
  const triggers = new Set([...message.matchAll(/^Threadwork-Trigger: (.+)$/gm)].map((m) => m[1]));
  const named = (path: string): boolean => {
    if (path.endsWith('/meta.json')) return body.some((line) => line.startsWith(`${path.slice(0, -'/meta.json'.length)} `));
    const goal = /^goals\/(.+)\.md$/.exec(path)?.[1];
    if (goal) return body.some((line) => line.startsWith(`${goal} `));
    if (path === 'strategy/canvas/13-metrics.md') return body.some((line) => /^metrics[ :]/.test(line));
    if (path === 'strategy/canvas/10-assumptions.md') return body.some((line) => /^A\d+ /.test(line) || line.startsWith(path));
    return body.some((line) => line.includes(path));
  };
  return lastCommitPaths(dir).filter((path) => !triggers.has(path) && !named(path));
}

describe('commit bodies', () => {
  it('say the as-of date moved, not "state refreshed", and name the meta.json whose `updated` alone moved', async () => {
    const dir = syncedWorkspace();
    expect((await syncJson(dir)).code).toBe(0);
    // A later input date: the deal's `updated` and the goals' as-of date move, no figure does.
    writeFiles(dir, { 'threads/sales/globex/1-input.md': read(dir, 'threads/sales/globex/1-input.md').replace('date: 2026-03-02', 'date: 2026-06-15') });
    expect((await syncJson(dir)).code).toBe(0);
    expect(lastCommitPaths(dir)).toEqual(['goals/g-first-customers.md', 'threads/sales/globex/1-input.md', 'threads/sales/globex/meta.json']);
    const message = lastCommitMessage(dir);
    expect(message).not.toContain('refreshed');
    expect(message).toMatch(/^g-first-customers as-of date 2026-04-10 → 2026-06-15$/m);
    expect(message).toMatch(/^threads\/sales\/globex updated 2026-03-02 → 2026-06-15$/m);
    expect(message).toMatch(/^Threadwork-Thread: threads\/sales\/globex$/m);
    expect(unnamedDerivedFiles(dir)).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('name every derived file a new deal moves: a segment\'s metrics, a subgoal\'s threads, an assumption tested by one more thread', async () => {
    const dir = syncedWorkspace();
    expect((await syncJson(dir)).code).toBe(0);
    // globex, in the other segment, joins SG1 and tests A1 too; no figure of the overall column moves.
    writeFiles(dir, { 'threads/sales/globex/meta.json': dealMeta('globex', { segment: 'ecommerce-finance', ...GOAL_LINK }) });
    expect((await syncJson(dir)).code).toBe(0);
    let message = lastCommitMessage(dir);
    expect(message).toMatch(/^g-first-customers .*SG1 threads acme → acme, globex/m);
    expect(unnamedDerivedFiles(dir)).toEqual([]);

    // Only the segment columns move: globex moves to acme's segment.
    writeFiles(dir, { 'threads/sales/globex/meta.json': dealMeta('globex', GOAL_LINK) });
    expect((await syncJson(dir)).code).toBe(0);
    message = lastCommitMessage(dir);
    expect(lastCommitPaths(dir)).toContain('strategy/canvas/13-metrics.md');
    expect(message).toMatch(/^metrics mid-market-fintech: open deals 1 → 2/m);
    expect(message).toMatch(/^metrics ecommerce-finance: open deals 1 → 0/m);
    expect(unnamedDerivedFiles(dir)).toEqual([]);

    // A third deal testing A1, which two open deals test already: only the threads cell of its row moves.
    writeFiles(dir, { 'threads/sales/initech/meta.json': dealMeta('initech') });
    stages(dir, 'threads/sales/initech', 2);
    expect((await syncJson(dir)).code).toBe(0);
    message = lastCommitMessage(dir);
    expect(message).toMatch(/^A1 open threads testing it 2 → 3 \(confidence 0\.60, testing, n=0\)$/m);
    expect(message).toMatch(/^A2 open threads testing it 2 → 3 /m);
    expect(unnamedDerivedFiles(dir)).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('name a block rewritten with no value of its own moving', async () => {
    // No assumption at all: the block's summary is empty, yet a hand edit of its text is undone.
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions: []'), 'goals/g-first-customers.md': GOAL.replace('assumptions: [A1]\n', '') });
    gitInit(dir);
    expect((await syncJson(dir)).code).toBe(0);
    const file = 'strategy/canvas/10-assumptions.md';
    writeFiles(dir, { [file]: read(dir, file).replace('_No assumptions yet', '_None yet') });
    git(dir, 'commit', '-qam', 'edit the derived table by hand');
    expect((await syncJson(dir)).code).toBe(0);
    expect(lastCommitPaths(dir)).toEqual([file]);
    expect(lastCommitMessage(dir)).toMatch(/^strategy\/canvas\/10-assumptions\.md: assumptions block rewritten: no assumptions yet$/m);
  });

  it('say each figure\'s before as HEAD has it, what the commit diff shows, not as a hand edit left it on disk', async () => {
    const dir = syncedWorkspace();
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': wonLearning(48000) });
    expect((await syncJson(dir)).code).toBe(0);
    const metrics = 'strategy/canvas/13-metrics.md';
    // An uncommitted hand edit of the derived table, then a change that moves the same figure.
    writeFiles(dir, { [metrics]: read(dir, metrics).replace(/^\| won ARR \| 48,000 \|/m, '| won ARR | 99,999 |'), 'threads/sales/acme/6-learning.md': wonLearning(52000) });
    const dry = await syncJson<{ changes: { description: string }[] }>(dir, { dryRun: true });
    expect(dry.json.changes.map((c) => c.description)).toContain('metrics: won ARR 48,000 → 52,000; average deal size 48,000 → 52,000');
    // Sync's change lines in the terminal through the CLI: 'the text output of a sync that finished an interrupted run' and the uncommitted-sources tests.
    const run = await syncText(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}metrics: won ARR 48,000 → 52,000; /m);
    expect(lastCommitMessage(dir)).toMatch(/^metrics: won ARR 48,000 → 52,000; average deal size 48,000 → 52,000$/m);
    expect(git(dir, 'show', 'HEAD', '--', metrics)).toMatch(/^-\| won ARR \| 48,000 \|/m);
    expect(lastCommitMessage(dir)).not.toContain('99,999');

    // A hand edit alone, not committed: sync puts back what HEAD has, and says so.
    writeFiles(dir, { [metrics]: read(dir, metrics).replace(/^\| won ARR \| 52,000 \|/m, '| won ARR | 1 |') });
    const restored = await syncJson<{ changes: { description: string }[]; commit: unknown }>(dir);
    expect(restored.json.changes.map((c) => c.description)).toEqual([`metrics ${metrics}: metrics block restored as committed`]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('never names a file it put back as HEAD has it as one that differs from HEAD', async () => {
    const dir = syncedWorkspace();
    expect((await syncJson(dir)).code).toBe(0);
    const metrics = 'strategy/canvas/13-metrics.md';
    writeFiles(dir, { [metrics]: read(dir, metrics).replace(/^\| open deals \| 2 \|/m, '| open deals | 7 |') });
    const json = await syncJson<{ written: string[]; uncommitted: string[] | null }>(dir);
    expect(json.json).toMatchObject({ written: [metrics], uncommitted: [] });
    expect(git(dir, 'status', '--porcelain')).toBe('');
    writeFiles(dir, { [metrics]: read(dir, metrics).replace(/^\| open deals \| 2 \|/m, '| open deals | 7 |') });
    const human = await runCli(['sync', '--dir', dir]);
    expect(human.stdout + human.stderr).not.toContain('differ');
  });

  it('name a block added where the file had none as added, not rewritten', async () => {
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions: []', '\n# Assumptions\n'), 'goals/g-first-customers.md': GOAL.replace('assumptions: [A1]\n', '') });
    gitInit(dir);
    expect((await syncJson(dir)).code).toBe(0);
    expect(read(dir, 'strategy/canvas/10-assumptions.md')).toContain('<!-- threadwork:begin assumptions -->');
    expect(lastCommitMessage(dir)).toMatch(/^strategy\/canvas\/10-assumptions\.md: assumptions block added: no assumptions yet$/m);
  });
});

describe('history', () => {
  it('reads the audit trail of an assumption, a goal and a thread back from git', async () => {
    const dir = await wonWorkspace();
    const a1 = await historyJson<{ entries: { changes: string[]; triggers: string[]; commit: string; date: string }[] }>(dir, 'A1');
    expect(a1.json.entries[0]).toMatchObject({ changes: ['A1 confidence 0.60 → 0.73 (testing, n=1)'], triggers: ['threads/sales/acme/6-learning.md'] });
    expect(a1.json.entries[0]!.commit).toMatch(/^[0-9a-f]{40}$/);
    const goal = await historyJson<{ entries: { changes: string[] }[] }>(dir, 'g-first-customers');
    expect(goal.json.entries[0]!.changes[0]).toMatch(/^g-first-customers SG1 0\/1 → 1\/1/);
    const thread = await historyJson<{ entries: unknown[] }>(dir, 'threads/sales/acme');
    expect(thread.json.entries).toHaveLength(2);
    const text = await runCli(['history', 'A1', '--dir', dir]);
    expect(text.stdout).toMatch(/A1 confidence 0\.60 → 0\.73/);
    expect(existsSync(join(dir, '.git'))).toBe(true);
    void execFileSync;
    void readFileSync;
  });
});

describe('history of an id the workspace does not define', () => {
  // history takes an assumption id, a goal id or a thread: "Missing thread" named only one of them.
  it.each(['', '   '])('an empty subject (%j) is refused naming the three kinds history takes', async (subject) => {
    const dir = syncedWorkspace();
    // The empty one through the CLI, the blank one without a process.
    type Answer = { ok: boolean; error: { code: string; message: string } };
    const json = subject === '' ? await runJson<Answer>(['history', subject, '--dir', dir]) : await historyJson<Answer>(dir, subject);
    expect(json.code).toBe(1);
    expect(json.json.error.code).toBe('invalid-arguments');
    expect(json.json.error.message).toBe('Missing subject: history takes an assumption id (A1), a goal id (g-arr-500k-2026) or a thread (threads/sales/acme-corp, or its folder name)');
  });

  it.each([
    { subject: 'A99', code: 'unknown-assumption', message: /Unknown assumption "A99": expected one of A1, A2, A3/ },
    { subject: 'g-nope', code: 'unknown-goal', message: /Unknown goal "g-nope": expected one of g-first-customers/ },
  ])('says $subject is unknown and exits 1, instead of "No recorded changes"', async ({ subject, code, message }) => {
    const dir = syncedWorkspace();
    // The JSON without a process, the text through the CLI.
    const json = await historyJson<{ ok: boolean; error: { code: string; known: string[] } }>(dir, subject);
    expect(json.code).toBe(1);
    expect(json.json.error.code).toBe(code);
    const text = await runCli(['history', subject, '--dir', dir]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(message);
  });

  // The audit trail outlives the folder: what happened to a deal that was deleted or
  // renamed is exactly what one asks history for, as for a removed assumption or goal.
  it('reads the trail of a thread whose folder is gone while threadwork commits name it, by path or bare id', async () => {
    const dir = await wonWorkspace();
    const before = await historyJson<{ subject: string; entries: unknown[] }>(dir, 'threads/sales/acme');
    expect(before.json.entries).toHaveLength(2);
    git(dir, 'rm', '-rq', 'threads/sales/acme');
    git(dir, 'commit', '-qm', 'drop acme');
    for (const subject of ['threads/sales/acme', 'acme']) {
      const after = await historyJson<{ subject: string; kind: string; entries: unknown[] }>(dir, subject);
      expect(after.code, `${subject}: ${JSON.stringify(after.json)}`).toBe(0);
      // The commit that dropped the folder was made outside threadwork: said, not skipped.
      expect(after.json).toEqual({ ...before.json, subject: 'threads/sales/acme', outside: [expect.objectContaining({ subject: 'drop acme' })] });
    }
    const never = await historyJson<{ error: { code: string; message: string } }>(dir, 'threads/sales/initech');
    expect(never.code).toBe(1);
    expect(never.json.error.code).toBe('unknown-thread');
  });

  it('follows a thread folder renamed with git: the new name\'s trail holds the old name\'s commits, and says it was renamed', async () => {
    const dir = await wonWorkspace();
    const ws = await openWorkspace(dir);
    const before = await historyJson<{ entries: { commit: string }[] }>(dir, 'threads/sales/acme');
    expect(before.json.entries).toHaveLength(2);
    git(dir, 'mv', 'threads/sales/acme', 'threads/sales/acme-corp');
    git(dir, 'commit', '-qm', 'rename acme');
    // The id follows the folder, as thread-id-folder asks; threadwork commits the edit.
    writeFiles(dir, { 'threads/sales/acme-corp/meta.json': read(dir, 'threads/sales/acme-corp/meta.json').replace('"id": "acme"', '"id": "acme-corp"') });
    await ws.sync();
    type Trail = { subject: string; entries: { commit: string; subject: string }[]; outside: { subject: string }[]; formerly?: string[] };
    const after = await historyJson<Trail>(dir, 'acme-corp');
    expect(after.code, JSON.stringify(after.json)).toBe(0);
    expect(after.json.subject).toBe('threads/sales/acme-corp');
    expect(after.json.formerly).toEqual(['threads/sales/acme']);
    expect(after.json.entries.length).toBe(3);
    expect(after.json.entries.slice(1).map((e) => e.commit)).toEqual(before.json.entries.map((e) => e.commit));
    expect(after.json.outside.map((c) => c.subject)).toEqual(['rename acme']);
    const text = await commandText(() => historyCommand('acme-corp', { dir, json: false }));
    expect(text.stdout).toMatch(/^threads\/sales\/acme-corp, formerly threads\/sales\/acme: the trail of each name\n/);
  });

  it('follows a goal renamed with git: the new id\'s trail holds the commits that named the old id, and says it was renamed', async () => {
    const dir = await wonWorkspace();
    const ws = await openWorkspace(dir);
    const before = await historyJson<{ entries: { commit: string }[] }>(dir, 'g-first-customers');
    expect(before.json.entries.length).toBeGreaterThan(0);
    git(dir, 'mv', 'goals/g-first-customers.md', 'goals/g-first-three.md');
    writeFiles(dir, { 'goals/g-first-three.md': read(dir, 'goals/g-first-three.md').replace('id: g-first-customers', 'id: g-first-three') });
    writeFiles(dir, { 'threads/sales/acme/meta.json': read(dir, 'threads/sales/acme/meta.json').replace('"goal_id": "g-first-customers"', '"goal_id": "g-first-three"') });
    git(dir, 'commit', '-qam', 'rename the goal');
    await ws.sync();
    type Trail = { subject: string; entries: { commit: string }[]; outside: { subject: string }[]; formerly?: string[] };
    const after = await historyJson<Trail>(dir, 'g-first-three');
    expect(after.code, JSON.stringify(after.json)).toBe(0);
    expect(after.json.formerly).toEqual(['g-first-customers']);
    expect(after.json.entries.map((e) => e.commit)).toEqual(expect.arrayContaining(before.json.entries.map((e) => e.commit)));
    expect(after.json.outside.map((c) => c.subject)).toContain('rename the goal');
    const text = await commandText(() => historyCommand('g-first-three', { dir, json: false }));
    expect(text.stdout).toMatch(/^g-first-three, formerly g-first-customers: the trail of each name\n/);
  });

  // `G-Force Payments` opens threads/sales/g-force-payments: `advance g-force-payments` takes
  // it, and so does history, unless a goal has that id or a commit names such a goal.
  it('reads a deal whose folder name starts with g- as that deal when no goal has the id', async () => {
    const dir = workspace({ 'threads/sales/g-force-payments/meta.json': dealMeta('g-force-payments'), 'threads/sales/g-force-payments/1-input.md': md('source: inbound') });
    gitInit(dir);
    await (await openWorkspace(dir)).sync();
    const result = await historyJson<{ subject: string; kind: string; entries: unknown[] }>(dir, 'g-force-payments');
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    expect(result.json).toMatchObject({ subject: 'threads/sales/g-force-payments', kind: 'thread' });
    expect(result.json.entries.length).toBeGreaterThan(0);
  });

  // A watcher commits every few seconds of editing: 2,000 threadwork commits come in a few
  // busy months, and history then quietly dropped everything older.
  it('reads a change older than the last 2,000 threadwork commits', async () => {
    const dir = await wonWorkspace();
    const before = await historyJson<{ entries: { commit: string }[] }>(dir, 'A1');
    expect(before.json.entries.length).toBeGreaterThan(0);
    const branch = git(dir, 'symbolic-ref', 'HEAD').trim();
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const commits = Array.from({ length: 2001 }, (_, i) => {
      const message = `threadwork: sync\n\nA2 confidence 0.50 → 0.50\n\nThreadwork-Assumption: A2\nThreadwork-Trigger: threads/sales/globex/1-input.md\n`;
      return `commit ${branch}\ncommitter t <t@example.com> ${1800000000 + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}${i === 0 ? `from ${head}\n` : ''}\n`;
    });
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: commits.join(''), env: gitEnv() });
    const after = await historyJson<{ entries: { commit: string }[] }>(dir, 'A1');
    expect(after.code, JSON.stringify(after.json)).toBe(0);
    expect(after.json.entries.map((e) => e.commit)).toEqual(before.json.entries.map((e) => e.commit));
    const a2 = await historyJson<{ entries: unknown[] }>(dir, 'A2');
    expect(a2.json.entries.length).toBeGreaterThan(2001);
  });

  it('names the assumption or goal a subject in the wrong case meant, instead of a bare "Unknown thread"', async () => {
    const dir = workspace();
    gitInit(dir);
    const a1 = await runCli(['history', 'a1', '--dir', dir]);
    expect(a1.code).toBe(1);
    expect(a1.stderr).toContain('Unknown thread "a1"');
    expect(a1.stderr).toContain('did you mean the assumption A1? Ids are case-sensitive: `threadwork history A1`');
    const goal = await historyJson<{ error: { code: string; meant: string } }>(dir, 'G-First-Customers');
    expect(goal.json.error).toMatchObject({ code: 'unknown-thread', meant: 'g-first-customers' });
    expect(goal.json.error).toMatchObject({ message: expect.stringContaining('did you mean the goal g-first-customers?') });
    const none = await historyJson<{ error: { code: string; meant?: string } }>(dir, 'zz9');
    expect(none.json.error.code).toBe('unknown-thread');
    expect(none.json.error.meant).toBeUndefined();
  });

  it('says a workspace outside git has no audit trail, instead of advising a sync that records nothing', async () => {
    const dir = workspace();
    expect((await syncJson(dir)).code).toBe(0);
    const result = await runCli(['history', 'A1', '--dir', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('No recorded changes for A1: the workspace is not in a git repository, and the audit trail is its commits. Run `git init` and commit the workspace: every threadwork write and sync after that is recorded.');
  });

  it('still answers "No recorded changes" for a defined id nothing has changed yet', async () => {
    // History's text through the CLI: the tests above.
    const result = await commandText(() => historyCommand('A3', { dir: syncedWorkspace(), json: false }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/No recorded changes for A3/);
  });
});

describe('sync reaches its fixed point in one run when it regenerates an ICP file', () => {
  it('scores the deals against the ICP file it writes, not the one it replaces', async () => {
    const dir = exampleWorkspaceCopy();
    const segments = join(dir, 'strategy/canvas/04-segments.md');
    const before = readFileSync(segments, 'utf8');
    writeFileSync(segments, before.replace('industry: [e-commerce, consumer goods, retail]', 'industry: [consumer goods, retail]'));
    expect(readFileSync(segments, 'utf8')).not.toBe(before);
    const first = await (await openWorkspace(dir)).sync({ commit: false });
    // The regenerated ICP file moves the deal's score in the same run…
    expect(first.written).toContain('research/customer/icp/ecommerce-finance-icp.yaml');
    expect(first.written.filter((p) => /^threads\/sales\/[^/]+\/meta\.json$/.test(p)).length).toBeGreaterThan(0);
    // …so a second run has nothing left to do.
    const second = await (await openWorkspace(dir)).sync({ commit: false });
    expect(second.written).toEqual([]);
  });
});

describe('sources sync leaves uncommitted', () => {
  const THREAD = 'threads/sales/eastwind-ledger-co';

  it('names a thread opened with --no-commit, and what it moved, instead of a bare "in sync"', async () => {
    const dir = exampleWorkspaceCopy();
    // Opened as the CLI's --no-commit does (through the CLI: threads.test.ts).
    await (await openWorkspace(dir)).createDeal({ company: 'Eastwind Ledger Co', segment: 'mid-market-fintech' }, { commit: false });
    const head = git(dir, 'rev-parse', 'HEAD');
    const left = ['goals/g-arr-500k-2026.md', 'goals/g-fintech-beachhead.md', 'strategy/canvas/13-metrics.md', `${THREAD}/1-input.md`, `${THREAD}/meta.json`];

    const json = await syncJson<{ written: string[]; commit: unknown; uncommitted: string[] | null }>(dir);
    expect(json.code).toBe(0);
    expect(json.json).toMatchObject({ written: [], commit: null, uncommitted: left });

    const text = await runCli(['sync', '--dir', dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('✓ in sync: nothing to write');
    expect(text.stdout).toContain(`5 source files differ from HEAD and are not committed (sync commits only the files its derived changes come from): ${left.join(', ')}`);
    expect(text.stdout).toContain('commit them with `git add` and `git commit` when they are ready');
    // Still the documented rule: sync commits nothing of them.
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('never advises committing a source file in error: says to fix it, and `git add` only for the valid ones', async () => {
    const dir = exampleWorkspaceCopy();
    const broken = 'threads/sales/brightcart/3-implication.md';
    writeFiles(dir, { [broken]: read(dir, broken).replace('arr_potential: 36000', 'arr_potential: [36000') });
    appendFileSync(join(dir, 'strategy/canvas/02-constraints.md'), '\nA thought for later.\n');
    const json = await runJson<{ uncommitted: string[] | null }>(['sync', '--dir', dir]);
    expect(json.json.uncommitted).toEqual(['strategy/canvas/02-constraints.md', broken]);
    const text = await runCli(['sync', '--dir', dir]);
    expect(text.code).toBe(1);
    const lines = text.stdout.split('\n');
    const advice = lines.filter((l) => l.includes('git add'));
    expect(advice, text.stdout).toHaveLength(1);
    expect(advice[0]).toContain('1 source file differs from HEAD and is not committed (sync commits only the files its derived changes come from): strategy/canvas/02-constraints.md; commit it with `git add`');
    expect(advice[0]).not.toContain(broken);
    expect(text.stdout).toContain(`⚠ 1 source file in error is not committed: ${broken}; fix the error above — a file in error is held, neither synced nor committed, until it is valid`);
  });

  // One typo read as four lines saying the same: the error, a Held warning quoting it whole, the uncommitted line, and a last line saying again that a file in error is not committed.
  it('says a typo once: the Held line names its error by place, and the last line does not repeat what the uncommitted line says', async () => {
    const dir = exampleWorkspaceCopy();
    const broken = 'threads/sales/brightcart/3-implication.md';
    const text = read(dir, broken);
    writeFiles(dir, { [broken]: text.replace('arr_potential: 36000', 'arr_potential: [36000') });
    const line = text.split('\n').findIndex((l) => l.startsWith('arr_potential: 36000')) + 1;
    const out = await runCli(['sync', '--dir', dir]);
    expect(out.code).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    const error = lines.find((l) => l.startsWith(`${broken}:${line}:`) && l.includes(' error '));
    const held = lines.find((l) => l.includes('(derived-held)'));
    expect(error, out.stdout).toBeDefined();
    expect(held).toMatch(new RegExp(`^${broken}:${line}:\\d+ warning Held: values derived from it are held at its last valid version \\(the one in HEAD\\), because of its error at ${line}:\\d+ \\(yaml-syntax\\)\\. Fix the file`));
    // The error's words are printed once, on its own line.
    const words = error!.slice(error!.indexOf(' error ') + ' error '.length, error!.lastIndexOf(' ('));
    expect(held).not.toContain(words);
    expect(out.stdout).toContain(`⚠ 1 source file in error is not committed: ${broken}; fix the error above`);
    expect(lines.at(-1)).toBe('✗ nothing to write, but not clean: 1 error above');
  });

  it('says a source deleted and not committed was deleted, not that it differs from HEAD', async () => {
    const dir = exampleWorkspaceCopy();
    rmSync(join(dir, 'strategy/canvas/01-context.md'));
    appendFileSync(join(dir, 'strategy/canvas/02-constraints.md'), '\nA thought for later.\n');
    const left = ['strategy/canvas/01-context.md', 'strategy/canvas/02-constraints.md'];
    // The derived files move in a run that does not commit; the next run has only the two sources to name.
    // (--no-commit through the CLI: sync's '--no-commit writes but does not commit'.)
    expect((await syncJson(dir, { commit: false })).code).toBe(0);
    // The JSON says it too: `uncommitted` as before, and of those the ones deleted (to `git rm`).
    expect((await syncJson<{ uncommitted: string[] | null; uncommittedDeleted: string[] | null }>(dir)).json).toMatchObject({ uncommitted: left, uncommittedDeleted: ['strategy/canvas/01-context.md'] });
    const text = await runCli(['sync', '--dir', dir]);
    expect(text.stdout).toContain(
      '⚠ 2 source files differ from HEAD (1 deleted) and are not committed (sync commits only the files its derived changes come from): strategy/canvas/01-context.md (deleted), strategy/canvas/02-constraints.md; commit them with `git add` (`git rm` for a deleted one) and `git commit` when they are ready',
    );
  });

  it('names the sources a committing sync left out, and none once they are committed', async () => {
    const dir = exampleWorkspaceCopy();
    writeFiles(dir, { 'research/notes.md': 'not a source\n' });
    appendFileSync(join(dir, 'strategy/canvas/01-context.md'), '\nA thought for later.\n');
    const first = await syncJson<{ uncommitted: string[] | null; uncommittedDeleted: string[] | null }>(dir);
    expect(first.json).toMatchObject({ uncommitted: ['strategy/canvas/01-context.md'], uncommittedDeleted: [] });
    git(dir, 'commit', '-qam', 'vision');
    const second = await syncJson<{ uncommitted: string[] | null }>(dir);
    expect(second.json.uncommitted).toEqual([]);
    expect((await syncText(dir)).stdout).not.toContain('not committed');
  });

  it('is null when the run does not commit: a dry run, --no-commit, git.commit: false', async () => {
    const dir = exampleWorkspaceCopy();
    appendFileSync(join(dir, 'strategy/canvas/01-context.md'), '\nA thought for later.\n');
    expect((await syncJson<{ uncommitted: unknown }>(dir, { dryRun: true })).json).toMatchObject({ uncommitted: null, uncommittedDeleted: null });
    expect((await syncJson<{ uncommitted: unknown }>(dir, { commit: false })).json).toMatchObject({ uncommitted: null, uncommittedDeleted: null });
    // Commits off in the config: the person commits, and is not told that sync commits some.
    const config = join(dir, 'threadwork.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('git:\n  commit: true', 'git:\n  commit: false'));
    const off = await syncText(dir);
    expect(off.stdout).not.toContain('not committed');
    expect((await syncJson<{ uncommitted: unknown }>(dir)).json.uncommitted).toBeNull();
  });
});
