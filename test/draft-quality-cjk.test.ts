import { describe, expect, it } from 'vitest';
import { assessDraft, countSentences, countWords, type DraftToAssess } from '../src/outreach/index.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { md, writeFiles } from './helpers/testdir.js';

/*
 * The draft quality gate on Chinese, Japanese and Korean drafts: sentences end at `。！？`,
 * a name or company is found with the honorific or particle fastened to it ("山田様",
 * "例え株式会社様"), Chinese and Japanese count two characters a word, a subject is as
 * wide as it shows, and a question asking for time counts as the ask.
 */

const JAPANESE_BODY = [
  '山田様',
  '',
  '突然のご連絡失礼いたします。例え株式会社様では月次決算に毎月十日ほどかかっていると伺いました。弊社のツールは照合作業を自動化し、同規模の企業で決算を五日短縮した実績がございます。',
  '',
  '来週、三十分ほどお時間をいただけますでしょうか？ご都合の良い日時をお知らせください。',
].join('\n');

const japanese: DraftToAssess = { subject: '月次決算の短縮について', body: JAPANESE_BODY, channel: 'email', recipient: { name: '山田太郎', company: '例え株式会社' } };
const chinese: DraftToAssess = {
  subject: '关于缩短月结时间',
  body: '王经理您好：\n\n听说贵公司每月月结需要十天左右。我们的工具可以自动完成对账，帮助同等规模的企业把月结缩短了五天。\n\n下周能否抽出三十分钟通个电话？',
  channel: 'email',
  recipient: { name: '王伟', company: '示例科技有限公司' },
  signals: ['月结需要十天'],
};
const korean: DraftToAssess = {
  subject: '월말 결산 단축 관련',
  body: '김철수님 안녕하세요.\n\n예시주식회사에서 매달 월말 결산에 열흘 정도 걸린다고 들었습니다. 저희 도구는 대사 작업을 자동화하여 비슷한 규모의 기업에서 결산을 닷새 단축했습니다. 재무팀의 반복 작업도 크게 줄었습니다.\n\n다음 주에 30분 정도 통화 가능하실까요?',
  channel: 'email',
  recipient: { name: '김철수', company: '예시주식회사' },
};

const codes = (draft: DraftToAssess): string[] => assessDraft(draft).issues.map((i) => i.code);

