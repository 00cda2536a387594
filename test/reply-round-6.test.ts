import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/outreach/index.js';

/*
 * What the sixth round of the reply corpus read wrong on first sight (test/fixtures/replies/
 * *.round-6.yaml): a French "doesn't fit our needs", a Polish "come back to me", a Korean
 * "would you contact me again", a Swedish "I'm free Tuesday" read as away; a Chinese month
 * in numerals, the Japanese fiscal year, a Korean auto-reply whose range starts the day it
 * was sent, and a Swedish "until March 2027"; and German "in Elternzeit", met beside them.
 */
describe('what the sixth round showed missed', () => {
  it.each([
    ['Cela ne correspond pas à nos besoins actuels. Merci et bonne continuation.', '2026-12-07', { category: 'negative' }],
    ['Temat jest ciekawy, ale teraz zamykamy rok. Proszę wrócić do mnie za dwa tygodnie.', '2026-12-07', { category: 'nurture', revisit: '2026-12-21' }],
    ['지금은 예산이 확정되지 않아 어렵습니다. 두 달 후에 다시 연락 주시겠어요?', '2026-12-07', { category: 'nurture', revisit: '2027-02-07' }],
    ['Låter intressant! Boka gärna in ett möte nästa vecka, jag är ledig tisdag eftermiddag.', '2026-12-07', { category: 'positive' }],
    ['目前预算已经用完了，明年三月之后再联系我吧。', '2026-12-07', { category: 'nurture', revisit: '2027-04-01' }],
    ['今期は予算がないため、来年度になったら改めてご連絡いただけますか。', '2026-12-07', { category: 'nurture', revisit: '2027-04-01' }],
    ['[자동 회신] 12월 24일부터 1월 3일까지 휴가입니다. 1월 4일부터 순차적으로 회신드리겠습니다.', '2026-12-24', { category: 'out-of-office', returns: '2027-01-04' }],
    ['Hej! Jag är föräldraledig fram till mars 2027. Kontakta min kollega Erik Holm under tiden.', '2026-12-07', { category: 'out-of-office', returns: '2027-03-01' }],
    ['Ich bin bis März 2027 in Elternzeit.', '2026-12-07', { category: 'out-of-office', returns: '2027-03-01' }],
  ])('%j', (text, received, expected) => {
    expect(classifyReply(text, { received })).toMatchObject(expected);
  });

  it('still reads a Swedish absence "jag är ledig till och med 6 januari" as away', () => {
    expect(classifyReply('Jag är ledig till och med 6 januari.', { received: '2026-12-18' })).toMatchObject({ category: 'out-of-office', returns: '2027-01-07' });
  });
});
