import { chmodSync, lstatSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { Workspace } from '../api.js';
import { today } from '../clock.js';
import { makeFolders } from '../workspace/make-folders.js';
import { engineIdentity } from '../engine/cache.js';
import { ThreadworkError } from '../errors.js';
import { gitContext } from '../git/git.js';
import { assertReportName } from '../report/build.js';
import { helloFrom } from './client.js';
import type { NewCampaignOptions, NewDealOptions } from '../threads/create.js';
import { lineReader, PROTOCOL, socketPath, type ServedCall, type ServedHello, type ServedReply, type ServedRequest } from './protocol.js';

/**
 * A request is a few hundred bytes (a reply's text, a few KB): a peer sending more without
 * an end of line is not a client of ours — and a CLI with a reply longer than this may be
 * left to record it itself, its connection closed unanswered.
 */
const REQUEST_MAX = 64 * 1024;

export interface ServedWorkspace {
  /** The socket the server listens on. */
  readonly path: string;
  /** How many calls it answered (declined ones not counted). */
  readonly answered: number;
  /**
   * Stops listening and removes the socket; calls under way finish. A call whose request
   * arrives after, on a connection accepted before, is declined — never run by a process
   * that is stopping (the CLI then runs it itself, once the call under way has released the
   * workspace). Closing again does nothing.
   */
  close(): void;
}

export type ServableWorkspace = Pick<Workspace, 'root' | 'check' | 'sync' | 'report' | 'due' | 'qualify' | 'createDeal' | 'createCampaign' | 'advance' | 'draftCampaign' | 'approveDrafts' | 'recordReply'>;

export interface ServeOptions {
  /** Called with each call answered (not declined), after its answer went out: a watcher reports the writes it made. */
  onAnswered?: (call: ServedCall, value: unknown) => void;
  /**
   * Called when a CLI of another engine (another version, build or checkout) asked and was
   * declined: the CLI a person runs after an upgrade is the first to meet a server still
   * running the old one (a watcher then asks whether its own files were replaced).
   */
  onAskedByAnotherEngine?: () => void;
}

/**
 * Answers the CLI's `check`, `sync`, `report`, `due`, `qualify`, `deal new`, `campaign new`,
 * `advance`, `campaign draft`, `campaign approve` and `campaign reply` from a workspace
 * kept warm by this process (the MCP server's or a watcher's),
 * so that a command run while it runs costs what changed since its last call, not a load
 * of every file: at 10,000 deals, `threadwork sync` after one edit in a fresh process
 * takes about 2 s, most of it finding out what changed and loading what did not — and so
 * does every write, which syncs what it moved.
 * Each call goes through the same API the process's own calls do (one warm state, calls in
 * turn, each under the workspace lock: engine/session.ts), so it is answered exactly as the
 * CLI would answer it cold. The CLI asks only when a server is listening (serve/client.ts),
 * and runs the command itself when none answers.
 *
 * Listens on a Unix socket in the checkout's git directory (protocol.ts says where). A
 * socket left by a process that died is replaced; one a live server holds is left to it,
 * and this process serves nothing (undefined). The server never keeps the process alive.
 */
export async function serveWorkspace(workspace: ServableWorkspace, options: ServeOptions = {}): Promise<ServedWorkspace | undefined> {
  const where = await socketPath(workspace.root).catch(() => undefined);
  if (!where) return undefined;
  try {
    makeFolders(where.dir, 0o700);
    // A folder made by hand with wider permissions is narrowed: only its owner may reach the socket.
    if ((lstatSync(where.dir).mode & 0o077) !== 0) chmodSync(where.dir, 0o700);
  } catch {
    return undefined; // a read-only git directory: nothing served, the CLI runs cold
  }
  const root = realFolder(workspace.root);
  let answered = 0;
  let closed = false;
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.on('error', () => undefined); // a client gone mid-answer: its call still runs to its end
    const hello: ServedHello = { hello: PROTOCOL, pid: process.pid };
    socket.write(`${JSON.stringify(hello)}\n`);
    let asked = false;
    const read = lineReader((line) => {
      if (asked) return;
      asked = true;
      void answer(line).then(({ reply, call }) => {
        if ('value' in reply) answered += 1;
        socket.end(`${JSON.stringify(reply)}\n`);
        if ('value' in reply && call) options.onAnswered?.(call, reply.value);
      });
    }, REQUEST_MAX);
    socket.on('data', (chunk: string) => {
      if (!read(chunk)) socket.destroy();
    });
  });

  const answer = async (line: string): Promise<{ reply: ServedReply; call?: ServedCall }> => {
    // A signal stopped this process: a write asked after it was run and committed by a process that had said it was stopping.
    if (closed) return { reply: { ok: false, declined: 'this process is stopping: the call was not run' } };
    let request: Partial<ServedRequest>;
    try {
      request = JSON.parse(line) as Partial<ServedRequest>;
    } catch {
      return { reply: { ok: false, declined: 'not a request' } };
    }
    const declined = declineReason(request, root);
    if (declined && (request.protocol !== PROTOCOL || request.engine !== engineIdentity())) options.onAskedByAnotherEngine?.();
    if (declined) return { reply: { ok: false, declined } };
    const call = request.call as ServedCall;
    try {
      const value = await callOn(workspace, call);
      return value === undefined ? { reply: { ok: false, declined: `no call ${String((call as { op?: unknown } | undefined)?.op)}` } } : { reply: { ok: true, value }, call };
    } catch (error) {
      // The command's own refusal (a lock held too long, a journal it cannot finish, a thread that exists) is the CLI's to report;
      // anything else, the CLI meets itself running cold — reported as it reports it.
      if (error instanceof ThreadworkError) return { reply: { ok: false, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } } };
      return { reply: { ok: false, declined: `failed: ${error instanceof Error ? error.message : String(error)}` } };
    }
  };

  if (!(await listen(server, where.path))) return undefined;
  server.unref();
  const inode = inodeOf(where.path);
  return {
    path: where.path,
    get answered() {
      return answered;
    },
    close: () => {
      if (closed) return;
      closed = true;
      server.close();
      // Removed only while it is still this server's (a later server may have replaced a socket it found dead).
      if (inode !== undefined && inodeOf(where.path) === inode) rmSync(where.path, { force: true });
    },
  };
}

