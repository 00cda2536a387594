import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

const THREAD = 'threads/sales/oakline-outfitters';
const ACTIONS = `${THREAD}/5-actions.md`;

/**
 * A deal at Stage 5 whose 5-actions.md a person left half-saved. Opening Stage 6 — by
 * write_stage or advance — is refused (stage-invalid) as it should be, but the refusal named
 * no `path` and did not say that nothing was written: the agent had to dig the file out of
 * the diagnostics, and could not tell whether its learning had been written.
 */
describe('opening the next stage on a stage with errors', () => {
  it.each([
    ['write_stage', { thread: THREAD, stage: 6, front_matter: { outcome: 'closed-lost', closed: '2026-12-01', loss_reason: 'no budget' } }],
    ['advance', { thread: THREAD }],
  ])('%s is refused naming the file to fix and saying nothing was written', async (tool, args) => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, ACTIONS);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+result: )(Inbound.*)$/m, '$1"$2'));
    const mcp = await connectMcp(dir);
    const refused = await mcp.call<{ error: { code: string; path?: string; message: string; diagnostics: { path: string }[] } }>(tool, args);
    expect(refused.isError).toBe(true);
    expect(refused.data.error.code).toBe('stage-invalid');
    expect(refused.data.error.path).toBe(ACTIONS);
    expect(refused.data.error.diagnostics.map((d) => d.path)).toContain(ACTIONS);
    expect(refused.data.error.message).toContain('nothing was written');
  });
});
