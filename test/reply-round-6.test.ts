import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/outreach/index.js';

/*
 * Dates the sixth round of the reply corpus read wrong on first sight (test/fixtures/replies/
 * *.round-6.yaml): a Chinese month in numerals, the Japanese fiscal year, a Korean
 * auto-reply whose range starts the day it was sent, and a Swedish "until March 2027".
 */
describe('dates the sixth round showed missed', () => {
  it.each([
    ['目前预算已经用完了，明年三月之后再联系我吧。', '2026-12-07', { category: 'nurture', revisit: '2027-04-01' }],
    ['今期は予算がないため、来年度になったら改めてご連絡いただけますか。', '2026-12-07', { category: 'nurture', revisit: '2027-04-01' }],
    ['[자동 회신] 12월 24일부터 1월 3일까지 휴가입니다. 1월 4일부터 순차적으로 회신드리겠습니다.', '2026-12-24', { category: 'out-of-office', returns: '2027-01-04' }],
    ['Hej! Jag är föräldraledig fram till mars 2027. Kontakta min kollega Erik Holm under tiden.', '2026-12-07', { category: 'out-of-office', returns: '2027-03-01' }],
  ])('%j', (text, received, expected) => {
    expect(classifyReply(text, { received })).toMatchObject(expected);
  });
});
