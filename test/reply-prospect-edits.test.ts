import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';

const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
const ACTIONS = join(CAMPAIGN, '5-actions.md');
const ENV = { THREADWORK_TODAY: '2026-12-01' };

/** The example workspace with its prospects list replaced by `prospects` (the lines after `prospects:`), committed. */
function withProspects(prospects: string): string {
  const dir = exampleWorkspaceCopy();
  const path = join(dir, ACTIONS);
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.replace(/\nprospects:\n[\s\S]*?\n---\n/, `\nprospects:\n${prospects}---\n`));
  git(dir, 'commit', '-qam', 'prospects written by hand');
  return dir;
}

describe('campaign reply edits only the prospect who replied', () => {
  it('adds the status of a prospect who has none without reformatting the others', async () => {
    // `status` is optional (queued by default): the reply adds it as it adds `revisit`.
    const prospects = [
      '',
      '    # Booth leads, Money20/20',
      "    - {name: Dora Four, email: dora@four.example, company: Four Pay, status: 'active'}     # hot",
      '',
      '    - {name: Eli Five, email: eli@five.example, company: Five Lending,   title: "CFO", started: 2026-09-15}',
      '    - {name: Fay Six,',
      '       email: fay@six.example, company: Six & Co}',
      '',
    ].join('\n');
    const dir = withProspects(prospects);
    const before = readFileSync(join(dir, ACTIONS), 'utf8');
    const result = await runCli(['campaign', 'reply', CAMPAIGN, 'eli@five.example', '--text', 'Not interested, thanks.', '--date', '2026-10-01', '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('prospect eli@five.example: queued → completed');
    const expected = before.replace('title: "CFO", started: 2026-09-15}', 'title: "CFO", started: 2026-09-15, status: completed}');
    expect(expected).not.toBe(before);
    expect(readFileSync(join(dir, ACTIONS), 'utf8')).toBe(expected);
  });

  it('sets a status written as an alias by splicing only the alias: comments, two-line flow maps and spacing stay', async () => {
    // One prospect's status anchors the word the next one's refers to: the Document API, which
    // the edit fell back to for an alias, joined Gus's map onto one line and turned `}  # hot` into `} # hot`.
    const prospects = [
      '  - {name: Dora Four, email: dora@four.example, company: Four Pay, status: &on active}  # hot',
      '  - {name: Gus Seven, email: gus@seven.example,',
      '     company:  Seven Bank, status: *on}   # met at the booth',
      '',
    ].join('\n');
    const dir = withProspects(prospects);
    const before = readFileSync(join(dir, ACTIONS), 'utf8');
    const result = await runCli(['campaign', 'reply', CAMPAIGN, 'gus@seven.example', '--text', 'Not interested, thanks.', '--date', '2026-10-01', '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('prospect gus@seven.example: active → completed');
    const expected = before.replace('status: *on}', 'status: completed}');
    expect(expected).not.toBe(before);
    expect(readFileSync(join(dir, ACTIONS), 'utf8')).toBe(expected);
  });

  it('fills a key written with no value (`paused_until:`) after its colon, every other byte as written', async () => {
    // The empty value's place is right after the colon: spliced there, `paused_until:2026-10-12` did not parse and the reply was refused.
    const prospects = [
      '  - {name: Dora Four, email: dora@four.example,',
      '     company: Four Pay, status: active}  # hot',
      '  - name:  Hal Eight     # from the webinar',
      '    email: hal@eight.example',
      '    company: Eight Pay',
      '    status:   active   # warm',
      '    paused_until:',
      '',
    ].join('\n');
    const dir = withProspects(prospects);
    const before = readFileSync(join(dir, ACTIONS), 'utf8');
    const result = await runCli(['campaign', 'reply', CAMPAIGN, 'hal@eight.example', '--text', 'Automatic reply: I am out of the office, back on 12 October.', '--date', '2026-10-01', '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('paused until 2026-10-12');
    const expected = before.replace('    paused_until:\n', '    paused_until: 2026-10-12\n');
    expect(expected).not.toBe(before);
    expect(readFileSync(join(dir, ACTIONS), 'utf8')).toBe(expected);
  });

  it('clears the revisit of a nurture prospect who then unsubscribes, every other byte as written', async () => {
    // "Try me in March", then "remove me": the revisit stayed, a date to write again to someone who asked us not to.
    const prospects = [
      '  - {name: Dora Four, email: dora@four.example, company: Four Pay, status: nurture, revisit: 2027-03-01}  # hot',
      '  - {name: Eli Five, email: eli@five.example, company: Five Lending, status: nurture, revisit: 2027-03-01, started: 2026-09-15}',
      '',
    ].join('\n');
    const dir = withProspects(prospects);
    const before = readFileSync(join(dir, ACTIONS), 'utf8');
    const result = await runCli(['campaign', 'reply', CAMPAIGN, 'eli@five.example', '--text', 'Please remove me from your list.', '--date', '2026-10-01', '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('prospect eli@five.example: nurture → unsubscribed');
    const expected = before.replace('company: Five Lending, status: nurture, revisit: 2027-03-01, started: 2026-09-15}', 'company: Five Lending, status: unsubscribed, started: 2026-09-15}');
    expect(expected).not.toBe(before);
    expect(readFileSync(join(dir, ACTIONS), 'utf8')).toBe(expected);
  });

  it('clears a block-map prospect\'s revisit and pause, comments and lines as written, when they unsubscribe', async () => {
    const prospects = [
      '  - name:  Hal Eight     # from the webinar',
      '    email: hal@eight.example',
      '    company: Eight Pay',
      '    status:   nurture   # warm',
      '    revisit: 2027-03-01   # "try me in March"',
      '    paused_until: 2026-10-12',
      '    title: CFO',
      '  - revisit: 2027-04-01',
      '    name: Ida Nine',
      '    email: ida@nine.example',
      '    company: Nine Pay',
      '    status: nurture',
      '',
    ].join('\n');
    const dir = withProspects(prospects);
    const before = readFileSync(join(dir, ACTIONS), 'utf8');
    for (const email of ['hal@eight.example', 'ida@nine.example']) {
      const result = await runCli(['campaign', 'reply', CAMPAIGN, email, '--text', 'Unsubscribe.', '--date', '2026-10-01', '--dir', dir], { env: ENV });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`prospect ${email}: nurture → unsubscribed`);
    }
    const expected = before
      .replace('    status:   nurture   # warm\n    revisit: 2027-03-01   # "try me in March"\n    paused_until: 2026-10-12\n', '    status:   unsubscribed   # warm\n')
      .replace('  - revisit: 2027-04-01\n    name: Ida Nine', '  - name: Ida Nine')
      .replace('company: Nine Pay\n    status: nurture', 'company: Nine Pay\n    status: unsubscribed');
    expect(expected).not.toBe(before);
    expect(readFileSync(join(dir, ACTIONS), 'utf8')).toBe(expected);
  });

  it('keeps the revisit of a nurture prospect whose reply is an auto-reply', async () => {
    const dir = withProspects('  - {name: Eli Five, email: eli@five.example, company: Five Lending, status: nurture, revisit: 2027-03-01, started: 2026-09-15}\n');
    const result = await runCli(['campaign', 'reply', CAMPAIGN, 'eli@five.example', '--text', 'Automatic reply: I am out of the office, back on 12 October.', '--date', '2026-10-01', '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, ACTIONS), 'utf8')).toContain('status: nurture, revisit: 2027-03-01');
  });

  it('keeps `meeting` when someone who booked one replies again', async () => {
    const dir = withProspects('  - {name: Ravi Shah, email: ravi.shah@meridianpay.com, company: Meridian Pay, title: Controller, status: meeting, started: 2026-09-15}\n');
    const result = await runCli(['campaign', 'reply', CAMPAIGN, 'ravi.shah@meridianpay.com', '--text', 'Great, looking forward to Tuesday. Can we also talk pricing?', '--date', '2026-10-02', '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('positive');
    expect(result.stdout).toContain('prospect ravi.shah@meridianpay.com: status stays meeting');
    expect(readFileSync(join(dir, ACTIONS), 'utf8')).toContain('status: meeting, started: 2026-09-15}');
  });
});
