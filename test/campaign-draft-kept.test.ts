import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { campaignApproveCommand, campaignDraftCommand } from '../src/cli/commands/campaign-outreach.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { checkInProcess } from './helpers/check.js';
import { runCli } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { commandJsonAsCli, commandTextAsCli } from './helpers/in-process.js';
import { CAMPAIGN, campaignWithProspect, draftedCampaignWithProspect, ENV } from './helpers/year-end-campaign.js';

const DRAFT = `${CAMPAIGN}/drafts/dana-at-northwind-pay-com-touch-2.md`;

interface Drafted {
  drafts: { path: string; action: string; grade: string; ready: boolean; issues: { severity: string; message: string }[]; approvalDropped: boolean; regradedFrom: string | null }[];
}

/**
 * The first test's draft text and check are real CLI runs; the other runs ask the commands'
 * own functions (`… --json` as commandJsonAsCli answers it, the text as commandText prints it)
 * on ENV's day: each CLI process cost 3–6 s on this loaded machine, and what these tests check
 * is what draft keeps, grades and says, not the process.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

// The campaign and its drafts are prepared (two CLI runs) before the tests, not within the first one's 30 s (given 120 s: they overran 30 s at load ~23).
beforeAll(async () => {
  await draftedCampaignWithProspect();
}, 120_000);

/** `threadwork campaign draft <CAMPAIGN> [--force] --json --dir <dir>` on ENV's day, without a process. */
const draftJson = (dir: string, flags: { force?: boolean } = {}) => commandJsonAsCli<Drafted>(() => campaignDraftCommand(CAMPAIGN, { ...flags, commit: true }, { dir, json: true }), ENV);

/** What `threadwork campaign draft <CAMPAIGN> [--force] --dir <dir>` prints on ENV's day, without a process. */
const draftText = (dir: string, flags: { force?: boolean } = {}) => commandTextAsCli(() => campaignDraftCommand(CAMPAIGN, { ...flags, commit: true }, { dir, json: false }), ENV);

