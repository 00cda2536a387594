import { afterEach, describe, expect, it, vi } from 'vitest';
import { strategyCommand } from '../src/cli/commands/strategy.js';
import { checkInProcess } from './helpers/check.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { commandJsonAsCli } from './helpers/in-process.js';
import { coldSync } from './helpers/serve.js';
import { watchStarter, waitFor } from './helpers/watch.js';
import { aliceClosesOakline, bobClosesMeridian, preparedTeam, teamWorkspace } from './helpers/team.js';
import { read, replaceInFile } from './helpers/testdir.js';

/**
 * `threadwork strategy` during a pull that stopped on conflicts read the workspace as sync
 * holds it, but not git's index: a canvas section in conflict was read at its last valid
 * version (ours), and every generated file git left conflicted was overwritten from it — the
 * other side's change gone from the sales materials without a word, exit 0. It now refuses,
 * naming the file and line of the conflict; and a generated file both sides regenerated
 * untouched is judged by the sides git's index holds, as sync judges it: regenerated, not
 * kept as "edited by hand".
 */

const SEGMENTS = 'strategy/canvas/04-segments.md';
const ONE_PAGER = 'artifacts/sales/mid-market-fintech/materials/one-pager.md';
const ICP = 'research/customer/icp/mid-market-fintech-icp.yaml';

interface StrategyJson { files: { path: string; action: string }[] }
interface RefusedJson { ok: false; error: { code: string; message: string; path: string; line: number; column: number; conflicted: string[] } }

const startWatch = watchStarter();

/*
 * The workspace's answers are the subject, not the process: the set-up's `threadwork strategy`
 * runs and the checks and syncs a test has already seen the real CLI answer are asked in
 * process (the commands' own functions, git configured as the CLI runs it); a CLI process on a
 * clone of the example workspace costs 1–3 s on a loaded 2-core machine. The real CLI still
 * answers the first sync after the watcher, the check and sync pointed at the canvas, and
 * every `threadwork strategy` under test (its refusal and its regeneration).
 */
afterEach(() => vi.unstubAllEnvs());
const strategyInProcess = (dir: string) => commandJsonAsCli(() => strategyCommand([], { commit: true }, { dir, json: true }));

/** Bob and Alice each changed the same canvas line and ran `threadwork strategy` (prepared once per file); Alice's pull stops on the canvas and the materials generated from it. */
async function canvasConflict(): Promise<string> {
  const team = await preparedTeam('canvas-conflict', async ({ alice, bob }) => {
    replaceInFile(bob, SEGMENTS, 'title: Senior Accountant', 'title: Senior Accountant (US)');
    expect((await strategyInProcess(bob)).code).toBe(0);
    git(bob, 'commit', '-qam', 'Senior Accountant (US)', '--allow-empty');
    git(bob, 'push', '-q', 'origin', 'main');
    replaceInFile(alice, SEGMENTS, 'title: Senior Accountant', 'title: Staff Accountant');
    expect((await strategyInProcess(alice)).code).toBe(0);
    git(alice, 'commit', '-qam', 'Staff Accountant', '--allow-empty');
  });
  return team.alice;
}

