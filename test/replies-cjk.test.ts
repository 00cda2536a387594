import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/outreach/index.js';
import { findReplyPhrases } from '../src/outreach/reply-phrases.js';
import { NEUTRAL_PHRASES } from '../src/outreach/reply-vocabulary.js';

// Japanese and Chinese write no spaces between words: their phrases are found inside the sentence.
describe('replies in Japanese and Chinese', () => {
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
});
