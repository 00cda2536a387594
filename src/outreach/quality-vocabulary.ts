/**
 * The words the quality gate looks for, as data so they can be read, reviewed and
 * extended without touching the rules. Every phrase matches as whole words,
 * case-insensitively, with `don’t` = `don't` and `risk free` = `risk-free`
 * (see phrases.ts); a Chinese, Japanese or Korean phrase is found inside the words
 * around it, which those languages do not set apart.
 */

/** Filler that tells the reader a template wrote this. */
export const GENERIC_OPENINGS: readonly string[] = [
  'I hope this email finds you well',
  'I hope this finds you well',
  'hope this email finds you well',
  'I hope you are doing well',
  "I hope you're doing well",
  'I hope all is well',
  'hope you are well',
  'My name is',
  'I wanted to reach out',
  'I am reaching out',
  "I'm reaching out",
  'Just checking in',
  'just following up',
  'just circling back',
  'touching base',
  'To whom it may concern',
  'Dear Sir or Madam',
];

/** Pressure that reads as a sales tactic to a buyer (and as spam to a filter). */
export const PUSHY_PHRASES: readonly string[] = [
  'act now',
  'last chance',
  'limited time',
  "don't miss",
  'do not miss',
  'urgent',
  'urgently',
  'guarantee',
  'guaranteed',
  'guarantees',
];

/** Words spam filters score against a message. `feel free` is exempt: see quality.ts. */
export const SPAM_TRIGGERS: readonly string[] = ['free', '100%', 'risk-free', 'winner', 'cash', '$$$', 'click here', 'buy now'];

/** A question is a call to action when it asks for one of these. */
export const CTA_QUESTION_WORDS: readonly string[] = [
  'call', 'chat', 'meeting', 'meet', 'time', 'minutes', 'talk', 'demo', 'conversation', 'connect',
  'calendar', 'week', 'available', 'worth', 'open to', 'interested', 'discuss', 'walk through', 'scope',
  // Japanese, Chinese, Korean: a time, a call, a meeting, a demo (found inside the sentence: phrases.ts)
  'お時間', 'ご都合', '打ち合わせ', 'ミーティング', 'お電話', 'デモ', '来週',
  '时间', '時間', '通话', '電話', '电话', '会议', '會議', '聊聊', '演示', '下周', '下週',
  '시간', '미팅', '통화', '회의', '데모', '다음 주',
];

/** Asks that need no question mark. */
export const CTA_PHRASES: readonly string[] = [
  'let me know', 'reply', 'book a', 'schedule', 'find a time', 'grab time', 'pick a time', 'my calendar',
  'calendar link', "let's talk", 'let us talk', "let's connect", 'glad to connect', 'happy to connect', 'set up a call',
  'hop on a call', 'jump on a call',
  'お知らせください', 'ご連絡ください', 'ご返信ください', '请告诉我', '请回复', '請回覆', '联系我', '聯繫我', '알려 주세요', '알려주세요', '회신 부탁', '연락 주세요',
];
