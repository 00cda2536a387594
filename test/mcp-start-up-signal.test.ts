import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv, slowGit } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';
import { waitFor } from './helpers/watch.js';

/*
 * `threadwork mcp` took SIGINT and SIGTERM only once its transport was set up: a signal that
 * came while it was starting — reading the workspace, which takes seconds at 10,000 deals —
 * killed it where it stood (exit by the signal, status 143 to a shell), whatever it was doing
 * cut off. The server is held here in its start-up by a git that waits on `rev-parse` (the
 * first thing reading the workspace asks git), after the line it writes once the signals are
 * its own: the signal provably lands in that window.
 */
describe('threadwork mcp signalled while it starts', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('on %s, finishes its start-up, serves nothing, leaves no lock or socket and exits 0', async (signal) => {
    const dir = exampleWorkspaceCopy();
    const slow = slowGit('rev-parse');
    const server = spawn(process.execPath, [BIN, 'mcp', '--dir', dir], { env: { ...process.env, ...gitEnv(), NO_COLOR: '1', PATH: slow.path }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => server.on('exit', (code, by) => resolve({ code, signal: by })));
    try {
      await waitFor(() => existsSync(slow.entered) && stderr.includes('threadwork mcp: starting on'), 'the server to be held in its start-up', () => stderr);
      server.kill(signal);
      await waitFor(() => stderr.includes(`stopping (${signal}) while starting`), 'the stopping line', () => stderr);
      rmSync(slow.hold);
      // The client still holds stdin open: the server exits on its own.
      expect(await exited, stderr).toEqual({ code: 0, signal: null });
    } finally {
      rmSync(slow.hold, { force: true });
      server.stdin.end();
    }
    expect(stderr).toContain(`stopped (${signal}) before serving`);
    expect(stderr).not.toContain('serving ');
    expect(stdout).toBe('');
    const gitDir = join(dir, '.git');
    expect(existsSync(join(gitDir, 'threadwork-write.lock'))).toBe(false);
    const serveDir = join(gitDir, 'threadwork-serve');
    expect(existsSync(serveDir) ? readdirSync(serveDir) : []).toEqual([]);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    // The next server starts and serves as if none had been stopped.
    const next = await connectMcp(dir);
    expect((await next.ok<{ ok: boolean }>('check')).ok).toBe(true);
  });

  // A second signal said "still finishing the call under way", where no call is under way.
  it('on a second signal, says the start-up is finishing, not a call, and still exits 0', async () => {
    const dir = exampleWorkspaceCopy();
    const slow = slowGit('rev-parse');
    const server = spawn(process.execPath, [BIN, 'mcp', '--dir', dir], { env: { ...process.env, ...gitEnv(), NO_COLOR: '1', PATH: slow.path }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => server.on('exit', (code, by) => resolve({ code, signal: by })));
    try {
      await waitFor(() => existsSync(slow.entered) && stderr.includes('threadwork mcp: starting on'), 'the server to be held in its start-up', () => stderr);
      server.kill('SIGTERM');
      await waitFor(() => stderr.includes('stopping (SIGTERM) while starting'), 'the stopping line', () => stderr);
      server.kill('SIGTERM');
      await waitFor(() => stderr.includes('still finishing its start-up (SIGTERM)'), 'the second signal heard', () => stderr);
      rmSync(slow.hold);
      expect(await exited, stderr).toEqual({ code: 0, signal: null });
    } finally {
      rmSync(slow.hold, { force: true });
      server.stdin.end();
    }
    expect(stderr).not.toContain('call under way');
  });
});
