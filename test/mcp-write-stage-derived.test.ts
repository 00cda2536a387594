import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

interface Refusal {
  ok: false;
  error: { code: string; message: string; path?: string; field?: string; fields?: string[] };
}

const THREAD = 'threads/sales/harbor-lending';
const FILE = `${THREAD}/3-implication.md`;

/*
 * write_stage given a field sync derives into meta.json — `status: closed-won`, `stage: 6`, a
 * score — wrote it into the stage file with a warning that it has no effect: the deal stayed as
 * it was, and a dead line was left in a person's file. It is refused, nothing written, naming
 * each field and where its value comes from.
 */
describe('write_stage given a field sync derives', () => {
  it('is refused, nothing written, naming each field and what it follows from', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const before = readFileSync(join(dir, FILE), 'utf8');
    const head = git(dir, 'rev-parse', 'HEAD');
    const answer = await mcp.call<Refusal>('write_stage', { thread: THREAD, stage: 3, front_matter: { strategic_value: 'medium', status: 'closed-won', icp_match_score: 0.9 } });
    expect(answer.isError, answer.text).toBe(true);
    expect(answer.data.error).toMatchObject({ code: 'derived-field', path: FILE, field: 'status', fields: ['status', 'icp_match_score'] });
    expect(answer.data.error.message).toContain('`outcome` (closed-won, closed-lost or stalled) in 6-learning.md');
    expect(answer.data.error.message).toContain('`icp_match_score`: sync derives');
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(before);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    // The same write without them goes ahead.
    const written = await mcp.ok<{ result: { written: boolean } }>('write_stage', { thread: THREAD, stage: 3, front_matter: { strategic_value: 'medium' } });
    expect(written.result.written).toBe(true);
  });

  it('keeps such a key a person wrote in the file: a warning, and `remove` takes it out', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), 'utf8').replace('strategic_value: high', 'strategic_value: high\nstatus: won'));
    git(dir, 'commit', '-qam', 'a person writes status');
    const mcp = await connectMcp(dir);
    const kept = await mcp.ok<{ warnings: { rule: string; field?: string }[] }>('write_stage', { thread: THREAD, stage: 3, front_matter: { resource_cost_hours: 50 } });
    expect(kept.warnings).toEqual([expect.objectContaining({ rule: 'meta-field-in-stage', field: 'status' })]);
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain('status: won');
    await mcp.ok('write_stage', { thread: THREAD, stage: 3, front_matter: {}, remove: ['status'] });
    expect(readFileSync(join(dir, FILE), 'utf8')).not.toContain('status:');
  });
});