/** Why this server would not answer `request` exactly as the asking CLI would cold; undefined when it would. */
function declineReason(request: Partial<ServedRequest>, root: string): string | undefined {
  if (request.protocol !== PROTOCOL) return `protocol ${String(request.protocol)}, this server speaks ${PROTOCOL}`;
  if (request.engine !== engineIdentity()) return `engine ${String(request.engine)}, this server runs ${engineIdentity()}`;
  if (typeof request.root !== 'string' || realFolder(request.root) !== root) return `workspace ${String(request.root)}, this server keeps ${root}`;
  if (request.today !== today()) return `today is ${String(request.today)} there, ${today()} here`;
  const differing = differingKeys(request.git ?? {}, gitContext());
  // Named, not shown: the values are the person's identity and paths.
  if (differing.length > 0) return `another git environment there (${differing.join(', ')}): a commit made here would not be the one made there`;
  return undefined;
}

function differingKeys(theirs: Record<string, string>, ours: Record<string, string>): string[] {
  return [...new Set([...Object.keys(theirs), ...Object.keys(ours)])].filter((key) => theirs[key] !== ours[key]).sort();
}

/** Runs the call on the warm workspace; undefined for a call this server does not know. */
async function callOn(workspace: ServableWorkspace, call: ServedCall | undefined): Promise<unknown> {
  const asked = call as Partial<Record<string, unknown>> | undefined;
  const commit = asked?.commit !== false;
  switch (asked?.op) {
    case 'check':
      return workspace.check();
    case 'sync':
      return workspace.sync({ dryRun: asked.dryRun === true, commit });
    case 'report':
      return workspace.report(assertReportName(String(asked.name)));
    case 'due':
      return workspace.due(typeof asked.date === 'string' ? asked.date : undefined);
    case 'qualify':
      return workspace.qualify(String(asked.thread));
    case 'createDeal':
      return workspace.createDeal(asked.options as NewDealOptions, { commit });
    case 'createCampaign':
      return workspace.createCampaign(asked.options as NewCampaignOptions, { commit });
    case 'advance':
      return workspace.advance(String(asked.thread), { commit });
    case 'draftCampaign':
      return workspace.draftCampaign(String(asked.campaign), { force: asked.force === true, commit });
    case 'approveDrafts':
      return workspace.approveDrafts(Array.isArray(asked.drafts) ? asked.drafts.map(String) : [], { commit });
    case 'recordReply':
      return workspace.recordReply(String(asked.campaign), String(asked.email), String(asked.text), typeof asked.date === 'string' ? asked.date : undefined, { commit });
    default:
      return undefined;
  }
}

/**
 * Listens on `path`, replacing a socket no process answers on (its server was killed);
 * false when a live server holds it, or the socket cannot be made.
 */
async function listen(server: Server, path: string): Promise<boolean> {
  const attempt = (): Promise<NodeJS.ErrnoException | undefined> =>
    new Promise((resolve) => {
      const failed = (error: NodeJS.ErrnoException): void => resolve(error);
      server.once('error', failed);
      server.listen(path, () => {
        server.off('error', failed);
        resolve(undefined);
      });
    });
  let error = await attempt();
  if (error?.code === 'EADDRINUSE') {
    if (await helloFrom(path)) return false;
    rmSync(path, { force: true });
    error = await attempt();
  }
  return error === undefined;
}

function inodeOf(path: string): number | undefined {
  try {
    return lstatSync(path).ino;
  } catch {
    return undefined;
  }
}

function realFolder(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
