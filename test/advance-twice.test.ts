import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';
import { read, replaceInFile } from './helpers/testdir.js';

/*
 * An agent advances a thread, then advances again before writing the stage it opened. It was
 * told `stage-incomplete`, as if something it wrote fell short, and had to read the thread
 * again for the version write_stage takes. Now the second advance says the stage has not been
 * written yet (`stage-not-written`), names the file, and hands back what writing it needs: its
 * version and the assumption ids `tests` takes — through the CLI and MCP alike.
 */

const ASSUMPTIONS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'];

/** What read_thread calls a file's version: the first 16 hex digits of its bytes' SHA-256. */
function versionOf(dir: string, path: string): string {
  return createHash('sha256').update(read(dir, path)).digest('hex').slice(0, 16);
}

interface Refusal {
  ok: false;
  error: { code: string; message: string; path: string; stage: number; version: string; known?: string[]; missing: { field: string; line?: number }[] };
}

describe('advance twice in a row', () => {
  it('the CLI says the stage opened is not written yet, with its file, version and the ids it takes', { timeout: 60_000 }, async () => {
    const dir = exampleWorkspaceCopy();
    const opened = await runJson(['deal', 'new', 'Zeta Corp', '-s', 'mid-market-fintech', '--contact', 'Ann Lee', '--signal', 'Asked for a demo', '--dir', dir]);
    expect(opened.code, opened.stdout).toBe(0);
    // deal new hands back 1-input.md's version, as advance does the file it opens.
    expect(opened.json).toMatchObject({ version: versionOf(dir, 'threads/sales/zeta-corp/1-input.md') });
    const first = await runJson<{ ok: true; created: string; version: string }>(['advance', 'zeta-corp', '--dir', dir]);
    expect(first.code, first.stdout).toBe(0);
    const file = 'threads/sales/zeta-corp/2-hypothesis.md';
    expect(first.json).toMatchObject({ created: file, version: versionOf(dir, file) });

    const second = await runJson<Refusal>(['advance', 'zeta-corp', '--dir', dir]);
    expect(second.code).toBe(1);
    expect(second.json.error).toMatchObject({ code: 'stage-not-written', thread: 'threads/sales/zeta-corp', stage: 2, path: file, version: first.json.version, known: ASSUMPTIONS });
    expect(second.json.error.missing.map((m) => [m.field, m.line])).toEqual([
      ['tests', 3],
      ['initial_confidence', 5],
    ]);
    expect(second.json.error.message).toMatch(/^Cannot advance threads\/sales\/zeta-corp: 2-hypothesis\.md is as advance opened it — nothing is written in it yet/);
    expect(existsSync(join(dir, 'threads/sales/zeta-corp/3-implication.md'))).toBe(false);

    // Something written, something still missing: that is an incomplete stage, as before.
    replaceInFile(dir, file, 'tests: []', 'tests: [A1]');
    const third = await runJson<Refusal>(['advance', 'zeta-corp', '--dir', dir]);
    expect(third.json.error).toMatchObject({ code: 'stage-incomplete', stage: 2, path: file, version: versionOf(dir, file) });
    expect(third.json.error.known).toBeUndefined();
    expect(third.json.error.missing.map((m) => m.field)).toEqual(['initial_confidence']);
  });

  it('MCP answers the same, and write_stage takes the version the refusal gave', { timeout: 60_000 }, async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const created = (await mcp.ok<{ result: { path: string; version: string } }>('create_deal', { company: 'Zeta Corp', segment: 'mid-market-fintech', contact_name: 'Ann Lee', signal: 'Asked for a demo' })).result;
    const thread = created.path;
    expect(created.version).toBe(versionOf(dir, `${thread}/1-input.md`));
    const first = await mcp.ok<{ result: { created: string; version: string } }>('advance', { thread });
    expect(first.result.version).toBe(versionOf(dir, first.result.created));

    const second = await mcp.call<Refusal>('advance', { thread });
    expect(second.isError).toBe(true);
    expect(second.data.error).toMatchObject({ code: 'stage-not-written', stage: 2, path: first.result.created, version: first.result.version, known: ASSUMPTIONS });
    // In the tools' terms: the write_stage tool is the way to write it, not an aside "through MCP".
    expect(second.data.error.message).toContain(`Write its fields in ${first.result.created} (the \`write_stage\` tool, "stage": 2), first:`);
    expect(second.data.error.message).not.toContain('through MCP');
    // write_stage opening the stage after meets the same gate, and says the same.
    const skipping = await mcp.call<Refusal>('write_stage', { thread, stage: 3, front_matter: { arr_potential: 36000, strategic_value: 'high' } });
    expect(skipping.data.error).toMatchObject({ code: 'stage-not-written', stage: 2, path: first.result.created });

    const written = await mcp.ok<{ result: { version: string } }>('write_stage', { thread, stage: 2, front_matter: { tests: ['A1'], initial_confidence: 0.5 }, version: second.data.error.version });
    expect(written.result.version).toBe(versionOf(dir, first.result.created));
    const third = await mcp.ok<{ result: { created: string } }>('advance', { thread });
    expect(third.result.created).toBe(`${thread}/3-implication.md`);
  });
});
