import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, slowGit } from './helpers/git.js';
import { runJson } from './helpers/cli.js';
import { connectMcp } from './helpers/mcp.js';
import { SAME_GIT } from './helpers/serve.js';
import { waitFor } from './helpers/watch.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/*
 * `threadwork mcp` stops on SIGINT or SIGTERM (docs/mcp.md). Ctrl-C in the terminal running
 * it, or a client signalling it while holding its stdin open, left it running: the transport
 * stopped reading its lines, not the stdin piped into them.
 */
describe('threadwork mcp stopped by a signal', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('exits on %s while its client holds stdin open', async (signal) => {
    const mcp = await connectMcp(exampleWorkspaceCopy());
    expect((await mcp.ok<{ ok: boolean }>('check')).ok).toBe(true);
    process.kill(mcp.pid!, signal);
    await waitFor(() => !isRunning(mcp.pid!), 'the server to exit', () => mcp.stderr());
  });

  // The review: Ctrl-C while a write was under way let the write finish and commit, then closed the connection before its answer was sent: the agent saw its call fail and could not know it had been done.
  it('signalled while a write is under way, answers the call (its commit included) before it exits', async () => {
    const dir = exampleWorkspaceCopy();
    const slow = slowGit();
    const mcp = await connectMcp(dir, { PATH: slow.path });
    const call = mcp.call<{ commit: { committed: boolean; commit?: string } }>('create_deal', { company: 'Sigwell', segment: 'ecommerce-finance' });
    await waitFor(() => existsSync(slow.entered), 'the write to be committing', () => mcp.stderr());
    process.kill(mcp.pid!, 'SIGINT');
    await waitFor(() => mcp.stderr().includes('stopping (SIGINT): a call under way finishes first'), 'the stopping line', () => mcp.stderr());
    rmSync(slow.hold);
    const answer = await call;
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.data.commit).toMatchObject({ committed: true, commit: git(dir, 'rev-parse', 'HEAD').trim() });
    await waitFor(() => !isRunning(mcp.pid!), 'the server to exit', () => mcp.stderr());
  });

  /*
   * The review: a request sent after the signal (an agent's next write, already on its way)
   * waited for the call under way and then ran and committed, though the server had said it
   * was stopping — and it stayed up as long as requests kept coming. It is refused at once,
   * with a JSON-RPC error that says why, and nothing of it is written.
   */
  it('refuses a request that arrives after the signal, writing nothing of it, and exits once the call under way is answered', async () => {
    const dir = exampleWorkspaceCopy();
    const slow = slowGit();
    const mcp = await connectMcp(dir, { PATH: slow.path });
    const call = mcp.call<{ commit: { committed: boolean } }>('create_deal', { company: 'Sigwell', segment: 'ecommerce-finance' });
    await waitFor(() => existsSync(slow.entered), 'the write to be committing', () => mcp.stderr());
    process.kill(mcp.pid!, 'SIGTERM');
    await waitFor(() => mcp.stderr().includes('stopping (SIGTERM)'), 'the stopping line', () => mcp.stderr());
    const late = await mcp.call('create_deal', { company: 'Latecomer', segment: 'ecommerce-finance' }).then(
      () => undefined,
      (error: unknown) => error as { code?: number; message?: string },
    );
    expect(late?.code).toBe(-32000);
    expect(late?.message).toMatch(/shutting down \(SIGTERM\).*not run.*reconnect/);
    rmSync(slow.hold);
    expect((await call).data.commit.committed).toBe(true);
    await waitFor(() => !isRunning(mcp.pid!), 'the server to exit', () => mcp.stderr());
    expect(existsSync(join(dir, 'threads/sales/latecomer'))).toBe(false);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'log', '-1', '--format=%s')).toContain('threads/sales/sigwell');
  });

  /*
   * The CLI's commands this server answers (serve/) were still answered after the signal: a
   * `threadwork deal new` run beside a stopping server waited for the call under way, then was
   * made and committed by the server that had said it was stopping. From the signal on, the
   * server answers none: the CLI runs the command itself — a read at once, a write once the
   * call under way has let the workspace go.
   */
  it('after the signal, leaves the CLI to run its commands itself while the call under way finishes', async () => {
    const dir = exampleWorkspaceCopy();
    const slow = slowGit();
    const mcp = await connectMcp(dir, { PATH: slow.path });
    try {
      const call = mcp.call<{ commit: { committed: boolean } }>('create_deal', { company: 'Sigwell', segment: 'ecommerce-finance' });
      await waitFor(() => existsSync(slow.entered), 'the write to be committing', () => mcp.stderr());
      process.kill(mcp.pid!, 'SIGTERM');
      await waitFor(() => mcp.stderr().includes('stopping (SIGTERM)'), 'the stopping line', () => mcp.stderr());
      // A read answered while the call is still held: by the CLI itself, not queued behind the call on the stopping server.
      let checked: { code: number; json: { served?: unknown } } | undefined;
      void runJson<{ served?: unknown }>(['check'], { cwd: dir, env: SAME_GIT }).then((answer) => (checked = answer));
      await waitFor(() => checked !== undefined, 'the CLI check to answer while the call under way is held', () => mcp.stderr());
      expect(checked!.json.served).toBeUndefined();
      const opened = runJson<{ served?: unknown; commit: { committed: boolean } }>(['deal', 'new', 'Latecomer', '--segment', 'ecommerce-finance'], { cwd: dir, env: SAME_GIT });
      rmSync(slow.hold);
      expect((await call).data.commit.committed).toBe(true);
      const late = await opened;
      expect(late.code, late.stderr).toBe(0);
      expect(late.json.served).toBeUndefined();
      expect(late.json.commit.committed).toBe(true);
      await waitFor(() => !isRunning(mcp.pid!), 'the server to exit', () => mcp.stderr());
      expect(git(dir, 'log', '-2', '--format=%s')).toMatch(/threads\/sales\/latecomer[\s\S]*\n.*threads\/sales\/sigwell/);
      expect(git(dir, 'status', '--porcelain')).toBe('');
    } finally {
      rmSync(slow.hold, { force: true });
    }
  });

  /*
   * A second SIGINT (an impatient Ctrl-C, a client that signals twice) killed it at once: the
   * tool call's files written and not committed. The call under way still finishes; only a
   * third signal stops at once.
   */
  it('signalled twice while a write is under way, finishes the write and its commit, says so on stderr, and exits', async () => {
    const dir = exampleWorkspaceCopy();
    const slow = slowGit();
    const mcp = await connectMcp(dir, { PATH: slow.path });
    const call = mcp.call('create_deal', { company: 'Sigwell', segment: 'ecommerce-finance' }).catch(() => undefined);
    await waitFor(() => existsSync(slow.entered), 'the write to be committing', () => mcp.stderr());
    process.kill(mcp.pid!, 'SIGINT');
    await waitFor(() => mcp.stderr().includes('stopping (SIGINT): a call under way finishes first'), 'the stopping line', () => mcp.stderr());
    process.kill(mcp.pid!, 'SIGINT');
    await waitFor(() => mcp.stderr().includes('still finishing the call under way (SIGINT)'), 'the line saying it is still finishing', () => mcp.stderr());
    rmSync(slow.hold);
    await waitFor(() => !isRunning(mcp.pid!), 'the server to exit', () => mcp.stderr());
    await call;
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'log', '-1', '--format=%s')).toContain('threads/sales/sigwell');
  });
});
