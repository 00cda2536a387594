import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

const THREAD = 'threads/sales/fernway-home';
const FILE = `${THREAD}/1-input.md`;

/**
 * An agent that sends write_stage only the fields it means to change — what any PATCH-like
 * API leads it to do — erased every other field of the stage, the comments the user wrote
 * above them included. The fields given are merged onto the file; a field goes only when
 * the agent names it in `remove`.
 */
describe('write_stage through a real MCP client', () => {
  it('changes only the fields sent: every other line the user wrote stays as written', async () => {
    const dir = exampleWorkspaceCopy();
    const before = readFileSync(join(dir, FILE), 'utf8');
    const mcp = await connectMcp(dir);
    const written = await mcp.ok<{ result: { written: boolean; removed: unknown[] } }>('write_stage', { thread: THREAD, stage: 1, front_matter: { company: { industry: 'home goods retail' } } });
    expect(written.result).toMatchObject({ written: true, removed: [] });
    const after = readFileSync(join(dir, FILE), 'utf8');
    // Only the industry line differs; the line count and every other line are the user's.
    const [old, now] = [before.split('\n'), after.split('\n')];
    const changed = now.filter((line, i) => line !== old[i]);
    expect(changed, after).toEqual([expect.stringMatching(/^ {2}industry: home goods retail$/)]);
    expect(now).toHaveLength(old.length);
  });

  it('removes a field named in `remove`, and refuses one the file does not hold with the fields it does', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const commits = commitCount(dir);
    const typo = await mcp.call<{ ok: false; error: { code: string; field: string; known: string[]; path: string; message: string } }>('write_stage', { thread: THREAD, stage: 1, front_matter: {}, remove: ['company.industy'] });
    expect(typo.isError).toBe(true);
    expect(typo.data.error).toMatchObject({ code: 'unknown-field', field: 'company.industy', path: FILE });
    expect(typo.data.error.known).toContain('company.industry');
    expect(commitCount(dir)).toBe(commits);

    const gone = await mcp.ok<{ result: { removed: { field: string; value: unknown }[] } }>('write_stage', { thread: THREAD, stage: 1, front_matter: {}, remove: ['company.industry'] });
    expect(gone.result.removed).toEqual([{ field: 'company.industry', value: expect.any(String) }]);
    expect(readFileSync(join(dir, FILE), 'utf8')).not.toMatch(/^ {2}industry:/m);
  });
});
