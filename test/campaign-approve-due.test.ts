import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { campaignApproveCommand } from '../src/cli/commands/campaign-outreach.js';
import { dueCommand } from '../src/cli/commands/due.js';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { commandJsonAsCli } from './helpers/in-process.js';
import { CAMPAIGN, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * Dana's sequence: touches on Nov 2, 5, 9, 16 and 23 (five-touch-cold from 2026-11-02).
 * Touch 1 was sent; then her out-of-office said she is back on Dec 10. On Dec 1, `due`
 * lists nothing for her, and on Dec 10 it lists touch 5 (the furthest the sequence would
 * have got): touches 2 to 4 are skipped. Approve must agree.
 */
/*
 * Due and approve are asked of the commands' own functions on ENV's day (what `… --json`
 * prints and exits with) where what they list or refuse is the subject; the first refusal
 * (JSON and stderr), an approval and check's text stay real CLI runs.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

// The campaign and its drafts are prepared (two CLI runs) before the tests, not within the first one's 30 s (given 120 s: they overran 30 s at load ~23).
beforeAll(async () => {
  await draftedCampaignWithProspect();
}, 120_000);

/** `threadwork due [--date <date>] --json --dir <dir>` on ENV's day, without a process. */
const dueJson = <T>(dir: string, date?: string) => commandJsonAsCli<T>(() => dueCommand(date === undefined ? {} : { date }, { dir, json: true }), ENV);

/** `threadwork campaign approve <draft> --json --dir <dir>` on ENV's day, without a process. */
const approveJson = <T = Record<string, unknown>>(dir: string, draft: string) => commandJsonAsCli<T>(() => campaignApproveCommand([draft], { commit: true }, { dir, json: true }), ENV);

const draft = (touch: number): string => `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-${touch}.md`;

interface Refused {
  error: { code: string; message: string; failures: { path: string; gate: string; rule: string; message: string }[] };
}

/** Every touch drafted; then touch 1 recorded sent and her out-of-office reply's return date written, as a person does. */
async function awayUntilDecember10(): Promise<string> {
  const dir = await draftedCampaignWithProspect();
  const actions = join(dir, CAMPAIGN, '5-actions.md');
  writeFileSync(actions, readFileSync(actions, 'utf8').replace('status: active}', 'status: active, touches_done: 1, paused_until: 2026-12-10}'));
  git(dir, 'commit', '-qam', 'touch 1 sent; Dana away until Dec 10');
  return dir;
}

describe('campaign approve agrees with due about a prospect out of office', () => {
  it('refuses a touch the pause skips, naming the prospect and why, and writes nothing', async () => {
    const dir = await awayUntilDecember10();
    const due = await dueJson<{ due: unknown[] }>(dir);
    expect(due.json.due).toEqual([]);
    const head = git(dir, 'rev-parse', 'HEAD');
    const refused = await runJson<Refused>(['campaign', 'approve', draft(2), '--dir', dir], { env: ENV });
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('gate-refused');
    expect(refused.json.error.failures).toEqual([
      {
        path: draft(2),
        gate: 'not-due',
        rule: 'approved-not-due',
        message: 'Dana Reyes (dana@northwind-pay.com) is out of office until 2026-12-10 (paused_until): touch 2, planned for 2026-11-05, is skipped — `due` lists touch 5 on 2026-12-10 instead',
      },
    ]);
    expect(readFileSync(join(dir, draft(2)), 'utf8')).toMatch(/^status: draft$/m);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    const text = await runCli(['campaign', 'approve', draft(2), '--dir', dir], { env: ENV });
    expect(text.stderr).toContain(`${draft(2)}: not-due gate: Dana Reyes (dana@northwind-pay.com) is out of office until 2026-12-10`);
  });

  it('refuses a touch already sent (touches_done counts it)', async () => {
    const dir = await awayUntilDecember10();
    const refused = await approveJson<Refused>(dir, draft(1));
    expect(refused.code).toBe(1);
    expect(refused.json.error.failures.map((f) => f.message)).toEqual(['dana@northwind-pay.com had touch 1 sent already (touches_done: 1): `due` lists it no more']);
  });

  it('approves the touch due lists on the return date, and check warns at a skipped one approved by hand', async () => {
    const dir = await awayUntilDecember10();
    const approved = await runCli(['campaign', 'approve', draft(5), '--dir', dir], { env: ENV });
    expect(approved.code, approved.stderr).toBe(0);
    const due = await dueJson<{ due: { touch: number; due: string }[] }>(dir, '2026-12-10');
    expect(due.json.due.map((d) => [d.touch, d.due])).toEqual([[5, '2026-12-10']]);
    // Touch 3 approved by hand (before the out-of-office reply came, say): check names it at its status.
    const path = join(dir, draft(3));
    const text = readFileSync(path, 'utf8').replace(/^status: draft$/m, 'status: approved');
    writeFileSync(path, text);
    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.stdout).toContain(`${draft(3)}:2:9 warning Approved although Dana Reyes (dana@northwind-pay.com) is out of office until 2026-12-10 (paused_until): touch 3, planned for 2026-11-09, is skipped — \`due\` lists touch 5 on 2026-12-10 instead; set the draft to \`status: skipped\` (or \`sent\`, if it went out) (approved-not-due)`);
  });

  it('counts from the campaign creation date, as due does, when the sequence names no start', async () => {
    // Created on Nov 2, the sequence's `start` removed: `due` counts from meta.json's `created`; approve judged it startless and let touch 2 through.
    const dir = await awayUntilDecember10();
    const actions = join(dir, CAMPAIGN, '5-actions.md');
    writeFileSync(actions, readFileSync(actions, 'utf8').replace('{preset: five-touch-cold, start: 2026-11-02}', '{preset: five-touch-cold}'));
    git(dir, 'commit', '-qam', 'no sequence start: the campaign counts from its creation');
    const due = await dueJson<{ due: { touch: number; due: string }[] }>(dir, '2026-12-10');
    expect(due.json.due.map((d) => [d.touch, d.due])).toEqual([[5, '2026-12-10']]);
    const refused = await approveJson<Refused>(dir, draft(2));
    expect(refused.code).toBe(1);
    expect(refused.json.error.failures.map((f) => f.message)).toEqual(['Dana Reyes (dana@northwind-pay.com) is out of office until 2026-12-10 (paused_until): touch 2, planned for 2026-11-05, is skipped — `due` lists touch 5 on 2026-12-10 instead']);
    expect(readFileSync(join(dir, draft(2)), 'utf8')).toMatch(/^status: draft$/m);
  });

  it('names the same file, line and column in due and approve for a start that is not a date', async () => {
    // No start is borrowed for a bad `started`: due holds the campaign, approve refuses, both at the value to correct.
    const dir = await awayUntilDecember10();
    const actions = join(dir, CAMPAIGN, '5-actions.md');
    writeFileSync(actions, readFileSync(actions, 'utf8').replace('status: active,', 'status: active, started: 2026-11-31,'));
    const due = await dueJson<{ due: unknown[]; held: { path: string; line: number; column: number; message: string }[] }>(dir, '2026-12-10');
    expect(due.json.due).toEqual([]);
    expect(due.json.held).toHaveLength(1);
    const { path, line, column, message } = due.json.held[0]!;
    expect([path, message]).toEqual([`${CAMPAIGN}/5-actions.md`, 'Invalid `prospects[0].started`: expected a real calendar date (got "2026-11-31")']);
    const refused = await approveJson<{ error: { code: string; diagnostics: { path: string; line: number; column: number; message: string }[] } }>(dir, draft(5));
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('thread-in-error');
    expect(refused.json.error.diagnostics.map((d) => ({ path: d.path, line: d.line, column: d.column, message: d.message }))).toEqual([{ path, line, column, message }]);
  });
});

