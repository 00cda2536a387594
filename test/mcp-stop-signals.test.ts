import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';
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
});
