import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { answerMalformedLines } from './malformed-lines.js';
import { answeringInvalidRequests } from './invalid-requests.js';
import { refuseDotSegmentsInResourceUris } from './resource-uris.js';
import { trackPendingRequests } from './pending-requests.js';
import { withToolErrorEnvelope } from './sdk-tool-errors.js';
import { withDistinctRequestIds } from './request-ids.js';
import { withPublishedOutputSchemas } from './outputs.js';
import { packageVersion } from '../version.js';
import { toolContext } from './context.js';
import { SERVED_COMMANDS } from '../serve/protocol.js';
import { serveWorkspace, type ServedWorkspace } from '../serve/server.js';
import { registerResources } from './resources.js';
import { registerReadTools } from './tools-read.js';
import { registerWriteTools } from './tools-write.js';
import { onStopSignals } from '../stop-signals.js';

const INSTRUCTIONS = [
  'threadwork keeps a go-to-market workspace of Markdown files in git: a strategy canvas, goals, and six-stage threads',
  '(1 input → 2 hypothesis → 3 implication → 4 decision → 5 actions → 6 learning) for every deal and campaign.',
  'Write stage files with write_stage (validated before anything is written; an error lists each field to fix), move a thread',
  'on with advance, and let sync derive everything else — meta.json status, assumption confidence, metrics, goal state —',
  'never write derived values yourself. Every write is committed to git with what it changed. Nothing is ever sent to a prospect.',
].join(' ');

/** The MCP server on the workspace containing `dir`: the tools and the resources. */
export async function createServer(dir: string): Promise<{ server: McpServer; root: string; served: ServedWorkspace | undefined; close: () => Promise<void> }> {
  const context = await toolContext(dir);
  const server = new McpServer({ name: 'threadwork', version: packageVersion() }, { instructions: INSTRUCTIONS });
  registerReadTools(server, context);
  registerWriteTools(server, context);
  registerResources(server, context);
  // The CLI's `check`, `sync`, `report`, `due`, `qualify` and its writes (SERVED_COMMANDS) are answered from the same warm workspace while the server runs (serve/server.ts).
  const served = await serveWorkspace(context.workspace);
  const close = async (): Promise<void> => {
    served?.close();
    await context.workspace.close();
  };
  return { server, root: context.root, served, close };
}

/**
 * Serves over stdio until the client closes the connection or a signal arrives; a tool
 * call under way finishes first (its lock is released by its own `finally`) and is answered. stdout
 * carries the protocol only; anything for a person goes to stderr.
 *
 * The signals are taken from the first line on, before the workspace is read: one that came
 * while the server was starting (reading a large workspace takes seconds, finishing an
 * interrupted write longer) killed it where it stood — exit status 143, whatever it was doing
 * cut off. It now lets the start-up finish, serves nothing, lets the workspace go and exits 0.
 */
export async function serveStdio(dir: string): Promise<void> {
  // The signal that asked the server to stop: from then on a new request is refused, not run.
  let stoppedBy: NodeJS.Signals | undefined;
  // What a signal does once the server is serving (set below); while it starts, the start-up only learns of it.
  let stopServing: (() => void) | undefined;
  onStopSignals(
    ['SIGINT', 'SIGTERM'],
    (signal) => {
      stoppedBy = signal;
      process.stderr.write(
        stopServing
          ? `threadwork mcp: stopping (${signal}): a call under way finishes first; new requests are refused\n`
          : `threadwork mcp: stopping (${signal}) while starting: the start-up finishes first, then it exits without serving\n`,
      );
      stopServing?.();
    },
    (signal) => {
      // While it starts there is no call under way: what is finishing is the start-up (reading the workspace, finishing an interrupted write).
      process.stderr.write(
        stopServing
          ? `threadwork mcp: still finishing the call under way (${signal}); once more stops at once, its write left for the next sync to finish\n`
          : `threadwork mcp: still finishing its start-up (${signal}); once more stops at once, an interrupted write it was finishing left for the next sync to finish\n`,
      );
    },
  );
  process.stderr.write(`threadwork mcp: starting on ${dir}\n`);
  const { server, root, served, close } = await createServer(dir);
  if (stoppedBy) {
    served?.close();
    await close().catch(() => undefined);
    process.stderr.write(`threadwork mcp: stopped (${stoppedBy}) before serving: nothing was served or written\n`);
    return;
  }
  // stdin's lines reach the transport through here: a request it would refuse, whose id can be read, is answered with that id.
  // Its refusals carry the id as read, for a request that never reached the transport: sent as they are (`wire`), not through the ids of requests under way.
  const input = answeringInvalidRequests(process.stdin, (refusal) => void wire(refusal).catch(() => undefined));
  const stdio = new StdioServerTransport(input);
  const wire = stdio.send.bind(stdio);
  // Each request told apart by an id of its own inside, a reused one included; on the wire, the client's (request-ids.ts).
  const transport = withPublishedOutputSchemas(withToolErrorEnvelope(withDistinctRequestIds(stdio)));
  const done = new Promise<'closed' | 'input-ended' | 'signal'>((resolve) => {
    server.server.onclose = () => resolve('closed');
    // The end of the lines the transport reads, which comes after its last line (stdin's own 'end' may come first).
    input.once('end', () => resolve('input-ended'));
    // A second signal no longer kills a tool call's write between its files and its commit.
    stopServing = () => {
      // The CLI's commands are not served from the signal on (serve/server.ts), not from once the server has connected.
      served?.close();
      resolve('signal');
    };
  });
  await server.connect(transport);
  answerMalformedLines(transport);
  refuseDotSegmentsInResourceUris(transport);
  const requests = trackPendingRequests(transport, () => stoppedBy && `threadwork mcp is shutting down (${stoppedBy}): this request was not run and nothing of it was written; reconnect and send it again`);
  process.stderr.write(`threadwork mcp: serving ${root} over stdio${served ? `; ${SERVED_COMMANDS} in this workspace are answered from here` : ''}\n`);
  // The client closed its side, or a signal asked us to stop: the calls it sent are still
  // answered before the transport closes — a call that finished after a Ctrl-C committed its
  // write while its answer was dropped, and the agent took the call for failed.
  const stopping = await done;
  // From here the CLI's commands are not served (serve/server.ts): one asked now runs itself, once the call under way is done.
  served?.close();
  if (stopping !== 'closed') await requests.drained();
  await server.close();
  // The transport stops reading the lines, not the stdin piped into them: after a signal, a
  // client (or the terminal) holding its end open kept the process alive.
  process.stdin.unpipe();
  process.stdin.pause();
  // What the warm workspace read and derived, kept for the next server or command.
  await close().catch(() => undefined);
}
