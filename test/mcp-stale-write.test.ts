import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

interface StageAnswer {
  stage: number;
  version: string | null;
  frontMatter: Record<string, unknown> & { company: Record<string, unknown> };
}

const THREAD = 'threads/sales/fernway-home';
const FILE = `${THREAD}/1-input.md`;

/**
 * An agent reads a stage, a person edits the file, the agent writes the front matter it read
 * with its one change: the write replaced the whole front matter, and the person's edit was
 * gone without a word. The `version` read_thread gives each stage, sent back with the write,
 * makes that write refused (`stage-changed`) with nothing written, the file's version now to
 * read again from.
 */
describe('write_stage on a stage changed since it was read', () => {
  it('is refused when given the version read, keeping the edit made since; the version of the file now writes', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const read = async (): Promise<StageAnswer> => (await mcp.ok<{ stages: StageAnswer[] }>('read_thread', { thread: THREAD })).stages[0]!;
    const first = await read();
    expect(first.version).toMatch(/^[0-9a-f]{16,}$/);

    // A person's edit, after the agent read the stage.
    const edited = readFileSync(join(dir, FILE), 'utf8').replace(/^signal: .*$/m, 'signal: Asked for a pilot at the trade show');
    writeFileSync(join(dir, FILE), edited);
    const commits = commitCount(dir);

    const stale = await mcp.call<{ ok: false; error: Record<string, unknown> }>('write_stage', { thread: THREAD, stage: 1, version: first.version, front_matter: { ...first.frontMatter, company: { ...first.frontMatter.company, industry: 'retail' } } });
    expect(stale.isError).toBe(true);
    expect(stale.data.error).toMatchObject({ code: 'stage-changed', path: FILE, expected: first.version, version: expect.stringMatching(/^[0-9a-f]{16,}$/) });
    expect(stale.data.error.version).not.toBe(first.version);
    expect(stale.data.error.message).toContain('read_thread');
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(edited);
    expect(commitCount(dir)).toBe(commits);

    const again = await read();
    expect(again.version).toBe(stale.data.error.version);
    expect(again.frontMatter.signal).toBe('Asked for a pilot at the trade show');
    const written = await mcp.ok<{ result: { written: boolean; version: string } }>('write_stage', { thread: THREAD, stage: 1, version: again.version, front_matter: { ...again.frontMatter, company: { ...again.frontMatter.company, industry: 'retail' } } });
    expect(written.result.written).toBe(true);
    // The version of the file as written: the next write chains on it without reading again.
    expect(written.result.version).toBe((await read()).version);
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain('signal: Asked for a pilot at the trade show');
  });
});
