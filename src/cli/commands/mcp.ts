import { keepHeapTightOnceLoaded } from '../../long-lived-heap.js';
import { serveStdio } from '../../mcp/server.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

/** `threadwork mcp`: serves until the client disconnects; prints nothing on stdout but the protocol. */
export async function mcpCommand(options: GlobalOptions): Promise<CommandOutcome> {
  keepHeapTightOnceLoaded();
  await serveStdio(options.dir);
  return { json: undefined, text: '', exitCode: 0 };
}
