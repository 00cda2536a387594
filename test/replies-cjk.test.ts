import { describe, expect, it } from 'vitest';
import { classifyReply, datesIn } from '../src/outreach/index.js';
import { findReplyPhrases } from '../src/outreach/reply-phrases.js';
import { NEUTRAL_PHRASES } from '../src/outreach/reply-vocabulary.js';

// Japanese and Chinese write no spaces between words: their phrases are found inside the sentence.
describe('replies in Japanese, Chinese and Korean', () => {
  it.each([
    ['興味があります。来週お打ち合わせできますか？', 'positive'],
    ['申し訳ありませんが、興味がありません。', 'negative'],
    ['今回は見送らせていただきます。', 'negative'],
    ['配信停止をお願いします。', 'unsubscribe'],
    ['今後のご連絡はご遠慮ください。', 'unsubscribe'],
    ['自動返信：1月12日まで不在にしております。', 'out-of-office'],
    ['我们对此很感兴趣，可以安排会议吗？', 'positive'],
    ['谢谢，我们不感兴趣。', 'negative'],
    ['我们不太感兴趣。', 'negative'],
    ['我们没有兴趣。', 'negative'],
    ['请不要再联系我。', 'unsubscribe'],
    ['自动回复：我正在休假，下周回来。', 'out-of-office'],
    ['我不是负责人，请联系王先生。', 'neutral'],
    ['私は担当ではありません。田中に転送しました。', 'neutral'],
    ['メールが迷惑メールフォルダに入っていました。', 'neutral'],
  ])('%j is %s', (text, category) => {
    expect(classifyReply(text, { received: '2026-01-05' }).category).toBe(category);
  });

  it('names the phrase it read, a refusal over the interest inside it', () => {
    expect(classifyReply('谢谢，我们不感兴趣。')).toMatchObject({ category: 'negative', matched: ['不感兴趣'] });
    expect(classifyReply('興味がありません')).toMatchObject({ category: 'negative', matched: ['興味がありません'] });
  });

  it('reads the wrong person as a referral, not as a no', () => {
    expect(findReplyPhrases('私は担当ではありません。', NEUTRAL_PHRASES).map((hit) => hit.phrase)).toEqual(['担当ではありません']);
    expect(findReplyPhrases('我不是负责人。', NEUTRAL_PHRASES).map((hit) => hit.phrase)).toEqual(['不是负责人']);
  });

  it('keeps word boundaries for spaced scripts, in a reply that mixes both', () => {
    expect(classifyReply('Yesterday I read it. 興味があります。')).toMatchObject({ category: 'positive', matched: ['興味があります'] });
    expect(findReplyPhrases('感兴趣 感兴趣', ['感兴趣']).map((hit) => hit.index)).toEqual([0, 4]);
  });

  // A negated interest is a no in these scripts too: Chinese negates before the phrase, Japanese and Korean after it.
  it.each([
    ['不想了解，谢谢。', 'negative'],
    ['我们不是很感兴趣。', 'negative'],
    ['对此没什么兴趣。', 'negative'],
    ['我們對此不感興趣。', 'negative'],
    ['関心がありません。', 'negative'],
    ['特に興味はございません。', 'negative'],
    ['興味があるわけではありません。', 'negative'],
    ['ぜひ、と言いたいところですが、今回は見送ります。', 'negative'],
    ['いいえ。現在のツールで足りています。', 'negative'],
    ['不。我们已经选了别的供应商。', 'negative'],
    // A negative question is a polite ask; a negated ask is only not asked for.
    ['来週お打ち合わせできませんか？', 'positive'],
    ['詳しく教えていただけないでしょうか。', 'positive'],
    ['デモは希望しません。', 'neutral'],
    ['我没时间开个会。', 'neutral'],
    // A clause ends at full-width punctuation and at 但是: the yes before it stands.
    ['我们很感兴趣，但是这周没时间开会。', 'positive'],
  ])('%j is %s', (text, category) => {
    expect(classifyReply(text, { received: '2026-01-05' }).category).toBe(category);
  });

  it('names the negator it read, before a Chinese phrase and after a Japanese one', () => {
    expect(classifyReply('不想了解').matched).toEqual(['不 … 想了解']);
    expect(classifyReply('興味があるわけではありません。').matched).toEqual(['興味がある … わけではありません']);
  });

  // The return date of a Chinese, Japanese or Korean absence, the year inferred as for "12 January": the next such day after the reply.
  it.each([
    ['自動返信：1月12日まで不在にしております。', '2027-01-12'],
    ['誠に勝手ながら、12月28日から1月5日まで休暇をいただいております。', '2027-01-06'],
    ['１月１２日（月）より出社いたします。出張中です。', '2027-01-12'],
    ['出張中のため、2027年1月8日に戻ります。', '2027-01-08'],
    ['自動返信：1月中旬まで産休を取っております。', '2027-01-15'],
    ['自动回复：我12月28日至1月3日休假，期间无法查看邮件。', '2027-01-04'],
    ['自动回复：我正在休假，1月4号回来。', '2027-01-04'],
    ['我正在休假，1月3日之后回来。', '2027-01-04'],
    ['我正在出差，下周回来。', '2026-12-21'],
  ])('%j returns %s', (text, returns) => {
    expect(classifyReply(text, { received: '2026-12-20' })).toMatchObject({ category: 'out-of-office', returns });
  });

  it.each([
    ['1월 12일까지 휴가입니다.', ['2027-01-12']],
    ['12월 28일부터 1월 3일까지 휴가', ['2026-12-28', '2027-01-04']],
    ['2027년 1월 4일에 복귀합니다', ['2027-01-04']],
    ['1월 말까지 출장', ['2027-01-31']],
    ['다음 주에 복귀합니다', ['2026-12-21']],
  ])('reads the Korean dates of %j', (text, dates) => {
    expect(datesIn(text, '2026-12-20').map((d) => d.date)).toEqual(dates);
  });

  it('keeps the words of a date as written, full-width digits too', () => {
    expect(datesIn('１月１２日より出社', '2026-12-20')).toMatchObject([{ date: '2027-01-12', text: '１月１２日', index: 0 }]);
  });

  // Korean spaces its words but fastens particles to them (관심이, 관심은): its phrases are found inside the words.
  it.each([
    ['관심 없습니다.', 'negative'],
    ['감사합니다만 관심이 없습니다.', 'negative'],
    ['저희는 관심이 있지 않습니다.', 'negative'],
    ['아니요, 괜찮습니다.', 'negative'],
    ['이미 다른 솔루션을 사용하고 있습니다.', 'negative'],
    ['관심이 있습니다. 다음 주에 미팅 가능할까요?', 'positive'],
    ['좋습니다. 자료를 보내주세요.', 'positive'],
    ['데모는 원하지 않습니다.', 'neutral'],
    ['수신 거부합니다.', 'unsubscribe'],
    ['더 이상 메일을 보내지 마세요.', 'unsubscribe'],
    ['명단에서 삭제해 주세요.', 'unsubscribe'],
    ['관심 없습니다. 더 이상 연락하지 마세요.', 'unsubscribe'],
    ['자동 회신: 1월 12일까지 휴가 중입니다.', 'out-of-office'],
    ['지금은 어렵습니다. 내년에 다시 연락 주세요.', 'nurture'],
    ['저는 담당자가 아닙니다. 김 과장님께 전달했습니다.', 'neutral'],
    ['메일이 스팸함에 있었습니다.', 'neutral'],
  ])('Korean %j is %s', (text, category) => {
    expect(classifyReply(text, { received: '2026-12-20' }).category).toBe(category);
  });

  it('gives a Korean absence its return date and a Korean later its revisit date', () => {
    expect(classifyReply('12월 28일부터 1월 3일까지 부재중입니다. 1월 4일에 복귀합니다.', { received: '2026-12-20' })).toMatchObject({ category: 'out-of-office', returns: '2027-01-04' });
    expect(classifyReply('지금은 어렵습니다. 내년에 다시 연락 주세요.', { received: '2026-12-20' })).toMatchObject({ category: 'nurture', revisit: '2027-01-01' });
  });

  // Every Chinese, Japanese and Korean interest phrase, negated as people write it, is a no.
  it.each([
    ['興味があります', '興味がありません。'],
    ['興味あります', '興味ありません。'],
    ['興味がある', '興味があるわけではありません。'],
    ['興味を持ちました', '興味を持てませんでした。'],
    ['関心があります', '関心がありません。'],
    ['是非', '是非にとは思いません。'],
    ['感兴趣', '我们不感兴趣。'],
    ['有兴趣', '我们没有兴趣。'],
    ['很有意思', '不是很有意思。'],
    ['想了解', '我们不想了解。'],
    ['感興趣', '我們不感興趣。'],
    ['有興趣', '我們沒有興趣。'],
    ['想瞭解', '我們不想瞭解。'],
    ['관심 있', '관심 없습니다.'],
    ['관심이 있', '관심이 있지 않습니다.'],
    ['관심이 많', '관심이 많지 않습니다.'],
    ['관심있', '관심없습니다.'],
    ['흥미가 있', '흥미가 없습니다.'],
    ['흥미롭', '흥미롭지 않습니다.'],
    ['좋아요', '안 좋아요.'],
    ['알고 싶', '알고 싶지 않습니다.'],
    ['듣고 싶', '듣고 싶지 않습니다.'],
  ])('%j negated (%j) is a no', (_phrase, text) => {
    expect(classifyReply(text).category).toBe('negative');
  });

  it('reads Korean 안 as a negator only as a word of its own', () => {
    expect(classifyReply('제안 좋아요.').category).toBe('positive');
  });

  // A stop request in Japanese or Chinese, as people write it, is never read as anything else.
  it.each([
    '配信解除をお願いします。',
    'メールの購読を解除してください。',
    'もうメールを送らないで。',
    '今後は連絡しないでほしいです。',
    '别再给我发邮件了。',
    '不要再给我发这种邮件。',
    '请不要再打扰我。',
    '請不要再寄信給我。',
    '請將我從名單中移除。',
    '메일 그만 보내세요.',
    '더 이상 받고 싶지 않습니다.',
    '구독을 취소해 주세요.',
    '제 이메일 주소를 삭제해 주세요.',
    '연락 사절입니다.',
    '이런 메일 안 받고 싶습니다.',
    '전화하지 마세요.',
  ])('%j is an unsubscribe', (text) => {
    expect(classifyReply(text).category).toBe('unsubscribe');
  });
});