describe('campaign draft on drafts it keeps', () => {
  it('grades each kept draft as it is written now, as check does', async () => {
    const dir = await campaignWithProspect();
    const first = await draftJson(dir);
    expect(first.code, JSON.stringify(first.json)).toBe(0);
    expect(first.json.drafts.find((d) => d.path === DRAFT)).toMatchObject({ action: 'created', ready: true });

    // The person rewrites touch 2 into a message that names nobody: check says it is not ready.
    const path = join(dir, DRAFT);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, `${text.slice(0, text.indexOf('\n---\n', 4))}\n---\n\nHello there, a quick note about reconciliation. Do you have ten minutes next week for a call?\n`);
    git(dir, 'commit', '-qam', 'touch 2 rewritten by hand');
    const check = await runCli(['check', '--dir', dir], { env: ENV });
    expect(check.stdout).toMatch(/dana-at-northwind-pay-com-touch-2\.md:1:1 warning Draft not ready \(grade (\w)/);
    const checkGrade = /touch-2\.md:1:1 warning Draft not ready \(grade (\w)/.exec(check.stdout)![1];

    const again = await draftJson(dir);
    expect(again.code, JSON.stringify(again.json)).toBe(0);
    const kept = again.json.drafts.find((d) => d.path === DRAFT)!;
    expect(kept).toMatchObject({ action: 'kept', ready: false, grade: checkGrade });
    expect(kept.issues.some((i) => i.severity === 'critical')).toBe(true);
    // The draft on disk is the person's, untouched.
    expect(readFileSync(path, 'utf8')).toContain('Hello there, a quick note about reconciliation.');
    const textRun = await runCli(['campaign', 'draft', CAMPAIGN, '--dir', dir], { env: ENV });
    expect(textRun.stdout).toContain(`kept    ${checkGrade} not ready ${DRAFT}`);
    // The summary counts what it wrote (nothing) apart from what it kept, which may be approved or edited: not "5 drafts … Every draft has status: draft".
    expect(textRun.stdout).toMatch(/^0 drafts, 0 ready; 5 drafts kept as they are, 4 ready \(--force rewrites them\)\. threadwork never sends anything\.$/m);
  });

  it('says one kept draft is kept as it is, not "as they are"', async () => {
    const dir = await campaignWithProspect();
    const first = await draftJson(dir);
    expect(first.code, JSON.stringify(first.json)).toBe(0);
    // Every draft but touch 2 is deleted: the next run writes them again and keeps that one.
    for (const d of first.json.drafts) if (d.path !== DRAFT) rmSync(join(dir, d.path));
    const again = await draftText(dir);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/^\d+ drafts, \d+ ready; 1 draft kept as it is, 1 ready \(--force rewrites it\)\./m);
  });

  it('says when --force rewrites a draft that was approved', async () => {
    // Touch 1 sent: touch 2 is Dana's next touch, the one approved.
    const dir = await draftedCampaignWithProspect(', touches_done: 1');
    const approved = await commandJsonAsCli(() => campaignApproveCommand([DRAFT], { commit: true }, { dir, json: true }), ENV);
    expect(approved.code, JSON.stringify(approved.json)).toBe(0);
    const forced = await draftJson(dir, { force: true });
    expect(forced.code, JSON.stringify(forced.json)).toBe(0);
    expect(forced.json.drafts.filter((d) => d.approvalDropped).map((d) => d.path)).toEqual([DRAFT]);
    expect(readFileSync(join(dir, DRAFT), 'utf8')).toMatch(/^---\nstatus: draft\n/);
    // The text output names it: a forced rewrite that silently un-approved a touch left it unsent.
    git(dir, 'reset', '-q', '--hard', 'HEAD~1');
    const text = await draftText(dir, { force: true });
    expect(text.stdout).toContain(`${DRAFT} — it was approved: the new text needs approving again`);
  });

  it('leaves a draft a person marked skipped as it is, even with --force, and says so', async () => {
    const dir = await draftedCampaignWithProspect();
    // The person decides touch 2 is not to go out, and notes why in the draft.
    const path = join(dir, DRAFT);
    const skipped = `${readFileSync(path, 'utf8').replace(/^status: draft$/m, 'status: skipped  # she asked for the case study only')}\nNot this one.\n`;
    writeFileSync(path, skipped);
    git(dir, 'commit', '-qam', 'touch 2 skipped by hand');
    const forced = await draftJson(dir, { force: true });
    expect(forced.code, JSON.stringify(forced.json)).toBe(0);
    expect(forced.json.drafts.find((d) => d.path === DRAFT)).toMatchObject({ action: 'kept-skipped' });
    expect(forced.json.drafts.filter((d) => d.path !== DRAFT).every((d) => d.action === 'overwritten')).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(skipped);
    const text = await draftText(dir, { force: true });
    expect(text.code, text.stdout).toBe(0);
    expect(text.stdout).toContain(`skipped ${DRAFT} — marked \`status: skipped\` by a person: kept as it is (--force does not rewrite a skipped draft)`);
    expect(text.stdout).toMatch(/^4 drafts, 4 ready; 1 draft marked skipped, kept as it is\./m);
    expect(readFileSync(path, 'utf8')).toBe(skipped);
  });

  it('re-grades the quality field of a kept draft edited by hand, and changes no other byte of it', async () => {
    const dir = await draftedCampaignWithProspect();
    const path = join(dir, DRAFT);
    const engine = readFileSync(path, 'utf8');
    expect(engine).toMatch(/^quality:\n {2}score: 1\n {2}grade: A\n {2}ready: true\n/m);
    // The person rewrites the message (it names nobody now), notes who checked it and respaces the subject.
    const edited = `${engine.slice(0, engine.indexOf('\n---\n', 4)).replace(/^status: draft$/m, 'status: draft    # Sam rewrote it').replace(/^subject: /m, 'subject:   ')}\n---\n\nHello there, a quick note about reconciliation. Do you have ten minutes next week for a call?\n`;
    writeFileSync(path, edited);
    git(dir, 'commit', '-qam', 'touch 2 rewritten by hand');
    const check = await checkInProcess(dir, ENV);
    const notReady = check.json.diagnostics.find((d: Diagnostic) => d.path === DRAFT && d.line === 1 && d.column === 1 && d.severity === 'warning' && d.message.startsWith('Draft not ready'));
    const checkGrade = /^Draft not ready \(grade (\w), score ([\d.]+)/.exec(notReady!.message)!;

    const again = await draftJson(dir);
    expect(again.code, JSON.stringify(again.json)).toBe(0);
    expect(again.json.drafts.find((d) => d.path === DRAFT)).toMatchObject({ action: 'kept', grade: checkGrade[1], ready: false, regradedFrom: 'A' });
    expect(again.json.drafts.filter((d) => d.regradedFrom !== null)).toHaveLength(1);
    const now = readFileSync(path, 'utf8');
    // The stored grade is the one check gives the text, and ready is false …
    expect(now).toMatch(new RegExp(`^quality:\\n {2}score: ${checkGrade[2]!.replace(/0+$/, '').replace(/\.$/, '')}\\n {2}grade: ${checkGrade[1]}\\n {2}ready: false\\n {2}issues:\\n {4}- "critical: `, 'm'));
    // … and that field is all that changed: the person's comment, spacing and text are as they wrote them.
    const withoutQuality = (text: string): string => text.replace(/^quality:\n(?: {2}.*\n)+/m, '');
    expect(withoutQuality(now)).toBe(withoutQuality(edited));
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // A second run finds the grade true and writes nothing.
    const head = git(dir, 'rev-parse', 'HEAD');
    const text = await draftText(dir);
    expect(text.code, text.stdout).toBe(0);
    expect(text.stdout).not.toContain('re-graded');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(readFileSync(path, 'utf8')).toBe(now);
  });
});
