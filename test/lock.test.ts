import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThreadworkError } from '../src/errors.js';
import { OWNER_FILE, pidAlive, readLockOwner, withWorkspaceLock } from '../src/workspace/lock.js';
import { writeFileIfChanged } from '../src/workspace/write.js';
import { BIN, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv, gitInit } from './helpers/git.js';
import { read } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';

function repo(): string {
  const dir = workspace();
  gitInit(dir);
  return dir;
}

const lockPath = (dir: string): string => join(dir, '.git', 'threadwork-write.lock');

/** The pid of a process that has exited. */
function deadPid(): number {
  const pid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
  expect(pidAlive(pid)).toBe(false);
  return pid;
}

describe('the workspace write lock', () => {
  it('names its holder (pid, host) while held, and is gone after', async () => {
    const dir = repo();
    const owner = await withWorkspaceLock(dir, async (lock) => {
      expect(lock.compromised).toBe(false);
      lock.assertHeld();
      return readLockOwner(lockPath(dir));
    });
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('a second process waits for a live holder', async () => {
    const dir = repo();
    let released = 0;
    let finished = 0;
    await withWorkspaceLock(dir, async () => {
      const child = spawn(process.execPath, [BIN, 'sync', '--json', '--dir', dir], { env: { ...gitEnv(), NO_COLOR: '1' } });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((finished = Date.now()), resolve(code))));
      await new Promise((r) => setTimeout(r, 2500)); // longer than the dead-holder takeover, shorter than stale
      expect(finished).toBe(0); // still waiting: this process is alive
      released = Date.now();
      void exited.then((code) => expect(code).toBe(0));
    });
    while (!finished) await new Promise((r) => setTimeout(r, 20));
    expect(finished).toBeGreaterThanOrEqual(released);
  }, 20_000);

  it('a lock left by a dead process is taken over at once, not after the 10 s stale time', async () => {
    const dir = repo();
    const leaveDeadLock = (): number => {
      const pid = deadPid();
      mkdirSync(lockPath(dir));
      writeFileSync(join(lockPath(dir), OWNER_FILE), JSON.stringify({ pid, hostname: hostname(), token: 'killed', acquired: new Date().toISOString() }));
      expect(readLockOwner(lockPath(dir))?.pid).toBe(pid); // held, freshly (mtime now), by a dead pid
      return pid;
    };
    // In process: the time to take the lock itself.
    leaveDeadLock();
    let started = Date.now();
    const waited = await withWorkspaceLock(dir, async () => Date.now() - started);
    expect(waited).toBeLessThan(3000);

    // Through the real CLI: a sync finds the lock of a killed process and runs at once. The
    // machine running the tests may be slow, so the run is compared with the same sync unlocked.
    started = Date.now();
    const baseline = await runJson(['sync', '--dir', dir], { env: gitEnv() });
    const unlocked = Date.now() - started;
    expect(baseline.code, baseline.stdout + baseline.stderr).toBe(0);
    leaveDeadLock();
    started = Date.now();
    const sync = await runJson(['sync', '--dir', dir], { env: gitEnv() });
    const took = Date.now() - started;
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    expect(took - unlocked).toBeLessThan(3000);
    expect(took).toBeLessThan(9000); // the stale time alone would be 10 s
    expect(existsSync(lockPath(dir))).toBe(false);
  }, 30_000);

  it('a dry run does not wait for it: sync --dry-run beside a writer holding it says at once what sync would write', async () => {
    const dir = exampleWorkspaceCopy();
    const input = join(dir, 'threads/sales/brightcart/1-input.md');
    writeFileSync(input, read(dir, 'threads/sales/brightcart/1-input.md').replace('employees: 180', 'employees: 900'));
    await withWorkspaceLock(dir, async () => {
      const started = Date.now();
      const dry = await runJson<{ dryRun: boolean; edits: { path: string }[] }>(['sync', '--dry-run', '--dir', dir], { env: gitEnv() });
      expect(dry.code, dry.stdout + dry.stderr).toBe(0);
      expect(dry.json.dryRun).toBe(true);
      expect(dry.json.edits.map((e) => e.path)).toEqual(['threads/sales/brightcart/meta.json']);
      expect(Date.now() - started).toBeLessThan(15_000); // the lock's wait is a minute
    });
  }, 90_000);

  it('a lock of a live process on another host is not taken over before it goes stale', async () => {
    const dir = repo();
    mkdirSync(lockPath(dir));
    writeFileSync(join(lockPath(dir), OWNER_FILE), JSON.stringify({ pid: deadPid(), hostname: `not-${hostname()}`, token: 'elsewhere', acquired: new Date().toISOString() }));
    await expect(withWorkspaceLock(dir, async () => 'taken', 1000)).rejects.toMatchObject({ code: 'lock-timeout' });
    expect(readLockOwner(lockPath(dir))?.token).toBe('elsewhere');
  });

  it('a lock removed mid-operation makes assertHeld — and every write — throw lock-compromised', async () => {
    const dir = repo();
    const error = await withWorkspaceLock(dir, async (lock) => {
      rmSync(lockPath(dir), { recursive: true });
      expect(() => lock.assertHeld()).toThrow(ThreadworkError);
      expect(lock.compromised).toBe(true);
      try {
        writeFileIfChanged(dir, 'notes.md', 'late\n');
      } catch (e) {
        return e as ThreadworkError;
      }
      return undefined;
    });
    expect(error).toMatchObject({ code: 'lock-compromised' });
    expect(existsSync(join(dir, 'notes.md'))).toBe(false);
  });

  it('a heartbeat that ran late is not a lost lock while nobody took it over; a takeover after it is', async () => {
    const dir = repo();
    await withWorkspaceLock(dir, async (lock) => {
      writeFileIfChanged(dir, 'notes.md', 'held\n');
      // A long synchronous step: the mtime is old, but the lock folder and its token are still ours.
      const old = new Date(Date.now() - 60_000);
      utimesSync(lockPath(dir), old, old);
      expect(() => lock.assertHeld()).not.toThrow();
      writeFileIfChanged(dir, 'notes.md', 'still held\n');
      // Another process takes the stale lock over: from then on every write stops.
      rmSync(lockPath(dir), { recursive: true });
      mkdirSync(lockPath(dir));
      writeFileSync(join(lockPath(dir), OWNER_FILE), JSON.stringify({ pid: process.pid, hostname: hostname(), token: 'the-next-writer', acquired: new Date().toISOString() }));
      expect(() => lock.assertHeld()).toThrow(/lock was compromised/);
      expect(lock.compromised).toBe(true);
      expect(() => writeFileIfChanged(dir, 'notes.md', 'too late\n')).toThrow(/compromised/);
    });
    expect(read(dir, 'notes.md')).toBe('still held\n');
    rmSync(lockPath(dir), { recursive: true });
  });

  it('a lock taken over by another holder is not removed when the first one releases', async () => {
    const dir = repo();
    await withWorkspaceLock(dir, async (lock) => {
      rmSync(lockPath(dir), { recursive: true });
      mkdirSync(lockPath(dir));
      writeFileSync(join(lockPath(dir), OWNER_FILE), JSON.stringify({ pid: process.pid, hostname: hostname(), token: 'someone-else', acquired: new Date().toISOString() }));
      expect(() => lock.assertHeld()).toThrow(/compromised/);
    });
    expect(readLockOwner(lockPath(dir))?.token).toBe('someone-else');
    rmSync(lockPath(dir), { recursive: true });
  });
});
