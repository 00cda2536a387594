import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { WorkspaceState } from '../src/engine/state.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { dueCommand } from '../src/cli/commands/due.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { read } from './helpers/testdir.js';

/**
 * A stage file renamed by a slip of the keyboard or an editor's "save as" —
 * `6-learnings.md`, `4-Decision.md`, `4-decision.MD` — is not a stage file, so the thread
 * silently lost that stage: check said "no problems" and sync moved a won deal back to
 * open. Each such name is now a `stage-file-name` error naming the file it should be — and,
 * since a warning alone still let sync commit the won deal reopened, its A1 confidence and
 * metrics recomputed without the learning, the thread is held at HEAD like a thread with a
 * cross-file error until the file is renamed.
 */

const DEAL = 'threads/sales/harbor-lending';

/*
 * Speed: the example workspace and its repository are built once per file and copied per
 * test (exampleWorkspaceCopy), and where a test is about what check, sync or due answer
 * rather than the process, it runs the command's own function (src/cli/commands/*): the
 * same JSON and exit code the CLI prints. Each command checked here keeps a real CLI run:
 * check and sync --dry-run for the first misnamed file, sync and its exit 1 when held,
 * advance, due, migrate, and check's exit 0 on a copy.
 */

/** `threadwork check --json --dir <dir>`, without a process. */
const checkJson = <T>(dir: string): ReturnType<typeof commandJson<T>> => commandJson<T>(() => checkCommand({}, { dir, json: true }));

/** `threadwork sync [--dry-run] --json --dir <dir>`, without a process. */
const syncJson = <T>(dir: string, flags: { dryRun?: boolean } = {}): ReturnType<typeof commandJson<T>> => commandJson<T>(() => syncCommand({ dryRun: flags.dryRun === true, commit: true }, { dir, json: true }));

/** `threadwork due --date <date> --json --dir <dir>`, without a process. */
const dueJson = <T>(dir: string, date: string): ReturnType<typeof commandJson<T>> => commandJson<T>(() => dueCommand({ date }, { dir, json: true }));

