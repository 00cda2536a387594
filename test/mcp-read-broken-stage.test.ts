import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

interface StageAnswer {
  stage: number;
  exists: boolean;
  frontMatter: Record<string, unknown> | null;
  unreadFrontMatter: string | null;
  body: string | null;
  diagnostics: { line: number; column: number; severity: string; rule: string }[];
}

const THREAD = 'threads/sales/fernway-home';
const FILE = `${THREAD}/1-input.md`;

/**
 * A person half-saves a stage file that was valid: its front matter grows a line whose quote
 * is never closed. The file is held at its last valid version, and read_thread cut the body
 * out of the text on disk at where the held version's front matter ended: the agent was given
 * the person's front matter lines as the start of the body — which it may send back as `body`.
 */
describe('read_thread on a stage whose front matter a person left unreadable', () => {
  it('gives the body after the file\'s own closing --- line, not at the held version\'s offset', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const valid = readFileSync(join(dir, FILE), 'utf8');
    const [, frontMatter, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(valid)!;
    // Read once valid, so the warm server holds this version.
    expect((await mcp.ok<{ stages: StageAnswer[] }>('read_thread', { thread: THREAD })).stages[0]!.body).toBe(body);

    const broken = `${frontMatter!.replace(/\n---\n$/, '\nnotes: "a pilot with three ACH files, Ana says go [unclosed\nowner: bob\n---\n')}${body!}`;
    writeFileSync(join(dir, FILE), broken);

    const stage = (await mcp.ok<{ stages: StageAnswer[] }>('read_thread', { thread: THREAD })).stages[0]!;
    expect(stage.exists).toBe(true);
    expect(stage.frontMatter).toBeNull();
    expect(stage.body).toBe(body);
  });
});

/**
 * The same half-saved file read by an agent asked to repair it: read_thread gave
 * `frontMatter: null` and the body, and write_stage refuses such a file — the agent could see
 * neither what was written nor where the error stood in it, so it could not repair it. The
 * block is given as written, and the errors' lines and columns point into it.
 */
describe('read_thread on a stage whose front matter does not parse', () => {
  it('gives the block as written, with each error at its line and column in it', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const valid = readFileSync(join(dir, FILE), 'utf8');
    const [, frontMatter, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(valid)!;
    const block = frontMatter!.replace(/\n---\n$/, '\nnotes: "a pilot with three ACH files [unclosed\nowner: bob\n---\n');
    writeFileSync(join(dir, FILE), `${block}${body!}`);

    const stage = (await mcp.ok<{ stages: StageAnswer[] }>('read_thread', { thread: THREAD })).stages[0]!;
    expect(stage.frontMatter).toBeNull();
    expect(stage.unreadFrontMatter).toBe(block);
    const error = stage.diagnostics.find((d) => d.severity === 'error')!;
    expect(error).toMatchObject({ rule: 'yaml-syntax' });
    // The error's line is one of the block's, the lines given: the agent finds it there.
    expect(error.line).toBeLessThanOrEqual(block.split('\n').length - 1);
    expect(block.split('\n')[error.line - 1]).toMatch(/notes: "a pilot|owner: bob|---/);
    // A stage that parses has none.
    expect((await mcp.ok<{ stages: StageAnswer[] }>('read_thread', { thread: THREAD })).stages[1]!.unreadFrontMatter).toBeNull();
  });
});
