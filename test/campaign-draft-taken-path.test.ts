import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * A command's new files were looked for one by one as they were written: `campaign draft`
 * with touch 3's path taken (here a folder, which a scan lists as no file) wrote touches 1
 * and 2, then stopped with "already exists: nothing more was written", left them
 * uncommitted, and its journal had the next run write touches 4 and 5 too.
 */
describe('a command one of whose new files is taken on disk', () => {
  it('writes none of them, names the path and leaves nothing for the next run to finish', async () => {
    const dir = await campaignWithProspect();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'year-end campaign at Stage 5');
    const taken = `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-3.md`;
    mkdirSync(join(dir, taken), { recursive: true });
    const head = git(dir, 'rev-parse', 'HEAD');
    const drafted = await runJson<{ error: { code: string; path: string; paths: string[]; message: string } }>(['campaign', 'draft', CAMPAIGN, '--dir', dir], { env: ENV });
    expect(drafted.code).toBe(1);
    expect(drafted.json.error).toMatchObject({ code: 'file-exists', path: taken, paths: [taken] });
    expect(drafted.json.error.message).toContain(`${taken} already exists`);
    expect(drafted.json.error.message).toContain('nothing was written');
    expect(readdirSync(join(dir, CAMPAIGN, 'drafts'))).toEqual(['dana-at-northwind-pay-com-touch-3.md']);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(join(dir, '.git', 'threadwork-pending.json'))).toBe(false);
  });
});
