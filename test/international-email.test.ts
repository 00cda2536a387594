import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignDraftCommand, campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { dueCommand } from '../src/cli/commands/due.js';
import { companyDomain } from '../src/outreach/index.js';
import { isValidEmail, normalizeEmail } from '../src/scoring/index.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commandJson } from './helpers/in-process.js';
import { md, writeFiles } from './helpers/testdir.js';

/*
 * Internationalised addresses (RFC 6531) are addresses: Stage 5, the suppression list,
 * prospect ids and file names take them as they take ASCII ones (src/schema/email.ts).
 */

const CAMPAIGN = 'threads/sales/campaigns/2027-01-12-japan-outbound';
const SUPPRESSION = 'threads/sales/campaigns/suppression.yaml';
// The ü of Jürgen's entry is decomposed (u + U+0308), as a Mac may type it; his address in Stage 5 is composed.
const JURGEN_DECOMPOSED = 'JU\u0308RGEN@MU\u0308LLER.DE';

function workspace(): string {
  const dir = exampleWorkspaceCopy();
  writeFiles(dir, {
    [`${CAMPAIGN}/meta.json`]: JSON.stringify({ id: '2027-01-12-japan-outbound', type: 'sales-campaign', title: 'Japan outbound', segment: 'mid-market-fintech', source: 'outbound', created: '2027-01-12' }),
    [`${CAMPAIGN}/1-input.md`]: md('goal: Meetings\nsegment: mid-market-fintech\ndate: 2027-01-12'),
    [`${CAMPAIGN}/2-hypothesis.md`]: md('tests: [A5]'),
    [`${CAMPAIGN}/3-implication.md`]: md('expected_meetings: 5'),
    [`${CAMPAIGN}/4-decision.md`]: md('decision: LAUNCH'),
    [`${CAMPAIGN}/5-actions.md`]: md(
      [
        'sequence:',
        '  preset: five-touch-cold',
        '  start: 2027-01-12',
        'prospects:',
        '  - {name: 山田花子, email: 花子@例え.jp, company: 例え株式会社, title: CFO, status: active}',
        '  - {name: 山田太郎, email: 太郎@例え.jp, company: 例え株式会社, title: Controller, status: active}',
        '  - {name: Jürgen Müller, email: jürgen@müller.de, company: Müller GmbH, title: CFO, status: active}',
      ].join('\n'),
    ),
    [SUPPRESSION]: ['suppressed:', `  - email: ${JURGEN_DECOMPOSED}`, '    reason: do-not-contact', '    date: 2027-01-10', ''].join('\n'),
  });
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('internationalised email addresses', () => {
  it('check takes them in Stage 5 and on the suppression list', async () => {
    const dir = workspace();
    const check = await commandJson<{ diagnostics: { path: string; message: string }[] }>(() => checkCommand({}, { dir, json: true }));
    expect(check.json.diagnostics.filter((d) => d.path.startsWith(CAMPAIGN) || d.path === SUPPRESSION).map((d) => `${d.path} ${d.message}`)).toEqual([]);
  });

  it('the suppression list matches one in another case and Unicode form; due lists the others', async () => {
    const dir = workspace();
    const due = await commandJson<{ due: { prospect: { email: string } }[] }>(() => dueCommand({ date: '2027-01-12' }, { dir, json: true }));
    expect(due.code).toBe(0);
    expect(due.json.due.map((d) => d.prospect.email)).toEqual(['花子@例え.jp', '太郎@例え.jp']);
  });

  it('two addresses whose letters have no Latin form get drafts of their own', async () => {
    const dir = workspace();
    vi.stubEnv('THREADWORK_TODAY', '2027-01-12');
    const draft = await commandJson(() => campaignDraftCommand('2027-01-12-japan-outbound', { commit: true }, { dir, json: true }));
    expect(draft.code).toBe(0);
    const drafts = existsSync(join(dir, CAMPAIGN, 'drafts')) ? readdirSync(join(dir, CAMPAIGN, 'drafts')) : [];
    const touch1 = drafts.filter((f) => f.endsWith('-touch-1.md')).sort();
    expect(touch1).toHaveLength(2);
    expect(touch1.every((f) => /^at-jp-[0-9a-f]{8}-touch-1\.md$/.test(f))).toBe(true);
  });

  // A domain and its Punycode form are one address: a CRM export or a mail header may give either.
  it('the suppression list and campaign reply read a Punycode domain and its Unicode form as one address', async () => {
    const dir = workspace();
    writeFiles(dir, {
      [`${CAMPAIGN}/5-actions.md`]: md(
        [
          'sequence:',
          '  preset: five-touch-cold',
          '  start: 2027-01-12',
          'prospects:',
          '  - {name: Hans Müller, email: hans@müller.de, company: Müller GmbH, title: CFO, status: active}',
          '  - {name: Eva Müller, email: Eva@XN--MLLER-KVA.DE, company: Müller GmbH, title: CTO, status: active}',
          '  - {name: Ute Müller, email: ute@müller.de, company: Müller GmbH, title: COO, status: active}',
        ].join('\n'),
      ),
      [SUPPRESSION]: ['suppressed:', '  - email: hans@xn--mller-kva.de', '    reason: do-not-contact', '    date: 2027-01-10', '  - email: eva@müller.de', '    reason: do-not-contact', '    date: 2027-01-10', ''].join('\n'),
    });
    const due = await commandJson<{ due: { prospect: { email: string } }[] }>(() => dueCommand({ date: '2027-01-12' }, { dir, json: true }));
    expect(due.json.due.map((d) => d.prospect.email)).toEqual(['ute@müller.de']);

    vi.stubEnv('THREADWORK_TODAY', '2027-01-13');
    const reply = await commandJson<{ category: string }>(() => campaignReplyCommand('2027-01-12-japan-outbound', 'ute@xn--mller-kva.de', { text: 'Please remove me from your list.', date: '2027-01-13', commit: false }, { dir, json: true }));
    expect(reply.code, JSON.stringify(reply.json)).toBe(0);
    expect(readFileSync(join(dir, CAMPAIGN, '5-actions.md'), 'utf8')).toMatch(/ute@müller\.de, company: Müller GmbH, title: COO, status: unsubscribed/);
  });

  it.each([
    ['花子@例え.jp', true],
    ['jürgen@müller.de', true],
    ['ana@acme.com', true],
    ['ana@acme', false],
    ['ana..ruiz@acme.com', false],
    ['.ana@acme.com', false],
    ['ana.@acme.com', false],
    ['花子 太郎@例え.jp', false],
  ])('data quality reads %j as an address: %s', (email, valid) => {
    expect(isValidEmail(email)).toBe(valid);
  });

  it('the duplicate-contact checks read a Punycode domain as its Unicode form', () => {
    expect(normalizeEmail(' Eva@XN--MLLER-KVA.DE ')).toBe('eva@müller.de');
    expect(normalizeEmail('花子@xn--r8jz45g.jp')).toBe('花子@例え.jp');
    // An invalid Punycode label is kept as written: nothing to decode it to.
    expect(normalizeEmail('ana@xn--zz.de')).toBe('ana@xn--zz.de');
  });

  it('gives the company domain of an internationalised address', () => {
    expect(companyDomain('jürgen@MÜLLER.de')).toBe('müller.de');
    expect(companyDomain('花子@例え.jp')).toBe('例え.jp');
  });
});