/** Every touch drafted for Dana (`more` adds fields to her entry), then the drafts of `sent` marked `status: sent` by a person who has not updated touches_done yet. */
async function sentByDraftOnly(sent: number[], more = ''): Promise<string> {
  const dir = await draftedCampaignWithProspect(more);
  for (const touch of sent) {
    const path = join(dir, draft(touch));
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^status: draft$/m, 'status: sent'));
  }
  git(dir, 'commit', '-qam', `touches ${sent.join(', ')} sent; touches_done not updated`);
  return dir;
}

describe('campaign approve counts the touches sent as due counts them: touches_done, or a draft marked sent', () => {
  it('judges a prospect out of office from the draft marked sent, on disk or at HEAD once deleted', async () => {
    const dir = await sentByDraftOnly([1], ', paused_until: 2026-12-10');
    const due = await dueJson<{ due: { touch: number; due: string }[] }>(dir, '2026-12-10');
    expect(due.json.due.map((d) => [d.touch, d.due])).toEqual([[5, '2026-12-10']]);
    const skipped = 'Dana Reyes (dana@northwind-pay.com) is out of office until 2026-12-10 (paused_until): touch 2, planned for 2026-11-05, is skipped — `due` lists touch 5 on 2026-12-10 instead';
    const refused = await approveJson<Refused>(dir, draft(2));
    expect(refused.json.error?.failures.map((f) => f.message)).toEqual([skipped]);
    // The sent draft deleted from disk: HEAD's record of it still counts, as it does for due.
    rmSync(join(dir, draft(1)));
    const deleted = await approveJson<Refused>(dir, draft(2));
    expect(deleted.json.error?.failures.map((f) => f.message)).toEqual([skipped]);
    git(dir, 'checkout', '-q', '--', '.');
    const approved = await approveJson(dir, draft(5));
    expect(approved.code, JSON.stringify(approved.json)).toBe(0);
  });

  it('refuses a touch behind one whose draft is marked sent, saying touches_done is not updated yet', async () => {
    const dir = await sentByDraftOnly([2]);
    const due = await dueJson<{ due: { touch: number }[] }>(dir);
    expect(due.json.due.map((d) => d.touch)).toEqual([3]);
    const refused = await approveJson<Refused>(dir, draft(1));
    expect(refused.code).toBe(1);
    expect(refused.json.error.failures.map((f) => f.message)).toEqual(['dana@northwind-pay.com had touch 1 sent already (a draft marked `status: sent` records touch 2; touches_done: 0 is not updated yet): `due` lists it no more']);
  });
});

