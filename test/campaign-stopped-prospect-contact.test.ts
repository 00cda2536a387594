import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * An email sequence asked every prospect for an email, a `nurture` one kept for a revisit
 * (or an unsubscribed, bounced or finished one) included: a salesperson who noted "Mia,
 * try again in January" with no address yet got an error telling them to "take them out
 * of the sequence" — which the status already had. A prospect out of the sequence is sent
 * no touch, so needs no contact detail; one in it still does, and the error says how to
 * keep someone without one.
 */
const ACTIONS = join(CAMPAIGN, '5-actions.md');

async function campaignWith(...prospects: string[]): Promise<string> {
  const dir = await campaignWithProspect();
  const file = join(dir, ACTIONS);
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n---\n');
  writeFileSync(file, text.slice(0, end) + prospects.map((p) => `\n  - {name: ${p}, company: Harbor Credit, title: Controller}`).join('') + text.slice(end));
  git(dir, 'commit', '-qam', 'prospects without an email');
  return dir;
}

beforeAll(async () => {
  await campaignWithProspect();
}, 120_000);

describe('a prospect without an email in an email sequence', () => {
  it('is fine when their status takes them out of the sequence: nurture with a revisit, unsubscribed, bounced, completed', async () => {
    const dir = await campaignWith('Mia Lopez, status: nurture, revisit: 2027-01-15', 'Ann Lee, status: unsubscribed', 'Bo Chen, status: bounced', 'Cy Diaz, status: completed');
    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.stdout).toContain('no problems');
    expect(check.code).toBe(0);
    const sync = await runCli(['sync', '--dry-run', '--dir', dir], { env: ENV });
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
  });

  it('is an error at the missing key while they are in the sequence, saying how to keep them without one', async () => {
    const dir = await campaignWith('Mia Lopez, status: active');
    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      `${ACTIONS}:5:5 error Missing \`prospects[1].email\`: expected an email address: touch 1 of the sequence (day 0) is an email; add \`email:\` to the prospect, or, to keep them without one, a \`status:\` that takes them out of the sequence (\`nurture\` with a \`revisit:\` date, \`completed\`) (schema)`,
    );
  });
});