describe('a stage file under a wrong name', () => {
  it.each([
    ['6-learnings.md', '6-learning.md'],
    ['6-Learning.md', '6-learning.md'],
    ['6-learning.MD', '6-learning.md'],
    ['6_learning.md', '6-learning.md'],
    ['6-lerning.md', '6-learning.md'],
    // Zero-padded as the canvas sections are (04-segments.md).
    ['06-learning.md', '6-learning.md'],
    // Saved by Notepad, or with an extension Windows hides; a second download; a desktop's or a sync client's copy.
    ['6-learning.md.txt', '6-learning.md'],
    ['6-learning.txt', '6-learning.md'],
    ['6-learning.md.md', '6-learning.md'],
    ['6-learning (1).md', '6-learning.md'],
    ['6-learning - Copy.md', '6-learning.md'],
    ['6-learning copy.md', '6-learning.md'],
    ["6-learning (Ana's conflicted copy 2026-12-07).md", '6-learning.md'],
  ])('%s is reported by check and sync as the stage file it should be', async (name, expected) => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, DEAL, '6-learning.md'), join(dir, DEAL, name));
    // The first name through the CLI, the others through the commands' own functions.
    const viaCli = name === '6-learnings.md';
    const check = viaCli ? await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir }) : await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.json.diagnostics.map((d) => [d.path, d.line, d.column, d.severity, d.rule, d.message])).toEqual([
      [
        `${DEAL}/${name}`,
        1,
        1,
        'error',
        'stage-file-name',
        `Not a stage file name: \`${name}\` is ignored, so nothing in it counts for the thread; expected \`${expected}\` — rename it`,
      ],
    ]);
    const sync = viaCli ? await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dry-run'], { cwd: dir }) : await syncJson<{ diagnostics: Diagnostic[] }>(dir, { dryRun: true });
    expect(sync.json.diagnostics.filter((d) => d.rule === 'stage-file-name').map((d) => d.path)).toEqual([`${DEAL}/${name}`]);
  });

  it('holds the thread at HEAD: sync commits none of its consequences, and has nothing to commit once the file is named back', async () => {
    const dir = exampleWorkspaceCopy();
    const commits = commitCount(dir);
    const files = ['meta.json', 'strategy/canvas/10-assumptions.md', 'strategy/canvas/13-metrics.md'].map((f) => (f === 'meta.json' ? `${DEAL}/${f}` : f));
    const before = files.map((f) => read(dir, f));
    renameSync(join(dir, DEAL, '6-learning.md'), join(dir, DEAL, '6-learnings.md'));
    const sync = await runJson<{ diagnostics: Diagnostic[]; written: string[] }>(['sync'], { cwd: dir });
    expect(sync.code).toBe(1);
    expect(sync.json.diagnostics.map((d) => [d.path, d.severity, d.rule])).toEqual([
      [`${DEAL}/6-learnings.md`, 'error', 'stage-file-name'],
      [`${DEAL}/6-learnings.md`, 'warning', 'derived-held'],
    ]);
    expect(sync.json.written).toEqual([]);
    expect(files.map((f) => read(dir, f))).toEqual(before);
    expect(commitCount(dir)).toBe(commits);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe(` D ${DEAL}/6-learning.md\n?? ${DEAL}/6-learnings.md\n`);
    // Renamed back, nothing moved: the deal is still won and there is nothing to commit.
    renameSync(join(dir, DEAL, '6-learnings.md'), join(dir, DEAL, '6-learning.md'));
    const fixed = await syncJson(dir);
    expect(fixed.code).toBe(0);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(commitCount(dir)).toBe(commits);
  });

  it('a command writing into the thread refuses while it holds a misnamed stage file', async () => {
    const dir = exampleWorkspaceCopy();
    const thread = 'threads/sales/cobalt-remit';
    renameSync(join(dir, thread, '2-hypothesis.md'), join(dir, thread, '2-Hypothesis.md'));
    const advance = await runJson<{ error: { code: string; diagnostics: Diagnostic[] } }>(['advance', thread], { cwd: dir });
    expect(advance.code).toBe(1);
    expect(advance.json.error.code).toBe('thread-in-error');
    expect(advance.json.error.diagnostics.map((d) => [d.path, d.rule])).toEqual([[`${thread}/2-Hypothesis.md`, 'stage-file-name']]);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe(` D ${thread}/2-hypothesis.md\n?? ${thread}/2-Hypothesis.md\n`);
  });

  it('due lists nothing for a closed campaign whose learning is misnamed, and names the file as held', async () => {
    const dir = exampleWorkspaceCopy();
    const campaign = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
    const actions = join(dir, campaign, '5-actions.md');
    writeFileSync(actions, readFileSync(actions, 'utf8').replace('status: completed, started: 2026-09-15}', 'status: active, started: 2026-09-15}'));
    const open = await dueJson<{ due: unknown[]; held: unknown[] }>(dir, '2026-09-20');
    expect([open.json.due.length, open.json.held]).toEqual([0, []]);
    // Closed by its learning; the same learning under a slip of a name must not reopen it.
    renameSync(join(dir, campaign, '6-learning.md'), join(dir, campaign, '6-Learning.md'));
    const due = await runJson<{ due: unknown[]; held: { campaign: string; path: string; line: number; column: number; message: string }[] }>(['due', '--date', '2026-09-20'], { cwd: dir });
    expect(due.json.due).toEqual([]);
    expect(due.json.held.map((h) => [h.campaign, h.path, h.line, h.column, h.message.startsWith('Not a stage file name: `6-Learning.md`')])).toEqual([[campaign, `${campaign}/6-Learning.md`, 1, 1, true]]);
  });

  it('migrate, named a misnamed stage file, says which name to give it', async () => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, DEAL, '6-learning.md'), join(dir, DEAL, '6-Learning.md'));
    const migrate = await runJson<{ skipped: { path: string; reason: string }[] }>(['migrate', `${DEAL}/6-Learning.md`, '--dry-run'], { cwd: dir });
    expect(migrate.json.skipped).toEqual([{ path: `${DEAL}/6-Learning.md`, reason: 'not a stage file name (stage-file-name): rename it to 6-learning.md, then migrate it', blocked: true, errors: [] }]);
    expect(migrate.code).toBe(1);
  });

  it('a copy beside the stage file it is named like is a warning that holds nothing: sync commits the thread as usual', async () => {
    const dir = exampleWorkspaceCopy();
    copyFileSync(join(dir, DEAL, '6-learning.md'), join(dir, DEAL, '6-learning2.md'));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.json.diagnostics.map((d) => [d.path, d.severity, d.rule, d.message])).toEqual([
      [
        `${DEAL}/6-learning2.md`,
        'warning',
        'stage-file-copy',
        "Not a stage file name: `6-learning2.md` is ignored beside the thread's `6-learning.md`, which is read; move what it holds into `6-learning.md`, or rename it away from the stage's name if it is notes",
      ],
    ]);
    // Not held: an edit of the real learning is derived and committed.
    writeFileSync(join(dir, DEAL, '6-learning.md'), read(dir, `${DEAL}/6-learning.md`).replace(/^arr: .*$/m, 'arr: 91000'));
    const commits = commitCount(dir);
    const sync = await syncJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(sync.code).toBe(0);
    expect(sync.json.diagnostics.filter((d) => d.rule.startsWith('stage-file') || d.rule === 'derived-held')).toEqual([]);
    expect(commitCount(dir)).toBe(commits + 1);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').split('\n')).toContain(`${DEAL}/6-learning.md`);
  });

  it('a copy turns into the error once the stage file beside it is gone, and back, in a state kept up to date', async () => {
    const dir = exampleWorkspaceCopy();
    copyFileSync(join(dir, DEAL, '6-learning.md'), join(dir, DEAL, '6-Learning.md'));
    const state = await WorkspaceState.load(dir, { cache: false });
    const rules = (): string[] => state.currentModel().diagnostics.filter((d) => d.path === `${DEAL}/6-Learning.md`).map((d) => `${d.severity} ${d.rule}`);
    expect(rules()).toEqual(['warning stage-file-copy']);
    const kept = read(dir, `${DEAL}/6-learning.md`);
    rmSync(join(dir, DEAL, '6-learning.md'));
    state.remove(`${DEAL}/6-learning.md`);
    expect(rules()).toEqual(['error stage-file-name']);
    writeFileSync(join(dir, DEAL, '6-learning.md'), kept);
    state.update(`${DEAL}/6-learning.md`);
    expect(rules()).toEqual(['warning stage-file-copy']);
  });

  it('a file of the thread named otherwise (notes, a second draft of a stage) is not reported', async () => {
    const dir = exampleWorkspaceCopy();
    for (const name of ['notes.md', '6-learning-notes.md', 'call-2026-10-01.md', 'README.md', '6-learning-notes.txt', '6-learning.md~', '.6-learning.md.swp', 'notes (1).md', '6-learning.md.orig']) writeFileSync(join(dir, DEAL, name), '# notes\n');
    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.json.diagnostics).toEqual([]);
  });
});
