import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

/** The example's 04-segments.md with its first segment's name made invalid YAML (an unclosed flow sequence). */
function breakSegments(dir: string): void {
  const file = join(dir, 'strategy/canvas/04-segments.md');
  const text = readFileSync(file, 'utf8');
  const broken = text.replace(/^(\s+name: )(\S)/m, '$1[$2');
  expect(broken).not.toBe(text);
  writeFileSync(file, broken);
}

/*
 * The third new-user review (an agent developer's): what an agent is told when the input of a
 * command is in error.
 */
describe('strategy with its own input in error', () => {
  it('exits 1 with ok false when 04-segments.md does not parse — the error is the sync’s', async () => {
    const dir = exampleWorkspaceCopy();
    breakSegments(dir);
    const { code, json } = await runJson<{ ok: boolean; diagnostics: unknown[]; sync: { diagnostics: { path: string; severity: string; line: number }[] } }>(['strategy'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect(json.sync.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ path: 'strategy/canvas/04-segments.md' });
  });

  it('answers generate_strategy with ok false in the MCP server alike', async () => {
    const dir = exampleWorkspaceCopy();
    breakSegments(dir);
    const mcp = await connectMcp(dir);
    const answer = await mcp.call<{ ok: boolean }>('generate_strategy', {});
    expect(answer.data.ok).toBe(false);
  });
});

describe('not-text in a file with front matter', () => {
  it('check reports a control character in the body after valid front matter, at its line and column, and holds the file', async () => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, 'threads/sales/oakline-outfitters/2-hypothesis.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}Pasted from a terminal: \u001b[31mred\u001b[0m\n`);
    const lines = text.split('\n').length;
    const { code, json } = await runJson<{ diagnostics: { path: string; rule: string; line: number; column: number; severity: string }[] }>(['check', '--no-cache'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.diagnostics.find((d) => d.rule === 'not-text')).toMatchObject({ path: 'threads/sales/oakline-outfitters/2-hypothesis.md', severity: 'error', line: lines, column: 25 });
  });

  it('write_stage refuses a body holding a NUL and writes nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const before = readFileSync(join(dir, 'threads/sales/oakline-outfitters/2-hypothesis.md'), 'utf8');
    const mcp = await connectMcp(dir);
    const answer = await mcp.call<{ ok: boolean; error: { diagnostics: { rule: string }[] } }>('write_stage', { thread: 'threads/sales/oakline-outfitters', stage: 2, front_matter: { tests: ['A1'], initial_confidence: 0.5 }, body: '\u0000bin' });
    expect(answer.isError).toBe(true);
    expect(answer.data.error.diagnostics.map((d) => d.rule)).toContain('not-text');
    expect(readFileSync(join(dir, 'threads/sales/oakline-outfitters/2-hypothesis.md'), 'utf8')).toBe(before);
  });
});

describe('a deal closed without its date', () => {
  it('check warns closed-without-date at the `closed` key: the deal is left out of the cycle figures', async () => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    const text = readFileSync(file, 'utf8');
    const undated = text.replace(/^closed: \d{4}-\d{2}-\d{2}$/m, 'closed: null');
    expect(undated).not.toBe(text);
    writeFileSync(file, undated);
    const line = undated.split('\n').findIndex((l) => l.startsWith('closed:')) + 1;
    const { json } = await runJson<{ diagnostics: { path: string; rule: string; line: number; severity: string; message: string }[] }>(['check', '--no-cache'], { cwd: dir });
    const warning = json.diagnostics.find((d) => d.rule === 'closed-without-date');
    expect(warning).toMatchObject({ path: 'threads/sales/harbor-lending/6-learning.md', severity: 'warning', line });
    expect(warning!.message).toContain('left out of the average and median cycle');
  });
});
