import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

const THREAD = 'threads/sales/oakline-outfitters';

/**
 * A write's `warnings` are the engine's words, as a diagnostic's are: written for the CLI.
 * The server reworded each diagnostic's message into the tools' terms in `diagnostics`,
 * `held`, `failures` and `skipped`, but not in `warnings` — the list every write answers —
 * so a warning the write raised told the agent of a command where the tool was meant.
 */
describe('a write answer\'s warnings', () => {
  it('name the tools, as the same warning does in check\'s diagnostics', async () => {
    const dir = exampleWorkspaceCopy();
    const decision = join(dir, THREAD, '4-decision.md');
    writeFileSync(decision, readFileSync(decision, 'utf8').replace('decision: QUALIFY', 'decision: DEFER').replace('revisit: null', 'revisit: 2027-01-15'));
    git(dir, 'commit', '-qam', 'deferred by hand, its actions left');
    const mcp = await connectMcp(dir);

    const written = await mcp.ok<{ warnings: { rule: string; message: string }[] }>('write_stage', { thread: THREAD, stage: 5, front_matter: { owner: 'Sam' } });
    const warning = written.warnings.find((w) => w.rule === 'decision-not-to-act');
    expect(warning?.message).toContain('the `due_touches` tool no longer lists its revisit (2027-01-15)');

    const check = await mcp.ok<{ diagnostics: { rule: string; message: string }[] }>('check');
    expect(check.diagnostics.find((d) => d.rule === 'decision-not-to-act')?.message).toBe(warning?.message);
  });
});
