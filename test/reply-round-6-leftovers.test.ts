import { describe, expect, it } from 'vitest';
import { classifyReply, datesIn } from '../src/outreach/index.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * What round 6 left (docs/outreach.md): a stop request under a greeting no list had, read
 * as a signature; the Chinese new year ("年后", "过完年"), the Japanese next term ("来期");
 * and a count after "after" moved a month on as if it were a month's name.
 */
describe('what round 6 left', () => {
  it.each([
    ['Goedemorgen,\n\nStop\n\nJan de Vries'],
    ['Dzień dobry Panie Marku,\n\nStop\n\nAnna Nowak'],
    ['Bom dia,\n\nStop\n\nJoão Silva'],
    ['Buenas tardes,\n\nStop\n\nLucía'],
    ['Sehr geehrter Herr Dr. Weber,\n\nStop\n\nKlaus Meier'],
    ['God morgon,\n\nStop\n\nErik'],
  ])('a "stop" under a greeting is a stop, not a signature: %j', (text) => {
    expect(classifyReply(text, { received: '2026-12-07' })).toMatchObject({ category: 'unsubscribe' });
  });

  it.each([
    ['早上好！\n\n不需要\n王伟', 'negative'],
    ['수고 많으십니다.\n\n관심 없습니다\n김철수', 'negative'],
    ['Good day,\n\nStop\n\nJoe', 'unsubscribe'],
  ])('a short answer under "早上好", "수고 많으십니다" or "Good day" is read, not cut as a signature: %j', (text, category) => {
    expect(classifyReply(text, { received: '2026-12-07' })).toMatchObject({ category });
  });

  it('campaign reply records a Dutch "Stop" under "Goedemorgen," as a stop request (built CLI)', async () => {
    const dir = await campaignWithProspect();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'year-end campaign at Stage 5');
    const run = await runJson<{ classification: { category: string } }>(
      ['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', 'Goedemorgen,\n\nStop\n\nJan de Vries', '--date', '2026-11-30', '--dir', dir],
      { env: ENV },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.classification, JSON.stringify(run.json)).toMatchObject({ category: 'unsubscribe' });
  });

  it.each([
    ['现在预算紧张，年后再联系吧。', '2027-02-15'],
    ['过完年再联系', '2027-02-15'],
    ['春节后再说吧，现在太忙了。', '2027-02-15'],
    ['今期は予算が残っていないので、来期にまたご連絡ください。', '2027-04-01'],
  ])('%j is after the new year it names', (text, revisit) => {
    expect(classifyReply(text, { received: '2026-12-07' })).toMatchObject({ category: 'nurture', revisit });
  });

  it('reads "年后" after a count or "new" as those say, not as the Spring Festival', () => {
    expect(datesIn('两年后再说吧', '2026-12-07').map((d) => d.date)).toEqual(['2028-12-07']);
    expect(datesIn('新年后再联系', '2026-12-07').map((d) => d.date)).toEqual(['2027-01-04']);
    // Received after this year's festival week: the next one.
    expect(datesIn('年后再联系', '2027-03-01').map((d) => d.date)).toEqual(['2028-02-07']);
  });

  it('reads "after … in 3 months" as 3 months on, not a month later', () => {
    expect(classifyReply('Happy to talk after the board review in 3 months.', { received: '2026-12-07' })).toMatchObject({ category: 'nurture', revisit: '2027-03-07' });
    // A month's name still moves on: after June is July.
    expect(datesIn('We can look at it after our fiscal year closes in June.', '2026-12-07').map((d) => d.date)).toEqual(['2027-07-01']);
  });
});
