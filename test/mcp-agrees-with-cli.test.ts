import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';
import { writeFiles } from './helpers/testdir.js';

interface ErrorEnvelope {
  ok: false;
  error: { code: string; message: string; path?: string; [detail: string]: unknown };
}

/**
 * The MCP server is the API with a protocol around it (docs/mcp.md): given the same input,
 * a tool answers what its command prints with --json — the same error code, the same
 * message, the same details.
 */
describe('an MCP tool and its CLI command, given the same input', () => {
  it('name an account or contact list that cannot be read as it was given, relative to the workspace, never by its absolute path', async () => {
    const dir = exampleWorkspace();
    mkdirSync(join(dir, 'research/lists'), { recursive: true });
    writeFiles(dir, { 'research/lists/bad.json': '[\n  {"name": "A",}\n]\n', 'research/lists/book.xlsx': 'PK\u0003\u0004\u0000\u0000' });
    const mcp = await connectMcp(dir);
    for (const file of ['research/lists/bad.json', 'research/lists/book.xlsx', 'research/lists/nope.csv', 'research/lists']) {
      for (const [tool, flag] of [['score_accounts', []], ['score_contacts', ['--contacts']]] as const) {
        const cli = await runJson<ErrorEnvelope>(['score', ...flag, file, '-s', 'mid-market-fintech'], { cwd: dir });
        const answer = await mcp.call<ErrorEnvelope>(tool, { segment: 'mid-market-fintech', file });
        expect(cli.code, `${file}: ${cli.stdout}`).toBe(1);
        expect(answer.isError, file).toBe(true);
        expect(answer.data.error.path, `${tool} ${file}`).toBe(file);
        expect(answer.data.error.message, `${tool} ${file}`).toContain(` ${file}`);
        expect(answer.text, `${tool} ${file}`).not.toContain(dir);
        expect(answer.data, `${tool} ${file}`).toEqual(cli.json);
      }
    }
  });
});