describe('sync and watch while a canvas section holds a conflict', () => {
  // Decided: a generated file is left as git left it while a file it is generated from is in
  // conflict — regenerated then, it would be from our side (the canvas held at HEAD), the other
  // side's version gone from it before anyone chose; once the canvas is resolved, sync regenerates it.
  it('leave the generated files as git left them, then regenerate them from the version chosen', { timeout: 120_000 }, async () => {
    const dir = await canvasConflict();
    const w = startWatch(dir);
    await w.ready();
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    const onePager = read(dir, ONE_PAGER);
    expect(onePager).toContain('| Staff Accountant |');
    expect(onePager).toContain('| Senior Accountant (US) |');
    await waitFor(() => w.cycles().some((c) => c.diagnostics?.some((d) => d.path === SEGMENTS && d.rule === 'merge-conflict')), 'the cycle seeing the conflict', () => w.describe());
    await w.stop();
    const sync = await runJson<{ written: string[] }>(['sync', '--dir', dir]);
    expect(sync.json.written.filter((p) => p.startsWith('artifacts/'))).toEqual([]);
    expect(read(dir, ONE_PAGER)).toBe(onePager);

    // Bob's version chosen: the materials follow it, and so does the segment's ICP file, which
    // both sides regenerated and git left conflicted too (it held every generated file as it was).
    git(dir, 'checkout', '--theirs', SEGMENTS);
    // The canvas resolved, the ICP file (both sides as generated) is sync's to regenerate, not a hand merge.
    const checked = await checkInProcess<{ diagnostics: { path: string; rule: string; message: string }[] }>(dir);
    const icpSaid = checked.json.diagnostics.find((d) => d.path === ICP && d.rule === 'merge-conflict')?.message;
    expect(icpSaid).toContain('`threadwork sync` (or `threadwork strategy`) regenerates it from the canvas as merged');
    expect(icpSaid).not.toContain('keep the lines you want');
    const resolved = await coldSync<{ written: string[]; diagnostics: { rule: string; severity: string }[] }>(dir);
    expect(resolved.json.written).toContain(ONE_PAGER);
    expect(resolved.json.written).toContain(ICP);
    expect(read(dir, ICP)).not.toContain('<<<<<<<');
    expect(resolved.json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(read(dir, ONE_PAGER)).toContain('| Senior Accountant (US) |');
    expect(read(dir, ONE_PAGER)).not.toContain('| Staff Accountant |');
    expect(read(dir, ONE_PAGER)).not.toContain('<<<<<<<');
    const again = await coldSync<{ written: string[] }>(dir);
    expect(again.json.written).toEqual([]);
  });
});

describe('the ICP file both sides regenerated from a canvas git merged cleanly', () => {
  // Each changed another line of the same segment: the canvas merges, the ICP file conflicts on its hash line. check said to hand-merge it.
  it('is said to be sync\'s to regenerate, and sync regenerates it from both changes', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    replaceInFile(team.bob, SEGMENTS, 'title: Senior Accountant', 'title: Senior Accountant (US)');
    expect((await strategyInProcess(team.bob)).code).toBe(0);
    git(team.bob, 'commit', '-qam', 'Senior Accountant (US)', '--allow-empty');
    git(team.bob, 'push', '-q', 'origin', 'main');
    replaceInFile(team.alice, SEGMENTS, 'revenue: {min: "$20M", max: "$500M"}', 'revenue: {min: "$25M", max: "$500M"}');
    expect((await strategyInProcess(team.alice)).code).toBe(0);
    git(team.alice, 'commit', '-qam', '$25M', '--allow-empty');
    const dir = team.alice;
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    expect(git(dir, 'diff', '--name-only', '--diff-filter=U').split('\n')).toEqual(expect.arrayContaining([ICP]));
    expect(read(dir, SEGMENTS)).not.toContain('<<<<<<<');

    const check = await checkInProcess<{ diagnostics: { path: string; rule: string; severity: string; message: string }[] }>(dir);
    const said = check.json.diagnostics.find((d) => d.path === ICP && d.rule === 'merge-conflict');
    expect(said?.message).toContain('neither side of it was edited by hand: expected it regenerated, not merged by hand — `threadwork sync` (or `threadwork strategy`) regenerates it from the canvas as merged');
    expect(said?.message).not.toContain('keep the lines you want');

    const sync = await coldSync<{ written: string[] }>(dir);
    expect(sync.json.written).toContain(ICP);
    const icp = read(dir, ICP);
    expect(icp).not.toContain('<<<<<<<');
    expect(icp).toContain('min: $25M');
    expect(icp).toContain('Senior Accountant (US)');
    expect((await coldSync<{ written: string[] }>(dir)).json.written).toEqual([]);
  });
});

