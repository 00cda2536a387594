import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

interface Replied {
  recorded: string;
  alreadyRecorded: boolean;
}

const reply = (dir: string, text: string): Promise<{ code: number; json: Replied }> =>
  runJson<Replied>(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', text, '--date', '2026-11-10', '--dir', dir], { env: ENV });

describe('campaign reply records', () => {
  it('gives two replies of one day their own records, and knows a retry after the first was deleted', async () => {
    const dir = await campaignWithProspect();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'year-end campaign at Stage 5');
    const base = `${CAMPAIGN}/replies/2026-11-10-dana-at-northwind-pay-com`;
    const first = await reply(dir, 'Out of office until Monday');
    const second = await reply(dir, 'Back now: what does it cost?');
    expect([first.json.recorded, second.json.recorded]).toEqual([`${base}.md`, `${base}-2.md`]);
    expect(readFileSync(join(dir, `${base}.md`), 'utf8')).toContain('> Out of office until Monday');
    // The first record deleted by hand (recorded by mistake, say): the second, retried, is the one recorded, not recorded again in the gap.
    rmSync(join(dir, `${base}.md`));
    git(dir, 'commit', '-qam', 'first reply record removed');
    const retried = await reply(dir, 'Back now: what does it cost?');
    expect(retried.code).toBe(0);
    expect(retried.json).toMatchObject({ recorded: `${base}-2.md`, alreadyRecorded: true });
    expect(readdirSync(join(dir, CAMPAIGN, 'replies'))).toEqual(['2026-11-10-dana-at-northwind-pay-com-2.md']);
  });
});
