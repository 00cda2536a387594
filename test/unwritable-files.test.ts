import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type CliResult } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

// Permissions only bind a user who is not root: root writes into a read-only folder and
// reopens a 0444 file for writing. Run as root (CI containers often are), the CLI is run
// as `nobody` through setpriv, on a workspace that user owns; without setpriv, as root,
// these tests are skipped.
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const setpriv = asRoot && hasSetpriv();
const permissionsBind = !asRoot || setpriv;

function hasSetpriv(): boolean {
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The example workspace, synced, owned by the user the CLI runs as. */
function ownedWorkspace(): string {
  const dir = exampleWorkspace();
  if (setpriv) chownTree(dir, NOBODY);
  return dir;
}

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chownTree(join(path, entry), uid);
}

/** The real CLI, as a user whom permissions bind. */
function runUnprivileged(dir: string, args: readonly string[]): Promise<CliResult> {
  const node = [process.execPath, BIN, ...args, '--dir', dir];
  const [command, ...rest] = setpriv ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...node] : node;
  // No user git config: root's home is not readable by nobody.
  const env = { ...process.env, NO_COLOR: '1', HOME: dir, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  return new Promise((resolve) => {
    execFile(command!, rest, { cwd: dir, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Git as the test's user, in a repository another user may own (git refuses one otherwise). */
const gitHere = (dir: string, ...args: string[]): string => git(dir, '-c', 'safe.directory=*', ...args);
const lastCommitPaths = (dir: string): string[] => gitHere(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();

const DEAL = 'threads/sales/brightcart';

/** An input change that moves the deal's derived scores, so its meta.json must be rewritten. */
function moveBrightcartScores(dir: string): void {
  const input = join(dir, `${DEAL}/1-input.md`);
  execFileSync('sed', ['-i', 's/employees: 180/employees: 900/', input]);
}

describe.skipIf(!permissionsBind)('files the user may not write', () => {
  it('a read-only meta.json is still rewritten by sync, keeps its mode, and is committed', async () => {
    const dir = ownedWorkspace();
    expect((await runUnprivileged(dir, ['sync'])).code).toBe(0);
    chmodSync(join(dir, `${DEAL}/meta.json`), 0o444);
    moveBrightcartScores(dir);

    const result = await runUnprivileged(dir, ['sync']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, `${DEAL}/meta.json`), 'utf8')).icp_match_score).not.toBe(0.77);
    expect(statSync(join(dir, `${DEAL}/meta.json`)).mode & 0o777).toBe(0o444);
    expect(lastCommitPaths(dir)).toEqual([`${DEAL}/1-input.md`, `${DEAL}/meta.json`]);
    expect(existsSync(join(dir, '.git/threadwork-pending.json'))).toBe(false);
    expect(readdirSync(join(dir, DEAL)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a folder it may not write into is a write-failed error naming the file; the next sync finishes and says so', async () => {
    const dir = ownedWorkspace();
    expect((await runUnprivileged(dir, ['sync'])).code).toBe(0);
    moveBrightcartScores(dir);
    chmodSync(join(dir, DEAL), 0o555);

    const refused = await runUnprivileged(dir, ['sync', '--json']);
    expect(refused.code).toBe(1);
    const error = (JSON.parse(refused.stdout) as { error: Record<string, string> }).error;
    expect(error).toMatchObject({ code: 'write-failed', path: `${DEAL}/meta.json`, errno: 'EACCES' });
    expect(error.message).toMatch(/^Cannot write threads\/sales\/brightcart\/meta\.json: permission denied/);
    expect(error.message).toContain('Nothing was committed');
    const text = await runUnprivileged(dir, ['sync']);
    expect(text.code).toBe(1);
    expect(text.stderr).not.toMatch(/\n\s+at /); // no stack trace

    chmodSync(join(dir, DEAL), 0o755);
    const finished = await runUnprivileged(dir, ['sync']);
    expect(finished.code).toBe(0);
    expect(finished.stdout).toMatch(/finished an interrupted write and committed it: [0-9a-f]{10}/);
    expect(finished.stdout).not.toContain('in sync: nothing to write');
    expect(lastCommitPaths(dir)).toEqual([`${DEAL}/1-input.md`, `${DEAL}/meta.json`]);
    expect(gitHere(dir, 'status', '--porcelain')).toBe('');
  });
});

/*
 * The fourth review: a read-only git directory made `check` and `report` die with EACCES
 * writing a cache, and a thread folder the user may not list crashed check and sync with
 * a stack (`scandir`, or `lstat` in a folder it may not search).
 */
describe.skipIf(!permissionsBind)('folders the user may not write or read', () => {
  it('a read-only .git: check and report answer, their caches simply not written', async () => {
    const dir = ownedWorkspace();
    chmodTree(join(dir, '.git'), false);
    try {
      const checked = await runUnprivileged(dir, ['check', '--json']);
      expect(checked.code, checked.stdout + checked.stderr).toBe(0);
      expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true });
      const report = await runUnprivileged(dir, ['report', 'pipeline']);
      expect(report.code, report.stderr).toBe(0);
    } finally {
      chmodTree(join(dir, '.git'), true);
    }
  });

  it('a read-only .git: the MCP server answers the read tools (check, report), as the CLI does; a write still says the lock cannot be created', async () => {
    const dir = ownedWorkspace();
    chmodTree(join(dir, '.git'), false);
    try {
      const runAs = setpriv ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] : [];
      const mcp = await connectMcp(dir, { HOME: dir, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }, { runAs });
      const checked = await mcp.call<{ ok: boolean; errors: number }>('check');
      expect(checked.isError, checked.text + mcp.stderr()).toBe(false);
      expect(checked.data).toMatchObject({ ok: true, errors: 0 });
      const report = await mcp.call('report', { name: 'pipeline' });
      expect(report.isError, report.text).toBe(false);
      const write = await mcp.call('sync');
      expect(write.isError).toBe(true);
      expect(write.text).toMatch(/Cannot create the workspace lock/);
    } finally {
      chmodTree(join(dir, '.git'), true);
    }
  });

  it('a read-only .git: sync --dry-run says what sync would write; sync says at once that the lock cannot be created, not that it timed out', async () => {
    const dir = ownedWorkspace();
    moveBrightcartScores(dir);
    const head = gitHere(dir, 'rev-parse', 'HEAD').trim();
    chmodTree(join(dir, '.git'), false);
    try {
      const dry = await runUnprivileged(dir, ['sync', '--dry-run', '--json']);
      expect(dry.code, dry.stdout + dry.stderr).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, edits: [{ path: `${DEAL}/meta.json`, created: false }], commit: null });
      // The lock's wait is a minute: refused before it, with what is wrong and where.
      const started = Date.now();
      const refused = await runUnprivileged(dir, ['sync', '--json']);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(refused.code).toBe(1);
      const error = (JSON.parse(refused.stdout) as { error: Record<string, string> }).error;
      expect(error).toMatchObject({ code: 'write-failed', path: '.git/threadwork-write.lock', errno: 'EACCES' });
      expect(error.message).toMatch(/^Cannot create the workspace lock \.git\/threadwork-write\.lock: permission denied \(EACCES\)/);
      expect(error.message).toContain('Nothing was written');
      expect(error.message).not.toMatch(/another threadwork process/i);
    } finally {
      chmodTree(join(dir, '.git'), true);
    }
    expect(gitHere(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(JSON.parse(readFileSync(join(dir, `${DEAL}/meta.json`), 'utf8')).icp_match_score).toBe(0.77);
  }, 150_000);

  it('a thread folder it may not list is a read error at the folder, its thread held: nothing derived moves, nothing committed', async () => {
    const dir = ownedWorkspace();
    const before = lastCommitPaths(dir);
    const head = gitHere(dir, 'rev-parse', 'HEAD').trim();
    chmodSync(join(dir, 'threads/sales/keel-neobank'), 0o000);
    try {
      const checked = await runUnprivileged(dir, ['check', '--json']);
      expect(checked.code, checked.stderr).toBe(1);
      expect(JSON.parse(checked.stdout).diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'threads/sales/keel-neobank', rule: 'read', severity: 'error' })]));
      const synced = await runUnprivileged(dir, ['sync', '--json']);
      expect(synced.code, synced.stderr).toBe(1);
      expect(JSON.parse(synced.stdout).diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'threads/sales/keel-neobank', rule: 'derived-held' })]));
      expect(gitHere(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
      expect(gitHere(dir, 'status', '--porcelain')).toBe('');
      // A folder it may list but not search: each file a read error, never a crash, the cache written or not.
      chmodSync(join(dir, 'threads/sales/keel-neobank'), 0o600);
      for (let run = 0; run < 2; run++) {
        const again = await runUnprivileged(dir, ['sync', '--json']);
        expect(again.code, again.stderr).toBe(1);
        expect(JSON.parse(again.stdout).diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'threads/sales/keel-neobank/meta.json', rule: 'read' })]));
      }
      expect(gitHere(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    } finally {
      chmodSync(join(dir, 'threads/sales/keel-neobank'), 0o755);
    }
    expect(lastCommitPaths(dir)).toEqual(before);
  });

  it.each([['goals', 'goals'], ['threads/sales', 'threads/sales']])('a layout folder it may not list (%s) is one error naming it and what to do, never a crash; nothing is written', async (folder, named) => {
    // It died with a stack trace: "EACCES: permission denied, scandir …/goals" (or an lstat below threads/sales).
    const dir = ownedWorkspace();
    const head = gitHere(dir, 'rev-parse', 'HEAD').trim();
    chmodSync(join(dir, folder), 0o000);
    try {
      for (const command of ['check', 'sync']) {
        const run = await runUnprivileged(dir, [command, '--json']);
        expect(run.code, run.stdout + run.stderr).toBe(1);
        const { error } = JSON.parse(run.stdout) as { error: Record<string, string> };
        expect(error).toMatchObject({ code: 'folder-unreadable', path: named, errno: 'EACCES' });
        expect(error.message).toBe(`Cannot read folder ${named}: permission denied (EACCES): expected a folder this user may list — fix its permissions (\`chmod u+rx ${named}\`); nothing was read or written`);
      }
    } finally {
      chmodSync(join(dir, folder), 0o755);
    }
    expect(gitHere(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(gitHere(dir, 'status', '--porcelain')).toBe('');
  });

  it('a stage file it may not read is an error saying so, at the file, and how to fix it; its thread is held', async () => {
    // It said "Cannot read file: EACCES": a code, and nothing of what was expected.
    const dir = ownedWorkspace();
    const head = gitHere(dir, 'rev-parse', 'HEAD').trim();
    const stage = `${DEAL}/2-hypothesis.md`;
    chmodSync(join(dir, stage), 0o000);
    try {
      const checked = await runUnprivileged(dir, ['check']);
      expect(checked.code, checked.stderr).toBe(1);
      expect(checked.stdout).toContain(`${stage}:1:1 error Cannot read ${stage}: permission denied (EACCES): expected a file this user may read — fix its permissions (\`chmod u+r\`, and \`u+x\` on its folders) (read)`);
      const synced = await runUnprivileged(dir, ['sync', '--json']);
      expect(synced.code, synced.stderr).toBe(1);
      expect(JSON.parse(synced.stdout).diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: stage, rule: 'derived-held' })]));
      expect(gitHere(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    } finally {
      chmodSync(join(dir, stage), 0o644);
    }
  });
});

function chmodTree(path: string, writable: boolean): void {
  const mode = statSync(path).mode;
  chmodSync(path, writable ? mode | 0o200 : mode & ~0o222);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chmodTree(join(path, entry), writable);
}
