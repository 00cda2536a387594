import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';

/*
 * A thread written the LeanOS method's way, copied in as a folder of stage files with no
 * meta.json: `deal new` for it said "already exists … continue it with `threadwork advance`",
 * and advance refused it for the missing meta.json — a dead end. It now names what is missing
 * and gives the meta.json to write, then migrate.
 */
describe('deal new for a folder of stage files without meta.json', () => {
  it('says the meta.json is missing and gives it, never pointing at advance', async () => {
    const dir = exampleWorkspaceCopy();
    const thread = 'threads/sales/initech';
    mkdirSync(join(dir, thread));
    writeFileSync(join(dir, thread, '1-input.md'), '# Input\n\nSource: Referral from Bob\nSignal: Wants a demo\n');
    const refused = await runJson<{ ok: false; error: { code: string; message: string; path: string; meta: Record<string, unknown> } }>(['deal', 'new', 'Initech', '-s', 'ecommerce-finance', '--date', '2026-11-02', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'thread-exists', path: thread, meta: { id: 'initech', type: 'sales-deal', title: 'Initech', segment: 'ecommerce-finance', source: 'inbound', created: '2026-11-02' } });
    expect(refused.json.error.message).toContain(`Folder ${thread} exists without a meta.json`);
    expect(refused.json.error.message).toContain('`threadwork migrate threads/sales/initech`');
    expect(refused.json.error.message).not.toContain('advance');
    expect(git(dir, 'status', '--porcelain')).toBe(`?? ${thread}/\n`);
    // The meta.json given is one check takes.
    writeFileSync(join(dir, thread, 'meta.json'), `${JSON.stringify(refused.json.error.meta, null, 2)}\n`);
    const checked = await runJson<{ diagnostics: { path: string; rule: string; severity: string }[] }>(['check', '--dir', dir]);
    expect(checked.json.diagnostics.filter((d) => d.path.startsWith(thread) && d.severity === 'error')).toEqual([]);
  });
});
