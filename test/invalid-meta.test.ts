import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

/**
 * A write into a thread whose meta.json is broken refuses with `invalid-meta`. `advance`
 * listed the errors only inside its message, with no `diagnostics` in its `--json` error
 * (as `stage-invalid` and `thread-in-error` have), and MCP `write_stage` into a thread whose
 * meta.json was never valid said only "missing or invalid (run `threadwork check`)": an agent
 * could not tell which line to fix. Both now
 * carry the thread, the file and each error at its line and column.
 */

const THREAD = 'threads/sales/cobalt-remit';
const BROKEN = '{\n  "id": "cobalt-remit",\n  "type": "sales-deal"\n  "title": "Cobalt Remit"\n}\n';

interface InvalidMeta {
  ok: false;
  error: { code: string; message: string; thread: string; path: string; diagnostics: Diagnostic[] };
}

const where = (d: Diagnostic): string => `${d.path}:${d.line}:${d.column} ${d.rule}`;

describe('a write into a thread whose meta.json is broken', () => {
  it('advance --json lists the errors in `diagnostics`, with the thread and the file', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, THREAD, 'meta.json'), BROKEN);
    const { code, json } = await runJson<InvalidMeta>(['advance', THREAD], { cwd: dir });
    expect(code).toBe(1);
    expect(json.error.code).toBe('invalid-meta');
    expect(json.error.thread).toBe(THREAD);
    expect(json.error.path).toBe(`${THREAD}/meta.json`);
    expect(json.error.diagnostics.map(where)).toEqual([`${THREAD}/meta.json:3:23 json-syntax`]);
  });

  it('MCP write_stage into a thread whose meta.json was never valid names the file, the line and the rule', async () => {
    const dir = exampleWorkspaceCopy();
    const fresh = 'threads/sales/tidepool';
    mkdirSync(join(dir, fresh));
    writeFileSync(join(dir, fresh, 'meta.json'), BROKEN.replace('cobalt-remit', 'tidepool'));
    writeFileSync(join(dir, fresh, '1-input.md'), '---\nsource: inbound\n---\n');
    const mcp = await connectMcp(dir, gitEnv());
    const answer = await mcp.call<InvalidMeta>('write_stage', { thread: 'tidepool', stage: 2, front_matter: { tests: ['A1'] } });
    expect(answer.isError).toBe(true);
    expect(answer.data.error.code).toBe('invalid-meta');
    expect(answer.data.error.message).toContain(`${fresh}/meta.json:3:23 error`);
    expect(answer.data.error.diagnostics.map(where)).toEqual([`${fresh}/meta.json:3:23 json-syntax`]);
  });

  it('MCP write_stage into a thread whose meta.json is valid in HEAD and broken on disk answers as advance does: invalid-meta', async () => {
    // Derivation holds the committed meta.json, so write_stage found a meta and the write was refused
    // later as `thread-in-error` ("Refused to write into …"), while advance said `invalid-meta`.
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, THREAD, 'meta.json'), BROKEN);
    const mcp = await connectMcp(dir, gitEnv());
    const write = await mcp.call<InvalidMeta>('write_stage', { thread: 'cobalt-remit', stage: 2, front_matter: { tests: ['A1'] } });
    const advance = await runJson<InvalidMeta>(['advance', THREAD], { cwd: dir });
    expect(write.isError).toBe(true);
    expect(write.data.error.code).toBe('invalid-meta');
    expect(write.data.error.code).toBe(advance.json.error.code);
    expect(write.data.error.message).toBe(`Cannot write to ${THREAD}: its meta.json is not valid:\n${advance.json.error.message.split('\n').slice(1).join('\n')}`);
    expect(write.data.error.thread).toBe(THREAD);
    expect(write.data.error.path).toBe(`${THREAD}/meta.json`);
    expect(write.data.error.diagnostics.map(where)).toEqual([`${THREAD}/meta.json:3:23 json-syntax`]);
  });
});
