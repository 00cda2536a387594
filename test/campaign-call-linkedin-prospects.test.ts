import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { campaignDraftCommand, campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { dueCommand } from '../src/cli/commands/due.js';
import { runCli } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { commandJsonAsCli, commandTextAsCli } from './helpers/in-process.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * A campaign of a LinkedIn message then a call, to people whose email nobody has: Stage 5
 * asked every prospect for an email all the same, so the campaign could not be run. A
 * prospect is now known by their email, else their LinkedIn profile, else their phone
 * (outreach/prospect-id.ts), and needs only the detail their touches go by.
 */
const FACTS = 'company: Northwind Payments, title: Controller, industry: payments, employees: 450, revenue: "$60M", geography: United States, technologies: [NetSuite, Stripe], signals: ["Series B, $40M"], data_date: 2026-10-20, status: active';
const SEQUENCE = 'sequence:\n  start: 2026-11-25\n  touches:\n    - {day: 0, channel: linkedin, template: follow-up-4-linkedin}\n    - {day: 3, channel: call, template: follow-up-2-call}';
const DRAFT = (touch: number): string => `${CAMPAIGN}/drafts/linkedin-com-in-dana-reyes-touch-${touch}.md`;

async function campaignOf(prospect: string): Promise<string> {
  const dir = await campaignWithProspect();
  writeFileSync(join(dir, CAMPAIGN, '5-actions.md'), `---\n${SEQUENCE}\nprospects:\n  - {name: Dana Reyes, ${prospect}${FACTS}}\n---\n\n# Actions\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'a LinkedIn and call sequence');
  return dir;
}

interface Due {
  due: { prospect: { email: string | null; linkedin?: string; phone?: string }; touch: number; channel: string }[];
}

/** `threadwork due --json --dir <dir>` on ENV's day, without a process: the first test runs `due` as one, in text. */
const dueJson = (dir: string) => commandJsonAsCli<Due>(() => dueCommand({}, { dir, json: true }), ENV);

afterEach(() => {
  vi.unstubAllEnvs();
});

// The campaign is prepared (a CLI run) before the tests, not within the first one's 30 s (given 120 s: they overran 30 s at load ~23).
beforeAll(async () => {
  await campaignWithProspect();
}, 120_000);

describe('a prospect reached only by LinkedIn and call', () => {
  it('needs no email: listed, drafted, approved and counted as sent by their LinkedIn profile', async () => {
    const dir = await campaignOf('linkedin: "https://www.linkedin.com/in/Dana-Reyes/", phone: "+1 415 555 0100", ');
    const run = async (...args: string[]): Promise<string> => {
      const result = await runCli([...args, '--dir', dir], { env: ENV });
      expect(result.code, `${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
      return result.stdout;
    };
    expect(await run('check')).toContain('no problems');
    const due = await dueJson(dir);
    expect(due.json.due.map((d) => [d.touch, d.channel, d.prospect.email, d.prospect.linkedin])).toEqual([[1, 'linkedin', null, 'https://www.linkedin.com/in/Dana-Reyes/']]);
    expect(await run('due')).toContain('Dana Reyes <https://www.linkedin.com/in/Dana-Reyes/>');

    expect(await run('campaign', 'draft', CAMPAIGN)).toContain(DRAFT(1));
    const drafted = readFileSync(join(dir, DRAFT(1)), 'utf8');
    expect(drafted).toContain('  linkedin: https://www.linkedin.com/in/Dana-Reyes/\n');
    expect(drafted).not.toContain('email:');
    expect(await run('campaign', 'approve', DRAFT(1))).toContain('Every gate passed');
    // Sent as a person records it: the drafts' record, keyed by the profile, moves her on to the call.
    writeFileSync(join(dir, DRAFT(1)), readFileSync(join(dir, DRAFT(1)), 'utf8').replace('status: approved', 'status: sent'));
    git(dir, 'commit', '-qam', 'sent');
    const next = await dueJson(dir);
    expect(next.json.due.map((d) => [d.touch, d.channel])).toEqual([[2, 'call']]);
  });

  it('is found by `campaign reply` by any of their details, and an unsubscribe puts their profile on the suppression list', async () => {
    const dir = await campaignOf('linkedin: "https://www.linkedin.com/in/Dana-Reyes/", phone: "+1 415 555 0100", ');
    // The commands' own functions: the test above runs each of them as a process.
    const run = async (name: string, command: () => Promise<{ text?: string; exitCode: 0 | 1 }>): Promise<string> => {
      const result = await commandTextAsCli(command, ENV);
      expect(result.code, `${name}\n${result.stdout}`).toBe(0);
      return result.stdout;
    };
    // `campaign reply` finds her by any of her details, written any way; the list holds her profile.
    expect(await run('campaign reply', () => campaignReplyCommand(CAMPAIGN, '+1 (415) 555-0100', { text: 'Please stop.', date: '2026-12-01', commit: true }, { dir, json: false }))).toContain('suppressed https://www.linkedin.com/in/Dana-Reyes/');
    const list = readFileSync(join(dir, 'threads/sales/campaigns/suppression.yaml'), 'utf8');
    expect(list).toContain('  - linkedin: https://www.linkedin.com/in/Dana-Reyes/\n');
    expect((await dueJson(dir)).json.due).toEqual([]);
    expect(await run('check', () => checkCommand({}, { dir, json: false }))).toContain('no problems');
  });

  it('needs the detail each touch goes by: a call to a prospect without a phone is an error at the prospect, naming the field and the touch', async () => {
    const dir = await campaignOf('linkedin: "https://www.linkedin.com/in/dana-reyes", ');
    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${CAMPAIGN}/5-actions.md:8:5 error Missing \`prospects[0].phone\`: expected a phone number: touch 2 of the sequence (day 3) is a call; add \`phone:\` to the prospect, or, to keep them without one, a \`status:\` that takes them out of the sequence (\`nurture\` with a \`revisit:\` date, \`completed\`) (schema)`);
  });

  it('drafts prospects whose LinkedIn profile has `..` or Japanese letters, each in a file of their own', async () => {
    const dir = await campaignWithProspect();
    const prospects = ['https://www.linkedin.com/in/田中花子', 'https://www.linkedin.com/in/佐藤一郎', 'https://www.linkedin.com/in/jean..dupont']
      .map((url, i) => `  - {name: P${i}, linkedin: "${url}", phone: "+81 3 1234 567${i}", ${FACTS}}`).join('\n');
    writeFileSync(join(dir, CAMPAIGN, '5-actions.md'), `---\n${SEQUENCE}\nprospects:\n${prospects}\n---\n\n# Actions\n`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'prospects from Tokyo and Lyon');
    const drafted = await commandTextAsCli(() => campaignDraftCommand(CAMPAIGN, { commit: true }, { dir, json: false }), ENV);
    expect(drafted.code, drafted.stdout).toBe(0);
    const files = [...drafted.stdout.matchAll(/drafts\/(\S+)-touch-1\.md/g)].map((m) => m[1]);
    expect(files).toHaveLength(3);
    expect(new Set(files).size).toBe(3);
    expect(files).toContain('linkedin-com-in-jean-dupont');
    expect(files.filter((f) => /^linkedin-com-in-[0-9a-f]{8}$/.test(f!))).toHaveLength(2);
  });
});

