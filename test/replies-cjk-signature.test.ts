import { describe, expect, it } from 'vitest';
import { classifyReply, replyText } from '../src/outreach/index.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * Chinese, Japanese and Korean replies lose their greeting, sign-off and signature before
 * they are classified, as English and European ones do: a signature's "every Friday out of
 * the office" must not turn a yes into an auto-reply.
 */

const CHINESE_YES = '王经理，您好！\n\n好的，下周二下午可以通个电话。\n\n顺祝商祺\n王伟\n财务总监 | 示例科技\n每周五不在办公室';

describe('Chinese, Japanese and Korean greetings, sign-offs and signatures', () => {
  it.each([
    ['Japanese sign-off line and name', '興味はありません。\n\nよろしくお願い申し上げます。\n\n山田', '興味はありません。'],
    ['Japanese sign-off ending the reply line', '興味はありません。よろしくお願いいたします。\n山田', '興味はありません。'],
    ['Japanese salutation and greeting', '山田様\n\nお世話になっております。お打ち合わせの件、承知しました。', 'お打ち合わせの件、承知しました。'],
    ['Japanese signature block under a name', '来週お打ち合わせできますか？\n\n山田太郎\n株式会社例え 経理部\n※毎週金曜日は不在にしております', '来週お打ち合わせできますか？'],
    ['Chinese salutation and sign-off', CHINESE_YES, '好的，下周二下午可以通个电话。'],
    ['Chinese 此致 / 敬礼', '不需要。\n此致\n敬礼\n王伟', '不需要。'],
    ['Korean greeting with the name', '김철수님 안녕하세요. 관심 없습니다.', '관심 없습니다.'],
    ['Korean signature signed 드림', '좋습니다. 다음 주 화요일에 통화해요.\n\n김철수 드림\n재무팀 | 매주 금요일 부재중', '좋습니다. 다음 주 화요일에 통화해요.'],
    ['Korean trailing thanks', '네, 자료 보내 주세요. 감사합니다.', '네, 자료 보내 주세요.'],
  ])('cuts the %s', (_case, text, own) => {
    expect(replyText(text)).toBe(own);
  });

  it.each([
    ['a short closing paragraph is kept', '好的。\n\n不感兴趣', 'negative'],
    ['a thank-you alone is the reply', '谢谢', 'neutral'],
    ['"以上" inside a sentence is no sign-off', '予算は100万円以上です。興味がありません。', 'negative'],
  ])('keeps what the prospect wrote: %s', (_case, text, category) => {
    expect(classifyReply(text).category).toBe(category);
  });

  it('campaign reply reads a yes above a signature that says "out of office on Fridays" as a yes (built CLI)', async () => {
    const dir = await campaignWithProspect();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'year-end campaign at Stage 5');
    const run = await runJson<{ classification: { category: string } }>(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', CHINESE_YES, '--date', '2026-11-10', '--dir', dir], { env: ENV });
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.classification.category, JSON.stringify(run.json)).toBe('positive');
  });
});
