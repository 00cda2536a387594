import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { campaignDraftCommand } from '../src/cli/commands/campaign-outreach.js';
import { checkInProcess } from './helpers/check.js';
import { runCli } from './helpers/cli.js';
import { commandTextAsCli } from './helpers/in-process.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * A draft approved, then set back to `status: draft` by hand, kept its `approved_on`:
 * marked sent later, it read as approved and nothing was said. check now warns at the day;
 * `campaign draft --force` writes the draft anew without it.
 */
const draft = `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-1.md`;

interface Diagnostics {
  diagnostics: { path: string; rule: string; severity: string; line: number; column: number; field?: string; message: string }[];
}

afterEach(() => {
  vi.unstubAllEnvs();
});

// The campaign is prepared (a CLI run) before the test, not within its 30 s (given 120 s: they overran 30 s at load ~23).
beforeAll(async () => {
  await campaignWithProspect();
}, 120_000);

describe('an approval taken back by hand', () => {
  it('is a warning at its approved_on line; --force writes the draft without the day', async () => {
    const dir = await campaignWithProspect();
    const run = async (...args: string[]): Promise<string> => {
      const result = await runCli([...args, '--dir', dir], { env: ENV });
      expect(result.code, `${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
      return result.stdout;
    };
    await run('campaign', 'draft', CAMPAIGN);
    await run('campaign', 'approve', draft);
    const path = join(dir, draft);
    const approved = readFileSync(path, 'utf8');
    const line = approved.split('\n').indexOf('approved_on: 2026-12-01') + 1;
    expect(line).toBeGreaterThan(1);
    writeFileSync(path, approved.replace(/^status: approved$/m, 'status: draft'));
    // check and the forced draft from the commands' own functions (the draft and approve before are processes): six processes overran 30 s at load 20.
    const checked = await checkInProcess<Diagnostics>(dir, ENV);
    const found = checked.json.diagnostics.filter((d) => d.rule === 'approved-on-not-approved');
    expect(found).toEqual([expect.objectContaining({ path: draft, severity: 'warning', line, column: 14, field: 'approved_on' })]);
    expect(found[0]!.message).toMatch(/^Has `approved_on: 2026-12-01` but status draft: the approval was taken back/);

    const forced = await commandTextAsCli(() => campaignDraftCommand(CAMPAIGN, { force: true, commit: true }, { dir, json: false }), ENV);
    expect(forced.code, forced.stdout).toBe(0);
    expect(readFileSync(path, 'utf8')).not.toContain('approved_on');
    const again = await checkInProcess<Diagnostics>(dir, ENV);
    expect(again.json.diagnostics.filter((d) => d.rule === 'approved-on-not-approved')).toEqual([]);
  });
});