describe('the quality gate on Chinese, Japanese and Korean drafts', () => {
  it.each([
    ['Japanese', japanese],
    ['Chinese', chinese],
    ['Korean', korean],
  ])('grades a good %s email A and ready', (_language, draft) => {
    expect(assessDraft(draft)).toEqual({ score: 1, grade: 'A', ready: true, issues: [] });
  });

  it('finds the name with its honorific and the company with its particle', () => {
    // A name on file as "山田 太郎" is addressed by its first part, the family name.
    expect(codes({ ...japanese, recipient: { name: '山田 太郎' }, body: '山田様\n\nお時間をいただけますでしょうか？' })).not.toContain('not-personalized');
    expect(codes({ ...japanese, recipient: { name: '山田太郎' }, body: '山田太郎様\n\nお時間をいただけますでしょうか？' })).not.toContain('not-personalized');
    expect(codes({ ...japanese, body: '例え株式会社の皆様\n\nお時間をいただけますでしょうか？' })).not.toContain('not-personalized');
    expect(codes({ ...korean, body: '김철수님, 다음 주에 통화 가능하실까요?' })).not.toContain('not-personalized');
    // Someone else's name is still no personalisation.
    expect(codes({ ...japanese, recipient: { name: '山田 太郎' }, body: '鈴木様\n\nお時間をいただけますでしょうか？' })).toContain('not-personalized');
  });

  it.each([
    ['山田太郎', '山田様\n\n来週お時間をいただけますでしょうか？'],
    ['山田太郎', '山田さん、来週お時間をいただけますでしょうか？'],
    ['王伟', '王经理您好：\n\n下周能否抽出三十分钟通个电话？'],
    ['张小明', '张总您好，下周能否通个电话？'],
    ['김철수', '철수님, 다음 주에 통화 가능하실까요?'],
    ['김철수', '김 부장님, 다음 주에 통화 가능하실까요?'],
  ])('finds %s, on file without a space, addressed by family or given name and honorific', (name, body) => {
    expect(codes({ ...japanese, recipient: { name }, body })).not.toContain('not-personalized');
  });

  it.each([
    ['山田太郎', '鈴木様\n\n来週お時間をいただけますでしょうか？'],
    ['山田太郎', '山の上から、来週お時間をいただけますでしょうか？'],
    ['王伟', '您好，下周能否抽出三十分钟通个电话？'],
  ])('does not count %s as named in %j', (name, body) => {
    expect(codes({ ...japanese, recipient: { name }, body })).toContain('not-personalized');
  });

  it('counts two Chinese or Japanese characters a word: a one-line note is too short, a long letter too long', () => {
    expect(countWords('来週お時間をいただけますか')).toBe(7);
    expect(countWords('株式会社ABCの山田です')).toBe(6);
    expect(countWords('김철수님 안녕하세요')).toBe(2);
    expect(assessDraft({ ...japanese, body: '例え株式会社様、来週お時間をいただけますでしょうか？' }).issues).toContainEqual({
      code: 'too-short',
      severity: 'warning',
      message: '12 words (two Chinese or Japanese characters count as one); an email under 30 rarely says why it matters to them.',
    });
    expect(codes({ ...japanese, body: `${JAPANESE_BODY}\n\n${'弊社の導入事例をご紹介いたします。'.repeat(30)}` })).toContain('too-long');
  });

  it('ends sentences and questions at 。！？', () => {
    expect(countSentences('ご連絡ありがとうございます。ぜひお話を伺いたいです！来週はいかがでしょうか？')).toBe(3);
    expect(countSentences('听说贵公司每月月结需要十天。我们可以帮忙．')).toBe(2);
    expect(codes({ ...japanese, body: `${JAPANESE_BODY}いかがですか？本当ですか？よろしいですか？` })).toContain('too-many-questions');
    // A question about time after a sentence that ends in 。 is the ask.
    expect(codes({ ...chinese, body: chinese.body.replace('下周能否抽出三十分钟通个电话？', '谢谢。') })).toContain('no-call-to-action');
  });

  it('measures a subject by the width it shows: a CJK character counts two', () => {
    const subject = '月次決算を五日短縮した同規模企業の事例と貴社で実現できることについてのご案内';
    expect(subject.length).toBeLessThanOrEqual(60);
    expect(assessDraft({ ...japanese, subject }).issues).toContainEqual(expect.objectContaining({ code: 'subject-too-long', message: expect.stringContaining('76 characters (Chinese, Japanese and Korean characters count two') }));
  });
});

describe('check on a Japanese draft (built CLI)', () => {
  it('does not call a good Japanese email not ready', async () => {
    const dir = exampleWorkspaceCopy();
    const campaign = 'threads/sales/campaigns/2027-01-12-japan-outbound';
    writeFiles(dir, {
      [`${campaign}/meta.json`]: JSON.stringify({ id: '2027-01-12-japan-outbound', type: 'sales-campaign', title: 'Japan outbound', segment: 'mid-market-fintech', source: 'outbound', created: '2027-01-12' }),
      [`${campaign}/1-input.md`]: md('goal: Meetings\nsegment: mid-market-fintech\ndate: 2027-01-12'),
      [`${campaign}/2-hypothesis.md`]: md('tests: []'),
      [`${campaign}/3-implication.md`]: md('expected_meetings: 5'),
      [`${campaign}/4-decision.md`]: md('decision: LAUNCH'),
      [`${campaign}/5-actions.md`]: md('sequence: {preset: five-touch-cold, start: 2027-01-12}\nprospects:\n  - {name: 山田太郎, email: taro@example.jp, company: 例え株式会社, status: active}'),
      [`${campaign}/drafts/taro-1.md`]: `---\nstatus: draft\nprospect: {name: 山田太郎, email: taro@example.jp, company: 例え株式会社}\ntouch: 1\nchannel: email\nsubject: ${japanese.subject}\n---\n\n${JAPANESE_BODY}\n`,
    });
    const check = await runJson<{ diagnostics: { path: string; rule: string; message: string }[] }>(['check'], { cwd: dir });
    expect(check.json.diagnostics.filter((d) => d.path.startsWith(campaign)).map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
  });
});
