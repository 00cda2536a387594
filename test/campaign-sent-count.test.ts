import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { campaignApproveCommand, campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { dueCommand } from '../src/cli/commands/due.js';
import { checkInProcess } from './helpers/check.js';
import { runCli, runJson } from './helpers/cli.js';
import { commandJsonAsCli } from './helpers/in-process.js';
import { CAMPAIGN, campaignWithProspect, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * The touches a prospect was sent, as every campaign command counts them (prospectsAsSent):
 * `touches_done`, or the last touch a draft marked `status: sent` records when that is more.
 */
/*
 * Check, due, reply and a second approve ask the commands' own functions on ENV's day (what
 * `… --json` prints and exits with): what they count is the subject, not the process. A real
 * approve, an approve refused and a reply's text stay CLI runs.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

// The first test's campaign and drafts are prepared (two CLI runs) before the tests, not within its 30 s (given 120 s: they overran 30 s at load ~23).
beforeAll(async () => {
  await draftedCampaignWithProspect(', touches_done: 4');
}, 120_000);

/** `threadwork campaign reply <CAMPAIGN> dana@northwind-pay.com --text <text> --date <date> --json --dir <dir>` on ENV's day, without a process. */
const replyJson = <T = Record<string, unknown>>(dir: string, text: string, date: string) =>
  commandJsonAsCli<T>(() => campaignReplyCommand(CAMPAIGN, 'dana@northwind-pay.com', { text, date, commit: true }, { dir, json: true }), ENV);

const draft = (touch: number): string => `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-${touch}.md`;

interface Checked {
  diagnostics: { path: string; rule: string; message: string }[];
}

function markSent(dir: string, touch: number): void {
  const path = join(dir, draft(touch));
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^status: (?:draft|approved)$/m, 'status: sent'));
}

describe('closed-mid-sequence counts the touches sent as due does', () => {
  /** Dana had touches 1–4 sent (touches_done: 4) and touch 5 drafted; the campaign closed on Nov 30. */
  async function closedAfterTheLastTouch(): Promise<string> {
    const dir = await draftedCampaignWithProspect(', touches_done: 4');
    writeFileSync(join(dir, CAMPAIGN, '6-learning.md'), '---\nclosed: 2026-11-30\n---\n\n# Learning\n');
    return dir;
  }

  it('does not name a prospect whose last touch a draft marked sent, before touches_done was updated', async () => {
    const dir = await closedAfterTheLastTouch();
    // Touch 5 still a draft: it was cut off by the close, and the warning says so.
    const before = await checkInProcess<Checked>(dir, ENV);
    expect(before.json.diagnostics.filter((d) => d.rule === 'closed-mid-sequence').map((d) => d.message)).toEqual([expect.stringContaining('with 1 prospect still in its sequence (Dana Reyes)')]);
    markSent(dir, 5);
    // `due` counts the sequence done for her; so does check.
    const due = await commandJsonAsCli<{ due: unknown[] }>(() => dueCommand({}, { dir, json: true }), ENV);
    expect(due.json.due).toEqual([]);
    const after = await checkInProcess<Checked>(dir, ENV);
    expect(after.json.diagnostics.map((d) => d.rule)).not.toContain('closed-mid-sequence');
  });
});

