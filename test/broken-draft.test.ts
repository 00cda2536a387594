import { afterEach, describe, expect, it, vi } from 'vitest';
import { dueCommand } from '../src/cli/commands/due.js';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { commandJsonAsCli } from './helpers/in-process.js';
import { preparedCopy } from './helpers/prepared.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';

const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';
const DRAFT = `${CAMPAIGN}/drafts/ada-at-analytical-example-touch-1.md`;
const TODAY = { THREADWORK_TODAY: '2026-01-27' };

/** A campaign at Stage 5 whose drafts `campaign draft` wrote and git committed, all `status: draft`: drafted once per file, copied per test. */
const draftedCampaign = (): Promise<string> => preparedCopy('drafted-campaign', draftCampaign);

async function draftCampaign(): Promise<string> {
  const dir = workspace({
    [`${CAMPAIGN}/meta.json`]: JSON.stringify({ id: '2026-01-26-month-end', type: 'sales-campaign', title: 'Month end', segment: 'mid-market-fintech', source: 'outbound', created: '2026-01-26' }),
    [`${CAMPAIGN}/1-input.md`]: md('goal: Meetings\nsegment: mid-market-fintech\ndate: 2026-01-26'),
    [`${CAMPAIGN}/2-hypothesis.md`]: md('tests: [A1]'),
    [`${CAMPAIGN}/3-implication.md`]: md('expected_meetings: 5'),
    [`${CAMPAIGN}/4-decision.md`]: md('decision: LAUNCH'),
    [`${CAMPAIGN}/5-actions.md`]: md(
      [
        'sequence:\n  preset: five-touch-cold\n  start: 2026-01-26\nprospects:',
        '  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, title: Controller, status: active}',
        '  - {name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, title: CFO, status: active}',
      ].join('\n'),
    ),
  });
  gitInit(dir);
  const drafted = await runCli(['campaign', 'draft', CAMPAIGN, '--dir', dir], { env: TODAY });
  expect(drafted.code, drafted.stderr).toBe(0);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/*
 * A person sends Ada's first touch, marks its draft `status: sent` and, in the same edit,
 * writes a subject with an unquoted `: ` — the draft no longer parses. Derivation reads it
 * at its last valid version, still `status: draft`, and `due` listed touch 1 for Ada again:
 * a second copy of the email just sent. The campaign is now held, as for a broken
 * 5-actions.md: nothing of it is listed until the draft is fixed.
 */
describe('threadwork due on a campaign with a broken draft', () => {
  it('lists nothing for the campaign and names the draft and its error', async () => {
    const dir = await draftedCampaign();
    writeFiles(dir, { [DRAFT]: read(dir, DRAFT).replace('status: draft', 'status: sent').replace(/^subject: .*$/m, 'subject: Quick question: the close') });
    const result = await runJson<{ due: { prospect: { email: string }; touch: number }[]; held: { campaign: string; path: string; line: number; column: number; message: string }[] }>(['due', '--date', '2026-01-27', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.due).toEqual([]);
    expect(result.json.held).toEqual([{ campaign: CAMPAIGN, path: DRAFT, line: expect.any(Number), column: expect.any(Number), message: expect.stringContaining('subject') }]);
    const text = await runCli(['due', '--date', '2026-01-27', '--dir', dir]);
    expect(text.stdout).toContain(`held  ${CAMPAIGN}: ${DRAFT}:${result.json.held[0]!.line}:${result.json.held[0]!.column} error`);
  });

  it('lists the campaign again once the draft is fixed, Ada past the touch she was sent', async () => {
    const dir = await draftedCampaign();
    writeFiles(dir, { [DRAFT]: read(dir, DRAFT).replace('status: draft', 'status: sent').replace(/^subject: .*$/m, 'subject: "Quick question: the close"') });
    // due's own function: the test above runs due as a process, in JSON and text.
    const result = await commandJsonAsCli<{ due: { prospect: { email: string }; touch: number }[]; held: unknown[] }>(() => dueCommand({ date: '2026-01-27' }, { dir, json: true }));
    expect(result.json.held).toEqual([]);
    expect(result.json.due.map((d) => [d.prospect.email, d.touch])).toEqual([['grace@cobol.example', 1]]);
  });
});

/*
 * `campaign draft --force` rewrote that broken draft as a new `status: draft` one and
 * committed it: the person's edit — the send it recorded — was gone, and the touch offered
 * for sending again. It now refuses, naming the draft's error, and writes nothing.
 */
describe('threadwork campaign draft --force over a broken draft', () => {
  it('refuses, names the error, and leaves the draft as the person wrote it', async () => {
    const dir = await draftedCampaign();
    const edited = read(dir, DRAFT).replace('status: draft', 'status: sent').replace(/^subject: .*$/m, 'subject: Quick question: the close');
    writeFiles(dir, { [DRAFT]: edited });
    const result = await runJson<{ ok: boolean; error: { code: string; message: string; path: string; diagnostics: { path: string; rule: string }[] } }>(['campaign', 'draft', CAMPAIGN, '--force', '--dir', dir], { env: TODAY });
    expect(result.code).toBe(1);
    expect(result.json.error.code).toBe('thread-in-error');
    expect(result.json.error.path).toBe(DRAFT);
    expect(result.json.error.message).toContain(`Refused to overwrite ${DRAFT}`);
    expect(result.json.error.diagnostics.map((d) => [d.path, d.rule])).toEqual([[DRAFT, 'yaml-syntax']]);
    expect(read(dir, DRAFT)).toBe(edited);
  });
});
