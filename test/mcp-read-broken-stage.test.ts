import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

interface StageAnswer {
  stage: number;
  exists: boolean;
  frontMatter: Record<string, unknown> | null;
  body: string | null;
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