describe('an out-of-office reply after the last touch was sent', () => {
  interface Replied {
    pausedUntil: string | null;
    notPaused: string | null;
    status: { before: string; after: string };
    recorded: string;
  }
  const OUT_OF_OFFICE = 'Automatic reply: I am out of the office until 2026-12-10.';
  const reply = (dir: string): Promise<{ code: number; json: Replied }> => replyJson<Replied>(dir, OUT_OF_OFFICE, '2026-11-30');
  const actions = (dir: string): string => readFileSync(join(dir, CAMPAIGN, '5-actions.md'), 'utf8');

  it('is recorded, pauses nothing and says why, when a draft marked sent records the last touch', async () => {
    // Touches 1–4 counted by touches_done, touch 5 by its draft marked sent (touches_done not updated yet).
    const dir = await draftedCampaignWithProspect(', touches_done: 4');
    markSent(dir, 5);
    const replied = await reply(dir);
    expect(replied.code).toBe(0);
    expect(replied.json.pausedUntil).toBeNull();
    expect(replied.json.notPaused).toBe('every touch of the sequence was sent (5 of 5): nothing is left to pause, so no `paused_until` was written; the return date stays in the reply record');
    expect(replied.json.status).toEqual({ before: 'active', after: 'active' });
    expect(actions(dir)).not.toContain('paused_until');
    expect(readFileSync(join(dir, replied.json.recorded), 'utf8')).toMatch(/^returns: 2026-12-10$/m);
    const text = await runCli(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', `${OUT_OF_OFFICE} Back soon.`, '--date', '2026-11-30', '--dir', dir], { env: ENV });
    expect(text.stdout).toContain('not paused: back 2026-12-10, but every touch of the sequence was sent (5 of 5)');
  });

  it('still pauses the sequence while a touch is left', async () => {
    const dir = await campaignWithProspect(', touches_done: 4');
    const replied = await reply(dir);
    expect(replied.json).toMatchObject({ pausedUntil: '2026-12-10', notPaused: null });
    expect(actions(dir)).toContain('touches_done: 4, paused_until: 2026-12-10}');
  });
});

describe('a draft marked sent that was never approved', () => {
  interface Diagnostics {
    diagnostics: { path: string; rule: string; severity: string; line: number; column: number; field?: string; message: string }[];
  }

  it('is a warning at its status line; one approved by campaign approve, or by hand and then by the command, is not', async () => {
    const dir = await draftedCampaignWithProspect();
    // Touch 1 approved by the command, which records the day, and sent; touch 2 went straight from draft to sent.
    const first = await runCli(['campaign', 'approve', draft(1), '--dir', dir], { env: ENV });
    expect(first.code, first.stderr).toBe(0);
    for (const touch of [1, 2]) markSent(dir, touch);
    // Touch 3 approved by hand, then confirmed by the command, and sent.
    const hand = join(dir, draft(3));
    writeFileSync(hand, readFileSync(hand, 'utf8').replace(/^status: draft$/m, 'status: approved'));
    const approved = await runCli(['campaign', 'approve', draft(3), '--dir', dir], { env: ENV });
    expect(approved.code, approved.stderr).toBe(0);
    for (const touch of [1, 3]) expect(readFileSync(join(dir, draft(touch)), 'utf8')).toMatch(/^approved_on: 2026-12-01$/m);
    markSent(dir, 3);
    const checked = await checkInProcess<Diagnostics>(dir, ENV);
    const unapproved = checked.json.diagnostics.filter((d) => d.rule === 'sent-without-approval');
    expect(unapproved).toEqual([expect.objectContaining({ path: draft(2), severity: 'warning', line: 2, column: 9, field: 'status' })]);
    expect(unapproved[0]!.message).toMatch(/^Marked sent but never approved: no `approved_on`.*add `approved_on: YYYY-MM-DD`, the day; if not, review what was sent to dana@northwind-pay.com/);
  });
});

describe('drafts approved before the sequence was edited', () => {
  interface Diagnostics {
    diagnostics: { path: string; rule: string; line: number; column: number; message: string }[];
  }

  it('are named at their status: a touch removed, a touch now on another channel; approve refuses them', async () => {
    const dir = await draftedCampaignWithProspect(', touches_done: 1');
    // Touch 5 is approved ahead with the touches before it (a later touch goes out after them); 3 and 4 are then taken back.
    const approved = await commandJsonAsCli(() => campaignApproveCommand([draft(2), draft(3), draft(4), draft(5)], { commit: true }, { dir, json: true }), ENV);
    expect(approved.code, JSON.stringify(approved.json)).toBe(0);
    for (const touch of [3, 4]) {
      const path = join(dir, draft(touch));
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^status: approved$/m, 'status: draft'));
    }
    // Five emails become three touches, the second a call.
    const actions = join(dir, CAMPAIGN, '5-actions.md');
    const sequence = 'sequence:\n  start: 2026-11-02\n  touches:\n    - {day: 0, channel: email, template: cold-1-problem}\n    - {day: 4, channel: call, template: follow-up-2-call}\n    - {day: 9, channel: email, template: cold-3-case-study}';
    writeFileSync(actions, readFileSync(actions, 'utf8').replace('sequence: {preset: five-touch-cold, start: 2026-11-02}', sequence));
    const checked = await checkInProcess<Diagnostics>(dir, ENV);
    const stale = checked.json.diagnostics.filter((d) => d.rule === 'approved-not-due');
    expect(stale.map((d) => [d.path, d.line, d.column])).toEqual([
      [draft(2), 2, 9],
      [draft(5), 2, 9],
    ]);
    expect(stale[0]!.message).toContain("the sequence's touch 2 is a call touch now and this draft is an email (5-actions.md was edited after it was written)");
    expect(stale[1]!.message).toContain("touch 5 is not in the sequence any more: 5-actions.md's sequence has 3 touches");
    // Set back to draft, neither can be approved again as it is.
    for (const touch of [2, 5]) {
      const path = join(dir, draft(touch));
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^status: approved$/m, 'status: draft'));
    }
    const refused = await runJson<{ error: { code: string; failures: { path: string; gate: string }[] } }>(['campaign', 'approve', draft(2), draft(5), '--dir', dir], { env: ENV });
    expect(refused.json.error.code).toBe('gate-refused');
    expect(refused.json.error.failures.map((f) => [f.path, f.gate])).toEqual([
      [draft(2), 'not-due'],
      [draft(5), 'not-due'],
    ]);
  });
});

describe('a prospect in two campaigns', () => {
  interface Diagnostics {
    diagnostics: { path: string; rule: string; line: number; column: number; message: string }[];
  }
  const SECOND = 'threads/sales/campaigns/2026-11-03-second';

  it('is a warning at the address in the second, until an unsubscribe in the first stops both', async () => {
    const dir = await campaignWithProspect(', touches_done: 1');
    cpSync(join(dir, CAMPAIGN), join(dir, SECOND), { recursive: true });
    const meta = join(dir, SECOND, 'meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"2026-11-02-year-end"', '"2026-11-03-second"'));
    const checked = await checkInProcess<Diagnostics>(dir, ENV);
    const shared = checked.json.diagnostics.filter((d) => d.rule === 'prospect-in-two-campaigns');
    const line = readFileSync(join(dir, SECOND, '5-actions.md'), 'utf8').split('\n').findIndex((l) => l.includes('email: dana@northwind-pay.com')) + 1;
    expect(shared.map((d) => [d.path, d.line])).toEqual([[`${SECOND}/5-actions.md`, line]]);
    expect(shared[0]!.message).toBe(`dana@northwind-pay.com is also in the sequence of ${CAMPAIGN}: \`due\` lists the touches of both campaigns to them, two cold sequences to one person. Keep them in one (remove them here, or set \`status: completed\` in one), or leave it if both are meant`);
    const replied = await replyJson(dir, 'Please remove me from your list', '2026-11-29');
    expect(replied.code, JSON.stringify(replied.json)).toBe(0);
    const after = await checkInProcess<Diagnostics>(dir, ENV);
    expect(after.json.diagnostics.map((d) => d.rule)).not.toContain('prospect-in-two-campaigns');
  });
});
