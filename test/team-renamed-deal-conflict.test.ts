import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { checkInProcess } from './helpers/check.js';
import { runCli, runJson } from './helpers/cli.js';
import { connectMcp } from './helpers/mcp.js';
import { coldSync } from './helpers/serve.js';
import { git } from './helpers/git.js';
import { teamWorkspace } from './helpers/team.js';
import { read, writeFiles } from './helpers/testdir.js';

/**
 * Bob renames the Meridian Pay deal's folder; Alice, meanwhile, writes its Stage 4 in the old
 * folder. Her pull moves the new file into the renamed folder and stops on it ("added by us",
 * no markers in it): `check` named nothing — the file read as any other, the folder it came
 * from nowhere, and the merge could not be committed without `git add` or `git rm` of it. It
 * is now a `merge-conflict` error naming both paths and the commands that settle it; and a
 * folder both renamed, each its own way, names both names to choose from.
 */

const OLD = 'threads/sales/meridian-pay';
const BOBS = 'threads/sales/meridian-payments';

/*
 * The diagnostics are the subject, not the process: check is asked in process (a CLI process
 * on the example workspace costs ~1–2 s on a loaded 2-core machine), and so is the sync that
 * sets up a side's commit. The real CLI is run by the first test (check's text) and the MCP
 * one (check --json, compared with the tool's answer).
 */
const conflictsAt = async (dir: string, path: string): Promise<Diagnostic[]> => {
  const check = await checkInProcess<{ ok: boolean; diagnostics: Diagnostic[] }>(dir);
  expect(check.json.ok).toBe(false);
  return check.json.diagnostics.filter((d) => d.path === path && d.rule === 'merge-conflict');
};

