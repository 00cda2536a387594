import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { replaceInFile } from './helpers/testdir.js';
import { CAMPAIGN, ENV, campaignWithProspect } from './helpers/year-end-campaign.js';

type Refusal = { ok: boolean; error: { code: string; message: string; path?: string; line?: number; column?: number } };

/*
 * `ana.lee@tallyfi.com` and `ana-lee@tallyfi.com` both slug to `ana-lee-at-tallyfi-com`:
 * `campaign draft` wrote the first one's five drafts, then stopped on the second's with
 * "already exists: nothing more was written", the five left on disk, uncommitted. Refused
 * now before anything is written, at the second prospect's entry.
 */
describe('two prospects whose drafts would have the same file name', () => {
  it('are refused before any draft is written, at the second one in 5-actions.md', async () => {
    const dir = await campaignWithProspect();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'year-end campaign at Stage 5');
    replaceInFile(dir, `${CAMPAIGN}/5-actions.md`, 'prospects:\n', 'prospects:\n  - {name: Ana Lee, email: ana.lee@tallyfi.com, company: Tallyfi, title: Controller, status: active}\n  - {name: Ana Lee, email: ana-lee@tallyfi.com, company: Tallyfi, title: CFO, status: active}\n');
    const out = await runJson<Refusal>(['campaign', 'draft', '2026-11-02-year-end'], { cwd: dir, env: ENV });
    expect([out.code, out.json.error.code]).toEqual([1, 'draft-name-clash']);
    expect(out.json.error).toMatchObject({ path: `${CAMPAIGN}/5-actions.md`, line: 5, column: 5 });
    expect(out.json.error.message).toContain('as those of the prospect at line 4 (`drafts/ana-lee-at-tallyfi-com-touch-N.md`)');
    expect(out.json.error.message).toMatch(/nothing was written$/);
    // Nothing written: the edit of 5-actions.md is all that differs from HEAD.
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe(` M ${CAMPAIGN}/5-actions.md\n`);
  }, 60_000);

  it('are not refused when one of them gets no draft (unsubscribed)', async () => {
    const dir = await campaignWithProspect();
    replaceInFile(dir, `${CAMPAIGN}/5-actions.md`, 'prospects:\n', 'prospects:\n  - {name: Ana Lee, email: ana.lee@tallyfi.com, company: Tallyfi, title: Controller, status: unsubscribed}\n  - {name: Ana Lee, email: ana-lee@tallyfi.com, company: Tallyfi, title: CFO, status: active}\n');
    const out = await runJson<{ drafts: { path: string }[] }>(['campaign', 'draft', '2026-11-02-year-end', '--no-commit'], { cwd: dir, env: ENV });
    expect(out.code).toBe(0);
    expect(out.json.drafts.map((d) => d.path)).toContain(`${CAMPAIGN}/drafts/ana-lee-at-tallyfi-com-touch-1.md`);
  }, 60_000);
});
