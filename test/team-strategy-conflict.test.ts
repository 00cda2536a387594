import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { aliceClosesOakline, bobClosesMeridian, teamWorkspace } from './helpers/team.js';
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

interface StrategyJson { files: { path: string; action: string }[] }
interface RefusedJson { ok: false; error: { code: string; message: string; path: string; line: number; column: number; conflicted: string[] } }

describe('threadwork strategy while a pull is stopped on conflicts', () => {
  // Two clones and the real CLI several times over: 30 s is too short on a loaded machine.
  it('refuses while a canvas section it is generated from holds a conflict, and writes nothing', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    replaceInFile(team.bob, SEGMENTS, 'title: Senior Accountant', 'title: Senior Accountant (US)');
    expect((await runJson(['strategy', '--dir', team.bob])).code).toBe(0);
    git(team.bob, 'push', '-q', 'origin', 'main');
    replaceInFile(team.alice, SEGMENTS, 'title: Senior Accountant', 'title: Staff Accountant');
    expect((await runJson(['strategy', '--dir', team.alice])).code).toBe(0);
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