describe('the ICP file both sides regenerated while the canvas holds a conflict', () => {
  interface Said { path: string; line: number; column: number; rule: string; severity: string; message: string }
  const icpError = (diagnostics: Said[]): Said | undefined => diagnostics.find((d) => d.path === ICP && d.rule === 'merge-conflict');

  // It said to hand-merge the ICP file: a generated file, which sync would then have kept as tuned by hand.
  it('points check and sync at the canvas section to resolve, not at the ICP file', { timeout: 120_000 }, async () => {
    const dir = await canvasConflict();
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    expect(git(dir, 'diff', '--name-only', '--diff-filter=U')).toContain(ICP);

    const check = await runJson<{ diagnostics: Said[] }>(['check', '--dir', dir]);
    const sync = await runJson<{ diagnostics: Said[] }>(['sync', '--dir', dir]);
    for (const said of [icpError(check.json.diagnostics), icpError(sync.json.diagnostics)]) {
      expect(said).toMatchObject({ severity: 'error', line: 1, column: 1 });
      expect(said?.message).toContain(`${SEGMENTS}:35:1, which it is generated from, still holds a conflict`);
      expect(said?.message).toContain('`threadwork sync` (or `threadwork strategy`) regenerates this file');
      expect(said?.message).not.toContain('keep the lines you want');
    }
    const held = sync.json.diagnostics.find((d) => d.path === ICP && d.rule === 'derived-held');
    // The hold names the ICP file's error by its place (printed beside it), and the canvas line as what releases it.
    expect(held?.message).toContain(`because of its error at 1:1 (merge-conflict)`);
    // It ended "Fix the file to release the hold": this file, which sync regenerates once the canvas is resolved.
    expect(held?.message).toMatch(new RegExp(`Resolve ${SEGMENTS}:35:1 to release the hold: \`threadwork sync\` then regenerates this file from it; threadwork will not commit this file until then$`));
    expect(held?.message).not.toContain('Fix the file');
    expect(check.json.diagnostics.find((d) => d.path === SEGMENTS && d.rule === 'merge-conflict')?.message).toContain('keep the lines you want');
  });
});

describe('threadwork strategy while a pull is stopped on conflicts', () => {
  // Two clones and the real CLI several times over: 30 s is too short on a loaded machine.
  it('refuses while a canvas section it is generated from holds a conflict, and writes nothing', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    replaceInFile(team.bob, SEGMENTS, 'title: Senior Accountant', 'title: Senior Accountant (US)');
    expect((await strategyInProcess(team.bob)).code).toBe(0);
    git(team.bob, 'push', '-q', 'origin', 'main');
    replaceInFile(team.alice, SEGMENTS, 'title: Senior Accountant', 'title: Staff Accountant');
    expect((await strategyInProcess(team.alice)).code).toBe(0);
    const dir = team.alice;
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    const onePager = read(dir, ONE_PAGER);
    expect(onePager).toContain('<<<<<<<');

    const refused = await runJson<RefusedJson>(['strategy', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'strategy-conflicted', path: SEGMENTS, line: 35, column: 1, conflicted: [SEGMENTS] });
    expect(refused.json.error.message).toContain(`Cannot generate the strategy: ${SEGMENTS}:35:1 still holds git's conflict markers`);
    // Both sides' versions still there for the person to choose from.
    expect(read(dir, ONE_PAGER)).toBe(onePager);
    expect(onePager).toContain('| Staff Accountant |');
    expect(onePager).toContain('| Senior Accountant (US) |');
  });

  it('regenerates a generated file both sides regenerated untouched, reading its sides from git\'s index as sync does', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    replaceInFile(team.bob, 'strategy/canvas/07-uvp.md', 'tagline: Reconciliation that keeps up with your payments', 'tagline: Reconciliation that keeps pace with your payments');
    await bobClosesMeridian(team.bob);
    git(team.bob, 'push', '-q', 'origin', 'main');
    await aliceClosesOakline(team.alice, { validates: 'A1' });
    const dir = team.alice;
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    expect(git(dir, 'diff', '--name-only', '--diff-filter=U')).toContain(ONE_PAGER);

    const strategy = await runJson<StrategyJson>(['strategy', '--dir', dir]);
    expect(strategy.json.files.find((f) => f.path === ONE_PAGER)?.action).toBe('updated');
    expect(read(dir, ONE_PAGER)).toMatch(/^<!-- threadwork:generated sha256=[0-9a-f]{64} -->\n# Reconciliation that keeps pace with your payments\n/);
  });
});