describe('a deal folder renamed on one side of a merge', () => {
  // Two clones and the real CLI: 30 s is too short on a loaded machine.
  it('names the stage file added in the old folder, where git moved it, and what to do', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    git(team.bob, 'mv', OLD, BOBS);
    git(team.bob, 'commit', '-qm', 'Meridian Pay renamed');
    git(team.bob, 'push', '-q', 'origin', 'main');
    const decision = read(team.alice, 'threads/sales/oakline-outfitters/4-decision.md').replaceAll('Oakline Outfitters', 'Meridian Pay');
    writeFiles(team.alice, { [`${OLD}/4-decision.md`]: decision });
    git(team.alice, 'add', '-A');
    git(team.alice, 'commit', '-qm', 'Meridian Pay decided');
    expect(() => git(team.alice, 'pull', '-q', 'origin', 'main')).toThrow();

    const found = await conflictsAt(team.alice, `${BOBS}/4-decision.md`);
    expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([['error', 1, 1]]);
    expect(found[0]!.message).toBe(
      `git left \`${BOBS}/4-decision.md\` unmerged (added by us): added as \`${OLD}/4-decision.md\` on your side (HEAD), in the thread folder the side merged in renamed to \`${BOBS}\`, and git moved it there. ` +
        `Keep it in \`${BOBS}\`, one thread under its new name: \`git add ${BOBS}/4-decision.md\` (or drop it: \`git rm ${BOBS}/4-decision.md\`), then \`git commit\``,
    );
    // An error is the user's to resolve: the note says sync resolves only what a warning above says it does.
    expect((await runCli(['check', '--dir', team.alice])).stdout).toContain(`note: a merge is stopped on conflicts in 1 file: once each is resolved, \`git add ${BOBS}/4-decision.md && git commit\``);
    // Done as it says, nothing unmerged is left to name.
    git(team.alice, 'add', `${BOBS}/4-decision.md`);
    expect(await conflictsAt(team.alice, `${BOBS}/4-decision.md`)).toEqual([]);
  });

  it('names both names once for the thread when each side renamed the folder its own way', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    git(team.bob, 'mv', OLD, BOBS);
    git(team.bob, 'commit', '-qm', 'Meridian Pay renamed');
    git(team.bob, 'push', '-q', 'origin', 'main');
    git(team.alice, 'mv', OLD, 'threads/sales/meridian');
    git(team.alice, 'commit', '-qm', 'Meridian Pay renamed');
    expect(() => git(team.alice, 'pull', '-q', 'origin', 'main')).toThrow();

    const check = await checkInProcess<{ ok: boolean; diagnostics: Diagnostic[] }>(team.alice);
    const inEither = check.json.diagnostics.filter((d) => d.rule === 'merge-conflict' && (d.path.startsWith('threads/sales/meridian/') || d.path.startsWith(`${BOBS}/`)));
    expect(inEither.map((d) => [d.path, d.severity, d.line, d.column, d.message])).toEqual([[
      'threads/sales/meridian/meta.json', 'error', 1, 1,
      `git left the thread folder \`${OLD}\` renamed two ways: to \`threads/sales/meridian\` on your side (HEAD) and to \`${BOBS}\` on the side merged in, so the thread is in both (4 files unmerged in each). ` +
        `Choose one name: keep \`threads/sales/meridian\` (\`git add threads/sales/meridian && git rm -rq ${OLD} ${BOBS}\`) or \`${BOBS}\` (\`git add ${BOBS} && git rm -rq ${OLD} threads/sales/meridian\`), then \`git commit\``,
    ]]);
    // Done as it says, the merge is finished with the thread under one name.
    git(team.alice, 'add', 'threads/sales/meridian');
    git(team.alice, 'rm', '-rq', OLD, BOBS);
    git(team.alice, 'commit', '-qm', 'Meridian Pay: one name');
    expect(git(team.alice, 'ls-files', BOBS, OLD)).toBe('');
    // What is left is the rename's own step (the id to match the folder), no conflict.
    const after = await checkInProcess<{ diagnostics: Diagnostic[] }>(team.alice);
    expect(after.json.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['thread-id-folder']);
  });

  // A squash merge keeps no ref of the side merged in: each file was named "added on … only", eight errors, the other name nowhere.
  it('names both names once for the thread in a `git merge --squash` too, read from the index stages', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    git(team.bob, 'mv', OLD, BOBS);
    writeFiles(team.bob, { [`${BOBS}/4-decision.md`]: read(team.bob, 'threads/sales/oakline-outfitters/4-decision.md').replaceAll('Oakline Outfitters', 'Meridian Pay') });
    git(team.bob, 'add', '-A');
    git(team.bob, 'commit', '-qm', 'Meridian Pay renamed and decided');
    git(team.bob, 'push', '-q', 'origin', 'main');
    git(team.alice, 'mv', OLD, 'threads/sales/meridian');
    git(team.alice, 'commit', '-qm', 'Meridian Pay renamed');
    git(team.alice, 'fetch', '-q', 'origin');
    expect(() => git(team.alice, 'merge', '--squash', 'origin/main')).toThrow();

    const check = await checkInProcess<{ ok: boolean; diagnostics: Diagnostic[] }>(team.alice);
    const inEither = check.json.diagnostics.filter((d) => d.rule === 'merge-conflict' && (d.path.startsWith('threads/sales/meridian/') || d.path.startsWith(`${BOBS}/`)));
    expect(inEither.map((d) => [d.path, d.severity, d.line, d.column, d.message])).toEqual([[
      'threads/sales/meridian/meta.json', 'error', 1, 1,
      `git left the thread folder \`${OLD}\` renamed two ways: to \`threads/sales/meridian\` on your side (HEAD) and to \`${BOBS}\` on the side merged in, so the thread is in both (4 files unmerged in each). ` +
        `Choose one name: keep \`threads/sales/meridian\` (\`git add threads/sales/meridian && git rm -rq ${OLD} ${BOBS}\`) or \`${BOBS}\` (\`git add ${BOBS} && git rm -rq ${OLD} threads/sales/meridian\`), then \`git commit\`` +
        ` — \`${BOBS}\` also holds \`4-decision.md\`, not in the other folder: \`git mv\` it into \`threads/sales/meridian\` first if you keep that one`,
    ]]);
    // Done as it says (Bob's name kept), the squash is committed with the thread under one name.
    git(team.alice, 'add', BOBS);
    git(team.alice, 'rm', '-rq', OLD, 'threads/sales/meridian');
    git(team.alice, 'commit', '-qm', 'Meridian Pay: one name');
    expect(git(team.alice, 'ls-files', OLD, 'threads/sales/meridian')).toBe('');
    const after = await checkInProcess<{ diagnostics: Diagnostic[]; gitStopped?: unknown }>(team.alice);
    expect(after.json.gitStopped).toBeUndefined();
    expect(after.json.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['thread-id-folder']);
  });

  it('names a file only one side wrote in its renamed folder, to be moved before that folder is removed', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    git(team.bob, 'mv', OLD, BOBS);
    writeFiles(team.bob, { [`${BOBS}/4-decision.md`]: read(team.bob, 'threads/sales/oakline-outfitters/4-decision.md').replaceAll('Oakline Outfitters', 'Meridian Pay') });
    git(team.bob, 'add', '-A');
    git(team.bob, 'commit', '-qm', 'Meridian Pay renamed and decided');
    git(team.bob, 'push', '-q', 'origin', 'main');
    git(team.alice, 'mv', OLD, 'threads/sales/meridian');
    git(team.alice, 'commit', '-qm', 'Meridian Pay renamed');
    expect(() => git(team.alice, 'pull', '-q', 'origin', 'main')).toThrow();

    const found = await conflictsAt(team.alice, 'threads/sales/meridian/meta.json');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`then \`git commit\` — \`${BOBS}\` also holds \`4-decision.md\`, not in the other folder: \`git mv\` it into \`threads/sales/meridian\` first if you keep that one`);
  });

  it('names a whole thread deleted on one side while the other edited it, and how to bring every file of it back', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    const thread = 'threads/sales/brightcart';
    git(team.bob, 'rm', '-rq', thread);
    expect((await coldSync(team.bob)).code).toBe(0);
    git(team.bob, 'push', '-q', 'origin', 'main');
    writeFiles(team.alice, { [`${thread}/2-hypothesis.md`]: `${read(team.alice, `${thread}/2-hypothesis.md`)}\nMore notes from Alice.\n` });
    git(team.alice, 'commit', '-qam', 'Brightcart notes');
    expect(() => git(team.alice, 'pull', '-q', 'origin', 'main')).toThrow();

    const found = await conflictsAt(team.alice, `${thread}/2-hypothesis.md`);
    expect(found.map((d) => d.message)).toEqual([
      `git left \`${thread}/2-hypothesis.md\` unmerged (deleted by them): edited on your side (HEAD), while the side merged in deleted the whole thread \`${thread}\`. ` +
        `Keep the thread (\`git checkout HEAD -- ${thread}\`, which brings back every file of it as your side (HEAD) had it, the edit included) or delete it (\`git rm -r ${thread}\`), then \`git commit\``,
    ]);
    // Kept as it says: the thread whole, the edit in it, nothing left to resolve.
    git(team.alice, 'checkout', 'HEAD', '--', thread);
    const after = await checkInProcess<{ ok: boolean; diagnostics: Diagnostic[] }>(team.alice);
    expect(after.json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(read(team.alice, `${thread}/2-hypothesis.md`)).toContain('More notes from Alice.');
  });

  it('names a thread deleted on one side while the other wrote its next stage, its earlier stages gone with the merge', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    git(team.bob, 'rm', '-rq', OLD);
    expect((await coldSync(team.bob)).code).toBe(0);
    git(team.bob, 'push', '-q', 'origin', 'main');
    writeFiles(team.alice, { [`${OLD}/4-decision.md`]: read(team.alice, 'threads/sales/oakline-outfitters/4-decision.md').replaceAll('Oakline Outfitters', 'Meridian Pay') });
    expect((await coldSync(team.alice)).code).toBe(0);
    expect(() => git(team.alice, 'pull', '-q', 'origin', 'main')).toThrow();

    // git stops on meta.json alone (sync changed its stage); 1–3 are deleted by the merge, 4 is added.
    const found = await conflictsAt(team.alice, `${OLD}/meta.json`);
    expect(found.map((d) => d.message)).toEqual([
      `git left \`${OLD}/meta.json\` unmerged (deleted by them): edited on your side (HEAD), while the side merged in deleted the whole thread \`${OLD}\`. ` +
        `Keep the thread (\`git checkout HEAD -- ${OLD}\`, which brings back every file of it as your side (HEAD) had it, the edit included) or delete it (\`git rm -r ${OLD}\`), then \`git commit\``,
    ]);
    git(team.alice, 'checkout', 'HEAD', '--', OLD);
    const after = await checkInProcess<{ diagnostics: Diagnostic[] }>(team.alice);
    expect(after.json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is named by the MCP check tool as by `check --json`, with the step that finishes the merge', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    git(team.bob, 'mv', OLD, BOBS);
    git(team.bob, 'commit', '-qm', 'Meridian Pay renamed');
    git(team.bob, 'push', '-q', 'origin', 'main');
    writeFiles(team.alice, { [`${OLD}/4-decision.md`]: read(team.alice, 'threads/sales/oakline-outfitters/4-decision.md').replaceAll('Oakline Outfitters', 'Meridian Pay') });
    git(team.alice, 'add', '-A');
    git(team.alice, 'commit', '-qm', 'Meridian Pay decided');
    expect(() => git(team.alice, 'pull', '-q', 'origin', 'main')).toThrow();

    type Checked = { ok: boolean; diagnostics: Diagnostic[]; gitStopped?: { operation: string; unmerged: string[]; next: string } };
    const cli = (await runJson<Checked>(['check', '--dir', team.alice])).json;
    const agent = await (await connectMcp(team.alice)).ok<Checked>('check');
    const conflicts = (c: Checked) => c.diagnostics.filter((d) => d.rule === 'merge-conflict' && d.path === `${BOBS}/4-decision.md`);
    expect(conflicts(agent)).toHaveLength(1);
    expect(conflicts(agent)).toEqual(conflicts(cli));
    expect(agent.ok).toBe(false);
    expect(agent.gitStopped).toEqual(cli.gitStopped);
    expect(agent.gitStopped?.operation).toBe('merge');
  });
});