describe('campaign approve agrees with due about which touch is next', () => {
  it('refuses touch 5 while due lists touch 1 as overdue, and approves it with the touches before it', async () => {
    // Nothing sent to Dana yet on Dec 1: `due` lists touch 1 (Nov 2) as overdue; touch 5 (Nov 23) comes after four more.
    const dir = await draftedCampaignWithProspect();
    const due = await runJson<{ due: { touch: number; overdue: boolean }[] }>(['due', '--dir', dir], { env: ENV });
    expect(due.json.due.map((d) => [d.touch, d.overdue])).toEqual([[1, true]]);
    const head = git(dir, 'rev-parse', 'HEAD');
    const refused = await runJson<Refused>(['campaign', 'approve', draft(5), '--dir', dir], { env: ENV });
    expect(refused.code).toBe(1);
    expect(refused.json.error.failures.map((f) => [f.gate, f.rule])).toEqual([['not-due', 'approved-not-due']]);
    expect(refused.json.error.failures[0]!.message).toBe(
      `Dana Reyes (dana@northwind-pay.com)'s next touch is touch 1, due 2026-11-02 (the one \`due\` lists), and touches 1, 2, 3 and 4 are neither sent, approved nor skipped: touch 5 goes out after them; approve them first, or with it (\`threadwork campaign approve ${[1, 2, 3, 4, 5].map(draft).join(' ')}\`)`,
    );
    expect(readFileSync(join(dir, draft(5)), 'utf8')).toMatch(/^status: draft$/m);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    // Ahead of their days, with the touches before them: approved.
    const together = await runCli(['campaign', 'approve', draft(1), draft(2), '--dir', dir], { env: ENV });
    expect(together.code, together.stderr).toBe(0);
    // Touch 3 marked approved by hand while touch 2 goes back to draft: check names it at its status.
    const two = join(dir, draft(2));
    writeFileSync(two, readFileSync(two, 'utf8').replace(/^status: approved$/m, 'status: draft'));
    const three = join(dir, draft(3));
    writeFileSync(three, readFileSync(three, 'utf8').replace(/^status: draft$/m, 'status: approved'));
    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.stdout).toContain(`${draft(3)}:2:9 warning Approved although Dana Reyes (dana@northwind-pay.com)'s next touch is touch 1, due 2026-11-02 (the one \`due\` lists), and touch 2 is neither sent, approved nor skipped: touch 3 goes out after it; approve ${draft(2)} too, or set this draft back to \`status: draft\` (approved-not-due)`);
  });
});

describe('campaign approve passes over a touch a person skipped', () => {
  // A person skipped touch 2 (`status: skipped`: not to be sent); touch 3 was refused as "after touch 2", which nobody would ever send.
  it('approves touch 3 once touch 1 is approved and touch 2 is skipped, and refuses it while touch 2 is only a draft', async () => {
    const dir = await draftedCampaignWithProspect();
    expect((await approveJson(dir, draft(1))).code).toBe(0);
    const waiting = await approveJson<Refused>(dir, draft(3));
    expect(waiting.code).toBe(1);
    expect(waiting.json.error.failures[0]!.message).toContain('touch 2 is neither sent, approved nor skipped: touch 3 goes out after it');
    const two = join(dir, draft(2));
    writeFileSync(two, readFileSync(two, 'utf8').replace(/^status: draft$/m, 'status: skipped'));
    git(dir, 'commit', '-qam', 'touch 2 skipped');
    const approved = await approveJson(dir, draft(3));
    expect(approved.code, JSON.stringify(approved.json)).toBe(0);
    expect(readFileSync(join(dir, draft(3)), 'utf8')).toMatch(/^status: approved$/m);
  });
});

describe('due passes over a touch a person skipped', () => {
  // Touch 2 marked skipped (a decision not to send it): due listed it as overdue until touches_done was raised by hand.
  it('lists the touch after a skipped one, and approve takes it as the next', async () => {
    const dir = await draftedCampaignWithProspect(', touches_done: 1');
    const before = await dueJson<{ due: { touch: number; draft: string | null }[] }>(dir);
    expect(before.json.due.map((d) => d.touch)).toEqual([2]);
    const two = join(dir, draft(2));
    writeFileSync(two, readFileSync(two, 'utf8').replace(/^status: draft$/m, 'status: skipped'));
    git(dir, 'commit', '-qam', 'touch 2 skipped');
    const after = await dueJson<{ due: { touch: number; draft: string | null }[] }>(dir);
    expect(after.json.due.map((d) => [d.touch, d.draft])).toEqual([[3, draft(3)]]);
    const approved = await approveJson(dir, draft(3));
    expect(approved.code, JSON.stringify(approved.json)).toBe(0);
  });
});
