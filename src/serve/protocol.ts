import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { NewCampaignOptions, NewDealOptions } from '../threads/create.js';
import { checkoutDir } from '../workspace/checkout-dir.js';

/**
 * The CLI's questions to a process that keeps the workspace warm (the MCP server: see
 * server.ts), and the answers. One connection carries one call, as lines of JSON: the
 * server says hello at once (a process that accepted the connection but does not run —
 * stopped, or stuck — is given up on within a second), the client sends its request, the
 * server answers and closes.
 *
 * A call is answered only by a server that would answer it exactly as the CLI would cold:
 * the same engine (its identity: version and the hash of its files), the same workspace
 * folder, the same day (`THREADWORK_TODAY`, and the day itself, are part of what a check
 * and a sync decide), and the same git environment (who commits, which config and which
 * repository git reads: a served write commits as the server's process would). Anything
 * else is declined, and the CLI runs the command itself.
 */
export const PROTOCOL = 2;

/**
 * The calls a server answers: the commands a person or an agent runs again and again,
 * each of which reads or syncs every thread — `check`, `sync`, the reports, `due`, `qualify`, the
 * writes that open a thread or advance one, and a campaign's outreach writes (drafts,
 * their approval, a reply), each followed by the sync of what it moved.
 * A thread or a draft is named as the workspace reads it (a bare id, or a path from its
 * top): never relative to the asking process's folder.
 */
export type ServedCall =
  | { op: 'check' }
  | { op: 'sync'; dryRun: boolean; commit: boolean }
  | { op: 'report'; name: string }
  | { op: 'due'; date?: string | undefined }
  | { op: 'qualify'; thread: string }
  | { op: 'createDeal'; options: NewDealOptions; commit: boolean }
  | { op: 'createCampaign'; options: NewCampaignOptions; commit: boolean }
  | { op: 'advance'; thread: string; commit: boolean }
  | { op: 'draftCampaign'; campaign: string; force: boolean; commit: boolean }
  | { op: 'approveDrafts'; drafts: string[]; commit: boolean }
  | { op: 'recordReply'; campaign: string; email: string; text: string; date?: string | undefined; commit: boolean };

/** The CLI commands a server answers, as the watcher and the MCP server say when they start. */
export const SERVED_COMMANDS = '`threadwork check`, `sync`, `report`, `due`, `qualify`, `deal new`, `campaign new`, `advance`, `campaign draft`, `campaign approve` and `campaign reply`';

export interface ServedRequest {
  protocol: number;
  engine: string;
  root: string;
  today: string;
  /** The asking process's git environment (gitContext in git/git.ts). */
  git: Record<string, string>;
  call: ServedCall;
}

export interface ServedHello {
  hello: number;
  pid: number;
}

/** What the call returned; or the ThreadworkError it threw (the CLI reports it as its own); or why the server declined it. */
export type ServedReply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } } | { ok: false; declined: string };

/**
 * A Unix socket's path is at most 104 bytes on macOS (108 on Linux, the terminating NUL
 * included): a workspace whose git directory lies deeper is not served.
 */
const SOCKET_PATH_MAX = 103;

/**
 * Where the server of the workspace at `root` listens: in the checkout's git directory
 * (each worktree has its own warm state), in a folder only its owner can enter — a socket
 * is reached through its folder's permissions — and named by the workspace's folder inside
 * the checkout, so two workspaces in one repository have a server each. Undefined where a
 * Unix socket cannot be used: on Windows, or when the path would be too long.
 */
export async function socketPath(root: string): Promise<{ dir: string; path: string } | undefined> {
  if (process.platform === 'win32') return undefined;
  const { dir, workspace } = await checkoutDir(root);
  const folder = join(dir, 'threadwork-serve');
  const path = join(folder, `${createHash('sha1').update(workspace).digest('hex').slice(0, 12)}.sock`);
  return Buffer.byteLength(path) <= SOCKET_PATH_MAX ? { dir: folder, path } : undefined;
}

/**
 * Splits a stream of text into lines, handing each complete one to `line`; false once
 * more than `max` characters came without an end of line (a peer that is not one of ours).
 * The chunks are text: the socket decodes them (`setEncoding`), so a character split
 * between two chunks is joined, never mangled.
 */
export function lineReader(line: (text: string) => void, max = Number.POSITIVE_INFINITY): (chunk: string) => boolean {
  let pending = '';
  return (chunk) => {
    pending += chunk;
    if (pending.length > max && !pending.includes('\n')) return false;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const text = pending.slice(0, end);
      pending = pending.slice(end + 1);
      line(text);
    }
    return true;
  };
}
