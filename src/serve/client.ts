import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { today } from '../clock.js';
import type { ErrorCode } from '../diagnostics-catalog.js';
import { engineIdentity } from '../engine/cache.js';
import { ThreadworkError } from '../errors.js';
import { gitContext } from '../git/git.js';
import { lineReader, PROTOCOL, socketPath, type ServedCall, type ServedHello, type ServedReply, type ServedRequest } from './protocol.js';

/** How long a server has to say hello: a process that accepted the connection and does not run (stopped, stuck) is given up on. */
const HELLO_TIMEOUT_MS = 1000;

export interface ServedAnswer {
  value: unknown;
  /** The process that answered. */
  pid: number;
}

/**
 * Asks the process keeping this workspace warm, when one is listening (serve/server.ts),
 * to answer `call`; undefined when none is, or it declined or went away before answering —
 * the caller then runs the command itself, which is always safe: `check` writes nothing,
 * and a `sync` the server finished before it went away leaves the workspace at its fixed
 * point, where a second sync writes nothing. A write is asked only when the server says
 * hello: a server gone after that, without an answer, may have made it — the caller then
 * runs it, and meets it as made (the thread exists, the stage is open) as it would after
 * any write it did not see finish. A refusal of the command itself (a
 * ThreadworkError on the server) is thrown here as it would be thrown cold.
 * `THREADWORK_NO_SERVER=1` never asks.
 */
export async function askServer(root: string, call: ServedCall): Promise<ServedAnswer | undefined> {
  if (process.env.THREADWORK_NO_SERVER === '1') return undefined;
  const where = await socketPath(root).catch(() => undefined);
  // No socket, no connection attempt: what nearly every run finds.
  if (!where || !existsSync(where.path)) return undefined;
  const request: ServedRequest = { protocol: PROTOCOL, engine: engineIdentity(), root, today: today(), git: gitContext(), call };
  const outcome = await exchange(where.path, request);
  if (process.env.THREADWORK_TIMING === '1') process.stderr.write(`threadwork timing served ${call.op}: ${describe(outcome)}\n`);
  if (!outcome || 'declined' in outcome) return undefined;
  if ('error' in outcome) throw outcome.error;
  return outcome;
}

/** Whether a server answers on `path` (a live one holds the socket): its hello came in time. */
export async function helloFrom(path: string): Promise<boolean> {
  return (await exchange(path, undefined)) !== undefined;
}

type Exchanged = ServedAnswer | { pid: number; declined: string } | { error: ThreadworkError } | undefined;

/** One connection: the server's hello, then (with a request) the request and its answer. */
function exchange(path: string, request: ServedRequest | undefined): Promise<Exchanged> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    socket.setEncoding('utf8');
    let pid: number | undefined;
    let done = false;
    const finish = (outcome: Exchanged): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish(undefined), HELLO_TIMEOUT_MS);
    socket.on('error', () => finish(undefined));
    socket.on('close', () => finish(undefined));
    const read = lineReader((line) => {
      const message = parsed(line);
      if (pid === undefined) {
        const hello = message as Partial<ServedHello> | undefined;
        if (hello?.hello !== PROTOCOL || typeof hello.pid !== 'number') return finish(undefined);
        pid = hello.pid;
        if (!request) return finish({ value: undefined, pid });
        // Said hello: the call may take as long as it takes (a first sync of many threads).
        clearTimeout(timer);
        socket.write(`${JSON.stringify(request)}\n`);
        return;
      }
      const reply = message as ServedReply | undefined;
      if (reply?.ok === true) return finish({ value: reply.value, pid });
      if (reply && 'error' in reply) return finish({ error: new ThreadworkError(reply.error.message, reply.error.code as ErrorCode, reply.error.details) });
      finish(reply && 'declined' in reply ? { pid, declined: reply.declined } : undefined);
    });
    socket.on('data', (chunk: string) => void read(chunk));
  });
}

function describe(outcome: Exchanged): string {
  if (!outcome) return 'no server answered';
  if ('declined' in outcome) return `declined by process ${outcome.pid} (${outcome.declined})`;
  if ('error' in outcome) return `refused (${outcome.error.code})`;
  return `answered by process ${outcome.pid}`;
}

function parsed(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
