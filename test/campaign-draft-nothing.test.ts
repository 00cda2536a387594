import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignDraftCommand } from '../src/cli/commands/campaign-outreach.js';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { commandJsonAsCli } from './helpers/in-process.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * A new user's campaign at Stage 5 with `prospects: []` (or a sequence with no touch):
 * `campaign draft` answered "0 drafts, 0 ready" and exit 0, saying nothing of why. It is
 * refused now at the value to fill in, with an example, and nothing is written.
 */
async function campaignWith(from: RegExp, to: string): Promise<string> {
  const dir = await campaignWithProspect();
  const actions = join(dir, CAMPAIGN, '5-actions.md');
  writeFileSync(actions, readFileSync(actions, 'utf8').replace(from, to));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'Stage 5');
  return dir;
}

interface Refusal {
  error: { code: string; message: string; path: string; line: number; column: number };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('campaign draft with nothing to draft', () => {
  it('refuses a campaign that lists no prospects, naming the line and what to write', async () => {
    const dir = await campaignWith(/prospects:\n {2}- \{.*\}\n/, 'prospects: []\n');
    const head = git(dir, 'rev-parse', 'HEAD');
    const refused = await runJson<Refusal>(['campaign', 'draft', CAMPAIGN, '--dir', dir], { env: ENV });
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'no-actions', path: `${CAMPAIGN}/5-actions.md`, line: 3, column: 12 });
    const text = await runCli(['campaign', 'draft', CAMPAIGN, '--dir', dir], { env: ENV });
    expect(text.stderr).toContain(`Nothing to draft: ${CAMPAIGN}/5-actions.md:3:12 lists no prospects: add each under \`prospects:\`, e.g. \`- {name: Ada Lovelace, email: ada@example.com, company: Example Co}\`; nothing was written`);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses a sequence with no touch, at the sequence', async () => {
    const dir = await campaignWith(/sequence: \{preset: five-touch-cold, start: 2026-11-02\}/, 'sequence: {start: 2026-11-02}');
    // The refusal from draft's own function: the test above runs the refused draft as a process, JSON and text.
    const refused = await commandJsonAsCli<Refusal>(() => campaignDraftCommand(CAMPAIGN, { commit: true }, { dir, json: true }), ENV);
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'no-actions', path: `${CAMPAIGN}/5-actions.md`, line: 2, column: 11 });
    expect(refused.json.error.message).toContain('has a sequence with no touch: name a preset');
  });
});
