import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignDraftCommand } from '../src/cli/commands/campaign-outreach.js';
import { readableSignals, signalText } from '../src/outreach/index.js';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { commandJsonAsCli } from './helpers/in-process.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { campaignFiles, workspace } from './helpers/workspace.js';

const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';

function campaign(actions: string): string {
  const dir = workspace({
    ...campaignFiles(CAMPAIGN, '2026-01-26', actions),
  });
  gitInit(dir);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/** `threadwork campaign draft 2026-01-26-month-end [--force] --json --dir <dir>`, without a process: the last test runs draft as one, in text. */
const draftJson = <T>(dir: string, flags: { force?: boolean } = {}, env: Record<string, string> = {}) =>
  commandJsonAsCli<T>(() => campaignDraftCommand('2026-01-26-month-end', { ...flags, commit: true }, { dir, json: true }), env);

const ADA = '  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, title: Controller, status: active}';

describe('advance accepts a sequence given only as a preset', () => {
  it('advances a campaign whose Stage 5 names only a preset, and the Stage 6 template leaves delivered empty', async () => {
    const dir = campaign(`sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n${ADA}`);
    const result = await runJson<{ to: number }>(['advance', CAMPAIGN, '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.to).toBe(6);
    const learning = read(dir, `${CAMPAIGN}/6-learning.md`);
    expect(learning).toMatch(/^ {2}delivered: null$/m);
    expect(learning).not.toMatch(/delivered: 0/);
  });

  it.each([
    ['an unknown preset', 'sequence: {preset: seven-touch-warm, start: 2026-01-26}'],
    ['no sequence at all', 'sequence: null'],
  ])('still refuses %s, saying a preset would do', async (_why, sequence) => {
    const dir = campaign(`${sequence}\nprospects:\n${ADA}`);
    const result = await runCli(['advance', CAMPAIGN, '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sequence\.touches(?: \(line \d+\))?: .*or a preset/);
    expect(existsSync(join(dir, CAMPAIGN, '6-learning.md'))).toBe(false);
  });
});

describe('signals written as objects reach drafts as text', () => {
  it('reads strings and objects, drops what is no signal', () => {
    const signals = readableSignals(['Series B', { type: 'expansion', detail: 'new Berlin office', date: '2026-01-10' }, { type: 'hiring' }, 42, {}, null, { detail: '  ' }]);
    expect(signals.map(signalText)).toEqual(['Series B', 'new Berlin office', 'hiring']);
  });

  it('campaign draft writes the detail, never [object Object], and the hook quotes it', async () => {
    const dir = campaign(`sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n  - name: Ada Lovelace\n    email: ada@analytical.example\n    company: Analytical Payments\n    signals:\n      - {type: expansion, detail: new Berlin office}\n      - Featured in TechCrunch`);
    const result = await draftJson<{ drafts: { path: string }[] }>(dir, {}, { THREADWORK_TODAY: '2026-01-26' });
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    const texts = result.json.drafts.map((d) => read(dir, d.path));
    for (const text of texts) {
      expect(text).not.toContain('[object Object]');
      expect(text).toMatch(/signals:\n {2}- new Berlin office\n {2}- Featured in TechCrunch\n/);
    }
    expect(texts.join('\n')).toMatch(/expanding \(new Berlin office\)/);
  });
});

describe('campaign draft never drafts a touch already sent', () => {
  it('skips touches counted by touches_done and touches whose draft has status sent, even with --force', async () => {
    const dir = campaign(`sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n  - {name: Ada Lovelace, email: ada@analytical.example, company: Analytical Payments, status: active, touches_done: 2}\n  - {name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending, status: active}`);
    const sentDraft = `${CAMPAIGN}/drafts/grace-at-cobol-example-touch-1.md`;
    const sentText = md('status: sent\nprospect: {name: Grace Hopper, email: grace@cobol.example, company: Cobol Lending}\ntouch: 1\nchannel: email\nsubject: Month end at Cobol', '\nHi Grace, what we actually sent.\n');
    writeFiles(dir, { [sentDraft]: sentText });
    for (const force of [false, true]) {
      const result = await draftJson<{ drafts: { path: string; prospect: string; touch: number; action: string; sentIn?: string }[] }>(dir, { force });
      expect(result.code, JSON.stringify(result.json)).toBe(0);
      const sent = result.json.drafts.filter((d) => d.action === 'already-sent').map((d) => `${d.prospect}#${d.touch} ${d.sentIn}`);
      expect(sent).toEqual(['ada@analytical.example#1 touches_done', 'ada@analytical.example#2 touches_done', 'grace@cobol.example#1 draft']);
      expect(result.json.drafts.filter((d) => d.action !== 'already-sent')).toHaveLength(3 + 4);
      expect(read(dir, sentDraft)).toBe(sentText);
    }
    const files = readdirSync(join(dir, CAMPAIGN, 'drafts'));
    expect(files.filter((f) => f.startsWith('ada-at-analytical-example-touch-')).sort()).toEqual(['3', '4', '5'].map((n) => `ada-at-analytical-example-touch-${n}.md`));
    const text = await runCli(['campaign', 'draft', '2026-01-26-month-end', '--dir', dir]);
    expect(text.stdout).toMatch(/3 touches already sent, not drafted/);
    // A touch counted by touches_done alone has no draft: its line names the prospect, not a path that does not exist.
    expect(text.stdout).toContain('sent    ada@analytical.example touch 1 — counted as sent by its touches_done (no draft file): not drafted again');
    expect(text.stdout).not.toContain('ada-at-analytical-example-touch-1.md');
    expect(text.stdout).toContain(`sent    ${sentDraft} — touch 1 already sent: not drafted again`);
  });
});
