import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { BIN } from './cli.js';
import { atEveryFileEnd } from './file-end.js';
import { gitEnv } from './git.js';

export interface ToolAnswer<T> {
  isError: boolean;
  data: T;
  text: string;
}

export interface McpSession {
  client: Client;
  /** The server's process id. */
  pid: number | null;
  /** What the server wrote on stderr so far (stdout is the protocol). */
  stderr(): string;
  call<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<ToolAnswer<T>>;
  /** The text of a resource. */
  resource(uri: string): Promise<string>;
  /** Calls a tool that must succeed; throws with its message otherwise. */
  ok<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
}

const open: Client[] = [];
atEveryFileEnd(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

/** Spawns the real `threadwork mcp --dir <dir>` and connects the SDK's own client to it over stdio; `runAs` prefixes the command (another user), `bin` is another installed copy's CLI. */
export async function connectMcp(dir: string, env: Record<string, string> = {}, options: { runAs?: readonly string[]; bin?: string } = {}): Promise<McpSession> {
  // runAs: a command the server runs under (`setpriv --reuid=…`), as another user.
  const [command, ...prefix] = [...(options.runAs ?? []), process.execPath];
  const transport = new StdioClientTransport({ command: command!, args: [...prefix, options.bin ?? BIN, 'mcp', '--dir', dir], env: { ...gitEnv(), NO_COLOR: '1', ...env }, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'threadwork-test', version: '1.0.0' });
  await client.connect(transport);
  open.push(client);
  const call = async <T>(name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer<T>> => {
    const result = await client.callTool({ name, arguments: args });
    const content = result.content as { type: string; text?: string }[];
    return { isError: result.isError === true, data: result.structuredContent as T, text: content.map((c) => c.text ?? '').join('\n') };
  };
  return {
    client,
    pid: transport.pid,
    stderr: () => stderr,
    call,
    resource: async (uri) => {
      const content = (await client.readResource({ uri })).contents[0];
      if (!content || !('text' in content)) throw new Error(`${uri}: no text content`);
      return content.text;
    },
    ok: async <T>(name: string, args: Record<string, unknown> = {}): Promise<T> => {
      const answer = await call<T>(name, args);
      if (answer.isError) throw new Error(`${name} failed: ${answer.text}\nserver stderr:\n${stderr}`);
      return answer.data;
    },
  };
}
