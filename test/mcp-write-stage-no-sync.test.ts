import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git, lastCommitMessage, lastCommitPaths } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

interface ThreadAnswer {
  stages: { stage: number; frontMatter: { company: Record<string, unknown> } & Record<string, unknown> }[];
}

const THREAD = 'threads/sales/fernway-home';

/**
 * `write_stage` with `sync: false` "only writes the file; the next sync derives from it".
 * Committed on its own, the file would sit in history beside derived values it moved and
 * a body saying "Nothing derived changed."; the next sync commits it with them instead.
 */
describe('write_stage with sync: false', () => {
  it('writes the stage file without committing it; the next sync commits it with the derived values it moved', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const thread = await mcp.ok<ThreadAnswer>('read_thread', { thread: THREAD });
    const input = thread.stages.find((s) => s.stage === 1)!.frontMatter;
    const before = commitCount(dir);

    const written = await mcp.ok<{ sync: unknown; commit: unknown }>('write_stage', { thread: THREAD, stage: 1, front_matter: { ...input, company: { ...input.company, industry: 'payments' } }, sync: false });
    expect(written.sync).toBeNull();
    expect(written.commit).toBeNull();
    expect(commitCount(dir)).toBe(before);
    expect(git(dir, 'status', '--porcelain')).toContain(`${THREAD}/1-input.md`);

    await mcp.ok('sync');
    expect(commitCount(dir)).toBe(before + 1);
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining([`${THREAD}/1-input.md`, `${THREAD}/meta.json`]));
    expect(lastCommitMessage(dir)).toContain(`${THREAD} icp_match_score`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
