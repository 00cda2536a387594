import { describe, expect, it } from 'vitest';
import { classifyReply, datesIn } from '../src/outreach/index.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * Return and revisit dates the fifth round of the reply corpus showed missed: a month's
 * part named before it in the European languages ("na początku stycznia", "Anfang Januar"),
 * their seasons and ordinal quarters, and Chinese, Japanese and Korean "in N months" and
 * "from April".
 */
describe('dates the fifth round showed missed', () => {
  it.each([
    ['wracam na początku stycznia', '2027-01-01'],
    ['w połowie stycznia', '2027-01-15'],
    ['pod koniec lutego', '2027-02-28'],
    ['do końca stycznia', '2027-01-31'],
    ['Anfang Januar', '2027-01-01'],
    ['Mitte Januar', '2027-01-15'],
    ['début janvier', '2027-01-01'],
    ['mi-janvier', '2027-01-15'],
    ['a principios de enero', '2027-01-01'],
    ['fine gennaio', '2027-01-31'],
    ['begin januari', '2027-01-01'],
    ['no início de janeiro', '2027-01-01'],
    ['i början av januari', '2027-01-01'],
    ['wróćmy do tematu na wiosnę', '2027-03-01'],
    ["ci risentiamo dopo l'estate", '2027-09-01'],
    ['po wakacjach', '2027-09-01'],
    ['im Frühjahr', '2027-03-01'],
    ['im zweiten Quartal', '2027-04-01'],
    ['4月以降にご連絡ください', '2027-04-01'],
    ['三个月后再联系', '2027-03-07'],
    ['3か月後', '2027-03-07'],
    ['3개월 후', '2027-03-07'],
    ['两周后', '2026-12-21'],
  ])('%j gives %s', (text, date) => {
    expect(datesIn(text, '2026-12-07').map((d) => d.date)).toEqual([date]);
  });

  it('reads no date in words that only look like one', () => {
    expect(datesIn("It's fine, January is ok", '2026-12-07').filter((d) => d.text.toLowerCase().startsWith('fine'))).toEqual([]);
    expect(datesIn('予算は3月に決まります', '2026-12-07').map((d) => d.date)).toEqual(['2027-03-01']);
  });

  it('a Polish out-of-office reply back "at the start of January" pauses until then (built CLI)', async () => {
    expect(classifyReply('Jestem na urlopie, wracam na początku stycznia.', { received: '2026-11-10' })).toMatchObject({ category: 'out-of-office', returns: '2027-01-01' });
    const dir = await campaignWithProspect();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'year-end campaign at Stage 5');
    const run = await runJson<{ classification: { category: string; returns: string | null } }>(
      ['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', 'Dzień dobry, jestem na urlopie, wracam na początku stycznia.', '--date', '2026-11-10', '--dir', dir],
      { env: ENV },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.classification, JSON.stringify(run.json)).toMatchObject({ category: 'out-of-office', returns: '2027-01-01' });
  });
});
